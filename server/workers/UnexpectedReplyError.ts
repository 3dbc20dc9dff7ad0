/**
 * A worker thread answered a job with a message the job has no case for: the job and its
 * thread disagree on their protocol, which is a bug, not a failure of the thread (JobError
 * 'failed') nor of the input. The pool stops that thread (the conversation is lost), and the
 * HTTP layer answers it as any other bug: 500 'internal'.
 */
export class UnexpectedReplyError extends Error {
  readonly code = 'unexpected_reply';
  constructor(
    /** What the job was doing, for the message ("an import", "a card read"). */
    job: string,
    readonly replyType: string,
  ) {
    super(`${job} got '${replyType}' from its thread`);
    this.name = 'UnexpectedReplyError';
  }
}
