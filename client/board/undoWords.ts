import {
  type BoardView,
  type CardView,
  type CommandName,
  verdictFitsCard,
} from '../../shared/board';
import type { UndoStep } from '../sync/BoardUndo';
import type { KeptWrite } from '../sync/crossedWrites';
import { COMMENT_WORK, EVIDENCE_WORK } from '../sync/workOnAdded';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { movedTo } from './moveWords';
import type { Columns } from './filterCards';
import { quoted } from '../ui/quoted';

/**
 * What an undo or redo step was, for its announcement, without the card (`alone`) and, for a
 * step on one card, with it (`card`, where "{card}" stands for its claim), and for a step on a
 * selection of cards, with their number (`many`, "{n}").
 */
const WORDS: Partial<
  Record<CommandName, { readonly alone: string; readonly card?: string; readonly many?: string }>
> = {
  addClaim: { alone: 'the new card', card: 'the new card {card}' },
  editCard: { alone: 'the card edit', card: 'the edit of {card}' },
  moveCard: { alone: 'the move', card: 'the move of {card}' },
  setVerdict: { alone: 'the verdict', card: 'the verdict on {card}' },
  assignCard: {
    alone: 'the change of who checks the card',
    card: 'the change of who checks {card}',
  },
  deleteCard: { alone: 'the deletion of the card', card: 'the deletion of {card}' },
  moveCards: {
    alone: 'the move of the cards',
    card: 'the move of {card}',
    many: 'the move of {n} cards',
  },
  assignCards: {
    alone: 'the change of who checks the cards',
    card: 'the change of who checks {card}',
    many: 'the change of who checks {n} cards',
  },
  deleteCards: {
    alone: 'the deletion of the cards',
    card: 'the deletion of {card}',
    many: 'the deletion of {n} cards',
  },
  removeArticle: { alone: 'the removal of the article' },
  setArticlePublished: { alone: 'the article’s publication date' },
  addEvidence: { alone: 'the new evidence', card: 'the new evidence on {card}' },
  editEvidence: { alone: 'the evidence edit', card: 'the evidence edit on {card}' },
  removeEvidence: {
    alone: 'the removal of the evidence',
    card: 'the removal of the evidence from {card}',
  },
  addComment: { alone: 'the comment', card: 'the comment on {card}' },
  editComment: { alone: 'the comment edit', card: 'the comment edit on {card}' },
  deleteComment: {
    alone: 'the deletion of the comment',
    card: 'the deletion of the comment on {card}',
  },
  resolveThread: { alone: 'the thread’s resolution' },
  setBoardMeta: { alone: 'the board settings' },
  editRatingScale: { alone: 'the rating scale change' },
  setRatingScale: { alone: 'the rating scale change' },
};

/** A key's name in "the stance Ana set since was kept"; a key not listed reads as "change". */
const KEY_WORDS: Readonly<Record<string, string>> = {
  pos: 'place',
  claim: 'claim',
  source: 'source',
  speaker: 'speaker',
  speakerType: 'speaker type',
  verdict: 'verdict',
  rationale: 'rationale',
  reviewUrl: 'review link',
  assignee: 'checker',
  url: 'link',
  published: 'publication date',
  quote: 'quote',
  stance: 'stance',
  note: 'note',
  text: 'text',
  title: 'title',
  organisation: 'organisation',
  best: 'best value',
  worst: 'worst value',
  label: 'label name',
  column: 'label’s column',
  value: 'label’s value',
  order: 'label’s order',
};

/** "a, b and c" */
const listed = (parts: readonly string[]): string =>
  parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/**
 * Who wrote what the step kept, as the sentence names them (`who`): colleagues by name, this
 * person's own other tab or window as "you" (told by name they would read as someone else), then
 * "someone else" for any not known; `plural` for the verb ("you have", "Ana and Bo have"); `tab`
 * the words that say where "you" did it, after the verb, when they did it alone.
 */
function keptBy(kept: readonly KeptWrite[]): {
  readonly who: string;
  readonly plural: boolean;
  readonly tab: string;
} {
  const names = new Set(kept.filter((k) => !k.self).map((k) => k.by));
  const known = [...names].filter((n): n is string => n !== null);
  const others = [...known, ...(names.has(null) ? ['someone else'] : [])];
  if (!kept.some((k) => k.self)) return { who: listed(others), plural: others.length > 1, tab: '' };
  if (others.length === 0) return { who: 'you', plural: true, tab: ' in another tab' };
  const who = [...known, 'you (in another tab)', ...others.slice(known.length)];
  return { who: listed(who), plural: true, tab: '' };
}

