/**
 * A card as the Activity feed names it: its claim, a button that opens the card while it is
 * on the board, or the claim its events recorded once it is gone. A claim runs to 2,000
 * characters: it shows in two lines at most, and whole as the button's name and tooltip (a
 * tooltip the same as the name is not said again). A claim quoted from an article not in English
 * carries its language, as on the board's cards (useArticleLanguage), and, as there, its own
 * direction: an Arabic claim reads right to left, its full stop at its end.
 */
import { useArticleLanguage } from '../article/articleLanguages';

export function CardClaim({
  cardId,
  claim,
  articleId,
  onBoard,
  openCard,
}: {
  cardId: string;
  /** claimOf: null for a card gone from the board whose claim no loaded event recorded. */
  claim: string | null;
  /** The article the card quotes, while it is on the board. */
  articleId: string | undefined;
  onBoard: boolean;
  openCard: (cardId: string) => void;
}) {
  const lang = useArticleLanguage(articleId);
  if (claim === null) return <span className="muted">A card no longer on the board</span>;
  if (!onBoard) {
    return (
      <span className="muted activity-claim" title={claim} lang={lang} dir="auto">
        {claim}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="link-button"
      title={claim}
      lang={lang}
      onClick={() => openCard(cardId)}
    >
      <span className="activity-claim" dir="auto">
        {claim}
      </span>
    </button>
  );
}
