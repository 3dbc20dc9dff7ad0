/**
 * Text a person typed that can no longer be saved where they typed it (its comment or card was
 * deleted, or they lost the right to save it), kept on screen in a read-only box, to select and
 * copy. The box grows with the text up to `maxRows`, so a line or two takes no more room.
 * Where each place puts focus when the form goes is the caller's (the news, or this text).
 */

/** The name of a single kept text, and of the card dialog's section of them. */
export const TYPED_TEXT_NAME = 'What you had typed';

export function TypedTextKept({
  text,
  label = TYPED_TEXT_NAME,
  maxRows = 6,
}: {
  text: string;
  /** The box's accessible name: the form's own label where several are kept together. */
  label?: string;
  maxRows?: number;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <textarea readOnly rows={Math.min(maxRows, text.split('\n').length + 1)} value={text} />
    </label>
  );
}
