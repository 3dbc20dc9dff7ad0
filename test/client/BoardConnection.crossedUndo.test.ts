/**
 * crossedUndo: an Undo of a move that won over a colleague's move of the same card. Eddie moves
 * cards while offline, Dora moves one of them meanwhile, and on reconnect Yjs keeps Eddie's move
 * (the higher client id wins a crossing: Eddie's doc has id 2, Dora's 1). Eddie's Undo used to
 * leave the card with no place at all, read as Unverified (Yjs cannot write back the place Eddie
 * had replaced, Dora's lies between), so Dora's move vanished; it now puts the card where Dora had
 * put it, the place the board would show had Eddie never moved it. A card moved again since is left
 * where it is, and the Undo says nothing was undone. The same for every other key of the board
 * (CROSSED_FIELDS: the organisation, the rating scale's best value and a label's name, an
 * evidence item's stance, url and quote, a comment's text edited in its author's two tabs): the
 * Undo used to leave the key empty (no organisation, a stance read as context) and now puts back
 * the colleague's value; one a colleague changed after it is left as theirs.
 * The real server and WebSockets; Eddie's page goes offline to hold his moves back.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { undoAnnouncement } from '../../client/board/undoWords';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import type { BoardView, ColumnId } from '../../shared/board';
import type { Role } from '../../shared/roles';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';
import { switchableNetwork } from '../helpers/switchableNetwork';
import { waitFor } from '../helpers/waitFor';

const live = useTestServer();

const saved = (c: BoardConnection) => () => c.getSnapshot().status.kind === 'saved';
const docWithId = (clientID: number) => {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
};

/**
 * Ana's board with `claims` in Unverified; Eddie (offline-capable, id 2) and Dora (id 1), invited
 * as `role`; `dora` 'eddie' makes Dora's page Eddie's own other tab (his invite).
 */
async function boardWithCards(
  claims: readonly string[],
  { role = 'editor', dora: doraIs = 'dora' }: { role?: Role; dora?: 'dora' | 'eddie' } = {},
) {
  const board = await createBoardOverRest(live.server.url, 'Night desk', 'Ana');
  const ana = live.open(board.id, board.leadToken);
  const ids = claims.map((claim) => ana.commands.addClaim({ claim }));
  await waitFor(saved(ana), { what: 'the cards saved' });
  const network = switchableNetwork();
  const eddieInvite = await inviteOverRest(live.server.url, board, 'Eddie', role);
  const eddie = live.open(board.id, eddieInvite.token, {
    network,
    doc: docWithId(2),
  });
  const doraInvite =
    doraIs === 'eddie' ? eddieInvite : await inviteOverRest(live.server.url, board, 'Dora', role);
  const dora = live.open(board.id, doraInvite.token, { doc: docWithId(1) });
  for (const page of [eddie, dora]) {
    await waitFor(() => ids.every((id) => page.getSnapshot().board.cards[id] !== undefined), {
      what: 'the cards on the page',
    });
  }
  return { ids, ana, eddie, dora, network };
}

/** Reconnects Eddie and waits until both pages show `columns` for the cards. */
async function merged(
  pages: { eddie: BoardConnection; dora: BoardConnection; network: { set(on: boolean): void } },
  ids: readonly string[],
  columns: readonly ColumnId[],
) {
  pages.network.set(true);
  await waitFor(saved(pages.eddie), { what: 'Eddie’s moves saved', timeout: 8_000 });
  await settled(pages, ids, columns);
}

async function settled(
  { eddie, dora }: { eddie: BoardConnection; dora: BoardConnection },
  ids: readonly string[],
  columns: readonly ColumnId[],
) {
  const at = (page: BoardConnection) => ids.map((id) => page.getSnapshot().board.cards[id]?.column);
  await waitFor(() => saved(eddie)() && saved(dora)(), { what: 'both pages saved' });
  await waitFor(
    () =>
      JSON.stringify(at(eddie)) === JSON.stringify(columns) &&
      JSON.stringify(at(dora)) === JSON.stringify(columns),
    { what: `${columns.join(', ')} on both pages` },
  );
  expect(at(eddie)).toEqual(columns);
  expect(at(dora)).toEqual(columns);
}

