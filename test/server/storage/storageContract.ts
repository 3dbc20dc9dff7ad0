/**
 * The storage contract: every backend (SQLite, memory, a future Postgres) runs this suite.
 * Call it inside a test file with a factory that returns a fresh, empty storage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_HISTORY_PAGE,
  type HistoryEvent,
  type SyncStorage,
} from '../../../server/storage/Storage';
import { valueRanges } from '../../../server/storage/redactUpdate';
import type { Role } from '../../../shared/roles';

export interface StorageFactory {
  create(): Promise<SyncStorage> | SyncStorage;
  /** Removes whatever the backend left behind (files), after close. */
  cleanup?(): void;
}

const board = (id: string, createdAt = 1) => ({ id, title: `Board ${id}`, createdAt });
const invite = (id: string, boardId: string, createdAt = 1) => ({
  id,
  boardId,
  name: `Name ${id}`,
  role: 'editor' as const,
  createdAt,
  revokedAt: null,
  revokedBy: null,
  roleChange: null,
  expiresAt: null,
  expirySetBy: null,
  joinedAt: null,
});
const event = (boardId: string, cardId: string | null, type: string, at = 1): HistoryEvent => ({
  boardId,
  cardId,
  type,
  actor: { id: 'inv1', name: 'Ada' },
  at,
  data: { n: at, nested: { ok: true } },
});

/** A doc whose state is `n` single-character inserts into text `t`, and its updates. */
function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, String(i % 10));
  return { doc, updates };
}

