/**
 * The notice a board change brings the local user when a colleague asks something of them (an
 * @mention in a comment, or a card given to them to check), answers them (a reply in a thread
 * they wrote in) or changes a card they are
 * checking: moves it, sets its verdict, takes it over, gives it to someone else or releases
 * it, or deletes it (deletionNotice: the board no longer names who deleted a card, so that
 * notice waits for the history). Only a card whose object changed in this update can bring one
 * (the board view keeps an unchanged card's object), so names that become known later never
 * make old mentions look new.
 */
import type { Actor } from '../../shared/board/actor';
import { COLUMNS, type BoardView, type CardView, type CommentView } from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import type { HistoryEvent } from '../history/historyEvent';
import { plural } from '../ui/plural';
import { quoted } from '../ui/quoted';
import { verdictWords } from './verdictWords';

export type ColleagueNotice =
  | { readonly kind: 'one'; readonly text: string; readonly cardId: string }
  | { readonly kind: 'many'; readonly text: string }
  /** Cards gone from the board: `cardId` when it is one, to restore. */
  | { readonly kind: 'deleted'; readonly text: string; readonly cardId: string | null }
  /** Several cards whose verdict no longer fits their column (crossedVerdictNotice). */
  | { readonly kind: 'misfits'; readonly text: string };

/** What a colleague did to a card, as the reader may already hear of it (`following`). */
export type FollowedChange = 'moved' | 'deleted' | 'other';

/** Who the local user is, as notices need it. */
export interface NoticeReader {
  readonly meId: string;
  /** The comments on a card that wait for the local user's answer (threadsAwaitingMe). */
  readonly awaitingMe: (card: CardView) => readonly CommentView[];
  /**
   * Whether the reader already hears of a colleague's change to this card another way: its
   * dialog is open (it tells every change), or, for a move or a deletion, the card has focus
   * (focus follows it and says who moved it, or moves on and says it was deleted). A notice as
   * well would say it twice.
   */
  readonly following?: (cardId: string, change: FollowedChange) => boolean;
  /** Whether the reader may restore a deleted card (from Activity), as a notice tells them. */
  readonly canRestore?: boolean;
}

/** Something a colleague asked of the reader on a card: a mention, or the card to check. */
export interface ColleagueRequest {
  readonly card: CardView;
  readonly by: string;
}
type Request = ColleagueRequest;

/** A mention is new again when its comment is edited. */
const stamp = (c: CommentView) => `${c.id}@${c.editedAt ?? c.createdAt}`;

function freshMentions(
  was: CardView | undefined,
  card: CardView,
  reader: NoticeReader,
  awaySince: number | undefined,
): Request[] {
  const known = new Set(was ? reader.awaitingMe(was).map(stamp) : []);
  return reader
    .awaitingMe(card)
    .filter((comment) => {
      const old = awaySince !== undefined && (comment.editedAt ?? comment.createdAt) <= awaySince;
      return !old && !known.has(stamp(comment));
    })
    .map((comment) => ({ card, by: comment.author.name }));
}

/**
 * Colleagues' replies, new on this card, in the threads the reader wrote in (started, or
 * replied in): the answer to a question they asked is news to them, as a mention is, and they
 * may not have the card open. One that mentions them is told as the mention; one their open
 * dialog tells (`following`) is not. A card new to the board live (added, or back after a
 * deletion, its replies old) brings none.
 */
function freshReplies(
  was: CardView | undefined,
  card: CardView,
  reader: NoticeReader,
  awaySince: number | undefined,
): Request[] {
  if ((was === undefined && awaySince === undefined) || reader.following?.(card.id, 'other')) {
    return [];
  }
  const live = card.comments.filter((c) => c.deletedAt === null);
  const mine = new Set(
    live.filter((c) => c.author.id === reader.meId).map((c) => c.parentId ?? c.id),
  );
  if (mine.size === 0) return [];
  const known = new Set(was?.comments.map((c) => c.id));
  const mentions = new Set(reader.awaitingMe(card).map((c) => c.id));
  return live
    .filter(
      (c) =>
        c.parentId !== null &&
        mine.has(c.parentId) &&
        c.author.id !== reader.meId &&
        !known.has(c.id) &&
        !mentions.has(c.id) &&
        (awaySince === undefined || c.createdAt > awaySince),
    )
    .map((c) => ({ card, by: c.author.name }));
}

/** The card became the local user's by a colleague's hand (the last writer gave it). */
function givenToMe(was: CardView | undefined, card: CardView, meId: string): boolean {
  return card.assignee?.id === meId && was?.assignee?.id !== meId && card.updatedBy.id !== meId;
}