describe('crossedUndo: an Undo of a move that won over a colleague’s move of the card', () => {
  it('puts the card where the colleague had put it, and Redo moves it back', async () => {
    const pages = await boardWithCards(['The bridge cost $4 million']);
    const { ids, eddie, dora, network } = pages;
    const [card] = ids as [string];
    network.set(false);
    eddie.commands.moveCard(card, { column: 'disputed', index: 0 });
    dora.commands.moveCard(card, { column: 'corroborated', index: 0 });
    await waitFor(saved(dora), { what: 'Dora’s move saved' });
    await merged(pages, ids, ['disputed']);

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({ command: 'moveCard', applied: true });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Undone: the move of “The bridge cost $4 million” (back to Corroborated, position 1 of 1).',
    );
    await settled(pages, ids, ['corroborated']);
    expect(eddie.getSnapshot().board.cards[card]?.updatedBy?.name).toBe('Dora');

    expect(eddie.redo()).toEqual({ command: 'moveCard', applied: true });
    await settled(pages, ids, ['disputed']);
    expect(eddie.undo()).toEqual({ command: 'moveCard', applied: true });
    await settled(pages, ids, ['corroborated']);
    expect(eddie.getSnapshot().setAside).toEqual([]);
  }, 30_000);

  it('of a bulk move puts back the crossed card where the colleague had put it, the rest where they were', async () => {
    const pages = await boardWithCards(['Claim A', 'Claim B', 'Claim C']);
    const { ids, eddie, dora, network } = pages;
    network.set(false);
    eddie.commands.moveCards(ids, 'disputed');
    dora.commands.moveCard(ids[1] as string, { column: 'corroborated', index: 0 });
    await waitFor(saved(dora), { what: 'Dora’s move saved' });
    await merged(pages, ids, ['disputed', 'disputed', 'disputed']);

    expect(eddie.undo()).toEqual({ command: 'moveCards', applied: true });
    await settled(pages, ids, ['unverified', 'corroborated', 'unverified']);
    expect(eddie.redo()).toEqual({ command: 'moveCards', applied: true });
    await settled(pages, ids, ['disputed', 'disputed', 'disputed']);
    expect(eddie.getSnapshot().setAside).toEqual([]);
  }, 30_000);

  it('leaves a card moved again since where it is, and says nothing was undone', async () => {
    const pages = await boardWithCards(['The tunnel opened in 1994']);
    const { ids, eddie, dora, network } = pages;
    const [card] = ids as [string];
    network.set(false);
    eddie.commands.moveCard(card, { column: 'disputed', index: 0 });
    dora.commands.moveCard(card, { column: 'corroborated', index: 0 });
    await waitFor(saved(dora), { what: 'Dora’s move saved' });
    await merged(pages, ids, ['disputed']);
    dora.commands.moveCard(card, { column: 'unverified', index: 0 });
    await settled(pages, ids, ['unverified']);

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'moveCard',
      applied: false,
      kept: [{ cardId: card, key: 'pos', by: 'Dora' }],
    });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Nothing undone: Dora has changed it since the move.',
    );
    await settled(pages, ids, ['unverified']);
    expect(eddie.getSnapshot().board.cards[card]?.updatedBy?.name).toBe('Dora');
  }, 30_000);
});

/**
 * A field outside a card's own keys that Eddie (offline) and Dora both change: `prepare` makes
 * what is written (on Ana's page, or Eddie's for his own comment) and gives its id, `write` puts
 * a value there, `read` reads it off a page's board.
 */
interface CrossedField {
  readonly field: string;
  readonly role?: Role;
  /** Dora's page is Eddie's other tab: only a comment's author may edit it. */
  readonly dora?: 'dora' | 'eddie';
  readonly prepare?: (
    pages: { ana: BoardConnection; eddie: BoardConnection },
    card: string,
  ) => string;
  readonly write: (page: BoardConnection, value: string, card: string, id: string) => void;
  readonly read: (board: BoardView, card: string, id: string) => unknown;
  readonly values: readonly [eddie: string, dora: string];
}

