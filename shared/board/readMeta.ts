import type * as Y from 'yjs';
import { organisationSchema, ratingScaleSchema } from './inputs';
import { DEFAULT_RATING_SCALE, type RatingScale } from './ratingScale';
import { META_KEYS, metaMap } from './schema';
import type { BoardMeta, Organisation } from './view';

/** The board's rating scale; a missing or malformed value reads as the default scale. */
export function readRatingScale(doc: Y.Doc): RatingScale {
  const parsed = ratingScaleSchema.safeParse(metaMap(doc).get(META_KEYS.ratingScale));
  return parsed.success ? parsed.data : DEFAULT_RATING_SCALE;
}

function readOrganisation(doc: Y.Doc): Organisation | null {
  const parsed = organisationSchema.safeParse(metaMap(doc).get(META_KEYS.organisation));
  return parsed.success ? parsed.data : null;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc);
  const title = meta.get(META_KEYS.title);
  const version = meta.get(META_KEYS.schemaVersion);
  return Object.freeze({
    title: typeof title === 'string' ? title : '',
    schemaVersion: typeof version === 'number' ? version : 0,
    ratingScale: readRatingScale(doc),
    organisation: readOrganisation(doc),
  });
}
