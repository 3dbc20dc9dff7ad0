/** "Being checked by": who has taken the card; editors take it, release it or take it over. */
import type { Actor } from '../../shared/board/actor';
import type { CardView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';

export function AssigneeControl({
  card,
  me,
  actions,
}: {
  card: CardView;
  me: Actor;
  actions: BoardActions;
}) {
  const mine = card.assignee?.id === me.id;
  const assign = (who: Actor | null, what: string, said: string) => {
    if (actions.run(what, () => actions.commands.assignCard(card.id, who))) actions.announce(said);
  };
  return (
    <span className="row">
      <span>{mine ? 'You' : (card.assignee?.name ?? 'Nobody yet')}</span>
      {actions.canEdit &&
        (mine ? (
          <button
            type="button"
            className="button small"
            onClick={() => assign(null, 'release the card', 'You released the card.')}
          >
            Release
          </button>
        ) : (
          <button
            type="button"
            className="button small"
            onClick={() => assign(me, 'take the card', 'You are checking this card.')}
          >
            {card.assignee ? `Take over from ${card.assignee.name}` : 'Take this card'}
          </button>
        ))}
    </span>
  );
}
