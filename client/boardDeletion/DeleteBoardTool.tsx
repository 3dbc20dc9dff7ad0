/**
 * The board header's "Delete board…" button (leads only; nobody else sees it) and the dialog
 * it opens, beside Export. Focus returns to the button when the dialog is cancelled.
 */
import { can, type Role } from '../../shared/roles';
import { useBoardAccess } from '../review/useBoardAccess';
import { PopupButton } from '../ui/PopupButton';
import { usePopup } from '../ui/usePopup';
import { DeleteBoardDialog } from './DeleteBoardDialog';

export function DeleteBoardTool({ title, role }: { title: string; role: Role }) {
  const access = useBoardAccess();
  const allowed = can(role, 'deleteBoard') && access !== null;
  const popup = usePopup<'delete'>(allowed);
  if (!allowed) return null;

  return (
    <>
      <PopupButton popup={popup} name="delete" opens="dialog">
        Delete board…
      </PopupButton>
      {popup.open === 'delete' && (
        <DeleteBoardDialog
          title={title}
          boardId={access.id}
          token={access.token}
          onClose={popup.close}
        />
      )}
    </>
  );
}
