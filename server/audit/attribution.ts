/**
 * Who a transaction on a room's doc is attributed to. The sync server applies a client's update
 * with its connection as the origin and a server-side change with a ServerChange; both carry
 * the actor the server knows (the invite, or the system), never anything from the update.
 */
import type { Actor } from '../../shared/board/actor';

export class ServerChange {
  constructor(readonly actor: Actor) {}
}

export function actorOf(origin: unknown): Actor | null {
  if (typeof origin !== 'object' || origin === null) return null;
  const actor = (origin as { actor?: unknown }).actor;
  if (typeof actor !== 'object' || actor === null) return null;
  const { id, name } = actor as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null;
}
