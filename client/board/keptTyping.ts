/**
 * Text typed on a board and not yet saved, kept on this device as it is typed, so that the
 * browser's own Back (which no page can cancel) or leaving for the start page does not lose
 * it: the board shown again in this tab (Forward, or opened from the list) puts it back in its
 * forms (BoardPage, CardDetail, AddClaimForm), which say so. Not board data: it is no one
 * else's, and nothing of it is in the board's document. In sessionStorage, per board and per
 * person (invite), by place (a card's dialog, a claim edited in place, New claim); a place's
 * entry goes once its forms hold nothing unsaved (posted, saved, cancelled or discarded), and
 * the board's all go with Forget (forgetBoardEntirely; the key is keptTypingKey, there).
 */
import type { Draft } from '../ui/unsavedDrafts';
import { storeItem } from '../sync/storageRefused';

/** Where the text was typed: a card's dialog, a claim edited in place, or New claim. */
export type TypingPlace = `card:${string}` | `claim:${string}` | 'new-claim';

export const dialogPlace = (cardId: string): TypingPlace => `card:${cardId}`;
export const claimPlace = (cardId: string): TypingPlace => `claim:${cardId}`;

export interface KeptTyping {
  /** What was kept of the place's forms: none when nothing was. */
  load(place: TypingPlace): Draft[];
  /** Keeps what the place's forms hold now (those with text); none: the place's entry goes. */
  save(place: TypingPlace, drafts: readonly Draft[]): void;
  /** The places with something kept, in the order they were first kept. */
  places(): TypingPlace[];
  /** Forgets all of this board's (the person chose to leave without it). */
  clear(): void;
}

const isDraft = (v: unknown): v is Draft => {
  const d = v as Partial<Record<keyof Draft, unknown>> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.label === 'string' &&
    typeof d.text === 'string' &&
    (d.saves === 'comment' || d.saves === 'card') &&
    (d.form === undefined || typeof d.form === 'string') &&
    (d.fields === undefined || (typeof d.fields === 'object' && d.fields !== null))
  );
};

/**
 * Kept in `storage` under `key`. `here` says whether the page still shows the board: forms
 * that go with the page (Back, a link) take their text out of the dialog's registry as they
 * unmount, which is not the person discarding it, so nothing is written then.
 */
export function storageKeptTyping(
  /**
   * Read as used: where site storage is blocked, reading window.sessionStorage throws; null
   * where nothing of the board is kept (forgotten in another tab: boardForgotten).
   */
  storage: () => Storage | null,
  key: string,
  here: () => boolean,
): KeptTyping {
  const read = (): Record<string, Draft[]> => {
    try {
      const value = JSON.parse(storage()?.getItem(key) ?? '{}') as unknown;
      if (typeof value !== 'object' || value === null) return {};
      const out: Record<string, Draft[]> = {};
      for (const [place, drafts] of Object.entries(value)) {
        if (Array.isArray(drafts) && drafts.every(isDraft) && drafts.length > 0) {
          out[place] = drafts;
        }
      }
      return out;
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, Draft[]>) => {
    let store: Storage | null;
    try {
      store = storage();
    } catch {
      return;
    }
    if (store) storeItem(store, key, Object.keys(all).length > 0 ? JSON.stringify(all) : null);
  };
  return {
    load: (place) => read()[place] ?? [],
    save(place, drafts) {
      if (!here()) return;
      const all = read();
      const typed = drafts.filter((d) => d.text.trim() !== '');
      if (typed.length === 0 && !(place in all)) return;
      if (typed.length > 0)
        all[place] = typed.map(({ label, text, saves, fields, form }) => ({
          label,
          text,
          saves,
          ...(fields ? { fields } : {}),
          ...(form ? { form } : {}),
        }));
      else delete all[place];
      write(all);
    },
    places: () => Object.keys(read()) as TypingPlace[],
    clear: () => write({}),
  };
}

/** What the forms that put kept text back say, shown and announced. */
export const RESTORED_NOTE = 'Restored what you were typing.';

/** The card a place of one kind names (`kind`: a card's dialog, or its claim edited in place). */
export function placeCard(place: TypingPlace, kind: 'card' | 'claim'): string | null {
  const prefix = `${kind}:`;
  return place.startsWith(prefix) ? place.slice(prefix.length) : null;
}

/** One place's kept text, for the forms there to take back and keep (CardDetail). */
export interface PlaceTyping {
  load(): Draft[];
  save(drafts: readonly Draft[]): void;
}

export const typingAt = (kept: KeptTyping, place: TypingPlace): PlaceTyping => ({
  load: () => kept.load(place),
  save: (drafts) => kept.save(place, drafts),
});
