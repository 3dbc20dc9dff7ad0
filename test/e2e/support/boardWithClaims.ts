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

export interface BoardWithClaims {
  readonly board: { id: string; leadUrl: string; leadToken: string };
  /** The lead as her page writes: her invite's id and name. */
  readonly lead: Actor;
  /** The cards' ids, in the claims' order. */
  readonly cardIds: readonly string[];
}

export async function createBoardWithClaims(
  server: BoardServer,
  title: string,
  leadName: string,
  claims: readonly string[],
): Promise<BoardWithClaims> {
  const board = await server.createBoard(title, leadName);
  const claimsOfToken = readClaims(board.leadToken);
  if (!claimsOfToken) throw new Error(`the lead's token of "${title}" does not read`);
  const lead: Actor = { id: claimsOfToken.inviteId, name: claimsOfToken.name };
  const cardIds: string[] = [];
  // One change per claim, as the page adds them one by one (each its own history event).
  for (const claim of claims) {
    await server.change(
      board.id,
      (doc) => void cardIds.push(addClaim(doc, { claim }, { actor: lead })),
      lead,
    );
  }
  return { board, lead, cardIds };
}