const scaleOf = (page: BoardConnection) => page.getSnapshot().board.meta.ratingScale;
const addEvidence = ({ ana }: { ana: BoardConnection }, card: string) =>
  ana.commands.addEvidence(card, {
    url: 'https://example.org/budget',
    quote: 'The bridge cost $4 million',
    // Not Dora's: a stance the board lacks is read as 'context' (the Undo's old fault).
    stance: 'context',
  });
const evidenceOf = (board: BoardView, card: string, id: string) =>
  board.cards[card]?.evidence.find((e) => e.id === id);

const CROSSED_FIELDS: readonly CrossedField[] = [
  {
    field: 'the board’s organisation',
    role: 'lead',
    write: (page, name) => page.commands.setOrganisation({ name, url: 'https://example.org' }),
    read: (board) => board.meta.organisation?.name,
    values: ['Eddie’s desk', 'Dora’s desk'],
  },
  {
    field: 'the rating scale’s best value',
    role: 'lead',
    write: (page, best) => {
      const base = scaleOf(page);
      page.commands.editRatingScale({ scale: { ...base, best: Number(best) }, base });
    },
    read: (board) => String(board.meta.ratingScale.best),
    values: ['6', '7'],
  },
  {
    field: 'a verdict label’s name',
    role: 'lead',
    write: (page, to) => {
      // The label of value 1 ('False' at first), whatever its name is on this page now.
      const base = scaleOf(page);
      const from = base.labels.find((l) => l.value === 1)?.label ?? '';
      const labels = base.labels.map((l) => (l.label === from ? { ...l, label: to } : l));
      page.commands.editRatingScale({ scale: { ...base, labels }, base, renames: [{ from, to }] });
    },
    read: (board) => board.meta.ratingScale.labels.find((l) => l.value === 1)?.label,
    values: ['Wrong', 'Untrue'],
  },
  {
    field: 'an evidence item’s stance',
    prepare: addEvidence,
    write: (page, stance, card, id) =>
      page.commands.editEvidence(card, id, { stance: stance as 'refutes' }),
    read: (board, card, id) => evidenceOf(board, card, id)?.stance,
    values: ['refutes', 'supports'],
  },
  {
    field: 'an evidence item’s url',
    prepare: addEvidence,
    write: (page, url, card, id) => page.commands.editEvidence(card, id, { url }),
    read: (board, card, id) => evidenceOf(board, card, id)?.url,
    values: ['https://example.org/eddie', 'https://example.org/dora'],
  },
  {
    field: 'an evidence item’s quote',
    prepare: addEvidence,
    write: (page, quote, card, id) => page.commands.editEvidence(card, id, { quote }),
    read: (board, card, id) => evidenceOf(board, card, id)?.quote,
    values: ['It cost $4.2 million', 'It cost $3.9 million'],
  },
  {
    field: 'a comment’s text',
    dora: 'eddie',
    prepare: ({ eddie }, card) => eddie.commands.addComment(card, { text: 'Check the budget' }),
    write: (page, text, _card, id) => page.commands.editComment(id, text),
    read: (board, card, id) => board.cards[card]?.comments.find((c) => c.id === id)?.text,
    values: ['Check the 2019 budget', 'Check the 2020 budget'],
  },
];

/** Waits until both Eddie's and Dora's pages are saved and show `value` in the field. */
const showsOn =
  (
    { eddie, dora }: { eddie: BoardConnection; dora: BoardConnection },
    read: CrossedField['read'],
    card: string,
    id: string,
  ) =>
  async (value: unknown, what: string) => {
    await waitFor(() => saved(eddie)() && saved(dora)(), { what: 'both pages saved' });
    for (const page of [eddie, dora]) {
      await waitFor(() => read(page.getSnapshot().board, card, id) === value, {
        what: `${what} on ${page === eddie ? 'Eddie' : 'Dora'}’s page`,
        timeout: 8_000,
      });
    }
  };

