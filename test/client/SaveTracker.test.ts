/** "All changes saved": what counts as stored, across reloads and client ids. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveTracker, storageAckStore } from '../../client/sync/SaveTracker';
import { deriveStatus, statusLabel } from '../../client/sync/connectionStatus';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

const write = (doc: Y.Doc, key: string) => doc.getMap('cards').set(key, key);
/** An ack that counts every write message sent on its socket, and one that does not. */
const all = { allWrites: true };
const clocksOnly = { allWrites: false };

describe('SaveTracker', () => {
  it('is saved for an empty doc and unsaved after a local change', () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker();
    expect(tracker.isSaved(doc)).toBe(true);
    write(doc, 'a');
    tracker.noteLocalWrite(doc.clientID);
    expect(tracker.isSaved(doc)).toBe(false);
  });

  it('is saved once the acknowledgment covers the local clock, not before', () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker();
    write(doc, 'a');
    write(doc, 'b');
    tracker.noteLocalWrite(doc.clientID);
    expect(tracker.acknowledge(new Map([[doc.clientID, 1]]), all)).toBe(true);
    expect(tracker.isSaved(doc)).toBe(false);
    tracker.acknowledge(new Map([[doc.clientID, 2]]), all);
    expect(tracker.isSaved(doc)).toBe(true);
    // An older acknowledgment arriving late never moves the clock back.
    expect(tracker.acknowledge(new Map([[doc.clientID, 1]]), all)).toBe(false);
    expect(tracker.isSaved(doc)).toBe(true);
  });

  it("ignores colleagues' changes: they are not this browser's to save", () => {
    const theirs = new Y.Doc();
    write(theirs, 'x');
    const ours = new Y.Doc();
    Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs), 'server');
    const tracker = new SaveTracker();
    expect(tracker.isSaved(ours)).toBe(true);
    // Acknowledgments for other client ids are not even kept.
    expect(tracker.acknowledge(new Map([[theirs.clientID, 1]]), clocksOnly)).toBe(false);
  });

  it("counts a previous tab's offline edits as unsaved after a reload until stored", () => {
    const storage = memoryStorage();
    const before = new Y.Doc();
    write(before, 'offline edit');
    new SaveTracker(storageAckStore(storage, 'k')).noteLocalWrite(before.clientID);
    // The reload: a new doc (new client id) gets the old edits back from IndexedDB.
    const afterReload = new Y.Doc();
    Y.applyUpdate(afterReload, Y.encodeStateAsUpdate(before), 'indexeddb');
    const tracker = new SaveTracker(storageAckStore(storage, 'k'));
    expect(tracker.isSaved(afterReload)).toBe(false);
    // The server's state vector (its sync step 1) once it has them proves their clocks, but
    // not a delete among them: that takes the ack counting the step 2 that carried them.
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(before)), clocksOnly);
    expect(tracker.isSaved(afterReload)).toBe(false);
    tracker.acknowledge(new Map(), all);
    expect(tracker.isSaved(afterReload)).toBe(true);
    expect(new SaveTracker(storageAckStore(storage, 'k')).isSaved(afterReload)).toBe(true);
  });

  it('keeps a delete unsaved, clocks notwithstanding, until an ack counts every write', () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker();
    write(doc, 'a');
    tracker.noteLocalWrite(doc.clientID);
    tracker.acknowledge(new Map([[doc.clientID, 1]]), all);
    expect(tracker.isSaved(doc)).toBe(true);
    doc.getMap('cards').delete('a');
    tracker.noteLocalWrite(doc.clientID);
    // The delete moved no clock: an ack covering the clock is not enough.
    expect(Y.getState(doc.store, doc.clientID)).toBe(1);
    tracker.acknowledge(new Map([[doc.clientID, 1]]), clocksOnly);
    expect(tracker.isSaved(doc)).toBe(false);
    tracker.acknowledge(new Map([[doc.clientID, 1]]), all);
    expect(tracker.isSaved(doc)).toBe(true);
  });

  it('keeps an offline delete unsaved across a reload', () => {
    const storage = memoryStorage();
    const doc = new Y.Doc();
    const first = new SaveTracker(storageAckStore(storage, 'k'));
    write(doc, 'a');
    first.noteLocalWrite(doc.clientID);
    first.acknowledge(new Map([[doc.clientID, 1]]), all);
    doc.getMap('cards').delete('a');
    first.noteLocalWrite(doc.clientID);
    const reloaded = new SaveTracker(storageAckStore(storage, 'k'));
    expect(reloaded.isSaved(doc)).toBe(false);
    reloaded.acknowledge(new Map([[doc.clientID, 1]]), all);
    expect(new SaveTracker(storageAckStore(storage, 'k')).isSaved(doc)).toBe(true);
  });

  it('keeps what unconfirmed changes removed across a reload, until an ack counts every write', () => {
    const storage = memoryStorage();
    const removal = { cardId: 'c1', evidenceId: null, claim: 'A', text: null, client: 7, clock: 0 };
    const first = new SaveTracker(storageAckStore(storage, 'k'));
    first.noteLocalWrite(1, [removal]);
    first.noteLocalWrite(1, [{ ...removal, cardId: 'c2' }]);
    // A damaged entry is let go, not the record.
    const raw = JSON.parse(storage.getItem('k') ?? '{}') as { removed: unknown[] };
    storage.setItem('k', JSON.stringify({ ...raw, removed: [...raw.removed, { cardId: 3 }] }));
    const reloaded = new SaveTracker(storageAckStore(storage, 'k'));
    expect(reloaded.unconfirmedRemovals().map((r) => r.cardId)).toEqual(['c1', 'c2']);
    reloaded.acknowledge(new Map(), clocksOnly);
    expect(reloaded.unconfirmedRemovals()).toHaveLength(2);
    reloaded.acknowledge(new Map(), all);
    expect(new SaveTracker(storageAckStore(storage, 'k')).unconfirmedRemovals()).toEqual([]);
  });

  it('reads a damaged record as empty', () => {
    const storage = memoryStorage();
    const doc = new Y.Doc();
    write(doc, 'a');
    storage.setItem('k', 'not json');
    const tracker = new SaveTracker(storageAckStore(storage, 'k'));
    expect(tracker.isSaved(doc)).toBe(true);
    tracker.noteLocalWrite(doc.clientID);
    expect(tracker.isSaved(doc)).toBe(false);
  });
});

