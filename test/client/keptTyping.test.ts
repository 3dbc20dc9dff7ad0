import { describe, expect, it } from 'vitest';
import { storageKeptTyping } from '../../client/board/keptTyping';
import { keptTypingKey } from '../../client/sync/forgetBoardData';
import { storageRefused } from '../../client/sync/storageRefused';
import { memoryStorage } from '../helpers/memoryStorage';

// A board id of its own: the page-wide record of refused keys outlives a test file here
// (isolate: false), and siteStorageBlocked.test marks b1's records refused.
const KEY = keptTypingKey('kept-typing-board', 'inv1');
const comment = { label: 'New comment', text: 'Check the report', saves: 'comment' } as const;

describe('storageKeptTyping', () => {
  it('keeps what a place holds, by place, and drops a place once it holds nothing typed', () => {
    const { items, storage } = memoryStorage();
    const kept = storageKeptTyping(
      () => storage,
      KEY,
      () => true,
    );
    kept.save('card:c1', [comment, { label: 'Reply', text: '  ', saves: 'comment' }]);
    kept.save('new-claim', [{ label: 'New claim', text: 'Exports rose', saves: 'card' }]);
    expect(kept.load('card:c1')).toEqual([comment]);
    expect(kept.places()).toEqual(['card:c1', 'new-claim']);
    kept.save('card:c1', []);
    expect(kept.places()).toEqual(['new-claim']);
    kept.save('new-claim', [{ label: 'New claim', text: '', saves: 'card' }]);
    expect(items.has(KEY)).toBe(false);
  });

  it('writes nothing once the page no longer shows the board, and clear forgets all', () => {
    const { storage } = memoryStorage();
    let here = true;
    const kept = storageKeptTyping(
      () => storage,
      KEY,
      () => here,
    );
    kept.save('card:c1', [comment]);
    here = false;
    kept.save('card:c1', []);
    expect(kept.load('card:c1')).toEqual([comment]);
    kept.clear();
    expect(kept.places()).toEqual([]);
  });

  it('reads past what is not a draft, and a storage that throws breaks nothing', () => {
    const { storage } = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ 'card:c1': [{ label: 1 }], 'card:c2': [comment] }));
    const kept = storageKeptTyping(
      () => storage,
      KEY,
      () => true,
    );
    expect(kept.places()).toEqual(['card:c2']);
    storage.setItem(KEY, '{not json');
    expect(kept.places()).toEqual([]);

    const blocked = storageKeptTyping(
      () => {
        throw new Error('SecurityError');
      },
      KEY,
      () => true,
    );
    expect(() => blocked.save('card:c1', [comment])).not.toThrow();
    expect(blocked.load('card:c1')).toEqual([]);

    const full = memoryStorage().storage;
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    storageKeptTyping(
      () => full,
      KEY,
      () => true,
    ).save('card:c1', [comment]);
    expect(storageRefused('kept-typing-board', 'typing')).toBe(true);
    expect(storageRefused('kept-typing-board', 'records')).toBe(false);
  });
});
