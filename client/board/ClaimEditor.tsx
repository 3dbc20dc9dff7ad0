import { useRef, useState } from 'react';
import { LIMITS } from '../../shared/board/inputs';

/** Edits a claim in place: Enter saves, Shift+Enter breaks the line, Escape cancels. */
export function ClaimEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  // Enter, Escape and blur may all fire for one edit (blur when the editor unmounts).
  const done = useRef(false);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    const value = text.trim();
    if (keep && value && value !== initial) onSave(value);
    else onCancel();
  };
  return (
    <textarea
      className="claim-editor"
      aria-label="Claim text"
      value={text}
      maxLength={LIMITS.claim}
      rows={3}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
    />
  );
}