describe('connection status', () => {
  const facts = {
    online: true,
    socket: 'connected' as const,
    synced: true,
    saved: true,
    refusedCode: null,
    reopening: false,
  };

  it('says "All changes saved" only when connected, synced and acknowledged', () => {
    expect(deriveStatus(facts).kind).toBe('saved');
    expect(deriveStatus({ ...facts, saved: false }).kind).toBe('saving');
    expect(deriveStatus({ ...facts, synced: false }).kind).toBe('syncing');
    expect(deriveStatus({ ...facts, socket: 'connecting' }).kind).toBe('connecting');
    expect(deriveStatus({ ...facts, online: false }).kind).toBe('offline');
    // Disconnected with a network: the provider is about to try again.
    expect(deriveStatus({ ...facts, socket: 'disconnected' }).kind).toBe('connecting');
    expect(deriveStatus({ ...facts, refusedCode: 4401 })).toEqual({ kind: 'refused', code: 4401 });
    // This device's copy refused: the board opens afresh, the person is refused nothing.
    expect(deriveStatus({ ...facts, refusedCode: 4403, reopening: true })).toEqual({
      kind: 'reopening',
      code: 4403,
    });
  });

  it('labels each state in words', () => {
    expect(statusLabel({ kind: 'saved', code: null }, { unsaved: false })).toBe(
      'All changes saved',
    );
    // A viewer saves nothing: synced is "up to date".
    expect(statusLabel({ kind: 'saved', code: null }, { unsaved: false, readOnly: true })).toBe(
      'Up to date',
    );
    expect(statusLabel({ kind: 'offline', code: null }, { unsaved: true })).toMatch(
      /kept on this device/,
    );
    // Not "kept" before the device's copy holds every change: a reload then would lose some.
    expect(statusLabel({ kind: 'offline', code: null }, { unsaved: true, onDevice: false })).toBe(
      'Offline: keeping changes on this device…',
    );
    expect(
      statusLabel({ kind: 'connecting', code: null }, { unsaved: true, onDevice: false }),
    ).toMatch(/^Connecting: keeping/);
    // No copy on the device at all (site storage blocked): only this tab has them.
    expect(statusLabel({ kind: 'offline', code: null }, { unsaved: true, keepsCopy: false })).toBe(
      'Offline: changes kept only in this tab',
    );
    // Nor, with no copy, that the server's full disk leaves them kept on this device.
    const full = { kind: 'storageFull', code: null } as const;
    expect(statusLabel(full, { unsaved: true, keepsCopy: false })).toBe(
      'Not saved yet: the server is out of space. Your changes are kept only in this tab and will be saved once it has space',
    );
    expect(statusLabel(full, { unsaved: false, keepsCopy: false })).toBe(
      'The server is out of space: changes made now are kept only in this tab and saved once it has space',
    );
    expect(statusLabel({ kind: 'refused', code: 4401 }, { unsaved: false })).toMatch(/invite/);
    // In sync, with refused changes listed under "Not saved": not "All changes saved".
    const refused = (n: number) =>
      statusLabel({ kind: 'saved', code: null }, { unsaved: false, refused: n });
    expect(refused(1)).toBe('1 change refused; the rest saved');
    expect(refused(4)).toBe('4 changes refused; the rest saved');
    // A viewer since the refusal saves nothing of its own: no "rest" is saved.
    expect(
      statusLabel({ kind: 'saved', code: null }, { unsaved: false, refused: 1, readOnly: true }),
    ).toBe('1 change refused; the board is up to date');
  });
});
