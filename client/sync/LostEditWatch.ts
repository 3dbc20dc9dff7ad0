/**
 * Notices when a colleague's write, made without having seen this person's, replaced what this
 * person had set on a card (its claim, speaker, speaker's type, verdict, rationale or published
 * fact-check URL, who is checking it, its
 * column, or a field of one of its evidence items: source URL, quoted passage, stance, note):
 * two saves that crossed in flight, or an edit made offline that meets a colleague's on
 * reconnect. Yjs keeps one value per key, so the other is gone from the board; this is how the
 * person hears of it, and gets their value back to restore. An evidence item this person added
 * races no one, but goes with its card when a colleague deletes it: that is told too. So are
 * this person's edits of an evidence item a colleague removed without having seen them: they go
 * with the item, which is told whole, as they had it, to add again. So is a
 * comment they posted on a card a colleague deleted without having seen it: the comment stays
 * (B13), but the card it is about is gone. And an edit of one of their comments that a deletion
 * of it, in their other tab or window (only its author deletes a comment), crossed: the edit
 * is in no comment anyone sees. Not one a lead's redaction crossed: its words went on purpose.
 *
 * How a concurrent write is told from a later one: every value set on a map key is a Yjs item
 * whose `origin` names the item it was set over. A colleague who saw this person's value set
 * theirs over it, so following the winner's origins back reaches this person's item; a
 * concurrent write was set over something older and never reaches it.
 *
 * This person's writes are kept (in localStorage, by their Yjs ids) across a reload, so an edit
 * made offline in a tab that was then closed is still compared when the board syncs again.
 */
import * as Y from 'yjs';
import {
  type Actor,
  CARD_KEYS,
  cardsMap,
  COMMENT_KEYS,
  COMMENT_REDACTED_KEY,
  commentsMap,
  EVIDENCE_KEYS,
  isPos,
} from '../../shared/board';
import { typeIn } from '../../shared/board/typeIn';
import { deletedText } from './deletedContent';
import {
  ADDED_ITEM,
  assigneeValue,
  type DeletedEvidence,
  EDITED_COMMENT,
  EDITED_ITEM,
  EVIDENCE_FIELDS,
  fieldOfComments,
  type FieldRef,
  isCardField,
  isEditableEvidence,
  type LostWork,
  type OwnWrite,
  type OwnWriteStore,
  POSTED_COMMENT,
} from './lostWork';

/** The field a changed key of a map is, if watched: a card's, or an evidence item's. */
function fieldRef(cards: Y.Map<unknown>, map: Y.Map<unknown>, key: string): FieldRef | null {
  const parent = map._item?.parent;
  if (!map._item || map._item.deleted) return null;
  if (parent === cards) {
    return isCardField(key)
      ? { cardId: map._item.parentSub as string, evidenceId: null, field: key }
      : null;
  }
  // An evidence item: a map in the `evidence` array of a card.
  if (!(parent instanceof Y.Array) || parent._item?.parentSub !== CARD_KEYS.evidence) return null;
  const card = parent._item.parent;
  const evidenceId = map.get(EVIDENCE_KEYS.id);
  if (!(card instanceof Y.Map) || card._item?.parent !== cards || typeof evidenceId !== 'string') {
    return null;
  }
  return isEditableEvidence(key)
    ? { cardId: card._item.parentSub as string, evidenceId, field: key }
    : null;
}

/** The card whose evidence list `list` is, if it is one: its id. */
function evidenceCard(cards: Y.Map<unknown>, list: Y.Array<unknown>): string | null {
  const card = list._item?.parent;
  return list._item?.parentSub === CARD_KEYS.evidence &&
    card instanceof Y.Map &&
    card._item?.parent === cards &&
    !card._item.deleted
    ? (card._item.parentSub as string)
    : null;
}

const slotOf = (ref: FieldRef) =>
  `${ref.cardId}\u0000${'commentId' in ref ? ref.commentId : (ref.evidenceId ?? '')}\u0000${ref.field}`;

/** A field's value as compared and quoted: a place by its column, an assignee by who, text as it is. */
function valueOf(field: string, value: unknown): string | null {
  if (field === CARD_KEYS.pos) return isPos(value) ? value.column : null;
  if (field === CARD_KEYS.assignee) {
    const who = value as Partial<Actor> | null;
    return typeof who?.id === 'string' && typeof who.name === 'string'
      ? assigneeValue({ id: who.id, name: who.name })
      : null;
  }
  return typeof value === 'string' ? value : null;
}

