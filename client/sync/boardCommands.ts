/**
 * The board's commands as components call them: bound to the connection's doc and the local
 * actor, refused early when the role may not run them, or once the server has refused the
 * connection (an invite revoked, the board deleted): the server drops such writes anyway, but
 * a dropped write would leave the local doc ahead of the server for good, and the form that
 * made it would say it was saved (QA15 F1).
 */
import type * as Y from 'yjs';
import {
  type Actor,
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  assignCards,
  BoardError,
  type CommandContext,
  deleteCard,
  deleteCards,
  deleteComment,
  editCard,
  editComment,
  editEvidence,
  editRatingScale,
  moveCard,
  moveCards,
  type Organisation,
  removeArticle,
  removeEvidence,
  resolveThread,
  setArticlePublished,
  setBoardMeta,
  setVerdict,
} from '../../shared/board';
import { can, type Permission, type Role } from '../../shared/roles';

type Command<A extends unknown[], R> = (doc: Y.Doc, ...args: [...A, CommandContext]) => R;

export interface CommandBinding {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly role: Role;
  /** Whether the server has refused this connection: nothing written now would reach it. */
  readonly refused: () => boolean;
  /** Runs after every successful command (ends the undo capture, so one command = one step). */
  readonly afterCommand: () => void;
}

function bind<A extends unknown[], R>(
  b: CommandBinding,
  permission: Permission,
  command: Command<A, R>,
): (...args: A) => R {
  return (...args: A) => {
    if (!can(b.role, permission)) {
      throw new BoardError('not_allowed', `a ${b.role} may not do this`);
    }
    if (b.refused()) {
      throw new BoardError('not_allowed', 'the server refused this connection');
    }
    const result = command(b.doc, ...args, { actor: b.actor });
    b.afterCommand();
    return result;
  };
}

export function bindCommands(b: CommandBinding) {
  return Object.freeze({
    addClaim: bind(b, 'editBoard', addClaim),
    editCard: bind(b, 'editBoard', editCard),
    moveCard: bind(b, 'editBoard', moveCard),
    setVerdict: bind(b, 'editBoard', setVerdict),
    assignCard: bind(b, 'editBoard', assignCard),
    deleteCard: bind(b, 'editBoard', deleteCard),
    /** A selection of cards, each as one command (one transaction, one undo step). */
    moveCards: bind(b, 'editBoard', moveCards),
    assignCards: bind(b, 'editBoard', assignCards),
    deleteCards: bind(b, 'editBoard', deleteCards),
    /** An article, with the cards its import proposed that nobody worked on (articleRemoval). */
    removeArticle: bind(b, 'editBoard', removeArticle),
    /** The day an article was published, or null: the claim's date in its ClaimReview. */
    setArticlePublished: bind(b, 'editBoard', setArticlePublished),
    addEvidence: bind(b, 'editBoard', addEvidence),
    editEvidence: bind(b, 'editBoard', editEvidence),
    removeEvidence: bind(b, 'editBoard', removeEvidence),
    addComment: bind(b, 'comment', addComment),
    editComment: bind(b, 'comment', editComment),
    deleteComment: bind(b, 'comment', deleteComment),
    resolveThread: bind(b, 'comment', resolveThread),
    editRatingScale: bind(b, 'editRatingScale', editRatingScale),
    /**
     * The organisation a ClaimReview export names, set in the Export dialog: the lead's, as the
     * server's write policy has it (an editor's write of it would close their connection).
     */
    setOrganisation: bind(
      b,
      'export',
      (doc: Y.Doc, organisation: Organisation | null, ctx: CommandContext) =>
        setBoardMeta(doc, { organisation }, ctx),
    ),
  });
}

export type BoardCommands = ReturnType<typeof bindCommands>;
