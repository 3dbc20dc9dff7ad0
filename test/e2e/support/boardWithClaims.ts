/**
 * A new board whose lead has added claims, written on the server with the Add claim command
 * in the lead's name (her invite as the actor, as her page would write them), for tests whose
 * lead's page would only set the board up: a page that opens a board costs ~4 s of CPU, a
 * server-side write next to nothing.
 */
import type { Actor } from '../../../shared/board/actor';
import { addClaim } from '../../../shared/board';
import { readClaims } from '../../../client/app/tokenClaims';
import type { BoardServer } from './boardServer';

/** The board's lead as her page writes: her invite's id and name, read from her token. */
export function leadActor(board: { leadToken: string }): Actor {
  const claims = readClaims(board.leadToken);
  if (!claims) throw new Error('the lead token does not read');
  return { id: claims.inviteId, name: claims.name };
}

export async function createBoardWithClaims(
  server: BoardServer,
  title: string,
  leadName: string,
  claims: readonly string[],
): Promise<{ id: string; leadUrl: string; leadToken: string }> {
  const board = await server.createBoard(title, leadName);
  const lead = leadActor(board);
  // One change per claim, as the page adds them one by one (each its own history event).
  for (const claim of claims) {
    await server.change(board.id, (doc) => void addClaim(doc, { claim }, { actor: lead }), lead);
  }
  return board;
}
