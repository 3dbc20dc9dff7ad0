/**
 * The notice for a card whose verdict stopped fitting its column because the reader's own
 * change and a colleague's crossed: the reader moved it while a colleague set its verdict, or
 * set its verdict while a colleague moved it (offline, or at the same moment). Yjs keeps both,
 * and the card, its dialog, the filter and the exports say the verdict is no label of the
 * column; this tells the person whose change is one half of it, once, as it arrives. The board
 * does not say who did which half (a card keeps one last writer): the board's history does,
 * read after the change arrived (the server stores a change, with its history, before it sends
 * it on).
 */
import type { Actor } from '../../shared/board/actor';
import { type BoardView, type CardView, verdictFitsCard } from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import type { HistoryEvent } from '../history/historyEvent';
import { plural } from '../ui/plural';
import { quoted } from '../ui/quoted';
import { type ColleagueNotice, type NoticeReader, soleName } from './colleagueNotice';

/**
 * The cards whose verdict fitted their column on `before` (or they had none) and, moved or
 * given a verdict since, no longer does on `board`. Not those whose dialog is open: it says so
 * itself and asks for the verdict again. `before` may hold only the cards that changed
 * (changedFrom): a card not in it is not looked at.
 */
export function newlyMisfit(
  before: BoardView['cards'],
  board: BoardView,
  reader: NoticeReader,
): CardView[] {
  const scale = board.meta.ratingScale;
  return Object.values(before).flatMap((was) => {
    const card = board.cards[was.id];
    if (!card || was === card || verdictFitsCard(scale, card) !== false) return [];
    if (was.column === card.column && was.verdict === card.verdict) return [];
    const misfit = verdictFitsCard(scale, was) !== false && !reader.following?.(card.id, 'other');
    return misfit ? [card] : [];
  });
}

/** Who moved a card into its column and who gave it its verdict, by the latest of each. */
interface Halves {
  readonly card: CardView;
  readonly mover: Actor | null;
  readonly setter: Actor | null;
}

function halves(events: readonly HistoryEvent[], card: CardView): Halves {
  let mover: Actor | null = null;
  let setter: Actor | null = null;
  for (const e of events) {
    if (e.cardId !== card.id) continue;
    if (e.type === 'card.moved' && e.data.to === card.column) mover = e.actor;
    if (e.type === 'verdict.set' && e.data.verdict === card.verdict) setter = e.actor;
  }
  return { card, mover, setter };
}

/** A name to begin a sentence with: "A colleague" when it cannot be read. */
const named = (actor: Actor | null) => actor?.name.trim() || 'A colleague';

/**
 * The notice for `cards` (newlyMisfit) by the board's history (`events`, oldest first), for
 * those still on `board` with a verdict that does not fit: one of them named with who did the
 * other half, several counted. None for a card whose two halves are both the reader's (any tab
 * of theirs: the history names their invite), nor for one where neither is: the reader's own
 * half must be in the history read, or nobody can say their change crossed.
 */
export function crossedVerdictNotice(
  cards: readonly CardView[],
  events: readonly HistoryEvent[],
  board: BoardView,
  reader: NoticeReader,
): ColleagueNotice | null {
  const me = reader.meId;
  const crossed = cards
    .map((was) => board.cards[was.id])
    .filter((card): card is CardView => !!card)
    .filter((card) => verdictFitsCard(board.meta.ratingScale, card) === false)
    .map((card) => halves(events, card))
    .filter(({ mover, setter }) => (mover?.id === me) !== (setter?.id === me));
  const [first] = crossed;
  if (!first) return null;
  const colleague = (h: Halves) => (h.mover?.id === me ? h.setter : h.mover);
  if (crossed.length === 1) {
    const { card } = first;
    const claim = quoted(card.claim, 60);
    const verdict = quoted(card.verdict ?? '', 40);
    const column = COLUMN_LABELS[card.column];
    const text =
      first.mover?.id === me
        ? `${named(first.setter)} set ${verdict} on ${claim} while you moved it to ${column}`
        : `${named(first.mover)} moved ${claim} to ${column} while you set ${verdict}`;
    return { kind: 'one', text: `${text}: pick its verdict again`, cardId: card.id };
  }
  const who = soleName(crossed.map(colleague)) ?? 'Colleagues';
  const text = `${who} crossed your changes on ${plural(crossed.length, 'card', 'cards')}: their verdicts are no labels of their columns, pick them again`;
  return { kind: 'misfits', text };
}
