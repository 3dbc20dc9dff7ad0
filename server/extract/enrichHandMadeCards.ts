/**
 * Gives a card someone made by hand from an article (the article view) the signals an import
 * gives each proposed card: its check-worthiness score, its rank among that article's cards,
 * and chips for the numbers, dates and names in it. It runs after the card is stored, as a
 * change of the system's (setExtraction), so the card reaches everyone first and its signals
 * follow; extraction needs the language model, which only the server has.
 *
 * The signals are worked out in the extraction pool, not on the event loop: a passage may be
 * 10,000 characters of the article, and crafted ones (a run of quotation marks, "1." over and
 * over) took 1–2 s each, twenty per stored batch, while every board's sync waited. Only a
 * person's pace is served: at most MAX_PER_BATCH cards of a stored batch, and only those whose
 * passage is really the article's text at its offsets. A full pool or a job past its time
 * limit leaves the cards without signals (logged), as does a card changed in the meantime.
 */
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { setExtraction } from '../../shared/board/commands/cards';
import { readCard } from '../../shared/board/readCard';
import {
  ARTICLE_KEYS,
  articlesMap,
  CARD_KEYS,
  type CardMap,
  cardsMap,
} from '../../shared/board/schema';
import type { Doc } from 'yjs';
import type { SyncLog } from '../sync/syncLog';
import type { SyncServer } from '../sync/SyncServer';
import type { ExtractionPool } from './createExtractionPool';

const MAX_PER_BATCH = 20;

/** A card's score if it comes from `articleId` and has one; read from two keys, not the card. */
function scoreFrom(card: CardMap, articleId: string): number | null {
  const source = card.get(CARD_KEYS.source) as { articleId?: unknown } | null | undefined;
  if (source?.articleId !== articleId) return null;
  const extraction = card.get(CARD_KEYS.extraction) as { score?: unknown } | null | undefined;
  return typeof extraction?.score === 'number' ? extraction.score : null;
}

/** A card still waiting for signals, with its article's text, or null. */
function waiting(doc: Doc, cardId: string) {
  const map = cardsMap(doc).get(cardId);
  const card = map && readCard(map, cardId, []);
  if (!card?.source || card.extraction) return null;
  const { articleId, start, end, sentence } = card.source;
  const text = articlesMap(doc).get(articleId)?.get(ARTICLE_KEYS.text);
  if (typeof text !== 'string' || text.slice(start, end) !== sentence) return null;
  return { articleId, text, sentence };
}

/** The cards among `created` waiting for signals, by article. */
function cardsToEnrich(doc: Doc, created: readonly string[]) {
  const articles = new Map<string, { text: string; cards: { id: string; sentence: string }[] }>();
  for (const id of created) {
    const card = waiting(doc, id);
    if (!card) continue;
    let article = articles.get(card.articleId);
    if (!article) articles.set(card.articleId, (article = { text: card.text, cards: [] }));
    article.cards.push({ id, sentence: card.sentence });
  }
  return articles;
}

async function enrich(
  sync: SyncServer,
  extraction: ExtractionPool,
  boardId: string,
  created: readonly string[],
): Promise<void> {
  const articles = await sync.read(boardId, (doc) => cardsToEnrich(doc, created));
  for (const [articleId, { text, cards }] of articles) {
    const signals = await extraction.signals(
      text,
      cards.map((c) => c.sentence),
    );
    if (!signals.some(Boolean)) continue;
    await sync.change(boardId, SYSTEM_ACTOR, (doc) => {
      const all = cardsMap(doc);
      cards.forEach(({ id, sentence }, i) => {
        const found = signals[i];
        // Changed or gone while its signals were worked out: they may not be its own any more.
        if (!found || waiting(doc, id)?.sentence !== sentence) return;
        let higher = 0;
        all.forEach((other, otherId) => {
          const score = otherId === id ? null : scoreFrom(other, articleId);
          if (score !== null && score > found.score) higher++;
        });
        setExtraction(
          doc,
          id,
          { score: found.score, rank: higher + 1, chips: [...found.chips] },
          { actor: SYSTEM_ACTOR },
        );
      });
    });
  }
}

export function enrichHandMadeCards(
  sync: SyncServer,
  extraction: ExtractionPool,
  log: SyncLog,
): () => void {
  return sync.onHistory((boardId, events) => {
    const created = events
      .filter((e) => e.type === 'card.created' && e.actor.id !== SYSTEM_ACTOR.id)
      .map((e) => e.cardId)
      .filter((id): id is string => id !== null)
      .slice(0, MAX_PER_BATCH);
    if (created.length === 0) return;
    // Not in the room's turn: the read queues behind whatever the room does next.
    setImmediate(() => {
      enrich(sync, extraction, boardId, created).catch((error: unknown) => {
        log('warn', 'could not add signals to new cards', { boardId, error });
      });
    });
  });
}
