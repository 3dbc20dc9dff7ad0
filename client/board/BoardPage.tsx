/**
 * The board page: header (presence, undo, connection), filters, the three columns with moves
 * by mouse and keyboard, the card detail dialog, and the live region for announcements.
 * Components below get plain data and call commands; Yjs stays inside client/sync/.
 */
import { type Announcements, DndContext, DragOverlay, useSensor, useSensors } from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type BoardView,
  type CardView,
  type ColumnId,
  COLUMNS,
  type SourceSpan,
  verdictFitsCard,
} from '../../shared/board';
import { can, type Role } from '../../shared/roles';
import type { Actor } from '../../shared/board/actor';
import { type KnownBoard, updateKnownBoard } from '../app/knownBoards';
import { DeviceStorageLine } from './DeviceStorageLine';
import {
  expiredSentences,
  revokedClause,
  roleChangedSentence,
  sentenceStart,
} from '../access/accessSentences';
import { CLOSE, INVITE_EXPIRED } from '../../shared/protocol/closeCodes';
import { lostRights } from '../access/lostRights';
import { useExpiry } from '../access/useExpiry';
import { useRevocation } from '../access/useRevocation';
import { cardAddress } from '../app/router';
import { ArticleTools, type PassageRequest } from '../article/ArticleTools';
import { CardDetail } from '../card/CardDetail';
import { useCardAddress } from '../card/useCardAddress';
import { AllSavedContext } from '../history/AllSavedContext';
import { ConnectedContext } from '../history/ConnectedContext';
import { awaitingMeReader } from '../review/threadsAwaitingMe';
import { useBoardMembers } from '../review/useBoardMembers';
import { useMentionNames } from '../review/useMentionNames';
import { useSeenRecorder } from '../review/lastSeen';
import type { ColleagueNotice, FollowedChange } from '../review/colleagueNotice';
import { deleterName } from '../review/deleterName';
import { restoreNoticedCard } from '../review/restoreNoticedCard';
import { useColleagueNotices } from '../review/useColleagueNotices';
import type { BoardConnection } from '../sync/BoardConnection';
import type { LostEditNotice } from '../sync/LostEditNotices';
import { connectionDown, reconnectingForRole } from '../sync/connectionStatus';
import type { Peer } from '../sync/presence';
import { useReducedMotion } from '../ui/useReducedMotion';
import { useBoardSnapshot } from '../sync/useBoardSnapshot';
import { errorMessage } from '../ui/errorMessage';
import { fullStop } from '../ui/fullStop';
import { useOverflows } from '../ui/useOverflows';
import { AddClaimForm } from './AddClaimForm';
import { cardBeside, cardInPlace, type CardStep } from './cardBeside';
import { CardSelection } from './cardSelection';
import { useKeptSelection } from './useKeptSelection';
import { useCardsStayPut } from './useCardsStayPut';
import { usePageScrollsFirst } from './usePageScrollsFirst';
import { CardMouseSensor, CardTouchSensor } from './cardSensors';
import { ClaimEdits } from './claimEdits';
import { dialogPlace, typingAt } from './keptTyping';
import { useKeptTyping, useTypingReopensCard } from './useKeptTyping';
import { DeletedWhileEditing } from './DeletedWhileEditing';
import { RefusedBoard } from './RefusedBoard';
import { ArticleLanguagesContext, articleLanguages } from '../article/articleLanguages';
import { type BoardActions, BoardActionsContext } from './boardActions';
import { ClockWarning } from './ClockWarning';
import { BoardHeader } from './BoardHeader';
import { Column, type RevealRequest } from './Column';
import { DragPreview } from './DragPreview';
import { EMPTY_FILTER, filterColumns, isFilterActive, MISFIT } from './filterCards';
import { FilterBar } from './FilterBar';
import { useBoardFilter } from './useBoardFilter';
import { useCompactCards } from './useCompactCards';
import { useFocusFollowsCard } from './useFocusFollowsCard';
import { useEarlierWorkSaved } from './useEarlierWorkSaved';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { CARD_KEYS_HINT_ID, cardKeysHint } from './keyboardShortcuts';
import { LostEdits } from './LostEdits';
import { useRemovedAgain } from '../review/RemovedAgain';
import { lostWithCard, lostWithCardNotice } from './lostWithCard';
import { pageTitle } from './pageTitle';
import { PrintBoard } from '../print/PrintBoard';
import { shownTitle } from './shownTitle';
import { shownNeighbour } from './shownNeighbour';
import { type RefusedCardAction, ReadOnlyBanner } from './ReadOnlyBanner';
import { SelectionBar } from './SelectionBar';
import { SkipLinks } from './SkipLinks';
import { SpeakerSuggestions } from './SpeakerSuggestions';
import { Toast } from './Toast';
import { useAnnouncer } from '../ui/useAnnouncer';
import { useBoardConnection } from './useBoardConnection';
import { useBoardToast } from './useBoardToast';
import { useMover } from './useMover';
import { useNotSaved } from './useNotSaved';
import { useFocusThroughLostControls } from './useFocusThroughLostControls';
import { pointerThenCorners } from './pointerThenCorners';
import { useUndoRedo } from './useUndoRedo';
import { useUndoShortcuts } from './useUndoShortcuts';
import { useUnsavedPrompt } from './useUnsavedPrompt';

