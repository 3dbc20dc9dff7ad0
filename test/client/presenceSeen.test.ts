/**
 * presenceSeen names a client after its presence went, for the writers only: a page open for
 * weeks must not keep a name for every visitor (the growth forgetDepartedClients ended for
 * presence itself). Real Yjs docs and y-protocols awareness, updates passed as the server would.
 */
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { presenceSeen } from '../../client/sync/presence';

/** A colleague's page: its doc and presence, arriving at `page` and leaving it. */
function visit(page: Awareness, name: string, writes: boolean): number {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { id: `inv-${name}`, name, colour: '#1d4ed8' } });
  const pass = () =>
    applyAwarenessUpdate(page, encodeAwarenessUpdate(awareness, [doc.clientID]), 'server');
  pass();
  if (writes) {
    doc.getMap('cards').set(`card-${name}`, name);
    Y.applyUpdate(page.doc, Y.encodeStateAsUpdate(doc), 'server');
  }
  awareness.setLocalState(null);
  pass();
  awareness.destroy();
  return doc.clientID;
}

describe('presenceSeen', () => {
  it('names a writer after they left, and forgets visitors who wrote nothing', () => {
    const page = new Awareness(new Y.Doc());
    const whoIs = presenceSeen(page);
    const readers = Array.from({ length: 200 }, (_, i) => visit(page, `Reader ${i}`, false));
    const writer = visit(page, 'Dora', true);
    expect(whoIs(writer)?.name).toBe('Dora');
    expect(readers.filter((client) => whoIs(client) !== null)).toEqual([]);
    page.destroy();
  });
});
