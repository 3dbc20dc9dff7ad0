/**
 * The question a move asks when the card's verdict does not belong in the target column
 * (VerdictChoiceDialog): a label of that column, "Move without a verdict", or "Cancel move".
 */
import { createPortal } from 'react-dom';
import { labelsFor } from '../../shared/board/ratingScale';
import type { BoardView } from '../../shared/board/view';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { quoted } from '../ui/quoted';
import { useVerdictRequest } from './moveVerdict';
import { VerdictChoiceDialog } from './VerdictChoiceDialog';

export function MoveVerdictPrompt({ board }: { board: BoardView }) {
  const request = useVerdictRequest(board);
  if (!request) return null;
  // The column's labels as the board has them now: a scale a lead saves while the question is
  // open (or that reached this page just after the move began) shows at once.
  const labels = labelsFor(board.meta.ratingScale, request.column).map((l) => l.label);
  const column = COLUMN_LABELS[request.column];
  return createPortal(
    <VerdictChoiceDialog
      key={`${request.cardId}:${request.column}`}
      column={column}
      labels={labels}
      why={
        <>
          {quoted(request.claim)} has the verdict <strong>{request.verdict}</strong>, which is not a
          label of {column}. Choose its verdict in {column}:
        </>
      }
      clearText="Move without a verdict"
      onChoose={request.choose}
      onCancel={request.cancel}
    />,
    document.body,
  );
}
