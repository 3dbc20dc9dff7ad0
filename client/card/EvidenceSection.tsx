import type { CardView } from '../../shared/board';

const STANCE: Record<string, string> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};

/** The card's evidence, read-only (the review UI of issue 4 adds editing). */
export function EvidenceSection({ card }: { card: CardView }) {
  return (
    <section aria-labelledby="detail-evidence">
      <h3 id="detail-evidence">Evidence ({card.evidence.length})</h3>
      {card.evidence.length === 0 ? (
        <p className="muted">No evidence yet.</p>
      ) : (
        <ul className="evidence-list">
          {card.evidence.map((e) => (
            <li key={e.id}>
              <span className={`stance stance-${e.stance}`}>{STANCE[e.stance] ?? e.stance}</span>{' '}
              {/^https?:\/\//i.test(e.url) ? (
                <a href={e.url} target="_blank" rel="noreferrer noopener">
                  {e.url}
                </a>
              ) : (
                e.url
              )}
              {e.quote && <blockquote>{e.quote}</blockquote>}
              {e.note && <p>{e.note}</p>}
              <p className="muted small">Added by {e.addedBy.name}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
