import type { CardView } from '../../shared/board';
import { describeBalance, evidenceBalance } from '../review/evidenceBalance';
import { plural } from '../ui/plural';

/**
 * What a card says about itself under its claim: speaker, verdict, counts, who checks it, and
 * how many of its comment threads wait for the local user's answer to a mention.
 */
export function CardSummary({
  id,
  card,
  awaitingMe,
}: {
  id: string;
  card: CardView;
  awaitingMe: number;
}) {
  const comments = card.comments.filter((c) => c.deletedAt === null).length;
  return (
    <div className="card-summary" id={id}>
      {card.speaker && (
        <p className="speaker">
          <span className="visually-hidden">Speaker: </span>
          {card.speaker}
        </p>
      )}
      <p className="chips">
        <span className={`verdict ${card.verdict ? `verdict-${card.column}` : 'verdict-none'}`}>
          <span className="visually-hidden">Verdict: </span>
          {card.verdict ?? 'No verdict'}
        </span>
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
