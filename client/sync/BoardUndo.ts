/**
 * This person's Undo and Redo on one board: a Y.UndoManager of their own commands only (the
 * CommandOrigin of each), every step named after the command that made it, and taken exactly
 * one at a time, or dropped and said so where undoing it would do harm (below).
 */
import * as Y from 'yjs';
import {
  type Actor,
  articlesMap,
  cardsMap,
  type CommandName,
  CommandOrigin,
  COMMENT_KEYS,
  commentsMap,
  metaMap,
  scaleFault,
  scaleMap,
} from '../../shared/board';
import {
  keepCrossedValues,
  type KeptWrite,
  keptWrites,
  restoreCrossedValues,
  type WhoIs,
  writtenBy,
} from './crossedWrites';
import { COMMENT_WORK, workOnAdded } from './workOnAdded';
import { dropRedactedSteps, REDACTED_STEP, type StackItem } from './redactedWords';

/** The key of a step's meta that names its command. */
const COMMAND = 'command';
/** The command whose step this is (its Undo's and Redo's steps take its name: passNameOn). */
export const commandOf = (item: StackItem | null | undefined): CommandName | null =>
  (item?.meta.get(COMMAND) as CommandName | undefined) ?? null;

/**
 * The key of a comment that holds who wrote each of its keys: only its author edits its text,
 * and its resolver is recorded with the resolution.
 */
const STAMPED_BY: Readonly<Record<string, string>> = {
  [COMMENT_KEYS.text]: COMMENT_KEYS.author,
  [COMMENT_KEYS.editedAt]: COMMENT_KEYS.author,
  [COMMENT_KEYS.resolved]: COMMENT_KEYS.resolvedBy,
  [COMMENT_KEYS.resolvedBy]: COMMENT_KEYS.resolvedBy,
};

/** What one Undo or Redo did: the command of its step, and whether it changed the board. */
export interface UndoStep {
  readonly command: CommandName | null;
  /** False when a colleague had since changed everything the step changed: it is dropped. */
  readonly applied: boolean;
  /**
   * The keys of the step someone else has written since, left as they set them (keptWrites);
   * absent when there are none. With `applied` false, every key the step changed; for a post
   * dropped because of what was done to the comment since (laterWorkOnPosts), that work.
   */
  readonly kept?: readonly KeptWrite[];
  /**
   * Dropped because a card or evidence item it added holds others' work since (workOnAdded),
   * which undoing it would take off the board with it: `kept` says whose and what.
   */
  readonly workedOn?: true;
  /** Dropped because the article whose removal it undoes is on the board again. */
  readonly articleBack?: true;
  /** Dropped because it would bring back words of a comment a lead redacted since. */
  readonly redacted?: true;
  /**
   * Dropped because the rating scale it would leave does not hold together (scaleFault), which
   * the server refuses: the Undo of a lead's mend of a scale stored before the server judged it.
   */
  readonly scaleNotWhole?: true;
}

/** The commands whose steps change the rating scale. */
const SCALE_COMMANDS: ReadonlySet<CommandName | null> = new Set([
  'editRatingScale',
  'setRatingScale',
]);

export class BoardUndo {
  readonly manager: Y.UndoManager;

  /**
   * `changed` runs whenever the stacks change: a step added, popped or cleared. `whoIs` names
   * the person on a client present now or seen earlier this session (presenceSeen), for whose
   * values an Undo kept; `meId` is this person's own (invite) id, whose other tabs' values an
   * Undo kept are told as theirs, not a colleague's.
   */
  constructor(
    private readonly doc: Y.Doc,
    private readonly changed: () => void,
    private readonly whoIs: WhoIs = () => null,
    private readonly meId: string | null = null,
  ) {
    // captureTimeout 0: each command is its own undo step, however fast the next one follows.
    this.manager = new Y.UndoManager(
      [metaMap(doc), articlesMap(doc), cardsMap(doc), commentsMap(doc)],
      {
        trackedOrigins: new Set([CommandOrigin]),
        captureTimeout: 0,
        // Resolve and Reopen are not undone (the other button undoes them): undoing a reopen
        // would write back a colleague's resolution from this person's client, and the server
        // takes a resolver only in the writer's own name (writePolicy).
        captureTransaction: (tr) =>
          !(tr.origin instanceof CommandOrigin && tr.origin.command === 'resolveThread'),
      },
    );
    keepCrossedValues(doc);
    this.manager.on('stack-item-added', this.nameStackItem);
    this.manager.on('stack-item-added', changed);
    this.manager.on('stack-item-popped', this.passNameOn);
    this.manager.on('stack-item-popped', changed);
    this.manager.on('stack-cleared', changed);
  }

