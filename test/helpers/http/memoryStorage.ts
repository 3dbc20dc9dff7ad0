/**
 * A Storage held in memory, for HTTP tests that run before (or without) the SQLite backend.
 * It keeps records only; board content lives in the fake sync server's docs.
 */
import type {
  BoardRecord,
  HistoryEvent,
  InviteRecord,
  Storage,
  StoredContent,
  StoredHistoryEvent,
} from '../../../server/storage/Storage';

const EMPTY: StoredContent = { snapshot: null, updates: [], lastSeq: 0, updatesSinceSnapshot: 0 };

export function createMemoryStorage(): Storage {
  const boards = new Map<string, BoardRecord>();
  const invites = new Map<string, InviteRecord>();
  const history: StoredHistoryEvent[] = [];
  return {
    async createBoard(board) {
      boards.set(board.id, board);
    },
    async getBoard(id) {
      return boards.get(id) ?? null;
    },
    async createInvite(invite) {
      invites.set(invite.id, invite);
    },
    async getInvite(id) {
      return invites.get(id) ?? null;
    },
    async listInvites(boardId) {
      return [...invites.values()].filter((i) => i.boardId === boardId);
    },
    async revokeInvite(id, at) {
      const invite = invites.get(id);
      if (invite && invite.revokedAt === null) invites.set(id, { ...invite, revokedAt: at });
    },
    async markJoined(id, at) {
      const invite = invites.get(id);
      if (invite && invite.joinedAt === null) invites.set(id, { ...invite, joinedAt: at });
    },
    async appendUpdate() {
      return 0;
    },
    async loadContent() {
      return EMPTY;
    },
    async loadContentAt() {
      return EMPTY;
    },
    async writeSnapshot() {},
    async prune() {},
    async appendHistory(events: readonly HistoryEvent[]) {
      for (const e of events) history.push({ ...e, seq: history.length + 1 });
    },
    async listHistory(boardId, cardId) {
      return history.filter(
        (e) => e.boardId === boardId && (cardId === undefined || e.cardId === cardId),
      );
    },
    async close() {},
  };
}
