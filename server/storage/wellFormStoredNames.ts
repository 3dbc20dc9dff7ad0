/**
 * Invite names an earlier Factboard stored with a lone UTF-16 surrogate in them (invites made
 * before 5 December 2026, when such names began to be refused: shared/wellFormed). better-sqlite3
 * wrote each lone surrogate as the three bytes of its code unit (ED A0 80 for \ud800), which is
 * not UTF-8, and reads them back as three U+FFFD; the person's browser writes the name its token
 * holds, whose surrogate Yjs sends as one U+FFFD. The server judged every change of theirs as not
 * in its writer's own name ("cards are created in their creator's own name"), so they could save
 * nothing. Rewritten as Yjs and toWellFormed write them, one U+FFFD for each, the stored name is
 * the name their writes carry; the token, signed over its own copy of the name, still opens the
 * board (the server reads the name from the invite, never from the token).
 */
import type Database from 'better-sqlite3';

/** A UTF-16 surrogate (U+D800–U+DFFF) encoded as if it were a code point, byte by byte. */
const ENCODED_SURROGATES = /\xED[\xA0-\xBF][\x80-\xBF]/g;
const REPLACEMENT_CHARACTER = '\xEF\xBF\xBD';

/** The stored bytes as text, each encoded surrogate a U+FFFD; null if they hold none. */
function wellFormedName(bytes: Buffer): string | null {
  const binary = bytes.toString('latin1');
  const fixed = binary.replace(ENCODED_SURROGATES, REPLACEMENT_CHARACTER);
  return fixed === binary ? null : Buffer.from(fixed, 'latin1').toString('utf8');
}

/**
 * Run at every open, in the transaction of the migration: a scan of the invites (a few per
 * board), and for each name it rewrites, that invite's history rows (found by the board's index),
 * which carry the name too.
 */
export function wellFormStoredNames(db: Database.Database): void {
  const suspects = db
    .prepare(
      `SELECT id, board_id AS boardId, CAST(name AS BLOB) AS bytes FROM invites
       WHERE instr(CAST(name AS BLOB), X'ED') > 0`,
    )
    .all() as { id: string; boardId: string; bytes: Buffer }[];
  const setName = db.prepare('UPDATE invites SET name = ? WHERE id = ?');
  // An invite's name never changes, so every row of its history carries it: as stored, or as
  // the server read it back (three U+FFFD for each surrogate).
  const setActorName = db.prepare(
    'UPDATE history SET actor_name = ? WHERE board_id = ? AND actor_id = ? AND actor_name IS NOT ?',
  );
  for (const { id, boardId, bytes } of suspects) {
    const name = wellFormedName(bytes);
    if (name === null) continue;
    setName.run(name, id);
    setActorName.run(name, boardId, id, name);
  }
}
