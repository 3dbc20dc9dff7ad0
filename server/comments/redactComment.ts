/**
 * A lead's redaction of a comment (POST /api/boards/:id/comments/:commentId/redact): its text
 * goes for good, from the board and from everything the server stored of it. A deletion only
 * hides the words: the history keeps them (comment.posted, comment.deleted, …) and so does the
 * stored log of updates, for exports "as of" a past moment and restores.
 *
 * 1. One change on the live doc (the redactComment command, as the lead): the comment is
 *    deleted if it was not, its text emptied, and marked redacted, so every open browser gets
 *    the deletion and the write policy refuses its words back (an author's Undo). The history
 *    records comment.redacted: who and when, no words. The server's doc (gc on) drops the old
 *    values' content at once; their struct ids stay, which name them in the stored updates.
 * 2. Storage rewrites every stored update and snapshot of the board holding one of those
 *    values, and the comment's history events, which keep their place but say the words were
 *    redacted, by whom and when (Storage.redactComment).
 *
 * Redacting a comment redacted already records nothing new and scrubs again (a first attempt
 * whose storage step failed is finished so).
 *
 * On a full disk, step 1 may be answered 507 with its change held on the board (StorageFullError
 * `held`): the lead's page shows the comment redacted, so nobody sends it again. Step 2 then
 * runs on its own once the held change is stored (found by QA: the words stayed in the stored
 * rows until the lead redacted again); a server that stops before stores neither step.
 */
import type { Actor } from '../../shared/board/actor';
import { redactComment as redactCommand } from '../../shared/board/commands/comments';
import { COMMENT_KEYS, commentsMap } from '../../shared/board/schema';
import type { CommentRedaction, RedactionCounts, Storage } from '../storage/Storage';
import { type StructRange, valueRanges } from '../storage/redactUpdate';
import { StorageFullError } from '../sync/StorageFullError';
import type { SyncLog } from '../sync/syncLog';
import type { SyncServer } from '../sync/SyncServer';

export interface RedactDeps {
  readonly storage: Storage;
  readonly syncServer: SyncServer;
  readonly log: SyncLog;
}

export async function redactComment(
  deps: RedactDeps,
  boardId: string,
  actor: Actor,
  commentId: string,
): Promise<RedactionCounts> {
  const at = Date.now();
  /** Step 1's struct ids, once its change ran (a held change ran, though unanswered). */
  let ranges: StructRange[] | null = null;
  try {
    ranges = await deps.syncServer.change(
      boardId,
      actor,
      (doc) => {
        redactCommand(doc, commentId, { actor, now: () => at }); // BoardError if there is none
        // Read after the command: its own empty value is among them, harmlessly.
        ranges = valueRanges(commentsMap(doc).get(commentId)!, COMMENT_KEYS.text);
        return ranges;
      },
      // A lead demoted or revoked since the request was admitted redacts nothing.
      { requires: 'redactComments' },
    );
  } catch (error) {
    if (error instanceof StorageFullError && error.stored && ranges) {
      scrubOnceStored(deps, error.stored, { boardId, commentId, ranges, by: actor, at });
    }
    throw error;
  }
  return deps.storage.redactComment({ boardId, commentId, ranges, by: actor, at });
}

/** Step 2 for a change answered 507 but held: run when it is stored; logged, as none waits. */
function scrubOnceStored(deps: RedactDeps, stored: Promise<void>, redaction: CommentRedaction) {
  const { boardId, commentId } = redaction;
  void stored
    .then(() => deps.storage.redactComment(redaction))
    .then(
      (counts) =>
        deps.log('info', 'redacted a comment once its change was stored', {
          boardId,
          commentId,
          ...counts,
        }),
      (error: unknown) =>
        deps.log('error', 'a held redaction’s stored words were not scrubbed', {
          boardId,
          commentId,
          error,
        }),
    );
}
