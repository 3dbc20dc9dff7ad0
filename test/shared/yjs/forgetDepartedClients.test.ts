/**
 * forgetDepartedClients: a departed client's clock is kept while a late copy of its state could
 * still arrive (so that copy cannot bring it back), then forgotten.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { forgetDepartedClients } from '../../../shared/yjs/forgetDepartedClients';

const made: Awareness[] = [];

function awareness(): Awareness {
  const a = new Awareness(new Y.Doc());
  made.push(a);
  return a;
}

afterEach(() => {
  for (const a of made.splice(0)) a.destroy();
});

/** A colleague's state as it arrives, and the watcher it arrives at, which then drops it. */
function departed(afterMs?: number) {
  const colleague = awareness();
  colleague.setLocalState({ openCard: 'c1' });
  const stale = encodeAwarenessUpdate(colleague, [colleague.clientID]);
  const watcher = awareness();
  forgetDepartedClients(watcher, afterMs);
  applyAwarenessUpdate(watcher, stale, 'server');
  removeAwarenessStates(watcher, [colleague.clientID], 'connection closed');
  return { id: colleague.clientID, stale, watcher };
}

describe('forgetDepartedClients', () => {
  it('keeps the clock by default: a stale copy arriving after the removal does not show it again', () => {
    const { id, stale, watcher } = departed();
    applyAwarenessUpdate(watcher, stale, 'a peer relaying late');
    expect(watcher.getStates().has(id)).toBe(false);
    expect(watcher.meta.has(id)).toBe(true);
  });

  it('forgets it once the time has passed, and keeps its own', () => {
    const { id, watcher } = departed(0);
    expect(watcher.meta.has(id)).toBe(false);
    expect([...watcher.meta.keys()]).toEqual([watcher.clientID]);
  });

  it('forgets an id y-protocols recorded without telling (a removal of one it never showed)', () => {
    const watcher = awareness();
    forgetDepartedClients(watcher, 0);
    const stranger = awareness();
    stranger.setLocalState({ openCard: 'c1' });
    stranger.setLocalState(null);
    applyAwarenessUpdate(watcher, encodeAwarenessUpdate(stranger, [stranger.clientID]), 'x');
    expect(watcher.meta.has(stranger.clientID)).toBe(true);
    // The next update sweeps (the watcher's own renewal, every 15 s, or a colleague's).
    watcher.setLocalStateField('openCard', 'c2');
    expect(watcher.meta.has(stranger.clientID)).toBe(false);
  });
});