const contains = (item: Y.Item, id: Y.ID): boolean =>
  item.id.client === id.client &&
  id.clock >= item.id.clock &&
  id.clock < item.id.clock + item.length;

/** Whether `winner` was set over `ours`, directly or through later writes that were. */
function setOver(winner: Y.Item, ours: Y.ID): boolean {
  // Every value ever set on the key is in its list, left of the winner (deleted, not removed).
  const list: Y.Item[] = [];
  for (let i: Y.Item | null = winner; i; i = i.left) list.push(i);
  const seen = new Set<Y.Item>();
  for (let i: Y.Item | undefined = winner; i && !seen.has(i);) {
    if (contains(i, ours)) return true;
    seen.add(i);
    const origin: Y.ID | null = i.origin;
    i = origin ? list.find((candidate) => contains(candidate, origin)) : undefined;
  }
  return false;
}

/** An evidence item of a card being deleted, as it was: null if it went before. */
function deletedEvidence(
  card: Y.AbstractType<unknown> | null,
  evidenceId: string,
): DeletedEvidence | null {
  const list = card instanceof Y.Map ? typeIn(card._map.get(CARD_KEYS.evidence)) : null;
  for (let i = list?._start ?? null; i; i = i.right) {
    // One removed from the list before (by a colleague who saw it) has no content left.
    const item = typeIn(i);
    if (deletedText(item, EVIDENCE_KEYS.id) === evidenceId) return evidenceIn(item);
  }
  return null;
}

/** What an evidence item's map holds, deleted or not. */
function evidenceIn(item: Y.AbstractType<unknown> | null): DeletedEvidence {
  const text = (key: string) => deletedText(item, key) ?? '';
  return {
    url: text(EVIDENCE_KEYS.url),
    quote: text(EVIDENCE_KEYS.quote),
    stance: text(EVIDENCE_KEYS.stance),
    note: text(EVIDENCE_KEYS.note),
  };
}

/** How many comments on a card are not deleted: its comments stay when it goes (B13). */
function liveComments(doc: Y.Doc, cardId: string): number {
  let count = 0;
  commentsMap(doc).forEach((comment) => {
    if (
      comment instanceof Y.Map &&
      comment.get(COMMENT_KEYS.cardId) === cardId &&
      comment.get(COMMENT_KEYS.deletedAt) == null
    ) {
      count++;
    }
  });
  return count;
}

/**
 * The writes kept across a reload, the latest ones: enough for the fields one person edits
 * between two syncs, and small enough for localStorage with 10,000-character rationales.
 */
export const KEPT_WRITES = 200;

