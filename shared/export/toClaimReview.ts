/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview, as Google's fact-check
 * markup reads it): one review per card in corroborated or disputed that carries a verdict
 * label of its column from the board's rating scale. A card that cannot give a complete review is listed in
 * `skipped` with the reason, never exported half-filled.
 *
 * dateModified is the day of the card's last change to what the review says, by the board's
 * history (its claim, speaker, verdict, rationale, column or evidence; not who is checking it,
 * nor comments, nor the URL it was published at), or of a later rating-scale change that gave
 * its label another value or the scale another range (its ratingValue, bestRating or
 * worstRating changed); without history, the card's own last change. datePublished is the day
 * the history first shows the card finished: in Corroborated or Disputed with a verdict; where
 * the history does not show it (no history, or events that predate their columns and
 * verdicts), the day dateModified gives, as before. Exporting again re-dates neither.
 *
 * The claim's own date (itemReviewed.datePublished, and appearance.datePublished with its
 * appearance) is the day the card's article was published, when an editor gave it one (at its
 * import, proposed from its dateline, or in the article view): a card's claim has no date of
 * its own, and it was made where and when the article printed it. Without that day, neither is
 * written: the board knows when an article was added to it, which is not when it was published.
 *
 * url is the published fact-check's address when an editor gave the card one (reviewUrl), and
 * otherwise the organisation's URL with the card id as fragment, a placeholder a newsroom must
 * replace before publishing. The speaker is the Person or Organization an editor said
 * (speakerType), else the type extraction gave the speaker's chip, and otherwise the guess below.
 *
 * Every text (claim, rationale, speaker, article title, organisation, label) has each direction
 * control in it closed where it stands (inertBidi), as the CSV and Markdown exports do: a
 * publisher's page shows its own words after each, and a right-to-left override a claim left
 * open would show them reversed; closed only at the text's end, it still reversed the rest of
 * the claim.
 */
import { httpUrl } from '../board/inputs';
import { claimSummary } from './claimSummary';
import { inertBidi } from './inertBidi';
import { strictHref } from './strictHref';
import {
  hasRatingNumbers,
  type RatingLabel,
  type RatingScale,
  verdictFitsCard,
} from '../board/ratingScale';
import type { ColumnId } from '../board/schema';
import type { ArticleView, BoardView, CardView, Organisation } from '../board/view';
import { detectLanguage } from '../extract/detectLanguage';
import { isNewsAgency } from '../extract/newsAgencies';
import { isoDate } from './isoTime';
import { type RemovedArticle, removedArticles } from './removedArticles';
import { cardsInOrder, type HistoryInput } from './toJsonExport';

export interface ClaimReviewOptions {
  /** The reviewing organisation (the board's, from its meta). */
  readonly organisation: Organisation;
  /**
   * The board's history, which dates each review (see datePublished above) and names the
   * article, removed from the board since, that a card kept after its removal quotes: the
   * claim appeared there all the same (removedArticles).
   */
  readonly history?: readonly HistoryInput[];
}

/**
 * no_verdict; verdict_not_on_scale: a label a lead removed since; verdict_not_for_column: a
 * label of another column (a colleague's verdict and a move crossed), whose rating would
 * contradict the column the board put the card in.
 */
export type SkipReason = 'no_verdict' | 'verdict_not_on_scale' | 'verdict_not_for_column';

export interface SkippedCard {
  readonly cardId: string;
  readonly reason: SkipReason;
}

interface Thing {
  readonly '@type': string;
  readonly name?: string;
  readonly url?: string;
  /** An appearance's: the day its article was published. */
  readonly datePublished?: string;
}

export interface ClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly url: string;
  readonly claimReviewed: string;
  readonly datePublished: string;
  readonly dateModified: string;
  /** The rationale, when the card has one. */
  readonly reviewBody?: string;
  /** The language of the claim's article, when extraction reads it (en, es). */
  readonly inLanguage?: string;
  readonly author: {
    readonly '@type': 'Organization';
    readonly name: string;
    readonly url: string;
  };
  readonly reviewRating: {
    readonly '@type': 'Rating';
    readonly alternateName: string;
    /** With bestRating and worstRating, only from a scale of ClaimReview ratings (below). */
    readonly ratingValue?: number;
    readonly bestRating?: number;
    readonly worstRating?: number;
  };
  readonly itemReviewed: {
    readonly '@type': 'Claim';
    /** The whole claim, when claimReviewed is its summary (claimSummary). */
    readonly text?: string;
    readonly author?: Thing;
    /** The day its article was published (YYYY-MM-DD), when known. */
    readonly datePublished?: string;
    readonly appearance?: Thing;
    readonly firstAppearance?: Thing;
  };
  readonly citation?: readonly Thing[];
}

