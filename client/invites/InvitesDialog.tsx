/**
 * "Invite people" (leads): invite someone by name and role, copy the link (shown once: it
 * carries their token; every link made while the dialog is open stays to copy until it
 * closes, newest first), copy one's own link (the token is kept only in this browser: the link
 * opens the board from another), see who has joined, change a person's role in place
 * (RoleControl: their link keeps working, their open pages take the new role at once), and
 * revoke an invite, which
 * closes that person's open connections at once. The lead's own role is offered only while
 * another lead remains (the server refuses the last lead's too). The list follows what other
 * leads do while it is open (a new invite, a role, a revocation, a first join): the board's
 * connection says when invites changed (`invitesChanged`), the list is read again, and its
 * status says what changed. A modal dialog (ModalDialog): focus starts in the name field,
 * Escape closes it, and the opener gets focus back (BoardReviewTools); Escape in a "Revoke …
 * access?" question cancels only the question, and its Revoke button gets focus back. A
 * question whose invite another lead revokes first is taken away and the status says so; focus
 * in it goes to the name field. Closing it with a role picked in a row and not yet changed, or
 * a name typed for an invite not yet made, asks first (useLeaveAsks), as the card dialog does
 * with text not saved. A lead made editor or lower while it holds such input is told it was not
 * applied, the name kept read-only to copy (QA5 F3), and one shown links just made is told they
 * still open the board, to copy while the dialog stays; with neither, the dialog goes, as its
 * button does. Closing with a link shown and not copied (by its Copy button or by hand: see
 * InviteLink) asks first too, in the same question's place: the link cannot be shown again, and
 * the invite's row then says only "Not joined yet" (QA F4); "Go back" returns to its Copy
 * button (madeLinkWords). A name typed that a live invite of the board already carries
 * (liveNamesakes) gets a note under the field, part of its description, before the link is
 * made: the board would take the two for one person. It does not stop the invite (a second link for one person is fine).
 * An invite may expire (Never, 1, 7 or 30 days, picked when inviting): its row says when
 * (ExpiryControl), Extend gives it a week from now with the same link, and Never expires ends it.
 */
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../shared/board/inputs';
import { hasVisibleText } from '../../shared/visibleText';
import type { Role } from '../../shared/roles';
import { OwnLink } from '../access/OwnLink';
import { ROLE_LABELS } from '../app/roleLabels';
import { formatTime } from '../review/formatTime';
import { useLeaveAsks } from '../ui/DiscardQuestion';
import { useUnsavedPrompt } from '../board/useUnsavedPrompt';
import { ApiError } from '../app/api';
import { errorMessage } from '../ui/errorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { personName } from '../ui/personName';
import { quoted } from '../ui/quoted';
import { toldApart } from '../ui/toldApart';
import { describeInviteNews, revokedByWords } from './describeInviteNews';
import { InviteLink } from './InviteLink';
import { liveNamesakes } from './liveNamesakes';
import { linksStillOpen, notCopiedQuestion } from './madeLinkWords';
import {
  type CreatedInvite,
  type Invite,
  changeInviteRole,
  createInvite,
  listInvites,
  revokeInvite,
  setInviteExpiry,
} from './invitesApi';
import { ExpiryControl } from './ExpiryControl';
import { EXPIRY_CHOICES } from './expiryWords';
import { RevokeControl } from './RevokeControl';
import { RoleControl } from './RoleControl';
import { ROLE_HINTS } from './roleHints';

const INVITE_ROLES: readonly Role[] = ['editor', 'reviewer', 'viewer', 'lead'];