export class LostEditWatch {
  /** This person's last write to each watched field, by `slotOf`. */
  private readonly own = new Map<string, OwnWrite>();
  private readonly cards: Y.Map<unknown>;
  private readonly comments: Y.Map<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly onLost: (edit: LostWork) => void,
    private readonly store: OwnWriteStore | null = null,
    private readonly now: () => number = Date.now,
  ) {
    this.cards = cardsMap(doc) as Y.Map<unknown>;
    this.comments = commentsMap(doc) as Y.Map<unknown>;
    for (const w of store?.load() ?? []) {
      // Two pages' records can hold the same field: the later write is the one on the board.
      const slot = slotOf(w);
      if ((this.own.get(slot)?.at ?? -Infinity) < w.at) this.own.set(slot, w);
    }
    // What this page took over from the records of earlier pages is now its to keep.
    if (this.own.size > 0) this.keep();
  }

  /** Call with every transaction after it ran; `remote` when it came from the server or disk. */
  noteTransaction(transaction: Y.Transaction, remote: boolean): void {
    // A board arriving (10,000 cards: 140,000 changed keys) has nothing to compare yet.
    if (remote && this.own.size === 0) return;
    let changed = this.noteDeletedCards(transaction, remote);
    for (const [type, keys] of transaction.changed) {
      if (type instanceof Y.Map && type._item?.parent === this.comments) {
        changed = this.noteCommentEdit(transaction, type, keys, remote) || changed;
        continue;
      }
      if (type instanceof Y.Array) {
        changed = this.noteRemovedEvidence(type, remote) || changed;
        if (!remote) changed = this.noteAddedEvidence(transaction, type) || changed;
      }
      if ((type as unknown) === this.comments && !remote) {
        changed = this.notePostedComments(transaction, keys) || changed;
      }
      if (!(type instanceof Y.Map)) continue;
      for (const key of keys) {
        const ref = key === null ? null : fieldRef(this.cards, type, key);
        const item = ref && type._map.get(ref.field);
        if (!ref || !item) continue;
        const slot = slotOf(ref);
        if (!remote) {
          if (item.id.client !== this.doc.clientID) continue;
          // The values a card or item is created with are no one's to race: not kept. A key
          // first set later (an optional one, such as the published fact-check URL) races
          // like any other.
          const holder = type._item;
          const created =
            holder !== null &&
            holder.id.clock >= (transaction.beforeState.get(holder.id.client) ?? 0);
          if (item.origin === null && created) continue;
          const { client, clock } = item.id;
          const value = valueOf(ref.field, type.get(ref.field));
          // The claim replaced is still readable: Yjs collects it after this transaction.
          const was =
            ref.field === CARD_KEYS.claim && item.left?.content instanceof Y.ContentAny
              ? valueOf(ref.field, item.left.content.arr[0])
              : undefined;
          const at = this.now();
          this.own.set(slot, {
            ...ref,
            client,
            clock,
            value,
            at,
            ...(was === undefined ? {} : { was }),
          });
          changed = true;
          continue;
        }
        const mine = this.own.get(slot);
        if (!mine) continue;
        const mineId = Y.createID(mine.client, mine.clock);
        if (contains(item, mineId)) continue;
        this.own.delete(slot);
        changed = true;
        const theirs = valueOf(ref.field, type.get(ref.field));
        if (setOver(item, mineId) || theirs === mine.value) continue;
        this.onLost({ ...ref, mine: mine.value, theirs, byClient: item.id.client });
      }
    }
    if (changed) this.keep();
  }

  /**
   * Forgets this person's writes to the evidence items gone from a card's list, telling them
   * of their edits of each when a colleague removed it (`remote`). An item added back (an
   * Undo) is a new map under the same id, which none of these writes is in: one put back
   * before this page heard of its removal arrives with it, and is told all the same. Runs
   * before Yjs collects the removed item's content, so what it held can still be read.
   */
  private noteRemovedEvidence(list: Y.Array<unknown>, remote: boolean): boolean {
    const cardId = evidenceCard(this.cards, list);
    if (cardId === null) return false;
    // Most lists that change hold none of this person's writes: nothing to look for.
    const writes = [...this.own].filter(([, w]) => w.cardId === cardId && w.evidenceId !== null);
    if (writes.length === 0) return false;
    const live = new Set<unknown>();
    const liveItems = new Set<unknown>();
    for (const item of list) {
      if (!(item instanceof Y.Map)) continue;
      live.add(item.get(EVIDENCE_KEYS.id));
      liveItems.add(item);
    }
    // By the item map each write went into: one put back (an Undo of its removal) is another.
    const gone = new Map<string, OwnWrite[]>();
    const into = new Map<string, Y.AbstractType<unknown>>();
    for (const [slot, write] of writes) {
      if (write.evidenceId === null) continue;
      const item = this.itemWrittenInto(write);
      // A write the doc no longer holds goes when its item does.
      if (item ? liveItems.has(item) : live.has(write.evidenceId)) continue;
      this.own.delete(slot);
      gone.set(write.evidenceId, [...(gone.get(write.evidenceId) ?? []), write]);
      if (item && write.field !== ADDED_ITEM) into.set(write.evidenceId, item);
    }
    if (!remote) return gone.size > 0;
    for (const [evidenceId, itemWrites] of gone) {
      const edits = itemWrites.filter((w) => w.field !== ADDED_ITEM);
      const latest = edits.reduce<OwnWrite | null>((a, w) => (a && a.at > w.at ? a : w), null);
      // Gone before this page read it (its content collected): nothing left to tell.
      const item = into.get(evidenceId);
      const evidence = item
        ? evidenceIn(item)
        : deletedEvidence(typeIn(this.cards._map.get(cardId)), evidenceId);
      if (!latest || !evidence) continue;
      const edited = EVIDENCE_FIELDS.filter((f) => edits.some((w) => w.field === f));
      const { client, clock } = latest;
      this.onLost({
        cardId,
        evidenceId,
        field: EDITED_ITEM,
        itemRemoved: true,
        mine: null,
        edited,
        evidence,
        client,
        clock,
      });
    }
    return gone.size > 0;
  }

  /** Keeps the evidence items this person added to a card's list in this transaction. */
  private noteAddedEvidence(transaction: Y.Transaction, list: Y.Array<unknown>): boolean {
    const cardId = evidenceCard(this.cards, list);
    if (cardId === null) return false;
    const client = this.doc.clientID;
    const before = transaction.beforeState.get(client) ?? 0;
    let changed = false;
    for (let i = list._start; i; i = i.right) {
      if (i.deleted || i.id.client !== client || i.id.clock < before) continue;
      const evidenceId = deletedText(typeIn(i), EVIDENCE_KEYS.id);
      if (evidenceId === null) continue;
      const ref = { cardId, evidenceId, field: ADDED_ITEM } as const;
      this.own.set(slotOf(ref), { ...ref, client, clock: i.id.clock, value: null, at: this.now() });
      changed = true;
    }
    return changed;
  }

  /** Keeps the comments this person posted in this transaction, by the card they are on. */
  private notePostedComments(transaction: Y.Transaction, keys: Set<string | null>): boolean {
    const client = this.doc.clientID;
    const before = transaction.beforeState.get(client) ?? 0;
    let changed = false;
    for (const commentId of keys) {
      const item = commentId === null ? undefined : this.comments._map.get(commentId);
      if (!item || item.deleted || item.id.client !== client || item.id.clock < before) continue;
      const cardId = deletedText(typeIn(item), COMMENT_KEYS.cardId);
      if (commentId === null || cardId === null) continue; // not a comment of the layout
      const ref = { cardId, evidenceId: null, field: POSTED_COMMENT, commentId } as const;
      this.own.set(slotOf(ref), {
        ...ref,
        client,
        clock: item.id.clock,
        value: null,
        at: this.now(),
      });
      changed = true;
    }
    return changed;
  }

  /**
   * Keeps this person's edits of their comments, and tells of one that a deletion of the
   * comment crossed. Deleting a comment clears its text (deleteComment), so the deletion's
   * write to the text is set over this person's edit if, and only if, the deleting page had it.
   */
  private noteCommentEdit(
    transaction: Y.Transaction,
    comment: Y.Map<unknown>,
    keys: Set<string | null>,
    remote: boolean,
  ): boolean {
    const holder = comment._item;
    const commentId = holder?.parentSub;
    const cardId = comment.get(COMMENT_KEYS.cardId);
    const text = comment._map.get(COMMENT_KEYS.text);
    const layout = typeof commentId === 'string' && typeof cardId === 'string' && text;
    if (!holder || holder.deleted || !layout) return false;
    const ref = { cardId, evidenceId: null, field: EDITED_COMMENT, commentId } as const;
    const slot = slotOf(ref);
    const deleted = comment.get(COMMENT_KEYS.deletedAt) != null;
    if (!remote) {
      const client = this.doc.clientID;
      const created = holder.id.clock >= (transaction.beforeState.get(holder.id.client) ?? 0);
      if (!keys.has(COMMENT_KEYS.text) || text.id.client !== client || created) return false;
      // Its deletion here: nothing of this person's is left in it to lose.
      if (deleted) return this.own.delete(slot);
      const value = valueOf(COMMENT_KEYS.text, comment.get(COMMENT_KEYS.text));
      const { clock } = text.id;
      this.own.set(slot, { ...ref, client, clock, value, at: this.now() });
      return true;
    }
    const mine = this.own.get(slot);
    const deletion = comment._map.get(COMMENT_KEYS.deletedAt);
    if (!mine || !deleted || !deletion || !keys.has(COMMENT_KEYS.deletedAt)) return false;
    this.own.delete(slot);
    // A lead's redaction: the edit, mostly the words redacted, is not one to tell of and offer
    // to post again (QA20); the comment's line says who redacted it.
    if (comment.has(COMMENT_REDACTED_KEY)) return true;
    // The deletion's own write to the text: its writer's latest one before the deletion.
    let cleared: Y.Item | null = text;
    while (
      cleared &&
      (cleared.id.client !== deletion.id.client || cleared.id.clock > deletion.id.clock)
    ) {
      cleared = cleared.left;
    }
    if (!cleared || !setOver(cleared, Y.createID(mine.client, mine.clock))) {
      this.onLost({ ...ref, mine: mine.value, theirs: null, byClient: deletion.id.client });
    }
    return true;
  }

  /**
   * Forgets the evidence items and comments this person added that the server has stored
   * (`isStored`, by Yjs id): a colleague who deletes their card after that could see them, so
   * there is nothing to tell, and they would crowd out the fields kept across a reload. A
   * stored claim is the card's name for colleagues from then on: the one it replaced goes.
   */
  forgetStored(isStored: (client: number, clock: number) => boolean): void {
    let changed = false;
    for (const [slot, write] of this.own) {
      const whole = write.field === ADDED_ITEM || write.field === POSTED_COMMENT;
      if (!(whole || write.was !== undefined) || !isStored(write.client, write.clock)) continue;
      if (whole) {
        this.own.delete(slot);
      } else {
        const { was, ...rest } = write;
        void was;
        this.own.set(slot, rest);
      }
      changed = true;
    }
    if (changed) this.keep();
  }

  /**
   * Forgets this person's writes to comments a lead redacted, here and in the store: their
   * words went for good, and a lost edit of one is not told (LostEditNotices.note).
   */
  forgetComments(ids: ReadonlySet<string>): void {
    let changed = false;
    for (const [slot, write] of this.own) {
      if (fieldOfComments(write, ids)) changed = this.own.delete(slot);
    }
    if (changed) this.keep();
  }

  /** A comment of this person's as its card goes: its text, or null if it was deleted since. */
  private commentText(commentId: string): string | null {
    const comment = this.comments.get(commentId);
    if (!(comment instanceof Y.Map) || comment.get(COMMENT_KEYS.deletedAt) != null) return null;
    const text: unknown = comment.get(COMMENT_KEYS.text);
    return typeof text === 'string' ? text : null;
  }

  /** The item a write of this person's is, in the doc: null when it holds it no longer. */
  private written(write: OwnWrite): Y.Item | null {
    if (Y.getState(this.doc.store, write.client) <= write.clock) return null;
    const item = Y.getItem(this.doc.store, Y.createID(write.client, write.clock));
    return item instanceof Y.Item ? item : null;
  }

  /**
   * The evidence item's map a write of this person's to it went into (the one they added, for
   * `ADDED_ITEM`), deleted or not: null when the doc holds it no longer (content collected).
   */
  private itemWrittenInto(write: OwnWrite): Y.AbstractType<unknown> | null {
    const item = this.written(write);
    const type: unknown = write.field === ADDED_ITEM ? typeIn(item) : item?.parent;
    return type instanceof Y.AbstractType ? type : null;
  }

  /**
   * The card map a write of this person's went into, deleted or not: null when the doc holds
   * it no longer (its content collected). A comment is in no card.
   */
  private cardWrittenInto(write: OwnWrite): Y.AbstractType<unknown> | null {
    let type: unknown = this.written(write)?.parent ?? null;
    while (type instanceof Y.AbstractType && type._item && type._item.parent !== this.cards) {
      type = type._item.parent;
    }
    return type instanceof Y.AbstractType && type._item?.parent === this.cards ? type : null;
  }

  /** Whether a card holds what this person wrote: their value, or the evidence item they added. */
  private holds(card: Y.Map<unknown>, write: OwnWrite): boolean {
    if (write.evidenceId === null) {
      return valueOf(write.field, card.get(write.field)) === write.value;
    }
    const list = card.get(CARD_KEYS.evidence);
    const item =
      list instanceof Y.Array
        ? (list.toArray() as unknown[]).find(
            (e) => e instanceof Y.Map && e.get(EVIDENCE_KEYS.id) === write.evidenceId,
          )
        : undefined;
    if (!(item instanceof Y.Map)) return false;
    return (
      write.field === ADDED_ITEM || valueOf(write.field, item.get(write.field)) === write.value
    );
  }

  /**
   * Forgets this person's writes to the cards the transaction deleted, telling them of each
   * when a colleague deleted the card. A card restored is a new map under the same id, which
   * none of these writes is in: a card deleted and restored before this page heard of either
   * (it was offline) arrives in one transaction, and its writes went with the deleted map all
   * the same. Those are told too, unless the restored card holds what they set. Runs before
   * Yjs collects the deleted card's content, so its claim can still be read.
   */
  private noteDeletedCards(transaction: Y.Transaction, remote: boolean): boolean {
    if (this.own.size === 0) return false;
    let changed = false;
    // Yjs types `changed` by event type, which a Y.Map<unknown> does not name.
    type Changed = Parameters<Y.Transaction['changed']['get']>[0];
    const keys = transaction.changed.get(this.cards as unknown as Changed);
    if (!keys) return false;
    // A board arriving changes every card: only those this person wrote to are looked at.
    const touched = new Set(
      [...this.own.values()].map((w) => w.cardId).filter((id) => keys.has(id)),
    );
    for (const cardId of touched) {
      const now = this.cards._map.get(cardId);
      const live = now && !now.deleted ? typeIn(now) : null;
      // The writes gone with a card map, by that map (null: one the doc no longer holds). An
      // edit of a comment stays with the comment, which the card's deletion keeps (B13); a
      // comment posted on the card is gone while the card is, and back with it.
      const gone = new Map<Y.AbstractType<unknown> | null, OwnWrite[]>();
      for (const [slot, write] of this.own) {
        if (write.cardId !== cardId || write.field === EDITED_COMMENT) continue;
        const card = write.field === POSTED_COMMENT ? null : this.cardWrittenInto(write);
        // A write the doc no longer holds goes when its card does.
        if (card ? card === live : live) continue;
        this.own.delete(slot);
        changed = true;
        gone.set(card, [...(gone.get(card) ?? []), write]);
      }
      if (!remote) continue;
      for (const [card, writes] of gone) {
        const deleted = card ?? typeIn(this.cards._map.get(cardId));
        this.tellDeleted(cardId, deleted, live instanceof Y.Map ? live : null, writes);
      }
    }
    return changed;
  }

  /**
   * Tells of this person's writes to a card `card` that a colleague deleted: the one now under
   * its id (`live`, restored) if any, else none. What `live` holds already is not news.
   */
  private tellDeleted(
    cardId: string,
    card: Y.AbstractType<unknown> | null,
    live: Y.Map<unknown> | null,
    writes: readonly OwnWrite[],
  ): void {
    // The card as the colleague deleted it: without this person's claim they had not seen.
    const ownClaim = writes.find((w) => w.field === CARD_KEYS.claim);
    const claimItem = card instanceof Y.Map ? card._map.get(CARD_KEYS.claim) : undefined;
    const claim =
      ownClaim?.was !== undefined &&
      claimItem &&
      contains(claimItem, Y.createID(ownClaim.client, ownClaim.clock))
        ? ownClaim.was
        : deletedText(card, CARD_KEYS.claim);
    const comments = liveComments(this.doc, cardId);
    // An item this person added is told whole, with what they then changed in it.
    const added = new Set(writes.flatMap((w) => (w.field === ADDED_ITEM ? [w.evidenceId] : [])));
    for (const write of writes) {
      const { client, clock, value, at, ...ref } = write;
      void at; // when it was written: only for which write to keep
      const whole = ref.field === ADDED_ITEM;
      if (!whole && ref.evidenceId !== null && added.has(ref.evidenceId)) continue;
      if (live && this.holds(live, write)) continue;
      const evidence = whole ? deletedEvidence(card, ref.evidenceId) : null;
      if (whole && !evidence) continue;
      const mine = ref.field === POSTED_COMMENT ? this.commentText(ref.commentId) : value;
      if (ref.field === POSTED_COMMENT && mine === null) continue;
      this.onLost({
        ...ref,
        cardDeleted: true,
        mine,
        claim,
        evidence,
        comments,
        client,
        clock,
      });
    }
  }

  private keep(): void {
    if (!this.store) return;
    const latest = [...this.own.values()].sort((a, b) => b.at - a.at).slice(0, KEPT_WRITES);
    this.store.save(latest);
  }
}
