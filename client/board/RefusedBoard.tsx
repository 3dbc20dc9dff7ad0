/**
 * A board page whose connection the server refused before this browser had ever shown the
 * board: the invite was revoked or has expired, or the board was deleted. Nothing of the board
 * can be shown (the browser drops its copy on such a refusal), so the page says why and where
 * to go, instead of an empty board that loads for ever.
 */
import type { ReactNode } from 'react';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { revokedClause, sentenceStart } from '../access/accessSentences';
import type { Revocation } from '../access/fetchRevocation';

/** `children`: what else the page must still say (the changes that were not saved). */
export function RefusedBoard({
  code,
  reason,
  revocation,
  children,
}: {
  code: number | null;
  /** The server's close reason: "revoked", or "invalid token" for a damaged or expired link. */
  reason: string | null;
  /** Who revoked the invite and when, once the server said (useRevocation). */
  revocation: Revocation | null;
  children?: ReactNode;
}) {
  const gone = code === CLOSE.unknownBoard;
  // A link cut short by a mail client, or changed, is no revocation: saying so would send the
  // person to ask the lead why they were removed.
  // Not lostRights' clause (client/access): that one, a clause in a form's note on a page that
  // had the board, folds a damaged or expired link and an unknown reason into "your invite is
  // no longer valid"; this page is where a damaged link is told apart, to be copied again.
  const why = gone
    ? 'The server has no board at this address: it was deleted.'
    : reason === 'revoked'
      ? revocation
        ? `${sentenceStart(revokedClause(revocation))}.`
        : 'The board’s lead has revoked this invite.'
      : reason === 'invalid token'
        ? 'This invite link is damaged (cut short or changed when it was copied) or has expired.'
        : 'The board’s lead has revoked this invite, or it has expired.';
  return (
    // Focusable: where focus goes once Not saved, in it, is dismissed (BoardPage).
    <main className="page page-narrow" id="main" tabIndex={-1}>
      <h1>{gone ? 'This board no longer exists' : 'This invite no longer opens the board'}</h1>
      <p role="alert">
        {why} Ask the board&rsquo;s lead for a new invite link, then open it in this browser.
      </p>
      {children}
      <p>
        <a href="/">Go to your boards</a>
      </p>
    </main>
  );
}
