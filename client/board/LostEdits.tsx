/**
 * This person's card edits that a colleague's concurrent write replaced (client/sync's
 * LostEditWatch): two saves that crossed, or an offline edit that met a colleague's on
 * reconnect; and their work on a card deleted before it reached the deleter (a change, or
 * evidence they added). Each says whose change was kept and what this person's was, with
 * "Restore mine" (saves it again, as a new change everyone sees) and "Dismiss"; on a deleted
 * card, "Restore the card" first, which for evidence they added brings the card back with it in
 * one change ("Restore the card and your evidence"). A comment they posted on a card deleted
 * meanwhile is kept: they are told the card is gone, and who may restore it. An edit of their
 * comment that its deletion in their other tab or window crossed is given whole, with "Post as
 * a new comment". Their edits of an evidence item a colleague removed before seeing them are
 * given with the item as they had it, and "Add it again" (a new item, with their values), or
 * "Restore mine" when the colleague put the item back (an Undo): their values on it again. The
 * writer kept may be this person in another tab or window: then it says so. The list is no live
 * region: each notice's sentence is said once, as it appears, by the board's announcer
 * (useSayNewItems); an alert around the list was read out whole again whenever a notice came.
 * One that only the server (by the kept write's client id) or the history names the writer of
 * appears once named (or "A colleague" after a moment), those after it waiting their turn, and
 * its name does not change after, so that what was said stays true. Focus on a
 * button that goes with what it did moves to the next notice, or to the card
 * (useFocusAfterNotice). The notices outlive a reload until dismissed or restored
 * (BoardConnection keeps them).
 */
import { useEffect, useRef, useState } from 'react';
import type { Actor } from '../../shared/board/actor';
import { isColumn } from '../../shared/board/schema';
import type { BoardView, CardView, Stance } from '../../shared/board/view';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import type { LostEditNotice } from '../sync/LostEditNotices';
import {
  ADDED_ITEM,
  assigneeOf,
  type DeletedWithCard,
  EDITED_COMMENT,
  EDITED_ITEM,
  type FieldRef,
  isDeletion,
  type LostEdit,
  POSTED_COMMENT,
  type RemovedWithEdits,
} from '../sync/lostWork';
import type { Peer } from '../sync/presence';
import { EvidenceValues, yourEvidenceChanges } from '../review/EvidenceValues';
import { RemovedAgain } from '../review/RemovedAgain';
import { postEditAgain } from '../review/postEditAgain';
import { restoreRemoved } from '../review/restoreEvidenceEdits';
import { sourceName } from '../review/sourceName';
import { STANCE_LABELS } from '../review/stanceLabels';
import { clip } from '../ui/clip';
import { fetchHistory } from '../history/fetchHistory';
import { restoreCard, restoreRefusal } from '../history/restoreCard';
import { useBoardAccess } from '../review/useBoardAccess';
import { useBoardActions } from './boardActions';
import { whoDeleted, whoRemoved, whoWroteLast } from './whoWroteLast';
import { quoted } from '../ui/quoted';
import { answerWithin } from '../ui/answerWithin';
import { useSayNewItems } from '../ui/useSayNewItems';
import { personName } from '../ui/personName';

const FIELD_NAMES: Readonly<Record<FieldRef['field'], string>> = {
  claim: 'the claim',
  speaker: 'the speaker',
  verdict: 'the verdict',
  rationale: 'the rationale',
  speakerType: 'the speaker’s type',
  reviewUrl: 'the published fact-check URL',
  assignee: 'who is checking it',
  pos: 'the column',
  url: 'the source URL',
  quote: 'the quoted passage',
  stance: 'the stance',
  note: 'the note',
  [ADDED_ITEM]: 'the evidence',
  [EDITED_ITEM]: 'the evidence',
  [POSTED_COMMENT]: 'the comment',
  [EDITED_COMMENT]: 'your edit of the comment',
};

