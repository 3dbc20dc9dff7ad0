/**
 * The names of writers this page never saw in presence, as the server knows them: it bound each
 * Yjs client id to the invite that wrote with it (GET /api/boards/:id/writers). An Undo that
 * kept a colleague's value names them then, not "someone else", when they wrote while this page
 * was closed or without presence; so does a lost-edit notice, not "A colleague". Asked only for such writers, and each answer kept for the
 * page's life (an id the server does not name, its own or data from before bindings, too): a
 * client id is bound for good, so what the server says of it never changes.
 */
import type { Actor } from '../../shared/board';

/** Asks the server who wrote with these client ids; the answer names those it knows. */
export type AskWriters = (clients: readonly number[]) => Promise<ReadonlyMap<number, Actor>>;

/** How many client ids one request asks about: the server's limit (writerRoutes). */
const ASKED_AT_ONCE = 100;

export class WriterNames {
  private readonly known = new Map<number, Actor | null>();
  /** The answers on their way, by client id: who asks about one of these waits for it. */
  private readonly asking = new Map<number, Promise<void>>();

  constructor(private readonly ask: AskWriters | null) {}

  /** The writer on `client` as the server named them, or null when not (yet) known. */
  readonly whoIs = (client: number): Actor | null => this.known.get(client) ?? null;

  /**
   * Whether asking may name any of `clients`: a page with no server never can, and an id asked
   * about before has its answer already.
   */
  mayName(clients: readonly number[]): boolean {
    return this.ask !== null && clients.some((c) => !this.known.has(c));
  }

  /**
   * Asks about those of `clients` not asked about before, and waits for those asked about
   * already (the lost-edit notices of one write, arriving together, ask once). Rejects when
   * the server cannot say.
   */
  async learn(clients: readonly number[]): Promise<void> {
    const ask = this.ask;
    if (ask === null) return;
    const unknown = clients
      .filter((c) => !this.known.has(c) && !this.asking.has(c))
      .slice(0, ASKED_AT_ONCE);
    if (unknown.length > 0) {
      const answer = ask(unknown).then((named) => {
        for (const client of unknown) this.known.set(client, named.get(client) ?? null);
      });
      const settled = () => {
        for (const client of unknown) this.asking.delete(client);
      };
      answer.then(settled, settled);
      for (const client of unknown) this.asking.set(client, answer);
    }
    await Promise.all(new Set(clients.flatMap((c) => this.asking.get(c) ?? [])));
  }
}

/** AskWriters over REST, for the board's page at `serverUrl` (its ws:// or http:// origin). */
export function askServer(serverUrl: string, boardId: string, token: string): AskWriters {
  const base = `${serverUrl.replace(/^ws/, 'http')}/api/boards/${encodeURIComponent(boardId)}`;
  return async (clients) => {
    const res = await fetch(`${base}/writers?clients=${clients.join(',')}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`GET …/writers answered ${res.status}`);
    const body = (await res.json()) as { writers?: unknown };
    const named = new Map<number, Actor>();
    for (const w of Array.isArray(body.writers) ? (body.writers as unknown[]) : []) {
      const { clientId, id, name } = (w ?? {}) as Record<string, unknown>;
      if (typeof clientId === 'number' && typeof id === 'string' && typeof name === 'string') {
        named.set(clientId, { id, name });
      }
    }
    return named;
  };
}
