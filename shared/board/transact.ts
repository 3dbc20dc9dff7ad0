import type * as Y from 'yjs';
import type { Actor } from './actor';
import { type CommandContext, type CommandName, CommandOrigin } from './origin';
import { newId } from './newId';

/** What a command body gets: the doc's transaction plus who and when. */
export interface CommandScope {
  readonly actor: Actor;
  readonly now: number;
  readonly newId: () => string;
}

/** Runs one command as one transaction whose origin names the command and the actor. */
export function transact<T>(
  doc: Y.Doc,
  command: CommandName,
  ctx: CommandContext,
  body: (scope: CommandScope) => T,
): T {
  const scope: CommandScope = {
    actor: { id: ctx.actor.id, name: ctx.actor.name },
    now: (ctx.now ?? Date.now)(),
    newId: ctx.newId ?? newId,
  };
  let result!: T;
  doc.transact(
    () => {
      result = body(scope);
    },
    new CommandOrigin(command, scope.actor),
  );
  return result;
}