/**
 * What a colleague just did to a card the reader was checking, as a sentence: a move (with
 * the verdict it was given), a verdict, or the card taken over, given away or released. Null
 * for anything else, for the reader's own change, and for a colleague's Undo, which writes an
 * earlier writer and time back: a name then would blame the wrong person.
 */
function checkedCardChange(
  was: CardView | undefined,
  card: CardView,
  reader: NoticeReader,
): string | null {
  const by = card.updatedBy;
  if (was?.assignee?.id !== reader.meId || by.id === reader.meId) return null;
  if (card.updatedAt < was.updatedAt) return null;
  const claim = quoted(card.claim, 60);
  const taker = card.assignee;
  if (taker?.id !== reader.meId) {
    if (reader.following?.(card.id, 'other')) return null;
    if (taker === null) return `${by.name} released ${claim}, which you were checking`;
    if (taker.id === by.id) return `${by.name} is now checking ${claim}, which you were checking`;
    return `${by.name} gave ${claim}, which you were checking, to ${taker.name}`;
  }
  const verdict = card.verdict === was.verdict ? null : card.verdict;
  if (card.column !== was.column) {
    if (reader.following?.(card.id, 'moved')) return null;
    const to = `to ${COLUMN_LABELS[card.column]}`;
    // In History's words (verdictWords), as the open card's news tells it.
    const given = card.verdict === was.verdict ? '' : ` and ${verdictWords(verdict)}`;
    return `${by.name} moved ${claim}, which you are checking, ${to}${given}`;
  }
  if (card.verdict === was.verdict || reader.following?.(card.id, 'other')) return null;
  return verdict
    ? `${by.name} set the verdict of ${claim}, which you are checking, to ${verdict}`
    : `${by.name} cleared the verdict of ${claim}, which you are checking`;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The cards colleagues gave the reader after `since`, by the board's history (a card's
 * assignee carries no time, its history does), that are still the reader's on `board`.
 */
export function givenWhileAway(
  events: readonly HistoryEvent[],
  board: BoardView,
  meId: string,
  since: number,
): ColleagueRequest[] {
  const given = new Map<string, ColleagueRequest>();
  for (const e of events) {
    if (e.type !== 'card.assigned' || e.at <= since || e.actor.id === meId || !e.cardId) continue;
    const to = e.data.assignee as { id?: unknown } | null | undefined;
    const card = board.cards[e.cardId];
    if (to?.id !== meId || card?.assignee?.id !== meId) continue;
    given.set(card.id, { card, by: e.actor.name });
  }
  return [...given.values()];
}

/**
 * The notice for what waits for the reader on `board` and did not on `before`. With
 * `awaySince` (the board's first load), only the mentions written or edited after that
 * moment and `givenAway` (givenWhileAway), told as news from while the reader was away.
 */
export function colleagueNotice(
  before: BoardView['cards'],
  board: BoardView,
  reader: NoticeReader,
  awaySince?: number,
  givenAway: readonly ColleagueRequest[] = [],
): ColleagueNotice | null {
  const mentions: Request[] = [];
  const replies: Request[] = [];
  const given: Request[] = [...givenAway];
  const changed: {
    readonly card: CardView;
    readonly text: string;
    readonly mover: string | null;
  }[] = [];
  for (const column of COLUMNS) {
    for (const id of board.columns[column]) {
      const card = board.cards[id];
      const was = before[id];
      if (!card || card === was) continue;
      mentions.push(...freshMentions(was, card, reader, awaySince));
      replies.push(...freshReplies(was, card, reader, awaySince));
      if (awaySince !== undefined) continue;
      if (givenToMe(was, card, reader.meId)) given.push({ card, by: card.updatedBy.name });
      const change = checkedCardChange(was, card, reader);
      // Who moved it, when the change is a move of a card still theirs: a selection moved at
      // once (moveCards) is one colleague's one deed, said as one.
      const moved =
        was !== undefined && card.column !== was.column && card.assignee?.id === reader.meId;
      if (change) changed.push({ card, text: change, mover: moved ? card.updatedBy.name : null });
    }
  }
  const away = awaySince === undefined ? '' : 'While you were away, ';
  const claim = (r: Request) => quoted(r.card.claim, 60);
  const [mention] = mentions;
  const [reply] = replies;
  const [gift] = given;
  const [change] = changed;
  const count = mentions.length + replies.length + given.length + changed.length;
  if (change && count === 1) return { kind: 'one', text: change.text, cardId: change.card.id };
  if (mention && count === 1) {
    const text = `${away}${mention.by} mentioned you on ${claim(mention)}`;
    return { kind: 'one', text, cardId: mention.card.id };
  }
  if (reply && count === 1) {
    const text = `${away}${reply.by} replied to you on ${claim(reply)}`;
    return { kind: 'one', text, cardId: reply.card.id };
  }
  if (gift && count === 1) {
    return {
      kind: 'one',
      text: `${away}${gift.by} gave you ${claim(gift)} to check`,
      cardId: gift.card.id,
    };
  }
  const parts = [
    ...(mentions.length ? [`mentioned in ${plural(mentions.length, 'comment', 'comments')}`] : []),
    ...(replies.length ? [`answered in ${plural(replies.length, 'reply', 'replies')}`] : []),
    ...(given.length ? [`given ${plural(given.length, 'card', 'cards')} to check`] : []),
  ];
  const colleagues = `colleagues changed ${plural(changed.length, 'card', 'cards')} you were checking`;
  if (parts.length === 0)
    return changed.length > 0
      ? { kind: 'many', text: movedAtOnce(changed) ?? cap(colleagues) }
      : null;
  const asked = `${away}${away ? 'you' : 'You'} were ${parts.join(' and ')}`;
  return { kind: 'many', text: changed.length > 0 ? `${asked}, and ${colleagues}` : asked };
}

