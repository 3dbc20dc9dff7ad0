/**
 * A card's publication details in the browser: an editor says the speaker is a person (their
 * name reads as an organisation's to the export's word list) and where the fact-check is
 * published, from the keyboard, with a wrong address refused next to its field; a reviewer
 * sees both and cannot change them; the lead's ClaimReview download carries both. The Export
 * dialog tells the lead, before the download, which reviewed cards still lack a published URL
 * or a speaker's type, and which quote an article since removed from the board (their reviews
 * name it as where the claim appeared), and which rate a claim corroborated while citing only
 * evidence that refutes it, and which carry a label the scale values below a Disputed one; the
 * download's status says how many reviews got a placeholder URL; both say how many cards in
 * Unverified carry a verdict that ClaimReview does not publish. An imported article's day, proposed
 * from its dateline and changed in the article view, dates the claim in its reviews.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addClaim as addCardClaim,
  addEvidence,
  moveCard,
  readBoard,
  removeArticle,
  setVerdict,
} from '../../shared/board';
import { newLabelMap, scaleMap } from '../../shared/board/schema';
import type { ClaimReview } from '../../shared/export';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  card,
  column,
  moveTo,
  openBoard,
  openCard,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const CLAIM = 'Exports rose 8% last year';
// "Bank" is on the export's list of organisation words: only the editor's choice makes her a Person.
const SPEAKER = 'Grace Bank';
const PUBLISHED = 'https://checkers.example/2026/exports-rose?ref=board&x=<1>';
// Finished later, without the publication details.
const SECOND_CLAIM = 'Imports fell 3% in March';
// Its one claim is judged, then its article removed (a first version, say): the card stays.
const REMOVED = {
  title: 'Jobs report, first version',
  url: 'https://news.example/jobs-v1',
  text: 'Unemployment fell to 4.2% in March, the national statistics office said on Tuesday.',
};

// Its dateline names the day it was published, which the import form proposes.
const DATED = {
  title: 'Jobless rate falls again',
  url: 'https://news.example/jobless-sept',
  text: 'WASHINGTON, Sept. 1, 2021 — The jobless rate fell to 5.2% in August, the Labor Department said on Wednesday.',
};

async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The lead's Export dialog, opened unless an earlier step left it open. */
async function exportDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'Export board' });
  if ((await dialog.count()) === 0) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.waitFor();
  }
  return dialog;
}

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('publication details of a card', () => {
  const { server, browser } = useBoardBrowser();
  let contexts: BrowserContext[];
  let lead: Page;
  let editor: Page;
  let reviewer: Page;
  let board: { id: string; leadUrl: string; leadToken: string };

  beforeAll(async () => {
    board = await server.createBoard('Publication night', 'Lea');
    const [editorUrl, reviewerUrl] = await Promise.all([
      server.invite(board, 'Eddie', 'editor'),
      server.invite(board, 'Rhea', 'reviewer'),
    ]);
    contexts = await Promise.all([0, 1, 2].map(() => browser.newContext()));
    [lead, editor, reviewer] = (await Promise.all(contexts.map((c) => c.newPage()))) as [
      Page,
      Page,
      Page,
    ];
    await openBoard(lead, board.leadUrl);
    await openBoard(editor, editorUrl);
    await openBoard(reviewer, reviewerUrl);
    await addClaim(editor, CLAIM);
    await moveTo(editor, CLAIM, 'Disputed');
    await card(column(editor, 'Disputed'), CLAIM).waitFor();
  }, 120_000);

  it('an editor sets the speaker’s type and the published URL from the keyboard', async () => {
    const dialog = await openCard(editor, CLAIM);
    const speaker = dialog.getByRole('combobox', { name: 'Speaker', exact: true });
    await speaker.fill(SPEAKER);
    await speaker.press('Enter');
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('False');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();

    const form = dialog.getByRole('form', { name: 'Publication' });
    const type = form.getByRole('combobox', { name: 'Speaker is a' });
    const url = form.getByRole('textbox', { name: 'Published fact-check URL' });
    expect(await type.inputValue()).toBe('');
    expect(
      await type.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.text)),
    ).toEqual(['Not set', 'Person', 'Organization']);

    // Keyboard only: the select, then Tab to the address, typed, and Enter to save.
    await type.focus();
    await type.selectOption('person');
    await editor.keyboard.press('Tab');
    expect(await url.evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.keyboard.type('javascript:alert(1)');
    await editor.keyboard.press('Enter');
    const error = form.getByRole('alert').filter({ hasText: /^Enter the address/ });
    await error.waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await url.getAttribute('aria-describedby')).toContain(
      (await error.getAttribute('id')) ?? 'no id',
    );
    expect(await url.evaluate((el) => el === document.activeElement)).toBe(true);

    await url.fill('');
    expect(await url.getAttribute('aria-invalid')).toBe('false');
    await editor.keyboard.type(PUBLISHED);
    await editor.keyboard.press('Enter');
    await expect
      .poll(() => editor.getByText('Publication details saved.').count())
      .toBeGreaterThan(0);
    await waitSaved(editor);
    expect(await type.inputValue()).toBe('person');
    expect(await url.inputValue()).toBe(PUBLISHED);
    expect(await form.getByRole('button', { name: 'Discard changes' }).count()).toBe(0);
    await closeDialog(dialog);
  }, 60_000);

  it('a reviewer sees both and has no control to change them', async () => {
    const dialog = await openCard(reviewer, CLAIM);
    await expect
      .poll(() => dialog.getByText(/^Speaker is a:/).textContent())
      .toBe('Speaker is a: Person');
    const link = dialog.getByRole('link', { name: PUBLISHED });
    expect(await link.getAttribute('href')).toBe(PUBLISHED);
    expect(await dialog.getByRole('combobox', { name: 'Speaker is a' }).count()).toBe(0);
    expect(await dialog.getByRole('textbox', { name: 'Published fact-check URL' }).count()).toBe(0);
    await closeDialog(dialog);
  });

  it('the lead’s ClaimReview download carries the published URL and the speaker’s type', async () => {
    await lead.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = lead.getByRole('dialog', { name: 'Export board' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Organisation name' }).fill('Checkers United');
    await dialog
      .getByRole('textbox', { name: 'Organisation website' })
      .fill('https://checkers.example');
    await dialog.getByRole('button', { name: 'Save organisation' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe('Organisation saved: Checkers United.');
    // Nothing left to finish before publishing: the editor gave the URL and the type.
    expect(await dialog.getByText(/will be exported/).textContent()).toBe(
      '1 of 1 reviewed card will be exported, ready to publish.',
    );
    const [file] = await Promise.all([
      lead.waitForEvent('download', { timeout: 15_000 }),
      dialog.getByRole('button', { name: 'Download ClaimReview JSON-LD' }).click(),
    ]);
    const text = await readFile(await file.path(), 'utf8');
    // Safe inside <script type="application/ld+json">: the link's < > & arrive escaped.
    expect(text).not.toMatch(/[<>&]/);
    const reviews = JSON.parse(text) as {
      url: string;
      claimReviewed: string;
      itemReviewed: { author?: { '@type': string; name: string } };
    }[];
    const review = reviews.find((r) => r.claimReviewed === CLAIM);
    // Written as a URL in JSON-LD (the board keeps it as typed): <1> as %3C1%3E.
    expect(review?.url).toBe('https://checkers.example/2026/exports-rose?ref=board&x=%3C1%3E');
    expect(review?.itemReviewed.author).toEqual({ '@type': 'Person', name: SPEAKER });
  }, 60_000);

  it('the Export dialog names the reviewed cards still without a published URL or a speaker type', async () => {
    await addClaim(editor, SECOND_CLAIM);
    await moveTo(editor, SECOND_CLAIM, 'Disputed');
    const detail = await openCard(editor, SECOND_CLAIM);
    const speaker = detail.getByRole('combobox', { name: 'Speaker', exact: true });
    await speaker.fill('Acme Corp');
    await speaker.press('Enter');
    await detail.getByRole('combobox', { name: 'Verdict label' }).selectOption('False');
    await detail.getByRole('button', { name: 'Save verdict' }).click();
    await waitSaved(editor);
    await closeDialog(detail);

    // Still open from the download above, unless this test runs on its own.
    const dialog = await exportDialog(lead);
    // Live: the editor's card shows up in the open dialog without reopening it.
    await expect
      .poll(() => dialog.getByText(/will be exported/).textContent())
      .toBe('2 of 2 reviewed cards will be exported.');
    const url = dialog.getByText(/^1 card has no published fact-check URL/);
    const guessed = dialog.getByText(/^1 speaker is typed as person or organization by a guess/);
    await Promise.all([url.waitFor(), guessed.waitFor()]);
    // Exactly the claim's own list item (the ones around it hold more text), shown only once
    // its disclosure is open (getByRole leaves hidden elements out).
    const itemOf = (claim: string) =>
      dialog.getByRole('listitem').filter({ hasText: new RegExp(`^“${claim}”$`) });
    // Each is a disclosure listing the claims concerned, opened from the keyboard.
    await url.focus();
    expect(await itemOf(SECOND_CLAIM).count()).toBe(0);
    await lead.keyboard.press('Enter');
    await expect.poll(() => itemOf(SECOND_CLAIM).count()).toBe(1);
    expect(await itemOf(CLAIM).count()).toBe(0);

    const [file] = await Promise.all([
      lead.waitForEvent('download', { timeout: 15_000 }),
      dialog.getByRole('button', { name: 'Download ClaimReview JSON-LD' }).click(),
    ]);
    const reviews = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      url: string;
      claimReviewed: string;
    }[];
    expect(reviews.find((r) => r.claimReviewed === SECOND_CLAIM)?.url).toMatch(
      /^https:\/\/checkers\.example\/#claim-/,
    );
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/1 review has a placeholder URL: replace it with the published fact-check’s/);
  }, 60_000);

  it('the Export dialog names a reviewed card kept on a removed article, whose review names it', async () => {
    const { articleId } = await server.importArticle(board, REMOVED);
    const colleague = server.connect(board.id, board.leadToken);
    try {
      await colleague.synced();
      const kept = Object.values(readBoard(colleague.doc).cards).find(
        (c) => c.source?.articleId === articleId,
      );
      expect(kept).toBeDefined();
      moveCard(
        colleague.doc,
        kept!.id,
        { column: 'disputed', index: 0, verdict: 'False' },
        colleague.as,
      );
      expect(removeArticle(colleague.doc, articleId, colleague.as).kept).toEqual([kept!.id]);
      await colleague.allSaved();

      const dialog = await exportDialog(lead);
      const notice = dialog.getByText(
        /^1 card quotes an article since removed from the board: its review names that article as where the claim appeared$/,
      );
      await notice.waitFor();
      await notice.focus();
      await lead.keyboard.press('Enter');
      // Its own disclosure: the card is among those without a published URL too.
      await dialog
        .locator('details')
        .filter({ hasText: 'quotes an article since removed from the board' })
        .getByRole('listitem')
        .filter({
          hasText: new RegExp(`^“${kept!.claim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`),
        })
        .waitFor();

      const [file] = await Promise.all([
        lead.waitForEvent('download', { timeout: 15_000 }),
        dialog.getByRole('button', { name: 'Download ClaimReview JSON-LD' }).click(),
      ]);
      const reviews = JSON.parse(await readFile(await file.path(), 'utf8')) as {
        url: string;
        itemReviewed: { appearance?: unknown };
      }[];
      expect(
        reviews.find((r) => r.url.endsWith(`#claim-${kept!.id}`))?.itemReviewed.appearance,
      ).toEqual({
        '@type': 'CreativeWork',
        url: REMOVED.url,
        name: REMOVED.title,
      });
    } finally {
      colleague.destroy();
    }
  }, 60_000);

  it('the Export dialog names a Corroborated card whose evidence only refutes its claim', async () => {
    const colleague = server.connect(board.id, board.leadToken);
    try {
      await colleague.synced();
      const claim = 'Wages doubled in a year';
      const id = addCardClaim(colleague.doc, { claim }, colleague.as);
      moveCard(
        colleague.doc,
        id,
        { column: 'corroborated', index: 0, verdict: 'True' },
        colleague.as,
      );
      addEvidence(
        colleague.doc,
        id,
        { url: 'https://stats.example/wages', stance: 'refutes' },
        colleague.as,
      );
      await colleague.allSaved();

      const dialog = await exportDialog(lead);
      const notice = dialog.getByText(
        /^1 card in Corroborated cites only evidence that refutes the claim, while its review rates it corroborated \(check the verdict or the evidence's stance\)$/,
      );
      await notice.waitFor();
      await notice.focus();
      await lead.keyboard.press('Enter');
      await dialog
        .locator('details')
        .filter({ hasText: 'only evidence that refutes the claim' })
        .getByRole('listitem')
        .filter({ hasText: `“${claim}”` })
        .waitFor();
    } finally {
      colleague.destroy();
    }
  }, 60_000);

  it('the Export dialog names the cards whose Corroborated label the scale values below a Disputed one', async () => {
    // A scale the dialog and the server now refuse, stored before they did: "Correct" rated
    // worst. Written by the server itself, as such a board's stored updates would be.
    await server.change(board.id, (doc) => {
      const labels = scaleMap(doc)!.get('labels') as Y.Map<Y.Map<unknown>>;
      const correct = { label: 'Correct', column: 'corroborated', value: 1 } as const;
      labels.set('l-correct', newLabelMap(correct, labels.size));
    });
    const colleague = server.connect(board.id, board.leadToken);
    try {
      await colleague.synced();
      const claim = 'Coffee exports tripled';
      const id = addCardClaim(colleague.doc, { claim }, colleague.as);
      const target = { column: 'corroborated', index: 0, verdict: 'Correct' } as const;
      moveCard(colleague.doc, id, target, colleague.as);
      await colleague.allSaved();

      const dialog = await exportDialog(lead);
      const notice = dialog.getByText(
        /^1 card has a Corroborated label the rating scale values below a Disputed one: ClaimReview reads a higher value as truer, so its review rates it as less true than a disputed claim \(mend the values under Rating scale\)$/,
      );
      await notice.waitFor();
      await notice.focus();
      await lead.keyboard.press('Enter');
      await dialog
        .locator('details')
        .filter({ hasText: 'values below a Disputed one' })
        .getByRole('listitem')
        .filter({ hasText: '“Coffee exports tripled”' })
        .waitFor();
    } finally {
      colleague.destroy();
    }
  }, 60_000);

  it('the Export dialog and the download say how many verdicts in Unverified are not published', async () => {
    const colleague = server.connect(board.id, board.leadToken);
    try {
      await colleague.synced();
      const claim = 'The new prison holds 40,000';
      const id = addCardClaim(colleague.doc, { claim }, colleague.as);
      setVerdict(colleague.doc, id, 'Unproven', 'No figures published.', colleague.as);
      await colleague.allSaved();

      const dialog = await exportDialog(lead);
      const words =
        '1 card in Unverified has a verdict and is not published: ClaimReview holds only finished reviews, the cards in Corroborated and Disputed.';
      const notice = dialog.getByText(words, { exact: true });
      await notice.waitFor();
      await notice.focus();
      await lead.keyboard.press('Enter');
      await dialog
        .locator('details')
        .filter({ hasText: 'in Unverified has a verdict' })
        .getByRole('listitem')
        .filter({ hasText: `“${claim}”` })
        .waitFor();

      const [file] = await Promise.all([
        lead.waitForEvent('download', { timeout: 15_000 }),
        dialog.getByRole('button', { name: 'Download ClaimReview JSON-LD' }).click(),
      ]);
      const reviews = JSON.parse(await readFile(await file.path(), 'utf8')) as {
        claimReviewed: string;
      }[];
      expect(reviews.map((r) => r.claimReviewed)).not.toContain(claim);
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain(words);
    } finally {
      colleague.destroy();
    }
  }, 60_000);

  it('an import proposes the day from the article’s dateline, the article view shows and changes it, and ClaimReview dates the claim', async () => {
    const imports = editor.getByRole('dialog', { name: 'Import article' });
    await editor.getByRole('button', { name: 'Import article' }).click();
    await imports.waitFor();
    await imports
      .getByRole('textbox', { name: 'Article text' })
      .fill(`${DATED.title}\n\n${DATED.text}`);
    const day = imports.getByLabel('Published (optional)');
    // Proposed from the text, and said where it came from.
    expect(await day.inputValue()).toBe('2021-09-01');
    expect(await imports.getByText(/^Found near the top of the article/).textContent()).toBe(
      'Found near the top of the article: “Sept. 1, 2021”. Change it if the story was published another day.',
    );
    await day.fill('2021-09-02');
    await imports.getByRole('textbox', { name: 'Source URL (optional)' }).fill(DATED.url);
    await imports.getByRole('button', { name: 'Import', exact: true }).click();
    await imports.getByRole('button', { name: 'Show the article' }).click();
    const view = editor.getByRole('region', { name: 'Article view' });
    await view.getByText(/^Published (2 September 2021|September 2, 2021)/).waitFor();

    // Set right in the article view, from the keyboard.
    await view.getByRole('button', { name: 'Change date' }).click();
    const field = view.getByLabel('Published');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('2021-09-01');
    await editor.keyboard.press('Enter');
    await view.getByText(/^Published (1 September 2021|September 1, 2021)/).waitFor();
    expect(
      await view
        .getByRole('button', { name: 'Change date' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await waitSaved(editor);

    const colleague = server.connect(board.id, board.leadToken);
    try {
      await colleague.synced();
      const dated = readBoard(colleague.doc).articles.find((a) => a.url === DATED.url)!;
      expect(dated.published).toBe('2021-09-01');
      const reviewed = Object.values(readBoard(colleague.doc).cards).find(
        (c) => c.source?.articleId === dated.id,
      )!;
      moveCard(
        colleague.doc,
        reviewed.id,
        { column: 'disputed', index: 0, verdict: 'False' },
        colleague.as,
      );
      await colleague.allSaved();
      const dialog = await exportDialog(lead);
      const [file] = await Promise.all([
        lead.waitForEvent('download', { timeout: 15_000 }),
        dialog.getByRole('button', { name: 'Download ClaimReview JSON-LD' }).click(),
      ]);
      const reviews = JSON.parse(await readFile(await file.path(), 'utf8')) as ClaimReview[];
      const item = reviews.find((r) => r.url.endsWith(`#claim-${reviewed.id}`))?.itemReviewed;
      expect(item?.datePublished).toBe('2021-09-01');
      expect(item?.appearance).toEqual({
        '@type': 'CreativeWork',
        url: DATED.url,
        name: DATED.title,
        datePublished: '2021-09-01',
      });
    } finally {
      colleague.destroy();
    }
  }, 90_000);
});
