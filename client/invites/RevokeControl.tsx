/**
 * An invite row's Revoke in "Invite people": asks "Revoke …'s access?" in place, its Revoke
 * access button taking focus; Escape or Keep answers no and gives focus back to Revoke.
 */
import { useEffect, useRef } from 'react';

export function RevokeControl({
  name,
  confirming,
  onAsk,
  onCancel,
  onConfirm,
}: {
  /** The invitee's name, told apart from a namesake's in the list (toldApart). */
  name: string;
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={askRef}
        type="button"
        className="button small danger"
        aria-label={`Revoke invite for ${name}`}
        onClick={onAsk}
      >
        Revoke
      </button>
    );
  }
  return (
    <span
      className="row"
      role="group"
      aria-label={`Revoke ${name}'s access?`}
      onKeyDown={(e) => {
        // Escape answers this question with "Keep" and leaves the dialog open: ModalDialog
        // leaves alone an Escape whose default a control inside has prevented.
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <span className="small">Their open sessions close at once.</span>
      <button
        ref={confirmRef}
        type="button"
        className="button small danger"
        // Its name starts with the words it shows, so that voice control finds it by them.
        aria-label={`Revoke access for ${name}`}
        onClick={onConfirm}
      >
        Revoke access
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        Keep
      </button>
    </span>
  );
}
