/**
 * This person's card edits that a colleague's concurrent write replaced (client/sync's
 * LostEditWatch): two saves that crossed, or an offline edit that met a colleague's on
 * reconnect. Each says whose change was kept and what this person's was, with "Restore mine"
 * (saves it again, as a new change everyone sees) and "Dismiss". The alert region stays in the
 * page, so that a notice is announced when it appears.
 */
import { useEffect, useRef, useState } from 'react';
import { isColumn } from '../../shared/board/schema';
import type { BoardView, CardView } from '../../shared/board/view';
import { COLUMN_LABELS } from './columnLabels';
import type { LostEditNotice } from '../sync/BoardConnection';
import type { DeletedWithCard, LostEdit } from '../sync/LostEditWatch';
import type { CardField, EvidenceField } from '../sync/LostEditWatch';
import type { Peer } from '../sync/presence';
import { STANCE_LABELS } from '../review/stanceLabels';
import { clip } from '../ui/clip';
import { fetchHistory } from '../history/fetchHistory';
import { restoreCard, restoreRefusal } from '../history/restoreCard';
import { useBoardAccess } from '../review/useBoardAccess';
import { useBoardActions } from './boardActions';
import { whoDeleted, whoWroteLast } from './whoWroteLast';

const FIELD_NAMES: Readonly<Record<CardField | EvidenceField, string>> = {
  claim: 'the claim',
  speaker: 'the speaker',
  verdict: 'the verdict',
  rationale: 'the rationale',
  pos: 'the column',
  url: 'the source URL',
  quote: 'the quoted passage',
  stance: 'the stance',
  note: 'the note',
};

/** A value as the notice quotes it: a stance or a column by its label, nothing as "nothing". */
function shown(n: LostEditNotice, value: string | null): string {
  if (!value) return 'nothing';
  if (n.field === 'pos') return isColumn(value) ? COLUMN_LABELS[value] : 'another column';
  const label = n.field === 'stance' ? STANCE_LABELS[value as keyof typeof STANCE_LABELS] : null;
  return `“${label ?? value}”`;
}
const CLAIM_CHARS = 100;

