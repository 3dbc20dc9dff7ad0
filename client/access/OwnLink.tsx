/**
 * "Copy your link": this person's own invite link to the board, in one wording wherever it is
 * offered (a lead's row in Invite people, everyone's Your access).
 */
import { inviteAddress } from '../app/router';
import { CopyLink } from '../ui/CopyLink';

export function OwnLink({
  boardId,
  token,
  className,
}: {
  boardId: string;
  token: string;
  className: string;
}) {
  return (
    // The token lives only in this browser: without the link, clearing its data or moving to
    // another device loses this person's access.
    <CopyLink
      className={className}
      link={inviteAddress(boardId, token)}
      button="Copy your link"
      field="Your link to this board"
      copied="Your link is copied. Keep it private."
      note="Keep it to open this board from another browser or device; anyone with it acts as you."
    />
  );
}
