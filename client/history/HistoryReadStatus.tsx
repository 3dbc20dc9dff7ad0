/**
 * Why a history view (the board's Activity, a card's History) is not up to date: it waits for
 * the connection, or its last read failed. Nothing while neither. Said politely, as a status:
 * the view itself stays usable.
 */
export function HistoryReadStatus({
  what,
  awaitingConnection,
  error,
}: {
  /** The view's name as the sentence starts with it. */
  what: 'Activity' | 'History';
  awaitingConnection: boolean;
  error: string | null;
}) {
  if (awaitingConnection) {
    return (
      <p className="muted small" role="status">
        {what} will update when the connection is back.
      </p>
    );
  }
  return (
    error && (
      <p className="error small" role="status">
        {what} could not be loaded: {error}
      </p>
    )
  );
}
