/**
 * How the sync server reports what happens. Callers never pass tokens or URLs with tokens;
 * errors are reduced to their name, code and message.
 */
export type SyncLogLevel = 'info' | 'warn' | 'error';
export type SyncLog = (
  level: SyncLogLevel,
  message: string,
  fields?: Record<string, unknown>,
) => void;

function plain(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
}

/** Warnings and errors as one JSON line each on stderr; info is left out. */
export const defaultSyncLog: SyncLog = (level, message, fields = {}) => {
  if (level === 'info') return;
  const entries = Object.entries(fields).map(([k, v]) => [k, plain(v)]);
  console.error(JSON.stringify({ level, message, ...Object.fromEntries(entries) }));
};
