/**
 * This person's card edits that a colleague's concurrent write replaced (client/sync's
 * LostEditWatch): two saves that crossed, or an offline edit that met a colleague's on
 * reconnect. Each says whose change was kept and what this person's was, with "Restore mine"
 * (saves it again, as a new change everyone sees) and "Dismiss". The alert region stays in the
 * page, so that a notice is announced when it appears.
 */
import { isColumn } from '../../shared/board/schema';
import type { BoardView } from '../../shared/board/view';
import { COLUMN_LABELS } from './columnLabels';
import type { LostEditNotice } from '../sync/BoardConnection';
import type { CardField, EvidenceField } from '../sync/LostEditWatch';
import type { Peer } from '../sync/presence';
import { STANCE_LABELS } from '../review/stanceLabels';
import { clip } from '../ui/clip';
import { useBoardActions } from './boardActions';

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
  return (
    <div role="alert" className={notices.length > 0 ? 'banner lost-edits' : 'alert-slot'}>
      {notices.length > 0 && (
        <ul>
          {notices.map((n) => {
            const card = board.cards[n.cardId];
            // Restorable while the card, and the evidence item if it is one, still exist.
            const there =
              card && (n.evidenceId === null || card.evidence.some((e) => e.id === n.evidenceId));
            const by = n.byName ?? peers.find((p) => p.clientId === n.byClient)?.user.name;
            return (
              <li key={n.seq}>
                <span>
                  {n.field === 'pos' ? (
                    <>
                      {by ?? 'A colleague'} moved{' '}
                      {card ? `“${clip(card.claim, CLAIM_CHARS)}”` : 'a card since deleted'} at the
                      same time as you, and {by ? 'that' : 'their'} move was kept: it is in{' '}
                      {shown(n, n.theirs)}. You had moved it to {shown(n, n.mine)}.
                    </>
                  ) : (
                    <>
                      {by ?? 'A colleague'} changed {FIELD_NAMES[n.field]} of{' '}
                      {n.evidenceId === null ? '' : 'evidence on '}
                      {card ? `“${clip(card.claim, CLAIM_CHARS)}”` : 'a card since deleted'} at the
                      same time as you, and {by ? 'that' : 'their'} change was kept:{' '}
                      {shown(n, n.theirs)}. Yours was {shown(n, n.mine)}.
                    </>
                  )}
                </span>{' '}
                <span className="row lost-edit-actions">
                  {there && (
                    <button type="button" className="button small" onClick={() => restore(n)}>
                      Restore mine
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