/**
 * One object for every render: dnd-kit remakes its sensors, and from them every card's drag
 * listeners, whenever the options object is new. With a new object each render, every card on
 * screen rendered again at each change of the board page (its connection status, a colleague's
 * presence), several times in the seconds after a first visit's board is painted.
 *
 * A mouse drags after 6 px. A finger drags only after a still press of 250 ms: a swipe over a
 * card scrolls the board (one pointer sensor for both took a phone's swipe between columns
 * for a drag, and dropped the card in Disputed), and moving more than 5 px before the press
 * is long enough gives the gesture back to the browser. Neither from a card's controls, but
 * its grip (cardSensors): a slow tap on one is a tap, a click whose hand moved a click.
 */
const MOUSE = { activationConstraint: { distance: 6 } };
const TOUCH = { activationConstraint: { delay: 250, tolerance: 5 } };

// Our own live region announces moves; dnd-kit's would say them twice.
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

const NO_NOTICES: readonly LostEditNotice[] = [];

/** A new board's Unverified column: where its cards will come from. */
const emptyBoardText = (canEdit: boolean) =>
  canEdit
    ? 'No cards yet. Import an article (Import article, at the top) and its checkable claims become cards here, or type a claim in New claim above.'
    : 'No cards yet. Editors add them by importing an article or typing a claim.';

export function BoardPage({ known, name }: { known: KnownBoard; name: string }) {
  const connection = useBoardConnection(known, name);
  if (!connection) return <p className="loading">Opening board…</p>;
  return <Board connection={connection} known={known} />;
}

