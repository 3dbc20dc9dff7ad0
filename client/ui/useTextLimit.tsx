/**
 * The length limit of a field of long text (a claim, a comment, a quoted passage), told rather
 * than enforced. `maxLength` cut a pasted text at the limit without a word, and what was past
 * it was gone; here the whole text goes in, and past the limit the field is marked invalid,
 * described by a message next to it ("3,000 characters too many: a claim is at most 2,000."),
 * and its form's submit is refused with that message said. In the last tenth before the limit
 * a quiet count shows ("1,950 of 2,000 characters"). Neither is a live region, which would
 * speak at every key: the message is said once as the text goes over the limit (a paste, or
 * the key that crossed it) and again at a refused submit; the count is read with the field's
 * description.
 *
 * Lengths are counted as the board's rules count them (UTF-16 units, `z.string().max`), of the
 * text as the form will save it (trimmed, where it trims).
 */
import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { LIMITS } from '../../shared/board/inputs';

/**
 * The fields of the board's LIMITS that people may paste long text into, and what each holds,
 * for the message: "… a claim is at most 2,000." (Names and titles keep `maxLength`.)
 */
const HOLDS = {
  claim: 'a claim',
  speaker: 'a speaker’s name',
  rationale: 'a rationale',
  url: 'a URL',
  quote: 'a quoted passage',
  note: 'a note',
  comment: 'a comment',
} as const satisfies Partial<Record<keyof typeof LIMITS, string>>;

/** The count shows from this share of the limit on. */
const NEAR = 0.9;

const number = (n: number) => n.toLocaleString('en');

export interface TextLimit<E extends HTMLElement> {
  /** Spread on the field: its ref (to focus it), aria-invalid, and the note as description. */
  readonly field: {
    readonly ref: RefObject<E | null>;
    readonly 'aria-invalid': true | undefined;
    readonly 'aria-describedby': string | undefined;
  };
  /** What is wrong with the text's length, or null when it fits. */
  readonly error: string | null;
  /** To show right after the field: the error, or the count near the limit, or nothing. */
  readonly note: ReactNode;
  /**
   * For a submit: when the text is over the limit, focuses the field, says why and returns
   * true (the submit stops there); otherwise false.
   */
  refuse(): boolean;
}

export function useTextLimit<E extends HTMLElement = HTMLTextAreaElement>({
  text,
  field,
  announce,
  ref,
  describedBy,
}: {
  /** The text as the form would save it. */
  text: string;
  /** Which of the board's limits (LIMITS) it has. */
  field: keyof typeof HOLDS;
  /** Where the form says things (the board's announcer). */
  announce: (text: string) => void;
  /** The field's own ref, when it has one already. */
  ref?: RefObject<E | null>;
  /** The ids of the field's other descriptions. */
  describedBy?: string;
}): TextLimit<E> {
  const noteId = useId();
  const ownRef = useRef<E>(null);
  const fieldRef = ref ?? ownRef;
  const limit = LIMITS[field];
  const over = text.length - limit;
  const error =
    over > 0
      ? `${number(over)} ${over === 1 ? 'character' : 'characters'} too many: ${HOLDS[field]} is at most ${number(limit)}.`
      : null;
  const near = !error && text.length >= limit * NEAR;

  // Said as the text crosses the limit, not at every key while it stays over, nor for a text
  // that was over as the field appeared (its description says so when it takes focus).
  const wasOver = useRef(error !== null);
  useEffect(() => {
    if (error !== null && !wasOver.current) announce(error);
    wasOver.current = error !== null;
  }, [error, announce]);

  const shown = error !== null || near;
  return {
    field: {
      ref: fieldRef,
      'aria-invalid': error !== null || undefined,
      'aria-describedby': [describedBy, shown ? noteId : ''].filter(Boolean).join(' ') || undefined,
    },
    error,
    note: shown && (
      <p id={noteId} className={error ? 'error small' : 'muted small'}>
        {error ?? `${number(text.length)} of ${number(limit)} characters`}
      </p>
    ),
    refuse() {
      if (error === null) return false;
      fieldRef.current?.focus();
      announce(error);
      return true;
    },
  };
}
