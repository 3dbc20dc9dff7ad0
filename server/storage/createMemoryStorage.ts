/**
 * A storage held in memory with the same behaviour as the SQLite one: SyncStorage's second
 * backend, kept beside it because the contract suite (test/server/storage/storageContract.ts)
 * runs against both, which keeps the interface one a backend other than SQLite can meet; the
 * server itself always opens SQLite, and tests use this one where no file is needed. Bytes are
 * copied in and out so that callers can never alias stored data.
 */
import {
  historyLimit,
  type BoardRecord,
  type ClientBinding,
  type HistoryEvent,
  type InviteRecord,
  type DeletedCardSource,
  type DeletedHolder,
  type DeletedPlacesRecord,
  type DeletedStruct,
  type RemovedArticle,
  type RemovedEvidence,
  type StoredContent,
  type StoredHistoryEvent,
  type SyncStorage,
} from './Storage';
import { snapshotOf } from './applyStoredContent';
import { redactHistoryData } from '../../shared/history/redactHistoryData';
import { redactUpdate } from './redactUpdate';
import { checkBoardKeepsLead } from './checkBoardKeepsLead';
import { checkRoleChange } from './checkRoleChange';
import { StorageError } from './StorageError';
import { findDeletedPlace } from './findDeletedPlace';
import { deletedCardSourcesIn, removedArticlesIn, removedEvidenceIn } from './removedInHistory';

interface Row {
  readonly seq: number;
  readonly data: Uint8Array;
  readonly at: number;
}

interface Snapshot {
  readonly uptoSeq: number;
  readonly data: Uint8Array;
  readonly at: number;
}

/** As in the SQLite backend: snapshots inside retention are thinned to one a day. */
const DAY_MS = 86_400_000;