export function LostEdits({
  notices,
  board,
  peers,
  onDismiss,
}: {
  notices: readonly LostEditNotice[];
  board: BoardView;
  /** To name a colleague whose presence arrived after their write (as on a reconnect). */
  peers: readonly Peer[];
  onDismiss: (seq: number) => void;
}) {
  const actions = useBoardActions();
  const access = useBoardAccess();
  const historyNames = useHistoryNames(notices, peers);
  const restore = (n: LostEditNotice) => {
    const ok = actions.run('restore your edit', () => {
      if (n.evidenceId !== null) {
        actions.commands.editEvidence(n.cardId, n.evidenceId, { [n.field]: n.mine ?? '' });
      } else if (n.field === 'pos') {
        if (isColumn(n.mine)) {
          actions.commands.moveCard(n.cardId, { column: n.mine, index: Infinity });
        }
      } else if (n.field === 'verdict') {
        actions.commands.setVerdict(n.cardId, n.mine, undefined);
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
    try {
      await restoreCard(access.id, access.token, n.cardId);
      actions.announce('The card is restored. Restore your change to it from the notice.');
    } catch (err) {
      const refusal = restoreRefusal(err);
      if (refusal) actions.announce(refusal);
    }
  };
  return (
    <div role="alert" className={notices.length > 0 ? 'banner lost-edits' : 'alert-slot'}>
      {notices.length > 0 && (
        <ul>
          {notices.map((n) => {
            const card = board.cards[n.cardId];
            // Restorable while the card, and the evidence item if it is one, still exist.
            const there =
              card && (n.evidenceId === null || card.evidence.some((e) => e.id === n.evidenceId));
            const deleted = 'cardDeleted' in n;
            return (
              <li key={n.seq}>
                <span>
                  {deleted ? (
                    <DeletedText notice={n} by={historyNames.get(n.seq)} />
                  ) : (
                    <ReplacedText
                      notice={n}
                      card={card}
                      by={
                        n.byName ??
                        peers.find((p) => p.clientId === n.byClient)?.user.name ??
                        historyNames.get(n.seq)
                      }
                    />
                  )}
                </span>{' '}
                <span className="row lost-edit-actions">
                  {there && (
                    <button type="button" className="button small" onClick={() => restore(n)}>
                      Restore mine
                    </button>
                  )}
                  {deleted && !card && access && (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => void restoreTheCard(n)}
                    >
                      Restore the card
                    </button>
                  )}
                  <button type="button" className="button small" onClick={() => onDismiss(n.seq)}>
                    Dismiss
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** A colleague's concurrent write replaced this person's. */
function ReplacedText({
  notice: n,
  card,
  by,
}: {
  notice: LostEditNotice & LostEdit;
  card: CardView | undefined;
  /** The colleague whose write was kept, if anything names them. */
  by: string | undefined;
}) {
  const which = card ? `“${clip(card.claim, CLAIM_CHARS)}”` : 'a card since deleted';
  return n.field === 'pos' ? (
    <>
      {by ?? 'A colleague'} moved {which} at the same time as you, and {by ? 'that' : 'their'} move
      was kept: it is in {shown(n, n.theirs)}. You had moved it to {shown(n, n.mine)}.
    </>
  ) : (
    <>
      {by ?? 'A colleague'} changed {FIELD_NAMES[n.field]} of{' '}
      {n.evidenceId === null ? '' : 'evidence on '}
      {which} at the same time as you, and {by ? 'that' : 'their'} change was kept:{' '}
      {shown(n, n.theirs)}. Yours was {shown(n, n.mine)}.
    </>
  );
}

/**
 * A colleague deleted the card before they could see this person's change to it (made
 * offline, or crossing the deletion in flight). Yjs names nobody for a deletion: the card's
 * history does, a moment later (useHistoryNames).
 */
function DeletedText({
  notice: n,
  by,
}: {
  notice: LostEditNotice & DeletedWithCard;
  /** Who deleted it, once the card's history has said. */
  by: string | undefined;
}) {
  const which = n.claim ? `“${clip(n.claim, CLAIM_CHARS)}”` : 'a card';
  const yours =
    n.field === 'pos'
      ? `your move of it to ${shown(n, n.mine)}`
      : `your change to ${FIELD_NAMES[n.field]}${n.evidenceId === null ? '' : ' of its evidence'}, ${shown(n, n.mine)},`;
  return (
    <>
      {by ?? 'A colleague'} deleted {which} before {yours} reached them, so the board did not keep
      it.
    </>
  );
}

/**
 * Names, from each card's history, the colleagues whose writes were kept where neither the
 * notice nor presence does: after an offline edit they have usually left the board. One read
 * of the card's latest events per notice.
 */
function useHistoryNames(
  notices: readonly LostEditNotice[],
  peers: readonly Peer[],
): ReadonlyMap<number, string> {
  const access = useBoardAccess();
  const [names, setNames] = useState<ReadonlyMap<number, string>>(() => new Map());
  const asked = useRef(new Set<number>());
  useEffect(() => {
    if (!access) return;
    for (const n of notices) {
      const deleted = 'cardDeleted' in n;
      if (n.byName || asked.current.has(n.seq)) continue;
      if (!deleted && peers.some((p) => p.clientId === n.byClient)) continue;
      asked.current.add(n.seq);
      fetchHistory(access.id, access.token, { cardId: n.cardId, limit: 100 }).then(
        (page) => {
          const name = deleted
            ? whoDeleted(page.events, n.cardId, access.inviteId)
            : whoWroteLast(page.events, n, access.inviteId);
          if (name) setNames((had) => new Map(had).set(n.seq, name));
        },
        () => undefined, // "A colleague" it stays
      );
    }
  }, [notices, peers, access]);
  return names;
}
