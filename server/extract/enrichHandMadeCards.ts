/**
 * Gives a card someone made by hand from an article (the article view) the signals an import
 * gives each proposed card: its check-worthiness score, its rank among that article's cards,
 * and chips for the numbers, dates and names in it. It runs after the card is stored, as a
 * change of the system's (setExtraction), so the card reaches everyone first and its signals
 * follow; extraction needs the language model, which only the server has.
 *
 * Extraction costs milliseconds per passage on the event loop, and one update can create many
 * cards, so only a person's pace is served: at most MAX_PER_BATCH cards of a stored batch, and
 * only those whose passage is really the article's text at its offsets.
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
import type { SyncLog } from '../sync/syncLog';
import type { SyncServer } from '../sync/SyncServer';
import { detectLanguage, type Language } from '../../shared/extract/detectLanguage';
import { passageSignals } from './passageSignals';

const MAX_PER_BATCH = 20;

/** A card's score if it comes from `articleId` and has one; read from two keys, not the card. */
function scoreFrom(card: CardMap, articleId: string): number | null {
  const source = card.get(CARD_KEYS.source) as { articleId?: unknown } | null | undefined;
  if (source?.articleId !== articleId) return null;
  const extraction = card.get(CARD_KEYS.extraction) as { score?: unknown } | null | undefined;
  return typeof extraction?.score === 'number' ? extraction.score : null;
}

export function enrichHandMadeCards(sync: SyncServer, log: SyncLog): () => void {
  return sync.onHistory((boardId, events) => {
    const created = events
      .filter((e) => e.type === 'card.created' && e.actor.id !== SYSTEM_ACTOR.id)
      .map((e) => e.cardId)
      .filter((id): id is string => id !== null)
      .slice(0, MAX_PER_BATCH);
    if (created.length === 0) return;
    // Not in the room's turn: the change queues behind whatever the room does next.
    setImmediate(() => {
      sync
        .change(boardId, SYSTEM_ACTOR, (doc) => {
          const cards = cardsMap(doc);
          const languages = new Map<string, Language>();
          for (const id of created) {
            const map = cards.get(id);
            const card = map && readCard(map, id, []);
            if (!card?.source || card.extraction) continue;
            const { articleId, start, end, sentence } = card.source;
            const text = articlesMap(doc).get(articleId)?.get(ARTICLE_KEYS.text);
            if (typeof text !== 'string' || text.slice(start, end) !== sentence) continue;
            let language = languages.get(articleId);
            if (!language) languages.set(articleId, (language = detectLanguage(text)));
            const signals = passageSignals(sentence, language);
            if (!signals) continue;
            let higher = 0;
            cards.forEach((other, otherId) => {
              const score = otherId === id ? null : scoreFrom(other, articleId);
              if (score !== null && score > signals.score) higher++;
            });
            setExtraction(
              doc,
              id,
              { score: signals.score, rank: higher + 1, chips: [...signals.chips] },
              { actor: SYSTEM_ACTOR },
            );
          }
        })
        .catch((error: unknown) => {
          log('warn', 'could not add signals to new cards', { boardId, error });
        });
    });
  });
}
