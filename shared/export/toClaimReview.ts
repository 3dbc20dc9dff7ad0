/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview, as Google's fact-check
 * markup reads it): one review per card in corroborated or disputed that carries a verdict
 * label from the board's rating scale. A card that cannot give a complete review is listed in
 * `skipped` with the reason, never exported half-filled.
 */
import { httpUrl } from '../board/inputs';
import type { ColumnId } from '../board/schema';
import type { ArticleView, BoardView, CardView, Organisation } from '../board/view';
import { isoDate } from './isoTime';
import { cardsInOrder } from './toJsonExport';

export interface ClaimReviewOptions {
  /** The reviewing organisation (the board's, from its meta). */
  readonly organisation: Organisation;
  /** Publication time, ms since the epoch: becomes datePublished. */
  readonly now: number;
  /** The page of one review; by default the organisation's URL with the card id as fragment. */
  readonly reviewUrl?: (card: CardView) => string;
}

export type SkipReason = 'no_verdict' | 'verdict_not_on_scale';

export interface SkippedCard {
  readonly cardId: string;
  readonly reason: SkipReason;
}

interface Thing {
  readonly '@type': string;
  readonly name?: string;
  readonly url?: string;
}

export interface ClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly url: string;
  readonly claimReviewed: string;
  readonly datePublished: string;
  readonly author: {
    readonly '@type': 'Organization';
    readonly name: string;
    readonly url: string;
  };
  readonly reviewRating: {
    readonly '@type': 'Rating';
    readonly alternateName: string;
    readonly ratingValue: number;
    readonly bestRating: number;
    readonly worstRating: number;
  };
  readonly itemReviewed: {
    readonly '@type': 'Claim';
    readonly author?: Thing;
    readonly appearance?: Thing;
    readonly firstAppearance?: Thing;
  };
  readonly citation?: readonly Thing[];
}

export interface ClaimReviewResult {
  readonly reviews: ClaimReview[];
  readonly skipped: SkippedCard[];
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
    'news|times|post',
    'ministerio|secretaría|departamento|oficina|agencia|consejo|comité|comisión|gobierno',
    'partido|universidad|instituto|asociación|sindicato|banco|empresa|fundación|policía',
    'ejército|tribunal|corte|asamblea|congreso|senado|fiscalía|procuraduría|alcaldía',
    'servicio|junta|organización|observatorio|diario|periódico',
  ].join('|')})($|[^\\p{L}])`,
  'iu',
);

const isHttp = (url: string) => httpUrl.safeParse(url).success;

export function speakerType(name: string): 'Person' | 'Organization' {
  return ORGANISATION_WORDS.test(name) ? 'Organization' : 'Person';
}

function itemReviewed(
  card: CardView,
  article: ArticleView | undefined,
): ClaimReview['itemReviewed'] {
  const speaker = card.speaker?.trim();
  const appearance =
    article?.url != null && isHttp(article.url)
      ? {
          '@type': 'CreativeWork',
          url: article.url,
          ...(article.title ? { name: article.title } : {}),
        }
      : undefined;
  return {
    '@type': 'Claim',
    ...(speaker ? { author: { '@type': speakerType(speaker), name: speaker } } : {}),
    ...(appearance ? { appearance, firstAppearance: appearance } : {}),
  };
}

export function toClaimReview(view: BoardView, options: ClaimReviewOptions): ClaimReviewResult {
  const { ratingScale } = view.meta;
  const labels = new Map(ratingScale.labels.map((l) => [l.label, l]));
  const articles = new Map(view.articles.map((a) => [a.id, a]));
  const { organisation } = options;
  const reviewUrl =
    options.reviewUrl ??
    ((card: CardView) => `${organisation.url.replace(/#.*$/, '')}#claim-${card.id}`);
  const datePublished = isoDate(options.now);
  const reviews: ClaimReview[] = [];
  const skipped: SkippedCard[] = [];

  for (const card of cardsInOrder(view)) {
    if (!REVIEWED_COLUMNS.includes(card.column)) continue;
    if (card.verdict === null) {
      skipped.push({ cardId: card.id, reason: 'no_verdict' });
      continue;
    }
    const label = labels.get(card.verdict);
    if (!label) {
      skipped.push({ cardId: card.id, reason: 'verdict_not_on_scale' });
      continue;
    }
    const article = card.source ? articles.get(card.source.articleId) : undefined;
    const citation = card.evidence
      .filter((e) => isHttp(e.url))
      .map((e) => ({ '@type': 'CreativeWork', url: e.url }));
    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: reviewUrl(card),
      claimReviewed: card.claim,
      datePublished,
      author: { '@type': 'Organization', name: organisation.name, url: organisation.url },
      reviewRating: {
        '@type': 'Rating',
        alternateName: label.label,
        ratingValue: label.value,
        bestRating: ratingScale.best,
        worstRating: ratingScale.worst,
      },
      itemReviewed: itemReviewed(card, article),
      ...(citation.length > 0 ? { citation } : {}),
    });
  }
  return { reviews, skipped };
}
