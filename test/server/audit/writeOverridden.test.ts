/**
 * Two writes to one field cross (one made offline): the board keeps one, and the history says
 * that the other was made and lost, in the name of its writer, with both values; and, when
 * the reconnecting writer's value is the one kept, that it replaced a value they never saw.
 * Real y-websocket clients against the real sync server; which write Yjs keeps depends on the
 * client ids (the higher one's), so each side gets a fixed one.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  editCard,
  editEvidence,
  addEvidence,
  moveCard,
  setVerdict,
} from '../../../shared/board';
import { describeEvent } from '../../../client/history/historyEvent';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import type { TestClient } from '../../helpers/connectProvider';
import { useSqliteBoard } from '../../helpers/sqliteBoard';
import { waitFor } from '../../helpers/waitFor';

describe('a write that a concurrent one overrode', () => {
  const board = useSqliteBoard();
  const join = async (name: string, clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return (await board.join('editor', name, doc)).client;
  };

  /**
   * Ana's card, with a piece of evidence, seen by Bo; then Ana goes offline and both change
   * the same fields; then Ana is back. Returns the card's history.
   */
  async function crossing(anaId: number, boId: number) {
    const ana = await join('Ana', anaId);
    const bo = await join('Bo', boId);
    const cardId = addClaim(ana.doc, { claim: 'Rents doubled since 2015' }, ana.as);
    const url = 'https://stats.example/rents';
    const evidenceId = addEvidence(ana.doc, cardId, { url, stance: 'refutes' }, ana.as);
    await ana.allSaved();
    await waitFor(() => bo.doc.getMap('cards').has(cardId));
    ana.provider.disconnect();
    setVerdict(ana.doc, cardId, 'False', 'The series shows 40%.', ana.as);
    moveCard(ana.doc, cardId, { column: 'disputed', index: 0 }, ana.as);
    editEvidence(ana.doc, cardId, evidenceId, { stance: 'context' }, ana.as);
    editCard(ana.doc, cardId, { claim: 'Rents rose 40% since 2015' }, ana.as);
    setVerdict(bo.doc, cardId, 'Mostly true', 'Close enough.', bo.as);
    moveCard(bo.doc, cardId, { column: 'corroborated', index: 0 }, bo.as);
    editEvidence(bo.doc, cardId, evidenceId, { stance: 'supports' }, bo.as);
    editCard(bo.doc, cardId, { claim: 'Rents doubled since 2015 in Lyon' }, bo.as);
    await bo.allSaved();
    ana.provider.connect();
    await ana.synced();
    await ana.allSaved();
    // Both copies agree on what the board kept.
    const verdict = (c: TestClient) =>
      (c.doc.getMap('cards').get(cardId) as Y.Map<unknown>).get('verdict');
    await waitFor(() => verdict(bo) === verdict(ana));
    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    return { history, evidenceId, kept: verdict(ana), ana: ana.as.actor, bo: bo.as.actor };
  }

  it('records the losing writer’s values, and what the board kept, in their name', async () => {
    // Ana's client id is the lower: Yjs keeps Bo's values.
    const { history, evidenceId, kept, bo } = await crossing(1_000_001, 2_000_002);
    expect(kept).toBe('Mostly true');
    const lost = history.filter((e) => e.type === 'write.overridden');
    // keptBy: whose write the board kept, by the invite its client id is bound to.
    expect(lost.map((e) => [e.actor.name, e.data])).toEqual([
      ['Ana', { field: 'verdict', value: 'False', kept: 'Mostly true', keptBy: bo }],
      [
        'Ana',
        { field: 'rationale', value: 'The series shows 40%.', kept: 'Close enough.', keptBy: bo },
      ],
      ['Ana', { field: 'column', value: 'disputed', kept: 'corroborated', keptBy: bo }],
      [
        'Ana',
        {
          field: 'claim',
          value: 'Rents rose 40% since 2015',
          kept: 'Rents doubled since 2015 in Lyon',
          keptBy: bo,
        },
      ],
      ['Ana', { evidenceId, field: 'stance', value: 'context', kept: 'supports', keptBy: bo }],
    ]);
    // Nothing else is recorded for Ana's lost writes (no edit with no fields).
    expect(history.filter((e) => e.actor.name === 'Ana').map((e) => e.type)).toEqual([
      'card.created',
      'evidence.added',
      'write.overridden',
      'write.overridden',
      'write.overridden',
      'write.overridden',
      'write.overridden',
    ]);
    expect(describeEvent(lost[0]!)).toBe(
      'set the verdict to False, but it crossed Bo’s change and was not kept (the board kept Mostly true)',
    );
  });

  it('marks the kept write that replaced a value its writer never saw as crossed', async () => {
    // Ana's client id is the higher: Yjs keeps Ana's values over Bo's, which she never saw.
    const { history, kept } = await crossing(3_000_003, 2_000_002);
    expect(kept).toBe('False');
    const anas = history.filter((e) => e.actor.name === 'Ana');
    const verdict = anas.find((e) => e.type === 'verdict.set')!;
    expect(verdict.data).toEqual({ verdict: 'False', from: 'Mostly true', crossed: true });
    expect(anas.find((e) => e.type === 'card.moved')!.data).toEqual({
      from: 'corroborated',
      to: 'disputed',
      crossed: true,
    });
    expect(anas.find((e) => e.type === 'card.edited')!.data).toMatchObject({
      fields: ['claim', 'rationale'],
      crossed: ['claim', 'rationale'],
    });
    expect(anas.find((e) => e.type === 'evidence.edited')!.data).toMatchObject({
      fields: ['stance'],
      crossed: ['stance'],
    });
    // Bo's own writes saw what they replaced.
    const bos = history.filter((e) => e.actor.name === 'Bo');
    expect(bos.find((e) => e.type === 'verdict.set')!.data).toEqual({
      verdict: 'Mostly true',
      from: null,
    });
    expect(describeEvent(verdict)).toBe(
      'set the verdict to False (was Mostly true, a change they had not seen)',
    );
  });

  it('records, in the name of the writer whose values the crossing write replaced, each value and what replaced it', async () => {
    // Ana's offline values win by Yjs's order (her client id is the higher), though Bo's were
    // made later and were on the board until she reconnected: the history says his were undone.
    const { history, evidenceId, ana } = await crossing(3_000_003, 2_000_002);
    const replaced = history.filter((e) => e.type === 'write.overridden');
    const of = (field: string, value: string, kept: string) =>
      ['Bo', { field, value, kept, keptBy: ana, replaced: true }] as const;
    expect(replaced.map((e) => [e.actor.name, e.data])).toEqual(
      expect.arrayContaining([
        of('verdict', 'Mostly true', 'False'),
        of('rationale', 'Close enough.', 'The series shows 40%.'),
        of('column', 'corroborated', 'disputed'),
        of('claim', 'Rents doubled since 2015 in Lyon', 'Rents rose 40% since 2015'),
        [
          'Bo',
          {
            evidenceId,
            field: 'stance',
            value: 'supports',
            kept: 'context',
            keptBy: ana,
            replaced: true,
          },
        ],
      ]),
    );
    expect(replaced).toHaveLength(5);
    // After Ana's events, which replaced his values: the trail reads in order.
    const last = (name: string, type: string) =>
      history.findLastIndex((e) => e.actor.name === name && e.type === type);
    expect(last('Bo', 'write.overridden')).toBeGreaterThan(last('Ana', 'card.moved'));
    const said = (field: string) => describeEvent(replaced.find((e) => e.data.field === field)!);
    expect(said('column')).toBe(
      'moved the card to Corroborated, but a change Ana had made without seeing it replaced it (the card went to Disputed)',
    );
    expect(said('verdict')).toBe(
      'set the verdict to Mostly true, but a change Ana had made without seeing it replaced it (the verdict became False)',
    );
    expect(said('claim')).toBe(
      'changed the claim text to “Rents doubled since 2015 in Lyon”, but a change Ana had made without seeing it replaced it (it became “Rents rose 40% since 2015”)',
    );
  });
});
