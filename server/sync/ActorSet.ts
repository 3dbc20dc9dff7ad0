/**
 * Actor values ({id, name}), matched by id and name exactly: a name is not unique, and an id
 * names one invite, whose name never changes.
 */
export class ActorSet {
  private readonly byId = new Map<string, Set<string>>();

  /** Adds an actor value; anything else is not one, and is left out. */
  add(value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    const { id, name } = value as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || typeof name !== 'string') return;
    const names = this.byId.get(id);
    if (names) names.add(name);
    else this.byId.set(id, new Set([name]));
  }

  has(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const { id, name } = value as { id?: unknown; name?: unknown };
    return typeof id === 'string' && typeof name === 'string' && !!this.byId.get(id)?.has(name);
  }
}
