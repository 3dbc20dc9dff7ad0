/**
 * "Copy link to this card": the card's own address (cardAddress), for a colleague who has the
 * board to open it on this card; copied by hand where the clipboard is refused (CopyLink).
 */
import { CopyLink } from '../ui/CopyLink';

export function CopyCardLink({ address }: { address: string }) {
  return (
    <CopyLink
      className="card-link"
      link={new URL(address, window.location.origin).href}
      button="Copy link to this card"
      field="Link to this card"
      copied="Link copied."
    />
  );
}
