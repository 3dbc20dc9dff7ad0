import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/board/view';
import { commentThreads } from '../../../shared/export/commentThreads';
import { commentNames } from '../../../client/review/commentNames';
import { formatTime } from '../../../client/review/formatTime';

const AT = Date.UTC(2026, 2, 12, 10, 32, 5);
const at = formatTime(AT);

const comment = (id: string, text: string, more: Partial<CommentView> = {}): CommentView => ({
  id,
  cardId: 'card',
  parentId: null,
  text,
  author: { id: 'u1', name: 'Ana' },
  createdAt: AT,
  editedAt: null,
  deletedAt: null,
  resolved: false,
  resolvedBy: null,
  redacted: null,
  ...more,
});

describe('commentNames', () => {
  it('names a comment by its first words and when it was written', () => {
    const threads = commentThreads([
      comment('a', 'The figure comes from the 2023 annual report of the ministry.'),
      comment('b', 'Who said it?', { createdAt: AT + 60_000 }),
    ]);
    const name = commentNames(threads);
    expect(name(threads[0]!.root)).toBe(`“The figure comes from the 2023 annual r…”, ${at}`);
    expect(name(threads[1]!.root)).toBe(`“Who said it?”, ${formatTime(AT + 60_000)}`);
  });

  it('adds its place among the card’s comments, in reading order, where two read alike', () => {
    const same = 'The figure comes from the 2023 annual report, page 4.';
    const comments = [
      comment('a', same),
      comment('b', 'Another thread', { createdAt: AT + 1 }),
      comment('r', `${same} Checked.`, { parentId: 'a', createdAt: AT + 2 }),
    ];
    const threads = commentThreads(comments);
    const name = commentNames(threads);
    const [root, reply] = [threads[0]!.root, threads[0]!.replies[0]!];
    expect(name(root)).toBe(`1 of 3 “The figure comes from the 2023 annual r…”, ${at}`);
    // Second in reading order: replies follow their thread's first comment.
    expect(name(reply)).toBe(`2 of 3 “The figure comes from the 2023 annual r…”, ${at}`);
    expect(name(threads[1]!.root)).toBe(`“Another thread”, ${at}`);
  });

  it('names a deleted comment, kept for its replies, by whom and when', () => {
    const threads = commentThreads([
      comment('a', 'Gone', { deletedAt: AT + 5 }),
      comment('r', 'A reply', { parentId: 'a', author: { id: 'u2', name: 'Ben' } }),
    ]);
    expect(commentNames(threads)(threads[0]!.root)).toBe(`by Ana, ${at} (deleted)`);
  });
});
