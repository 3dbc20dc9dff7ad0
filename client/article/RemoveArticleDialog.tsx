/**
 * "Remove this article?": what removing it does, counted before anyone confirms, so a wrong
 * paste is taken back knowingly. The cards its import proposed that nobody worked on go with
 * it; the cards someone worked on stay (why, counted by reason), with their quoted sentence.
 * Focus starts on Cancel, the harmless answer; Escape cancels too.
 */
import { useMemo, useRef } from 'react';
import {
  type ArticleView,
  type BoardView,
  type KeepReason,
  planArticleRemoval,
} from '../../shared/board';
import { ModalDialog } from '../ui/ModalDialog';
import { plural } from '../ui/plural';

/** Why a card stays, as "N cards …" ends. */
const REASON_WORDS: Readonly<Record<KeepReason, string>> = {
  madeByHand: 'made by hand from the article',
  moved: 'moved out of Unverified',
  verdict: 'with a verdict',
  evidence: 'with evidence',
  comments: 'with comments',
  assigned: 'being checked by someone',
  edited: 'edited since the import',
  inAnotherArticle: 'also in another article on the board',
};

export function RemoveArticleDialog({
  article,
  label,
  board,
  onRemove,
  onCancel,
}: {
  article: ArticleView;
  /** How lists name the article (articleLabels). */
  label: string;
  board: BoardView;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const plan = useMemo(
    () => planArticleRemoval(article, Object.values(board.cards), board.articles),
    [article, board.cards, board.articles],
  );
  const reasons = (Object.keys(REASON_WORDS) as KeepReason[])
    .map((r) => [r, plan.keep.filter((k) => k.reasons.includes(r)).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${REASON_WORDS[r]}`);

  return (
    <ModalDialog
      title={`Remove “${label}”?`}
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
        {plan.keep.length > 0 && (
          <p>
            {plural(plan.keep.length, 'card stays', 'cards stay')} on the board,{' '}
            {plan.keep.every((k) => k.reasons.length === 1 && k.reasons[0] === 'inAnotherArticle')
              ? `as another article on the board has ${plan.keep.length === 1 ? 'its sentence' : 'their sentences'}.`
              : `because someone worked on ${plan.keep.length === 1 ? 'it' : 'them'} (${reasons.join('; ')}).`}{' '}
            {plan.keep.length === 1 ? 'It keeps its' : 'They keep their'} quoted sentence.
          </p>
        )}
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
