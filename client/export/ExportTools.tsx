/**
 * The board header's "Export" button (leads only; nobody else sees it) and the dialog it
 * opens. Focus returns to the button when the dialog closes.
 */
import type { BoardView } from '../../shared/board/view';
import { can, type Role } from '../../shared/roles';
import { useBoardAccess } from '../review/useBoardAccess';
import { PopupButton } from '../ui/PopupButton';
import { usePopup } from '../ui/usePopup';
import { ExportDialog } from './ExportDialog';

export function ExportTools({
  board,
  role,
  unsaved,
}: {
  board: BoardView;
  role: Role;
  unsaved: boolean;
}) {
  const access = useBoardAccess();
  const allowed = can(role, 'export');
  // Open when the role goes, the dialog stays only to keep an organisation typed and not saved
  // (ExportDialog closes itself otherwise): it closes for good, never to open by itself again.
  const popup = usePopup<'export'>(access !== null);
  if (!access) return null;

  return (
    <>
      {allowed && (
        <PopupButton popup={popup} name="export" opens="dialog">
          Export
        </PopupButton>
      )}
      {popup.open === 'export' && (
        <ExportDialog
          board={board}
          boardId={access.id}
          token={access.token}
          unsaved={unsaved}
          canExport={allowed}
          onClose={popup.close}
        />
      )}
    </>
  );
}
