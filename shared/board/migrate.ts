/**
 * Layout migrations (B10). Each step lifts a board from the version before `to` to `to`; the
 * server runs `migrateBoard` when it loads a board with content (server/sync/Room), in one
 * transaction with the system actor, so every client receives the migrated layout as an
 * ordinary update.
 */
import type * as Y from 'yjs';
import { storedRatingScaleSchema } from './inputs';
import type { CommandContext } from './origin';
import { DEFAULT_RATING_SCALE } from './ratingScale';
import { META_KEYS, metaMap, newScaleMap, SCHEMA_VERSION, scaleMap } from './schema';
import { transact } from './transact';

interface Migration {
  readonly to: number;
  run(doc: Y.Doc): void;
}

const MIGRATIONS: readonly Migration[] = [
  {
    // Version 0: a doc that never ran initBoard (an empty board, or one built by an old or
    // foreign client). It gets the default rating scale.
    to: 1,
    run(doc) {
      const meta = metaMap(doc);
      if (!meta.has(META_KEYS.ratingScale)) meta.set(META_KEYS.ratingScale, DEFAULT_RATING_SCALE);
      if (!meta.has(META_KEYS.title)) meta.set(META_KEYS.title, 'Untitled board');
    },
  },
  {
    // Version 2: the rating scale as one entry per label (B12) instead of one JSON value. The
    // entries' ids follow the labels' positions, so two replicas migrating at once agree.
    to: 2,
    run(doc) {
      const meta = metaMap(doc);
      if (scaleMap(doc)) return;
      const legacy = storedRatingScaleSchema.safeParse(meta.get(META_KEYS.ratingScale));
      meta.set(META_KEYS.scale, newScaleMap(legacy.success ? legacy.data : DEFAULT_RATING_SCALE));
      meta.delete(META_KEYS.ratingScale);
    },
  },
];

export function schemaVersionOf(doc: Y.Doc): number {
  const version = metaMap(doc).get(META_KEYS.schemaVersion);
  return typeof version === 'number' ? version : 0;
}

/** Brings a board to SCHEMA_VERSION; returns whether anything changed. */
export function migrateBoard(doc: Y.Doc, ctx: CommandContext): boolean {
  const from = schemaVersionOf(doc);
  if (from >= SCHEMA_VERSION) return false;
  transact(doc, 'migrateBoard', ctx, () => {
    for (const step of MIGRATIONS) if (step.to > from) step.run(doc);
    metaMap(doc).set(META_KEYS.schemaVersion, SCHEMA_VERSION);
  });
  return true;
}
