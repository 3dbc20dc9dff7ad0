/**
 * Which cards wait for the local user: a comment thread in which a colleague has @mentioned
 * them since they last wrote in it, and that nobody has resolved. Replying or resolving the
 * thread is how a newsroom answers a mention, so either clears it; there is no separate
 * "read" state to keep in sync between a person's devices.
 */
import type { CardView, CommentView } from '../../shared/board/view';
import { mentionsMe } from './commentSegments';

export interface MentionNames {
  /** Every name a mention can match, longest first or not (commentSegments sorts them). */
  readonly names: readonly string[];
  /** The local user's own names: their display name and the name on their invite. */
  readonly myNames: readonly string[];
}

/** How many of the card's open threads wait for `myId`'s answer to a mention. */
export function threadsAwaitingMe(card: CardView, myId: string, mentions: MentionNames): number {
  const threads = new Map<string, CommentView[]>();
  for (const c of card.comments) {
    const root = c.parentId ?? c.id;
    const list = threads.get(root);
    if (list) list.push(c);
    else threads.set(root, [c]);
  }
  let waiting = 0;
  for (const [rootId, comments] of threads) {
    const root = comments.find((c) => c.id === rootId);
    if (root?.resolved) continue;
    let mentioned = -Infinity;
    let answered = -Infinity;
    for (const c of comments) {
      if (c.deletedAt !== null) continue;
      if (c.author.id === myId) answered = Math.max(answered, c.createdAt, c.editedAt ?? 0);
      else if (c.text.includes('@') && mentionsMe(c.text, mentions.names, mentions.myNames)) {
        mentioned = Math.max(mentioned, c.editedAt ?? c.createdAt);
      }
    }
    if (mentioned > answered) waiting++;
  }
  return waiting;
}

/**
 * threadsAwaitingMe with a cache per card: the board view keeps an unchanged card's object
 * from one change to the next, so a change to one card re-reads that card's comments only.
 */
export function awaitingMeCounter(
  myId: string,
  mentions: MentionNames,
): (card: CardView) => number {
  const cache = new WeakMap<CardView, number>();
  return (card) => {
    let count = cache.get(card);
    if (count === undefined) {
      // Most cards have no "@" in any comment: no threads to build for them.
      const any = card.comments.some((c) => c.text.includes('@'));
      count = any ? threadsAwaitingMe(card, myId, mentions) : 0;
      cache.set(card, count);
    }
    return count;
  };
}
