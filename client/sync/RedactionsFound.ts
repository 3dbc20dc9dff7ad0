/**
 * Which comments a connection's transactions show marked redacted, gathered until just after
 * the transaction, when the connection lets go of their words (BoardConnection.scrubRedactions):
 * newly redacted (the lead's redaction, which this tab saw live, with the comment's words
 * before it) or arriving redacted (a board loading from this device's copy, which may hold
 * their words, or from the server). Its own class so that the connection only hears "these
 * comments, and how they came".
 */
import type * as Y from 'yjs';
import { COMMENT_REDACTED_KEY, commentsMap } from '../../shared/board';
import { isRedacted } from './redactedWords';

/** How the comments found came: what DeviceCopy.scrubComments needs to know. */
export interface RedactionsHow {
  /** One of them was redacted while this tab had the comment: its words were here. */
  readonly live: boolean;
  /** One of them came from this device's copy, or a tab's record, not from the server. */
  readonly fromDevice: boolean;
}

export interface RedactionsFoundDeps {
  /** Whether a transaction's origin is the server (the provider). */
  readonly fromServer: (origin: unknown) => boolean;
  /** The connection is destroyed: nothing is scrubbed any more. */
  readonly destroyed: () => boolean;
  /** Lets go of the words of these comments, once per run of transactions. */
  readonly scrub: (ids: ReadonlySet<string>, how: RedactionsHow) => void;
}

export class RedactionsFound {
  /** Comments found marked redacted whose words this tab has not let go of yet. */
  private readonly found = new Set<string>();
  private live = false;
  private fromDevice = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly deps: RedactionsFoundDeps,
  ) {}

  /** Notes the comments a transaction shows marked redacted (an afterTransaction listener). */
  readonly note = (transaction: Y.Transaction) => {
    const comments = commentsMap(this.doc);
    let found = false;
    for (const [type, keys] of transaction.changed) {
      if ((type as unknown) === comments) {
        for (const id of keys) {
          if (id === null || !isRedacted(comments.get(id))) continue;
          this.found.add(id);
          this.fromDevice ||= !this.deps.fromServer(transaction.origin);
          found = true;
        }
      } else if (
        keys.has(COMMENT_REDACTED_KEY) &&
        type._item?.parent === comments &&
        isRedacted(type)
      ) {
        this.found.add(type._item.parentSub as string);
        this.live = true;
        found = true;
      }
    }
    if (found) queueMicrotask(this.scrub);
  };

  private readonly scrub = () => {
    if (this.deps.destroyed() || this.found.size === 0) return;
    const ids: ReadonlySet<string> = new Set(this.found);
    const how = { live: this.live, fromDevice: this.fromDevice };
    this.found.clear();
    this.live = false;
    this.fromDevice = false;
    this.deps.scrub(ids, how);
  };
}
