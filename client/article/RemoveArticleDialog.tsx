/**
 * "Remove this article?": what removing it does, counted before anyone confirms, so a wrong
 * paste is taken back knowingly. The cards its import proposed that nobody worked on go with
 * it; the cards whose sentence another article on the board has move to that article (named,
 * with the work that goes with those worked on); the other cards someone worked on stay (why,
 * counted by kind of work), with their quoted sentence (removalWords). Focus starts on Cancel, the harmless answer; Escape
 * cancels too.
 */
import { useMemo, useRef } from 'react';
import { type ArticleView, type BoardView, planArticleRemoval } from '../../shared/board';
import { ModalDialog } from '../ui/ModalDialog';
import { plural } from '../ui/plural';
import { quoted } from '../ui/quoted';
import { movingWords, stayingWords } from './removalWords';

export function RemoveArticleDialog({
  article,
  labels,
  board,
  onRemove,
  onCancel,
}: {
  article: ArticleView;
  /** How lists name the board's articles, by id (articleLabels). */
  labels: ReadonlyMap<string, string>;
  board: BoardView;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const plan = useMemo(
    () => planArticleRemoval(article, Object.values(board.cards), board.articles),
    [article, board.cards, board.articles],
  );
  const moving = plan.keep.filter((k) => k.anchor !== null);
  const staying = plan.keep.filter((k) => k.anchor === null);

  return (
    <ModalDialog
      title={`Remove ${quoted(labels.get(article.id) ?? article.title)}?`}
      focus={cancel}
      closeButton={false}
      className="remove-article-dialog"
      onClose={onCancel}
    >
      <div className="dialog-body">
        <p>It leaves the Article view and the article filter.</p>
        <p>
          {plan.remove.length === 0
            ? 'No card is deleted with it.'
            : `${plural(plan.remove.length, 'card', 'cards')} its import proposed and nobody has worked on ${plan.remove.length === 1 ? 'is' : 'are'} deleted with it.`}
        </p>
        {moving.length > 0 && <p>{movingWords(moving, labels)}</p>}
        {staying.length > 0 && <p>{stayingWords(staying)}</p>}
        <p className="muted">You can undo this right after (Undo, or Ctrl+Z).</p>
        <div className="row">
          <button type="button" className="button danger" onClick={onRemove}>
            Remove article
          </button>
          <button ref={cancel} type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
