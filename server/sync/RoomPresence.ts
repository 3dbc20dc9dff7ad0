/**
 * A loaded board's presence (y-protocols awareness): which connection speaks for which
 * awareness client id, what it may set, and relaying every change to the board's connections.
 * Presence is best effort: what a connection may not set is dropped, never a reason to close it.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { forgetDepartedClients } from '../../shared/yjs/forgetDepartedClients';
import {
  type AwarenessEntry,
  decodeAwarenessEntries,
  encodeAwarenessEntries,
} from './awarenessEntries';
import { bindPresence } from './bindPresence';
import type { Connection } from './Connection';
import { encodeAwareness } from './syncMessages';

export interface RoomPresenceOptions {
  /** The board's connections: those a change is relayed to. */
  readonly conns: ReadonlySet<Connection>;
  /** The invite whose writes a client id is bound to, if any (ClientBindings.ownerOf). */
  readonly writerOf: (clientId: number) => string | undefined;
  /** Largest awareness state kept, in bytes. */
  readonly maxStateBytes: number;
  /** How long the clock of a client that left is kept (forgetDepartedClients). */
  readonly forgetAfterMs: number;
}

export class RoomPresence {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Connection>();

  constructor(
    doc: Y.Doc,
    private readonly options: RoomPresenceOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onChange);
    forgetDepartedClients(this.awareness, options.forgetAfterMs);
  }

  /**
   * A connection speaks for one awareness client id: the first it sets a state for, unless that
   * id is live on a connection of another invite or writes the doc for another invite. Entries
   * for any other id are dropped without closing: y-websocket clients relay every awareness
   * change they receive, others' included, so such entries are normal from honest clients. The
   * state's user is the invite's (bindPresence): presence never shows anyone under another name.
   * An id live on a connection of the same invite is a tab back on a new socket (offline and
   * online again) while its old one is dead but not yet closed: the new one takes it over, or
   * the old one's close would take away the presence the tab shows again, and until then the
   * tab's changes to it would be dropped. (A client of that invite that sent no state of its own,
   * not even y-websocket's initial one, and relays the tab's takes it over too: the same person;
   * the tab takes it back with its next renewal, but a tab that closes first stays shown until
   * awareness's 30 s timeout.)
   */
  receive(conn: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessEntries(update);
    if (!conn.awarenessBudget.take()) return; // presence is best effort: drop the excess
    const keep: AwarenessEntry[] = [];
    // One id per connection, claimed by its first state: the ids seen in this message count
    // too, or one message could claim any number of them.
    let claimed: number | null = null;
    for (const entry of entries) {
      if (!conn.awarenessIds.has(entry.clientId) && entry.clientId !== claimed) {
        const owner = this.owners.get(entry.clientId);
        const writer = this.options.writerOf(entry.clientId);
        const claimable =
          conn.awarenessIds.size === 0 &&
          claimed === null &&
          entry.state !== 'null' &&
          (owner === undefined || owner.inviteId === conn.inviteId) &&
          (writer === undefined || writer === conn.inviteId);
        if (!claimable) continue;
        claimed = entry.clientId;
        // Owned from now on, whether or not the state applies: one unchanged from the old
        // socket's applies as no change, and y-protocols ignores a new client's first state at
        // clock 0 (a provider's initial {}). A connection left owning nothing would take over
        // the next state it relays, a sibling tab's, which then stayed after that tab left.
        this.setOwner(entry.clientId, conn);
      }
      if (entry.state.length > this.options.maxStateBytes) continue;
      keep.push({ ...entry, state: bindPresence(entry.state, conn.actor) });
    }
    if (keep.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(keep), conn);
    }
  }

  /** A connection left: the states it speaks for go, for everyone. */
  leave(conn: Connection): void {
    const ids = [...conn.awarenessIds].filter((id) => this.owners.get(id) === conn);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, conn);
    // An id whose state never applied had nothing to remove (onChange forgets the others).
    for (const id of ids) this.owners.delete(id);
  }

  /** Sends a connection every state there is (it joined, or asked). */
  sendStates(conn: Connection): void {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return;
    conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /** Client ids whose clocks it keeps: those present, those that left lately, and its own. */
  remembered(): number {
    return this.awareness.meta.size;
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private readonly onChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = origin as Connection;
    if (this.options.conns.has(conn)) {
      for (const id of [...change.added, ...change.updated]) this.setOwner(id, conn);
    }
    for (const id of change.removed) {
      const owner = this.owners.get(id);
      owner?.awarenessIds.delete(id);
      this.owners.delete(id);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const message = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    );
    for (const c of this.options.conns) c.send(message);
  };

  private setOwner(id: number, conn: Connection): void {
    this.owners.get(id)?.awarenessIds.delete(id);
    conn.awarenessIds.add(id);
    this.owners.set(id, conn);
  }
}
