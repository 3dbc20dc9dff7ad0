import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ROLE_LABELS } from '../app/roleLabels';
import { refusedBadge } from '../app/refusedBadges';
import {
  boardsNotKept,
  forgetBoard,
  getDisplayName,
  type KnownBoard,
  listKnownBoards,
  setDisplayName,
  subscribeKnownBoards,
} from '../app/knownBoards';
import { navigate } from '../app/router';
import { forgetBoardEntirely } from '../sync/forgetBoardData';
import { storageBlocked } from '../sync/storageRefused';
import { useArrivalFocus } from '../ui/useArrivalFocus';
import { ImportBoardForm } from '../export/ImportBoardForm';
import { ThemeChoice } from '../theme/ThemeChoice';
import { CreateBoardForm } from './CreateBoardForm';
import { NamePrompt } from './NamePrompt';
import { twinTitleDetails } from './twinTitleDetails';
import { boardsMatching } from './boardsMatching';
import { plural } from '../ui/plural';
import { quoted } from '../ui/quoted';
import { inertBidi } from '../../shared/export/inertBidi';

/**
 * What Forget takes that the person may not have elsewhere: the invite is this browser's only
 * copy of their link, and a lead's may be the board's only way to be led (QA: a last lead who
 * forgot the board left it with no one who could invite, change roles or export).
 */
function forgetWarning(board: KnownBoard): string {
  if (board.refusedCode !== undefined) return '';
  const keep = 'keep your link first (on the board, your role’s badge, then Copy your link)';
  return board.role === 'lead'
    ? ` You lead this board: ${keep}, or it may be left with no lead.`
    : ` To open it again you will need your link: ${keep}.`;
}

/** What a board's entry shows beside its title: its role, or why it no longer opens. */
const badgeOf = (b: KnownBoard): string =>
  b.refusedCode !== undefined
    ? (refusedBadge(b.refusedCode, b.refusedReason) ?? 'No longer opens')
    : ROLE_LABELS[b.role];

