/**
 * This person's card edits that a colleague's concurrent write replaced (client/sync's
 * LostEditWatch): two saves that crossed, or an offline edit that met a colleague's on
 * reconnect. Each says whose change was kept and what this person's was, with "Restore mine"
 * (saves it again, as a new change everyone sees) and "Dismiss". The alert region stays in the
 * page, so that a notice is announced when it appears.
 */
import type { BoardView } from '../../shared/board/view';
import type { LostEditNotice } from '../sync/BoardConnection';
import type { WatchedField } from '../sync/LostEditWatch';
import type { Peer } from '../sync/presence';
import { useBoardActions } from './boardActions';

const FIELD_NAMES: Readonly<Record<WatchedField, string>> = {
  claim: 'the claim',
  speaker: 'the speaker',
  verdict: 'the verdict',
  rationale: 'the rationale',
};

const shown = (value: string | null) => (value ? `“${value}”` : 'nothing');
const CLAIM_CHARS = 100;
const short = (claim: string) =>
  claim.length > CLAIM_CHARS ? `${claim.slice(0, CLAIM_CHARS - 1).trimEnd()}…` : claim;

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
    const ok = actions.run('restore your edit', () =>
      n.field === 'verdict'
        ? actions.commands.setVerdict(n.cardId, n.mine, undefined)
        : actions.commands.editCard(n.cardId, { [n.field]: n.mine }),
    );
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
            const by = n.byName ?? peers.find((p) => p.clientId === n.byClient)?.user.name;
            return (
              <li key={n.seq}>
                <span>
                  {by ?? 'A colleague'} changed {FIELD_NAMES[n.field]} of{' '}
                  {card ? `“${short(card.claim)}”` : 'a card since deleted'} at the same time as
                  you, and {by ? 'that' : 'their'} change was kept: {shown(n.theirs)}. Yours was{' '}
                  {shown(n.mine)}.
                </span>{' '}
                <span className="row lost-edit-actions">
                  {card && (
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
