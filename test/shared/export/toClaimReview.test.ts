import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  DEFAULT_RATING_SCALE,
  editCard,
  initBoard,
  moveCard,
  readBoard,
  setRatingScale,
} from '../../../shared/board';
import { type ClaimReview, toClaimReview } from '../../../shared/export';
import { isoDate } from '../../../shared/export/isoTime';
import { speakerType, speakerTypeGuessed } from '../../../shared/export/toClaimReview';
import { alice, buildHostileBoard, HOSTILE } from './hostileBoard';

const SPANISH =
  'El gobierno dijo que las cárceles del país tienen más de 110.000 presos, según las cifras ' +
  'del Ministerio de Justicia. La oposición cuestionó los datos y pidió una auditoría de los ' +
  'penales durante el próximo año.';

/** The fields every review must carry, as dotted paths (schema.org / Google fact-check markup). */
const REQUIRED = [
  '@context',
  '@type',
  'url',
  'claimReviewed',
  'datePublished',
  'author.@type',
  'author.name',
  'author.url',
  'reviewRating.@type',
  'reviewRating.alternateName',
  'reviewRating.ratingValue',
  'reviewRating.bestRating',
  'reviewRating.worstRating',
  'itemReviewed.@type',
];

const at = (value: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

describe('toClaimReview', () => {
  const board = buildHostileBoard();
  const view = readBoard(board.doc);
  const organisation = view.meta.organisation!;
  // Parsed back from its JSON text, as a crawler would read it.
  const { reviews, skipped } = JSON.parse(
    JSON.stringify(toClaimReview(view, { organisation })),
  ) as { reviews: ClaimReview[]; skipped: { cardId: string; reason: string }[] };

  it('gives one complete review per corroborated or disputed card with a verdict', () => {
    expect(reviews.map((r) => r.url)).toEqual([
      `https://factdesk.example/checks#claim-${board.ids.eq}`,
      `https://factdesk.example/checks#claim-${board.ids.lines}`,
    ]);
    for (const review of reviews) {
      for (const path of REQUIRED) expect(at(review, path), path).not.toBeUndefined();
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.reviewRating['@type']).toBe('Rating');
      expect(review.itemReviewed['@type']).toBe('Claim');
      expect(review.author).toEqual({ '@type': 'Organization', ...organisation });
    }
    // Dated by the card's last change, not by the export: exporting again does not re-date it.
    for (const [review, id] of [
      [reviews[0], board.ids.eq],
      [reviews[1], board.ids.lines],
    ] as const) {
      expect(review?.datePublished).toBe(isoDate(view.cards[id]!.updatedAt));
    }
  });

  it('takes the rating from the board scale and keeps hostile text as plain JSON strings', () => {
    const [eq, lines] = reviews;
    expect(eq?.claimReviewed).toBe(HOSTILE.formulaEq);
    expect(eq?.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'True',
      ratingValue: 5,
      bestRating: DEFAULT_RATING_SCALE.best,
      worstRating: DEFAULT_RATING_SCALE.worst,
    });
    expect(lines?.claimReviewed).toBe(HOSTILE.quotes);
    expect(lines?.reviewRating.alternateName).toBe('False');
    expect(lines?.reviewRating.ratingValue).toBe(1);
  });

  it('names the speaker, the article where the claim appeared and the evidence as citations', () => {
    const [eq, lines] = reviews;
    expect(eq?.itemReviewed.author).toEqual({ '@type': 'Person', name: HOSTILE.formulaAt });
    expect(eq?.itemReviewed.appearance?.url).toBe('https://news.example/budget?a=1&b=(2)');
    expect(eq?.itemReviewed.firstAppearance?.url).toBe('https://news.example/budget?a=1&b=(2)');
    expect(eq?.citation?.map((c) => c.url)).toEqual([
      'https://stats.example/table(1)',
      'http://archive.example/x',
    ]);
    expect(lines?.itemReviewed.author).toEqual({
      '@type': 'Organization',
      name: 'Ministry of Health',
    });
    expect(lines?.itemReviewed.appearance).toBeUndefined();
  });

  it('modifies a review on its card’s last change to what the review says, by the history', () => {
    const actor = { id: 'inv-a', name: 'A' };
    const event = (type: string, cardId: string, day: number, data = {}) => ({
      type,
      actor,
      at: Date.UTC(2026, 10, day),
      cardId,
      data,
    });
    const { reviews: dated } = toClaimReview(view, {
      organisation,
      history: [
        event('card.created', board.ids.eq, 1),
        event('evidence.added', board.ids.eq, 3),
        // Taking the card and commenting on it change nothing the review says.
        event('card.assigned', board.ids.eq, 9),
        event('comment.posted', board.ids.eq, 10),
        event('verdict.set', board.ids.lines, 5),
        // Saying where the review is published, once it is out, does not re-date it…
        event('card.edited', board.ids.eq, 11, { fields: ['reviewUrl'] }),
        // …but saying what the speaker is changes the review.
        event('card.edited', board.ids.lines, 7, { fields: ['reviewUrl', 'speakerType'] }),
        // A source put back after its removal is evidence the review weighs again.
        event('evidence.restored', board.ids.lines, 8),
      ],
    });
    expect(dated.map((r) => r.dateModified)).toEqual(['2026-11-03', '2026-11-08']);
    // The events say no column or verdict: the first finished day is not known, nor made up.
    expect(dated.map((r) => r.datePublished)).toEqual(['2026-11-03', '2026-11-08']);
  });

  it('publishes a review on the day it was first finished, modified on its last change or new rating', () => {
    const actor = { id: 'inv-a', name: 'A' };
    const event = (type: string, cardId: string | null, day: number, data = {}) => ({
      type,
      actor,
      at: Date.UTC(2026, 10, day),
      cardId,
      data,
    });
    const { eq, lines } = board.ids;
    const history = [
      // Finished on the 4th: in Corroborated from the 2nd, with a verdict from the 4th.
      event('card.created', eq, 1, { claim: 'x', column: 'unverified' }),
      event('card.moved', eq, 2, { from: 'unverified', to: 'corroborated' }),
      event('verdict.set', eq, 4, { verdict: 'True', from: null }),
      event('evidence.added', eq, 6),
      event('comment.posted', eq, 9),
      // Finished on the 3rd, as it was created in Disputed; its verdict set again on the 5th.
      event('card.created', lines, 1, { claim: 'y', column: 'disputed' }),
      event('verdict.set', lines, 3, { verdict: 'False', from: null }),
      event('verdict.set', lines, 5, { verdict: 'False', from: 'Misleading' }),
      // A lead gives True another value on the 8th: the eq review's rating changed then.
      event('scale.changed', null, 8, {
        added: [],
        removed: [],
        renamed: [],
        changed: [{ label: 'True', value: 5, column: 'corroborated', was: { value: 4 } }],
        range: null,
      }),
    ];
    const dates = (h: typeof history) =>
      toClaimReview(view, { organisation, history: h }).reviews.map((r) => [
        r.datePublished,
        r.dateModified,
      ]);
    expect(dates(history)).toEqual([
      ['2026-11-04', '2026-11-08'],
      ['2026-11-03', '2026-11-05'],
    ]);
    // A new range changes every rating.
    const range = { best: 6, worst: 1, was: { best: 5, worst: 1 } };
    const widened = [
      ...history,
      event('scale.changed', null, 10, { added: [], removed: [], renamed: [], changed: [], range }),
    ];
    expect(dates(widened)).toEqual([
      ['2026-11-04', '2026-11-10'],
      ['2026-11-03', '2026-11-10'],
    ]);
    // Without history, both are the card's last change: no date is made up.
    const updated = (id: string) => isoDate(view.cards[id]!.updatedAt);
    expect(dates([])).toEqual([
      [updated(eq), updated(eq)],
      [updated(lines), updated(lines)],
    ]);
  });

  it('gives the rationale as reviewBody and the article’s language when extraction reads it', () => {
    const [eq] = reviews;
    expect(eq?.reviewBody).toBe(`${HOSTILE.script}\n${HOSTILE.markdown}`);
    // Too short to tell, the article is read as English, as extraction reads it.
    expect(eq?.inLanguage).toBe('en');
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Cárceles' }, alice);
    const articleId = addArticle(doc, { title: 'Penales', text: SPANISH }, alice);
    const sentence = SPANISH.slice(0, SPANISH.indexOf('.') + 1);
    const id = addClaim(
      doc,
      { claim: sentence, source: { articleId, start: 0, end: sentence.length, sentence } },
      alice,
    );
    moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'False' }, alice);
    const [review] = toClaimReview(readBoard(doc), { organisation }).reviews;
    expect(review?.inLanguage).toBe('es');
    expect(review?.reviewBody).toBeUndefined(); // no rationale
  });

  it('types speakers as organisations by the words of both extraction languages', () => {
    for (const name of [
      'Ministry of Health',
      'Ministerio de Justicia y Seguridad Pública',
      'Policía Nacional Civil',
      'Comisión Nacional del Agua',
      'Fiscalía General de la República',
    ]) {
      expect([name, speakerType(name)]).toEqual([name, 'Organization']);
    }
    for (const name of [
      'U.S. Food and Drug Administration',
      'Treasury',
      'FDA',
      'El Faro news',
      'White House',
      'Pentagon',
      'Federal Reserve',
      'Southwest Airlines',
      'United Nations',
      // Outlets named with an article, as the seed article's speakers are.
      'El Faro (report)',
      'La Prensa Gráfica',
      'The Guardian',
      'Associated Press',
    ]) {
      expect([name, speakerType(name)]).toEqual([name, 'Organization']);
    }
    for (const name of [
      'Osiris Luna',
      'Noah Bullock',
      'Bankole Thompson',
      'Ana Policíaca',
      'JD Vance',
      'J.K. Rowling',
      'Elena Lara',
      'Laura Lasso',
      'the spokesperson',
    ]) {
      expect([name, speakerType(name)]).toEqual([name, 'Person']);
    }
  });

  it('without a published URL or a speaker type, falls back to the placeholder and the guess', () => {
    // The board's cards say neither: the url is the organisation's with the card's id, and
    // the speaker's @type the word list's guess (above).
    expect(view.cards[board.ids.eq]).toMatchObject({ speakerType: null, reviewUrl: null });
    expect(reviews[0]?.url).toBe(`https://factdesk.example/checks#claim-${board.ids.eq}`);
    expect(reviews[1]?.itemReviewed.author?.['@type']).toBe('Organization');
  });

  it('takes the url and the speaker’s @type from the card when an editor set them', () => {
    const other = buildHostileBoard();
    const published = 'https://factdesk.example/2026/health-spending?ref=a&b=<c>';
    // "Ministry of Health" reads as an organisation; the editor says otherwise, and wins.
    editCard(other.doc, other.ids.lines, { speakerType: 'person', reviewUrl: published }, alice);
    editCard(other.doc, other.ids.eq, { speakerType: 'organization' }, alice);
    const [eq, lines] = toClaimReview(readBoard(other.doc), { organisation }).reviews;
    // As a URL is written (WHATWG): what a URL may not hold raw is percent-encoded.
    expect(lines?.url).toBe('https://factdesk.example/2026/health-spending?ref=a&b=%3Cc%3E');
    expect(lines?.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Ministry of Health' });
    expect(eq?.url).toBe(`https://factdesk.example/checks#claim-${other.ids.eq}`);
    expect(eq?.itemReviewed.author).toEqual({ '@type': 'Organization', name: HOSTILE.formulaAt });
  });

  // A one-word speaker was guessed a Person ("Reuters", "UNICEF" read so by the word list);
  // extraction's chip of the speaker knows better, and an editor's type still wins.
  it('takes the speaker’s @type from extraction’s chip of the speaker before the guess', () => {
    const other = buildHostileBoard();
    const card = other.doc.getMap('cards').get(other.ids.eq) as Y.Map<unknown>;
    const chips = [{ text: 'Reuters', type: 'organization' }];
    card.set('extraction', { score: 5, rank: 1, chips });
    editCard(other.doc, other.ids.eq, { speaker: 'Reuters' }, alice);
    const typeOf = () =>
      toClaimReview(readBoard(other.doc), { organisation }).reviews[0]?.itemReviewed.author;
    expect(typeOf()).toEqual({ '@type': 'Organization', name: 'Reuters' });
    expect(speakerTypeGuessed(readBoard(other.doc).cards[other.ids.eq]!)).toBe(false);
    card.set('extraction', { score: 5, rank: 1, chips: [{ text: 'Reuters', type: 'person' }] });
    expect(typeOf()).toEqual({ '@type': 'Person', name: 'Reuters' });
    editCard(other.doc, other.ids.eq, { speakerType: 'organization' }, alice);
    expect(typeOf()).toEqual({ '@type': 'Organization', name: 'Reuters' });
  });

  // "Maria Lopez said …" then "Lopez added that …": the second card's speaker is the full name,
  // its chip the surname as that sentence gives it; the type was counted as guessed.
  it('takes a person’s @type from the chip of the speaker’s surname', () => {
    const other = buildHostileBoard();
    const card = other.doc.getMap('cards').get(other.ids.eq) as Y.Map<unknown>;
    card.set('extraction', { score: 5, rank: 1, chips: [{ text: 'Lopez', type: 'person' }] });
    editCard(other.doc, other.ids.eq, { speaker: 'Maria Lopez' }, alice);
    expect(speakerTypeGuessed(readBoard(other.doc).cards[other.ids.eq]!)).toBe(false);
    // Only a whole last word: "Lopez" is no chip of "Maria Lopezgarcia".
    editCard(other.doc, other.ids.eq, { speaker: 'Maria Lopezgarcia' }, alice);
    expect(speakerTypeGuessed(readBoard(other.doc).cards[other.ids.eq]!)).toBe(true);
  });

  it('writes evidence and article URLs as URLs: a quote mark in a query goes out as %22', () => {
    const other = buildHostileBoard();
    const card = other.doc.getMap('cards').get(other.ids.eq) as Y.Map<unknown>;
    const evidence = card.get('evidence') as Y.Array<Y.Map<unknown>>;
    evidence.get(0).set('url', 'https://example.org/e?q=0&x="y" ');
    evidence.get(1).set('url', 'HTTP://Archive.Example/x?a="b"&q=a|b^c{d}`e');
    const [eq] = toClaimReview(readBoard(other.doc), { organisation }).reviews;
    // The first is no URL (a space), so it is no citation; the second is written as one, with
    // what RFC 3986 does not allow raw encoded too.
    expect(eq?.citation?.map((c) => c.url)).toEqual([
      'http://archive.example/x?a=%22b%22&q=a%7Cb%5Ec%7Bd%7D%60e',
    ]);
  });

  it('cites a page once, however many passages of it are evidence (QA)', () => {
    const other = buildHostileBoard();
    const card = other.doc.getMap('cards').get(other.ids.eq) as Y.Map<unknown>;
    const evidence = card.get('evidence') as Y.Array<Y.Map<unknown>>;
    evidence.get(1).set('url', 'https://stats.example/table(1)');
    const [eq] = toClaimReview(readBoard(other.doc), { organisation }).reviews;
    expect(eq?.citation?.map((c) => c.url)).toEqual(['https://stats.example/table(1)']);
  });

  it('uses a published URL only if it is http(s), whatever a replica holds', () => {
    const other = buildHostileBoard();
    const card = other.doc.getMap('cards').get(other.ids.eq) as Y.Map<unknown>;
    card.set('reviewUrl', 'javascript:alert(1)');
    const [eq] = toClaimReview(readBoard(other.doc), { organisation }).reviews;
    expect(eq?.url).toBe(`https://factdesk.example/checks#claim-${other.ids.eq}`);
  });

  it('a speaker type without a speaker names no author', () => {
    const other = buildHostileBoard();
    editCard(other.doc, other.ids.eq, { speaker: null, speakerType: 'person' }, alice);
    const [eq] = toClaimReview(readBoard(other.doc), { organisation }).reviews;
    expect(eq?.itemReviewed.author).toBeUndefined();
  });

  it('lists cards without a usable verdict as skipped and leaves unverified cards out', () => {
    expect(skipped).toEqual([{ cardId: board.ids.noVerdict, reason: 'no_verdict' }]);
    const ids = [...reviews.map((r) => r.url), ...skipped.map((s) => s.cardId)].join(' ');
    expect(ids).not.toContain(board.ids.unicode);
    expect(ids).not.toContain(board.ids.prefixes);
  });

  it('skips a verdict that is no longer on the scale instead of inventing a rating', () => {
    const other = buildHostileBoard();
    setRatingScale(
      other.doc,
      { best: 3, worst: 1, labels: [{ label: 'Wrong', column: 'disputed', value: 1 }] },
      alice,
    );
    const result = toClaimReview(readBoard(other.doc), { organisation });
    expect(result.reviews).toEqual([]);
    expect(result.skipped).toEqual([
      { cardId: other.ids.eq, reason: 'verdict_not_on_scale' },
      { cardId: other.ids.lines, reason: 'verdict_not_on_scale' },
      { cardId: other.ids.noVerdict, reason: 'no_verdict' },
    ]);
  });
});
