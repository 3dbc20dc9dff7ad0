import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { can, type Role } from '../../shared/roles';
import { YourAccess } from '../access/YourAccess';
import { refusedBadge } from '../app/refusedBadges';
import { navigate } from '../app/router';
import { DeleteBoardTool } from '../boardDeletion/DeleteBoardTool';
import { ExportTools } from '../export/ExportTools';
import { PresenceBar } from '../presence/PresenceBar';
import { BoardReviewTools } from '../review/BoardReviewTools';
import type { BoardSnapshot } from '../sync/BoardConnection';
import type { PresenceUser } from '../sync/presence';
import { ThemeChoice } from '../theme/ThemeChoice';
import { FoldToggle } from '../ui/FoldToggle';
import { useArrivalFocus } from '../ui/useArrivalFocus';
import { useFold } from '../ui/useFold';
import { ConnectionPill } from './ConnectionPill';
import { mayUndo } from './keyboardShortcuts';
import { ShortcutsTool } from './ShortcutsTool';
import { mayLeaveBoard } from './useUnsavedPrompt';

export function BoardHeader({
  title,
  role,
  invitedAs,
  me,
  snapshot,
  refusedReason,
  onUndo,
  onRedo,
  children,
  notices,
  onLeave,
  refusedWhy,
}: {
  /** The board's title; null while it is loading and no title is known (shownTitle). */
  title: string | null;
  /** What the page lets this person do now (a viewer's tools once the server refused them). */
  role: Role;
  /**
   * The role on their invite, as the badge (Your access) shows it until the server refuses the
   * invite.
   */
  invitedAs: Role;
  me: PresenceUser;
  snapshot: BoardSnapshot;
  /** The server's reason with its refusal ("invite expired" has a badge of its own). */
  refusedReason: string | null;
  onUndo: () => void;
  onRedo: () => void;
  /** Feature tools placed first in the header's tool row (e.g. client/article's ArticleTools). */
  children?: ReactNode;
  /** Banners about the whole board (a refused connection, a read-only role), full width. */
  notices?: ReactNode;
  /** "← Boards" leaves, the person having agreed to lose what they typed here. */
  onLeave: () => void;
  /** Refused, who revoked the invite and when, for the status pill (once the server said). */
  refusedWhy: string | null;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useArrivalFocus(heading);
  const refused = snapshot.status.kind === 'refused';
  // Refused, the badge is no button any more: focus that was on it or in Your access would
  // fall to the page, and a keyboard or screen reader user with it. The title takes it.
  useLayoutEffect(() => {
    if (refused && (document.activeElement ?? document.body) === document.body) {
      heading.current?.focus();
    }
  }, [refused]);
  // On a phone the tools fold behind "Board menu", the title and the status pill staying out:
  // unfolded, the header's five rows of tools took 240 of a 390 × 844 screen's px before the
  // first card (CSS decides the width; the button is hidden elsewhere).
  const menu = useFold();
  return (
    <header className="board-header">
      <div className="board-title">
        <a
          href="/"
          className="back-link"
          onClick={(e) => {
            e.preventDefault();
            if (!mayLeaveBoard()) return;
            // Told it would be lost, the person chose to leave: it is not put back later.
            onLeave();
            navigate('/');
          }}
        >
          <span aria-hidden="true">←</span> Boards
        </a>
        <h1 ref={heading} tabIndex={-1}>
          {title === null ? 'Loading board…' : title || 'Untitled board'}
        </h1>
        {refused ? (
          <span className="badge refused">
            {refusedBadge(snapshot.status.code ?? 0, refusedReason) ?? 'Read-only'}
          </span>
        ) : (
          <YourAccess role={invitedAs} name={me.name} invitesChanged={snapshot.invitesChanged} />
        )}
      </div>
      {/* Escape anywhere in the tools folds the menu, on its button and the status pill too; a
          tool's own Escape (a dialog's, the people list's) comes first (useFold). */}
      <div className="board-tools" onKeyDown={menu.foldOnEscape}>
        <FoldToggle fold={menu} className="board-menu-toggle">
          Board menu
        </FoldToggle>
        <div {...menu.panel('board-menu')}>
          {children}
          <BoardReviewTools
            board={snapshot.board}
            role={role}
            invitesChanged={snapshot.invitesChanged}
          />
          <ExportTools board={snapshot.board} role={role} unsaved={snapshot.unsaved} />
          <DeleteBoardTool title={title ?? ''} role={role} />
          <ShortcutsTool role={role} />
          <ThemeChoice />
          <PresenceBar me={me} peers={snapshot.peers} />
          {mayUndo(role) && (
            <div className="undo-redo" role="group" aria-label="History">
              <button
                type="button"
                className="button small"
                onClick={onUndo}
                // Not disabled: the last Undo pressed from the keyboard dropped focus to the
                // page. Pressed with nothing left, it says "Nothing to undo." as Ctrl+Z does.
                aria-disabled={!snapshot.canUndo}
                title="Undo your last change (Ctrl+Z)"
              >
                Undo
              </button>
              <button
                type="button"
                className="button small"
                onClick={onRedo}
                aria-disabled={!snapshot.canRedo}
                title="Redo (Shift+Ctrl+Z)"
              >
                Redo
              </button>
            </div>
          )}
        </div>
        <ConnectionPill
          status={snapshot.status}
          unsaved={snapshot.unsaved}
          onDevice={snapshot.onDevice}
          keepsCopy={snapshot.keepsCopy}
          readOnly={!can(role, 'comment')}
          refused={snapshot.setAside.length}
          refusedCards={snapshot.setAside.reduce((n, c) => n + (c.cardIds?.length ?? 0), 0)}
          refusedWhy={refusedWhy}
        />
      </div>
      {notices}
    </header>
  );
}