describe('crossedUndo outside a card’s own keys: an Undo of a write that won over a colleague’s', () => {
  it.each(CROSSED_FIELDS)(
    'of $field puts back the colleague’s value, and Redo brings back the own',
    async ({ role, dora: doraIs, prepare, write, read, values }) => {
      const pages = await boardWithCards(['The bridge cost $4 million'], { role, dora: doraIs });
      const { ids, ana, eddie, dora, network } = pages;
      const [card] = ids as [string];
      const id = prepare?.({ ana, eddie }, card) ?? '';
      const [mine, theirs] = values;
      const shows = showsOn(pages, read, card, id);
      // Ana's page wrote it, or Eddie's (his comment).
      const initial =
        read(ana.getSnapshot().board, card, id) ?? read(eddie.getSnapshot().board, card, id);
      await waitFor(() => saved(ana)() && saved(eddie)(), {
        what: 'Ana’s and Eddie’s pages saved',
      });
      await shows(initial, 'the first value');

      network.set(false);
      write(eddie, mine, card, id);
      write(dora, theirs, card, id);
      await waitFor(saved(dora), { what: 'Dora’s change saved' });
      network.set(true);
      await waitFor(saved(eddie), { what: 'Eddie’s change saved', timeout: 8_000 });
      await shows(mine, 'Eddie’s value, the crossing’s winner');

      expect(eddie.undo()).toMatchObject({ applied: true });
      await shows(theirs, 'Dora’s value after the Undo');
      expect(eddie.redo()).toMatchObject({ applied: true });
      await shows(mine, 'Eddie’s value after the Redo');
      expect(eddie.undo()).toMatchObject({ applied: true });
      await shows(theirs, 'Dora’s value after the second Undo');
      expect(eddie.getSnapshot().setAside).toEqual([]);
      expect(dora.getSnapshot().setAside).toEqual([]);
    },
    40_000,
  );

  it.each(CROSSED_FIELDS)(
    'of $field that a colleague changed after it leaves theirs and says nothing was undone',
    async ({ role, dora: doraIs, prepare, write, read, values }) => {
      const pages = await boardWithCards(['The bridge cost $4 million'], { role, dora: doraIs });
      const { ids, ana, eddie, dora } = pages;
      const [card] = ids as [string];
      const id = prepare?.({ ana, eddie }, card) ?? '';
      const [mine, theirs] = values;
      const shows = showsOn(pages, read, card, id);
      await waitFor(() => saved(ana)() && saved(eddie)(), {
        what: 'Ana’s and Eddie’s pages saved',
      });
      write(eddie, mine, card, id);
      await shows(mine, 'Eddie’s value');
      write(dora, theirs, card, id);
      await shows(theirs, 'Dora’s later value');

      expect(eddie.undo()).toMatchObject({ applied: false });
      await shows(theirs, 'Dora’s value after the Undo');
      expect(eddie.getSnapshot().setAside).toEqual([]);
    },
    40_000,
  );
});

/**
 * An Undo of a step a colleague changed part of since: the rest is undone, their part left as
 * they set it, and the announcement says which part and whose (it said only "Undone: …").
 */
