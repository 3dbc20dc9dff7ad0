/**
 * A board worker's side of an import (boardWorker): parses, validates and builds an imported
 * board (for a 10,000-card file about a second of work that cannot be split), as one Yjs
 * update, or the list of problems.
 */
import * as Y from 'yjs';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { importBoardFromJson } from '../../shared/export/importBoardFromJson';
import type { BuiltImport } from './buildImportInWorker';

export function buildImport(text: string, at: number): BuiltImport {
  const result = importBoardFromJson(text);
  if (!result.ok) return { ok: false, errors: result.errors };
  const doc = new Y.Doc();
  result.apply(doc, { actor: SYSTEM_ACTOR, now: () => at });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const { board, history, exportedAt, asOf } = result.data;
  return { ok: true, data: { board, history, exportedAt, asOf }, update };
}
