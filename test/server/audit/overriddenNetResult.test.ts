/**
 * Several edits of one field made offline arrive as one change: their writer replaced the
 * earlier ones, so only the last can have been overridden, and an update whose values the
 * board keeps overrides nothing. observeHistory on a doc standing for the server's, fed the
 * clients' updates as the sync server applies them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, initBoard, setVerdict } from '../../../shared/board';
import { type HistoryDraft, observeHistory } from '../../../server/audit/observeHistory';

const ana = { actor: { id: 'inv-ana', name: 'Ana' } };
const bo = { actor: { id: 'inv-bo', name: 'Bo' } };

/** A doc with the given client id, holding what `from` holds. */
function copyOf(from: Y.Doc, clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

function board() {
  const server = new Y.Doc();
  server.clientID = 1;
  initBoard(server, { title: 'Rents' }, ana);
  const cardId = addClaim(server, { claim: 'Rents doubled' }, ana);
  const recorded: HistoryDraft[] = [];
  // Whose write each client id carries (the room's ClientBindings): Ana's copy 100, Bo's 200.
  const writers = new Map([
    [100, ana.actor],
    [200, bo.actor],
  ]);
  observeHistory(
    server,
    (drafts) => recorded.push(...drafts),
    [],
    (clientId) => writers.get(clientId) ?? null,
  );
  /** What the server records for `doc`'s update, as a client's sends it. */
  const send = (doc: Y.Doc) => {
    recorded.length = 0;
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)), 'client');
    return [...recorded];
  };
  return { server, cardId, send };
}

describe('overridden writes in one update', () => {
  it('records only the last of the writer’s values for a field as overridden', () => {
    const { server, cardId, send } = board();
    const anas = copyOf(server, 100); // the lower id: Bo's value stays
    const bos = copyOf(server, 200);
    setVerdict(anas, cardId, 'False', undefined, ana);
    setVerdict(anas, cardId, 'Misleading', undefined, ana);
    setVerdict(bos, cardId, 'Mostly true', undefined, bo);
    send(bos);
    const lost = send(anas).filter((d) => d.type === 'write.overridden');
    expect(lost).toEqual([
      {
        cardId,
        type: 'write.overridden',
        data: { field: 'verdict', value: 'Misleading', kept: 'Mostly true', keptBy: bo.actor },
      },
    ]);
  });

  it('records no override for values the writer replaced within one update, with no one else', () => {
    const { server, cardId, send } = board();
    const anas = copyOf(server, 100);
    setVerdict(anas, cardId, 'False', undefined, ana);
    setVerdict(anas, cardId, 'Misleading', undefined, ana);
    const events = send(anas);
    expect(events.map((d) => d.type)).toEqual(['verdict.set']);
    expect(events[0]!.data).toEqual({ verdict: 'Misleading', from: null });
  });
});
