/**
 * This person's changes that the server refused (a revoked invite, or changes this device held
 * that their invite may not make), with the text they wrote, to copy: kept on this device
 * until they dismiss the list (client/sync's setAsideStore), however often the page reloads.
 */
import type { UnsavedChange } from '../sync/unsavedWork';

export function NotSaved({
  changes,
  onDismiss,
  onPostAgain,
}: {
  changes: readonly UnsavedChange[];
  onDismiss: () => void;
  /** Posts a refused comment again; absent where the person may not comment now. */
  onPostAgain?: (change: UnsavedChange) => void;
}) {
  if (changes.length === 0) return null;
  return (
    <section className="banner not-saved" aria-labelledby="not-saved-heading">
      <h2 id="not-saved-heading">Not saved</h2>
      <p>
        The server refused these changes made on this device, so they are not on the board. Copy
        what you need and add it again once you can edit the board.
      </p>
      <ul>
        {changes.map((c) => (
          <li key={c.key}>
            <span>{c.what}</span>
            {c.text !== null && <pre className="not-saved-text">{c.text}</pre>}
            {c.comment && onPostAgain && (
              <button type="button" className="button small" onClick={() => onPostAgain(c)}>
                Post again
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button small" onClick={onDismiss}>
        Dismiss this list
      </button>
    </section>
  );
}
