/**
 * How long words that name someone from the board's history wait for it before they say "a
 * colleague" (the history is slow, or offline): the card dialog of a deleted card, and the
 * lost-edit notices, are shown once named, so that their alert is read out once.
 */
const NAME_WAIT_MS = 1_500;

/**
 * Gives `answer` exactly once: what `ask` resolves to, or null when it fails or has not
 * resolved within NAME_WAIT_MS. A late answer is dropped: the words it would change have been
 * said. Returns a cancel (an effect's cleanup): after it, `answer` is not called.
 */
export function answerWithin<T>(
  ask: Promise<T | null>,
  answer: (value: T | null) => void,
): () => void {
  let done = false;
  const settle = (value: T | null) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    answer(value);
  };
  const timer = setTimeout(() => settle(null), NAME_WAIT_MS);
  ask.then(settle, () => settle(null));
  return () => {
    done = true;
    clearTimeout(timer);
  };
}
