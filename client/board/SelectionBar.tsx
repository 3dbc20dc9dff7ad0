/**
 * The bar of the cards selected on the board (cardSelection): how many, and what to do with
 * them all at once: move them to a column, give them to a colleague to check, delete them
 * (asked first, naming the count), or clear the selection (Clear selection, or Escape with
 * focus in the bar). Each action is one command
 * (moveCards, assignCards, deleteCards): one change, one Undo. A move of cards whose verdicts
 * are not labels of the target column asks once for the batch, as a single move asks for its
 * card (VerdictChoiceDialog), and the label chosen goes in the same command; the answer is
 * checked against the cards as they are then, and asked again if they changed meanwhile. Its
 * count is a live region, always in the page, so the first card selected is heard too; the
 * controls show with a selection. On a phone they fold behind "Actions", as the filters fold
 * behind "Filters": the bar is one row over the columns there, where its two and a half rows
 * of selects and buttons left Unverified's cards 204 of the screen's 844 px. Only for those who may change cards (the server refuses the others' writes too).
 */
import {
  type FormEvent,
  type RefObject,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { type BoardView, COLUMNS, type ColumnId, isColumn } from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { labelsFor, verdictFitsColumn } from '../../shared/board/ratingScale';
import { can } from '../../shared/roles';
import type { Actor } from '../../shared/board/actor';
import type { BoardMember } from '../review/useBoardMembers';
import { VerdictChoiceDialog } from '../review/VerdictChoiceDialog';
import { FoldToggle } from '../ui/FoldToggle';
import { ModalDialog } from '../ui/ModalDialog';
import { personName } from '../ui/personName';
import { plural } from '../ui/plural';
import { useFold } from '../ui/useFold';
import { useBoardActions } from './boardActions';
import { clearSelection } from './clearSelection';
import { sameIds } from '../../shared/sameIds';
import type { Columns } from './filterCards';
import {
  assignedCardsWords,
  deletedCardsWords,
  misfitsGoneWords,
  misfitWords,
  movedCardsWords,
  selectedWords,
} from './selectionWords';

/** The cards a move to a column would move, and those of them whose verdicts do not fit it. */
interface MoveCount {
  /** The cards of the selection not in the column already. */
  readonly moving: readonly string[];
  /** Those of them whose verdict is not a label of the column. */
  readonly misfits: readonly string[];
}

/** A move waiting for a label for the cards whose verdicts do not fit its column. */
interface MisfitQuestion extends MoveCount {
  readonly column: ColumnId;
  /** Asked again: the cards changed while the question was open. */
  readonly changed: boolean;
  /** Which asking this is: a new one is a new dialog, read out as it opens. */
  readonly round: number;
}

/** The value of "Nobody" in the assign list: releases the cards. */
const NOBODY = ' nobody';

export function SelectionBar({
  board,
  shown,
  members,
  me,
}: {
  board: BoardView;
  /** The cards the columns show (filtered): a selected card not among them is hidden. */
  shown: Columns;
  members: readonly BoardMember[];
  me: Actor;
}) {
  const actions = useBoardActions();
  const { selection } = actions;
  const selected = useSyncExternalStore(selection.subscribe, selection.all);
  const leftOut = useSyncExternalStore(selection.subscribe, selection.leftOut);
  const ids = [...selected];
  // Only with a selection: the bar renders at every change of the board, of thousands of cards.
  const shownIds = new Set(ids.length > 0 ? COLUMNS.flatMap((c) => shown[c]) : []);
  const hidden = ids.filter((id) => !shownIds.has(id)).length;
  const [column, setColumn] = useState<ColumnId | ''>('');
  const [assignee, setAssignee] = useState('');
  const [asking, setAsking] = useState(false);
  const [askingVerdict, setAskingVerdict] = useState<MisfitQuestion | null>(null);
  // Folded again for the next selection, as the bar's controls go with this one.
  const fold = useFold();
  if (ids.length === 0 && fold.open) fold.setOpen(false);
  // A selection may span columns (Ctrl+click, X in another column): the bar says how many.
  const columns = new Set(ids.flatMap((id) => board.cards[id]?.column ?? [])).size;
  const count = selectedWords({
    count: ids.length,
    hidden,
    columns,
    leftOut,
    limit: selection.limit,
  });
  const choices = members.filter((m) => can(m.role, 'editBoard') && m.id !== me.id);
  /**
   * Whether focus is in the bar's controls, or was as they went: a selection emptied by another
   * hand (a colleague deleting its cards) takes them away, and focus with them, to the body.
   * A blur with nowhere to go counts as still in: Chrome blurs a control taken off the page so.
   */
  const focusIn = useRef(false);
  const empty = ids.length === 0;
  const barRef = useRef<HTMLDivElement>(null);
  useHeightForColumns(barRef, !empty);
  useLayoutEffect(() => {
    if (!empty || !focusIn.current) return;
    focusIn.current = false;
    if (document.activeElement === document.body) document.getElementById('main')?.focus();
  }, [empty]);

  /** Focus on a card of the selection still shown, else on the columns: the bar's controls go. */
  const focusBoard = (cardIds: readonly string[]) => {
    const card = cardIds.find((id) => shownIds.has(id) && board.cards[id]);
    if (card) actions.focusCard(card);
    else document.getElementById('main')?.focus();
  };

  const runMove = (target: ColumnId, misfitVerdict: string | null) => {
    setAskingVerdict(null);
    let words = '';
    let changed = 0;
    if (
      actions.run('move the cards', () => {
        const result = actions.commands.moveCards(
          ids,
          misfitVerdict === null ? target : { column: target, verdict: misfitVerdict },
        );
        words = movedCardsWords(result, COLUMN_LABELS[target], misfitVerdict);
        changed = result.changed.length;
      })
    ) {
      selection.acted();
      // Undo offered only for a change: with none, it would take back the one before.
      actions.notify(words, changed > 0);
      setColumn('');
    }
  };
  /** What a move to `target` would do to the board as it is now. */
  const countMove = (target: ColumnId): MoveCount => {
    const scale = board.meta.ratingScale;
    const moving = ids.flatMap((id) => {
      const card = board.cards[id];
      return card && card.column !== target ? [card] : [];
    });
    return {
      moving: moving.map((c) => c.id),
      misfits: moving.filter((c) => !verdictFitsColumn(scale, c.verdict, target)).map((c) => c.id),
    };
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    if (!column) return;
    const count = countMove(column);
    if (count.misfits.length > 0) {
      setAskingVerdict({
        column,
        ...count,
        changed: false,
        round: (askingVerdict?.round ?? 0) + 1,
      });
    } else runMove(column, null);
  };
  /**
   * The answer to the question, for the cards as they are now: a colleague may have changed a
   * verdict, moved or deleted a card while it was open. Changed, it is asked again with the
   * new count (a new dialog, read out), or, if no card needs a label any more, nothing moves
   * and that is said; the person decides on what the move will do, never on a stale count.
   */
  const answerVerdict = (question: MisfitQuestion, verdict: string | null) => {
    const now = countMove(question.column);
    if (sameIds(now.moving, question.moving) && sameIds(now.misfits, question.misfits)) {
      runMove(question.column, verdict);
    } else if (now.misfits.length > 0) {
      setAskingVerdict({ ...question, ...now, changed: true, round: question.round + 1 });
    } else {
      setAskingVerdict(null);
      actions.notify(misfitsGoneWords(now.moving.length, question.column), false);
    }
  };
  const assign = (e: FormEvent) => {
    e.preventDefault();
    if (!assignee) return;
    const member = assignee === me.id ? me : (choices.find((m) => m.id === assignee) ?? null);
    if (assignee !== NOBODY && !member) return;
    const who: Actor | null = member && { id: member.id, name: member.name };
    const name = who === null ? null : who.id === me.id ? 'you' : personName(who.name);
    let words = '';
    let changed = 0;
    if (
      actions.run('assign the cards', () => {
        const result = actions.commands.assignCards(ids, who);
        words = assignedCardsWords(result, name);
        changed = result.changed.length;
      })
    ) {
      selection.acted();
      actions.notify(words, changed > 0);
      setAssignee('');
    }
  };
  /** Clear selection, and Escape anywhere in the bar but in its dialogs (their own Escape). */
  const clear = () => {
    if (clearSelection(actions)) focusBoard(ids);
  };
  const remove = () => {
    setAsking(false);
    let words = '';
    const next = COLUMNS.flatMap((c) => shown[c]).filter((id) => !selected.has(id));
    if (
      actions.run('delete the cards', () => {
        words = deletedCardsWords(actions.commands.deleteCards(ids));
      })
    ) {
      selection.clear();
      actions.notify(words, true);
      focusBoard(next);
    }
  };

  return (
    <div
      ref={barRef}
      className={`selection-bar${ids.length > 0 ? '' : ' empty'}`}
      {...(ids.length > 0 && { role: 'region', 'aria-label': 'Selected cards' })}
      onFocus={() => (focusIn.current = true)}
      onBlur={(e) =>
        (focusIn.current = !e.relatedTarget || e.currentTarget.contains(e.relatedTarget))
      }
      onKeyDown={(e) => {
        // A dialog of the bar (Delete…?, a new verdict) closes on Escape and keeps the selection.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        if ((e.target as HTMLElement).closest('dialog')) return;
        e.preventDefault();
        clear();
      }}
    >
      <p className="selection-count" role="status">
        {count}
      </p>
      {ids.length > 0 && (
        <>
          <FoldToggle fold={fold} className="selection-toggle">
            Actions
          </FoldToggle>
          <div {...fold.panel('selection-actions')}>
            <form className="row" onSubmit={move}>
              <select
                aria-label="Move selected cards to"
                value={column}
                onChange={(e) => setColumn(isColumn(e.target.value) ? e.target.value : '')}
              >
                <option value="">Move to…</option>
                {COLUMNS.map((c) => (
                  <option key={c} value={c}>
                    {COLUMN_LABELS[c]}
                  </option>
                ))}
              </select>
              <button type="submit" className="button small" aria-disabled={!column}>
                Move
              </button>
            </form>
            <form className="row" onSubmit={assign}>
              <select
                aria-label="Give selected cards to"
                value={assignee}
                onChange={(e) => setAssignee(e.target.value)}
              >
                <option value="">Give to…</option>
                <option value={me.id}>Me ({personName(me.name)})</option>
                {choices.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.role === 'lead' ? `${personName(m.name)} (lead)` : personName(m.name)}
                  </option>
                ))}
                <option value={NOBODY}>Nobody (release them)</option>
              </select>
              <button type="submit" className="button small" aria-disabled={!assignee}>
                Give
              </button>
            </form>
            <button type="button" className="button small danger" onClick={() => setAsking(true)}>
              Delete selected…
            </button>
            <button type="button" className="button small ghost" onClick={clear}>
              Clear selection
            </button>
          </div>
        </>
      )}
      {askingVerdict && (
        <VerdictChoiceDialog
          key={askingVerdict.round}
          column={COLUMN_LABELS[askingVerdict.column]}
          labels={labelsFor(board.meta.ratingScale, askingVerdict.column).map((l) => l.label)}
          why={misfitWords(
            askingVerdict.misfits.length,
            askingVerdict.moving.length,
            askingVerdict.column,
            askingVerdict.changed,
          )}
          clearText={`Move and clear ${askingVerdict.misfits.length === 1 ? 'it' : 'them'}`}
          onChoose={(verdict) => answerVerdict(askingVerdict, verdict)}
          onCancel={() => setAskingVerdict(null)}
        />
      )}
      {asking && (
        <DeleteSelectedDialog
          count={ids.length}
          hidden={hidden}
          onDelete={remove}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}

/**
 * The bar's height, as it is, for the columns under it (styles.css, --selection-bar-height): on
 * a phone the bar stays at the top of the screen, and the columns, a screen tall, are as much
 * shorter. Taken as one row (50 px), the bar with Actions unfolded (174 px) covered the top
 * 124 px of the columns, the cards it acts on among them.
 */
function useHeightForColumns(ref: RefObject<HTMLDivElement | null>, shown: boolean) {
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!shown || !bar) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--selection-bar-height', `${bar.offsetHeight}px`),
    );
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--selection-bar-height');
    };
  }, [ref, shown]);
}

function DeleteSelectedDialog({
  count,
  hidden,
  onDelete,
  onCancel,
}: {
  count: number;
  hidden: number;
  onDelete: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const cards = plural(count, 'card', 'cards');
  // Closed before it goes, so that the browser gives focus back to "Delete selected…": a modal
  // dialog only taken off the page left focus on the page's body.
  const close = () => {
    ref.current?.close();
    onCancel();
  };
  return (
    <ModalDialog
      title={`Delete ${cards}?`}
      focus={cancel}
      dialogRef={ref}
      closeButton={false}
      onClose={close}
    >
      <div className="dialog-body">
        <p>
          {hidden > 0 && `${plural(hidden, 'of them is', 'of them are')} hidden by the filter. `}
          Their comments are kept: Undo (Ctrl+Z) brings the cards back, or Restore in Activity.
        </p>
        <div className="row">
          <button type="button" className="button danger" onClick={onDelete}>
            Delete {cards}
          </button>
          <button ref={cancel} type="button" className="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
