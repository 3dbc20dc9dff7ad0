/**
 * React state for a three-way field draft (fieldDraft.ts) over a live record: what the form
 * shows, what saving writes, and the fields a colleague changed meanwhile.
 */
import { useState } from 'react';
import {
  draftChanges,
  draftConflicts,
  dropFields,
  editDraft,
  type FieldDraft,
  type Fields,
  rebaseFields,
  shownValues,
} from './fieldDraft';

export interface FieldDraftState<T extends Fields> {
  /** The values to show in the form. */
  readonly shown: T;
  /** What saving writes: only the fields the person changed. Empty: nothing to save. */
  readonly changes: Partial<T>;
  readonly dirty: boolean;
  /** Fields a colleague changed to something else while this person was changing them. */
  readonly conflicts: readonly (keyof T)[];
  edit(patch: Partial<T>): void;
  keepMine(keys: readonly (keyof T)[]): void;
  takeTheirs(keys: readonly (keyof T)[]): void;
  /** Drops every edit, after saving or on cancel: the form follows the live record again. */
  reset(): void;
  /** The draft itself, for the dialog to keep should the form go (useUnsavedDraft). */
  readonly draft: FieldDraft<T>;
}

/** `start`: a draft the form held before (taken back with the right to save it: useDraftBack). */
export function useFieldDraft<T extends Fields>(
  current: T,
  start?: FieldDraft<T>,
): FieldDraftState<T> {
  const [draft, setDraft] = useState<FieldDraft<T>>(start ?? { base: {}, mine: {} });
  return fieldDraftState(current, draft, setDraft);
}

/** The same over a draft kept elsewhere (an in-place claim edit outlives its row: claimEdits). */
export function fieldDraftState<T extends Fields>(
  current: T,
  draft: FieldDraft<T>,
  setDraft: (update: (draft: FieldDraft<T>) => FieldDraft<T>) => void,
): FieldDraftState<T> {
  const changes = draftChanges(draft);
  return {
    shown: shownValues(current, draft),
    changes,
    dirty: Object.keys(changes).length > 0,
    conflicts: draftConflicts(current, draft),
    edit: (patch) => setDraft((d) => editDraft(current, d, patch)),
    keepMine: (keys) => setDraft((d) => rebaseFields(current, d, keys)),
    takeTheirs: (keys) => setDraft((d) => dropFields(d, keys)),
    reset: () => setDraft(() => ({ base: {}, mine: {} })),
    draft,
  };
}