export function InvitesDialog({
  boardId,
  token,
  myInviteId,
  invitesChanged,
  canInvite,
  onClose,
}: {
  boardId: string;
  token: string;
  myInviteId: string;
  /** Whether this person may still invite (a lead). */
  canInvite: boolean;
  /** Moves when the board's invites may have changed (BoardSnapshot.invitesChanged). */
  invitesChanged: number;
  onClose: () => void;
}) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  /** Days the new invite lasts, or null for never (EXPIRY_CHOICES). */
  const [expiryDays, setExpiryDays] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /**
   * The links made while the dialog is open, newest first: each stays to copy until the dialog
   * closes, not only the last (found by QA: a lead who invited three people in a row was left
   * with the third's link only, the first two shown for good to nobody).
   */
  const [created, setCreated] = useState<readonly (CreatedInvite & { name: string; role: Role })[]>(
    [],
  );
  /** The links of `created` copied, by invite id; and each one's Copy button. */
  const [copiedLinks, setCopiedLinks] = useState<ReadonlySet<string>>(new Set());
  const copyButtons = useRef(new Map<string, HTMLButtonElement>());
  const uncopied = created.filter((c) => !copiedLinks.has(c.inviteId));
  const [invites, setInvites] = useState<readonly Invite[] | null>(null);
  const [confirming, setConfirmingState] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // The open question, for the reads; and the invite this lead is revoking, whose news (which
  // may come before the server's answer) is not another lead's doing.
  const asked = useRef<string | null>(null);
  const revoking = useRef<string | null>(null);
  const setConfirming = useCallback((inviteId: string | null) => {
    asked.current = inviteId;
    setConfirmingState(inviteId);
  }, []);
  // Roles picked in rows and not yet changed to, by invite id (RoleControl).
  const [picks, setPicks] = useState<ReadonlyMap<string, Role>>(new Map());
  const onPick = useCallback((inviteId: string, picked: Role | null) => {
    setPicks((now) => {
      if ((now.get(inviteId) ?? null) === picked) return now;
      const next = new Map(now);
      if (picked) next.set(inviteId, picked);
      else next.delete(inviteId);
      return next;
    });
  }, []);
  const asks = useLeaveAsks();
  const unsaved = [
    // A name typed and no link made for it yet (one being made is not lost by closing).
    ...(hasVisibleText(name) && !busy
      ? [`an invite for ${quoted(name.trim(), 40)} (no link made yet)`]
      : []),
    ...(invites ?? []).flatMap((i) => {
      const picked = picks.get(i.inviteId);
      return picked ? [`the role ${ROLE_LABELS[picked]} for ${i.name}`] : [];
    }),
  ];
  // A link not copied is asked about in its own words; "Go back" goes to the first one's Copy.
  const requestClose = () =>
    asks.leave(
      unsaved,
      onClose,
      uncopied.length > 0
        ? {
            ...notCopiedQuestion(uncopied),
            keepLabel: 'Go back',
            discardLabel: 'Close without copying',
            returnTo: copyButtons.current.get(uncopied[0]!.inviteId) ?? null,
          }
        : null,
    );
  const nothingUnsaved = unsaved.length === 0;
  // A reload or a closed tab loses them as surely as Close: the browser asks first then.
  useUnsavedPrompt(uncopied.length > 0 || !nothingUnsaved);
  // Not while an invite is on its way: refused (a colleague made this lead an editor before it
  // arrived), its name stays in the field and the warning below says it was not made. Nor with
  // a link made and shown: it is shown once, and the invite it opens stays live.
  useEffect(() => {
    if (!canInvite && nothingUnsaved && !busy && created.length === 0) onClose();
  }, [canInvite, nothingUnsaved, busy, created, onClose]);
  // Moves when a question is taken away (see refresh), to give focus a place again.
  const [questionsTaken, setQuestionsTaken] = useState(0);

  // Reads may overlap (this lead's change and the news of it): the latest one is shown.
  const reads = useRef(0);
  const shown = useRef<readonly Invite[] | null>(null);
  /**
   * This lead's own changes not yet seen in a read, by invite id: what the list shows once it
   * holds the change. The news of a change (message 101) may be read before the answer to it
   * is: it is this lead's, said already ("Access revoked for Vic."), not a colleague's.
   */
  const mine = useRef(new Map<string, (invite: Invite) => boolean>());
  /** Reads the list again; `tell`: say what changed (a colleague's doing) in the status. */
  const refresh = useCallback(
    async (tell = false) => {
      const read = ++reads.current;
      try {
        const next = await listInvites(boardId, token);
        if (read !== reads.current) return;
        // This lead's changes are no news in the read that first shows them either: that read
        // may compare with a list from before them (the read after the change lost to this one).
        const own = new Set(mine.current.keys());
        for (const invite of next) {
          if (mine.current.get(invite.inviteId)?.(invite)) mine.current.delete(invite.inviteId);
        }
        const before = shown.current;
        shown.current = next;
        setInvites(next);
        const taken = before && takenQuestion(asked.current, revoking.current, next);
        if (taken) {
          setConfirming(null);
          setQuestionsTaken((n) => n + 1);
          const others = (list: readonly Invite[]) =>
            list.filter((i) => i.inviteId !== taken.inviteId);
          const news = tell ? describeInviteNews(others(before), others(next), myInviteId) : '';
          setStatus(
            `${personName(taken.name)}'s access was revoked by ${revokedByWords(taken)}. ${news}`.trim(),
          );
          return;
        }
        const others = (list: readonly Invite[]) => list.filter((i) => !own.has(i.inviteId));
        const news =
          tell && before ? describeInviteNews(others(before), others(next), myInviteId) : '';
        if (news) setStatus(news);
      } catch (err) {
        if (read === reads.current) setError(errorMessage(err));
      }
    },
    [boardId, token, setConfirming, myInviteId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The question had focus: now gone with it, it goes where a new invite starts.
  useEffect(() => {
    if (questionsTaken > 0 && document.activeElement === document.body) nameRef.current?.focus();
  }, [questionsTaken]);

  const heard = useRef(invitesChanged);
  useEffect(() => {
    if (heard.current === invitesChanged || !canInvite) return;
    heard.current = invitesChanged;
    void refresh(true);
  }, [invitesChanged, refresh, canInvite]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canInvite || busy || !hasVisibleText(name)) return;
    setBusy(true);
    setError(null);
    try {
      const made = await createInvite(boardId, token, {
        name: name.trim(),
        role,
        ...(expiryDays !== null && { expiresInDays: expiryDays }),
      });
      setCreated((now) => [{ ...made, name: name.trim(), role }, ...now]);
      setName('');
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const changeRole = async (invite: Invite, { role: next, from }: { role: Role; from: Role }) => {
    setError(null);
    setStatus('');
    mine.current.set(invite.inviteId, (i) => i.role === next);
    try {
      await changeInviteRole(boardId, token, invite.inviteId, { role: next, from });
    } catch (err) {
      mine.current.delete(invite.inviteId);
      setError(
        err instanceof ApiError && err.code === 'role_conflict'
          ? `Someone else changed ${invite.name}’s role after you picked ${ROLE_LABELS[next]}, so yours was not applied: the list shows the role as it is now. Pick again, or Cancel.`
          : errorMessage(err),
      );
      if (err instanceof ApiError && err.code === 'role_conflict') void refresh(true);
      throw err;
    }
    // A lead stepping down hears it of themselves, not of "Lea" (the page then says it too).
    const whom = invite.inviteId === myInviteId ? 'You are' : `${invite.name} is`;
    setStatus(`${whom} now ${ROLE_LABELS[next]}.`);
    // A lead who made themselves anything else may no longer read the list (a 403, said as an
    // error in a dialog about to close with their tools); the page reopens with the new role.
    if (invite.inviteId === myInviteId && next !== 'lead') return;
    // Not awaited: the row takes the change as saved when this resolves, and a lead who closes
    // on hearing "Bo is now Viewer." must not be asked about it while the list is read again.
    void refresh();
  };

  /** Extends an invite by `days`, or ends its expiry (null). */
  const extend = async (invite: Invite, days: number | null) => {
    setStatus('');
    mine.current.set(invite.inviteId, (i) => i.expiresAt !== invite.expiresAt);
    try {
      const stored = await setInviteExpiry(boardId, token, invite.inviteId, days);
      // The lead's own (only ended: the server refuses her an expiry on it) is hers: "Your".
      const whose = invite.inviteId === myInviteId ? 'Your' : `${invite.name}’s`;
      setStatus(
        stored.expiresAt === null
          ? `${whose} invite no longer expires.`
          : `${whose} invite now expires ${formatTime(stored.expiresAt)}.`,
      );
    } catch (err) {
      mine.current.delete(invite.inviteId);
      throw err;
    }
    void refresh();
  };

  const revoke = async (invite: Invite) => {
    setError(null);
    setStatus('');
    revoking.current = invite.inviteId;
    mine.current.set(invite.inviteId, (i) => i.revokedAt !== null);
    try {
      await revokeInvite(boardId, token, invite.inviteId);
      setConfirming(null);
      setCreated((now) => now.filter((c) => c.inviteId !== invite.inviteId));
      // Said, as a role change is: the question and its buttons go without a word otherwise.
      setStatus(`Access revoked for ${invite.name}.`);
      await refresh();
      nameRef.current?.focus();
    } catch (err) {
      mine.current.delete(invite.inviteId);
      if (err instanceof ApiError && err.code === 'last_lead') {
        // Answered: the question goes (focus back on its Revoke button), the reason stays.
        setConfirming(null);
        setError(lastLeadWords(invite.name));
      } else setError(errorMessage(err));
    } finally {
      revoking.current = null;
    }
  };

  // A refusal that came with the loss of the lead role (an invite sent as another lead made
  // this one an editor) is said by the warning below, in words; the server's "an editor may not
  // do this" would say it again, and would still show were the role given back.
  if (!canInvite && error !== null) setError(null);

  // Read from the list already shown: a name typed before it loads gets its note when it does.
  const namesakes = canInvite && invites ? liveNamesakes(invites, name) : [];
  // Two invites of one name (a person invited again with another role) would otherwise give
  // the list two rows of identical controls, "Revoke invite for Ana Ruiz" twice.
  const nameOf = toldApart(invites ?? [], (i) => i.name);

  // Whether someone else would still lead the board if this lead stepped down.
  const otherLead = (invites ?? []).some(
    (i) => i.role === 'lead' && !i.revokedAt && i.inviteId !== myInviteId,
  );

  return (
    <ModalDialog title="Invite people" focus={nameRef} onClose={requestClose}>
      {asks.question}
      <div className="dialog-body">
        {!canInvite && (
          <p role="alert" className="warning">
            You are no longer a lead on this board
            {unsaved.length > 0
              ? `, so this was not done: ${unsaved.join('; ')}. What you typed is kept here to copy until you close this.`
              : '.'}
            {created.length > 0 && ` ${linksStillOpen(created, uncopied)}`}
          </p>
        )}
        <form className="invite-form" onSubmit={submit} aria-label="New invite">
          {/* One grid item with its note, which adds no gap to the form while it is empty. */}
          <div>
            <label className="field">
              <span>Name</span>
              <input
                ref={nameRef}
                value={name}
                readOnly={!canInvite}
                onChange={(e) => setName(e.target.value)}
                maxLength={LIMITS.name}
                autoComplete="off"
                required
                aria-describedby={namesakes.length > 0 ? `${id}-namesake` : undefined}
              />
            </label>
            {/* Polite and always there, so that the note is also said as it comes while
                typing; focus stays in the field. */}
            <div aria-live="polite">
              {namesakes.length > 0 && (
                <p id={`${id}-namesake`} className="warning small namesake-note">
                  {namesakeNote(namesakes)}
                </p>
              )}
            </div>
          </div>
          <label className="field">
            <span>Role</span>
            <select
              value={role}
              disabled={!canInvite}
              onChange={(e) => setRole(e.target.value as Role)}
              aria-describedby={`${id}-role-hint`}
            >
              {INVITE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <p id={`${id}-role-hint`} className="muted small">
            {ROLE_HINTS[role]}
          </p>
          <label className="field">
            <span>Expires</span>
            <select
              value={expiryDays ?? ''}
              disabled={!canInvite}
              onChange={(e) => setExpiryDays(e.target.value === '' ? null : Number(e.target.value))}
            >
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.label} value={c.days ?? ''}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          {canInvite && (
            <button
              type="submit"
              className="button primary"
              aria-disabled={busy || !hasVisibleText(name)}
            >
              {busy ? 'Creating…' : 'Create invite link'}
            </button>
          )}
        </form>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {created.map((c) => (
          <InviteLink
            key={c.inviteId}
            invite={c}
            copyRef={(button) => {
              if (button) copyButtons.current.set(c.inviteId, button);
              else copyButtons.current.delete(c.inviteId);
            }}
            onCopied={() =>
              setCopiedLinks((now) => (now.has(c.inviteId) ? now : new Set(now).add(c.inviteId)))
            }
          />
        ))}
        {/* A lead's tools: gone with the role (the server would refuse them). */}
        {canInvite && (
          <section aria-labelledby={`${id}-members`}>
            <h3 id={`${id}-members`}>People invited</h3>
            {invites === null ? (
              <p className="muted">Loading…</p>
            ) : (
              <ul className="invite-list">
                {invites.map((i) => (
                  <li key={i.inviteId} className={i.revokedAt ? 'revoked' : undefined}>
                    <span className="invite-name">
                      {i.name}
                      {i.inviteId === myInviteId && ' (you)'}
                    </span>
                    {i.revokedAt || (i.inviteId === myInviteId && !otherLead) ? (
                      <span className={`badge role-${i.role}`}>{ROLE_LABELS[i.role]}</span>
                    ) : (
                      <RoleControl
                        invite={i}
                        name={nameOf(i)}
                        hint={
                          i.inviteId === myInviteId
                            ? 'Your own: as anything but Lead you lose these tools.'
                            : null
                        }
                        onChange={(change) => changeRole(i, change)}
                        onPick={onPick}
                      />
                    )}
                    <span className="muted small invite-state">
                      {i.revokedAt ? (
                        <>
                          Revoked by {i.revokedBy ? <bdi>{i.revokedBy.name}</bdi> : 'a lead'},{' '}
                          {formatTime(i.revokedAt)}
                        </>
                      ) : i.joinedAt ? (
                        `Joined ${formatTime(i.joinedAt)}`
                      ) : (
                        'Not joined yet'
                      )}
                    </span>
                    {!i.revokedAt && (
                      <ExpiryControl
                        invite={i}
                        name={nameOf(i)}
                        own={i.inviteId === myInviteId}
                        onExtend={extend}
                      />
                    )}
                    {i.inviteId === myInviteId && (
                      <OwnLink className="own-link" boardId={boardId} token={token} />
                    )}
                    {!i.revokedAt && i.inviteId !== myInviteId && (
                      <RevokeControl
                        name={nameOf(i)}
                        confirming={confirming === i.inviteId}
                        onAsk={() => setConfirming(i.inviteId)}
                        onCancel={() => setConfirming(null)}
                        onConfirm={() => void revoke(i)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {/* After the list, so the link's own status (InviteLink) stays the dialog's first. */}
            <p role="status" className="muted small">
              {status}
            </p>
          </section>
        )}
      </div>
    </ModalDialog>
  );
}

/**
 * Why the board's only lead whose invite does not expire cannot be revoked (409 last_lead), and
 * what to do instead: the expiring leads left would lock everyone out at their expiry.
 */
function lastLeadWords(name: string): string {
  return `${personName(name)}’s access was not revoked: they are the board’s only lead whose invite never expires, and without one nobody can manage the board once the other leads’ invites expire. First make someone else a lead whose invite never expires (or invite one with Expires: Never), then revoke.`;
}

/** What a lead is told of a name typed that live invites of the board already carry. */
function namesakeNote(namesakes: readonly Invite[]): string {
  const name = namesakes[0]!.name;
  const roles = namesakes.map((i) => ROLE_LABELS[i.role]).join(', ');
  const has = namesakes.length === 1 ? 'an invite' : `${namesakes.length} invites`;
  return `${name} already has ${has} (${roles}). To the board, two invites of one name are one person: add an initial or a desk to tell a second person apart, or go on to give ${name} another link.`;
}

/** The invite whose open "Revoke … access?" question another lead's revocation answered. */
function takenQuestion(
  asked: string | null,
  revoking: string | null,
  invites: readonly Invite[],
): Invite | null {
  if (asked === null || asked === revoking) return null;
  return invites.find((i) => i.inviteId === asked && i.revokedAt !== null) ?? null;
}
