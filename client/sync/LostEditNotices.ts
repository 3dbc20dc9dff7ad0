/**
 * The notices a page shows of this person's lost edits (LostEditWatch finds them): each with
 * the page's key for it (`seq`) and whoever's write was kept, as presence names them, or the
 * server or the card's history once asked (`name`). Kept on
 * the device (lostEditStore) until dismissed, and followed there as the person's other tabs of
 * the board add or dismiss theirs.
 */
import type * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import { fieldOfComments, isDeletion, type LostWork } from './lostWork';
import { type KeptNotice, type LostEditStore, mergeNotices, noticeKey } from './lostEditStore';
import type { PresenceUser } from './presence';

export type LostEditNotice = LostWork & {
  readonly seq: number;
  /**
   * Whoever's write was kept (or deleted the card), once named: a colleague, or this person's
   * other tab.
   */
  readonly by: Actor | null;
};

export interface LostEditNoticesOptions {
  readonly doc: Y.Doc;
  readonly store: LostEditStore | null;
  /** Whether the server had stored a client's write up to that clock. */
  readonly isStored: (client: number, clock: number) => boolean;
  /** The person presence names for a client id, if any. */
  readonly whoIs: (client: number) => PresenceUser | null;
  /** Runs whenever the list changes. */
  readonly changed: () => void;
}

export class LostEditNotices {
  private notices: readonly LostEditNotice[] = [];
  private seq = 0;
  private readonly unwatch: (() => void) | null;

  constructor(private readonly options: LostEditNoticesOptions) {
    this.notices = this.shown(options.store?.load() ?? []);
    this.unwatch = options.store?.watch(this.follow) ?? null;
  }

  /** The notices, oldest first (frozen; a new array after each change). */
  get list(): readonly LostEditNotice[] {
    return this.notices;
  }

  /** Tells one lost edit, unless it was there to be seen or another tab told it first. */
  readonly note = (edit: LostWork): void => {
    if (isDeletion(edit) && this.options.isStored(edit.client, edit.clock)) {
      // The server had the write before the deletion came: it was there to be seen.
      return;
    }
    // Another tab of this person told it first (both tabs hold the write that lost).
    if (this.notices.some((n) => noticeKey(n) === noticeKey(edit))) return;
    // A deletion names nobody (Yjs records what was deleted, not by whom).
    const by = isDeletion(edit) ? null : this.options.whoIs(edit.byClient);
    const notice = { ...edit, seq: ++this.seq, by };
    this.notices = Object.freeze([...this.notices, Object.freeze(notice)]);
    // On what the board's other tabs kept meanwhile: none of theirs is lost, or dismissed twice.
    const store = this.options.store;
    store?.save(mergeNotices(store.load(), [{ ...edit, by }]));
    this.options.changed();
  };

  /** Takes a notice off the list (restored, or read and let go), here and on the device. */
  dismiss(seq: number): void {
    const notice = this.notices.find((n) => n.seq === seq);
    if (!notice) return;
    this.notices = Object.freeze(this.notices.filter((n) => n !== notice));
    const key = noticeKey(notice);
    const store = this.options.store;
    store?.save(store.load().filter((n) => noticeKey(n) !== key));
    this.options.changed();
  }

  /**
   * Keeps who a notice's writer was, as the server or the card's history named them, here and
   * on the device: opened again (offline, say, where neither can be asked), the page names them
   * as this one did, not "A colleague".
   */
  name(seq: number, who: Actor): void {
    const notice = this.notices.find((n) => n.seq === seq);
    if (!notice || notice.by) return;
    const named = Object.freeze({ ...notice, by: who });
    this.notices = Object.freeze(this.notices.map((n) => (n === notice ? named : n)));
    const key = noticeKey(notice);
    const store = this.options.store;
    store?.save(store.load().map((n) => (noticeKey(n) === key && !n.by ? { ...n, by: who } : n)));
    this.options.changed();
  }

  /** Forgets the notices of these comments' fields (their words were redacted), here and on the device. */
  forgetComments(ids: ReadonlySet<string>): void {
    const notices = this.notices.filter((n) => !fieldOfComments(n, ids));
    if (notices.length !== this.notices.length) this.notices = Object.freeze(notices);
    const store = this.options.store;
    const kept = store?.load() ?? [];
    const left = kept.filter((n) => !fieldOfComments(n, ids));
    if (left.length !== kept.length) store?.save(left);
  }

  destroy(): void {
    this.unwatch?.();
  }

  /**
   * The notices to show for those kept on the device, in their order: one already shown keeps
   * its seq (the page's key for it), a new one gets the next. A write of this very tab that
   * was kept over one of the person's other tab is that tab's loss, told there in its words
   * ("Your other tab or window also changed … without seeing the change here"), which would be
   * wrong here.
   */
  private shown(kept: readonly KeptNotice[]): readonly LostEditNotice[] {
    const shown = new Map(this.notices.map((n) => [noticeKey(n), n]));
    const clientId = this.options.doc.clientID;
    return Object.freeze(
      kept
        .filter((n) => isDeletion(n) || n.byClient !== clientId)
        .map((n) => shown.get(noticeKey(n)) ?? Object.freeze({ ...n, seq: ++this.seq })),
    );
  }

  /**
   * Another tab of this person kept or let go of a notice: show what the device keeps now. A
   * notice this tab could not store (storage full) goes too; the other tab's record is the
   * better account than one that may have been dismissed there.
   */
  private readonly follow = (): void => {
    if (!this.options.store) return;
    this.notices = this.shown(this.options.store.load());
    this.options.changed();
  };
}
