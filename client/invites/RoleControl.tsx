/**
 * An active invite's role in "Invite people": a select named "Role for <name>", and, once
 * another role is picked, "Change role" and "Cancel". The change is a second step because each
 * one reconnects the person's open pages and enters the board's history: arrowing through a
 * closed select changes its value at every step, which must not send a change per step. Until
 * the lead picks a role, the select shows the invite's role as the list has it now, also when
 * another lead changes it meanwhile. The dialog hears of each role picked and not yet changed
 * (onPick), to ask before closing throws it away.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ROLES, type Role } from '../../shared/roles';
import { ROLE_LABELS } from '../app/roleLabels';
import type { Invite } from './invitesApi';

export function RoleControl({
  invite,
  name,
  hint,
  onChange,
  onPick,
}: {
  invite: Invite;
  /** The invitee's name, told apart from a namesake's in the list (toldApart). */
  name: string;
  /** What to know before changing this role (e.g. it is your own). */
  hint: string | null;
  /**
   * Resolves once the server has the new role; rejects (the dialog shows why) otherwise. `from`
   * is the role the pick was made over: the server refuses the change if another lead has
   * changed the role since, rather than undo theirs with a pick made before it.
   */
  onChange: (change: { role: Role; from: Role }) => Promise<void>;
  /** The role picked and not yet changed to, by invite id; null once there is none. */
  onPick: (inviteId: string, role: Role | null) => void;
}) {
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const [picked, setPicked] = useState<Role | null>(null);
  const [pickedOver, setPickedOver] = useState(invite.role);
  const [busy, setBusy] = useState(false);
  // The role the server took last from this row: picked still until the list is read again,
  // but nothing to lose by closing (a lead closing at once after "Bo is now Viewer." is not asked).
  const [saved, setSaved] = useState<Role | null>(null);
  // A pick that the invite's role has come to (this change done, or a colleague's the same) is
  // done with: a later change of the role by someone else shows as it is.
  const [seenRole, setSeenRole] = useState(invite.role);
  if (seenRole !== invite.role) {
    setSeenRole(invite.role);
    setSaved(null);
    if (picked === invite.role) setPicked(null);
  }
  const choice = picked ?? invite.role;
  const pending = choice !== invite.role;
  // A change on its way to the server is not lost by closing: the server has it or says no.
  const unsaved = pending && choice !== saved && !busy;
  const { inviteId } = invite;
  useEffect(() => {
    onPick(inviteId, unsaved ? choice : null);
    // A row gone (its invite revoked) leaves nothing picked behind.
    return () => onPick(inviteId, null);
  }, [onPick, inviteId, unsaved, choice]);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    // Nothing to lose by closing from now on: said in the same render as "Changing…", not an
    // effect later, or an Escape pressed at once would still be asked about it.
    onPick(inviteId, null);
    try {
      await onChange({ role: choice, from: pickedOver });
      setSaved(choice);
    } catch {
      // Left as picked, with the dialog's error, to try again or cancel.
    } finally {
      setBusy(false);
      selectRef.current?.focus();
    }
  };
  const cancel = () => {
    setPicked(null);
    selectRef.current?.focus();
  };

  return (
    <span className="row role-control">
      <select
        ref={selectRef}
        aria-label={`Role for ${name}`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={choice}
        onChange={(e) => {
          const role = e.target.value as Role;
          setPicked(role === invite.role ? null : role);
          setPickedOver(invite.role);
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
      {pending && (
        <>
          <button
            type="button"
            className="button small primary"
            // Its name starts with the words it shows, waiting for the server too, so that
            // voice control finds it by them.
            aria-label={`${busy ? 'Changing role' : 'Change role'} of ${name} to ${ROLE_LABELS[choice]}`}
            aria-disabled={busy}
            onClick={() => void save()}
          >
            {busy ? 'Changing…' : 'Change role'}
          </button>
          <button type="button" className="button small" onClick={cancel}>
            Cancel
          </button>
        </>
      )}
    </span>
  );
}
