/**
 * Which invite writes with which Yjs client id, per room. A forged client id would let one
 * person's update silently take the clocks of another person's next edit (Yjs then drops that
 * edit as a duplicate), so a client id belongs to the first invite that writes new structs
 * with it, for good (bindings are stored with the updates). A client id the doc already holds
 * without a binding (the server's own, or data from before bindings) is nobody's to take.
 */
import * as Y from 'yjs';
import type { ClientBinding } from '../storage/Storage';

export type BindingVerdict =
  | { readonly ok: true; readonly claims: readonly ClientBinding[] }
  | { readonly ok: false; readonly clientId: number };

export class ClientBindings {
  private readonly owner = new Map<number, string>();
  private readonly byInvite = new Map<string, Set<number>>();

  constructor(bindings: readonly ClientBinding[] = []) {
    for (const b of bindings) this.bind(b);
  }

  /** Whether `inviteId` may write new structs with all of `clients`; what it would claim. */
  check(doc: Y.Doc, inviteId: string, clients: readonly number[]): BindingVerdict {
    const claims: ClientBinding[] = [];
    for (const clientId of clients) {
      const owner = this.owner.get(clientId);
      if (owner === inviteId) continue;
      if (owner !== undefined || Y.getState(doc.store, clientId) > 0)
        return { ok: false, clientId };
      claims.push({ clientId, inviteId });
    }
    return { ok: true, claims };
  }

  bind(binding: ClientBinding): void {
    if (this.owner.has(binding.clientId)) return;
    this.owner.set(binding.clientId, binding.inviteId);
    const set = this.byInvite.get(binding.inviteId) ?? new Set<number>();
    set.add(binding.clientId);
    this.byInvite.set(binding.inviteId, set);
  }

  ownerOf(clientId: number): string | undefined {
    return this.owner.get(clientId);
  }

  clientsOf(inviteId: string): ReadonlySet<number> {
    return this.byInvite.get(inviteId) ?? new Set();
  }
}