  /** Undoes this person's last change: which command made it, and whether it changed anything. */
  undo(): UndoStep {
    return this.popOneStep('undoStack');
  }

  /** Redoes the last undone change. */
  redo(): UndoStep {
    return this.popOneStep('redoStack');
  }

  /**
   * Replaces the steps that touch a comment a lead redacted with empty ones that say so
   * (dropRedactedSteps): nothing of its words stays here for an Undo.
   */
  dropRedacted(): void {
    dropRedactedSteps(this.manager, this.doc, COMMAND);
  }

  destroy(): void {
    this.manager.destroy();
  }

  /**
   * Undoes or redoes exactly the top step. Yjs's own undo() passes over a step that changes
   * nothing (a colleague has since replaced every value it set, or deleted its card) and undoes
   * the one below it instead: one Ctrl+Z on a rationale a colleague had rewritten went on to
   * undo the card's creation, deleting the card with the colleague's work while it said it had
   * undone an edit. So Yjs sees a stack of that one step; a step that changes nothing is dropped
   * and reported, and the next Ctrl+Z goes on to the step below.
   */
  private popOneStep(which: 'undoStack' | 'redoStack'): UndoStep {
    const manager = this.manager;
    const stack = manager[which];
    const top = stack.at(-1);
    if (!top) return { command: null, applied: false };
    if (which === 'undoStack' && this.bringsBackLiveArticle(top)) {
      stack.pop();
      this.changed();
      return { command: commandOf(top), applied: false, articleBack: true };
    }
    if (top.meta.get(REDACTED_STEP) === true) {
      stack.pop();
      this.changed();
      return { command: commandOf(top), applied: false, redacted: true };
    }
    const onPost = which === 'undoStack' ? this.laterWorkOnPosts(top) : [];
    if (onPost.length > 0) {
      stack.pop();
      this.changed();
      return { command: commandOf(top), applied: false, kept: onPost };
    }
    const work = which === 'undoStack' ? workOnAdded(this.doc, top, this.whoIs, this.meId) : [];
    if (work.length > 0) {
      stack.pop();
      this.changed();
      return { command: commandOf(top), applied: false, kept: work, workedOn: true };
    }
    // An Undo of a write that won over a colleague's puts back the colleague's value, not the
    // stale one this person had replaced (crossedWrites).
    if (which === 'undoStack') restoreCrossedValues(this.doc, top);
    if (SCALE_COMMANDS.has(commandOf(top)) && !this.leavesScaleWhole(top, which)) {
      stack.pop();
      this.changed();
      return { command: commandOf(top), applied: false, scaleNotWhole: true };
    }
    const kept = keptWrites(this.doc, top, this.whoIs, this.meId);
    let done: StackItem | null = null;
    manager[which] = [top];
    try {
      done = which === 'undoStack' ? manager.undo() : manager.redo();
    } finally {
      stack.pop();
      manager[which] = stack;
      // Listeners read a snapshot during the pop, when this stack held the one step.
      this.changed();
    }
    const step = { command: commandOf(top), applied: done !== null };
    return kept.length > 0 ? { ...step, kept } : step;
  }

