/**
 * Every keyboard shortcut of the board, in one list: the "Keyboard shortcuts" dialog shows it,
 * and a card's accessible description says the card's own keys from it. A group or key that
 * not every role may use says which permissions it needs (shared/roles.ts), so each person is
 * told exactly the keys their role can use, and the list follows the roles if they change.
 */
import { can, type Permission, type Role } from '../../shared/roles';

/** Any one of these permissions lets a role use the key; without `needs`, every role may. */
type Needs = readonly [Permission, ...Permission[]];

export interface Shortcut {
  readonly keys: string;
  readonly does: string;
  readonly needs?: Needs;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly needs?: Needs;
  readonly shortcuts: readonly Shortcut[];
}

const EDITS: Needs = ['editBoard'];
/**
 * Undo and redo take back the person's own commands on cards, articles, the board's meta and
 * comments (BoardConnection's undo manager): whoever may write any of those has something to
 * undo, a reviewer their own comments; a viewer writes nothing.
 */
const UNDOES: Needs = ['editBoard', 'comment'];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'On a card',
    shortcuts: [
      { keys: 'Enter', does: 'open the card' },
      {
        keys: 'Arrow keys',
        does: 'go to the card above or below, or to the next column left or right',
      },
      { keys: 'Home and End', does: 'go to the first or last card of the column' },
      {
        keys: 'Tab',
        does: 'go through the card’s own buttons, then on to the next column: each column is one stop',
      },
      { keys: 'Space', does: 'pick the card up, or drop it', needs: EDITS },
      {
        keys: 'Arrow keys, holding a card',
        does: 'move it: left and right between columns, up and down in one',
        needs: EDITS,
      },
      {
        keys: 'Escape',
        does: 'put a card you hold back where it was, or clear the selection',
        needs: EDITS,
      },
      {
        keys: 'X',
        does: 'select the card, or unselect it, to act on several cards at once, in any column (Ctrl+click or ⌘+click with the mouse)',
        needs: EDITS,
      },
      {
        keys: 'Shift+Up and Shift+Down',
        does: 'select the cards above or below too, in the column (Shift+click with the mouse)',
        needs: EDITS,
      },
      {
        keys: 'Shift+Home and Shift+End',
        does: 'select the cards up to the first or last of the column too',
        needs: EDITS,
      },
      {
        keys: 'Shift+A',
        does: 'select every card of the column as shown (or its header’s Select all)',
        needs: EDITS,
      },
      {
        keys: 'E or F2',
        does: 'edit the claim in place (Enter saves, Escape cancels)',
        needs: EDITS,
      },
    ],
  },
  {
    title: 'Anywhere on the board',
    shortcuts: [
      { keys: 'Ctrl+Z (⌘Z)', does: 'undo your last change, never a colleague’s', needs: UNDOES },
      { keys: 'Shift+Ctrl+Z (⇧⌘Z) or Ctrl+Y', does: 'redo', needs: UNDOES },
      { keys: '?', does: 'show this list' },
      {
        keys: 'Alt+N (⌥N)',
        does: 'go to the button of the notice at the foot of the board, and from there back',
      },
      { keys: 'Escape', does: 'close a dialog or panel' },
      {
        keys: 'Tab, at the top of the page',
        does: '“Skip to columns” or “Skip to filters”, past the header',
      },
    ],
  },
  {
    title: 'In the Activity panel',
    shortcuts: [
      {
        keys: 'Up and Down',
        does: 'go through the changes and their buttons; the list is one Tab stop',
      },
      { keys: 'Home and End', does: 'go to the first or last change loaded' },
    ],
  },
  {
    title: 'In a comment',
    needs: ['comment'],
    shortcuts: [
      { keys: 'Ctrl+Enter (⌘Enter)', does: 'post the comment or reply, or save the edit' },
      { keys: '@ and a few letters', does: 'suggest board members to mention' },
      { keys: 'Up and Down, then Enter or Tab', does: 'insert the highlighted name' },
    ],
  },
];

const mayUse = (role: Role, needs: Needs | undefined) =>
  !needs || needs.some((permission) => can(role, permission));

/** Whether this role has anything to undo: the header's Undo and Redo follow the same rule. */
export const mayUndo = (role: Role): boolean => mayUse(role, UNDOES);

/** The groups as someone with this role sees them: only the keys the role can use. */
export function shortcutsFor(role: Role): ShortcutGroup[] {
  return SHORTCUT_GROUPS.filter((g) => mayUse(role, g.needs))
    .map((g) => ({ ...g, shortcuts: g.shortcuts.filter((s) => mayUse(role, s.needs)) }))
    .filter((g) => g.shortcuts.length > 0);
}

/** The id of the hidden hint every card names as its description (aria-describedby). */
export const CARD_KEYS_HINT_ID = 'card-keys-hint';

/** What a focused card's description says: its own keys, in one sentence. */
export function cardKeysHint(canEdit: boolean): string {
  return canEdit
    ? 'Arrow keys go from card to card; Enter opens the card; Space picks it up to move with the arrow keys; E edits the claim; X selects it; ? lists every shortcut.'
    : 'Arrow keys go from card to card; Enter opens the card; ? lists every shortcut.';
}
