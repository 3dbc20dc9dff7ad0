import type { CardView } from '../../shared/board';

/** The card's comments as text, read-only (the review UI of issue 4 adds threads). */
export function CommentsSection({ card }: { card: CardView }) {
  const comments = card.comments.filter((c) => c.deletedAt === null);
  return (
    <section aria-labelledby="detail-comments">
      <h3 id="detail-comments">Comments ({comments.length})</h3>
      {comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ul className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className={c.parentId ? 'reply' : undefined}>
              <p className="muted small">
                {c.author.name}
                {c.resolved ? ' · resolved' : ''}
              </p>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