  /**
   * Whether the rating scale holds together (scaleFault) once the step is undone or redone, as
   * the server judges a write into it: worked out on a copy of the board, as nothing undone on
   * the board itself can be taken back unsent. Only for a step of a scale command, which are
   * rare. The copy writes as this client (Yjs redoes no value another client has replaced
   * since), and keeps what is deleted (what the step restores).
   */
  private leavesScaleWhole(step: StackItem, which: 'undoStack' | 'redoStack'): boolean {
    const copy = new Y.Doc({ gc: false });
    copy.clientID = this.doc.clientID;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    const manager = new Y.UndoManager(metaMap(copy), { trackedOrigins: new Set() });
    manager[which].push(step);
    if (which === 'undoStack') manager.undo();
    else manager.redo();
    const map = scaleMap(copy);
    const whole = map === null || scaleFault(map) === null;
    manager.destroy();
    copy.destroy();
    return whole;
  }

  /**
   * Whether undoing the step would put back an article the board holds again under its id (the
   * same text imported since its removal): Yjs keeps the board's article and would bring the
   * removed cards back beside the new import's, each claim twice, so the step is dropped. The
   * step deleted an earlier value of a key whose value now is live.
   */
  private bringsBackLiveArticle(step: StackItem): boolean {
    for (const item of articlesMap(this.doc)._map.values()) {
      if (item.deleted) continue;
      for (let older = item.left; older !== null; older = older.left) {
        if (Y.isDeleted(step.deletions, older.id)) return true;
      }
    }
    return false;
  }

  /**
   * What others (or this person in another tab) have done since to a comment the step posted:
   * undoing the post would take it away. Undoing a post removes the comment outright, not as the
   * tombstone Delete leaves: a reply would lose its thread, and an edit would go with it, or come
   * back empty on a Redo (Yjs redoes no key another change has replaced). So the step is dropped,
   * and the comment's own Delete is the way to take it back. Each key changed since, named as
   * keptWrites names a writer (an edit's by the comment's author, a resolution's by its
   * resolver), and each reply as COMMENT_WORK, by its author.
   */
  private laterWorkOnPosts(step: StackItem): KeptWrite[] {
    const work: KeptWrite[] = [];
    const posted = new Set<string>();
    const comments = commentsMap(this.doc);
    const by = (item: Y.Item, stamped: unknown) =>
      writtenBy(item.id.client, this.whoIs, this.meId, (stamped as Actor | undefined) ?? null);
    for (const [id, comment] of comments.entries()) {
      const item = comment instanceof Y.Map ? comment._item : null;
      if (!item || !Y.isDeleted(step.insertions, item.id)) continue;
      const cardId = (comment.get(COMMENT_KEYS.cardId) as string | undefined) ?? null;
      for (const [key, value] of comment._map) {
        if (value.deleted || Y.isDeleted(step.insertions, value.id)) continue;
        const stamp = STAMPED_BY[key];
        work.push({ cardId, key, ...by(value, stamp ? comment.get(stamp) : undefined) });
      }
      posted.add(id);
    }
    if (posted.size === 0) return work;
    for (const comment of comments.values()) {
      if (!(comment instanceof Y.Map) || !comment._item) continue;
      const parent = comment.get(COMMENT_KEYS.parentId);
      if (
        typeof parent === 'string' &&
        posted.has(parent) &&
        !Y.isDeleted(step.insertions, comment._item.id)
      ) {
        const cardId = (comment.get(COMMENT_KEYS.cardId) as string | undefined) ?? null;
        work.push({
          cardId,
          key: COMMENT_WORK,
          ...by(comment._item, comment.get(COMMENT_KEYS.author)),
        });
      }
    }
    return work;
  }

  /** A new undo step remembers the command that made it. */
  private readonly nameStackItem = (event: { stackItem: StackItem; origin: unknown }): void => {
    if (event.origin instanceof CommandOrigin) {
      event.stackItem.meta.set(COMMAND, event.origin.command);
    }
  };

  /**
   * Undoing a step pushes its redo step (and redoing, an undo step) before the popped one is
   * reported: that new step is the same change, so it takes the popped step's name.
   */
  private readonly passNameOn = (event: { stackItem: StackItem; type: 'undo' | 'redo' }): void => {
    const other = event.type === 'undo' ? this.manager.redoStack : this.manager.undoStack;
    const pushed = other.at(-1);
    const command = commandOf(event.stackItem);
    if (pushed && command && !pushed.meta.has(COMMAND)) pushed.meta.set(COMMAND, command);
  };
}
