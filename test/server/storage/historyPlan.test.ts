/**
 * listHistory's SQLite queries are served by an index with no sort step, so a page costs the
 * same on a board of any size: no full scan and no temp b-tree, with or without statistics.
 * So are listRemovedEvidence's, listRemovedArticles' and listDeletedCardSources', each by its
 * partial index.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HISTORY_COUNT_SQL, HISTORY_PAGE_SQL } from '../../../server/storage/historyPageSql';
import { DELETED_CARD_SOURCES_SQL } from '../../../server/storage/deletedCardSourcesSql';
import { REMOVED_ARTICLES_SQL } from '../../../server/storage/removedArticlesSql';
import { REMOVED_EVIDENCE_SQL } from '../../../server/storage/removedEvidenceSql';
import { MIGRATIONS } from '../../../server/storage/sqliteSchema';

function planOf(db: Database.Database, sql: string): string[] {
  const rows = db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all({ board: 'b1', card: 'c1', after: 10, before: 500, limit: 201 }) as { detail: string }[];
  return rows.map((r) => r.detail);
}

describe('history page query plans', () => {
  const db = new Database(':memory:');
  for (const migration of MIGRATIONS) db.exec(migration);
  const insert = db.prepare(
    `INSERT INTO history (board_id, card_id, type, actor_id, actor_name, at, data)
     VALUES (?, ?, 'x', 'a', 'A', 1, '{}')`,
  );
  const cases = Object.entries(HISTORY_PAGE_SQL);

  for (const stats of ['no statistics', 'after ANALYZE'] as const) {
    it(`each query searches its index, ${stats}`, () => {
      if (stats === 'after ANALYZE') {
        db.transaction(() => {
          for (let i = 0; i < 3000; i++) insert.run(`b${i % 3}`, i % 7 ? `c${i % 40}` : null);
        })();
        db.exec('ANALYZE');
      }
      for (const [name, sql] of cases) {
        const index = name.startsWith('card') ? 'history_card' : 'history_board';
        const plan = planOf(db, sql);
        expect(plan, name).toHaveLength(1);
        expect(plan[0], name).toMatch(new RegExp(`^SEARCH history USING INDEX ${index} \\(`));
        expect(plan.join(' '), name).not.toMatch(/SCAN|TEMP B-TREE/);
      }
      // A room's load reads the board's removed evidence through the partial index.
      expect(planOf(db, REMOVED_EVIDENCE_SQL)).toEqual([
        expect.stringMatching(
          /^SEARCH history USING INDEX history_evidence_removed \(board_id=\?\)$/,
        ),
      ]);
      expect(planOf(db, REMOVED_ARTICLES_SQL)).toEqual([
        expect.stringMatching(
          /^SEARCH history USING INDEX history_article_removed \(board_id=\?\)$/,
        ),
      ]);
      expect(planOf(db, DELETED_CARD_SOURCES_SQL)).toEqual([
        expect.stringMatching(/^SEARCH history USING INDEX history_card_deleted \(board_id=\?\)$/),
      ]);
      // The count of the events before a page reads only its index.
      for (const [name, sql] of Object.entries(HISTORY_COUNT_SQL)) {
        const index = name.startsWith('card') ? 'history_card' : 'history_board';
        const plan = planOf(db, sql);
        expect(plan, name).toEqual([
          expect.stringMatching(new RegExp(`^SEARCH history USING COVERING INDEX ${index} \\(`)),
        ]);
      }
    });
  }
});
