import { describe, expect, it } from 'vitest';
import { mayUndo, SHORTCUT_GROUPS, shortcutsFor } from '../../client/board/keyboardShortcuts';
import type { Role } from '../../shared/roles';

/** Each group's title and the keys listed under it, as the "Keyboard shortcuts" dialog shows. */
const listed = (role: Role) =>
  Object.fromEntries(shortcutsFor(role).map((g) => [g.title, g.shortcuts.map((s) => s.keys)]));

const CARD_READING = ['Enter', 'Arrow keys', 'Home and End', 'Tab'];
const CARD_EDITING = [
  'Space',
  'Arrow keys, holding a card',
  'Escape',
  // Selecting several cards: only those who may move, give or delete them select.
  'X',
  'Shift+Up and Shift+Down',
  'Shift+Home and Shift+End',
  'Shift+A',
  'E or F2',
];
const UNDO = ['Ctrl+Z (⌘Z)', 'Shift+Ctrl+Z (⇧⌘Z) or Ctrl+Y'];
const ANYWHERE = ['?', 'Alt+N (⌥N)', 'Escape', 'Tab, at the top of the page'];
const ACTIVITY = ['Up and Down', 'Home and End'];
const COMMENT = ['Ctrl+Enter (⌘Enter)', '@ and a few letters', 'Up and Down, then Enter or Tab'];

describe('the keyboard shortcuts each role is shown', () => {
  it('a viewer: only the keys that read the board, no comment, undo or card-moving keys', () => {
    expect(listed('viewer')).toEqual({
      'On a card': CARD_READING,
      'Anywhere on the board': ANYWHERE,
      'In the Activity panel': ACTIVITY,
    });
  });

  it('a reviewer: also comments, and undo and redo (of their own comment changes)', () => {
    expect(listed('reviewer')).toEqual({
      'On a card': CARD_READING,
      'Anywhere on the board': [...UNDO, ...ANYWHERE],
      'In the Activity panel': ACTIVITY,
      'In a comment': COMMENT,
    });
  });

  it.each(['editor', 'lead'] as const)('%s: every key on the list', (role) => {
    expect(listed(role)).toEqual({
      'On a card': [...CARD_READING, ...CARD_EDITING],
      'Anywhere on the board': [...UNDO, ...ANYWHERE],
      'In the Activity panel': ACTIVITY,
      'In a comment': COMMENT,
    });
    expect(shortcutsFor(role)).toEqual(SHORTCUT_GROUPS);
  });

  it('the header shows Undo and Redo to the roles whose list has them', () => {
    for (const role of ['viewer', 'reviewer', 'editor', 'lead'] as const) {
      const keys = shortcutsFor(role).flatMap((g) => g.shortcuts.map((s) => s.keys));
      expect(mayUndo(role)).toBe(keys.includes('Ctrl+Z (⌘Z)'));
    }
    expect(mayUndo('viewer')).toBe(false);
    expect(mayUndo('reviewer')).toBe(true);
  });
});
