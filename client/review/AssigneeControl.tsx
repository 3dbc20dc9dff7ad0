/**
 * "Being checked by": who has taken the card. Editors take it, release it or take it over, and
 * give it to a colleague who may edit (a lead sharing out the claims of an article); the
 * colleague is told when it reaches them (colleagueNotice).
 */
import { type FormEvent, useState } from 'react';
import type { Actor } from '../../shared/board/actor';
import type { CardView } from '../../shared/board/view';
import { can } from '../../shared/roles';
import type { BoardActions } from '../board/boardActions';
import type { BoardMember } from './useBoardMembers';
import { personName } from '../ui/personName';

export function AssigneeControl({
  card,
  me,
  members,
  actions,
}: {
  card: CardView;
  me: Actor;
  members: readonly BoardMember[];
  actions: BoardActions;
}) {
  const mine = card.assignee?.id === me.id;
  const assign = (who: Actor | null, what: string, said: string) => {
    if (actions.run(what, () => actions.commands.assignCard(card.id, who))) actions.announce(said);
  };
  return (
    <div className="assignee">
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
              {card.assignee
                ? `Take over from ${personName(card.assignee.name)}`
                : 'Take this card'}
            </button>
          ))}
      </span>
      {actions.canEdit && (
        <GiveForm
          choices={members.filter(
            (m) => can(m.role, 'editBoard') && m.id !== me.id && m.id !== card.assignee?.id,
          )}
          onGive={(m) =>
            assign(
              { id: m.id, name: m.name },
              `give the card to ${personName(m.name)}`,
              `${personName(m.name)} is now checking this card.`,
            )
          }
        />
      )}
    </div>
  );
}

/** A colleague and a button, not a select that acts on change: arrowing through it must not. */
function GiveForm({
  choices,
  onGive,
}: {
  choices: readonly BoardMember[];
  onGive: (member: BoardMember) => void;
}) {
  const [chosen, setChosen] = useState('');
  if (choices.length === 0) return null;
  const member = choices.find((m) => m.id === chosen);
  const give = (e: FormEvent) => {
    e.preventDefault();
    if (!member) return;
    onGive(member);
    setChosen('');
  };
  return (
    <form className="row" aria-label="Give the card to a colleague" onSubmit={give}>
      <select
        aria-label="Colleague to give the card to"
        value={member ? chosen : ''}
        onChange={(e) => setChosen(e.target.value)}
      >
        <option value="">Choose a colleague…</option>
        {choices.map((m) => (
          <option key={m.id} value={m.id}>
            {m.role === 'lead' ? `${personName(m.name)} (lead)` : personName(m.name)}
          </option>
        ))}
      </select>
      <button type="submit" className="button small" aria-disabled={!member}>
        Give card
      </button>
    </form>
  );
}
