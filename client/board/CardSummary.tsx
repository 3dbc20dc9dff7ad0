import type { CardView } from '../../shared/board';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a card says about itself under its claim: speaker, verdict, counts, who checks it. */
export function CardSummary({ id, card }: { id: string; card: CardView }) {
  const comments = card.comments.filter((c) => c.deletedAt === null).length;
  const supports = card.evidence.filter((e) => e.stance === 'supports').length;
  const refutes = card.evidence.filter((e) => e.stance === 'refutes').length;
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
        <span className="count-chip" title={`${supports} supporting, ${refutes} refuting`}>
          {plural(card.evidence.length, 'evidence item', 'evidence items')}
        </span>
        <span className="count-chip">{plural(comments, 'comment', 'comments')}</span>
        {card.assignee && (
          <span className="count-chip assignee">Checked by {card.assignee.name}</span>
        )}
      </p>
    </div>
  );
}
