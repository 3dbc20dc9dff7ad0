/**
 * The article's publication day in the article view: "Published 1 September 2021" in this
 * browser's words (formatCalendarDay), or that it is not known. An editor or a lead changes or
 * clears it in place (setArticlePublished: one step, in Activity, undone by Ctrl+Z), with the
 * browser's date field; what a ClaimReview export gives as the claim's date.
 *
 * Escape or Cancel leaves it as it was; focus goes back to the button that opened the field.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { EARLIEST_PUBLISHED, isPublishedDate } from '../../shared/board/publishedDate';
import type { ArticleView } from '../../shared/board/view';
import { useBoardActions } from '../board/boardActions';
import { formatCalendarDay } from '../review/formatTime';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { latestPublished, PUBLISHED_RULE } from './publishedBounds';

export function ArticlePublished({ article }: { article: ArticleView }) {
  const actions = useBoardActions();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  // The field goes with the right to edit (a lead lowered the role meanwhile).
  if (editing && !actions.canEdit) setEditing(false);

  const close = () => {
    setEditing(false);
    setError(null);
    focusWhenRendered(() => editButton.current);
  };
  const save = (published: string | null) => {
    if (published !== null && !isPublishedDate(published)) {
      setError(PUBLISHED_RULE);
      field.current?.focus();
      return;
    }
    const ok = actions.run('set the publication date', () =>
      actions.commands.setArticlePublished({ articleId: article.id, published }),
    );
    if (!ok) return;
    actions.announce(
      published
        ? `Published date set to ${formatCalendarDay(published)}.`
        : 'Published date cleared.',
    );
    close();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save(day === '' ? null : day);
  };

  if (editing) {
    return (
      <form
        className="article-published row"
        onSubmit={submit}
        noValidate
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault(); // handled here: the panel stays open (SidePanel)
          close();
        }}
      >
        <label htmlFor={`${id}-day`}>Published</label>
        <input
          id={`${id}-day`}
          ref={field}
          type="date"
          autoFocus
          value={day}
          min={EARLIEST_PUBLISHED}
          max={latestPublished()}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDay(e.target.value)}
        />
        <button type="submit" className="button small primary">
          Save date
        </button>
        {article.published && (
          <button type="button" className="button small" onClick={() => save(null)}>
            Clear date
          </button>
        )}
        <button type="button" className="button small" onClick={close}>
          Cancel
        </button>
        {error && (
          <p id={`${id}-error`} role="alert" className="error small">
            {error}
          </p>
        )}
      </form>
    );
  }
  return (
    <p className="article-published small">
      {article.published
        ? `Published ${formatCalendarDay(article.published)}`
        : 'Publication date not known'}
      {actions.canEdit && (
        <>
          {' '}
          <button
            ref={editButton}
            type="button"
            className="button small"
            onClick={() => {
              setDay(article.published ?? '');
              setEditing(true);
            }}
          >
            {article.published ? 'Change date' : 'Add date'}
          </button>
        </>
      )}
    </p>
  );
}
