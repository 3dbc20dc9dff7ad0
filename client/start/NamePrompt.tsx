import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../shared/board/inputs';
import { hasVisibleText } from '../../shared/visibleText';

/** Asks a first-time visitor for the name colleagues will see on the board. */
export function NamePrompt({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (name: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (hasVisibleText(name)) onSave(name.trim());
  };
  return (
    <form className="panel name-prompt" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>What should colleagues call you?</h2>
      <p className="muted">Your name is shown next to the cards you open, move and edit.</p>
      <label className="field">
        <span>Your name</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.name}
          autoComplete="name"
          required
          autoFocus
        />
      </label>
      <div className="row">
        <button type="submit" className="button primary" disabled={!hasVisibleText(name)}>
          Continue
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
