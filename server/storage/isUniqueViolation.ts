/** better-sqlite3's error for an insert whose primary key is taken (a board or invite id). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
