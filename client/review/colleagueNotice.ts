/**
 * The notice a board change brings the local user when a colleague asks something of them (an
 * @mention in a comment, or a card given to them to check) or changes a card they are
 * checking: moves it, sets its verdict, takes it over, gives it to someone else or releases
 * it. Only a card whose object changed in this update can bring one (the board view keeps an
 * unchanged card's object), so names that become known later never make old mentions look new.
 */
import { COLUMNS, type BoardView, type CardView, type CommentView } from '../../shared/board';
import { COLUMN_LABELS } from '../board/columnLabels';
import type { HistoryEvent } from '../history/historyEvent';
import { quoted } from '../ui/quoted';

export type ColleagueNotice =
  | { readonly kind: 'one'; readonly text: string; readonly cardId: string }
  | { readonly kind: 'many'; readonly text: string };

/** Who the local user is, as notices need it. */
export interface NoticeReader {
  readonly meId: string;
  /** The comments on a card that wait for the local user's answer (threadsAwaitingMe). */
  readonly awaitingMe: (card: CardView) => readonly CommentView[];
  /**
   * Whether the reader already hears of a colleague's change to this card another way: its
   * dialog is open (it tells every change), or, for a move, the card has focus (focus follows
   * it and says who moved it). A notice as well would say it twice.
   */
  readonly following?: (cardId: string, change: 'moved' | 'other') => boolean;
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
    const given =
      card.verdict === was.verdict ? '' : verdict ? ` (verdict: ${verdict})` : ' (verdict cleared)';
    return `${by.name} moved ${claim}, which you are checking, ${to}${given}`;
  }
  if (card.verdict === was.verdict || reader.following?.(card.id, 'other')) return null;
  return verdict
    ? `${by.name} set the verdict of ${claim}, which you are checking, to ${verdict}`
    : `${by.name} cleared the verdict of ${claim}, which you are checking`;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  const given: Request[] = [...givenAway];
  const changed: { readonly card: CardView; readonly text: string }[] = [];
  for (const column of COLUMNS) {
    for (const id of board.columns[column]) {
      const card = board.cards[id];
      const was = before[id];
      if (!card || card === was) continue;
      mentions.push(...freshMentions(was, card, reader, awaySince));
      if (awaySince !== undefined) continue;
      if (givenToMe(was, card, reader.meId)) given.push({ card, by: card.updatedBy.name });
      const change = checkedCardChange(was, card, reader);
      if (change) changed.push({ card, text: change });
    }
  }
  const away = awaySince === undefined ? '' : 'While you were away, ';
  const claim = (r: Request) => quoted(r.card.claim, 60);
  const [mention] = mentions;
  const [gift] = given;
  const [change] = changed;
  const count = mentions.length + given.length + changed.length;
  if (change && count === 1) return { kind: 'one', text: change.text, cardId: change.card.id };
  if (mention && count === 1) {
    const text = `${away}${mention.by} mentioned you on ${claim(mention)}`;
    return { kind: 'one', text, cardId: mention.card.id };
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
    ...(given.length ? [`given ${plural(given.length, 'card', 'cards')} to check`] : []),
  ];
  const colleagues = `colleagues changed ${plural(changed.length, 'card', 'cards')} you were checking`;
  if (parts.length === 0)
    return changed.length > 0 ? { kind: 'many', text: cap(colleagues) } : null;
  const asked = `${away}${away ? 'you' : 'You'} were ${parts.join(' and ')}`;
  return { kind: 'many', text: changed.length > 0 ? `${asked}, and ${colleagues}` : asked };
}
