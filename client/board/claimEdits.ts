/**
 * The claims being edited in place on the board, by card id, held above the columns. A card's
 * row unmounts whenever its card changes column (a colleague's move mounts a new row in the
 * other column), scrolls out of its virtualised column or is filtered out; the edit outlives
 * that: its draft, and its focus and selection if it had them, go to the next row of the card.
 * A card deleted while its claim is being edited keeps its draft here, to copy
 * (DeletedWhileEditing), and the editor opens on it again should the card come back.
 */
import { draftChanges, type FieldDraft } from '../ui/fieldDraft';

export type ClaimDraft = FieldDraft<{ claim: string }>;

export interface ClaimEdit {
  readonly draft: ClaimDraft;
  /**
   * Whether the next row's editor takes focus, and with what selected: the whole claim for a
   * new edit, or where the caret was when the editor's row went with focus in it.
   */
  readonly focus: 'all' | { readonly start: number; readonly end: number } | null;
}

const EMPTY: ClaimDraft = { base: {}, mine: {} };

export class ClaimEdits {
  private edits: ReadonlyMap<string, ClaimEdit> = new Map();
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(cardId: string): ClaimEdit | undefined {
    return this.edits.get(cardId);
  }

  /** Every edit, by card id (a new map after each change, for useSyncExternalStore). */
  all(): ReadonlyMap<string, ClaimEdit> {
    return this.edits;
  }

  /** Whether some edit holds text typed and not saved (asked before the page closes). */
  readonly unsaved = (): boolean =>
    [...this.edits.values()].some((e) => Object.keys(draftChanges(e.draft)).length > 0);

  /** Opens the editor on a card, with the whole claim selected. */
  start(cardId: string): void {
    if (!this.edits.has(cardId)) this.set(cardId, { draft: EMPTY, focus: 'all' });
  }

  /** Opens the editor again on what was typed in it before the page went (useKeptTyping). */
  resume(cardId: string, draft: ClaimDraft): void {
    if (!this.edits.has(cardId)) this.set(cardId, { draft, focus: null });
  }

  setDraft(cardId: string, update: (draft: ClaimDraft) => ClaimDraft): void {
    const edit = this.edits.get(cardId);
    if (edit) this.set(cardId, { ...edit, draft: update(edit.draft) });
  }

  /** Records, as a row's editor goes, whether it had focus and where its caret was. */
  setFocus(cardId: string, focus: ClaimEdit['focus']): void {
    const edit = this.edits.get(cardId);
    if (edit && edit.focus !== focus) this.set(cardId, { ...edit, focus });
  }

  end(cardId: string): void {
    if (!this.edits.has(cardId)) return;
    const edits = new Map(this.edits);
    edits.delete(cardId);
    this.publish(edits);
  }

  private set(cardId: string, edit: ClaimEdit): void {
    this.publish(new Map(this.edits).set(cardId, edit));
  }

  private publish(edits: ReadonlyMap<string, ClaimEdit>): void {
    this.edits = edits;
    for (const listener of this.listeners) listener();
  }
}
