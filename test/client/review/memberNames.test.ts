import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import type { BoardView } from '../../../shared/board/view';
import { memberNames } from '../../../client/review/memberNames';

const who = (name: string) => ({ id: `i-${name}`, name });

describe('memberNames (who @mentions can name)', () => {
  it('collects everyone the board shows at work, plus the names given, without the system', () => {
    const board = {
      cards: {
        c1: {
          createdBy: SYSTEM_ACTOR,
          updatedBy: who('Eddie'),
          assignee: who('Ana Lima'),
          evidence: [{ addedBy: who('Eddie') }],
          comments: [{ author: who('Rhea'), resolvedBy: null }],
        },
        c2: {
          createdBy: who('Bo'),
          updatedBy: who('Bo'),
          assignee: null,
          evidence: [],
          comments: [{ author: who('  '), resolvedBy: who('Cy') }],
        },
      },
    } as unknown as BoardView;
    expect(memberNames(board, ['Lea', ' Eddie '])).toEqual([
      'Ana Lima',
      'Bo',
      'Cy',
      'Eddie',
      'Lea',
      'Rhea',
    ]);
  });
});
