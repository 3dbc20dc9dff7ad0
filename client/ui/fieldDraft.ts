/**
 * A person's unsaved edits to some fields of a shared record (a card's verdict and rationale,
 * an evidence item), kept as a three-way draft so that saving never undoes a colleague's work:
 *
 * - `base` is each field as it was when the person began editing that field; `mine` is what
 *   they typed. Fields they have not touched show the live value, so a colleague's change
 *   appears at once.
 * - Saving writes only the fields the person changed (`draftChanges`): a colleague's concurrent
 *   edit of another field stays, as the model keeps it (B6).
 * - A field both changed, to different values, is a conflict (`draftConflicts`): the form says
 *   so and lets the person keep theirs (`rebaseFields`) or take the colleague's (`dropFields`),
 *   instead of a silent overwrite.
 */
/** A record of fields: an interface or a type literal (interfaces have no index signature). */
export type Fields = object;

export interface FieldDraft<T extends Fields> {
  readonly base: Partial<T>;
  readonly mine: Partial<T>;
}

const keysOf = <T extends Fields>(part: Partial<T>) => Object.keys(part) as (keyof T)[];

/** What the form shows: the person's value where they edited, the live one elsewhere. */
export function shownValues<T extends Fields>(current: T, draft: FieldDraft<T>): T {
  return { ...current, ...draft.mine };
}

/** Records an edit; a field's base is the live value when the person first edits it. */
export function editDraft<T extends Fields>(
  current: T,
  draft: FieldDraft<T>,
  patch: Partial<T>,
): FieldDraft<T> {
  const base = { ...draft.base };
  for (const key of keysOf(patch)) if (!(key in base)) base[key] = current[key];
  return { base, mine: { ...draft.mine, ...patch } };
}

/** The fields the person changed from their base: all that saving writes. */
export function draftChanges<T extends Fields>(draft: FieldDraft<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keysOf(draft.mine)) {
    if (draft.mine[key] !== draft.base[key]) out[key] = draft.mine[key];
  }
  return out;
}

/** Fields a colleague changed, to something else, while this person was changing them. */
export function draftConflicts<T extends Fields>(current: T, draft: FieldDraft<T>): (keyof T)[] {
  return keysOf(draftChanges(draft)).filter(
    (key) => current[key] !== draft.base[key] && current[key] !== draft.mine[key],
  );
}

/** Keeps the person's value for these fields over the colleague's they have now seen. */
export function rebaseFields<T extends Fields>(
  current: T,
  draft: FieldDraft<T>,
  keys: readonly (keyof T)[],
): FieldDraft<T> {
  const base = { ...draft.base };
  for (const key of keys) base[key] = current[key];
  return { base, mine: draft.mine };
}

/** Takes the colleague's value for these fields: the person's edits of them are dropped. */
export function dropFields<T extends Fields>(
  draft: FieldDraft<T>,
  keys: readonly (keyof T)[],
): FieldDraft<T> {
  const base = { ...draft.base };
  const mine = { ...draft.mine };
  for (const key of keys) {
    delete base[key];
    delete mine[key];
  }
  return { base, mine };
}