export interface ClaimReviewResult {
  readonly reviews: ClaimReview[];
  readonly skipped: SkippedCard[];
  /** The cards whose review has the placeholder URL: no published fact-check URL yet. */
  readonly placeholderUrl: string[];
  /** The cards in Unverified that carry a verdict, not published (unverifiedVerdict). */
  readonly unverifiedVerdicts: string[];
}

/** The columns whose cards carry a finished review. */
export const REVIEWED_COLUMNS: readonly ColumnId[] = ['corroborated', 'disputed'];

/**
 * Speakers are free text. Names of institutions get `Organization`; everyone else `Person`,
 * the common case for quoted claims. A small word list in the languages claims are extracted
 * in (English, Spanish), not a classifier: a wrong guess only changes the type, never the name.
 */
const ORGANISATION_WORDS = new RegExp(
  `(^|[^\\p{L}])(${[
    'ministry|department|office|agency|bureau|council|committee|commission|government|party',
    'university|institute|association|union|bank|company|corporation|inc|ltd|llc|plc|gmbh',
    'group|foundation|police|army|court|parliament|senate|congress|authority|service|board',
    'administration|treasury|federation|organi[sz]ation|network|news|times|post|herald',
    'tribune|journal|gazette|radio|television|tv|reuters|airlines|airways|reserve|pentagon',
    'kremlin|white house|downing street|elysée|nations|commission|fund|secretariat',
    'ministerio|secretaría|departamento|oficina|agencia|consejo|comité|comisión|gobierno',
    'partido|universidad|instituto|asociación|sindicato|banco|empresa|fundación|policía',
    'ejército|tribunal|corte|asamblea|congreso|senado|fiscalía|procuraduría|alcaldía',
    'servicio|junta|organización|observatorio|diario|periódico|revista|federación|press|prensa',
  ].join('|')})($|[^\\p{L}])`,
  'iu',
);

/**
 * A name that starts with an article ("El Faro", "La Prensa Gráfica", "The Guardian"): people
 * are not named so, newspapers and outlets are (found by QA: the seed's "El Faro" was a
 * Person). A nickname ("El Chapo") is the rare miss, and the type stays a guess to correct.
 */
const LEADING_ARTICLE = /^(?:[Tt]he|[Ee]l|[Ll]as?|[Ll]os)\s+\p{Lu}/u;

const isHttp = (url: string) => httpUrl.safeParse(url).success;
/**
 * An http(s) URL as the WHATWG parser writes it (`"` as %22, a lower-case host), and RFC 3986
 * (strictHref): a link is stored as typed, but a URL in JSON-LD must be one (found by QA:
 * `?x="y"` went out raw).
 */
function href(url: string): string {
  try {
    return strictHref(new URL(url));
  } catch {
    return url; // only an organisation URL can get here unchecked, and it is checked on entry
  }
}

/** A speaker that is an acronym alone (FDA, BLS, ONU): people are not named so. */
const ACRONYM = /^\p{Lu}{2,6}$/u;

export function speakerType(name: string): 'Person' | 'Organization' {
  const trimmed = name.trim();
  return ORGANISATION_WORDS.test(name) ||
    ACRONYM.test(trimmed) ||
    LEADING_ARTICLE.test(trimmed) ||
    isNewsAgency(trimmed)
    ? 'Organization'
    : 'Person';
}

const SPEAKER_TYPES = { person: 'Person', organization: 'Organization' } as const;

/**
 * The type extraction gave the speaker: the card's chip of the same text, a person or an
 * organisation, as the article's cues typed it ("Reuters", "UNICEF" organisations, "Bukele" a
 * person), which one word alone cannot tell; a person's chip of the speaker's surname alone
 * counts. Null when no chip names the speaker.
 */
function extractedType(card: CardView, speaker: string): 'Person' | 'Organization' | null {
  const chips = card.extraction?.chips ?? [];
  const chip =
    chips.find((c) => c.text === speaker && (c.type === 'person' || c.type === 'organization')) ??
    // "Lopez added …": the card's chip is the surname as the sentence gives it, the speaker the
    // full name the article introduced, "Maria Lopez".
    chips.find((c) => c.type === 'person' && c.text !== '' && speaker.endsWith(` ${c.text}`));
  return chip ? SPEAKER_TYPES[chip.type as 'person' | 'organization'] : null;
}

/** Why a reviewed card is left out, or null when its verdict is one of its column's labels. */
export function skipReason(card: CardView, scale: RatingScale): SkipReason | null {
  if (card.verdict === null) return 'no_verdict';
  if (!scale.labels.some((l) => l.label === card.verdict)) return 'verdict_not_on_scale';
  return verdictFitsCard(scale, card) ? null : 'verdict_not_for_column';
}

