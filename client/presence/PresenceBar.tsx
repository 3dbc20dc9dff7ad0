/**
 * Everyone on the board (one avatar per person, however many tabs they have open). The avatars
 * are one button: it opens the list of names and roles ("Ana — Editor"), on a touch screen and
 * from the keyboard as well as with a mouse (a hover tooltip is neither). Roles come from the
 * board's invites (GET /members), read again at each opening; names are text, never markup.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Role } from '../../shared/roles';
import { ROLE_LABELS } from '../app/roleLabels';
import { useBoardAccess } from '../review/useBoardAccess';
import { useBoardMembers } from '../review/useBoardMembers';
import type { Peer, PresenceUser } from '../sync/presence';
import { Avatar } from './Avatar';
import './presence.css';

/** The least room between the list and the screen's edge, in CSS pixels. */
const MARGIN = 8;

export function PresenceBar({ me, peers }: { me: PresenceUser; peers: readonly Peer[] }) {
  const id = useId();
  const people = new Map<string, PresenceUser>();
  for (const p of peers) if (p.user.id !== me.id) people.set(p.user.id, p.user);
  const others = [...people.values()];

  const [open, setOpen] = useState(false);
  const [openings, setOpenings] = useState(0);
  const access = useBoardAccess();
  const members = useBoardMembers(open ? access : null, openings);
  const roleOf = (userId: string): Role | undefined =>
    members.find((m) => m.id === userId)?.role ?? (userId === me.id ? access?.role : undefined);

  const bar = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // The list hangs from the button's right edge; where the header puts the button near the
  // screen's left edge (a phone), it slides right to stay on the screen; measured again as
  // the roles arrive and people come and go.
  useLayoutEffect(() => {
    const el = list.current;
    if (!open || !el) return;
    el.style.transform = '';
    const { left, right } = el.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const shift = left < MARGIN ? MARGIN - left : Math.min(0, width - MARGIN - right);
    if (shift !== 0) el.style.transform = `translateX(${shift}px)`;
  }, [open, others.length, members]);
  const button = useRef<HTMLButtonElement>(null);
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  // A tap or click anywhere else closes the list, as does focus leaving it.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const count = others.length === 0 ? 'Only you' : `${others.length + 1} here`;
  return (
    <div
      ref={bar}
      className="presence-bar"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close(true);
        }
      }}
      onBlur={(e) => {
        if (open && !bar.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="presence-toggle"
        aria-expanded={open}
        aria-controls={`${id}-people`}
        onClick={() => {
          if (!open) setOpenings((n) => n + 1);
          setOpen(!open);
        }}
      >
        <span className="presence-avatars" aria-hidden="true">
          {[me, ...others].map((u) => (
            <Avatar key={u.id} user={u} size="large" />
          ))}
        </span>
        {/* Named by its content ("3 here (people on this board)"), the count as shown first so
            a voice command that says it finds the button; an aria-label would leave the visible
            initials out of the name (axe: label-content-name-mismatch). */}
        <span className="presence-count">{count}</span>
        <span className="visually-hidden">(people on this board)</span>
      </button>
      <div ref={list} id={`${id}-people`} className="presence-people" hidden={!open}>
        <ul aria-label="People on this board">
          {[me, ...others].map((u) => {
            const role = roleOf(u.id);
            return (
              <li key={u.id}>
                <Avatar user={u} />
                <span>
                  <bdi className="presence-name">{u.name}</bdi>
                  {u.id === me.id && ' (you)'}
                  {role && ` — ${ROLE_LABELS[role]}`}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
