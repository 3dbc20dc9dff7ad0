/**
 * The page's Undo and Redo (the header's buttons, the shortcuts, a toast's Undo): each takes
 * the person's own top step, or says why not, and says what the step did (undoAnnouncement).
 * One function for both: they differ only in the stack they take from and their words. A step
 * that kept the value of a colleague this page never saw in presence is told once the server
 * has named them (BoardConnection.namedByServer), and what is told after it waits its turn, so
 * that the page says each step in the order they were taken.
 */
import { useCallback, useRef } from 'react';
import type { BoardView } from '../../shared/board/view';
import type { Role } from '../../shared/roles';
import type { BoardConnection } from '../sync/BoardConnection';
import type { UndoStep } from '../sync/BoardUndo';
import type { Columns } from './filterCards';
import { mayUndo } from './keyboardShortcuts';
import { undoAnnouncement } from './undoWords';

export function useUndoRedo({
  connection,
  role,
  whyNot,
  tell,
  shownColumns,
}: {
  connection: BoardConnection;
  /** What the page lets this person do now. */
  role: Role;
  /**
   * Why the role may not undo now (a viewer's role, lost rights), for "Could not undo: …" and,
   * with no step to take, "Nothing to undo: …".
   */
  whyNot: string;
  /** Says and shows the result. */
  tell: (text: string) => void;
  /** The columns as the person sees them, for where a step left its card. */
  shownColumns: (board: BoardView) => Columns;
}): { undo: () => void; redo: () => void } {
  /** The announcement that waits for the server's names, if any: later ones go after it. */
  const waiting = useRef<Promise<void> | null>(null);
  const say = useCallback(
    (words: string | Promise<string>) => {
      const before = waiting.current;
      if (before === null && typeof words === 'string') return tell(words);
      const told = Promise.all([before, words]).then(([, text]) => tell(text));
      waiting.current = told;
      void told.finally(() => {
        if (waiting.current === told) waiting.current = null;
      });
    },
    [tell],
  );
  const step = useCallback(
    (which: 'undo' | 'redo') => {
      const undoing = which === 'undo';
      const manager = connection.undoManager;
      const stepThere = undoing ? manager.canUndo() : manager.canRedo();
      // A page that may no longer write (refused, reopening) still holds its own steps: undone
      // there, they would change the board on screen only, and be said done. With none, a
      // viewer's Ctrl+Z still says why: "Nothing to undo." read as if there might be one day.
      if (!mayUndo(role))
        return say(`${stepThere ? 'Could not' : 'Nothing to'} ${which}: ${whyNot}.`);
      if (!stepThere) return say(`Nothing to ${which}.`);
      const before = connection.getSnapshot().board;
      const done = undoing ? connection.undo() : connection.redo();
      const after = connection.getSnapshot().board;
      const words = (taken: UndoStep) =>
        undoAnnouncement(undoing ? 'Undone' : 'Redone', taken, before, after, shownColumns);
      const named = connection.namedByServer(done);
      say(named ? named.then(words) : words(done));
    },
    [connection, say, shownColumns, role, whyNot],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  return { undo, redo };
}
