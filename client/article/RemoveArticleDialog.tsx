/**
 * "Remove this article?": what removing it does, counted before anyone confirms, so a wrong
 * paste is taken back knowingly. The cards its import proposed that nobody worked on go with
 * it; the cards whose sentence another article on the board has move to that article (named,
 * with the work that goes with them); the other cards someone worked on stay (why, counted by
 * reason), with their quoted sentence. Focus starts on Cancel, the harmless answer; Escape
 * cancels too.
 */
import { useMemo, useRef } from 'react';
import {
  type ArticleView,
  type BoardView,
  type KeepReason,
  type KeptCard,
  planArticleRemoval,
} from '../../shared/board';
import { ModalDialog } from '../ui/ModalDialog';
import { plural } from '../ui/plural';
import { wordList } from '../ui/wordList';

/** What someone did to a card that stays, as "N cards …" ends. */
const REASON_WORDS: Readonly<Record<Exclude<KeepReason, 'inAnotherArticle'>, string>> = {
  madeByHand: 'made by hand from the article',
  moved: 'moved out of Unverified',
  verdict: 'with a verdict',
  evidence: 'with evidence',
  comments: 'with comments',
  assigned: 'being checked by someone',
  edited: 'edited since the import',
};

/** "1 with a verdict; 2 with evidence": the work done on `cards`, by reason. */
function workDone(cards: readonly KeptCard[]): string {
  return (Object.keys(REASON_WORDS) as (keyof typeof REASON_WORDS)[])
    .map((r) => [r, cards.filter((k) => k.reasons.includes(r)).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${REASON_WORDS[r]}`)
    .join('; ');
}

/**
 * Where the moving cards go: "3 cards move to “v2”, which has their sentences.", or, to
 * several articles, "3 cards move to the articles that have their sentences: 2 to “v2” and 1
 * to “v3”." Then the work that goes with them, if any.
 */
function movingWords(moving: readonly KeptCard[], labels: ReadonlyMap<string, string>): string {
  const byArticle = new Map<string, number>();
  for (const { anchor } of moving) {
    if (anchor) byArticle.set(anchor.articleId, (byArticle.get(anchor.articleId) ?? 0) + 1);
  }
  const n = moving.length;
  const one = n === 1;
  const label = (id: string) => `“${labels.get(id) ?? 'another article'}”`;
  const cards = plural(n, 'card moves', 'cards move');
  const where =
    byArticle.size === 1
      ? `${cards} to ${label([...byArticle.keys()][0]!)}, which has ${one ? 'its sentence' : 'their sentences'}.`
      : `${cards} to the articles that have their sentences: ${wordList([...byArticle].map(([id, k]) => `${k} to ${label(id)}`))}.`;
  const work = workDone(moving);
  return work
    ? `${where} ${one ? 'Its work moves with it' : 'Their work moves with them'} (${work}).`
    : where;
}

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
      title={`Remove “${labels.get(article.id) ?? article.title}”?`}
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
        {staying.length > 0 && (
          <p>
            {plural(staying.length, 'card stays', 'cards stay')} on the board, because someone
            worked on {staying.length === 1 ? 'it' : 'them'} ({workDone(staying)}).{' '}
            {staying.length === 1 ? 'It keeps its' : 'They keep their'} quoted sentence.
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