/**
 * What the step left as a colleague set it since (UndoStep.kept): for a step on a selection, how
 * many cards ("1 card left where Ana moved it since."), else which parts ("The stance Ana set
 * since was kept."), so that nobody takes the whole step for undone.
 */
function keptWords(command: CommandName | null, kept: readonly KeptWrite[] | undefined): string {
  if (!kept || kept.length === 0) return '';
  const { who, tab } = keptBy(kept);
  if (command && WORDS[command]?.many) {
    const n = new Set(kept.map((k) => k.cardId)).size;
    const it = n === 1 ? 'it' : 'them';
    const how = command === 'moveCards' ? `where ${who} moved ${it}` : `as ${who} changed ${it}`;
    return ` ${n} ${n === 1 ? 'card' : 'cards'} left ${how}${tab} since.`;
  }
  const keys = [...new Set(kept.map((k) => KEY_WORDS[k.key] ?? 'change'))];
  return ` The ${listed(keys)} ${who} set${tab} since ${keys.length === 1 ? 'was' : 'were'} kept.`;
}

/**
 * Why an Undo left the cards (or the evidence item) it added on the board (UndoStep.workedOn):
 * whose work is on them since and what it is ("the rationale and a comment"), so that nobody
 * takes the card for gone, and Delete (Remove) as the way to take it off, which can be undone.
 */
function workedOnWords(
  command: CommandName | null,
  kept: readonly KeptWrite[],
  board: BoardView,
): string {
  const { who, plural, tab } = keptBy(kept);
  const cards = [...new Set(kept.map((k) => k.cardId))];
  const claim = cards.length === 1 ? board.cards[cards[0] ?? '']?.claim : undefined;
  const what =
    cards.length > 1 ? `${cards.length} of the cards` : claim ? quoted(claim, 60) : 'the card';
  const it = cards.length > 1 ? 'them' : 'it';
  const comments = kept.filter((k) => k.key === COMMENT_WORK).length;
  const parts = [
    ...new Set(
      kept.map((k) =>
        k.key === EVIDENCE_WORK
          ? 'evidence'
          : k.key === COMMENT_WORK
            ? comments === 1
              ? 'a comment'
              : `${comments} comments`
            : `the ${KEY_WORDS[k.key] ?? 'change'}`,
      ),
    ),
  ];
  const have = plural ? 'have' : 'has';
  if (command === 'addEvidence') {
    return `Nothing undone: ${who} ${have} changed the evidence you added to ${what}${tab} since (${listed(parts)}). Remove it if it should go.`;
  }
  const how = command === 'restoreCard' ? 'restored' : 'added';
  return `Nothing undone: ${who} ${have} worked on ${what}${tab} since you ${how} ${it} (${listed(parts)}). Delete ${it} if ${cards.length > 1 ? 'they' : 'it'} should go.`;
}

/**
 * Why an Undo left a comment posted (UndoStep.kept of a dropped addComment): who replied to it
 * or changed it since (an edit in another tab, a resolution), and Delete as the way to take it
 * back, which leaves the thread its replies hang on.
 */
function laterOnPostWords(kept: readonly KeptWrite[]): string {
  const { who, plural, tab } = keptBy(kept);
  const done = listed([
    ...(kept.some((k) => k.key === COMMENT_WORK) ? ['replied to'] : []),
    ...(kept.some((k) => k.key !== COMMENT_WORK) ? ['changed'] : []),
  ]);
  return `Nothing undone: ${who} ${plural ? 'have' : 'has'} ${done} your comment${tab} since you posted it. Delete it if it should go.`;
}

interface CardChange {
  readonly before: CardView | undefined;
  readonly after: CardView | undefined;
}

/**
 * The one card a step added, removed or changed, as it was and as it is; null when it changed
 * none or several. The board's reads keep every unchanged card the same object.
 */
function changedCard(before: BoardView, after: BoardView): CardChange | null {
  let found: string | null = null;
  const note = (id: string) => {
    if (found !== null && found !== id) return false;
    found = id;
    return true;
  };
  for (const id in after.cards) {
    if (after.cards[id] !== before.cards[id] && !note(id)) return null;
  }
  for (const id in before.cards) {
    if (!(id in after.cards) && !note(id)) return null;
  }
  return found === null ? null : { before: before.cards[found], after: after.cards[found] };
}

/** How many cards a step added, removed or changed. */
function changedCount(before: BoardView, after: BoardView): number {
  let n = 0;
  for (const id in after.cards) if (after.cards[id] !== before.cards[id]) n++;
  for (const id in before.cards) if (!(id in after.cards)) n++;
  return n;
}

