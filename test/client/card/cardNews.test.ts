/**
 * What a reader of an open card hears of colleagues' changes: the changes between two readings
 * (cardNews), and one announcement for those that arrived close together (summariseCardNews).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  editCard,
  initBoard,
  moveCard,
  readBoard,
  setVerdict,
} from '../../../shared/board';
import { cardNews, type CardNewsItem } from '../../../client/card/cardNews';
import { summariseCardNews } from '../../../client/card/summariseCardNews';

const ana = { actor: { id: 'inv-ana', name: 'Ana' } };
const bo = { actor: { id: 'inv-bo', name: 'Bo' } };
const cy = { actor: { id: 'inv-cy', name: 'Cy' } };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Budget' }, ana);
  const id = addClaim(doc, { claim: 'The deficit halved in 2024' }, ana);
  const read = () => readBoard(doc).cards[id]!;
  return { doc, id, read };
}

/**
 * What Ana hears of changes made one at a time, each read by her page as it arrives (as a
 * burst is), told as one batch.
 */
function heard(steps: (() => void)[], read: () => ReturnType<ReturnType<typeof board>['read']>) {
  const items: CardNewsItem[] = [];
  for (const step of steps) {
    const was = read();
    step();
    items.push(...cardNews(was, read(), ana.actor));
  }
  return summariseCardNews(items, read());
}

describe('cardNews', () => {
  it("finds a colleague's comment, reply, evidence, move, verdict and taking the card", () => {
    const { doc, id, read } = board();
    const thread = addComment(doc, id, { text: 'Source?' }, ana);
    const was = read();
    addComment(doc, id, { text: 'The budget office, table 3', parentId: thread }, bo);
    addEvidence(doc, id, { url: 'https://example.org/t3', stance: 'supports' }, bo);
    moveCard(doc, id, { column: 'corroborated', index: 0 }, bo);
    setVerdict(doc, id, 'True', undefined, bo);
    assignCard(doc, id, bo.actor, bo);
    const kinds = cardNews(was, read(), ana.actor).map((n) => n.kind);
    expect(kinds.sort()).toEqual(['assignee', 'comment', 'evidence', 'moved', 'verdict']);
  });

  it('finds a verdict cleared, by a colleague or by their move to a column it does not fit', () => {
    const { doc, id, read } = board();
    moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'False' }, ana);
    let was = read();
    setVerdict(doc, id, null, undefined, bo);
    expect(cardNews(was, read(), ana.actor)).toEqual([
      { kind: 'verdict', by: bo.actor, verdict: null },
    ]);
    setVerdict(doc, id, 'False', undefined, ana);
    was = read();
    // "False" is not a label of Corroborated: the move clears it.
    moveCard(doc, id, { column: 'corroborated', index: 0 }, bo);
    expect(read().verdict).toBeNull();
    expect(cardNews(was, read(), ana.actor)).toEqual([
      { kind: 'moved', by: bo.actor, column: 'corroborated' },
      { kind: 'verdict', by: bo.actor, verdict: null },
    ]);
  });

  it("finds a colleague's rewrite of the claim, speaker, rationale and publication details", () => {
    const { doc, id, read } = board();
    const was = read();
    editCard(doc, id, { claim: 'The deficit fell by half in 2024', speaker: 'The minister' }, bo);
    setVerdict(doc, id, null, 'Budget office, table 3', bo);
    editCard(doc, id, { reviewUrl: 'https://example.org/check' }, bo);
    expect(cardNews(was, read(), ana.actor)).toEqual([
      { kind: 'edited', by: bo.actor, fields: ['claim', 'speaker', 'rationale', 'publication'] },
    ]);
    // Her own rewrite is not news.
    const then = read();
    editCard(doc, id, { speaker: 'The finance minister' }, ana);
    expect(cardNews(then, read(), ana.actor)).toEqual([]);
  });

  it("finds nothing of the reader's own changes, nor a card given to her", () => {
    const { doc, id, read } = board();
    const was = read();
    addComment(doc, id, { text: 'mine' }, ana);
    addEvidence(doc, id, { url: 'https://example.org/mine', stance: 'context' }, ana);
    assignCard(doc, id, ana.actor, ana);
    expect(cardNews(was, read(), ana.actor)).toEqual([]);
    const then = read();
    assignCard(doc, id, ana.actor, bo);
    expect(cardNews(then, read(), ana.actor)).toEqual([]);
  });
});

