/**
 * POST /api/boards/:id/articles (editor or lead): an article in, its claims out as cards in
 * Unverified. The body is JSON `{title?, url?, text}` or `{title?, url?, html}`, or the raw
 * file with its Content-Type (text/plain, text/markdown, text/html; `?title=&url=`).
 *
 * The article and its cards are written in one syncServer.change, so collaborators see
 * them appear together and history records who imported them. The article id is a hash of
 * the stored text: importing the same text again finds it and adds no cards.
 */
import { createHash } from 'node:crypto';
import express, { type Request, Router } from 'express';
import * as Y from 'yjs';
import { z } from 'zod';
import type { Actor } from '../../../shared/board/actor';
import { addClaim } from '../../../shared/board/commands/cards';
import { addArticle } from '../../../shared/board/commands/meta';
import { httpUrl, LIMITS } from '../../../shared/board/inputs';
import { CommandOrigin } from '../../../shared/board/origin';
import { readBoard } from '../../../shared/board/readBoard';
import { articlesMap } from '../../../shared/board/schema';
import type { CardView } from '../../../shared/board/view';
import type { ClaimCandidate } from '../../../shared/extract/types';
import { type ArticleInput, extractArticle } from '../../extract/extractArticle';
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

/** The same text always gets the same id on a board. */
export function articleIdFor(text: string): string {
  return `a${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 24)}`;
}

/** Cards that cannot hold the whole of an over-long sentence are left to a person. */
function fitsOnCard(candidate: ClaimCandidate): boolean {
  return candidate.sentence.length <= LIMITS.claim * 5;
}

function importArticle(
  doc: Y.Doc,
  actor: Actor,
  article: { id: string; title: string; url: string | null; text: string },
  claims: readonly ClaimCandidate[],
): { created: boolean; cards: CardView[] } {
  const existing = articlesMap(doc).has(article.id);
  const ids: string[] = [];
  if (!existing) {
    // One transaction, so the article and its cards reach every client as one update.
    doc.transact(
      () => {
        addArticle(doc, article, { actor });
        for (const c of claims.filter(fitsOnCard)) {
          ids.push(
            addClaim(
              doc,
              {
                claim: c.claim.slice(0, LIMITS.claim).trim() || c.sentence.slice(0, LIMITS.claim),
                source: { articleId: article.id, start: c.start, end: c.end, sentence: c.sentence },
                speaker: c.speaker?.slice(0, LIMITS.speaker) ?? null,
                extraction: {
                  score: c.score,
                  rank: c.rank,
                  chips: c.entities
                    .slice(0, 100)
                    .map((e) => ({ text: e.text.slice(0, 300), type: e.type })),
                },
              },
              { actor },
            ),
          );
        }
      },
      new CommandOrigin('addArticle', actor),
    );
  }
  const board = readBoard(doc);
  const cards = existing
    ? Object.values(board.cards)
        .filter((card) => card.source?.articleId === article.id)
        .sort((a, b) => (a.extraction?.rank ?? 0) - (b.extraction?.rank ?? 0))
    : ids.map((id) => board.cards[id]).filter((card): card is CardView => card !== undefined);
  return { created: !existing, cards };
}

export function articleRoutes(
  deps: BoardActionDeps & { maxBodyBytes: number; maxArticleBytes: number },
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
      const result = extractArticle(input);
      const article = {
        id: articleIdFor(result.text),
        title: result.title.slice(0, LIMITS.title),
        url: input.url,
        text: result.text,
      };
      const { created, cards } = await deps.syncServer.change(me.boardId, me.actor, (doc) =>
        importArticle(doc, me.actor, article, result.claims),
      );
      res.status(created ? 201 : 200).json({ articleId: article.id, title: article.title, cards });
    },
  );

  return router;
}
