/**
 * "Restore" on a deleted card's latest deletion in the Activity feed, for those who may
 * restore it. Once the card is back the button goes, and the feed gives focus to the item
 * before it, the entry it was in (useFeedKeyboard).
 */
import { useState } from 'react';
import { clip } from '../ui/clip';

export function RestoreCardButton({
  cardId,
  claim,
  restore,
}: {
  cardId: string;
  claim: string;
  /** Puts the card back. Rejects with why it failed. */
  restore: (cardId: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button small activity-restore"
      aria-label={`${busy ? 'Restoring card' : 'Restore card'}: ${clip(claim, 80)}`}
      // Not disabled: Chromium drops a disabled button's focus to the page while it restores.
      aria-disabled={busy}
      onClick={() => {
        if (busy) return;
        setBusy(true);
        restore(cardId)
          .catch(() => undefined) // the panel says why
          .finally(() => setBusy(false));
      }}
    >
      {busy ? 'Restoring…' : 'Restore'}
    </button>
  );
}
