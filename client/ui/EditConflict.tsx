/**
 * Shown in a form when a colleague changed a field this person is also changing (see
 * fieldDraft.ts): names the field and the colleague's value, and lets the person keep theirs
 * or take the colleague's. Nothing is overwritten until they choose. When the record's last
 * change, as the values shown appeared, was this person's own (the same invite), it came from
 * their other tab or window, and the form says so. The alert region stays in the page, empty,
 * so that its content is announced when it appears.
 */
import { useId, useState } from 'react';
import type { Actor } from '../../shared/board/actor';
import { useBoardAccess } from '../review/useBoardAccess';
import { quoted } from './quoted';

export interface ConflictingField {
  /** How the form names the field, e.g. "the rationale". */
  readonly name: string;
  readonly theirs: string;
}

export function EditConflict({
  fields,
  by,
  onKeepMine,
  onTakeTheirs,
}: {
  fields: readonly ConflictingField[];
  /** Who changed the record last, where it records that (a card's `updatedBy`). */
  by?: Actor | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const id = useId();
  const access = useBoardAccess();
  const writer = useWriterOf(fields, by);
  const self = writer != null && writer.id === access?.inviteId;
  return (
    <div role="alert" className={fields.length > 0 ? 'edit-conflict' : 'alert-slot'}>
      {fields.length > 0 && (
        <>
          <div id={id}>
            <p>
              {self
                ? 'While you were editing here, you changed in another tab or window:'
                : 'While you were editing, a colleague changed:'}
            </p>
            <ul>
              {fields.map((f) => (
                <li key={f.name}>
                  {f.name}: <span className="conflict-theirs">{quoted(f.theirs || '(empty)')}</span>
                </li>
              ))}
            </ul>
          </div>
          <div className="row">
            <button
              type="button"
              className="button small"
              aria-describedby={id}
              onClick={onKeepMine}
            >
              Keep mine
            </button>
            <button
              type="button"
              className="button small"
              aria-describedby={id}
              onClick={onTakeTheirs}
            >
              Use theirs
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/**
 * Who wrote the values shown: the record's last writer when they appeared, kept until they
 * change. A later change to another field (this person taking the card, or adding evidence)
 * makes someone else the record's last writer, who did not write these.
 */
function useWriterOf(
  fields: readonly ConflictingField[],
  by: Actor | null | undefined,
): Actor | null | undefined {
  const shown = JSON.stringify(fields);
  const [seen, setSeen] = useState({ shown, by });
  if (seen.shown === shown) return seen.by;
  // Adjusting state while rendering, as React's docs advise for a value derived from props.
  setSeen({ shown, by });
  return by;
}
