/**
 * A card dialog form's three-way field draft (useFieldDraft) that the dialog keeps: told to the
 * dialog's registry while it holds unsaved changes, as text (to copy, should the form go from
 * under its person) and as the draft itself, from which the form starts again when it comes
 * back with the right to save it (CardDetail offers it; a colleague's change to a field since
 * is then a conflict, as if the form had stayed).
 */
import type { FieldDraft, Fields } from './fieldDraft';
import { type FieldDraftState, useFieldDraft } from './useFieldDraft';
import { useDraftBack, useUnsavedDraft } from './unsavedDrafts';

export function useDraftedFields<T extends Fields>(
  /** The form's name, which the registry keeps the draft under. */
  label: string,
  current: T,
  /** What to show of the values to copy: the fields of text that hold something. */
  textOf: (shown: T) => string,
): FieldDraftState<T> {
  // The draft was this form's own: the label names one form.
  const back = useDraftBack(label, 'card')?.fields as FieldDraft<T> | undefined;
  const fields = useFieldDraft(current, back);
  useUnsavedDraft(label, fields.dirty, textOf(fields.shown), { fields: fields.draft });
  return fields;
}
