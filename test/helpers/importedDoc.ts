/**
 * A new doc holding the board of a JSON export (its text or parsed), imported in `ctx`'s name
 * as the import route does; throws with the import's errors when the file is refused.
 */
import * as Y from 'yjs';
import type { CommandContext } from '../../shared/board/origin';
import { importBoardFromJson } from '../../shared/export';

export function importedDoc(json: unknown, ctx: CommandContext): Y.Doc {
  const result = importBoardFromJson(json);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const doc = new Y.Doc();
  result.apply(doc, ctx);
  return doc;
}
