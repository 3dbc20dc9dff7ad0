/**
 * BoardInvites, the room's view of its board's invites for who may be given a card: what it
 * is told as changes are stored wins over what the load listed, and a revocation is for good.
 * (Through the real server: assignee.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { BoardInvites } from '../../../server/sync/BoardInvites';
import type { InviteRecord } from '../../../server/storage/Storage';

const record = (id: string, role: Role, extra: Partial<InviteRecord> = {}): InviteRecord => ({
  id,
  boardId: 'b1',
  name: `Name ${id}`,
  role,
  createdAt: 0,
  revokedAt: null,
  revokedBy: null,
  roleChange: null,
  expiresAt: null,
  expirySetBy: null,
  joinedAt: null,
  ...extra,
});
const actor = (id: string) => ({ id, name: `Name ${id}` });

describe('BoardInvites', () => {
  it('takes a live lead or editor of its board by id and name, and nobody else', () => {
    const invites = new BoardInvites('b1');
    invites.load([
      record('lead', 'lead'),
      record('ed', 'editor'),
      record('rev', 'reviewer'),
      record('view', 'viewer'),
      record('gone', 'editor', { revokedAt: 5 }),
    ]);
    invites.set(record('other', 'editor', { boardId: 'b2' }));
    expect(['lead', 'ed'].map((id) => invites.mayCheckCards(actor(id)))).toEqual([true, true]);
    for (const id of ['rev', 'view', 'gone', 'other', 'nobody']) {
      expect(invites.mayCheckCards(actor(id)), id).toBe(false);
    }
    expect(invites.mayCheckCards({ id: 'ed', name: 'Someone else' })).toBe(false);
    expect(invites.mayCheckCards(null)).toBe(false);
  });

  it('keeps what it was told over an older list loaded after it', () => {
    const invites = new BoardInvites('b1');
    invites.set(record('bo', 'reviewer'));
    invites.load([record('bo', 'editor')]);
    expect(invites.mayCheckCards(actor('bo'))).toBe(false);
  });

  it('keeps a revocation when a role change read before it is told after it', () => {
    const invites = new BoardInvites('b1');
    invites.load([record('bo', 'reviewer')]);
    invites.set(record('bo', 'reviewer', { revokedAt: 10 }));
    invites.set(record('bo', 'editor'));
    expect(invites.mayCheckCards(actor('bo'))).toBe(false);
  });

  it('takes an invite until its expiry, and again once told it was extended', () => {
    let now = 100;
    const invites = new BoardInvites('b1', () => now);
    invites.load([record('bo', 'editor', { expiresAt: 200 })]);
    expect(invites.mayCheckCards(actor('bo'))).toBe(true);
    now = 200;
    expect(invites.mayCheckCards(actor('bo'))).toBe(false);
    invites.set(record('bo', 'editor', { expiresAt: 300 }));
    expect(invites.mayCheckCards(actor('bo'))).toBe(true);
    invites.set(record('bo', 'editor', { expiresAt: null }));
    now = 10_000;
    expect(invites.may('bo', 'editBoard')).toBe(true);
  });
});