/**
 * "Eddie moved 20 cards you are checking to Disputed": several cards the reader is checking,
 * all moved to one column by one colleague (a selection moved at once); null otherwise.
 */
function movedAtOnce(
  changed: readonly { readonly card: CardView; readonly mover: string | null }[],
): string | null {
  const [first] = changed;
  if (!first?.mover) return null;
  const same = changed.every((c) => c.mover === first.mover && c.card.column === first.card.column);
  if (!same) return null;
  const cards = plural(changed.length, 'card', 'cards');
  return `${first.mover} moved ${cards} you are checking to ${COLUMN_LABELS[first.card.column]}`;
}

/**
 * Two notices that arrive together as one: the board shows one notice and its live region says
 * one sentence at a time, so the second would silence the first. The later one's way on (a
 * restore) is kept; the earlier's cards stay under "For me".
 */
export function noticesTogether(
  earlier: ColleagueNotice | null,
  later: ColleagueNotice | null,
): ColleagueNotice | null {
  if (!earlier || !later) return earlier ?? later;
  return { ...later, text: `${earlier.text}. ${later.text}` };
}

/** A card the reader was checking that left the board, and who deleted it, when known. */
export interface GoneCard {
  /** The card as it was (the notice needs its id and its claim). */
  readonly card: Pick<CardView, 'id' | 'claim'>;
  readonly by: Actor | null;
}

/**
 * The cards the reader was checking on `before` that `board` no longer holds: deleted, by a
 * Delete, an Undo of adding the card, or with an article removed. `before` may hold only the
 * cards that changed (changedFrom).
 */
export function checkedCardsGone(
  before: BoardView['cards'],
  board: BoardView,
  meId: string,
): CardView[] {
  return Object.values(before).filter(
    (card) => card.assignee?.id === meId && !board.cards[card.id],
  );
}

/**
 * Who deleted each card, by its latest deletion in `events` (the board's history, oldest
 * first): the doc keeps nothing of a deleted card, nor of who deleted it. Nobody when the
 * history read does not hold it: a name is never guessed.
 */
export function deletedBy(events: readonly HistoryEvent[], cards: readonly CardView[]): GoneCard[] {
  const last = new Map<string, Actor>();
  for (const e of events) if (e.type === 'card.deleted' && e.cardId) last.set(e.cardId, e.actor);
  return cards.map((card) => ({ card, by: last.get(card.id) ?? null }));
}

/**
 * The cards colleagues deleted after `since` (the board's history, oldest first) that the
 * reader was checking then and that are not on `board` again: news of while they were away, as
 * the board the server gives holds nothing of a deleted card. Whose a card was at its deletion
 * is its latest giving before it in `events` (card.assigned), or, when the read holds none (it
 * was given longer ago), its assignee on this device's copy of the board as it loaded before
 * the server's sync (`onDevice`; empty on a device that has never shown the board). Each card
 * by its latest deletion, with who made it: deletionNotice leaves the reader's own out.
 */