describe('summariseCardNews', () => {
  it('tells a lone change in a sentence of its own, as before', () => {
    const { doc, id, read } = board();
    const thread = addComment(doc, id, { text: 'Source?' }, ana);
    const one = (step: () => void) => heard([step], read);
    expect(one(() => addComment(doc, id, { text: 'Table 3', parentId: thread }, bo))).toBe(
      'Bo replied: “Table 3”.',
    );
    expect(one(() => addComment(doc, id, { text: 'Also 2023' }, bo))).toBe(
      'Bo commented: “Also 2023”.',
    );
    expect(one(() => moveCard(doc, id, { column: 'disputed', index: 0 }, bo))).toBe(
      'Bo moved this card to Disputed.',
    );
    expect(one(() => setVerdict(doc, id, 'Unproven', undefined, bo))).toBe(
      'Bo set the verdict to Unproven.',
    );
    expect(one(() => setVerdict(doc, id, null, undefined, bo))).toBe('Bo cleared the verdict.');
    expect(one(() => editCard(doc, id, { speaker: 'The minister' }, bo))).toBe(
      'Bo changed the speaker of this card.',
    );
    expect(one(() => assignCard(doc, id, bo.actor, bo))).toBe('Bo is now checking this card.');
    expect(one(() => assignCard(doc, id, cy.actor, bo))).toBe('Bo gave this card to Cy.');
    expect(one(() => assignCard(doc, id, null, bo))).toBe('Bo released this card.');
    // Evidence, which was not told at all: its stance and where it comes from.
    expect(
      one(() =>
        addEvidence(doc, id, { url: 'https://www.bbc.co.uk/news/1', stance: 'refutes' }, bo),
      ),
    ).toBe('Bo added refuting evidence from www.bbc.co.uk.');
  });

  it("tells a colleague's burst once, ending on the card as it is now", () => {
    const { doc, id, read } = board();
    // The QA burst: a move, a take or release and evidence, in turn, ten times.
    const columns = ['corroborated', 'disputed', 'unverified'] as const;
    const steps = Array.from({ length: 30 }, (_, i) => () => {
      const k = i % 3;
      if (k === 0) moveCard(doc, id, { column: columns[(i / 3) % 3]!, index: 0 }, bo);
      else if (k === 1) assignCard(doc, id, i % 2 ? bo.actor : null, bo);
      else addEvidence(doc, id, { url: `https://example.org/burst/${i}`, stance: 'context' }, bo);
    });
    const said = heard(steps, read);
    expect(read().column).toBe('corroborated');
    expect(read().assignee).toBeNull();
    // Ten moves are told as the last; five takes and five releases as the release that stuck;
    // the ten items of evidence, the latest three by name.
    expect(said).toBe(
      'Bo made 30 changes to this card: moved it to Corroborated, released it, added 10 items ' +
        'of evidence (context from example.org, context from example.org, context from ' +
        'example.org, 7 more).',
    );
  });

  it('tells each colleague, the latest state once, and not what the reader has changed since', () => {
    const { doc, id, read } = board();
    const said = heard(
      [
        () => moveCard(doc, id, { column: 'disputed', index: 0 }, bo),
        () => addComment(doc, id, { text: 'Why disputed?' }, cy),
        () => moveCard(doc, id, { column: 'corroborated', index: 0 }, cy),
        () => setVerdict(doc, id, 'False', undefined, bo),
        // Ana's own move: told by the board, and it makes Cy's move old news.
        () => moveCard(doc, id, { column: 'disputed', index: 0 }, ana),
      ],
      read,
    );
    expect(said).toBe(
      'Bo made 2 changes to this card: set the verdict to False. ' +
        'Cy made 2 changes to this card: commented: “Why disputed?”',
    );
  });

  it('tells a verdict cleared as History does, with the rationale, and with a move', () => {
    const { doc, id, read } = board();
    moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'False' }, ana);
    setVerdict(doc, id, 'False', 'The office says so', ana);
    // QA18: the verdict and the rationale cleared at once were heard as the rationale alone.
    expect(heard([() => setVerdict(doc, id, null, '', bo)], read)).toBe(
      'Bo made 2 changes to this card: changed the rationale, cleared the verdict.',
    );
    setVerdict(doc, id, 'False', undefined, ana);
    // A move to a column where "False" is not a label, which clears it: heard as the move alone.
    expect(heard([() => moveCard(doc, id, { column: 'corroborated', index: 0 }, bo)], read)).toBe(
      'Bo made 2 changes to this card: moved it to Corroborated, cleared the verdict.',
    );
    // A verdict given with the move is told too.
    expect(
      heard(
        [() => moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'False' }, bo)],
        read,
      ),
    ).toBe('Bo made 2 changes to this card: moved it to Disputed, set the verdict to False.');
  });

  it('names each rewritten text once, however often it was rewritten', () => {
    const { doc, id, read } = board();
    const said = heard(
      [
        () => setVerdict(doc, id, null, 'Table 3', bo),
        () => editCard(doc, id, { claim: 'The deficit fell by half' }, bo),
        () => setVerdict(doc, id, null, 'Table 3 and 4', bo),
      ],
      read,
    );
    expect(said).toBe('Bo made 3 changes to this card: changed the claim and the rationale.');
  });
});
