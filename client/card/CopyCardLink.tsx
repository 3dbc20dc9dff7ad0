/**
 * "Copy link to this card": the card's own address (cardAddress), for a colleague who has the
 * board to open it on this card. Where the browser refuses the clipboard (a permission
 * denied, or a page served over plain http, where there is no Clipboard API), the link shows
 * in a read-only field, selected, to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';

export function CopyCardLink({ address }: { address: string }) {
  const link = new URL(address, window.location.origin).href;
  const fieldRef = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  const [byHand, setByHand] = useState(false);
  useEffect(() => {
    if (!byHand) return;
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [byHand]);

  const copy = async () => {
    // Emptied first, so that a second copy is said again.
    setSaid('');
    try {
      await navigator.clipboard.writeText(link);
      setSaid('Link copied.');
    } catch {
      setByHand(true);
      fieldRef.current?.select();
      setSaid(
        'Copying was blocked: the link is selected below, press Ctrl+C (or Cmd+C) to copy it.',
      );
    }
  };

  return (
    <div className="card-link">
      <button type="button" className="button small" onClick={() => void copy()}>
        Copy link to this card
      </button>
      {byHand && (
        <label className="field">
          <span>Link to this card</span>
          <input
            ref={fieldRef}
            className="invite-url"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
      <p className="muted small" role="status">
        {said}
      </p>
    </div>
  );
}
