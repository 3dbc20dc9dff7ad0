/**
 * The listbox of people an @-query suggests (useMentionAutocomplete drives it), and a polite
 * live region saying how many there are. Options are pressed with the mouse without taking
 * focus from the text area.
 */
import type { MentionAutocomplete } from './useMentionAutocomplete';

export function MentionSuggestions({ mention }: { mention: MentionAutocomplete }) {
  const { open, options, active } = mention;
  const count = options.length;
  return (
    <>
      <ul
        id={mention.listId}
        role="listbox"
        aria-label="People to mention"
        className="mention-list"
        hidden={!open}
      >
        {open &&
          options.map((name, i) => (
            <li
              key={name}
              id={mention.optionId(i)}
              role="option"
              aria-selected={i === active}
              className="mention-option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => mention.choose(name)}
            >
              {name}
            </li>
          ))}
      </ul>
      <p role="status" className="visually-hidden">
        {open &&
          `${count} ${count === 1 ? 'person' : 'people'} to mention. Up and down arrows to choose, Enter to insert, Escape to close.`}
      </p>
    </>
  );
}
