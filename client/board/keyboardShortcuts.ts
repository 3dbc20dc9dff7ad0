/**
 * Every keyboard shortcut of the board, in one list: the "Keyboard shortcuts" dialog shows it,
 * and a card's accessible description says the card's own keys from it. Editors' keys are
 * marked, so a reviewer or viewer is told only what they can do.
 */
export interface Shortcut {
  readonly keys: string;
  readonly does: string;
  /** Only for those who may change cards (editors and leads). */
  readonly edits?: true;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

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
      { keys: 'Space', does: 'pick the card up, or drop it', edits: true },
      {
        keys: 'Arrow keys, holding a card',
        does: 'move it: left and right between columns, up and down in one',
        edits: true,
      },
      { keys: 'Escape', does: 'put a card you hold back where it was', edits: true },
      {
        keys: 'E or F2',
        does: 'edit the claim in place (Enter saves, Escape cancels)',
        edits: true,
      },
    ],
  },
  {
    title: 'Anywhere on the board',
    shortcuts: [
      { keys: 'Ctrl+Z (⌘Z)', does: 'undo your last change, never a colleague’s' },
      { keys: 'Shift+Ctrl+Z (⇧⌘Z) or Ctrl+Y', does: 'redo' },
      { keys: '?', does: 'show this list' },
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
    shortcuts: [
      { keys: 'Ctrl+Enter (⌘Enter)', does: 'post the comment or reply, or save the edit' },
      { keys: '@ and a few letters', does: 'suggest board members to mention' },
      { keys: 'Up and Down, then Enter or Tab', does: 'insert the highlighted name' },
    ],
  },
];

/** The groups as someone with this permission sees them. */
export function shortcutsFor(canEdit: boolean): ShortcutGroup[] {
  return SHORTCUT_GROUPS.map((g) => ({
    title: g.title,
    shortcuts: g.shortcuts.filter((s) => canEdit || !s.edits),
  })).filter((g) => g.shortcuts.length > 0);
}

/** The id of the hidden hint every card names as its description (aria-describedby). */
export const CARD_KEYS_HINT_ID = 'card-keys-hint';

/** What a focused card's description says: its own keys, in one sentence. */
export function cardKeysHint(canEdit: boolean): string {
  return canEdit
    ? 'Arrow keys go from card to card; Enter opens the card; Space picks it up to move with the arrow keys; E edits the claim; ? lists every shortcut.'
    : 'Arrow keys go from card to card; Enter opens the card; ? lists every shortcut.';
}
