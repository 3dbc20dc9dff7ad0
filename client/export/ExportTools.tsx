/**
 * The board header's "Export" button (leads only; nobody else sees it) and the dialog it
 * opens. Focus returns to the button when the dialog closes.
 */
import { useRef, useState } from 'react';
import type { BoardView } from '../../shared/board/view';
import { can, type Role } from '../../shared/roles';
import { useBoardAccess } from '../review/useBoardAccess';
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
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  if (!can(role, 'export') || !access) return null;

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button small"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Export
      </button>
      {open && (
        <ExportDialog
          board={board}
          boardId={access.id}
          token={access.token}
          unsaved={unsaved}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