/** `/`: the boards this browser knows, and a form to create one. */
export function StartPage() {
  const [name, setName] = useState(getDisplayName);
  const [renaming, setRenaming] = useState(false);
  const [boards, setBoards] = useState<KnownBoard[]>(listKnownBoards);
  const twins = useMemo(() => twinTitleDetails(boards), [boards]);
  // A board page in another tab may learn meanwhile of a new role or a revoked invite.
  useEffect(() => subscribeKnownBoards(() => setBoards(listKnownBoards())), []);
  const notKept = useSyncExternalStore(subscribeKnownBoards, boardsNotKept);
  // With fifty boards the one wanted is hard to find by eye: a search by title or role.
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () =>
      boardsMatching(
        boards.map((b) => ({ ...b, badge: badgeOf(b) })),
        query,
      ),
    [boards, query],
  );
  // A browser setting, which does not change while the page is open.
  const blocked = useMemo(storageBlocked, []);

  // Where focus goes once the name prompt is gone: a first name leads on to creating a board,
  // a changed one back to "Change name". Otherwise it would fall to the page.
  const [after, setAfter] = useState<'create' | 'rename' | null>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useArrivalFocus(heading);
  useEffect(() => {
    if (after === 'rename') renameRef.current?.focus();
  }, [after]);
  const saveName = (value: string) => {
    setDisplayName(value);
    setName(value);
    setAfter(renaming ? 'rename' : 'create');
    setRenaming(false);
  };

  return (
    <div className="start">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Factboard
        </span>
        {name && !renaming && (
          <span className="who">
            Signed in as <strong>{name}</strong>{' '}
            <button
              ref={renameRef}
              type="button"
              className="link-button"
              onClick={() => {
                setAfter(null);
                setRenaming(true);
              }}
            >
              Change name
            </button>
          </span>
        )}
        <ThemeChoice />
      </header>
      <main className="page page-narrow" id="main">
        <h1 ref={heading} tabIndex={-1}>
          Factboard
        </h1>
        <p className="lead-text">
          Check the claims in the news together: one board per story, a card per claim, and every
          colleague&rsquo;s move live on your screen.
        </p>
        {!name || renaming ? (
          <NamePrompt
            initial={name}
            onSave={saveName}
            {...(renaming
              ? {
                  onCancel: () => {
                    setAfter('rename');
                    setRenaming(false);
                  },
                }
              : {})}
          />
        ) : (
          <>
            <section className="panel" aria-labelledby="your-boards">
              <h2 id="your-boards">Your boards</h2>
              {blocked ? (
                <p className="banner" role="status">
                  This browser keeps nothing on this device (its site storage is blocked): this
                  list, your name and the boards&rsquo; invites last only until this page is closed.
                  Open an invite link again to come back to its board.
                </p>
              ) : (
                notKept && (
                  <p className="banner" role="status">
                    This browser&rsquo;s storage is full, so this list is not kept in full: a board
                    added, changed or forgotten on this page since is so only until the page is
                    closed. This goes once the list can be stored again, at its next change.
                  </p>
                )
              )}
              {boards.length === 0 ? (
                <p className="muted">
                  No boards yet in this browser. Create one below, or open an invite link: one a
                  colleague sent you, or the demo board&apos;s, which the server prints when it
                  first starts.
                </p>
              ) : (
                <>
                  <div className="board-search" role="search" aria-label="Search your boards">
                    <input
                      type="search"
                      aria-label="Find a board"
                      aria-describedby="board-count"
                      placeholder="Find a board by title or role…"
                      value={query}
                      onChange={(e) => setQuery(e.target.value)}
                    />
                    {/* Live: typing says how many are left, as the board's card search does. */}
                    <span id="board-count" className="muted small" role="status">
                      {query.trim()
                        ? `${shown.length} of ${plural(boards.length, 'board', 'boards')}`
                        : plural(boards.length, 'board', 'boards')}
                    </span>
                  </div>
                  {shown.length === 0 ? (
                    <p className="muted">
                      No board matches {quoted(query.trim())}: its title or role is spelt another
                      way, or this browser has not opened it (open its invite link).
                    </p>
                  ) : (
                    <ul className="board-list">
                      {shown.map((b) => {
                        const detail = twins.get(b.id);
                        // Boards of one title are told apart by when this browser added them.
                        const named = `${inertBidi(b.title || 'Untitled board')}${detail ? ` (${detail})` : ''}`;
                        return (
                          <li key={b.id}>
                            <a
                              href={`/b/${encodeURIComponent(b.id)}`}
                              onClick={(e) => {
                                e.preventDefault();
                                navigate(`/b/${encodeURIComponent(b.id)}`);
                              }}
                            >
                              {/* Isolated: an unclosed U+202E in a title would reverse the
                              "(added …)" that tells it from its twin. */}
                              <bdi>{b.title || 'Untitled board'}</bdi>
                              {detail && <span className="muted small"> ({detail})</span>}
                            </a>
                            {b.refusedCode !== undefined ? (
                              <span className="badge refused">{b.badge}</span>
                            ) : (
                              <span className="badge">{b.badge}</span>
                            )}
                            <button
                              type="button"
                              className="link-button subtle"
                              aria-label={`Forget ${named}`}
                              onClick={() => {
                                const sure = window.confirm(
                                  blocked
                                    ? `Forget ${quoted(named)}? This browser keeps nothing on this device (its site storage is blocked), so there is nothing of the board to remove here: Forget only takes it off this page’s list, with its invite.${forgetWarning(b)}`
                                    : `Forget ${quoted(named)}? This browser loses its invite and any change not yet saved on the server.${forgetWarning(b)}`,
                                );
                                if (!sure) return;
                                forgetBoard(b.id);
                                void forgetBoardEntirely(b.id);
                                setBoards(listKnownBoards());
                              }}
                            >
                              Forget
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </>
              )}
            </section>
            <CreateBoardForm name={name} autoFocus={after === 'create'} />
            <ImportBoardForm name={name} />
          </>
        )}
      </main>
    </div>
  );
}
