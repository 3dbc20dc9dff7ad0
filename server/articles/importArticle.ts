/**
 * Puts an extracted article on a board: the article record and one card in Unverified per
 * claim candidate (up to MAX_CARDS_PER_IMPORT, the most check-worthy), in one transaction. Shared by POST /api/boards/:id/articles and the
 * demo-board seed, so both store the same thing.
 *
 * The article id is a hash of its words (articleIdFor): importing the same text again finds the
 * article and adds no cards (it returns the cards that came from it earlier, apart from the
 * cards it made: none). A link given
 * then fills in one the article lacked, so a story first pasted without its address can
 * still be cited by ClaimReview; a link it already has is kept.
 *
 * A claim is not proposed again when a card of the board has its sentence or its claim
 * (alreadyOnBoard), or when a person deleted a card with its claim (deletedBefore: see
 * deletedCards for why).
 */
import type * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import { addClaims } from '../../shared/board/commands/cards';
import { addArticle, setArticleUrl } from '../../shared/board/commands/meta';
import { CHIP_LIMITS, LIMITS } from '../../shared/board/inputs';
import { CommandOrigin } from '../../shared/board/origin';
import { readBoard } from '../../shared/board/readBoard';
import { ARTICLE_KEYS, articlesMap } from '../../shared/board/schema';
import type { BoardView, CardView } from '../../shared/board/view';
import { claimKey } from '../../shared/extract/claimKey';
import type { ClaimCandidate } from '../../shared/extract/types';
import { clipText } from '../../shared/wellFormed';
import { exactTextId } from './articleIdFor';
import type { DeletedCard } from './deletedCards';

export interface ArticleRecord {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly text: string;
  /** The day it was published (YYYY-MM-DD), if the importer gave one. */
  readonly published?: string | null;
}

export interface ImportResult {
  /** False when the board already held this text: no article or card was written. */
  readonly created: boolean;
  /** The board held this text without a link, and now has the one given. */
  readonly linked: boolean;
  /** The article as the board holds it: its id, its title, and its link if it has one. */
  readonly article: { readonly id: string; readonly title: string; readonly url: string | null };
  /** The cards this import made, most check-worthy first: none when the board held the text. */
  readonly cards: CardView[];
  /**
   * When the board held the text: the article's cards already on it, most check-worthy first
   * (else none). Apart from `cards`, so that no reader of the answer counts them as new.
   */
  readonly existingCards: CardView[];
  /**
   * How many claims extraction proposed that fit on a card: more than `cards` when an import
   * was cut to the MAX_CARDS_PER_IMPORT most check-worthy; 0 when the board held the text.
   */
  readonly found: number;
  /** Claims not proposed because a card of the board already has their sentence or claim. */
  readonly alreadyOnBoard: number;
  /** The article most of those cards came from, if any did. */
  readonly similarTo: { readonly id: string; readonly title: string } | null;
  /**
   * Claims not proposed because a person deleted their card from the board (deletedCards: why),
   * each named by that card, which can be restored.
   */
  readonly deletedBefore: readonly DeletedCard[];
}

/**
 * An import proposes at most this many cards, the most check-worthy. A news article has tens
 * of checkable sentences; a paste of a whole report or archive (817 KB made 14,000 cards in a
 * QA pass, and the board took half a minute to open) has thousands, which no team triages.
 * The others stay a sentence away in the article view.
 */
const MAX_CARDS_PER_IMPORT = 500;

/**
 * A footnote reference after a sentence's last stop: "…earlier.¹", "…Office.2" (a page's
 * <sup>2</sup>), "[1]", "[^1]", "*", "†". Extraction ended sentences after it until it learnt
 * to end them at their stop, and the cards made then keep it in their sentence.
 */
const TRAILING_FOOTNOTE =
  /(?<=[.!?]["”’»)]?)\s*(?:\[\^?[^\]\s]{1,10}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[*†‡]+|(?<=\p{L}[.!?]["”’»)]?)\d{1,3})$/u;

/**
 * What makes two sentences the same claim: their words, whatever the spacing, case,
 * typographic quotes (a story pasted from a page and from an e-mail differ in those) and a
 * footnote reference after the final stop.
 */
