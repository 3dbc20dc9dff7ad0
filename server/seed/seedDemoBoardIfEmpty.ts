/**
 * The demo board (issue 5): on the first start with an empty data directory, a board built
 * from the seed article, so a new user sees a working board at once. It goes through the
 * same code as an import over REST (the server's extraction threads, then importArticle), so
 * the demo shows exactly what an import produces.
 *
 * Idempotent because it only runs when the data directory holds no board at all: a second
 * start finds the demo board (or the user's own boards) and does nothing.
 * FACTBOARD_DEMO=0 turns it off (config.demo).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { articleIdFor } from '../articles/articleIdFor';
import { importArticle } from '../articles/importArticle';
import { createBoard, inviteUrl } from '../http/boardActions';
import type { RunningServer } from '../startServer';

/** The seed article and its attribution (seeds/README.md): InSight Crime, CC BY-NC. */
export const DEMO = {
  boardTitle: 'Demo: El Salvador prisons',
  leadName: 'Demo lead',
  file: fileURLToPath(new URL('../../seeds/000_90c871332769486b.txt', import.meta.url)),
  // The attribution stays visible wherever the article is shown: in its title and link.
  articleTitle:
    'Fired El Salvador Prison Workers Claim Irregularities Facilitated Gang Negotiation ' +
    '(InSight Crime, CC BY-NC)',
  articleUrl: 'https://insightcrime.org/',
} as const;

export interface DemoBoard {
  readonly boardId: string;
  readonly title: string;
  /** The lead's invite link (the token is in the fragment). */
  readonly leadUrl: string;
  readonly cards: number;
}

/** Creates the demo board when the data directory has no board; null when it did nothing. */
export async function seedDemoBoardIfEmpty(running: RunningServer): Promise<DemoBoard | null> {
  if (!running.config.demo || (await running.storage.hasBoards())) return null;

  // Extract before creating the board: a failure here leaves no half-made board behind.
  const result = await running.extraction.extract({
    body: readFileSync(DEMO.file, 'utf8'),
    contentType: 'text/plain',
  });
  const { board, lead } = await createBoard(running, {
    title: DEMO.boardTitle,
    leadName: DEMO.leadName,
  });
  const article = {
    id: articleIdFor(result.text),
    title: DEMO.articleTitle,
    url: DEMO.articleUrl,
    text: result.text,
  };
  const { cards } = await running.syncServer.change(board.id, SYSTEM_ACTOR, (doc) =>
    importArticle(doc, SYSTEM_ACTOR, article, result.claims),
  );
  return {
    boardId: board.id,
    title: board.title,
    leadUrl: inviteUrl(running.publicUrl, board.id, lead.token),
    cards: cards.length,
  };
}
