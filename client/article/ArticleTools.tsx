/**
 * The board header's article controls: "Import article" (editors and leads) and "Article
 * view" (everyone, once the board has an article), and the dialog and panel they open.
 * Rendered inside the board's BoardActionsContext; focus returns to the opener on close. A
 * card's dialog opens the view on the card's passage (PassageRequest); closed while it still
 * shows that passage, the view gives focus back to the card, where the reader came from.
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { BoardView, SourceSpan } from '../../shared/board/view';
import { can, type Role } from '../../shared/roles';
import { useBoardActions } from '../board/boardActions';
import { ImportArticleDialog } from '../import/ImportArticleDialog';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import { PopupButton } from '../ui/PopupButton';
import { usePopup } from '../ui/usePopup';
import { ArticleView } from './ArticleView';

/** A card's passage to show, asked for from its dialog; `seq` tells one request from the next. */
export interface PassageRequest extends SourceSpan {
  readonly seq: number;
  /** The card whose dialog asked. */
  readonly cardId: string;
}

export function ArticleTools({
  board,
  boardId,
  token,
  role,
  passage,
}: {
  board: BoardView;
  boardId: string;
  token: string;
  role: Role;
  passage: PassageRequest | null;
}) {
  // Two popups, not one: the article view may stay open while another article is imported.
  const importer = usePopup<'import'>();
  const actions = useBoardActions();
  const viewer = usePopup<'view'>();
  const viewing = viewer.open === 'view';
  const [articleId, setArticleId] = useState<string | null>(null);
  // The passage shown, until the person picks another article.
  const [target, setTarget] = useState<PassageRequest | null>(null);
  const [asked, setAsked] = useState<PassageRequest | null>(null);
  if (passage !== asked) {
    setAsked(passage);
    if (passage) {
      setTarget(passage);
      setArticleId(passage.articleId);
      if (!viewing) viewer.show('view');
    }
  }

  return (
    <>
      {can(role, 'importArticle') && (
        <PopupButton popup={importer} name="import" opens="dialog">
          Import article
        </PopupButton>
      )}
      {(board.articles.length > 0 || viewing) && (
        <PopupButton popup={viewer} name="view" opens="panel">
          Article view
        </PopupButton>
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
            target={target?.articleId === articleId ? target : null}
            onSelectArticle={(id) => {
              setArticleId(id);
              setTarget(null);
            }}
            onClose={() => {
              const from = target?.articleId === articleId ? target?.cardId : undefined;
              if (from === undefined || !board.cards[from]) return viewer.close();
              viewer.dismiss();
              actions.focusCard(from);
            }}
            onDismiss={viewer.dismiss}
            onEmptied={() => {
              // Its opener, "Article view", goes with the last article: focus goes to import.
              viewer.dismiss();
              focusWhenRendered(() => importer.openerOf('import'));
            }}
          />,
          document.body,
        )}
    </>
  );
}