function Board({ connection, known }: { connection: BoardConnection; known: KnownBoard }) {
  const snapshot = useBoardSnapshot(connection);
  const { board } = snapshot;
  // Once the server has refused this connection (invite revoked, board gone), nothing made
  // here can be saved any more: the page turns read-only rather than take work it will lose.
  // So does a connection whose device copy was refused, while the board reopens (it would be
  // lost with that copy), though the person's role and invite are untouched.
  const refused = snapshot.status.kind === 'refused';
  const reopening = snapshot.status.kind === 'reopening';
  const role: Role = refused || reopening ? 'viewer' : known.role;
  const canEdit = can(role, 'editBoard');
  const { kind: statusKind, code: statusCode } = snapshot.status;
  // Revoked, the page names the lead who did it and when, once the server says (4401 "revoked").
  const revocation = useRevocation(
    known.id,
    known.token,
    refused && statusCode === CLOSE.unauthorized && connection.refusedReason === 'revoked',
  );
  // Expired, the page says when and which lead to ask to extend it (4401 "invite expired").
  const expiry = useExpiry(
    known.id,
    known.token,
    refused && statusCode === CLOSE.unauthorized && connection.refusedReason === INVITE_EXPIRED,
  );
  const rightsGone = useMemo(
    () => lostRights({ kind: statusKind, code: statusCode }, connection.refusedReason, revocation),
    [statusKind, statusCode, connection, revocation],
  );
  const me = useMemo(
    () => ({ ...connection.actor, colour: snapshot.myColour }),
    [connection, snapshot.myColour],
  );

  const [openId, setOpenId] = useState<string | null>(null);
  // Closing a card's dialog gives focus back to what opened it when that was not the card
  // itself (an entry of the Activity feed, a link in the article view), so the reader keeps
  // their place there; otherwise, and when the opener is gone (a notice), to the card.
  const opener = useRef<HTMLElement | null>(null);
  const openCard = useCallback((cardId: string) => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setOpenId(cardId);
  }, []);
  // A card's passage asked for from its dialog: the Article view opens on it (ArticleTools).
  const [passage, setPassage] = useState<PassageRequest | null>(null);
  const passageSeq = useRef(0);
  const showPassage = useCallback((source: SourceSpan, cardId: string) => {
    opener.current = null;
    setOpenId(null);
    setPassage({ ...source, cardId, seq: ++passageSeq.current });
  }, []);
  const members = useBoardMembers(known, snapshot.invitesChanged);
  const mentions = useMentionNames(
    board,
    connection.actor.name,
    snapshot.peers,
    known,
    members,
    connection.changedCards,
  );
  const awaitingMe = useMemo(
    () => awaitingMeReader(connection.actor.id, mentions),
    [connection, mentions],
  );
  const forMe = useCallback(
    (card: CardView) => card.assignee?.id === connection.actor.id || awaitingMe(card).length > 0,
    [connection, awaitingMe],
  );
  const languages = useMemo(() => articleLanguages(board.articles), [board.articles]);
  const { filter, setFilter, shownFilter, visible, options } = useBoardFilter(
    board,
    connection.changedCards,
    forMe,
  );
  const [compact, setCompact] = useCompactCards();
  const reducedMotion = useReducedMotion();
  const { announce, region } = useAnnouncer();
  const [revealRequest, setRevealRequest] = useState<RevealRequest | null>(null);
  const seq = useRef(0);
  const reveal = useCallback(
    (cardId: string, focus: boolean) => setRevealRequest({ cardId, focus, seq: ++seq.current }),
    [],
  );
  /** Set below by useFocusFollowsCard; read in effects and handlers, after this render. */
  const cardInFocus = useRef<(cardId: string) => boolean>(() => false);
  const inFocus = useCallback((cardId: string) => cardInFocus.current(cardId), []);
  const mover = useMover({
    connection,
    board,
    visible,
    announce,
    reveal,
    inFocus,
    canMove: canEdit,
  });
  const { toast, show, tell, dismiss: dismissToast, said } = useBoardToast(announce, openId);

  useEffect(() => connection.setOpenCard(openId), [connection, openId]);
  // "Your boards" lists the board opened last first (QA50c: it went by when each was added,
  // so a lead's board of the day sank under every board joined since).
  useEffect(() => updateKnownBoard(known.id, { lastOpenedAt: Date.now() }), [known.id]);
  useEffect(() => {
    if (board.meta.title) updateKnownBoard(known.id, { title: board.meta.title });
  }, [board.meta.title, known.id]);
  const title = shownTitle(snapshot.loaded, board.meta.title, known.title);
  useEffect(() => {
    document.title = pageTitle(title ?? '');
  }, [title]);
  // Refused, the page can store nothing more by staying open: what the server refused is kept
  // under "Not saved", through a reload or a new invite, which asked about it for nothing.
  // Without a copy on the device, "← Boards" asks about them too (mayLeaveBoard).
  useUnsavedPrompt(
    snapshot.unsaved && !refused && !reopening,
    snapshot.keepsCopy ? 'changes' : 'changes kept only here',
  );
  const claimEdits = useMemo(() => new ClaimEdits(), []);
  const selection = useMemo(() => new CardSelection(), []);
  // A selection is for those who may change cards; cards deleted, by anyone, leave it.
  useEffect(() => {
    if (!canEdit) selection.clear();
    else selection.keepOnly((id) => board.cards[id] !== undefined);
  }, [board, canEdit, selection]);
  useKeptSelection(selection, known.id, board, snapshot.loaded, canEdit);
  // An editor's gesture on a card (a click or a key to select, move or edit) by one who may
  // not: said once why, politely (ReadOnlyBanner), and again only after a spell with a role
  // that may, another gesture refused, or another notice said (`said`) in between. Pressed
  // three times, a key interrupted three times (found in review).
  const [refusal, setRefusal] = useState<{ what: RefusedCardAction; said: number } | null>(null);
  if (canEdit && refusal) setRefusal(null);
  const saidNow = useRef(said);
  saidNow.current = said;
  const refuseCardAction = useCallback((what: RefusedCardAction) => {
    const now = saidNow.current;
    setRefusal((before) =>
      before?.what === what && before.said === now ? before : { what, said: now },
    );
  }, []);
  const refusedNow = refusal && refusal.said === said ? refusal.what : null;
  useUnsavedPrompt(claimEdits.unsaved);
  const keptTyping = useKeptTyping(known, claimEdits, snapshot.loaded, tell);

  useEarlierWorkSaved(snapshot, tell);
  // Read through a ref: undo and redo, and the board actions that offer them, stay the same
  // functions while the person types in the search (new actions re-rendered every card).
  const shownFilterNow = useRef(shownFilter);
  shownFilterNow.current = shownFilter;
  const shownColumns = useCallback(
    (b: BoardView) => filterColumns(b, shownFilterNow.current, forMe),
    [forMe],
  );
  const { undo, redo } = useUndoRedo({
    connection,
    role,
    // A page refused or reopening says why it may not write; otherwise the role is a viewer's
    // (one made a viewer since hears so: "Lea changed your role to Viewer at 14:02").
    whyNot:
      refused || reopening
        ? rightsGone.why
        : 'as a viewer you can read this board but not change it',
    tell,
    shownColumns,
  });
  useUndoShortcuts(undo, redo);

  // A lead changed this person's role while the page was open (or before it opened, since the
  // token was issued): the controls have followed it; say so, on screen and to screen readers,
  // once the board is open with it, so after what the page said of the switch ("Reopening the
  // board with your current role…" when the server refused this device's copy).
  const shownRole = useRef(connection.role);
  useEffect(() => {
    if (shownRole.current === connection.role) return;
    shownRole.current = connection.role;
    // Named by the lead who gave it when the server said so along with this role.
    tell(
      roleChangedSentence(
        connection.role,
        known.role === connection.role ? known.roleChange : undefined,
        known.inviteId,
      ),
    );
  }, [connection.role, known.role, known.roleChange, known.inviteId, tell]);

  const notify = useCallback(
    (text: string, undoable: boolean) => {
      show(
        { text, action: undoable ? { label: 'Undo', run: undo, shortcut: 'Control+Z' } : null },
        // "Card deleted: X…" ends in the claim, cut short: no full stop after its ellipsis.
        undoable ? `${fullStop(text)} Press Control+Z to undo.` : text,
      );
    },
    [show, undo],
  );
  const onColleagueNotice = useCallback(
    (notice: ColleagueNotice) => {
      // A deleted card cannot be opened: those who may restore it are offered that instead.
      // Cards whose verdict no longer fits are shown by that filter alone: another one kept
      // could hide them.
      const restore = (cardId: string) => () => void restoreNoticedCard(known, cardId).then(tell);
      const action =
        notice.kind === 'one'
          ? { label: 'Open card', run: () => openCard(notice.cardId) }
          : notice.kind === 'many'
            ? { label: 'Show them', run: () => setFilter((f) => ({ ...f, forMe: true })) }
            : notice.kind === 'misfits'
              ? { label: 'Show them', run: () => setFilter({ ...EMPTY_FILTER, verdict: MISFIT }) }
              : notice.cardId && canEdit
                ? { label: 'Restore card', run: restore(notice.cardId) }
                : null;
      show({
        text: notice.text,
        action,
        ...(notice.kind === 'one' ? { cardId: notice.cardId } : {}),
      });
    },
    [show, openCard, setFilter, known, tell, canEdit],
  );
  const noticeReader = useMemo(
    () => ({
      meId: connection.actor.id,
      awaitingMe,
      // The open card's dialog tells its news itself; focus following a moved card says who
      // moved it, and focus moving on from a deleted one says it was deleted
      // (useFocusFollowsCard).
      following: (cardId: string, change: FollowedChange) =>
        cardId === openId || (change !== 'other' && cardInFocus.current(cardId)),
      canRestore: canEdit,
    }),
    [connection, awaitingMe, openId, canEdit],
  );
  // Notices start from the board as the server first gives it. This browser's copy may be old
  // or empty (a new device), and what the server's copy adds to it came while this person was
  // away: told from the history, which dates it and names who did it, not as news.
  const kind = snapshot.status.kind;
  const [serverSynced, setServerSynced] = useState(false);
  if (!serverSynced && (kind === 'saved' || kind === 'saving')) setServerSynced(true);
  // A role change's reconnection (4205) is no lost connection: the history does not say it
  // waits for one, nor holds back its reads (found in review: "Activity will update when the
  // connection is back." flashed at each role change).
  const connected = !connectionDown(snapshot.status.kind) || reconnectingForRole(snapshot.status);
  useColleagueNotices(
    known,
    board,
    serverSynced,
    noticeReader,
    onColleagueNotice,
    connection.lastChangeWasOwn,
    !snapshot.unsaved,
    connection.changedCards,
  );
  useCardAddress({
    boardId: known.id,
    board,
    loaded: snapshot.loaded,
    serverSynced,
    openId,
    openCard,
    tell,
  });
  useSeenRecorder(known.id);
  useTypingReopensCard({
    keptTyping,
    board,
    loaded: snapshot.loaded,
    serverSynced,
    openId,
    openCard,
  });

  const run = useCallback(
    (what: string, fn: () => void) => {
      try {
        fn();
        return true;
      } catch (err) {
        notify(`Could not ${what}: ${errorMessage(err)}`, false);
        return false;
      }
    },
    [notify],
  );
  const dismissLostEdit = useCallback(
    (seq: number) => connection.dismissLostEdit(seq),
    [connection],
  );
  const nameLostEdit = useCallback(
    (seq: number, who: Actor) => connection.nameLostEdit(seq, who),
    [connection],
  );
  // Said the same way under the header and in the open card's evidence.
  const removedAgain = useRemovedAgain(snapshot.lostEdits, board);
  // The open card deleted with this person's work in it: its dialog points to the notices.
  const lostWithOpen =
    openId !== null && !board.cards[openId] ? lostWithCard(snapshot.lostEdits, openId).length : 0;
  // Where the open card is on the board: deleted while open, its dialog closes onto the card
  // that took its place, as focus on a deleted card moves on (useFocusFollowsCard).
  const openPlace = useRef<{ column: ColumnId; index: number } | null>(null);
  const openNow = openId === null ? undefined : board.cards[openId];
  if (openNow) {
    openPlace.current = {
      column: openNow.column,
      index: mover.shown[openNow.column].indexOf(openNow.id),
    };
  }
  const closeDetail = useCallback(() => {
    const id = openId;
    const from = opener.current;
    opener.current = null;
    setOpenId(null);
    // After the dialog has gone: while a modal dialog is open the page behind it is inert.
    // Focus goes where the dialog of a deleted card pointed: the notices of the work lost.
    if (id && lostWithOpen > 0) focusWhenRendered(() => lostWithCardNotice(id));
    else if (from?.isConnected && !from.closest('li[data-card-id]')) focusWhenRendered(() => from);
    else if (id && !board.cards[id] && openPlace.current) {
      const { column, index } = openPlace.current;
      const next = cardInPlace(mover.shown, column, index);
      // No card left on the board: its columns.
      if (next) reveal(next, true);
      else focusWhenRendered(() => document.getElementById('main'));
    } else if (id) reveal(id, true);
  }, [openId, reveal, lostWithOpen, board, mover.shown]);

  // Read through a ref: the actions stay one object while the board changes.
  const shown = useRef(mover.shown);
  shown.current = mover.shown;
  // A card whose claim is being edited in place is only scrolled to: its editor takes focus
  // itself when its row is drawn, and focus on the row would end the edit (the editor saves on
  // blur), saving what was half typed.
  const focusCard = useCallback(
    (cardId: string) => reveal(cardId, claimEdits.get(cardId) === undefined),
    [reveal, claimEdits],
  );
  const focusedDeleter = useCallback(
    (card: CardView) => deleterName(known, card, connection.actor.id),
    [known, connection],
  );
  // Its effect runs after useColleagueNotices's, which asks whether the moved card has focus.
  cardInFocus.current = useFocusFollowsCard({
    board,
    shown: mover.shown,
    reveal: revealRequest,
    focusCard,
    announce,
    lastChangeOwn: connection.lastChangeWasOwn,
    deleterName: focusedDeleter,
    meId: connection.actor.id,
  });
  // A card asked for that the board does not show: the filter leaves it out (the person's own
  // change took it out: a verdict saved under "No verdict", a claim edited away from the search,
  // a card released under "For me"), or it is gone. Focus would fall to the page; it goes to the
  // card that takes its place in the column, else to "Clear filters", and the request is
  // dropped, so that it does not take focus from wherever the person is when the card shows
  // again. Only new requests: a card filtered out later is not looked for.
  const clearFiltersRef = useRef<HTMLButtonElement>(null);
  const checkedReveal = useRef<number | null>(null);
  useEffect(() => {
    const request = revealRequest;
    if (!request || checkedReveal.current === request.seq) return;
    checkedReveal.current = request.seq;
    if (COLUMNS.some((c) => shown.current[c].includes(request.cardId))) return;
    setRevealRequest(null);
    if (!request.focus) return;
    if (board.cards[request.cardId]) announce('The card no longer matches the filter.');
    const next = shownNeighbour(board, shown.current, request.cardId);
    if (next) reveal(next, true);
    else focusWhenRendered(() => clearFiltersRef.current);
  }, [revealRequest, board, announce, reveal]);
  const onBoard = useCallback((cardId: string) => board.cards[cardId] !== undefined, [board]);
  useFocusThroughLostControls(canEdit, onBoard, focusCard);
  const besideCard = useCallback(
    (cardId: string, step: CardStep) => cardBeside(shown.current, cardId, step),
    [],
  );
  const actions = useMemo<BoardActions>(
    () => ({
      commands: connection.commands,
      canEdit,
      canComment: can(role, 'comment'),
      canRedactComments: can(role, 'redactComments'),
      lostRights: rightsGone,
      claimEdits,
      keptTyping,
      selection,
      openCard,
      showPassage,
      pickUp: mover.pickUpWithKeyboard,
      focusCard,
      cardBeside: besideCard,
      shownCards: (column) => shown.current[column],
      shownIn: (column) => shown.current[column].length,
      announce,
      run,
      notify,
      refuseCardAction,
      lastChangeOwn: connection.lastChangeWasOwn,
    }),
    [
      connection,
      canEdit,
      role,
      rightsGone,
      claimEdits,
      keptTyping,
      selection,
      openCard,
      showPassage,
      mover.pickUpWithKeyboard,
      focusCard,
      besideCard,
      announce,
      run,
      notify,
      refuseCardAction,
    ],
  );

  const peersByCard = useMemo(() => {
    const map = new Map<string, Peer[]>();
    for (const p of snapshot.peers) {
      const cardId = p.carrying ?? p.openCard;
      if (!cardId) continue;
      const list = map.get(cardId);
      if (list) list.push(p);
      else map.set(cardId, [p]);
    }
    return map;
  }, [snapshot.peers]);

  // One element while its props stay: Unverified is memoised (Column), and a new child each
  // render would render it again at every key typed in the search.
  const addClaimForm = useMemo(
    () => <AddClaimForm canAdd={canEdit} onAdded={(id) => reveal(id, false)} />,
    [canEdit, reveal],
  );
  const sensors = useSensors(useSensor(CardMouseSensor, MOUSE), useSensor(CardTouchSensor, TOUCH));
  const held = mover.preview ? board.cards[mover.preview.cardId] : undefined;
  const boardEmpty = COLUMNS.every((c) => board.columns[c].length === 0);
  const shownCount = COLUMNS.reduce((n, c) => n + visible[c].length, 0);
  // Cards are the columns' tab stops, and New claim is an editor's. With neither (a reviewer
  // or a viewer on an empty board, or with every card filtered out), the columns themselves
  // are the stop while they scroll sideways (a phone, 400 % zoom), for the arrow keys to
  // bring the other columns into view; otherwise only a skip link focuses them.
  const columnsRef = useRef<HTMLElement>(null);
  const columnsScroll = useOverflows(columnsRef, snapshot.loaded, 'x');
  useCardsStayPut(columnsRef, snapshot.loaded);
  usePageScrollsFirst(columnsRef, snapshot.loaded);
  const columnsTabStop = columnsScroll && !canEdit && shownCount === 0;
  const { notSaved, notSavedCards } = useNotSaved({
    connection,
    snapshot,
    role,
    refused,
    reopening,
    shown: mover.shown,
    run,
    announce,
    reveal,
  });

  // Refused before the server ever gave this connection the board (a reload after a
  // revocation, or an invite revoked while the board reopened afresh): there is no board to
  // show read-only, only the reason.
  if (refused && !board.meta.title) {
    return (
      <RefusedBoard
        code={snapshot.status.code}
        reason={connection.refusedReason}
        revocation={revocation}
        expiry={expiry}
      >
        {notSaved}
      </RefusedBoard>
    );
  }

  return (
    <BoardActionsContext.Provider value={actions}>
      <ArticleLanguagesContext.Provider value={languages}>
        <AllSavedContext.Provider value={!snapshot.unsaved}>
          <ConnectedContext.Provider value={connected}>
            <div className={`board-page${compact ? ' compact' : ''}`}>
              <SkipLinks />
              <BoardHeader
                title={title}
                role={role}
                invitedAs={known.role}
                me={me}
                snapshot={snapshot}
                refusedReason={connection.refusedReason}
                onUndo={undo}
                onRedo={redo}
                onLeave={keptTyping.clear}
                refusedWhy={revocation && sentenceStart(revokedClause(revocation))}
                notices={
                  <>
                    {refused && (
                      <p className="banner banner-error" role="alert">
                        {expiry ? (
                          `${expiredSentences(expiry)} Until then nothing changed here can be saved: the board is read-only on this page.`
                        ) : (
                          <>
                            {revocation
                              ? sentenceStart(revokedClause(revocation))
                              : 'The server refused this connection'}
                            , so nothing changed here can be saved: the board is read-only on this
                            page. Ask the board&rsquo;s lead for a new invite link.
                          </>
                        )}
                      </p>
                    )}
                    {known.role !== 'viewer' && <ClockWarning />}
                    <DeviceStorageLine boardId={known.id} keepsCopy={snapshot.keepsCopy} />
                    {notSaved}
                    <LostEdits
                      // Those kept from before a reload name their cards once the board is read.
                      notices={snapshot.loaded ? snapshot.lostEdits : NO_NOTICES}
                      board={board}
                      peers={snapshot.peers}
                      writerOf={connection.writerOf}
                      removedAgain={removedAgain}
                      openCardId={openId !== null && board.cards[openId] ? openId : null}
                      onDismiss={dismissLostEdit}
                      onNamed={nameLostEdit}
                    />
                    <DeletedWhileEditing board={board} edits={claimEdits} canRestore={canEdit} />
                    {!can(known.role, 'editBoard') && !refused && (
                      <ReadOnlyBanner role={known.role} refused={refusedNow} />
                    )}
                  </>
                }
              >
                <ArticleTools
                  board={board}
                  boardId={known.id}
                  token={known.token}
                  role={role}
                  passage={passage}
                />
              </BoardHeader>
              <FilterBar
                board={board}
                options={options}
                filter={filter}
                onChange={setFilter}
                shown={shownCount}
                shownFiltered={isFilterActive(shownFilter)}
                forMe={forMe}
                changedCards={connection.changedCards}
                compact={compact}
                onCompactChange={setCompact}
                clearRef={clearFiltersRef}
              />
              {canEdit && (
                <SelectionBar
                  board={board}
                  shown={mover.shown}
                  members={members}
                  me={connection.actor}
                />
              )}
              <SpeakerSuggestions speakers={options.speakers} />
              {/* Every card's description (aria-describedby): hidden, read only through the cards. */}
              <p id={CARD_KEYS_HINT_ID} hidden>
                {cardKeysHint(canEdit)}
              </p>
              <main
                ref={columnsRef}
                className="columns"
                id="main"
                tabIndex={columnsTabStop ? 0 : -1}
                aria-busy={!snapshot.loaded}
              >
                {!snapshot.loaded ? (
                  <p className="loading">Loading board…</p>
                ) : (
                  <DndContext
                    sensors={sensors}
                    collisionDetection={pointerThenCorners}
                    accessibility={{
                      announcements: SILENT,
                      screenReaderInstructions: { draggable: '' },
                    }}
                    onDragStart={mover.onDragStart}
                    onDragOver={mover.onDragOver}
                    onDragEnd={mover.onDragEnd}
                    onDragCancel={mover.onDragCancel}
                  >
                    {COLUMNS.map((column) => (
                      <Column
                        key={column}
                        column={column}
                        ids={mover.shown[column]}
                        total={board.columns[column].length}
                        filtered={isFilterActive(shownFilter)}
                        cards={board.cards}
                        ratingScale={board.meta.ratingScale}
                        peersByCard={peersByCard}
                        awaitingMe={awaitingMe}
                        notSaved={notSavedCards}
                        heldId={mover.preview?.cardId ?? null}
                        reveal={revealRequest}
                        compact={compact}
                        emptyText={
                          column === 'unverified' && boardEmpty
                            ? emptyBoardText(canEdit)
                            : undefined
                        }
                      >
                        {column === 'unverified' && addClaimForm}
                      </Column>
                    ))}
                    {/* No drop animation for someone who asked for less motion (dnd-kit's
                        default glides the card 250 ms into place). */}
                    <DragOverlay dropAnimation={reducedMotion ? null : undefined}>
                      {mover.preview?.by === 'pointer' && held ? (
                        <DragPreview
                          card={held}
                          misfit={verdictFitsCard(board.meta.ratingScale, held) === false}
                        />
                      ) : null}
                    </DragOverlay>
                  </DndContext>
                )}
              </main>
              {openId && (
                <CardDetail
                  key={openId}
                  typing={typingAt(keptTyping, dialogPlace(openId))}
                  card={board.cards[openId] ?? null}
                  board={board}
                  me={connection.actor}
                  members={members}
                  mentions={mentions}
                  actions={actions}
                  peers={snapshot.peers}
                  lostEdits={snapshot.lostEdits}
                  removedAgain={removedAgain}
                  lostWithIt={lostWithOpen}
                  onDismissLostEdit={dismissLostEdit}
                  deleterName={focusedDeleter}
                  address={cardAddress(known.id, openId)}
                  onClose={closeDetail}
                />
              )}
              <Toast toast={toast} onDismiss={dismissToast} announce={announce} />
              {region}
              <PrintBoard
                title={title ?? ''}
                board={board}
                shown={mover.shown}
                filtered={isFilterActive(shownFilter)}
              />
            </div>
          </ConnectedContext.Provider>
        </AllSavedContext.Provider>
      </ArticleLanguagesContext.Provider>
    </BoardActionsContext.Provider>
  );
}
