/**
 * What an open tab's Y.Doc and Undo stacks keep of the words of a comment a lead redacted, and
 * letting go of them. The redaction's own change deletes the comment's last text, and Yjs drops
 * its content at once (gc); but the earlier texts this tab's edits replaced are kept whole for
 * their Undo steps (the UndoManager's keepItem), and Yjs never collects a deleted item again
 * once it has let it be.
 */
import * as Y from 'yjs';
import { COMMENT_KEYS, COMMENT_REDACTED_KEY, commentsMap } from '../../shared/board';
import { typeIn } from '../../shared/board/typeIn';

export type StackItem = Y.UndoManager['undoStack'][number];

/** Marks a step that stands for one dropped for a redaction (`UndoStep.redacted`). */
export const REDACTED_STEP = 'redacted';

/** Whether a comment (a map of the comments map, or anything else) carries the redaction mark. */
export const isRedacted = (comment: unknown): boolean =>
  comment instanceof Y.Map && comment.has(COMMENT_REDACTED_KEY);

/**
 * Whether undoing (or redoing) the step would bring back words of a comment a lead redacted
 * since (an earlier value of its text, deleted by the step) or take the comment off the board
 * (the step posted it): the server refuses both (writePolicy), and with them everything this
 * device had not saved yet.
 */
function touchesRedactedComment(doc: Y.Doc, step: StackItem): boolean {
  for (const item of commentsMap(doc)._map.values()) {
    const comment = typeIn(item);
    if (item.deleted || !isRedacted(comment)) continue;
    if (Y.isDeleted(step.insertions, item.id)) return true;
    const texts = (comment as Y.Map<unknown>)._map.get(COMMENT_KEYS.text) ?? null;
    for (let value: Y.Item | null = texts; value; value = value.left) {
      if (Y.isDeleted(step.deletions, value.id)) return true;
    }
  }
  return false;
}

/**
 * Replaces every Undo and Redo step that touches a redacted comment with an empty one that only
 * says so (REDACTED_STEP, and the step's command under `commandKey`): pressing Undo there still
 * tells the person why nothing was undone, and nothing of the words is kept for it. The dropped
 * steps are cleared as Yjs clears its own (UndoManager.clear), which lets go of the deleted
 * items they kept. Returns how many were replaced.
 */
export function dropRedactedSteps(manager: Y.UndoManager, doc: Y.Doc, commandKey: string): number {
  const dropped: StackItem[] = [];
  const replace = (stack: StackItem[]) =>
    stack.map((step) => {
      if (step.meta.get(REDACTED_STEP) === true || !touchesRedactedComment(doc, step)) return step;
      dropped.push(step);
      const meta = new Map<unknown, unknown>([[REDACTED_STEP, true]]);
      if (step.meta.has(commandKey)) meta.set(commandKey, step.meta.get(commandKey));
      return { insertions: Y.createDeleteSet(), deletions: Y.createDeleteSet(), meta };
    });
  const undo = replace(manager.undoStack);
  const redo = replace(manager.redoStack);
  if (dropped.length === 0) return 0;
  manager.undoStack = dropped;
  manager.redoStack = [];
  manager.clear();
  manager.undoStack = undo;
  manager.redoStack = redo;
  return dropped.length;
}

/**
 * Collects the content of every deleted text value the comments with these ids ever had (and
 * of any earlier map under their id: a post undone and redone), which nothing needs once the
 * steps that kept them are gone (dropRedactedSteps): the doc keeps their ids and lengths only,
 * as the server's does. Returns how many values it emptied.
 */
export function collectRedactedWords(doc: Y.Doc, ids: Iterable<string>): number {
  let emptied = 0;
  const comments = commentsMap(doc)._map;
  for (const id of ids) {
    for (let entry = comments.get(id) ?? null; entry; entry = entry.left) {
      const comment = typeIn(entry);
      if (!(comment instanceof Y.Map)) continue;
      const texts = comment._map.get(COMMENT_KEYS.text) ?? null;
      for (let value: Y.Item | null = texts; value; value = value.left) {
        if (!value.deleted || value.content instanceof Y.ContentDeleted) continue;
        value.gc(doc.store, false);
        emptied++;
      }
    }
  }
  return emptied;
}