export function createMemoryStorage(): SyncStorage {
  const boards = new Map<string, BoardRecord>();
  const invites = new Map<string, InviteRecord>();
  const updates = new Map<string, Row[]>();
  const snapshots = new Map<string, Snapshot[]>();
  const history: StoredHistoryEvent[] = [];
  const bindings = new Map<string, Map<number, string>>();
  /** By board, then `client:clock` of each struct's first clock: the first one stored stays. */
  const places = new Map<string, Map<string, { struct: DeletedStruct; holder: DeletedHolder }>>();
  /** Boards deleted (deleteBoard): nothing is written for them again. */
  const deleted = new Set<string>();
  let updateSeq = 0;
  let historySeq = 0;
  let closed = false;

  const open = () => {
    if (closed) throw new StorageError('closed', 'storage is closed');
  };
  const live = (boardId: string) => {
    open();
    if (deleted.has(boardId)) throw new StorageError('board_not_found', 'the board was deleted');
  };
  const rowsOf = (boardId: string) => updates.get(boardId) ?? [];
  const snapshotsOf = (boardId: string) => snapshots.get(boardId) ?? [];
  const append = (boardId: string, update: Uint8Array, at: number) => {
    const rows = updates.get(boardId) ?? [];
    rows.push({ seq: ++updateSeq, data: update.slice(), at });
    updates.set(boardId, rows);
    return updateSeq;
  };
  const record = (events: readonly HistoryEvent[]) => {
    for (const e of events) {
      history.push(structuredClone({ ...e, seq: ++historySeq }));
    }
  };
  const content = (snapshot: Snapshot | undefined, rows: Row[]): StoredContent => ({
    snapshot: snapshot ? snapshot.data.slice() : null,
    updates: rows.map((r) => r.data.slice()),
    lastSeq: rows.at(-1)?.seq ?? snapshot?.uptoSeq ?? 0,
    updatesSinceSnapshot: rows.length,
  });
  const newestAt = (boardId: string, at: number) =>
    snapshotsOf(boardId)
      .filter((s) => s.at <= at)
      .sort((a, b) => a.at - b.at || a.uptoSeq - b.uptoSeq)
      .at(-1);

  /** As the SQLite backend prunes (sqliteCompaction.ts): what no moment since `before` needs. */
  const prune = (boardId: string, before: number) => {
    const base = newestAt(boardId, before);
    const all = snapshotsOf(boardId);
    const newest = all.at(-1)?.uptoSeq;
    const firstOfDay = new Map<number, number>();
    for (const s of all) {
      const day = Math.floor(s.at / DAY_MS);
      firstOfDay.set(day, Math.min(firstOfDay.get(day) ?? Infinity, s.uptoSeq));
    }
    const from = base?.uptoSeq ?? 0;
    snapshots.set(
      boardId,
      all.filter(
        (s) =>
          s.uptoSeq >= from &&
          (s.uptoSeq === from ||
            s.uptoSeq === newest ||
            firstOfDay.get(Math.floor(s.at / DAY_MS)) === s.uptoSeq),
      ),
    );
    if (base)
      updates.set(
        boardId,
        rowsOf(boardId).filter((r) => r.seq > base.uptoSeq),
      );
  };

  return {
    async createBoard(board) {
      open();
      if (boards.has(board.id)) throw new StorageError('board_exists', 'board exists');
      boards.set(board.id, { ...board });
    },
    async createBoardWithLead({ board, update, history: events, lead }) {
      open();
      // Checked before anything is written: all of it or nothing, as in one transaction.
      if (boards.has(board.id)) throw new StorageError('board_exists', 'board exists');
      if (invites.has(lead.id)) throw new StorageError('invite_exists', 'invite exists');
      boards.set(board.id, { ...board });
      append(board.id, update, board.createdAt);
      record(events);
      invites.set(lead.id, { ...lead });
    },
    async getBoard(id) {
      open();
      const board = boards.get(id);
      return board ? { ...board } : null;
    },
    async hasBoards() {
      open();
      return boards.size > 0;
    },
    async deleteBoard(id) {
      open();
      deleted.add(id);
      const existed = boards.delete(id);
      for (const invite of [...invites.values()]) {
        if (invite.boardId === id) invites.delete(invite.id);
      }
      for (const kept of [updates, snapshots, bindings, places]) kept.delete(id);
      const others = history.filter((e) => e.boardId !== id);
      history.splice(0, history.length, ...others);
      return existed;
    },
    async createInvite(invite, event) {
      open();
      if (!boards.has(invite.boardId)) throw new StorageError('board_not_found', 'no such board');
      if (invites.has(invite.id)) throw new StorageError('invite_exists', 'invite exists');
      invites.set(invite.id, { ...invite });
      if (event) record([event]);
    },
    async getInvite(id) {
      open();
      const invite = invites.get(id);
      return invite ? { ...invite } : null;
    },
    async listInvites(boardId) {
      open();
      return [...invites.values()]
        .filter((i) => i.boardId === boardId)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((i) => ({ ...i }));
    },
    async revokeInvite(id, at, event) {
      open();
      const invite = invites.get(id);
      if (!invite || invite.revokedAt !== null) return false;
      checkBoardKeepsLead(invite, { revokedAt: at }, () =>
        [...invites.values()].filter((i) => i.boardId === invite.boardId),
      );
      invites.set(id, { ...invite, revokedAt: at, revokedBy: event?.actor ?? null });
      if (event) record([event]);
      return true;
    },
    async markJoined(id, at) {
      open();
      const invite = invites.get(id);
      if (invite && invite.joinedAt === null) invites.set(id, { ...invite, joinedAt: at });
    },
    async changeInviteRole(change) {
      open();
      const invite = invites.get(change.inviteId) ?? null;
      checkRoleChange(invite, change, () =>
        [...invites.values()].filter((i) => i.boardId === invite?.boardId),
      );
      const roleChange = { by: change.event.actor, at: change.event.at };
      invites.set(invite.id, { ...invite, role: change.to, roleChange });
      record([change.event]);
    },
    async setInviteExpiry(id, expiresAt, by, event) {
      open();
      const invite = invites.get(id);
      if (!invite || invite.revokedAt !== null) return null;
      checkBoardKeepsLead(invite, { expiresAt }, () =>
        [...invites.values()].filter((i) => i.boardId === invite.boardId),
      );
      const changed = { ...invite, expiresAt, expirySetBy: by };
      invites.set(id, changed);
      if (event) record([event]);
      return { ...changed };
    },
    async appendUpdate(boardId, update, at) {
      live(boardId);
      return append(boardId, update, at);
    },
    async appendBatch(boardId, batch) {
      live(boardId);
      let seq = rowsOf(boardId).at(-1)?.seq ?? 0;
      for (const update of batch.updates) seq = append(boardId, update, batch.at);
      const bound = bindings.get(boardId) ?? new Map<number, string>();
      for (const b of batch.bindings) if (!bound.has(b.clientId)) bound.set(b.clientId, b.inviteId);
      bindings.set(boardId, bound);
      record(batch.history);
      const held = places.get(boardId) ?? new Map();
      for (const { holder, structs } of batch.places ?? []) {
        for (const struct of structs) {
          const id = `${struct.client}:${struct.clock}`;
          if (!held.has(id)) held.set(id, { struct: { ...struct }, holder: { ...holder } });
        }
      }
      places.set(boardId, held);
      return seq;
    },
    async findDeletedPlaces(boardId, ids): Promise<readonly DeletedPlacesRecord[]> {
      open();
      const held = [...(places.get(boardId)?.values() ?? [])];
      return ids.flatMap((id) => findDeletedPlace(held, id) ?? []);
    },
    async loadContent(boardId) {
      open();
      const snapshot = snapshotsOf(boardId).at(-1);
      return content(
        snapshot,
        rowsOf(boardId).filter((r) => r.seq > (snapshot?.uptoSeq ?? 0)),
      );
    },
    async loadContentAt(boardId, at) {
      open();
      const snapshot = newestAt(boardId, at);
      return content(
        snapshot,
        rowsOf(boardId).filter((r) => r.seq > (snapshot?.uptoSeq ?? 0) && r.at <= at),
      );
    },
    async compact(boardId, uptoSeq, at, { state, pruneBefore }) {
      live(boardId);
      const base = snapshotsOf(boardId)
        .filter((s) => s.uptoSeq <= uptoSeq)
        .at(-1);
      const after = rowsOf(boardId).filter((r) => r.seq > (base?.uptoSeq ?? 0) && r.seq <= uptoSeq);
      let bytes = base?.data.byteLength ?? 0;
      if (state || after.length > 0) {
        const data =
          state?.slice() ??
          snapshotOf({ snapshot: base?.data ?? null, updates: after.map((r) => r.data) });
        const list = snapshotsOf(boardId).filter((s) => s.uptoSeq !== uptoSeq);
        list.push({ uptoSeq, data, at });
        list.sort((a, b) => a.uptoSeq - b.uptoSeq);
        snapshots.set(boardId, list);
        bytes = data.byteLength;
      }
      prune(boardId, pruneBefore);
      return bytes;
    },
    async redactComment({ boardId, commentId, ranges, by, at }) {
      open();
      // Everything is rewritten before anything is replaced: all of it or nothing.
      const rewritten = <T extends { data: Uint8Array }>(list: readonly T[]) =>
        list.flatMap((row, i) => {
          const data = redactUpdate(row.data, ranges);
          return data ? [{ i, row: { ...row, data } }] : [];
        });
      const rows = rewritten(rowsOf(boardId));
      const snaps = rewritten(snapshotsOf(boardId));
      const events = history.flatMap((e, i) => {
        if (e.boardId !== boardId || e.data.commentId !== commentId) return [];
        const data = redactHistoryData(e.data, { by, at });
        return data ? [{ i, row: { ...e, data } }] : [];
      });
      for (const { i, row } of rows) rowsOf(boardId)[i] = row;
      for (const { i, row } of snaps) snapshotsOf(boardId)[i] = row;
      for (const { i, row } of events) history[i] = row;
      return { updates: rows.length, snapshots: snaps.length, history: events.length };
    },
    async appendHistory(events) {
      for (const e of events) live(e.boardId);
      open();
      record(events);
    },
    async listHistory(boardId, query) {
      open();
      const limit = historyLimit(query);
      const after = query.after ?? 0;
      const before = query.before ?? Infinity;
      const matches = history.filter(
        (e) =>
          e.boardId === boardId &&
          (query.cardId === undefined || e.cardId === query.cardId) &&
          e.seq > after &&
          e.seq < before,
      );
      // History is kept in seq order; a forward page takes the first matches, a backward one
      // the last, as the SQLite backend does.
      const more = matches.length > limit;
      if (query.after !== undefined) {
        return { events: matches.slice(0, limit).map((e) => structuredClone(e)), more };
      }
      const page = matches.slice(-limit);
      return {
        events: page.map((e) => structuredClone(e)),
        more,
        older: matches.length - page.length,
      };
    },
    async listClientBindings(boardId): Promise<readonly ClientBinding[]> {
      open();
      return [...(bindings.get(boardId) ?? new Map<number, string>())].map(
        ([clientId, inviteId]) => ({ clientId, inviteId }),
      );
    },
    async listRemovedEvidence(boardId): Promise<readonly RemovedEvidence[]> {
      open();
      return removedEvidenceIn(history, boardId);
    },
    async listDeletedCardSources(boardId): Promise<readonly DeletedCardSource[]> {
      open();
      return deletedCardSourcesIn(history, boardId);
    },
    async listRemovedArticles(boardId): Promise<readonly RemovedArticle[]> {
      open();
      return removedArticlesIn(history, boardId);
    },
    async close() {
      closed = true;
    },
  };
}
