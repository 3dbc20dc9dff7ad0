/**
 * Presence through Yjs awareness: who is on the board, which card each person has open and
 * which card they hold. Remote states are untrusted input, so they are validated here and
 * components only ever see `Peer` objects.
 */
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
}

export interface PresenceState {
  readonly user: PresenceUser;
  readonly openCard: string | null;
  readonly carrying: string | null;
}

export interface Peer extends PresenceState {
  readonly clientId: number;
}

/** Colours with at least 4.5:1 contrast against white initials. */
export const PRESENCE_COLOURS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7e22ce',
  '#b45309',
  '#be185d',
  '#0e7490',
  '#4d7c0f',
] as const;

/** A person's own colour, from their id, so everyone sees the same person in the same colour. */
export function colourFor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return PRESENCE_COLOURS[Math.abs(hash) % PRESENCE_COLOURS.length] as string;
}

/**
 * The colours of the people present, by id: each their own colour (colourFor) unless someone
 * before them in id order has it, then the next one free. Everyone sees the same people, so
 * everyone gives each person the same colour; up to eight people never share one (eight
 * colours for eight ids would collide about nine times in ten by hash alone).
 */
export function presenceColours(ids: Iterable<string>): Map<string, string> {
  const taken = new Set<string>();
  const colours = new Map<string, string>();
  for (const id of [...new Set(ids)].sort()) {
    const own = PRESENCE_COLOURS.indexOf(colourFor(id) as (typeof PRESENCE_COLOURS)[number]);
    let colour = colourFor(id);
    for (let k = 1; k < PRESENCE_COLOURS.length && taken.has(colour); k++) {
      colour = PRESENCE_COLOURS[(own + k) % PRESENCE_COLOURS.length] as string;
    }
    taken.add(colour);
    colours.set(id, colour);
  }
  return colours;
}

const str = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length <= max ? v : null;

/** One client's awareness state, validated: null if it is not a presence. */
export function parseState(clientId: number, raw: unknown): Peer | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Record<string, unknown>;
  const user = s.user as Record<string, unknown> | undefined;
  const id = str(user?.id, 100);
  const name = str(user?.name, 100);
  if (!id || name === null) return null;
  const colour = str(user?.colour, 20);
  return Object.freeze({
    clientId,
    user: Object.freeze({
      id,
      name: name || 'Anonymous',
      colour: colour && /^#[0-9a-f]{6}$/i.test(colour) ? colour : colourFor(id),
    }),
    openCard: str(s.openCard, 100),
    carrying: str(s.carrying, 100),
  });
}

/**
 * Who is on a client: present now, or seen on the board earlier in this session and gone since.
 * A colleague's write outlives their presence: an Undo that kept their value names them after
 * they closed the board, not "someone else". Null for a client never seen here.
 *
 * Only the writers are remembered once gone (a client in the doc's store): a page open for weeks
 * would otherwise keep one name for every visitor, as presence did (forgetDepartedClients). The
 * doc keeps each writer's client id for good itself, so this adds nothing that grows apart.
 */
export function presenceSeen(awareness: Awareness): (client: number) => PresenceUser | null {
  const seen = new Map<number, PresenceUser>();
  const userOf = (client: number) => parseState(client, awareness.getStates().get(client))?.user;
  const note = (clients: Iterable<number>) => {
    for (const client of clients) {
      const user = userOf(client);
      if (user) seen.set(client, user);
    }
  };
  note(awareness.getStates().keys());
  awareness.on(
    'change',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      note([...added, ...updated]);
      for (const client of removed) {
        if (!awareness.doc.store.clients.has(client)) seen.delete(client);
      }
    },
  );
  return (client) => userOf(client) ?? seen.get(client) ?? null;
}

/**
 * Everyone else on the board, ordered by name so avatars do not jump around, and the colour of
 * each person present (this one included), by id (presenceColours).
 */
export function readPresence(
  awareness: Awareness,
  myId: string,
): { peers: Peer[]; colours: ReadonlyMap<string, string> } {
  const parsed: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const peer = parseState(clientId, state);
    if (peer) parsed.push(peer);
  });
  const colours = presenceColours([myId, ...parsed.map((p) => p.user.id)]);
  const peers = parsed.map((p) => {
    const colour = colours.get(p.user.id) ?? p.user.colour;
    return colour === p.user.colour
      ? p
      : Object.freeze({ ...p, user: Object.freeze({ ...p.user, colour }) });
  });
  peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
  return { peers, colours };
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => [...(p as string)][0]?.toUpperCase() ?? '').join('') || '?';
}
