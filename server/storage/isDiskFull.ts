/**
 * Whether a write failed because the data directory's device is full: SQLite's own error, or a
 * file write's (the pending log). Not the server's fault, nor the request's, and it passes
 * once the operator frees space: said as such to REST callers (507) and to editors (message
 * 102), where other failures are bugs or a broken disk.
 */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}
