import type { Actor } from './actor';

export type CommandName =
  | 'initBoard'
  | 'migrateBoard'
  | 'importBoard'
  | 'setBoardMeta'
  | 'setRatingScale'
  | 'editRatingScale'
  | 'addArticle'
  | 'setArticleUrl'
  | 'setArticlePublished'
  | 'removeArticle'
  | 'addClaim'
  | 'editCard'
  | 'setExtraction'
  | 'moveCard'
  | 'setVerdict'
  | 'assignCard'
  | 'deleteCard'
  | 'moveCards'
  | 'assignCards'
  | 'deleteCards'
  | 'restoreCard'
  | 'addEvidence'
  | 'editEvidence'
  | 'removeEvidence'
  | 'addComment'
  | 'editComment'
  | 'deleteComment'
  | 'redactComment'
  | 'resolveThread';

/**
 * The origin of every command's transaction. Undo managers track this class
 * (`trackedOrigins: new Set([CommandOrigin])`), so they see the local user's commands and
 * never a colleague's changes, which arrive with the provider as their origin.
 */
export class CommandOrigin {
  constructor(
    readonly command: CommandName,
    readonly actor: Actor,
  ) {}
}

/** Who runs a command, and (for tests and replays) the clock and id source to use. */
export interface CommandContext {
  readonly actor: Actor;
  readonly now?: () => number;
  readonly newId?: () => string;
}
