/**
 * POST /api/boards/:id/articles (editor or lead): an article in, its claims out as cards in
 * Unverified. The body is JSON `{title?, url?, published?, text}` or `{…, html}`, or the raw
 * file with its Content-Type (text/plain, text/markdown, text/html; `?title=&url=&published=`).
 * `published` is the day the article was published (YYYY-MM-DD), written with a new article;
 * the same text again keeps the day it has (the article view changes it).
 *
 * The article and its cards are written in one syncServer.change (server/articles/
 * importArticle), so collaborators see them appear together and history records who
 * imported them. Importing the same text again finds the article and adds no cards (a link
 * given then fills in one the article lacked): `cards` lists those the request made, none
 * then, and `existingCards` the article's cards already on the board.
 *
 * An import whose client disconnects is cancelled: its extraction leaves the queue or is
 * stopped, and nothing is written. Once its change has begun it is done: the cards stay,
 * whether or not anyone reads the answer.
 */
import express, { type Request, type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { httpUrl, LIMITS, plainText, publishedDate } from '../../../shared/board/inputs';
import { articleTooLarge } from '../../../shared/extract/decodeArticleInput';
import { clipText } from '../../../shared/wellFormed';
import { deletedCardsByClaim } from '../../articles/deletedCards';
import { articleIdFor } from '../../articles/articleIdFor';
import { importArticle } from '../../articles/importArticle';
import type { ExtractionPool } from '../../extract/createExtractionPool';
import { readAllHistory } from '../../storage/readAllHistory';
import type { ArticleInput } from '../../extract/extractArticle';
import { authenticateMember, member, requirePermission } from '../auth';
import type { BoardActionDeps } from '../boardActions';
import { clientGone } from '../clientGone';
import type { IdempotencyKeys } from '../IdempotencyKeys';
import { limitedBody } from '../limitedBody';
import { validate } from '../validate';

const meta = {
  title: z.string().trim().pipe(plainText(LIMITS.title)).optional(),
  url: httpUrl.nullable().optional(),
  /** The day it was published (YYYY-MM-DD), as the importer confirmed it; a new article's only. */
  published: publishedDate.nullable().optional(),
};

const jsonArticle = z.union([
  z.strictObject({ ...meta, text: z.string() }),
  z.strictObject({ ...meta, html: z.string() }),
]);

const rawArticleQuery = z.object(meta);

/** The request as the extraction pipeline's input (see server/extract/extractArticle). */
function readInput(
  req: Request,
  maxBytes: number,
): ArticleInput & { url: string | null; published: string | null } {
  if (req.is('application/json')) {
    const body = validate(jsonArticle, req.body);
    const isHtml = 'html' in body;
    return {
      body: isHtml ? body.html : body.text,
      contentType: isHtml ? 'text/html' : 'text/plain',
      title: body.title,
      url: body.url ?? null,
      published: body.published ?? null,
      maxBytes,
    };
  }
  const query = validate(rawArticleQuery, req.query);
  return {
    body: Buffer.isBuffer(req.body) ? req.body : new Uint8Array(0),
    contentType: req.get('content-type'),
    title: query.title,
    url: query.url ?? null,
    published: query.published ?? null,
    maxBytes,
  };
}

/**
 * `declared` refuses a body said to be too large (below); `read` reads it, JSON or the raw file
 * (non-JSON bodies arrive as bytes: decodeArticleInput decides what is text and what is not), up
 * to the request limit. A body past it holds an
 * article past the article limit, and is refused as one (article_too_large, the limit in MB):
 * the generic body_too_large ("request body larger than 2097152 bytes") told an importer of a
 * 5 MB story less than one of 1.5 MB was told. The limit said is the smaller of the two, the one
 * that refused it when the article limit is set above the request limit.
 */
function articleBody(
  maxBodyBytes: number,
  maxArticleBytes: number,
): { declared: RequestHandler; read: RequestHandler } {
  const json = limitedBody(express.json({ limit: maxBodyBytes }), maxBodyBytes);
  const raw = limitedBody(
    express.raw({
      type: (req) => !req.headers['content-type']?.includes('json'),
      limit: maxBodyBytes,
    }),
    maxBodyBytes,
  );
  const limit = Math.min(maxBodyBytes, maxArticleBytes);
  const asArticle = (err: unknown) =>
    (err as { type?: unknown } | null)?.type === 'entity.too.large' ? articleTooLarge(limit) : err;
  return {
    // A body that says it is past the limit is refused before the token, unread, as every other
    // route's is (their bodies are read first): a 3 MB article with a wrong token was told
    // 401 invalid_token where an invite was told 413 (found by QA).
    declared: (req, _res, next) =>
      next(
        Number(req.headers['content-length']) > maxBodyBytes ? articleTooLarge(limit) : undefined,
      ),
    read: (req, res, next) => {
      json(req, res, (err) => {
        if (err) return next(asArticle(err));
        raw(req, res, (rawErr) => next(rawErr ? asArticle(rawErr) : undefined));
      });
    },
  };
}

export function articleRoutes(
  deps: BoardActionDeps & {
    maxBodyBytes: number;
    maxArticleBytes: number;
    extraction: ExtractionPool;
    idempotency: IdempotencyKeys;
  },
): Router {
  const router = Router();
  const body = articleBody(deps.maxBodyBytes, deps.maxArticleBytes);

  router.post(
    '/api/boards/:id/articles',
    body.declared,
    authenticateMember(deps),
    requirePermission('importArticle'),
    body.read,
    async (req, res) => {
      const me = member(res);
      const input = readInput(req, deps.maxArticleBytes);
      const gone = clientGone(res);
      await deps.idempotency.answer(
        req,
        res,
        deps.syncServer,
        me.boardId,
        me.actor.id,
        async (syncServer) => {
          try {
            // In a worker thread: a slow article holds no other board or request meanwhile.
            const result = await deps.extraction.extract(input, gone);
            const article = {
              id: articleIdFor(result.text),
              title: clipText(result.title, LIMITS.title),
              url: input.url,
              text: result.text,
              published: input.published,
            };
            // Read page by page, yielding between pages; the change then checks each card
            // against the board as it is (one restored meanwhile is on it).
            const deleted = deletedCardsByClaim(await readAllHistory(deps.storage, me.boardId));
            // The extraction may have taken seconds: the change is refused if a lead revoked
            // the invite or lowered its role meanwhile (requires), not written in their name.
            const imported = await syncServer.change(
              me.boardId,
              me.actor,
              (doc) => {
                // Checked inside the change, the last moment before the board is written (the
                // board may have had to load): throwing here leaves it untouched.
                gone.throwIfAborted();
                return importArticle(doc, me.actor, article, result.claims, deleted);
              },
              { requires: 'importArticle' },
            );
            // The language says why an article gave no cards: claims are proposed only in the
            // languages extraction knows. Title and link are the board's (the same text again
            // keeps the title it was first imported with). A new version of an article on the
            // board proposes only the claims the board has no card for (alreadyOnBoard,
            // similarTo), and not those whose card a person deleted (deletedBefore, to restore
            // if wanted).
            const { id: articleId, ...stored } = imported.article;
            return {
              status: imported.created ? 201 : 200,
              body: {
                articleId,
                ...stored,
                linked: imported.linked,
                language: result.language,
                cards: imported.cards,
                existingCards: imported.existingCards,
                found: imported.found,
                alreadyOnBoard: imported.alreadyOnBoard,
                similarTo: imported.similarTo,
                deletedBefore: imported.deletedBefore,
              },
            };
          } catch (err) {
            // The client left: nobody is left to answer.
            if (gone.aborted) return null;
            throw err;
          }
        },
      );
    },
  );

  return router;
}
