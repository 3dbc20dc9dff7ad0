/**
 * The rating scale whole, after a lead's write (scaleFault): the write policy judges each value
 * a write sets (fieldRules), and a raw lead write of values each fine could still leave a best
 * not above the worst, a value outside them, a name twice or a Corroborated label valued below a
 * Disputed one. Readers fall back to the default scale or leave labels out of such a scale, so
 * the board would show a scale nobody saved.
 *
 * What the scale becomes depends on how Yjs merges the write with what the doc holds (a key set
 * by two clients keeps one value), so the write is applied to a copy of the doc and the copy's
 * scale judged: exact, and costly on a large board, but run only for a write into the scale (a
 * lead's Save in the Rating scale dialog, or its Undo), never for a card edit or a comment.
 */
import * as Y from 'yjs';
import { scaleFault } from '../../shared/board/readMeta';
import { META_KEYS, ROOT, scaleMap } from '../../shared/board/schema';
import type { UpdateAnalysis, Where } from './analyzeUpdate';
import { no, OK, type PolicyVerdict } from './policyVerdict';

/** Whether an item lands in the rating scale (or is the scale's own map, directly in meta). */
function inScale(where: Where): boolean {
  if (where.root !== ROOT.meta) return false;
  return where.depth === 0
    ? where.key === META_KEYS.scale
    : where.top?.parentSub === META_KEYS.scale;
}

/** Whether the update writes or deletes anything in the rating scale. */
export function touchesScale({ newItems, deletes }: UpdateAnalysis): boolean {
  for (const n of newItems) if (inScale(n.where)) return true;
  for (const d of deletes) if (inScale(d.where)) return true;
  return false;
}

/** Refuses a write after which the board's rating scale would not hold together. */
export function checkScaleWrite(
  analysis: UpdateAnalysis,
  doc: Y.Doc,
  update: Uint8Array,
): PolicyVerdict {
  if (!touchesScale(analysis)) return OK;
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(after, update);
  const map = scaleMap(after);
  // No map: the write took it away, which the write policy refuses (removesScale).
  const fault = map === null ? null : scaleFault(map);
  after.destroy();
  return fault === null ? OK : no(`the rating scale would not hold together: ${fault}`);
}
