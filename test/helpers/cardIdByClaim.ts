/**
 * The id of the card with this claim in a board's doc, for tests that know their cards by what
 * they say. Throws when no card has it.
 */
import type * as Y from 'yjs';
import { readBoard } from '../../shared/board';

export function cardIdByClaim(doc: Y.Doc, claim: string): string {
  const found = Object.values(readBoard(doc).cards).find((c) => c.claim === claim);
  if (!found) throw new Error(`no card “${claim}”`);
  return found.id;
}
