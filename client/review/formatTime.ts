/** A moment as people read it in the review UI: "12 Mar, 14:05" (with the year if not this one). */
export function formatTime(ms: number, now = Date.now()): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'unknown time';
  const date = new Date(ms);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}
