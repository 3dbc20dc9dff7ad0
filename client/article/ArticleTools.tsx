/**
 * The board header's article controls: "Import article" (editors and leads) and "Article
 * view" (everyone, once the board has an article), and the dialog and panel they open.
 * Rendered inside the board's BoardActionsContext; focus returns to the opener on close.
 */
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { BoardView } from '../../shared/board/view';
import { can, type Role } from '../../shared/roles';
import { ImportArticleDialog } from '../import/ImportArticleDialog';
import { ArticleView } from './ArticleView';

export function ArticleTools({
  board,
  boardId,
  token,
  role,
}: {
  board: BoardView;
  boardId: string;
  token: string;
  role: Role;
}) {
  const importButton = useRef<HTMLButtonElement>(null);
  const viewButton = useRef<HTMLButtonElement>(null);
  const [importing, setImporting] = useState(false);
  const [viewing, setViewing] = useState(false);
  const [articleId, setArticleId] = useState<string | null>(null);

  const closeImport = () => {
    setImporting(false);
    importButton.current?.focus();
  };
  const closeView = () => {
    setViewing(false);
    (viewButton.current ?? importButton.current)?.focus();
  };

  return (
    <>
      {can(role, 'importArticle') && (
        <button
          ref={importButton}
          type="button"
          className="button small"
          aria-haspopup="dialog"
          onClick={() => setImporting(true)}
        >
          Import article
        </button>
      )}
      {(board.articles.length > 0 || viewing) && (
        <button
          ref={viewButton}
          type="button"
          className="button small"
          aria-expanded={viewing}
          onClick={() => (viewing ? closeView() : setViewing(true))}
        >
          Article view
        </button>
      )}
      {importing && (
        <ImportArticleDialog
          boardId={boardId}
          token={token}
          onClose={closeImport}
          onShowArticle={(id) => {
            setImporting(false);
            setArticleId(id);
            setViewing(true);
          }}
        />
      )}
      {viewing &&
        // A panel of the page, not of the header: outside the banner landmark.
        createPortal(
          <ArticleView
            board={board}
            articleId={articleId}
            onSelectArticle={setArticleId}
            onClose={closeView}
          />,
          document.body,
        )}
    </>
  );
}
