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

const NONE: readonly CommentView[] = Object.freeze([]);

/**
 * The card's open threads that wait for `myId`'s answer, each as its latest comment that
 * mentions them.
 */
export function threadsAwaitingMe(
  card: CardView,
  myId: string,
  mentions: MentionNames,
): readonly CommentView[] {
  const threads = new Map<string, CommentView[]>();
  for (const c of card.comments) {
    const root = c.parentId ?? c.id;
    const list = threads.get(root);
    if (list) list.push(c);
    else threads.set(root, [c]);
  }
  const waiting: CommentView[] = [];
  for (const [rootId, comments] of threads) {
    const root = comments.find((c) => c.id === rootId);
    if (root?.resolved) continue;
    let mention: CommentView | null = null;
    let mentionedAt = -Infinity;
    let answeredAt = -Infinity;
    for (const c of comments) {
      if (c.deletedAt !== null) continue;
      if (c.author.id === myId) {
        answeredAt = Math.max(answeredAt, c.createdAt, c.editedAt ?? 0);
      } else if (c.text.includes('@') && mentionsMe(c.text, mentions.names, mentions.myNames)) {
        const at = c.editedAt ?? c.createdAt;
        if (at >= mentionedAt) [mention, mentionedAt] = [c, at];
      }
    }
    if (mention && mentionedAt > answeredAt) waiting.push(mention);
  }
  return waiting.length > 0 ? waiting : NONE;
}

/**
 * threadsAwaitingMe with a cache per card: the board view keeps an unchanged card's object
 * from one change to the next, so a change to one card re-reads that card's comments only.
 */
export function awaitingMeReader(
  myId: string,
  mentions: MentionNames,
): (card: CardView) => readonly CommentView[] {
  const cache = new WeakMap<CardView, readonly CommentView[]>();
  return (card) => {
    let waiting = cache.get(card);
    if (waiting === undefined) {
      // Most cards have no "@" in any comment: no threads to build for them.
      const any = card.comments.some((c) => c.text.includes('@'));
      waiting = any ? threadsAwaitingMe(card, myId, mentions) : NONE;
      cache.set(card, waiting);
    }
    return waiting;
  };
}
