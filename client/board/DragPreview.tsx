import type { CardView } from '../../shared/board';
import { CardSummary } from './CardSummary';
import { ShownBidiControls } from '../ui/ShownBidiControls';

/** The card under the mouse pointer while it is dragged (dnd-kit's overlay). */
export function DragPreview({ card, misfit }: { card: CardView; misfit: boolean }) {
  return (
    <div className="card drag-overlay" aria-hidden="true">
      <p className="claim">
        <ShownBidiControls text={card.claim} />
      </p>
      <CardSummary id={`overlay-${card.id}`} card={card} awaitingMe={0} misfit={misfit} />
    </div>
  );
}