export function sentenceKey(sentence: string): string {
  return sentence
    .trim()
    .replace(TRAILING_FOOTNOTE, '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The board's live cards by the key of their sentence and by that of their claim, with the
 * article each came from. The claim is the sentence without its reporting clause (claimKey):
 * another outlet's "X, according to Cristosal." is the claim of the card made from "X, the
 * ministry said.", and one card is what a desk checks it on.
 */
interface KnownClaims {
  readonly bySentence: ReadonlyMap<string, string | null>;
  readonly byClaim: ReadonlyMap<string, string | null>;
}

function knownClaims(cards: readonly CardView[]): KnownClaims {
  const bySentence = new Map<string, string | null>();
  const byClaim = new Map<string, string | null>();
  for (const card of cards) {
    const from = card.source?.articleId ?? null;
    bySentence.set(sentenceKey(card.source?.sentence ?? card.claim), from);
    byClaim.set(claimKey(card.claim), from);
  }
  return { bySentence, byClaim };
}

/**
 * Whether a card of the board already has a candidate's sentence or claim, and if so the
 * article that card came from (null for a card made by hand); undefined when none has.
 */
function cardOf(candidate: ClaimCandidate, known: KnownClaims): string | null | undefined {
  const bySentence = known.bySentence.get(sentenceKey(candidate.sentence));
  if (bySentence !== undefined) return bySentence;
  return known.byClaim.get(claimKey(proposedClaim(candidate)));
}

/** The claim a candidate's card gets: its claim, or its sentence when the claim is blank. */
function proposedClaim(candidate: ClaimCandidate): string {
  return (
    clipText(candidate.claim, LIMITS.claim).trim() || clipText(candidate.sentence, LIMITS.claim)
  );
}

/** The deleted card a candidate's claim would bring back, unless it is on the board again. */
function deletedCardOf(
  candidate: ClaimCandidate,
  deleted: ReadonlyMap<string, DeletedCard>,
  cards: BoardView['cards'],
): DeletedCard | null {
  const gone = deleted.get(sentenceKey(proposedClaim(candidate)));
  // Restored since: on the board again, under a sentence of its own.
  return gone && !cards[gone.cardId] ? gone : null;
}

/** Cards that cannot hold the whole of an over-long sentence are left to a person. */
function fitsOnCard(candidate: ClaimCandidate): boolean {
  return candidate.sentence.length <= LIMITS.claim * 5;
}

export function importArticle(
  doc: Y.Doc,
  actor: Actor,
  article: ArticleRecord,
  claims: readonly ClaimCandidate[],
  /** Cards people deleted from the board, by claim (deletedCardsByClaim). */
  deleted: ReadonlyMap<string, DeletedCard> = new Map(),
): ImportResult {
  const articles = articlesMap(doc);
  const key = [article.id, exactTextId(article.text)].find((id) => articles.has(id));
  const stored = key === undefined ? undefined : articles.get(key);
  const articleId = key ?? article.id;
  let ids: string[] = [];
  const fitting = claims.filter(fitsOnCard);
  let alreadyOnBoard = 0;
  let similarTo: ImportResult['similarTo'] = null;
  const deletedBefore = new Map<string, DeletedCard>();
  /** The claims proposed, before the cut to MAX_CARDS_PER_IMPORT. */
  let found = 0;
  const linked = Boolean(stored && article.url && !stored.get(ARTICLE_KEYS.url));
  if (linked && article.url) {
    setArticleUrl(doc, { articleId, url: article.url }, { actor });
  } else if (!stored) {
    const before = readBoard(doc);
    const known = knownClaims(Object.values(before.cards));
    const sources = new Map<string, number>();
    const fresh = fitting.filter((c) => {
      const from = cardOf(c, known);
      if (from === undefined) {
        const gone = deletedCardOf(c, deleted, before.cards);
        if (!gone) return true;
        deletedBefore.set(gone.cardId, gone);
        return false;
      }
      alreadyOnBoard++;
      if (from) sources.set(from, (sources.get(from) ?? 0) + 1);
      return false;
    });
    found = fresh.length;
    const [similarId] = [...sources].sort((a, b) => b[1] - a[1])[0] ?? [];
    const similar = before.articles.find((a) => a.id === similarId);
    if (similar) similarTo = { id: similar.id, title: similar.title };
    // One transaction, so the article and its cards reach every client as one update;
    // addClaims scans the column once, so a long article imports in linear time. One time
    // for both commands: a card created at its article's very time is its import's
    // (articleRemoval), where any card made by hand comes later, however soon.
    const at = Date.now();
    const ctx = { actor, now: () => at };
    doc.transact(
      () => {
        addArticle(doc, article, ctx);
        ids = addClaims(
          doc,
          fresh.slice(0, MAX_CARDS_PER_IMPORT).map((c) => ({
            claim: proposedClaim(c),
            source: { articleId: article.id, start: c.start, end: c.end, sentence: c.sentence },
            speaker: c.speaker === null ? null : clipText(c.speaker, LIMITS.speaker),
            extraction: {
              score: c.score,
              rank: c.rank,
              chips: c.entities
                .slice(0, CHIP_LIMITS.chips)
                .map((e) => ({ text: clipText(e.text, CHIP_LIMITS.text), type: e.type })),
            },
          })),
          ctx,
        );
      },
      new CommandOrigin('addArticle', actor),
    );
  }
  const board = readBoard(doc);
  if (stored) {
    // The same text again adds nothing, but its deleted cards are offered as for a new version.
    for (const c of fitting) {
      const gone = deletedCardOf(c, deleted, board.cards);
      if (gone) deletedBefore.set(gone.cardId, gone);
    }
  }
  const { title, url } = board.articles.find((a) => a.id === articleId) ?? article;
  const existingCards = stored
    ? Object.values(board.cards)
        .filter((card) => card.source?.articleId === articleId)
        .sort((a, b) => (a.extraction?.rank ?? 0) - (b.extraction?.rank ?? 0))
    : [];
  return {
    created: !stored,
    linked,
    article: { id: articleId, title, url },
    cards: ids.map((id) => board.cards[id]).filter((card): card is CardView => card !== undefined),
    existingCards,
    found,
    alreadyOnBoard,
    similarTo,
    deletedBefore: [...deletedBefore.values()],
  };
}
