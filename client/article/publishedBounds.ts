import { EARLIEST_PUBLISHED } from '../../shared/board/publishedDate';

/** What a publication day must be, in the words of the import form and the article view. */
export const PUBLISHED_RULE = `Give a date from ${EARLIEST_PUBLISHED.slice(0, 4)} up to tomorrow.`;

/**
 * The latest day a date field offers: tomorrow in UTC, as isPublishedDate allows (a story dated
 * in a time zone ahead of this one).
 */
export const latestPublished = (now = Date.now()): string =>
  new Date(now + 86_400_000).toISOString().slice(0, 10);
