/**
 * Whether a value read from a doc or from JSON is a plain object: not null, not an array and
 * not a class instance (a Y.Map, say), so its keys are its data.
 */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
