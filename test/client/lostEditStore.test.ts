// The lost-edit notices kept on the device: read back whole, what cannot be read left out, the
// same loss told by two tabs kept once, and only the latest KEPT_NOTICES.
import { describe, expect, it } from 'vitest';
import {
  KEPT_NOTICES,
  type KeptNotice,
  mergeNotices,
  noticeKey,
  storageLostEditStore,
} from '../../client/sync/lostEditStore';
import { memoryStorage } from '../helpers/memoryStorage';

const replaced = (mine: string): KeptNotice => ({
  cardId: 'c1',
  evidenceId: null,
  field: 'rationale',
  mine,
  theirs: 'Ana, online: short note.',
  byClient: 7,
  by: { id: 'inv-ana', name: 'Ana' },
});
const deleted: KeptNotice = {
  cardId: 'c2',
  evidenceId: 'e1',
  field: 'item',
  cardDeleted: true,
  mine: null,
  claim: 'The mayor visited 12 schools in March',
  evidence: { url: 'https://ex.org/a', quote: '', stance: 'supports', note: 'p. 3' },
  comments: 2,
  client: 9,
  clock: 40,
  by: null,
};
const removed: KeptNotice = {
  cardId: 'c1',
  evidenceId: 'e2',
  field: 'itemEdit',
  itemRemoved: true,
  mine: null,
  edited: ['stance', 'note'],
  evidence: { url: 'https://ex.org/b', quote: 'Costs rose', stance: 'refutes', note: 'p. 4' },
  client: 9,
  clock: 41,
  by: null,
};
const editedComment: KeptNotice = {
  cardId: 'c1',
  evidenceId: null,
  field: 'commentEdit',
  commentId: 'm1',
  mine: 'Edited words',
  theirs: null,
  byClient: 3,
  by: null,
};

describe('storageLostEditStore', () => {
  it('keeps every kind of notice through a reload, and drops the key when none is left', () => {
    const { items, storage } = memoryStorage();
    const store = storageLostEditStore(storage, 'lost');
    const notices = [replaced('Cy, offline: three pages'), deleted, removed, editedComment];
    store.save(notices);
    expect(storageLostEditStore(storage, 'lost').load()).toEqual(notices);
    store.save([]);
    expect(items.has('lost')).toBe(false);
  });

  it('leaves out what it cannot read', () => {
    const { items, storage } = memoryStorage();
    const good = replaced('Mine');
    items.set(
      'lost',
      JSON.stringify([
        good,
        { ...good, field: 'colour' },
        { ...good, byClient: 'seven' },
        { ...deleted, evidence: { url: 3 } },
        { ...removed, evidence: null },
        { ...removed, edited: ['colour'] },
        { ...removed, clock: undefined },
        { ...editedComment, commentId: undefined },
        { ...good, by: { name: 'Ana' } },
        null,
      ]),
    );
    expect(storageLostEditStore(storage, 'lost').load()).toEqual([good]);
    items.set('lost', '{not json');
    expect(storageLostEditStore(storage, 'lost').load()).toEqual([]);
  });

  it('keeps one of the same loss, and only the latest', () => {
    const a = replaced('A');
    expect(mergeNotices([a, deleted], [{ ...a }, editedComment])).toEqual([
      a,
      deleted,
      editedComment,
    ]);
    expect(noticeKey(a)).not.toBe(noticeKey(replaced('B')));
    expect(noticeKey(removed)).not.toBe(noticeKey({ ...removed, clock: 42 }));
    const many = Array.from({ length: KEPT_NOTICES + 5 }, (_, i) => replaced(`Value ${i}`));
    const kept = mergeNotices([], many);
    expect(kept).toHaveLength(KEPT_NOTICES);
    expect(kept.at(-1)?.mine).toBe(`Value ${KEPT_NOTICES + 4}`);
  });
});
