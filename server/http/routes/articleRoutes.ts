/**
 * POST /api/boards/:id/articles (editor or lead): an article in, its claims out as cards in
 * Unverified. The body is JSON `{title?, url?, text}` or `{title?, url?, html}`, or the raw
 * file with its Content-Type (text/plain, text/markdown, text/html; `?title=&url=`).
 *
 * The article and its cards are written in one syncServer.change (server/articles/
 * importArticle), so collaborators see them appear together and history records who
 * imported them. Importing the same text again finds the article and adds no cards (a link
 * given then fills in one the article lacked).
 */
import express, { type Request, Router } from 'express';
import { z } from 'zod';
import { httpUrl, LIMITS } from '../../../shared/board/inputs';
import { articleIdFor, importArticle } from '../../articles/importArticle';
import type { ExtractionPool } from '../../extract/createExtractionPool';
import type { ArticleInput } from '../../extract/extractArticle';
import { authenticateMember, member, requirePermission } from '../auth';
import type { BoardActionDeps } from '../boardActions';
import { validate } from '../validate';

const meta = {
  title: z.string().trim().max(LIMITS.title).optional(),
  url: httpUrl.nullable().optional(),
};

const jsonArticle = z.union([
  z.object({ ...meta, text: z.string() }).strict(),
  z.object({ ...meta, html: z.string() }).strict(),
]);

const rawArticleQuery = z.object(meta);

/** The request as the extraction pipeline's input (see server/extract/extractArticle). */
function readInput(req: Request, maxBytes: number): ArticleInput & { url: string | null } {
  if (req.is('application/json')) {
    const body = validate(jsonArticle, req.body);
    const isHtml = 'html' in body;
    return {
      body: isHtml ? body.html : body.text,
      contentType: isHtml ? 'text/html' : 'text/plain',
      title: body.title,
      url: body.url ?? null,
      maxBytes,
    };
  }
  const query = validate(rawArticleQuery, req.query);
  return {
    body: Buffer.isBuffer(req.body) ? req.body : new Uint8Array(0),
    contentType: req.get('content-type'),
    title: query.title,
    url: query.url ?? null,
    maxBytes,
  };
}

export function articleRoutes(
  deps: BoardActionDeps & {
    maxBodyBytes: number;
    maxArticleBytes: number;
    extraction: ExtractionPool;
  },
): Router {
  const router = Router();
  // Non-JSON bodies arrive as bytes: decodeArticleInput decides what is text and what is not.
  const rawBody = express.raw({
    type: (req) => !req.headers['content-type']?.includes('json'),
    limit: deps.maxBodyBytes,
  });

  router.post(
    '/api/boards/:id/articles',
    authenticateMember(deps),
    requirePermission('importArticle'),
    rawBody,
    async (req, res) => {
      const me = member(res);
      const input = readInput(req, deps.maxArticleBytes);
      // In a worker thread: a slow article holds no other board or request meanwhile.
      const result = await deps.extraction.extract(input);
      const article = {
        id: articleIdFor(result.text),
        title: result.title.slice(0, LIMITS.title),
        url: input.url,
        text: result.text,
      };
      const imported = await deps.syncServer.change(me.boardId, me.actor, (doc) =>
        importArticle(doc, me.actor, article, result.claims),
      );
      // The language says why an article gave no cards: claims are proposed only in the
      // languages extraction knows. Title and link are the board's (the same text again
      // keeps the title it was first imported with).
      const { id: articleId, ...stored } = imported.article;
      res.status(imported.created ? 201 : 200).json({
        articleId,
        ...stored,
        linked: imported.linked,
        language: result.language,
        cards: imported.cards,
      });
    },
  );

  return router;
}
