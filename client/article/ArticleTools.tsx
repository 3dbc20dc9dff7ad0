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
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { usePopup } from '../ui/usePopup';
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
  // Two popups, not one: the article view may stay open while another article is imported.
  const importer = usePopup<'import'>();
  const viewer = usePopup<'view'>();
  const viewing = viewer.open === 'view';
  const [articleId, setArticleId] = useState<string | null>(null);
  const importButton = useRef<HTMLButtonElement | null>(null);
  const importRef = importer.opener('import');

  return (
    <>
      {can(role, 'importArticle') && (
        <button
          ref={(button) => {
            importRef(button);
            importButton.current = button;
          }}
          type="button"
          className="button small"
          aria-haspopup="dialog"
          onClick={() => importer.show('import')}
        >
          Import article
        </button>
      )}
      {(board.articles.length > 0 || viewing) && (
        <button
          ref={viewer.opener('view')}
          type="button"
          className="button small"
          aria-expanded={viewing}
          onClick={() => (viewing ? viewer.close() : viewer.show('view'))}
        >
          Article view
        </button>
      )}
      {importer.open === 'import' && (
        <ImportArticleDialog
          boardId={boardId}
          token={token}
          onClose={importer.close}
          onShowArticle={(id) => {
            importer.dismiss();
            setArticleId(id);
            viewer.show('view');
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
            onClose={viewer.close}
            onDismiss={viewer.dismiss}
            onEmptied={() => {
              // Its opener, "Article view", goes with the last article: focus goes to import.
              viewer.dismiss();
              focusWhenRendered(() => importButton.current);
            }}
          />,
          document.body,
        )}
    </>
  );
}
