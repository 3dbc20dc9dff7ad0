/**
 * The article view: a panel beside the board with an imported article's text, its
 * provenance made visible. Passages that became cards are highlighted and open their card
 * (the board's own CardDetail, through BoardActions.openCard); page furniture is hidden or
 * dimmed; an editor turns any other sentence, or a selected passage, into a card.
 *
 * Its publication day shows under its title, and editors and leads set it (ArticlePublished).
 * Editors and leads remove the article shown (RemoveArticleDialog asks first); the panel then
 * shows the latest article left, and, when a colleague removed it, says which article went.
 *
 * A non-modal panel rather than a dialog, so the board stays usable beside it and the card
 * detail can open over both. Focus moves to its heading when it opens; Escape closes it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ArticleRemoval } from '../../shared/board';
import type { ArticleView, BoardView } from '../../shared/board/view';
import { useBoardActions } from '../board/boardActions';
import { formatTime } from '../review/formatTime';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { plural } from '../ui/plural';
import { quoted } from '../ui/quoted';
import { SidePanel } from '../ui/SidePanel';
import { articleLabels } from './articleLabels';
import { articleSegments } from './articleSegments';
import { useArticleLanguage } from './articleLanguages';
import { ArticlePublished } from './ArticlePublished';
import { ArticleText } from './ArticleText';
import { NewCardForm } from './NewCardForm';
import { RemoveArticleDialog } from './RemoveArticleDialog';
import { type Passage, selectedPassage, trimmedPassage } from './passageAt';
import './article.css';

const isHttp = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

export function ArticleView({
  board,
  articleId,
  target,
  onSelectArticle,
  onClose,
  onDismiss,
  onEmptied,
}: {
  board: BoardView;
  articleId: string | null;
  /** A card's passage to focus and highlight (from its dialog), in the article shown. */
  target: { readonly start: number; readonly end: number; readonly seq: number } | null;
  onSelectArticle: (articleId: string) => void;
  onClose: () => void;
  /** Closes without returning focus: another side panel opened. */
  onDismiss: () => void;
  /** This person removed the board's last article: the panel has nothing left to show. */
  onEmptied: () => void;
}) {
  const actions = useBoardActions();
  const id = useId();
  const textRef = useRef<HTMLDivElement>(null);
  const [showFurniture, setShowFurniture] = useState(false);
  const [selection, setSelection] = useState<Passage | null>(null);
  const [draft, setDraft] = useState<Passage | null>(null);
  const [focusAt, setFocusAt] = useState<{ start: number; seq: number } | null>(null);

  const found = board.articles.find((a) => a.id === articleId);
  // An article asked for may not have arrived yet (just imported): the panel waits for it. One
  // that was here and is gone (removed, by this person or a colleague) gives way to the latest.
  const [seenId, setSeenId] = useState<string | null>(null);
  if (found && seenId !== found.id) setSeenId(found.id);
  const removed = articleId !== null && !found && seenId === articleId;
  // The article on screen, by the label the reader last saw.
  const [shown, setShown] = useState<{ id: string; label: string } | null>(null);
  // Opened without a pick, the panel shows the latest article, and keeps to it when a colleague
  // imports another: turning to theirs lost the reader's place and selected passage.
  const kept = articleId === null ? board.articles.find((a) => a.id === shown?.id) : undefined;
  const article =
    found ?? kept ?? (articleId === null || removed ? board.articles.at(-1) : undefined);
  const labels = useMemo(() => articleLabels(board.articles), [board.articles]);
  const label = article ? (labels.get(article.id) ?? article.title) : null;
  // A colleague's removal of the article being read turned the panel to another one (of the
  // same headline, maybe): said, not done silently, until another article is picked. The
  // remover is told by their own notice.
  const [removedHere, setRemovedHere] = useState<string | null>(null);
  const [gone, setGone] = useState<string | null>(null);
  if (article && label !== null && (shown?.id !== article.id || shown.label !== label)) {
    if (shown?.id !== article.id) {
      const lost =
        shown && shown.id !== removedHere && !board.articles.some((a) => a.id === shown.id);
      setGone(lost ? shown.label : null);
    }
    setShown({ id: article.id, label });
  }
  useEffect(() => {
    if (gone) actions.announce(goneSentence(gone));
    // Said once, as it comes: not again when the actions change (a new role, a reconnection).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gone]);
  const [removing, setRemoving] = useState(false);
  // Its question goes with the right to remove (a lead lowered the role): answered, it would only
  // be refused, and kept, it would be asked again by itself once the right came back.
  if (removing && !actions.canEdit) setRemoving(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const cards = board.cards;
  const lang = useArticleLanguage(article?.id);
  // Only this article's cards matter to the layout; recompute when one of them changes.
  const anchored = useMemo(
    () => Object.values(cards).filter((c) => article && c.source?.articleId === article.id),
    [cards, article],
  );
  // Cutting a long article takes a while: redo it only when a card's span or rank changed,
  // not on every edit of a card's text or verdict.
  const spanKey = anchored
    .map((c) => `${c.id}:${c.source?.start}-${c.source?.end}:${c.extraction?.rank ?? ''}`)
    .join('|');
  const blocks = useMemo(
    () => (article ? articleSegments(article.text, article.id, anchored) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- spanKey stands for anchored
    [article, spanKey],
  );
  const furnitureCount = blocks.filter((b) => b.kind === 'furniture').length;

  // The selection is read as it changes, so the button knows whether there is a passage.
  useEffect(() => {
    if (!article || !actions.canEdit) return;
    const update = () => {
      const container = textRef.current;
      setSelection(container ? selectedPassage(container, article.text) : null);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [article, actions.canEdit]);

  const create = (passage: Passage, claim: string, speaker: string | null) => {
    if (!article) return;
    const ok = actions.run('make a card', () => {
      actions.commands.addClaim({
        claim,
        speaker,
        source: {
          articleId: article.id,
          start: passage.start,
          end: passage.end,
          sentence: passage.text,
        },
      });
    });
    if (!ok) return;
    setDraft(null);
    document.getSelection()?.removeAllRanges();
    actions.announce('Card added to Unverified.');
    setFocusAt({ start: passage.start, seq: Date.now() });
  };

  const remove = (target: ArticleView) => {
    setRemoving(false);
    setRemovedHere(target.id);
    let result: ArticleRemoval | undefined;
    if (
      !actions.run('remove the article', () => {
        result = actions.commands.removeArticle(target.id);
      }) ||
      !result
    ) {
      return focusWhenRendered(() => removeButton.current);
    }
    const stayed = result.kept.length - result.moved.length;
    const kept = stayed > 0 ? `, ${stayed} kept` : '';
    const to = new Set(result.moved.map((m) => m.articleId));
    const [only] = to;
    const moved =
      result.moved.length === 0
        ? ''
        : `, ${result.moved.length} moved to ${to.size === 1 && only ? quoted(labels.get(only) ?? 'another article') : 'other articles'}`;
    actions.notify(
      `Removed ${quoted(labels.get(target.id) ?? target.title)}: ${plural(result.removed.length, 'card', 'cards')} deleted${kept}${moved}`,
      true,
    );
    // The panel shows the latest article left, or goes, having nothing to show.
    if (board.articles.length > 1) focusWhenRendered(() => heading.current);
    else onEmptied();
  };

  return (
    <SidePanel
      title="Article view"
      closeLabel="Close article view"
      className="article-panel"
      onClose={onClose}
      onDismiss={onDismiss}
    >
      {board.articles.length > 1 && (
        <label className="article-picker">
          <span>Article</span>
          <select value={article?.id ?? ''} onChange={(e) => onSelectArticle(e.target.value)}>
            {board.articles.map((a) => (
              <option key={a.id} value={a.id}>
                {labels.get(a.id)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!article ? (
        removed ? (
          <p>This article was removed from the board.</p>
        ) : (
          <p className="loading">Loading the article…</p>
        )
      ) : (
        <>
          {gone && <p className="warning small">{goneSentence(gone)}</p>}
          <div className="article-meta">
            <h3 ref={heading} tabIndex={-1} lang={article.title ? lang : undefined}>
              {article.title || 'Untitled article'}
            </h3>
            {isHttp(article.url) && (
              <p className="small">
                Source:{' '}
                <a href={article.url} target="_blank" rel="noreferrer noopener">
                  {article.url}
                </a>
              </p>
            )}
            <ArticlePublished key={article.id} article={article} />
            <p className="muted small">
              Imported by <bdi>{article.createdBy.name}</bdi>, {formatTime(article.createdAt)}.{' '}
              {anchored.length === 1 ? '1 card comes' : `${anchored.length} cards come`} from this
              article.
            </p>
            {actions.canEdit && (
              <button
                ref={removeButton}
                type="button"
                className="button small danger"
                aria-haspopup="dialog"
                onClick={() => setRemoving(true)}
              >
                Remove article…
              </button>
            )}
          </div>
          {removing && (
            <RemoveArticleDialog
              article={article}
              labels={labels}
              board={board}
              onRemove={() => remove(article)}
              onCancel={() => {
                setRemoving(false);
                focusWhenRendered(() => removeButton.current);
              }}
            />
          )}
          <div className="article-tools row">
            {furnitureCount > 0 && (
              <label className="small">
                <input
                  type="checkbox"
                  checked={showFurniture}
                  onChange={(e) => setShowFurniture(e.target.checked)}
                />{' '}
                Show page furniture ({furnitureCount} {furnitureCount === 1 ? 'block' : 'blocks'})
              </label>
            )}
            {actions.canEdit && (
              <button
                type="button"
                className="button small"
                disabled={!selection}
                // Keeps the text selection: a click on the button would otherwise clear it.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => selection && setDraft(selection)}
              >
                Make a card of the selected text
              </button>
            )}
          </div>
          <p id={`${id}-how`} className="muted small">
            Highlighted passages became cards: click one, or move to it with the arrow keys and
            press Enter, to open its card.
            {actions.canEdit &&
              ' Choose any other sentence, or select a passage, to make a card of it.'}
          </p>
          <span id={`${id}-card-hint`} hidden>
            Has a card. Press Enter to open it.
          </span>
          <span id={`${id}-sentence-hint`} hidden>
            No card yet. Press Enter to make one.
          </span>
          <div ref={textRef} className="article-body" lang={lang}>
            <ArticleText
              text={article.text}
              blocks={blocks}
              cards={cards}
              showFurniture={showFurniture}
              canEdit={actions.canEdit}
              hintIds={{ card: `${id}-card-hint`, sentence: `${id}-sentence-hint` }}
              focusAt={focusAt}
              target={target}
              onOpenCards={(ids) => ids[0] && actions.openCard(ids[0])}
              onChooseSentence={(start, end) => setDraft(trimmedPassage(article.text, start, end))}
            />
          </div>
          {draft && (
            <NewCardForm
              key={`${draft.start}-${draft.end}`}
              passage={draft}
              onCreate={(claim, speaker) => create(draft, claim, speaker)}
              onNarrow={(part) => {
                setDraft(part);
                actions.announce(`Passage narrowed to: ${part.text}`);
              }}
              onCancel={() => {
                setFocusAt({ start: draft.start, seq: Date.now() });
                setDraft(null);
              }}
            />
          )}
        </>
      )}
    </SidePanel>
  );
}

const goneSentence = (label: string) =>
  `${quoted(label)}, which you were reading, was removed from the board.`;
