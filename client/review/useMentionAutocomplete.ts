/**
 * @-mention autocomplete for a comment text area. The text area stays a plain multi-line
 * textbox (a combobox role is not allowed on a textarea, and screen readers take a combobox for
 * a single line, misreading Enter): aria-autocomplete="list" says it suggests, aria-controls
 * names the listbox while it shows, and aria-activedescendant its active option, so focus never
 * leaves the text. Arrow keys move, Enter or Tab insert, Escape closes the list (and nothing
 * else), a click inserts too.
 */
import {
  type KeyboardEvent,
  type RefObject,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { insertMention, mentionQueryAt } from './mentionQuery';
import { suggestMembers } from './suggestMembers';

export interface MentionAutocomplete {
  /** ARIA and caret-tracking props for the text area. */
  readonly inputProps: {
    'aria-autocomplete': 'list';
    'aria-controls': string | undefined;
    'aria-activedescendant': string | undefined;
    onSelect: () => void;
    onBlur: () => void;
  };
  /** Call from the text area's onChange with the new value. */
  readonly onTextChange: (value: string) => void;
  /** Call first in onKeyDown: true when the key was for the list (and is consumed). */
  readonly onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  readonly listId: string;
  readonly optionId: (index: number) => string;
  readonly open: boolean;
  readonly options: readonly string[];
  readonly active: number;
  readonly choose: (name: string) => void;
}

export function useMentionAutocomplete({
  text,
  setText,
  members,
  textarea,
}: {
  text: string;
  setText: (text: string) => void;
  members: readonly string[];
  textarea: RefObject<HTMLTextAreaElement | null>;
}): MentionAutocomplete {
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  // The @ (by index) whose list was closed with Escape or by choosing: it stays closed.
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const [picked, setPicked] = useState({ key: '', index: 0 });
  const pendingCaret = useRef<number | null>(null);

  const query = caret === null ? null : mentionQueryAt(text, caret);
  const queryText = query?.query ?? null;
  const options = useMemo(
    () => (queryText === null ? [] : suggestMembers(members, queryText)),
    [members, queryText],
  );
  const open = query !== null && options.length > 0 && closedAt !== query.start;
  // A new query starts at the first option; arrow keys move within the same query.
  const key = query ? `${query.start}:${query.query}` : '';
  const active = picked.key === key ? Math.min(picked.index, options.length - 1) : 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null) return;
    pendingCaret.current = null;
    textarea.current?.setSelectionRange(at, at);
  });

  const readCaret = () => {
    const el = textarea.current;
    const at = el && el.selectionStart === el.selectionEnd ? el.selectionStart : null;
    setCaret(at);
    return at;
  };

  const onTextChange = (value: string) => {
    setText(value);
    const at = readCaret();
    const next = at === null ? null : mentionQueryAt(value, at);
    if (next?.start !== closedAt) setClosedAt(null);
  };

  const choose = (name: string) => {
    if (!query) return;
    const done = insertMention(text, query, name);
    setText(done.text);
    setCaret(done.caret);
    setClosedAt(query.start);
    pendingCaret.current = done.caret;
    textarea.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return false;
    const move = (index: number) => {
      e.preventDefault();
      setPicked({ key, index: (index + options.length) % options.length });
      return true;
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'Enter':
      case 'Tab':
        if (e.shiftKey) return false;
        e.preventDefault();
        choose(options[active] as string);
        return true;
      case 'Escape':
        // Closes the list only: not the reply or edit, not the dialog.
        e.preventDefault();
        e.stopPropagation();
        setClosedAt(query.start);
        return true;
      default:
        return false;
    }
  };

  return {
    inputProps: {
      'aria-autocomplete': 'list',
      // A textbox has no aria-expanded: the list is announced as it appears (MentionSuggestions'
      // status) and is named here only while it shows.
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? optionId(active) : undefined,
      onSelect: readCaret,
      onBlur: () => setCaret(null),
    },
    onTextChange,
    onKeyDown,
    listId,
    optionId,
    open,
    options,
    active,
    choose,
  };
}
