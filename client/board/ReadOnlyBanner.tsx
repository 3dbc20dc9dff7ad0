import type { Role } from '../../shared/roles';

/** Why a Ctrl+click or Shift+click on a card selected nothing, in the role's words. */
const NO_SELECTION: Readonly<Partial<Record<Role, string>>> = {
  reviewer:
    'Reviewers can comment but not select cards to move; ask the board’s lead for editor access.',
  viewer: 'Viewers can read but not select cards to move; ask the board’s lead for editor access.',
};

/**
 * What a reviewer or a viewer is told over the board: what their role does with cards. Once
 * they have tried an editor's gesture to select (Ctrl+click, Shift+click on a card), which did
 * nothing, its status says why, politely, and stays: said once, not at every click.
 */
export function ReadOnlyBanner({
  role,
  triedToSelect,
}: {
  role: Role;
  /** A Ctrl+click or Shift+click on a card selected nothing (BoardActions.refuseSelection). */
  triedToSelect: boolean;
}) {
  return (
    <p className="banner">
      {role === 'reviewer'
        ? 'You are a reviewer: you can read every card and comment on it, but not change cards.'
        : 'You are a viewer: this board is read-only for you.'}{' '}
      <span role="status">{triedToSelect && NO_SELECTION[role]}</span>
    </p>
  );
}