/** The cards of each column the person sees on a board (filterColumns, with the filter on). */
type ShownColumns = (board: BoardView) => Columns;

/**
 * Where the step left the card, when that is news: back on the board, or moved (its column and
 * position: "back to Unverified, position 2 of 5", "to position 3 of 9 in Disputed").
 */
function whereNow(
  done: 'Undone' | 'Redone',
  { before, after }: CardChange,
  was: BoardView,
  now: BoardView,
  shown: ShownColumns,
): string {
  if (!after) return '';
  if (!before) return ` (back in ${COLUMN_LABELS[after.column]})`;
  const ids = shown(now)[after.column];
  const index = ids.indexOf(after.id);
  if (before.column !== after.column || shown(was)[before.column].indexOf(before.id) !== index) {
    // Counted among the cards the person sees: "position 2 of 3" of a filtered column is where
    // they will find it, "2 of 40" would send them looking among cards not shown.
    if (index < 0) {
      return ` (${done === 'Undone' ? 'back ' : ''}in ${COLUMN_LABELS[after.column]}, hidden by the filter)`;
    }
    const to = movedTo(before.column, { column: after.column, index, size: ids.length });
    return done === 'Undone' ? ` (back ${to})` : ` (${to})`;
  }
  if (before.verdict !== after.verdict) return ` (now ${after.verdict ?? 'no verdict'})`;
  return '';
}

/**
 * When the step leaves the card in a column its verdict is not a label of, having changed one
 * or the other: a colleague gave it that verdict since the person's change (an Undo of a move
 * does not ask for a label, as the move did), and the merge keeps both. The person is the one
 * who can put it right, so the announcement asks them to.
 */
function verdictMisfit({ before, after }: CardChange, now: BoardView): string {
  if (!after || verdictFitsCard(now.meta.ratingScale, after) !== false) return '';
  if (before && before.column === after.column && before.verdict === after.verdict) return '';
  return ` Its verdict ${quoted(after.verdict as string, 60)} is not a label for ${COLUMN_LABELS[after.column]}: open the card and pick the verdict again.`;
}

/**
 * "Undone: the move of “Rents doubled since 2015” (back to Unverified, position 1 of 4)." from the step's
 * command and the board before and after it: focus has often moved on since the change, and
 * the card may be off screen. "Undone." for a step with no name. A step that changed nothing
 * (a colleague has changed it since: BoardConnection.undo drops it) says so, so that nobody
 * takes it for done and the next Ctrl+Z is expected to go one step further back.
 */
export function undoAnnouncement(
  done: 'Undone' | 'Redone',
  { command, applied, articleBack, redacted, scaleNotWhole, kept, workedOn }: UndoStep,
  before: BoardView,
  after: BoardView,
  shown: ShownColumns = (board) => board.columns,
): string {
  const words = command ? WORDS[command] : undefined;
  if (articleBack) {
    return 'Nothing undone: the article is on the board again, imported since you removed it.';
  }
  if (redacted) {
    const nothing = done === 'Undone' ? 'Nothing undone' : 'Nothing redone';
    return `${nothing}: a lead has redacted the text of that comment for good.`;
  }
  if (scaleNotWhole) {
    const nothing = done === 'Undone' ? 'Nothing undone' : 'Nothing redone';
    return `${nothing}: the rating scale as it ${done === 'Undone' ? 'was' : 'would be'} does not hold together.`;
  }
  if (workedOn && kept) return workedOnWords(command, kept, before);
  if (command === 'addComment' && !applied && kept && kept.length > 0) {
    return laterOnPostWords(kept);
  }
  if (!applied) {
    const nothing = done === 'Undone' ? 'Nothing undone' : 'Nothing redone';
    const { who, plural, tab } =
      kept && kept.length > 0 ? keptBy(kept) : { who: 'someone else', plural: false, tab: '' };
    return `${nothing}: ${who} ${plural ? 'have' : 'has'} changed it${tab} since ${words?.alone ?? 'your change'}.`;
  }
  const left = keptWords(command, kept);
  if (!words) return `${done}.${left}`;
  const change = words.card ? changedCard(before, after) : null;
  const card = change?.after ?? change?.before;
  if (words.many && !change) {
    const n = changedCount(before, after);
    if (n > 1) return `${done}: ${words.many.replace('{n}', String(n))}.${left}`;
  }
  if (!words.card || !change || !card) return `${done}: ${words.alone}.${left}`;
  const what = words.card.replace('{card}', quoted(card.claim, 60));
  return `${done}: ${what}${whereNow(done, change, before, after, shown)}.${verdictMisfit(change, after)}${left}`;
}
