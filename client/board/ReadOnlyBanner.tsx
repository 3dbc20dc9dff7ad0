import type { Role } from '../../shared/roles';

/**
 * An editor's gesture on cards that one who may not change them tried: select (Ctrl+click,
 * Shift+click, X, Shift+A, Shift+arrows, Shift+Home or End), move (Space) or edit (E or F2).
 */
export type RefusedCardAction = 'select' | 'move' | 'edit';

const NOT: Readonly<Record<RefusedCardAction, string>> = {
  select: 'select cards to move',
  move: 'move cards',
  edit: 'edit cards',
};

/** What the role can do instead, said first: the refusal is no dead end. */
const CAN: Readonly<Partial<Record<Role, string>>> = {
  reviewer: 'Reviewers can comment',
  viewer: 'Viewers can read',
};

/** Why a card gesture did nothing, in the role's words, and how to get more. */
const refusalSentence = (role: Role, what: RefusedCardAction): string | null =>
  CAN[role] ? `${CAN[role]} but not ${NOT[what]}; ask the board’s lead for editor access.` : null;

/**
 * What a reviewer or a viewer is told over the board: what their role does with cards. Once
 * they have tried an editor's gesture on a card, which did nothing, its status says why,
 * politely, and stays: said once, not at every click or key press (BoardActions.refuseCardAction).
 */
export function ReadOnlyBanner({
  role,
  refused,
}: {
  role: Role;
  /** The gesture last refused, while nothing else was said since; null for none. */
  refused: RefusedCardAction | null;
}) {
  return (
    <p className="banner">
      {role === 'reviewer'
        ? 'You are a reviewer: you can read every card and comment on it, but not change cards.'
        : 'You are a viewer: this board is read-only for you.'}{' '}
      <span role="status">{refused && refusalSentence(role, refused)}</span>
    </p>
  );
}
