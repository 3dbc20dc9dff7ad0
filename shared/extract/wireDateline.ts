// News-agency datelines open a story's first sentence and are no part of it: "MEXICO CITY
// (AP) — ", "LONDON — ", "Jan 5 (Reuters) - ", "WASHINGTON (Reuters) - ", and in Spanish
// papers a dash glued to a full stop, "SAN SALVADOR.- ". A live blog's entries open the same
// way with the time they were posted: "14:32 — The health ministry said …", "2.15pm GMT - ".
import { NEWS_AGENCIES } from './newsAgencies';

// The names hold letters, spaces and hyphens only: nothing to escape in a pattern.
const AGENCY = NEWS_AGENCIES.join('|');

export const WIRE_DATELINE = new RegExp(
  `^(\\p{Lu}[\\p{Lu}\\p{M} .,'’-]{1,40}(\\s*\\([^)]{1,30}\\))?|[^()\\n]{1,40}\\((${AGENCY})\\)|\\d{1,2}[:.]\\d{2}(\\s?[ap]\\.?m\\.?)?(\\s\\p{Lu}{2,4})?)(\\s+[—–-]{1,2}|(?<=\\p{Lu}{2}\\.)-)\\s+`,
  'u',
);