function rebuild(content: { snapshot: Uint8Array | null; updates: readonly Uint8Array[] }) {
  const doc = new Y.Doc();
  if (content.snapshot) Y.applyUpdate(doc, content.snapshot);
  for (const u of content.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

/** Compaction options that prune nothing older than the snapshots made in a test. */
const KEEP = { pruneBefore: 0 } as const;

export function storageContract(name: string, factory: StorageFactory): void {
  describe(`storage contract: ${name}`, () => {
    let s: SyncStorage;
    beforeEach(async () => {
      s = await factory.create();
    });
    afterEach(async () => {
      await s.close();
      factory.cleanup?.();
    });

    it('creates and reads boards; a duplicate id is refused with board_exists', async () => {
      expect(await s.hasBoards()).toBe(false);
      await s.createBoard(board('b1', 5));
      expect(await s.hasBoards()).toBe(true);
      expect(await s.getBoard('b1')).toEqual({ id: 'b1', title: 'Board b1', createdAt: 5 });
      expect(await s.getBoard('nope')).toBeNull();
      await expect(s.createBoard(board('b1'))).rejects.toMatchObject({ code: 'board_exists' });
    });

    it('stores an imported board whole, or nothing of it when a part is refused', async () => {
      const { doc } = edits(3);
      const imported = (id: string, leadId: string) => ({
        board: board(id, 7),
        update: Y.encodeStateAsUpdate(doc),
        history: [event(id, 'c1', 'card.created', 1), event(id, null, 'board.imported', 7)],
        lead: { ...invite(leadId, id, 7), role: 'lead' as const },
      });
      await s.createBoard(board('b0'));
      await s.appendUpdate('b0', edits(1).updates[0] as Uint8Array, 1);
      await s.createBoardWithLead(imported('b1', 'lead1'));
      expect(await s.getBoard('b1')).toEqual({ id: 'b1', title: 'Board b1', createdAt: 7 });
      const content = await s.loadContent('b1');
      expect(content.updates).toHaveLength(1);
      expect(rebuild(content)).toBe('012');
      expect((await s.listHistory('b1', { limit: 10 })).events.map((e) => e.type)).toEqual([
        'card.created',
        'board.imported',
      ]);
      expect(await s.listInvites('b1')).toEqual([imported('b1', 'lead1').lead]);

      // A lead invite id already taken (the last part written): no board, content or history.
      await expect(s.createBoardWithLead(imported('b2', 'lead1'))).rejects.toMatchObject({
        code: 'invite_exists',
      });
      expect(await s.getBoard('b2')).toBeNull();
      expect((await s.loadContent('b2')).updates).toHaveLength(0);
      expect((await s.listHistory('b2', { limit: 10 })).events).toHaveLength(0);
      await expect(s.createBoardWithLead(imported('b1', 'lead2'))).rejects.toMatchObject({
        code: 'board_exists',
      });
      expect(await s.getInvite('lead2')).toBeNull();
      // Later updates still number after it.
      const seq = await s.appendUpdate('b0', edits(2).updates[1] as Uint8Array, 9);
      expect(seq).toBeGreaterThan(content.lastSeq);
    });

    it('stores a created board with its content and lead invite, or nothing of it when refused', async () => {
      // As POST /api/boards makes one: no history; the board and the invite that opens it.
      const created = (id: string, leadId: string) => ({
        board: board(id, 4),
        update: Y.encodeStateAsUpdate(edits(2).doc),
        history: [],
        lead: { ...invite(leadId, id, 4), role: 'lead' as const },
      });
      await s.createBoardWithLead(created('b1', 'lead1'));
      expect(await s.getBoard('b1')).toEqual({ id: 'b1', title: 'Board b1', createdAt: 4 });
      expect(rebuild(await s.loadContent('b1'))).toBe('01');
      expect(await s.listInvites('b1')).toEqual([created('b1', 'lead1').lead]);
      expect((await s.listHistory('b1', { limit: 10 })).events).toEqual([]);
      // Its lead invite refused (the last part written): no board, no content, nothing to open.
      await expect(s.createBoardWithLead(created('b2', 'lead1'))).rejects.toMatchObject({
        code: 'invite_exists',
      });
      expect(await s.getBoard('b2')).toBeNull();
      expect(await s.hasBoards()).toBe(true);
      expect((await s.loadContent('b2')).updates).toHaveLength(0);
      expect(await s.listInvites('b2')).toEqual([]);
    });

    it('keeps invites per board, in creation order; revocation and first join are set once', async () => {
      await s.createBoard(board('b1'));
      await s.createBoard(board('b2'));
      await s.createInvite(invite('i2', 'b1', 20));
      await s.createInvite(invite('i1', 'b1', 10));
      await s.createInvite(invite('i3', 'b2', 5));
      expect((await s.listInvites('b1')).map((i) => i.id)).toEqual(['i1', 'i2']);
      await expect(s.createInvite(invite('i1', 'b1'))).rejects.toMatchObject({
        code: 'invite_exists',
      });
      await expect(s.createInvite(invite('i9', 'nope'))).rejects.toMatchObject({
        code: 'board_not_found',
      });
      await s.revokeInvite('i1', 100);
      await s.revokeInvite('i1', 200);
      await s.markJoined('i1', 50);
      await s.markJoined('i1', 60);
      // Without its event, nobody is known to have revoked it.
      expect(await s.getInvite('i1')).toMatchObject({
        revokedAt: 100,
        revokedBy: null,
        joinedAt: 50,
      });
      expect(await s.getInvite('i2')).toMatchObject({ revokedAt: null, joinedAt: null });
      expect(await s.getInvite('missing')).toBeNull();
    });

    it('keeps an invite expiry as made, and as a lead sets, ends or extends it; a revoked invite keeps its own', async () => {
      await s.createBoard(board('b1'));
      const lead = { id: 'lead1', name: 'Lea Lead' };
      await s.createInvite({ ...invite('i1', 'b1'), expiresAt: 500, expirySetBy: lead });
      await s.createInvite(invite('i2', 'b1'));
      expect(await s.getInvite('i1')).toMatchObject({ expiresAt: 500, expirySetBy: lead });
      const other = { id: 'lead2', name: 'Other Lead' };
      expect(await s.setInviteExpiry('i1', 900, other)).toMatchObject({
        id: 'i1',
        expiresAt: 900,
        expirySetBy: other,
      });
      expect(await s.setInviteExpiry('i1', null, lead)).toMatchObject({ expiresAt: null });
      expect((await s.listInvites('b1'))[0]).toMatchObject({ expiresAt: null, expirySetBy: lead });
      await s.revokeInvite('i2', 10);
      expect(await s.setInviteExpiry('i2', 900, lead)).toBeNull();
      expect(await s.setInviteExpiry('missing', 900, lead)).toBeNull();
      expect(await s.getInvite('i2')).toMatchObject({ expiresAt: null, expirySetBy: null });
    });

    it('stores an invite and its revocation each with its history event; a refusal or a second revocation records none', async () => {
      await s.createBoard(board('b1'));
      const issued = { ...event('b1', null, 'invite.issued', 10), data: { inviteId: 'i1' } };
      await s.createInvite(invite('i1', 'b1', 10), issued);
      await expect(
        s.createInvite(invite('i1', 'b1', 11), { ...issued, at: 11 }),
      ).rejects.toMatchObject({ code: 'invite_exists' });
      await expect(
        s.createInvite(invite('i9', 'nope'), { ...issued, boardId: 'nope' }),
      ).rejects.toMatchObject({ code: 'board_not_found' });
      const revoked = { ...event('b1', null, 'invite.revoked', 20), data: { inviteId: 'i1' } };
      expect(await s.revokeInvite('i1', 20, revoked)).toBe(true);
      // Another lead's revocation, read before the first was stored: it keeps the first, and
      // its lead.
      const other = { ...revoked, at: 30, actor: { id: 'lead2', name: 'Other Lead' } };
      expect(await s.revokeInvite('i1', 30, other)).toBe(false);
      expect(await s.revokeInvite('missing', 30, other)).toBe(false);
      expect(await s.getInvite('i1')).toMatchObject({ revokedAt: 20, revokedBy: revoked.actor });
      expect((await s.listInvites('b1'))[0]).toMatchObject({ revokedBy: revoked.actor });
      const { events } = await s.listHistory('b1', { after: 0, limit: 10 });
      expect(events.map((e) => [e.type, e.at, e.data])).toEqual([
        ['invite.issued', 10, { inviteId: 'i1' }],
        ['invite.revoked', 20, { inviteId: 'i1' }],
      ]);
    });

    it('changes an invite role with its history event, together; refusals change neither', async () => {
      await s.createBoard(board('b1'));
      await s.createBoard(board('b2'));
      await s.createInvite({ ...invite('lead1', 'b1'), role: 'lead' });
      await s.createInvite(invite('i1', 'b1'));
      await s.createInvite({ ...invite('lead2', 'b2'), role: 'lead' });
      const change = (inviteId: string, from: Role, to: Role, boardId = 'b1') => ({
        inviteId,
        from,
        to,
        event: { ...event(boardId, null, 'role.changed'), data: { inviteId, from, to } },
      });
      expect(await s.getInvite('i1')).toMatchObject({ roleChange: null });
      const first = change('i1', 'editor', 'reviewer');
      await s.changeInviteRole(first);
      expect(await s.getInvite('i1')).toMatchObject({
        role: 'reviewer',
        revokedAt: null,
        roleChange: { by: first.event.actor, at: first.event.at },
      });
      expect((await s.listInvites('b1')).find((i) => i.id === 'i1')?.role).toBe('reviewer');
      const refusals: [ReturnType<typeof change>, string][] = [
        // Read as an editor, but it is a reviewer now.
        [change('i1', 'editor', 'viewer'), 'role_conflict'],
        [change('missing', 'editor', 'viewer'), 'invite_not_found'],
        // The only lead of b1, whatever other boards hold.
        [change('lead1', 'lead', 'editor'), 'last_lead'],
      ];
      for (const [c, code] of refusals) {
        await expect(s.changeInviteRole(c)).rejects.toMatchObject({ code });
      }
      await s.revokeInvite('i1', 100);
      await expect(s.changeInviteRole(change('i1', 'reviewer', 'editor'))).rejects.toMatchObject({
        code: 'invite_revoked',
      });
      expect(await s.getInvite('i1')).toMatchObject({ role: 'reviewer' });
      expect(await s.getInvite('lead1')).toMatchObject({ role: 'lead' });
      const { events } = await s.listHistory('b1', { after: 0, limit: 10 });
      expect(events).toEqual([
        expect.objectContaining({
          type: 'role.changed',
          cardId: null,
          data: { inviteId: 'i1', from: 'editor', to: 'reviewer' },
        }),
      ]);
      // With a second unrevoked lead the first may step down; a revoked lead does not count.
      await s.createInvite({ ...invite('lead3', 'b1'), role: 'lead' });
      await s.revokeInvite('lead3', 5);
      await expect(s.changeInviteRole(change('lead1', 'lead', 'editor'))).rejects.toMatchObject({
        code: 'last_lead',
      });
      await s.createInvite({ ...invite('lead4', 'b1'), role: 'lead' });
      await s.changeInviteRole(change('lead1', 'lead', 'editor'));
      expect(await s.getInvite('lead1')).toMatchObject({ role: 'editor' });
      await expect(s.changeInviteRole(change('lead4', 'lead', 'viewer'))).rejects.toMatchObject({
        code: 'last_lead',
      });
      // Nor may the board's only lead be revoked; its invite stays as it was.
      await expect(s.revokeInvite('lead4', 200)).rejects.toMatchObject({ code: 'last_lead' });
      expect(await s.getInvite('lead4')).toMatchObject({ revokedAt: null });
    });

    it('appends updates in order with growing sequence numbers, per board', async () => {
      const { updates } = edits(5);
      const seqs: number[] = [];
      for (const u of updates) seqs.push(await s.appendUpdate('b1', u, 1));
      await s.appendUpdate('b2', updates[0] as Uint8Array, 1);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(5);
      const content = await s.loadContent('b1');
      expect(content.snapshot).toBeNull();
      expect(content.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]));
      expect(content.lastSeq).toBe(seqs[4]);
      expect(content.updatesSinceSnapshot).toBe(5);
      expect(rebuild(content)).toBe('01234');
      expect(await s.loadContent('empty')).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: 0,
        updatesSinceSnapshot: 0,
      });
    });

    it('stored bytes cannot be changed through the arrays passed in or handed out', async () => {
      const { updates } = edits(1);
      const mine = (updates[0] as Uint8Array).slice();
      await s.appendUpdate('b1', mine, 1);
      mine.fill(0);
      const first = await s.loadContent('b1');
      (first.updates[0] as Uint8Array).fill(0);
      expect(rebuild(await s.loadContent('b1'))).toBe('0');
    });

    it('loads the newest snapshot and only the updates after it', async () => {
      const { doc, updates } = edits(10);
      let seq = 0;
      for (const u of updates.slice(0, 6)) seq = await s.appendUpdate('b1', u, 10);
      await s.compact('b1', seq, 11, KEEP);
      for (const u of updates.slice(6)) await s.appendUpdate('b1', u, 12);
      const content = await s.loadContent('b1');
      expect(content.snapshot).not.toBeNull();
      expect(content.updates).toHaveLength(4);
      expect(content.updatesSinceSnapshot).toBe(4);
      expect(rebuild(content)).toBe(doc.getText('t').toString());
    });

    it('compact builds the snapshot from the stored updates up to the given seq only', async () => {
      const { updates } = edits(8);
      const seqs: number[] = [];
      for (const u of updates.slice(0, 5)) seqs.push(await s.appendUpdate('b1', u, 10));
      const other = edits(2).updates;
      for (const u of other) await s.appendUpdate('b2', u, 10); // another board's rows
      const bytes = await s.compact('b1', seqs[2] as number, 11, KEEP);
      for (const u of updates.slice(5)) await s.appendUpdate('b1', u, 12);
      const content = await s.loadContent('b1');
      expect(bytes).toBe(content.snapshot?.byteLength);
      expect(rebuild({ snapshot: content.snapshot, updates: [] })).toBe('012');
      expect(content.updates).toHaveLength(5); // 4 and 5 from before, 6 to 8 after
      expect(rebuild(content)).toBe('01234567');
      expect(rebuild(await s.loadContent('b2'))).toBe('01');
      // A second compaction starts from the first snapshot and covers the rest.
      await s.compact('b1', content.lastSeq, 13, KEEP);
      const again = await s.loadContent('b1');
      expect(again.updates).toHaveLength(0);
      expect(rebuild(again)).toBe('01234567');
    });

    it('compact with nothing new writes nothing and returns the newest snapshot’s size', async () => {
      expect(await s.compact('b1', 0, 5, KEEP)).toBe(0);
      const { updates } = edits(3);
      let seq = 0;
      for (const u of updates) seq = await s.appendUpdate('b1', u, 10);
      const bytes = await s.compact('b1', seq, 11, KEEP);
      expect(await s.compact('b1', seq, 12, KEEP)).toBe(bytes);
      // Still the snapshot taken at 11: as of 11 it is there, as of 10 only the log.
      expect((await s.loadContentAt('b1', 11)).snapshot?.byteLength).toBe(bytes);
      expect((await s.loadContentAt('b1', 10)).snapshot).toBeNull();
    });

    it('compact stores the state it is given as the snapshot, as is', async () => {
      const { doc, updates } = edits(4);
      let seq = 0;
      for (const u of updates) seq = await s.appendUpdate('b1', u, 10);
      const state = Y.encodeStateAsUpdate(doc);
      expect(await s.compact('b1', seq, 11, { state, pruneBefore: 0 })).toBe(state.byteLength);
      state.fill(0); // the stored copy is the storage's own
      const content = await s.loadContent('b1');
      expect(content.snapshot).toEqual(Y.encodeStateAsUpdate(doc));
      expect(content.updates).toHaveLength(0);
      expect(rebuild(content)).toBe('0123');
    });

    it('a snapshot does not carry an update whose dependencies were never stored', async () => {
      const { updates } = edits(3);
      await s.appendUpdate('b1', updates[0] as Uint8Array, 10);
      const seq = await s.appendUpdate('b1', updates[2] as Uint8Array, 10); // 1 is missing
      await s.compact('b1', seq, 11, KEEP);
      const content = await s.loadContent('b1');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, content.snapshot as Uint8Array);
      expect(doc.getText('t').toString()).toBe('0');
      expect(doc.store.pendingStructs).toBeNull();
    });

    it('loadContentAt rebuilds the board as it was at a moment', async () => {
      const { updates } = edits(6);
      let seq = 0;
      for (const [i, u] of updates.entries()) {
        seq = await s.appendUpdate('b1', u, 100 + i * 10);
        if (i === 2) await s.compact('b1', seq, 125, KEEP);
      }
      expect(rebuild(await s.loadContentAt('b1', 99))).toBe('');
      expect(rebuild(await s.loadContentAt('b1', 110))).toBe('01');
      expect(rebuild(await s.loadContentAt('b1', 125))).toBe('012');
      expect(rebuild(await s.loadContentAt('b1', 130))).toBe('0123');
      expect(rebuild(await s.loadContentAt('b1', 1e15))).toBe('012345');
    });

    it('pruning drops what a snapshot before the cut covers and keeps every later moment', async () => {
      const { updates } = edits(9);
      let seq = 0;
      for (const [i, u] of updates.entries()) {
        const at = 100 + i * 10;
        seq = await s.appendUpdate('b1', u, at);
        if (i === 2 || i === 5) await s.compact('b1', seq, at, KEEP);
      }
      await s.compact('b1', seq, 190, { pruneBefore: 160 });
      expect(rebuild(await s.loadContent('b1'))).toBe('012345678');
      expect(rebuild(await s.loadContentAt('b1', 150))).toBe('012345');
      expect(rebuild(await s.loadContentAt('b1', 170))).toBe('01234567');
      // Before the oldest kept snapshot the log is gone: that moment is outside retention.
      expect(rebuild(await s.loadContentAt('b1', 125))).toBe('');
      await s.compact('b1', seq, 200, { pruneBefore: 1e15 }); // nothing new: it only prunes
      expect(rebuild(await s.loadContent('b1'))).toBe('012345678');
      expect(rebuild(await s.loadContentAt('b1', 170))).toBe(''); // now outside retention
    });

    it('pruning thins the snapshots inside retention to one a day and every moment still rebuilds', async () => {
      const DAY = 86_400_000;
      const { updates } = edits(8);
      // Two updates a day for four days, a snapshot after each update.
      const times = updates.map((_, i) => Math.floor(i / 2) * DAY + (i % 2) * 1_000 + 10);
      for (const [i, u] of updates.entries()) {
        const seq = await s.appendUpdate('b1', u, times[i] as number);
        await s.compact('b1', seq, times[i] as number, KEEP);
      }
      for (const [i, at] of times.entries()) {
        expect(rebuild(await s.loadContentAt('b1', at))).toBe('01234567'.slice(0, i + 1));
      }
      const latest = await s.loadContent('b1');
      expect(latest.updates).toHaveLength(0); // the newest snapshot is kept
      expect(rebuild(latest)).toBe('01234567');
      // The second snapshot of day 0 went: as of then, the first one plus the log are used.
      expect((await s.loadContentAt('b1', times[1] as number)).updates).toHaveLength(1);
    });

    it('a cut before every snapshot keeps the whole log', async () => {
      const { updates } = edits(3);
      let seq = 0;
      for (const u of updates) seq = await s.appendUpdate('b1', u, 100);
      await s.compact('b1', seq, 200, { pruneBefore: 150 });
      const asOf100 = await s.loadContentAt('b1', 100);
      expect(asOf100.snapshot).toBeNull();
      expect(asOf100.updates).toHaveLength(3);
      expect(rebuild(asOf100)).toBe('012');
    });

    it('appendBatch stores updates, bindings and history together', async () => {
      const { updates } = edits(3);
      const seq = await s.appendBatch('b1', {
        updates,
        bindings: [
          { clientId: 7, inviteId: 'i1' },
          { clientId: 8, inviteId: 'i2' },
        ],
        history: [event('b1', 'c1', 'card.created', 5)],
        at: 5,
      });
      const content = await s.loadContent('b1');
      expect(content.lastSeq).toBe(seq);
      expect(rebuild(content)).toBe('012');
      expect(
        [...(await s.listClientBindings('b1'))].sort((a, b) => a.clientId - b.clientId),
      ).toEqual([
        { clientId: 7, inviteId: 'i1' },
        { clientId: 8, inviteId: 'i2' },
      ]);
      expect(await s.listClientBindings('b2')).toEqual([]);
      expect((await s.listHistory('b1', { limit: 10 })).events).toHaveLength(1);
      // A batch with no updates reports the board's current last sequence number.
      expect(await s.appendBatch('b1', { updates: [], bindings: [], history: [], at: 6 })).toBe(
        seq,
      );
    });

    it('a client id stays bound to the invite that bound it first', async () => {
      await s.appendBatch('b1', {
        updates: [],
        bindings: [{ clientId: 7, inviteId: 'i1' }],
        history: [],
        at: 1,
      });
      await s.appendBatch('b1', {
        updates: [],
        bindings: [{ clientId: 7, inviteId: 'i2' }],
        history: [],
        at: 2,
      });
      expect(await s.listClientBindings('b1')).toEqual([{ clientId: 7, inviteId: 'i1' }]);
    });

    it('lists history oldest first, per board and per card, with its data', async () => {
      await s.appendHistory([event('b1', 'c1', 'card.created', 1), event('b1', 'c2', 'x', 2)]);
      await s.appendHistory([event('b2', 'c1', 'other', 3), event('b1', 'c1', 'card.moved', 4)]);
      await s.appendHistory([event('b1', null, 'article.added', 5)]);
      const all = (await s.listHistory('b1', { limit: 100 })).events;
      expect(all.map((e) => e.type)).toEqual(['card.created', 'x', 'card.moved', 'article.added']);
      expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
      expect(all[0]).toMatchObject({
        boardId: 'b1',
        cardId: 'c1',
        actor: { id: 'inv1', name: 'Ada' },
        at: 1,
        data: { n: 1, nested: { ok: true } },
      });
      const card = await s.listHistory('b1', { cardId: 'c1', limit: 100 });
      expect(card.events.map((e) => e.type)).toEqual(['card.created', 'card.moved']);
      expect(card.more).toBe(false);
      expect(await s.listHistory('nope', { limit: 100 })).toEqual({
        events: [],
        more: false,
        older: 0,
      });
      expect(await s.listHistory('nope', { after: 0, limit: 100 })).toEqual({
        events: [],
        more: false,
      });
    });

    it('lists the evidence its history records as removed, per board, oldest first', async () => {
      const removed = (
        boardId: string,
        cardId: string | null,
        evidenceId: unknown,
        at: number,
      ) => ({
        ...event(boardId, cardId, 'evidence.removed', at),
        data: { evidenceId, url: 'https://a.example', stance: 'supports', quote: null },
      });
      await s.appendHistory([
        removed('b1', 'c1', 'e1', 1),
        { ...event('b1', 'c1', 'evidence.added', 2), data: { evidenceId: 'e2' } },
        removed('b2', 'c1', 'e3', 3),
      ]);
      await s.appendBatch('b1', {
        updates: [],
        bindings: [],
        // Removed again after its Undo: listed twice. An event without an id is not listed.
        history: [
          removed('b1', 'c2', 'e4', 4),
          removed('b1', 'c1', 'e1', 5),
          removed('b1', 'c3', null, 6),
        ],
        at: 4,
      });
      expect(await s.listRemovedEvidence('b1')).toEqual([
        { cardId: 'c1', evidenceId: 'e1' },
        { cardId: 'c2', evidenceId: 'e4' },
        { cardId: 'c1', evidenceId: 'e1' },
      ]);
      expect(await s.listRemovedEvidence('b2')).toEqual([{ cardId: 'c1', evidenceId: 'e3' }]);
      expect(await s.listRemovedEvidence('nope')).toEqual([]);
    });

    it('lists the articles its history records as removed, with their digests, oldest first', async () => {
      const removed = (
        boardId: string,
        articleId: string,
        textDigest: unknown,
        at: number,
        articleDigest?: unknown,
      ) => ({
        ...event(boardId, null, 'article.removed', at),
        data: { articleId, title: 'T', removed: 0, kept: 0, textDigest, articleDigest },
      });
      await s.appendHistory([
        removed('b1', 'a1', 'd1', 1, 'r1'),
        { ...event('b1', null, 'article.added', 2), data: { articleId: 'a2' } },
        removed('b2', 'a1', 'd9', 3, 'r9'),
      ]);
      await s.appendBatch('b1', {
        updates: [],
        bindings: [],
        // Recorded before the article's digest was kept: its text's only; before digests
        // were kept: neither.
        history: [removed('b1', 'a3', 'd3', 4), removed('b1', 'a4', undefined, 5)],
        at: 4,
      });
      expect(await s.listRemovedArticles('b1')).toEqual([
        { articleId: 'a1', textDigest: 'd1', articleDigest: 'r1' },
        { articleId: 'a3', textDigest: 'd3', articleDigest: null },
        { articleId: 'a4', textDigest: null, articleDigest: null },
      ]);
      expect(await s.listRemovedArticles('b2')).toEqual([
        { articleId: 'a1', textDigest: 'd9', articleDigest: 'r9' },
      ]);
      expect(await s.listRemovedArticles('nope')).toEqual([]);
    });

    it('lists the cards its history records as deleted with a source digest, oldest first', async () => {
      const deleted = (boardId: string, cardId: string, sourceDigest: unknown, at: number) => ({
        ...event(boardId, cardId, 'card.deleted', at),
        data: { claim: 'C', sourceDigest },
      });
      await s.appendHistory([
        deleted('b1', 'c1', 's1', 1),
        { ...event('b1', 'c2', 'card.moved', 2), data: { sourceDigest: 'no' } },
        deleted('b2', 'c1', 's9', 3),
      ]);
      await s.appendBatch('b1', {
        updates: [],
        bindings: [],
        // A card that quoted nothing, or deleted before the digest was kept: not listed.
        history: [deleted('b1', 'c3', 's3', 4), deleted('b1', 'c4', undefined, 5)],
        at: 4,
      });
      expect(await s.listDeletedCardSources('b1')).toEqual([
        { cardId: 'c1', sourceDigest: 's1' },
        { cardId: 'c3', sourceDigest: 's3' },
      ]);
      expect(await s.listDeletedCardSources('b2')).toEqual([{ cardId: 'c1', sourceDigest: 's9' }]);
      expect(await s.listDeletedCardSources('nope')).toEqual([]);
    });

    it('finds the places a deletion took by any clock of a stored struct, the first stored kept', async () => {
      const card = {
        cardId: 'c1',
        evidenceId: null,
        evidenceUrl: null,
        claim: 'Rents doubled',
        deleted: 'card' as const,
        deletedBy: { id: 'inv2', name: 'Bo' },
      };
      const evidence = { ...card, evidenceId: 'e1', evidenceUrl: 'https://x.example' };
      await s.appendBatch('b1', {
        updates: [],
        bindings: [],
        history: [event('b1', 'c1', 'card.deleted', 1)],
        places: [
          {
            holder: card,
            structs: [
              { client: 7, clock: 0, length: 1, key: null },
              { client: 7, clock: 3, length: 4, key: 'rationale' },
            ],
          },
          { holder: evidence, structs: [{ client: 9, clock: 2, length: 1, key: 'stance' }] },
        ],
        at: 1,
      });
      // Another deletion naming a struct stored already (as no deletion can): the first stays.
      await s.appendBatch('b1', {
        updates: [],
        bindings: [],
        history: [],
        places: [
          {
            holder: { ...card, cardId: 'c2' },
            structs: [{ client: 7, clock: 3, length: 1, key: 'verdict' }],
          },
        ],
        at: 2,
      });
      const found = await s.findDeletedPlaces('b1', [
        { client: 7, clock: 5 },
        { client: 9, clock: 2 },
        { client: 7, clock: 0 },
        // Past the end of a struct, before any, another client: not taken by a deletion.
        { client: 7, clock: 7 },
        { client: 9, clock: 1 },
        { client: 8, clock: 3 },
      ]);
      expect(found).toEqual([
        { holder: card, structs: [{ client: 7, clock: 3, length: 4, key: 'rationale' }] },
        { holder: evidence, structs: [{ client: 9, clock: 2, length: 1, key: 'stance' }] },
        { holder: card, structs: [{ client: 7, clock: 0, length: 1, key: null }] },
      ]);
      expect(await s.findDeletedPlaces('b2', [{ client: 7, clock: 5 }])).toEqual([]);
    });

    describe('history pages (keyset on seq)', () => {
      /** Ten events on b1 (cards c0…c4 in turn), interleaved with events of b2. */
      async function tenEvents(): Promise<number[]> {
        for (let i = 0; i < 10; i++) {
          await s.appendHistory([
            event('b1', `c${i % 5}`, `t${i}`, i),
            event('b2', `c${i % 5}`, 'other', i),
          ]);
        }
        const { events } = await s.listHistory('b1', { after: 0, limit: 100 });
        expect(events.map((e) => e.type)).toEqual([...Array(10).keys()].map((i) => `t${i}`));
        return events.map((e) => e.seq);
      }
      const types = (page: { events: readonly { type: string }[] }) =>
        page.events.map((e) => e.type);

      it('without a cursor: the newest `limit` events, oldest first, and whether older exist', async () => {
        await tenEvents();
        const latest = await s.listHistory('b1', { limit: 3 });
        expect(types(latest)).toEqual(['t7', 't8', 't9']);
        expect(latest.more).toBe(true);
        const whole = await s.listHistory('b1', { limit: 10 });
        expect(types(whole)).toHaveLength(10);
        expect(whole.more).toBe(false);
      });

      it('a page walking back counts the events before it, per board and per card', async () => {
        const seqs = await tenEvents();
        expect((await s.listHistory('b1', { limit: 3 })).older).toBe(7);
        expect((await s.listHistory('b1', { before: seqs[5], limit: 2 })).older).toBe(3);
        expect((await s.listHistory('b1', { limit: 10 })).older).toBe(0);
        // c0 has t0 and t5: its latest page of one has one event before it.
        expect((await s.listHistory('b1', { cardId: 'c0', limit: 1 })).older).toBe(1);
        // Walking forward, nothing is counted.
        expect((await s.listHistory('b1', { after: 0, limit: 3 })).older).toBeUndefined();
      });

      it('before walks back page by page to the first event, with no gap or overlap', async () => {
        const seqs = await tenEvents();
        const seen: string[] = [];
        let before: number | undefined;
        let pages = 0;
        for (;;) {
          const page = await s.listHistory('b1', { before, limit: 4 });
          seen.unshift(...types(page));
          pages++;
          if (!page.more) break;
          before = page.events[0]?.seq;
        }
        expect(pages).toBe(3);
        expect(seen).toEqual([...Array(10).keys()].map((i) => `t${i}`));
        // `before` is exclusive; before the first event there is nothing.
        expect(types(await s.listHistory('b1', { before: seqs[3], limit: 2 }))).toEqual([
          't1',
          't2',
        ]);
        expect(await s.listHistory('b1', { before: seqs[0], limit: 5 })).toEqual({
          events: [],
          more: false,
          older: 0,
        });
      });

      it('after walks forward from a seq (exclusive); after the newest there is nothing', async () => {
        const seqs = await tenEvents();
        const page = await s.listHistory('b1', { after: seqs[2], limit: 3 });
        expect(types(page)).toEqual(['t3', 't4', 't5']);
        expect(page.more).toBe(true);
        const rest = await s.listHistory('b1', { after: seqs[6], limit: 3 });
        expect(types(rest)).toEqual(['t7', 't8', 't9']);
        expect(rest.more).toBe(false);
        expect(await s.listHistory('b1', { after: seqs[9], limit: 3 })).toEqual({
          events: [],
          more: false,
        });
        // A seq that belongs to another board is only a position: the page starts after it.
        const b2 = (await s.listHistory('b2', { limit: 1 })).events[0]!.seq;
        expect(types(await s.listHistory('b1', { after: b2, limit: 100 }))).toEqual([]);
      });

      it('after and before together bound a range, paged from after', async () => {
        const seqs = await tenEvents();
        const page = await s.listHistory('b1', { after: seqs[1], before: seqs[8], limit: 4 });
        expect(types(page)).toEqual(['t2', 't3', 't4', 't5']);
        expect(page.more).toBe(true);
        const end = await s.listHistory('b1', { after: seqs[5], before: seqs[8], limit: 4 });
        expect(types(end)).toEqual(['t6', 't7']);
        expect(end.more).toBe(false);
        expect(
          types(await s.listHistory('b1', { after: seqs[5], before: seqs[5], limit: 4 })),
        ).toEqual([]);
      });

      it('pages one card’s events with the same cursors', async () => {
        const seqs = await tenEvents();
        // c1 has t1 and t6; c2 has t2 and t7.
        const latest = await s.listHistory('b1', { cardId: 'c1', limit: 1 });
        expect(types(latest)).toEqual(['t6']);
        expect(latest.more).toBe(true);
        const older = await s.listHistory('b1', {
          cardId: 'c1',
          before: latest.events[0]!.seq,
          limit: 1,
        });
        expect(types(older)).toEqual(['t1']);
        expect(older.more).toBe(false);
        const newer = await s.listHistory('b1', { cardId: 'c2', after: seqs[2], limit: 5 });
        expect(types(newer)).toEqual(['t7']);
        expect(newer.more).toBe(false);
        expect(await s.listHistory('b1', { cardId: 'none', limit: 5 })).toEqual({
          events: [],
          more: false,
          older: 0,
        });
      });

      it(`clamps the limit to 1…${MAX_HISTORY_PAGE}`, async () => {
        await tenEvents();
        expect(types(await s.listHistory('b1', { limit: 0 }))).toEqual(['t9']);
        expect(types(await s.listHistory('b1', { limit: -5 }))).toEqual(['t9']);
        expect(types(await s.listHistory('b1', { limit: 2.7 }))).toEqual(['t8', 't9']);
        const batch = Array.from({ length: MAX_HISTORY_PAGE + 5 }, (_, i) =>
          event('b3', null, 'bulk', i),
        );
        await s.appendHistory(batch);
        for (const limit of [MAX_HISTORY_PAGE + 1, 1e9, Infinity, NaN]) {
          const page = await s.listHistory('b3', { limit });
          expect(page.events).toHaveLength(MAX_HISTORY_PAGE);
          expect(page.more).toBe(true);
          expect(page.events.at(-1)?.data).toEqual({
            n: MAX_HISTORY_PAGE + 4,
            nested: { ok: true },
          });
        }
      });

      it('returns copies: changing a listed event changes nothing stored', async () => {
        await s.appendHistory([event('b1', 'c1', 'card.created', 1)]);
        const first = (await s.listHistory('b1', { limit: 1 })).events[0]!;
        (first.data as Record<string, unknown>).n = 99;
        expect((await s.listHistory('b1', { limit: 1 })).events[0]?.data).toMatchObject({ n: 1 });
      });
    });

    it('redacts a comment’s values in every stored update and snapshot, and its words in its history', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const comment = new Y.Map<unknown>();
      doc.getMap('comments').set('c1', comment);
      comment.set('text', 'Named the source');
      doc.getMap('comments').set('c2', new Y.Map([['text', 'Kept']]));
      comment.set('text', 'Named the source again');
      comment.set('text', '');
      let seq = 0;
      for (const u of updates.slice(0, 3)) seq = await s.appendUpdate('b1', u, 10);
      await s.compact('b1', seq, 11, KEEP);
      for (const u of updates.slice(3)) await s.appendUpdate('b1', u, 12);
      await s.appendUpdate('b2', updates[1] as Uint8Array, 12); // another board's row
      const posted = { commentId: 'c1', parentId: null, text: 'Named the source' };
      await s.appendHistory([
        { ...event('b1', 'k1', 'comment.posted'), data: posted },
        { ...event('b1', 'k1', 'comment.resolved'), data: { commentId: 'c1' } },
        { ...event('b1', 'k1', 'comment.posted'), data: { commentId: 'c2', text: 'Kept' } },
      ]);
      const by = { id: 'lead1', name: 'Lena' };
      const ranges = valueRanges(comment, 'text');
      const counts = await s.redactComment({ boardId: 'b1', commentId: 'c1', ranges, by, at: 20 });
      expect(counts).toEqual({ updates: 2, snapshots: 1, history: 1 });

      const stored = [await s.loadContent('b1'), await s.loadContentAt('b1', 10)];
      for (const content of stored) {
        const blobs = [content.snapshot, ...content.updates].flatMap((b) => (b ? [b] : []));
        expect(blobs.some((b) => Buffer.from(b).includes('Named'))).toBe(false);
      }
      const now = new Y.Doc();
      for (const b of [stored[0]?.snapshot, ...(stored[0]?.updates ?? [])]) {
        if (b) Y.applyUpdate(now, b);
      }
      expect(now.getMap('comments').toJSON()).toEqual({ c1: { text: '' }, c2: { text: 'Kept' } });
      expect(Y.encodeStateVector(now)).toEqual(Y.encodeStateVector(doc));
      const other = (await s.loadContent('b2')).updates[0] as Uint8Array;
      expect(Buffer.from(other).includes('Named')).toBe(true);

      const { events } = await s.listHistory('b1', { limit: 10 });
      expect(events.map((e) => e.data)).toEqual([
        { ...posted, text: '', redacted: { by, at: 20 } },
        { commentId: 'c1' },
        { commentId: 'c2', text: 'Kept' },
      ]);

      // Redacted again (a first attempt whose answer was lost, say): nothing holds the words,
      // so nothing is rewritten, and the first redaction's mark stays.
      const again = { boardId: 'b1', commentId: 'c1', ranges, by: { id: 'lead2', name: 'Lu' } };
      expect(await s.redactComment({ ...again, at: 30 })).toEqual({
        updates: 0,
        snapshots: 0,
        history: 0,
      });
      expect((await s.listHistory('b1', { limit: 10 })).events[0]?.data).toEqual({
        ...posted,
        text: '',
        redacted: { by, at: 20 },
      });
    });

    it('deletes a board and everything stored of it, refuses writes for it after, and keeps the other boards whole', async () => {
      const place = (boardId: string) => ({
        holder: {
          cardId: `c-${boardId}`,
          evidenceId: null,
          evidenceUrl: null,
          claim: 'Rents doubled',
          deleted: 'card' as const,
          deletedBy: null,
        },
        structs: [{ client: 7, clock: 0, length: 2, key: null }],
      });
      /** Everything a board can have stored: invites, log, snapshot, history, bindings, places. */
      const fill = async (boardId: string) => {
        await s.createBoard(board(boardId));
        await s.createInvite(
          invite(`lead-${boardId}`, boardId),
          event(boardId, null, 'invite.issued'),
        );
        const { doc, updates } = edits(4);
        const first = await s.appendBatch(boardId, {
          updates: updates.slice(0, 2),
          bindings: [{ clientId: 7, inviteId: `lead-${boardId}` }],
          history: [event(boardId, 'c1', 'card.created', 2)],
          places: [place(boardId)],
          at: 2,
        });
        await s.compact(boardId, first, 3, KEEP);
        await s.appendBatch(boardId, {
          updates: updates.slice(2),
          bindings: [],
          history: [event(boardId, 'c1', 'card.deleted', 4)],
          at: 4,
        });
        return doc;
      };
      await fill('b1');
      await fill('b2');
      // Stored last, as a room's batch may still wait to be stored when the deletion comes.
      await s.appendBatch('b1', {
        updates: [edits(5).updates[4] as Uint8Array],
        bindings: [{ clientId: 8, inviteId: 'lead-b1' }],
        history: [event('b1', 'c2', 'card.created', 5)],
        at: 5,
      });

      expect(await s.deleteBoard('b1')).toBe(true);
      expect(await s.getBoard('b1')).toBeNull();
      expect(await s.getInvite('lead-b1')).toBeNull();
      expect(await s.listInvites('b1')).toEqual([]);
      expect(await s.loadContent('b1')).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: 0,
        updatesSinceSnapshot: 0,
      });
      expect((await s.loadContentAt('b1', 10)).updates).toEqual([]);
      expect((await s.listHistory('b1', { limit: 10 })).events).toEqual([]);
      expect(await s.listClientBindings('b1')).toEqual([]);
      expect(await s.listDeletedCardSources('b1')).toEqual([]);
      expect(await s.findDeletedPlaces('b1', [{ client: 7, clock: 1 }])).toEqual([]);
      // A room or a compaction that comes after the deletion writes nothing back.
      const late = {
        updates: [edits(1).updates[0] as Uint8Array],
        bindings: [],
        history: [],
        at: 6,
      };
      await expect(s.appendBatch('b1', late)).rejects.toMatchObject({ code: 'board_not_found' });
      await expect(s.compact('b1', 99, 6, KEEP)).rejects.toMatchObject({
        code: 'board_not_found',
      });
      expect(await s.loadContent('b1')).toMatchObject({ snapshot: null, updates: [] });
      // Deleting again, or a board never stored: nothing to delete.
      expect(await s.deleteBoard('b1')).toBe(false);
      expect(await s.deleteBoard('nope')).toBe(false);

      // The other board has all it had.
      expect(await s.getBoard('b2')).toEqual(board('b2'));
      expect(await s.listInvites('b2')).toEqual([invite('lead-b2', 'b2')]);
      const content = await s.loadContent('b2');
      expect(content.snapshot).not.toBeNull();
      expect(rebuild(content)).toBe('0123');
      expect((await s.listHistory('b2', { limit: 10 })).events.map((e) => e.type)).toEqual([
        'invite.issued',
        'card.created',
        'card.deleted',
      ]);
      expect(await s.listClientBindings('b2')).toEqual([{ clientId: 7, inviteId: 'lead-b2' }]);
      expect(await s.findDeletedPlaces('b2', [{ client: 7, clock: 1 }])).toEqual([place('b2')]);
      expect(await s.hasBoards()).toBe(true);
    });

    // Whether the job is still under way when the deletion comes is up to the backend's
    // timing here; compactionThread.test holds SQLite's job to make sure the deletion waits.
    it('a compaction under way as its board is deleted writes no snapshot back', async () => {
      await s.createBoard(board('b1'));
      const { updates } = edits(50);
      const seq = await s.appendBatch('b1', { updates, bindings: [], history: [], at: 1 });
      // Built by the storage (no state given): SQLite's runs on its thread meanwhile.
      const compaction = s.compact('b1', seq, 2, KEEP);
      await new Promise((resolve) => setImmediate(resolve));
      expect(await s.deleteBoard('b1')).toBe(true);
      await compaction.catch(() => undefined);
      expect(await s.loadContent('b1')).toMatchObject({ snapshot: null, updates: [] });
    });

    it('refuses work after close with the code closed', async () => {
      await s.close();
      await expect(s.getBoard('b1')).rejects.toMatchObject({ code: 'closed' });
      await expect(s.appendUpdate('b1', new Uint8Array([0, 0]), 1)).rejects.toMatchObject({
        code: 'closed',
      });
    });
  });
}
