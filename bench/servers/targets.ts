/**
 * The three servers under test, seen from the load generator: how to make a room and how a
 * client reaches it. The servers themselves run in child processes (see child.ts).
 */
import type { Actor } from '../../shared/board/actor';
import { BenchError } from '../benchError';
import { BENCH_ACTOR } from '../sync/cardModel';
import type { TargetName } from './ipc';
import type { Checkout } from '../checkoutAt';
import type { ServerProcess, SpawnFrom } from './spawnServer';

export interface RoomAccess {
  /** ws://127.0.0.1:PORT/sync: the serverUrl a y-websocket WebsocketProvider gets. */
  readonly serverUrl: string;
  readonly room: string;
  readonly params: Readonly<Record<string, string>>;
  /** Who the room's clients write as (Factboard: the invite's id). */
  readonly actor: Actor;
  /**
   * Puts an article on the board the way the server takes one: its id, and how many cards the
   * import proposed from it. Absent where a client may write an article itself (Factboard
   * takes articles only from its import).
   */
  readonly importArticle?: (text: string) => Promise<{ id: string; cards: number }>;
}

export interface Target {
  readonly name: TargetName;
  /** Whether the server answers Yjs sync step 1; the relay keeps no state and does not. */
  readonly speaksYjs: boolean;
  /** Another tree to run the server from (factboardAt); this checkout when absent. */
  readonly from?: SpawnFrom;
  /** Makes a room (a board) on a running server; every client of the room uses the access. */
  createRoom(server: ServerProcess, index: number): Promise<RoomAccess>;
}

export function roomUrl(access: RoomAccess): string {
  const query = new URLSearchParams(access.params).toString();
  return `${access.serverUrl}/${access.room}${query === '' ? '' : `?${query}`}`;
}

const syncUrl = (server: ServerProcess) => `${server.url.replace(/^http/, 'ws')}/sync`;

async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status !== 201) {
    throw new BenchError(
      'http',
      `POST ${new URL(url).pathname} → ${res.status} ${await res.text()}`,
    );
  }
  return (await res.json()) as T;
}

/** A plain named room: the relay and the reference server make rooms on first join. */
const namedRoom = (server: ServerProcess, index: number): Promise<RoomAccess> =>
  Promise.resolve({
    serverUrl: syncUrl(server),
    room: `bench-${index}`,
    params: {},
    actor: BENCH_ACTOR,
  });

export const relay: Target = { name: 'relay', speaksYjs: false, createRoom: namedRoom };

/** The relay that first appends each message to a file (bench/relay.ts): latency only. */
export const durableRelay: Target = {
  name: 'durable-relay',
  speaksYjs: false,
  createRoom: namedRoom,
};

export const reference: Target = { name: 'reference', speaksYjs: true, createRoom: namedRoom };

/** Factboard with roles on: a board made over REST, reached with an editor's invite token. */
export const factboard: Target = {
  name: 'factboard',
  speaksYjs: true,
  async createRoom(server, index) {
    const board = await postJson<{ id: string; leadToken: string }>(`${server.url}/api/boards`, {
      title: `Bench board ${index}`,
    });
    const name = `Bench editor ${index}`;
    const invite = await postJson<{ token: string; inviteId: string }>(
      `${server.url}/api/boards/${board.id}/invites`,
      { name, role: 'editor' },
      board.leadToken,
    );
    return {
      serverUrl: syncUrl(server),
      room: board.id,
      params: { token: invite.token },
      actor: { id: invite.inviteId, name },
      async importArticle(text) {
        const imported = await postJson<{ articleId: string; cards: unknown[] }>(
          `${server.url}/api/boards/${board.id}/articles`,
          { title: 'Bench article', text },
          board.leadToken,
        );
        return { id: imported.articleId, cards: imported.cards.length };
      },
    };
  },
};

export const TARGETS: readonly Target[] = [relay, reference, factboard];

/** Factboard as an older commit's tree has it, for `npm run bench -- sync --base <ref>`. */
export const factboardAt = (base: Checkout): Target => ({
  ...factboard,
  name: `factboard@${base.commit.slice(0, 7)}`,
  from: { root: base.dir, kind: 'factboard' },
});

/** The factboard@… target among names, if any. */
export const baseName = (names: Iterable<TargetName>): TargetName | undefined =>
  [...names].find((name) => name.startsWith('factboard@'));
