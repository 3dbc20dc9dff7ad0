import type { ReactNode } from 'react';
import type { CardView } from '../../shared/board';
import { describeBalance, evidenceBalance } from '../review/evidenceBalance';
import { plural } from '../ui/plural';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';

/**
 * What a card says about itself under its claim: speaker, verdict, counts, who checks it, and
 * how many of its comment threads wait for the local user's answer to a mention. A verdict that
 * is not a label of the card's column (`misfit`: a colleague's verdict and a move crossed, or a
 * lead removed the label) says so in words, in the card's name too, so nobody reads "False" in
 * Corroborated as a finished check; the card's dialog asks to pick the verdict again.
 * `notSaved`: the card's NotSavedMark, on a page that shows changes the server refused.
 */
export function CardSummary({
  id,
  card,
  awaitingMe,
  misfit,
  notSaved,
}: {
  id: string;
  card: CardView;
  awaitingMe: number;
  misfit: boolean;
  notSaved?: ReactNode;
}) {
  const comments = card.comments.filter((c) => c.deletedAt === null).length;
  // A misfit verdict is not in the column's colour: green "False" in Corroborated would say
  // the check is done.
  const tone = card.verdict && !misfit ? `verdict-${card.column}` : 'verdict-none';
  return (
    <div className="card-summary" id={id}>
      {card.speaker && (
        <p className="speaker">
          <span className="visually-hidden">Speaker: </span>
          {card.speaker}
        </p>
      )}
      <p className="chips">
        {notSaved}
        <span className={`verdict ${tone}`}>
          <span className="visually-hidden">Verdict: </span>
          {card.verdict ?? 'No verdict'}
        </span>
        {misfit && (
          <span className="count-chip verdict-misfit">
            <span aria-hidden="true">⚠ </span>Not a label for {COLUMN_LABELS[card.column]}
          </span>
        )}
        <span className="count-chip">
          <span className="visually-hidden">Evidence: </span>
          {describeBalance(evidenceBalance(card.evidence))}
        </span>
        <span className="count-chip">{plural(comments, 'comment', 'comments')}</span>
        {awaitingMe > 0 && (
          <span className="count-chip mention-chip">
            {awaitingMe === 1 ? 'Mentions you' : `${awaitingMe} threads mention you`}
          </span>
        )}
        {card.assignee && (
          <span className="count-chip assignee">Being checked by {card.assignee.name}</span>
        )}
      </p>
    </div>
  );
}