/**
 * Whether a card carries a verdict the export does not publish: one in Unverified (Unproven, or
 * another column's label a colleague's move back crossed). A ClaimReview is a finished review, which a
 * card not yet corroborated or disputed has not got; the export and its dialog count these, so
 * a lead who set "Unproven" is not surprised to find no review of it.
 */
export const unverifiedVerdict = (card: CardView): boolean =>
  card.column === 'unverified' && card.verdict !== null;

/** Whether the review gets the card's own published URL rather than the placeholder. */
export const hasPublishedUrl = (card: CardView): boolean =>
  card.reviewUrl !== null && isHttp(card.reviewUrl);

/** Whether the speaker's schema.org type is the word list's guess: no editor said which. */
export const speakerTypeGuessed = (card: CardView): boolean =>
  card.speakerType === null &&
  Boolean(card.speaker?.trim()) &&
  extractedType(card, card.speaker!.trim()) === null;

function itemReviewed(
  card: CardView,
  article: ArticleView | RemovedArticle | undefined,
  summarised: boolean,
): ClaimReview['itemReviewed'] {
  const speaker = card.speaker?.trim();
  // An article removed since is named as its removal recorded it, without a day.
  const published = article && 'published' in article ? article.published : null;
  const dated = published ? { datePublished: published } : {};
  const appearance =
    article?.url != null && isHttp(article.url)
      ? {
          '@type': 'CreativeWork',
          url: href(article.url),
          ...(article.title ? { name: inertBidi(article.title) } : {}),
          ...dated,
        }
      : undefined;
  return {
    '@type': 'Claim',
    ...(summarised ? { text: inertBidi(card.claim) } : {}),
    ...dated,
    ...(speaker
      ? {
          author: {
            '@type': card.speakerType
              ? SPEAKER_TYPES[card.speakerType]
              : (extractedType(card, speaker) ?? speakerType(speaker)),
            name: inertBidi(speaker),
          },
        }
      : {}),
    ...(appearance ? { appearance, firstAppearance: appearance } : {}),
  };
}

/** The history events that change what a review says. */
const REVIEW_EVENTS = new Set([
  'card.created',
  'card.restored',
  'card.edited',
  'card.moved',
  'verdict.set',
  'evidence.added',
  'evidence.edited',
  'evidence.removed',
  'evidence.restored',
]);

/**
 * Whether an event changes what a review says. Giving the published fact-check's URL does not:
 * it is entered once the review is out, and must not re-date it.
 */
function changesReview(e: HistoryInput): boolean {
  if (!REVIEW_EVENTS.has(e.type)) return false;
  const fields = e.type === 'card.edited' && Array.isArray(e.data.fields) ? e.data.fields : null;
  return !fields || fields.some((f) => f !== 'reviewUrl');
}

/** Each card's dates by the history: when its review was first finished, and last changed. */
interface ReviewTimes {
  readonly finished: ReadonlyMap<string, number>;
  readonly changed: ReadonlyMap<string, number>;
  /** Rating-scale changes: when, and the labels whose rating they changed (all: a new range). */
  readonly scale: readonly { at: number; labels: ReadonlySet<string> | 'all' }[];
}

const COLUMN_OF: Readonly<Record<string, string>> = {
  'card.created': 'column',
  'card.restored': 'column',
  'card.moved': 'to',
};

/** The labels whose rating a scale.changed event changed (diffScales' data), by name now. */
function ratingsChanged(data: Readonly<Record<string, unknown>>): ReadonlySet<string> | 'all' {
  if (data.range) return 'all';
  const names = (list: unknown, key: string) =>
    Array.isArray(list) ? list.map((x) => (x as Record<string, unknown>)?.[key]) : [];
  return new Set(
    [...names(data.changed, 'label'), ...names(data.renamed, 'to')].filter(
      (n): n is string => typeof n === 'string',
    ),
  );
}

