import { describe, expect, it } from 'vitest';
import { confirmationWord, confirms } from '../../../client/boardDeletion/deleteBoard';

describe('what a lead types to delete a board', () => {
  it('is the board’s title, whatever the case and the spaces around it', () => {
    expect(confirmationWord('  Dropped story ')).toBe('Dropped story');
    expect(confirms('dropped STORY ', 'Dropped story')).toBe(true);
    expect(confirms('Dropped', 'Dropped story')).toBe(false);
    expect(confirms('Dropped  story', 'Dropped story')).toBe(false);
    expect(confirms('', 'Dropped story')).toBe(false);
  });

  it('is "delete" for a board without a title', () => {
    expect(confirmationWord('')).toBe('delete');
    expect(confirms('Delete', '   ')).toBe(true);
    expect(confirms('', '')).toBe(false);
  });
});