describe('crossedUndo of a step a colleague changed part of since', () => {
  it('of a bulk move leaves the card they moved since where it is, and says so', async () => {
    const pages = await boardWithCards(['Claim A', 'Claim B', 'Claim C']);
    const { ids, eddie, dora } = pages;
    eddie.commands.moveCards(ids, 'disputed');
    await settled(pages, ids, ['disputed', 'disputed', 'disputed']);
    dora.commands.moveCard(ids[1] as string, { column: 'corroborated', index: 0 });
    await settled(pages, ids, ['disputed', 'corroborated', 'disputed']);

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'moveCards',
      applied: true,
      kept: [{ cardId: ids[1], key: 'pos', by: 'Dora' }],
    });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Undone: the move of 2 cards. 1 card left where Dora moved it since.',
    );
    await settled(pages, ids, ['unverified', 'corroborated', 'unverified']);
  }, 30_000);

  it('names the colleague who changed part of it since after they have left the board', async () => {
    const pages = await boardWithCards(['The bridge cost $4 million']);
    const { ids, ana, eddie, dora } = pages;
    const [card] = ids as [string];
    const id = addEvidence({ ana }, card);
    const evidence = (page: BoardConnection) => evidenceOf(page.getSnapshot().board, card, id);
    await waitFor(() => saved(ana)() && evidence(eddie) !== undefined, {
      what: 'the evidence on Eddie’s page',
    });
    eddie.commands.editEvidence(card, id, { stance: 'refutes', quote: 'It cost $4.2 million' });
    await waitFor(() => saved(eddie)() && evidence(dora)?.stance === 'refutes', {
      what: 'Eddie’s edit on Dora’s page',
    });
    // An evidence edit stamps no writer on the card: only Dora's presence named her.
    dora.commands.editEvidence(card, id, { stance: 'supports' });
    await waitFor(() => saved(dora)() && evidence(eddie)?.stance === 'supports', {
      what: 'Dora’s stance on Eddie’s page',
    });
    dora.destroy();
    await waitFor(() => !eddie.getSnapshot().peers.some((p) => p.user.name === 'Dora'), {
      what: 'Dora gone from Eddie’s page',
    });

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'editEvidence',
      applied: true,
      kept: [{ cardId: card, key: 'stance', by: 'Dora' }],
    });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Undone: the evidence edit on “The bridge cost $4 million”. The stance Dora set since was kept.',
    );
  }, 30_000);

  it('tells a card this person moved since in another tab as their own, not by their name', async () => {
    // Dora's page is Eddie's other tab: the same invite, so the same name.
    const pages = await boardWithCards(['Claim A', 'Claim B', 'Claim C'], { dora: 'eddie' });
    const { ids, eddie, dora } = pages;
    eddie.commands.moveCards(ids, 'disputed');
    await settled(pages, ids, ['disputed', 'disputed', 'disputed']);
    dora.commands.moveCard(ids[1] as string, { column: 'corroborated', index: 0 });
    await settled(pages, ids, ['disputed', 'corroborated', 'disputed']);

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'moveCards',
      applied: true,
      kept: [{ cardId: ids[1], key: 'pos', by: 'Eddie', self: true }],
    });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Undone: the move of 2 cards. 1 card left where you moved it in another tab since.',
    );
    await settled(pages, ids, ['unverified', 'corroborated', 'unverified']);
  }, 30_000);

  it('of an evidence edit keeps the stance they set since, undoes the quote, and says so', async () => {
    const pages = await boardWithCards(['The bridge cost $4 million']);
    const { ids, ana, eddie, dora } = pages;
    const [card] = ids as [string];
    const id = addEvidence({ ana }, card);
    const evidence = (page: BoardConnection) => evidenceOf(page.getSnapshot().board, card, id);
    await waitFor(() => saved(ana)() && evidence(eddie) !== undefined, {
      what: 'the evidence on Eddie’s page',
    });
    eddie.commands.editEvidence(card, id, { stance: 'refutes', quote: 'It cost $4.2 million' });
    await waitFor(() => saved(eddie)() && evidence(dora)?.stance === 'refutes', {
      what: 'Eddie’s edit on Dora’s page',
    });
    dora.commands.editEvidence(card, id, { stance: 'supports' });
    await waitFor(() => saved(dora)() && evidence(eddie)?.stance === 'supports', {
      what: 'Dora’s stance on Eddie’s page',
    });

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'editEvidence',
      applied: true,
      kept: [{ cardId: card, key: 'stance', by: 'Dora' }],
    });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Undone: the evidence edit on “The bridge cost $4 million”. The stance Dora set since was kept.',
    );
    for (const page of [eddie, dora]) {
      await waitFor(() => saved(page)() && evidence(page)?.quote === 'The bridge cost $4 million', {
        what: 'the quote undone',
        timeout: 8_000,
      });
      expect(evidence(page)).toMatchObject({ stance: 'supports' });
    }
  }, 30_000);
});