export function deletedWhileAway(
  events: readonly HistoryEvent[],
  board: BoardView,
  onDevice: BoardView['cards'],
  meId: string,
  since: number,
): GoneCard[] {
  const holder = new Map<string, unknown>();
  const gone = new Map<string, GoneCard>();
  for (const e of events) {
    if (!e.cardId) continue;
    if (e.type === 'card.assigned') {
      holder.set(e.cardId, (e.data.assignee as { id?: unknown } | null | undefined)?.id ?? null);
    }
    if (e.type !== 'card.deleted' || e.at <= since) continue;
    // The deletion names who was checking the card (since 5 December 2026); before that, the
    // givings read since, or this device's copy of the board, which the server's sync may beat.
    const atDeletion = (e.data.assignee as { id?: unknown } | undefined)?.id;
    const was =
      atDeletion !== undefined
        ? atDeletion
        : holder.has(e.cardId)
          ? holder.get(e.cardId)
          : onDevice[e.cardId]?.assignee?.id;
    const claim = typeof e.data.claim === 'string' ? e.data.claim : onDevice[e.cardId]?.claim;
    gone.delete(e.cardId);
    if (was === meId && claim !== undefined) {
      gone.set(e.cardId, { card: { id: e.cardId, claim }, by: e.actor });
    }
  }
  return [...gone.values()].filter((g) => !board.cards[g.card.id]);
}

/** The name of whoever did all of several things, if one person did (and is known). */
export function soleName(
  doers: readonly ({ readonly name: string } | null | undefined)[],
): string | undefined {
  const names = new Set(doers.map((d) => d?.name ?? null));
  return names.size === 1 ? (doers[0]?.name ?? undefined) : undefined;
}

/**
 * The notice for cards the reader was checking that were deleted: one notice however many went
 * at once (an article removed with its cards, an offline colleague's deletions arriving
 * together). None for the reader's own deletions, in any tab (the history names their invite).
 * A colleague's Undo of adding a card is recorded as their deletion of it, which is what it
 * did: "deleted" is true of it too. `away`: deletions made while the board was not open here
 * (deletedWhileAway), told when it opens.
 */
export function deletionNotice(
  gone: readonly GoneCard[],
  reader: NoticeReader,
  away = false,
): ColleagueNotice | null {
  const theirs = gone.filter((g) => g.by?.id !== reader.meId);
  const [first] = theirs;
  if (!first) return null;
  const by = soleName(theirs.map((g) => g.by));
  const since = away ? 'While you were away, ' : '';
  if (theirs.length === 1) {
    const claim = quoted(first.card.claim, 60);
    const text = by
      ? `${since}${by} deleted ${claim}, which you were checking`
      : `${since}${claim}, which you were checking, was deleted`;
    return { kind: 'deleted', text, cardId: first.card.id };
  }
  const cards = plural(theirs.length, 'card', 'cards');
  const text = by
    ? `${since}${by} deleted ${cards} you were checking`
    : `${since}${cards} you were checking were deleted`;
  const restore = reader.canRestore ? '. They can be restored from their entries in Activity.' : '';
  return { kind: 'deleted', text: `${text}${restore}`, cardId: null };
}

/**
 * The notice for cards the reader was checking that came back after a deletion (`gone`, as
 * they were then, which are on `board` again): by a restore, which writes its restorer and the
 * time, or by an Undo of the deletion, which writes the card's earlier writer and time back, so
 * no name is given then. None for the reader's own, nor for a card not theirs any more. The card
 * is news here, not a colleague giving it to them.
 */
export function returnNotice(
  gone: readonly CardView[],
  board: BoardView,
  reader: NoticeReader,
): ColleagueNotice | null {
  const back = gone.flatMap((was) => {
    const card = board.cards[was.id];
    if (card?.assignee?.id !== reader.meId || reader.following?.(card.id, 'other')) return [];
    const by = card.updatedAt > was.updatedAt ? card.updatedBy : null;
    return by?.id === reader.meId ? [] : [{ card, by }];
  });
  const [first] = back;
  if (!first) return null;
  const by = soleName(back.map((b) => b.by));
  if (back.length === 1) {
    const claim = quoted(first.card.claim, 60);
    const text = by
      ? `${by} restored ${claim}, which you are checking`
      : `${claim}, which you are checking, is back`;
    return { kind: 'one', text, cardId: first.card.id };
  }
  const cards = plural(back.length, 'card', 'cards');
  const text = by
    ? `${by} restored ${cards} you are checking`
    : `${cards} you are checking are back`;
  return { kind: 'many', text };
}
