import { useState } from 'react';
import { LIMITS } from '../../shared/board/inputs';

/** The speaker, editable; saved when the field loses focus or on Enter. */
export function SpeakerField({
  value,
  onSave,
}: {
  value: string | null;
  onSave: (speaker: string | null) => void;
}) {
  const [text, setText] = useState(value ?? '');
  const [lastValue, setLastValue] = useState(value);
  // A colleague's change replaces the text unless this person is typing over it.
  if (value !== lastValue) {
    setLastValue(value);
    setText(value ?? '');
  }
  const save = () => {
    const next = text.trim() || null;
    if (next !== value) onSave(next);
  };
  return (
    <input
      aria-label="Speaker"
      value={text}
      maxLength={LIMITS.speaker}
      placeholder="Not attributed"
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          save();
        }
      }}
    />
  );
}
