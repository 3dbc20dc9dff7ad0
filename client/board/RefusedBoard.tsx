/**
 * A board page whose connection the server refused before this browser had ever shown the
 * board: the invite was revoked or has expired, or the board was deleted. Nothing of the board
 * can be shown (the browser drops its copy on such a refusal), so the page says why and where
 * to go, instead of an empty board that loads for ever.
 */
import type { ReactNode } from 'react';
import { CLOSE, INVITE_EXPIRED } from '../../shared/protocol/closeCodes';
import { expiredSentences, revokedClause, sentenceStart } from '../access/accessSentences';
import type { Revocation } from '../access/fetchRevocation';
import type { Expiry } from '../access/useExpiry';

/** `children`: what else the page must still say (the changes that were not saved). */
export function RefusedBoard({
  code,
  reason,
  revocation,
  expiry = null,
  children,
}: {
  code: number | null;
  /** The server's close reason: "revoked", or "invalid token" for a damaged or expired link. */
  reason: string | null;
  /** Who revoked the invite and when, once the server said (useRevocation). */
  revocation: Revocation | null;
  /** When the invite expired and who set it, once the server said (useExpiry). */
  expiry?: Expiry | null;
  children?: ReactNode;
}) {
  const gone = code === CLOSE.unknownBoard;
  // A link cut short by a mail client, or changed, is no revocation: saying so would send the
  // person to ask the lead why they were removed.
  // Not lostRights' clause (client/access): that one, a clause in a form's note on a page that
  // had the board, folds a damaged or expired link and an unknown reason into "your invite is
  // no longer valid"; this page is where a damaged link is told apart, to be copied again.
  // An expired invite opens the board again once a lead extends it: the same link, no new one.
  const expired = !gone && reason === INVITE_EXPIRED;
  const why = expired
    ? ((expiry && expiredSentences(expiry)) ??
      'Your invite has expired. Ask the board’s lead to extend it: this link then opens the board again.')
    : gone
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
        {why}
        {!expired && ' Ask the board’s lead for a new invite link, then open it in this browser.'}
      </p>
      {children}
      <p>
        <a href="/">Go to your boards</a>
      </p>
    </main>
  );
}
