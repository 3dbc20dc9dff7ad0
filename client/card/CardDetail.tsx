/**
 * The card detail dialog: claim, source passage, speaker, verdict and the rest of a card.
 *
 * Extension point for the review workflow (issue 4): evidence, comments and history are the
 * sections at the end (`EvidenceSection`, `CommentsSection`); they are read-only here, and the
 * review UI replaces them with editable ones in client/review/ without touching the rest.
 */
import { useEffect, useRef } from 'react';
import type { Actor, BoardView, CardView } from '../../shared/board';
import { labelsFor } from '../../shared/board/ratingScale';
import { ClaimSignals } from '../article/ClaimSignals';
import { COLUMN_LABELS } from '../board/columnLabels';
import type { BoardActions } from '../board/boardActions';
import { CommentsSection } from './CommentsSection';
import { EvidenceSection } from './EvidenceSection';
import { SpeakerField } from './SpeakerField';

const when = (ms: number) => (ms > 0 ? new Date(ms).toLocaleString() : 'unknown time');

export function CardDetail({
  card,
  board,
  me,
  actions,
  onClose,
}: {
  card: CardView | null;
  board: BoardView;
  me: Actor;
  actions: BoardActions;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const article = card?.source
    ? board.articles.find((a) => a.id === card.source?.articleId)
    : undefined;
  const edit = actions.canEdit;

  return (
    <dialog
      ref={ref}
      className="card-detail"
      aria-labelledby="card-detail-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id="card-detail-title">{card ? card.claim : 'Card deleted'}</h2>
        <button type="button" className="button small" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      {!card ? (
        <p>A colleague deleted this card while you had it open.</p>
      ) : (
        <div className="dialog-body">
          {card.source && (
            <section aria-labelledby="detail-source">
              <h3 id="detail-source">Source</h3>
              <blockquote className="source-sentence">{card.source.sentence}</blockquote>
              {article && (
                <p className="muted">
                  From{' '}
                  {article.url && /^https?:\/\//i.test(article.url) ? (
                    <a href={article.url} target="_blank" rel="noreferrer noopener">
                      {article.title || article.url}
                    </a>
                  ) : (
                    article.title || 'an imported article'
                  )}
                </p>
              )}
            </section>
          )}
          <ClaimSignals card={card} board={board} />
          <dl className="facts">
            <dt>Column</dt>
            <dd>{COLUMN_LABELS[card.column]}</dd>
            <dt>Speaker</dt>
            <dd>
              {edit ? (
                <SpeakerField
                  value={card.speaker}
                  onSave={(speaker) =>
                    actions.run('change the speaker', () =>
                      actions.commands.editCard(card.id, { speaker }),
                    )
                  }
                />
              ) : (
                (card.speaker ?? 'Not attributed')
              )}
            </dd>
            <dt>Verdict</dt>
            <dd>
              {edit ? (
                <select
                  aria-label="Verdict"
                  value={card.verdict ?? ''}
                  onChange={(e) =>
                    actions.run('set the verdict', () =>
                      actions.commands.setVerdict(card.id, e.target.value || null, undefined),
                    )
                  }
                >
                  <option value="">No verdict</option>
                  {labelsFor(board.meta.ratingScale, card.column).map((l) => (
                    <option key={l.label} value={l.label}>
                      {l.label}
                    </option>
                  ))}
                </select>
              ) : (
                (card.verdict ?? 'No verdict')
              )}
              {card.rationale && <p className="rationale">{card.rationale}</p>}
            </dd>
            <dt>Being checked by</dt>
            <dd>
              {card.assignee?.name ?? 'Nobody yet'}{' '}
              {edit &&
                (card.assignee?.id === me.id ? (
                  <button
                    type="button"
                    className="button small"
                    onClick={() =>
                      actions.run('release the card', () =>
                        actions.commands.assignCard(card.id, null),
                      )
                    }
                  >
                    Release
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button small"
                    onClick={() =>
                      actions.run('take the card', () => actions.commands.assignCard(card.id, me))
                    }
                  >
                    Take this card
                  </button>
                ))}
            </dd>
            <dt>Created</dt>
            <dd>
              {card.createdBy.name}, {when(card.createdAt)}
            </dd>
            <dt>Last change</dt>
            <dd>
              {card.updatedBy.name}, {when(card.updatedAt)}
            </dd>
          </dl>
          <EvidenceSection card={card} />
          <CommentsSection card={card} />
        </div>
      )}
    </dialog>
  );
}
