/**
 * The question before another person's invite link replaces this browser's: a name written
 * before names were checked may hold a direction control, and the question closes each one
 * where it stands (inertBidi), as the quoted title and every export do; closed at the name's end,
 * a U+202E still reversed the name ("Sam" read as "maS").
 */
import { describe, expect, it } from 'vitest';
import { inviteSwitchQuestion } from '../../../client/app/inviteSwitchQuestion';
import type { KnownBoard } from '../../../client/app/knownBoards';

const held: KnownBoard = {
  id: 'b1',
  title: 'Prisons',
  token: 'unused',
  role: 'lead',
  inviteId: 'inv-ana',
  inviteName: 'Ana',
  openedAt: 0,
};

describe('inviteSwitchQuestion', () => {
  it('closes a direction control in a name where it stands', () => {
    const claims = { boardId: 'b1', inviteId: 'inv-x', role: 'editor', exp: null } as const;
    const question = inviteSwitchQuestion(held, { ...claims, name: '\u202emaS' });
    expect(question).toContain('This link is \u202e\u202cmaS’s invite (Editor)');
    expect(question).not.toMatch(/\u202e(?!\u202c)/);
  });
});