/** A value as the notice quotes it: a stance or a column by its label, nothing as "nothing". */
function shown(n: LostEditNotice, value: string | null): string {
  if (!value) return 'nothing';
  if (n.field === 'pos') return isColumn(value) ? COLUMN_LABELS[value] : 'another column';
  if (n.field === 'assignee') return assigneeOf(value)?.name ?? 'someone';
  const label = n.field === 'stance' ? STANCE_LABELS[value as keyof typeof STANCE_LABELS] : null;
  return quoted(label ?? value);
}
const CLAIM_CHARS = 100;
const COMMENT_CHARS = 200;

/**
 * Whose write was kept, or who deleted the card, as a notice names them: this person's own
 * other tab or window (the same invite), a colleague, or "A colleague" while nothing names them.
 */
interface Writer {
  readonly name: string | undefined;
  readonly self: boolean;
}
const writerOf = (who: Actor | null | undefined, meId: string | undefined): Writer => ({
  name: who?.name,
  self: who != null && who.id === meId,
});
const subject = (w: Writer) => (w.self ? 'Your other tab or window' : (w.name ?? 'A colleague'));

export function LostEdits({
  notices,
  board,
  peers,
  removedAgain,
  openCardId,
  onDismiss,
  onNamed,
  writerOf: nameWriter,
}: {
  notices: readonly LostEditNotice[];
  board: BoardView;
  /** To name a colleague whose presence arrived after their write (as on a reconnect). */
  peers: readonly Peer[];
  /**
   * Who wrote with a Yjs client id, as presence showed them or the server knows them
   * (BoardConnection.writerOf): the writer of the very value kept.
   */
  writerOf: (client: number) => Promise<Actor | null>;
  /** The notices whose evidence item was put back and has been removed again (useRemovedAgain). */
  removedAgain: ReadonlySet<number>;
  /**
   * The card whose dialog is open, if it is on the board: the dialog tells of its evidence
   * removed before this person's edits, and of their edits of its comments deleted meanwhile,
   * itself, in its own words (EvidenceEditor, TypedCommentGone).
   */
  openCardId: string | null;
  onDismiss: (seq: number) => void;
  /** Keeps the name the server or the history gave a notice, for the page opened next. */
  onNamed: (seq: number, who: Actor) => void;
}) {
  const actions = useBoardActions();
  const access = useBoardAccess();
  const { names: historyNames, waiting } = useHistoryNames(notices, peers, nameWriter, onNamed);
  // A comment's notice is about its card being gone: once the card is back, so is the comment.
  const back = (n: LostEditNotice) => n.field === POSTED_COMMENT && board.cards[n.cardId];
  /** Whether the evidence item a notice is about is on its card. */
  const itemThere = (n: LostEditNotice) =>
    board.cards[n.cardId]?.evidence.some((e) => e.id === n.evidenceId) ?? false;
  useEffect(() => {
    for (const n of notices) if (back(n)) onDismiss(n.seq);
  });
  const restore = (n: LostEditNotice) => {
    if (n.field === EDITED_COMMENT) {
      const card = board.cards[n.cardId];
      if (card && postEditAgain(actions, card, n.commentId, n.mine ?? '')) onDismiss(n.seq);
      return;
    }
    if ('itemRemoved' in n) {
      if (restoreRemoved(actions, n, itemThere(n))) onDismiss(n.seq);
      return;
    }
    const ok = actions.run('restore your edit', () => {
      if (n.field === POSTED_COMMENT) return; // kept: it comes back with the card
      if ('cardDeleted' in n && n.field === ADDED_ITEM && n.evidence) {
        const { url, quote, stance, note } = n.evidence;
        actions.commands.addEvidence(n.cardId, { url, quote, stance: stance as Stance, note });
      } else if (n.evidenceId !== null) {
        actions.commands.editEvidence(n.cardId, n.evidenceId, { [n.field]: n.mine ?? '' });
      } else if (n.field === 'pos') {
        if (isColumn(n.mine)) {
          actions.commands.moveCard(n.cardId, { column: n.mine, index: Infinity });
        }
      } else if (n.field === 'verdict') {
        actions.commands.setVerdict(n.cardId, n.mine, undefined);
      } else if (n.field === 'assignee') {
        actions.commands.assignCard(n.cardId, assigneeOf(n.mine));
      } else {
        actions.commands.editCard(n.cardId, { [n.field]: n.mine });
      }
    });
    if (ok) {
      onDismiss(n.seq);
      actions.announce(`Your ${FIELD_NAMES[n.field].replace('the ', '')} is restored.`);
    }
  };
  const restoreTheCard = async (n: LostEditNotice) => {
    if (!access) return;
    // Every evidence item this person added to the card comes back with it, in the same change.
    const readded = notices.flatMap((o) =>
      'cardDeleted' in o && o.cardId === n.cardId && o.field === ADDED_ITEM && o.evidence
        ? [
            {
              notice: o,
              item: { ...o.evidence, id: o.evidenceId, stance: o.evidence.stance as Stance },
            },
          ]
        : [],
    );
    try {
      await restoreCard(
        access.id,
        access.token,
        n.cardId,
        readded.map((r) => r.item),
      );
      for (const r of readded) onDismiss(r.notice.seq);
      actions.announce(
        readded.length > 0
          ? 'The card is restored, with your evidence.'
          : n.field === POSTED_COMMENT
            ? 'The card is restored, with your comment.'
            : 'The card is restored. Restore your change to it from the notice.',
      );
    } catch (err) {
      const refusal = restoreRefusal(err);
      // A colleague restored it first, without this person's evidence: "Restore mine" adds it.
      if (refusal) actions.announce(refusal);
      else if (readded.length > 0) {
        actions.announce(
          'A colleague has restored this card already: add your evidence again with Restore mine.',
        );
      }
    }
  };
  // In the order they came: one still waiting for its writer's name holds back those after it,
  // so that they are said in that order too.
  const held = notices.findIndex((n) => !back(n) && waiting(n));
  const shown = (held < 0 ? notices : notices.slice(0, held)).filter((n) => !back(n));
  const { list, focusAfter } = useFocusAfterNotice(shown, board, actions.focusCard);
  // Through the board's assertive announcer, which speaks through an open dialog's own region
  // (the page behind it is inert). The notices never rename anyone once shown
  // (useHistoryNames), so what was said of them stays true. Not those the open dialog says
  // itself: the same news twice, the second interrupting the first.
  const inDialog = new Set(
    shown
      .filter(
        (n) =>
          n.cardId === openCardId &&
          ('itemRemoved' in n || (n.field === EDITED_COMMENT && 'commentId' in n)),
      )
      .map((n) => n.seq),
  );
  useSayNewItems(
    list,
    shown.map((n) => n.seq),
    actions.announce,
    (seq) => inDialog.has(seq),
  );
  if (shown.length === 0) return null;
  return (
    <div className="banner lost-edits">
      <ul ref={list}>
        {shown.map((n) => {
          const card = board.cards[n.cardId];
          const has = itemThere(n);
          // Restorable while the card, and the evidence item if it is one, still exist; an
          // item this person added while the card is there without it; one they edited that
          // was removed while the card is there: added again, or, put back meanwhile (an
          // Undo), given their values again.
          const there =
            card &&
            n.field !== POSTED_COMMENT &&
            (n.field === ADDED_ITEM
              ? !has
              : n.field === EDITED_ITEM || n.evidenceId === null || has);
          const deleted = 'cardDeleted' in n;
          const withEvidence = deleted && n.field === ADDED_ITEM;
          const writer = writerOf(n.by ?? historyNames.get(n.seq), access?.inviteId);
          return (
            <li
              key={n.seq}
              data-seq={n.seq}
              // Where the dialog of a card deleted while open leaves focus (lostWithCard).
              {...(deleted && { 'data-lost-card': n.cardId, tabIndex: -1 })}
            >
              <span data-sentence>
                {deleted ? (
                  <DeletedText notice={n} by={writer} canRestore={actions.canEdit} />
                ) : 'itemRemoved' in n ? (
                  <RemovedText notice={n} card={card} by={writer} again={removedAgain.has(n.seq)} />
                ) : (
                  <ReplacedText notice={n} card={card} by={writer} meId={access?.inviteId} />
                )}
              </span>{' '}
              <span className="row lost-edit-actions">
                {there && (
                  <button
                    type="button"
                    className="button small"
                    onClick={(e) => {
                      focusAfter(n, e.currentTarget, false);
                      restore(n);
                    }}
                  >
                    {n.field === EDITED_COMMENT
                      ? 'Post as a new comment'
                      : n.field === EDITED_ITEM && !has
                        ? 'Add it again'
                        : 'Restore mine'}
                  </button>
                )}
                {deleted && !card && access && actions.canEdit && (
                  <button
                    type="button"
                    className="button small"
                    onClick={(e) => {
                      focusAfter(n, e.currentTarget, true);
                      void restoreTheCard(n);
                    }}
                  >
                    {withEvidence ? 'Restore the card and your evidence' : 'Restore the card'}
                  </button>
                )}
                <button
                  type="button"
                  className="button small"
                  onClick={(e) => {
                    focusAfter(n, e.currentTarget, false);
                    onDismiss(n.seq);
                  }}
                >
                  Dismiss
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A colleague's concurrent write replaced this person's (or their other tab's did). */
function ReplacedText({
  notice: n,
  card,
  by,
  meId,
}: {
  notice: LostEditNotice & LostEdit;
  card: CardView | undefined;
  /** Whose write was kept, as far as anything names them. */
  by: Writer;
  meId: string | undefined;
}) {
  const which = card ? quoted(card.claim, CLAIM_CHARS) : 'a card since deleted';
  if (n.field === EDITED_COMMENT) {
    return (
      <>
        Your comment on {which} was deleted in another tab or window that had not seen your edit, so
        your edit is not on the board: {shown(n, n.mine)}.
      </>
    );
  }
  const that = by.name || by.self ? 'that' : 'their';
  // Crossing writes are not simultaneous (one may have waited offline for a minute): all that
  // is true of both is that neither writer had seen the other's change.
  const yours = (what: string) => (by.self ? `the ${what} here` : 'yours');
  const here = by.self ? ' here' : '';
  if (n.field === 'assignee') {
    const [theirs, mine] = [assigneeOf(n.theirs), assigneeOf(n.mine)];
    const checking = !theirs
      ? 'Nobody is checking'
      : theirs.id === meId
        ? 'You are checking'
        : `${personName(theirs.name)} is checking`;
    const took = !mine
      ? 'released it'
      : mine.id === meId
        ? 'took it'
        : `gave it to ${personName(mine.name)}`;
    const other = by.self ? 'your other tab or window' : (by.name ?? 'a colleague');
    return (
      <>
        {checking} {which}: you {took}
        {here}, but {other} changed it without seeing that, and that change was kept.
      </>
    );
  }
  return n.field === 'pos' ? (
    <>
      {subject(by)} also moved {which}, without seeing {yours('move')}, and {that} move was kept: it
      is in {shown(n, n.theirs)}. You had moved it to {shown(n, n.mine)}
      {here}.
    </>
  ) : (
    <>
      {subject(by)} also changed {FIELD_NAMES[n.field]} of{' '}
      {n.evidenceId === null ? '' : 'evidence on '}
      {which}, without seeing {yours('change')}, and {that} change was kept: {shown(n, n.theirs)}.
      Yours
      {here} was {shown(n, n.mine)}.
    </>
  );
}

/**
 * A colleague deleted the card before they could see this person's work on it (made offline,
 * or crossing the deletion in flight): a change to it, or evidence they added, given whole
 * here to copy or add again. Yjs names nobody for a deletion: the card's history does, a
 * moment later (useHistoryNames). Its comments were not deleted with it (B13): a comment of
 * this person's is told so, with who may bring the card back.
 */
function DeletedText({
  notice: n,
  by,
  canRestore,
}: {
  notice: LostEditNotice & DeletedWithCard;
  /** Who deleted it, once the card's history has said. */
  by: Writer;
  /** Whether this person may restore a card. */
  canRestore: boolean;
}) {
  const which = n.claim ? quoted(n.claim, CLAIM_CHARS) : 'a card';
  const item = n.field === ADDED_ITEM ? n.evidence : null;
  const yours = item
    ? 'the evidence you added'
    : n.field === POSTED_COMMENT
      ? 'your comment'
      : n.field === 'pos'
        ? `your move of it to ${shown(n, n.mine)}`
        : `your change to ${FIELD_NAMES[n.field]}${n.evidenceId === null ? '' : ' of its evidence'}, ${shown(n, n.mine)},`;
  const deleted = by.self
    ? `You deleted ${which} in another tab or window before ${yours} reached it`
    : `${by.name ?? 'A colleague'} deleted ${which} before ${yours} reached them`;
  if (n.field === POSTED_COMMENT) {
    return (
      <>
        {deleted}: {shown(n, clip(n.mine ?? '', COMMENT_CHARS))}. Your comment is kept, and comes
        back with the card if it is restored.
        {!canRestore && ' Editors and leads can restore it.'}
      </>
    );
  }
  return (
    <>
      {deleted}, so the board did not keep it
      {item ? (
        <>
          : <EvidenceValues item={item} />.
        </>
      ) : (
        '.'
      )}
      {n.comments > 0 &&
        ` Its ${n.comments === 1 ? 'comment is' : `${n.comments} comments are`} kept, and come${n.comments === 1 ? 's' : ''} back with the card.`}
    </>
  );
}

/**
 * A colleague removed an evidence item before they could see this person's edits of it (made
 * offline, or crossing the removal in flight): the item is given as this person had it, their
 * values in it, to copy or add again. Yjs names nobody for a removal: the card's history does,
 * a moment later (useHistoryNames).
 */
function RemovedText({
  notice: n,
  card,
  by,
  again,
}: {
  notice: LostEditNotice & RemovedWithEdits;
  card: CardView | undefined;
  /** Who removed it, once the card's history has said. */
  by: Writer;
  /** Whether it was seen back on its card (an Undo) and has been removed again since. */
  again: boolean;
}) {
  const item = n.evidence;
  const which = card ? quoted(card.claim, CLAIM_CHARS) : 'a card since deleted';
  const yours = yourEvidenceChanges(n.edited);
  const removed = by.self
    ? `You removed the evidence from ${sourceName(item)} on ${which} in another tab or window before ${yours} reached it`
    : `${by.name ?? 'A colleague'} removed the evidence from ${sourceName(item)} on ${which} before ${yours} reached them`;
  return (
    <>
      {removed}, so the board did not keep {n.edited.length === 1 ? 'it' : 'them'}. You had:{' '}
      <EvidenceValues item={item} />.
      <RemovedAgain again={again} />
    </>
  );
}

/**
 * Names the colleagues whose writes were kept where the notice does not: after an offline edit
 * they have usually left the board, or wrote without presence. A colleague on the board as the
 * notice comes names theirs at once (presence). A kept write is named by its Yjs client id as
 * the server bound it (`nameWriter`, GET …/writers): the very write kept, even on a card whose
 * latest 100 events no longer hold it. Else, and for a deletion (Yjs names nobody for one),
 * from the card's history: the field's latest writer; this person's own id when the history
 * names no one else (their other tab, closed since). Answered once per notice (answerWithin):
 * a name, or null for "A colleague" when nothing says within NAME_WAIT_MS. A notice is not
 * shown until then (`waiting`), and its name does not change once shown: it is said once. A
 * name found is kept with the notice (`onNamed`), for the page opened next.
 */
function useHistoryNames(
  notices: readonly LostEditNotice[],
  peers: readonly Peer[],
  nameWriter: (client: number) => Promise<Actor | null>,
  onNamed: (seq: number, who: Actor) => void,
): { names: ReadonlyMap<number, Actor | null>; waiting: (n: LostEditNotice) => boolean } {
  const access = useBoardAccess();
  const [names, setNames] = useState<ReadonlyMap<number, Actor | null>>(() => new Map());
  /** The notices asked about, each with the cancel of its question. */
  const asked = useRef(new Map<number, () => void>());
  useEffect(() => {
    if (!access) return;
    const name = (seq: number, who: Actor | null) => {
      setNames((had) => new Map(had).set(seq, who));
      if (who) onNamed(seq, who);
    };
    // Notices that arrive together (a reconnect) are mostly about one card: one read each.
    const pages = new Map<string, ReturnType<typeof fetchHistory>>();
    const historyOf = (cardId: string) => {
      const page =
        pages.get(cardId) ?? fetchHistory(access.id, access.token, { cardId, limit: 100 });
      pages.set(cardId, page);
      return page;
    };
    for (const n of notices) {
      if (!needsName(n) || names.has(n.seq)) continue;
      const peer = isDeletion(n) ? undefined : peers.find((p) => p.clientId === n.byClient)?.user;
      const pending = asked.current.get(n.seq);
      if (peer) {
        // Presence came before the history answered (a reconnect): it names them now.
        pending?.();
        name(n.seq, peer);
        continue;
      }
      if (pending) continue;
      const fromHistory = () =>
        historyOf(n.cardId).then((page) =>
          'cardDeleted' in n
            ? whoDeleted(page.events, n.cardId, access.inviteId)
            : 'itemRemoved' in n
              ? whoRemoved(page.events, n.cardId, n.evidenceId, access.inviteId)
              : whoWroteLast(page.events, n, access.inviteId),
        );
      const ask = isDeletion(n)
        ? fromHistory()
        : nameWriter(n.byClient).then(
            (who) => who ?? fromHistory(),
            () => fromHistory(),
          );
      asked.current.set(
        n.seq,
        answerWithin(ask, (who) => name(n.seq, who)),
      );
    }
  }, [notices, peers, access, names, nameWriter, onNamed]);
  // Without access the history cannot be read: "A colleague" at once.
  const waiting = (n: LostEditNotice) => access != null && needsName(n) && !names.has(n.seq);
  return { names, waiting };
}

/** Whether a notice names its writer only through presence or the history. */
const needsName = (n: LostEditNotice) => !n.by && n.field !== EDITED_COMMENT; // an edited comment's names no one: only its author deletes a comment

/**
 * Where focus goes when the button pressed in a notice goes with what it did (the notice done
 * with, or "Restore the card" giving way to "Restore mine"): else it falls to the page, and a
 * keyboard or screen-reader user is left nowhere. The same notice's first button while it is
 * there; else the notice that took its place, or the one before it when it was the last; else
 * the card on the board (the one restored: `forCard` waits for it to arrive through sync), or
 * the board's columns when the card is gone. Only while focus is on the page: the person may
 * have gone on elsewhere.
 */
function useFocusAfterNotice(
  shown: readonly LostEditNotice[],
  board: BoardView,
  focusCard: (cardId: string) => void,
) {
  const list = useRef<HTMLUListElement>(null);
  const after = useRef<{
    seq: number;
    cardId: string;
    index: number;
    pressed: HTMLElement;
    forCard: boolean;
  } | null>(null);
  useEffect(() => {
    const was = after.current;
    if (!was || was.pressed.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) {
      after.current = null;
      return;
    }
    const items = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
    const same = items.find((li) => li.dataset.seq === String(was.seq));
    const button = (same ?? items[Math.min(was.index, items.length - 1)])?.querySelector('button');
    if (button) button.focus();
    else if (board.cards[was.cardId]) focusCard(was.cardId);
    else if (was.forCard)
      return; // on its way
    else document.getElementById('main')?.focus();
    after.current = null;
  }, [shown, board, focusCard]);
  const focusAfter = (n: LostEditNotice, pressed: HTMLElement, forCard: boolean) => {
    after.current = {
      seq: n.seq,
      cardId: n.cardId,
      index: shown.findIndex((o) => o.seq === n.seq),
      pressed,
      forCard,
    };
  };
  return { list, focusAfter };
}