function reviewTimes(history: readonly HistoryInput[]): ReviewTimes {
  const changed = new Map<string, number>();
  const finished = new Map<string, number>();
  const scale: { at: number; labels: ReadonlySet<string> | 'all' }[] = [];
  // Each card's column and verdict as its events, oldest first, tell them.
  const state = new Map<string, { column?: unknown; verdict?: unknown }>();
  for (const e of [...history].sort((a, b) => a.at - b.at)) {
    if (e.type === 'scale.changed') scale.push({ at: e.at, labels: ratingsChanged(e.data) });
    if (!e.cardId) continue;
    if (changesReview(e) && e.at > (changed.get(e.cardId) ?? -Infinity))
      changed.set(e.cardId, e.at);
    const card = state.get(e.cardId) ?? {};
    const columnKey = COLUMN_OF[e.type];
    if (columnKey && columnKey in e.data) card.column = e.data[columnKey];
    if (e.type === 'verdict.set' && 'verdict' in e.data) card.verdict = e.data.verdict;
    state.set(e.cardId, card);
    const done =
      REVIEWED_COLUMNS.includes(card.column as ColumnId) && typeof card.verdict === 'string';
    if (done && !finished.has(e.cardId)) finished.set(e.cardId, e.at);
  }
  return { finished, changed, scale };
}

/** A review's datePublished and dateModified (see the top of this file). */
function reviewDates(card: CardView, times: ReviewTimes) {
  const changed = times.changed.get(card.id) ?? card.updatedAt;
  // A finishing event changes the review too, so it is never after `changed`.
  const published = times.finished.get(card.id) ?? changed;
  const rated = times.scale
    .filter((c) => c.at > changed && (c.labels === 'all' || c.labels.has(card.verdict as string)))
    .reduce((last, c) => Math.max(last, c.at), changed);
  return { datePublished: isoDate(published), dateModified: isoDate(rated) };
}

export function toClaimReview(view: BoardView, options: ClaimReviewOptions): ClaimReviewResult {
  const history = options.history ?? [];
  const times = reviewTimes(history);
  const { ratingScale } = view.meta;
  const labels = new Map(ratingScale.labels.map((l) => [l.label, l]));
  // A scale stored before the scale's numbers had to be ClaimReview ratings (a decimal, zero
  // or negative one): each review keeps its label, which is what a reader is shown, and gives
  // no number, rather than a worstRating below 1 that Google refuses, or numbers rounded or
  // shifted into ones the newsroom never chose (rounding 2.5 and 2.6 ties them; 0.5 to 1 ties
  // it with the worst).
  const numbered = hasRatingNumbers(ratingScale);
  const articles = new Map(view.articles.map((a) => [a.id, a]));
  const removed = removedArticles(view, history);
  const { organisation } = options;
  const reviewUrl = (card: CardView) =>
    hasPublishedUrl(card)
      ? href(card.reviewUrl as string)
      : `${href(organisation.url).replace(/#.*$/, '')}#claim-${card.id}`;
  const languages = new Map<string, string | null>();
  const languageOf = (article: ArticleView) => {
    if (!languages.has(article.id)) {
      const language = detectLanguage(article.text);
      languages.set(article.id, language === 'other' ? null : language);
    }
    return languages.get(article.id) ?? null;
  };
  const reviews: ClaimReview[] = [];
  const skipped: SkippedCard[] = [];
  const placeholderUrl: string[] = [];
  const unverifiedVerdicts: string[] = [];

  for (const card of cardsInOrder(view)) {
    if (unverifiedVerdict(card)) unverifiedVerdicts.push(card.id);
    if (!REVIEWED_COLUMNS.includes(card.column)) continue;
    const reason = skipReason(card, ratingScale);
    if (reason) {
      skipped.push({ cardId: card.id, reason });
      continue;
    }
    // On the scale, by skipReason.
    const label = labels.get(card.verdict as string) as RatingLabel;
    if (!hasPublishedUrl(card)) placeholderUrl.push(card.id);
    const article = card.source ? articles.get(card.source.articleId) : undefined;
    const summary = claimSummary(card.claim);
    // Each source once: several passages quoted from one page are one work cited.
    const citation = [
      ...new Set(card.evidence.filter((e) => isHttp(e.url)).map((e) => href(e.url))),
    ].map((url) => ({ '@type': 'CreativeWork', url }));
    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: reviewUrl(card),
      claimReviewed: inertBidi(summary),
      ...reviewDates(card, times),
      ...(card.rationale.trim() ? { reviewBody: inertBidi(card.rationale) } : {}),
      ...(article && languageOf(article) ? { inLanguage: languageOf(article)! } : {}),
      author: {
        '@type': 'Organization',
        name: inertBidi(organisation.name),
        url: href(organisation.url),
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: inertBidi(label.label),
        ...(numbered
          ? {
              ratingValue: label.value,
              bestRating: ratingScale.best,
              worstRating: ratingScale.worst,
            }
          : {}),
      },
      itemReviewed: itemReviewed(
        card,
        article ?? (card.source ? removed.get(card.source.articleId) : undefined),
        summary !== card.claim,
      ),
      ...(citation.length > 0 ? { citation } : {}),
    });
  }
  return { reviews, skipped, placeholderUrl, unverifiedVerdicts };
}
