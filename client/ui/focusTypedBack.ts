/** How many animation frames a form is waited for. */
const FRAMES = 10;

/**
 * Puts focus in the first field under `root` (document order) that holds text put back after
 * the browser's Back and Forward (keptTyping), with the caret at its end, so the person goes on
 * typing where they were. Forms take their text as they mount, and some show it a frame or two
 * later (a claim's editor, a dialog's evidence form): tried at each animation frame, up to
 * FRAMES. Focus is the person's once it is anywhere but `from` (where the page or the dialog
 * put it: the body, the board's title, a dialog's Close) or the body: it is not taken from
 * there. Returns a cancel function (an effect's cleanup).
 */
export function focusTypedBack(
  root: () => ParentNode | null,
  texts: readonly string[],
  from: Element | null = document.activeElement,
): () => void {
  const wanted = new Set(texts.filter((t) => t.trim() !== ''));
  let left = FRAMES;
  let handle = 0;
  const tryFocus = () => {
    const active = document.activeElement;
    if (active !== null && active !== document.body && active !== from) return;
    const field = [
      ...(root()?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input') ??
        []),
    ].find(
      (f) => !f.readOnly && !f.disabled && wanted.has(f.value) && f.getClientRects().length > 0,
    );
    if (!field) {
      if (left-- > 0) handle = requestAnimationFrame(tryFocus);
      return;
    }
    field.focus();
    // Null for inputs without a caret (type=url keeps one; email and number do not).
    if (field.selectionStart !== null)
      field.setSelectionRange(field.value.length, field.value.length);
  };
  if (wanted.size > 0) handle = requestAnimationFrame(tryFocus);
  return () => cancelAnimationFrame(handle);
}
