/** A value read from a doc, a history event or a message: the string it holds, or null. */
export const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
