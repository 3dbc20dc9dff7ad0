/**
 * GET /api/boards/:id/history[?card=&after=&before=&limit=] (any member): one page of audit
 * events, oldest first within the page, and `next`, the query for the page beyond it.
 *
 * - No cursor and no limit: every event, oldest first, `next: null` (the contract of DESIGN §4,
 *   for scripts that read a whole board's history); read in pages so the loop never waits on
 *   one long read. The client always pages.
 * - `limit` alone: the latest `limit` events; `next: {before}` while older ones exist.
 * - `before=<seq>`: the `limit` events just before it (older pages on demand).
 * - `after=<seq>`: the `limit` events just after it (polling for what is new, or reading the
 *   whole history forward from `after=0`); `next: {after}` while newer ones exist.
 *
 * `next` is null when nothing lies beyond the page. A page is capped (limit 1…1000, default
 * 200 with a cursor). A page walking back (`limit` alone, or `before`) also says how many
 * events lie before it, `older` (0 when none do): with the page's own events, the length of the
 * whole history, which the Activity feed tells screen-reader users without loading it all. One
 * count over the page's index (1.5 ms before the latest page of a 50,000-event board), made only
 * when `next` is not null.
 */
import { ID_PATTERN } from '../../../shared/board/newId';
import { Router } from 'express';
import { z } from 'zod';
import { readAllHistory } from '../../storage/readAllHistory';
import { MAX_HISTORY_PAGE, type Storage, type StoredHistoryEvent } from '../../storage/Storage';
import type { TokenSigner } from '../../auth/tokens';
import { authenticateMember, member } from '../auth';
import { sendJson } from '../gzipAnswer';
import { validate } from '../validate';

const DEFAULT_LIMIT = 200;

/** A sequence number as a query string: digits only ("", "1e3", "-1" and " 1" are refused). */
const seq = z
  .string()
  .regex(/^\d{1,15}$/, 'not a sequence number')
  .transform(Number);

const historyQuery = z.object({
  card: z.string().regex(ID_PATTERN, 'not a card id').optional(),
  after: seq.optional(),
  before: seq.optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'not a number')
    .transform(Number)
    .pipe(z.number().min(1).max(MAX_HISTORY_PAGE))
    .optional(),
});

const wire = (e: StoredHistoryEvent) => ({
  seq: e.seq,
  cardId: e.cardId,
  type: e.type,
  actor: e.actor,
  at: e.at,
  data: e.data,
});

export function historyRoutes(deps: { storage: Storage; signer: TokenSigner }): Router {
  const router = Router();

  router.get('/api/boards/:id/history', authenticateMember(deps), async (req, res) => {
    const query = validate(historyQuery, req.query);
    const boardId = member(res).boardId;
    if (query.after === undefined && query.before === undefined && query.limit === undefined) {
      const events = await readAllHistory(deps.storage, boardId, query.card);
      sendJson(req, res, { events: events.map(wire), next: null });
      return;
    }
    const page = await deps.storage.listHistory(boardId, {
      cardId: query.card,
      after: query.after,
      before: query.before,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
    const forward = query.after !== undefined;
    const edge = forward ? page.events.at(-1) : page.events[0];
    sendJson(req, res, {
      events: page.events.map(wire),
      next: page.more && edge ? (forward ? { after: edge.seq } : { before: edge.seq }) : null,
      ...(page.older !== undefined && { older: page.older }),
    });
  });

  return router;
}
