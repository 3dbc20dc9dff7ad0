/** withoutUpdateEvents: no 'update' events (so no re-encoding) inside, every listener after. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { detachUpdateEvents, withoutUpdateEvents } from '../../../shared/yjs/withoutUpdateEvents';

describe('withoutUpdateEvents', () => {
  it("applies without 'update' events, keeps other events, and restores every listener", () => {
    const doc = new Y.Doc();
    const updates: string[] = [];
    let transactions = 0;
    doc.on('update', () => updates.push('before'));
    doc.on('afterTransaction', () => transactions++);
    withoutUpdateEvents(doc, () => {
      doc.getMap('m').set('a', 1);
      // A listener attached meanwhile stays attached afterwards.
      doc.on('update', () => updates.push('added inside'));
    });
    expect(doc.getMap('m').get('a')).toBe(1);
    expect(updates).toEqual([]);
    expect(transactions).toBe(1);
    doc.getMap('m').set('b', 2);
    expect(updates).toEqual(['before', 'added inside']);
  });

  it('restores the listeners when the function throws', () => {
    const doc = new Y.Doc();
    let seen = 0;
    doc.on('update', () => seen++);
    expect(() =>
      withoutUpdateEvents(doc, () => {
        throw new Error('bad update');
      }),
    ).toThrow('bad update');
    doc.getMap('m').set('a', 1);
    expect(seen).toBe(1);
  });

  it("detachUpdateEvents: no 'update' events until reattached, then every listener", () => {
    const doc = new Y.Doc();
    const updates: string[] = [];
    doc.on('update', () => updates.push('before'));
    const reattach = detachUpdateEvents(doc);
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    expect(updates).toEqual([]);
    doc.on('update', () => updates.push('added meanwhile'));
    reattach();
    doc.getMap('m').set('c', 3);
    expect(updates).toEqual(['before', 'added meanwhile']);
  });
});