/**
 * An Undo of adding a card a colleague has worked on since: it took the card off the board with
 * their rationale (and left their comment with no card), and said only "Undone: the new card".
 * The card now stays, and the Undo says whose work kept it and how to take it off.
 */
describe('crossedUndo of adding a card a colleague has worked on since', () => {
  it('leaves the card, their rationale and comment on it, and says so', async () => {
    const pages = await boardWithCards([]);
    const { eddie, dora } = pages;
    const card = eddie.commands.addClaim({ claim: 'Rents doubled since 2015' });
    const onDora = () => dora.getSnapshot().board.cards[card];
    await waitFor(() => saved(eddie)() && onDora() !== undefined, {
      what: 'the new card on Dora’s page',
    });
    dora.commands.editCard(card, { rationale: 'ONS rents index: up 41%' });
    dora.commands.addComment(card, { text: 'Which city?' });
    const onEddie = () => eddie.getSnapshot().board.cards[card];
    await waitFor(() => saved(dora)() && onEddie()?.comments.length === 1, {
      what: 'Dora’s rationale and comment on Eddie’s page',
    });
    expect(onEddie()?.rationale).toBe('ONS rents index: up 41%');

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'addClaim',
      applied: false,
      workedOn: true,
      kept: [
        { cardId: card, key: 'rationale', by: 'Dora' },
        { cardId: card, key: 'comment', by: 'Dora' },
      ],
    });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Nothing undone: Dora has worked on “Rents doubled since 2015” since you added it (the rationale and a comment). Delete it if it should go.',
    );
    // The step is dropped: the next press has nothing further back to undo.
    expect(eddie.undo()).toEqual({ command: null, applied: false });
    await waitFor(() => saved(eddie)() && saved(dora)(), { what: 'both pages saved' });
    for (const page of [eddie, dora]) {
      expect(page.getSnapshot().board.cards[card]).toMatchObject({
        rationale: 'ONS rents index: up 41%',
        comments: [{ text: 'Which city?' }],
      });
    }
  }, 30_000);

  it('of adding evidence leaves the item and the stance a colleague set on it since, and says so', async () => {
    const pages = await boardWithCards(['The bridge cost $4 million']);
    const { ids, eddie, dora } = pages;
    const [card] = ids as [string];
    const id = eddie.commands.addEvidence(card, {
      url: 'https://example.org/budget',
      quote: 'It cost $4.2 million',
      stance: 'context',
    });
    const evidence = (page: BoardConnection) => evidenceOf(page.getSnapshot().board, card, id);
    await waitFor(() => saved(eddie)() && evidence(dora) !== undefined, {
      what: 'the evidence on Dora’s page',
    });
    dora.commands.editEvidence(card, id, { stance: 'refutes' });
    await waitFor(() => saved(dora)() && evidence(eddie)?.stance === 'refutes', {
      what: 'Dora’s stance on Eddie’s page',
    });

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'addEvidence',
      applied: false,
      workedOn: true,
      kept: [{ cardId: card, key: 'stance', by: 'Dora' }],
    });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Nothing undone: Dora has changed the evidence you added to “The bridge cost $4 million” since (the stance). Remove it if it should go.',
    );
    await waitFor(() => saved(eddie)() && saved(dora)(), { what: 'both pages saved' });
    for (const page of [eddie, dora]) expect(evidence(page)).toMatchObject({ stance: 'refutes' });
  }, 30_000);

  it('still takes off a card nobody else has touched', async () => {
    const pages = await boardWithCards([]);
    const { eddie, dora } = pages;
    const card = eddie.commands.addClaim({ claim: 'The mayor cut 300 jobs' });
    await waitFor(() => saved(eddie)() && dora.getSnapshot().board.cards[card] !== undefined, {
      what: 'the new card on Dora’s page',
    });
    expect(eddie.undo()).toEqual({ command: 'addClaim', applied: true });
    await waitFor(() => dora.getSnapshot().board.cards[card] === undefined, {
      what: 'the card gone from Dora’s page',
    });
  }, 30_000);
});
