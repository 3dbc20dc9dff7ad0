/**
 * A change too large for the server (its message cap, FACTBOARD_MAX_MESSAGE_BYTES; close 4413)
 * is refused on every connection that sends it, as a change the role may not make (4403) is:
 * the page sets it aside under "Not saved" with its text, drops the copy holding it and opens
 * the board afresh, saying why, where it said "Connection refused (4413)" over a board showing
 * what the server never had. Here the change is the Undo of a bulk delete, which writes the
 * cards back in one update, against the real server with its cap lowered to 64 KiB.
 */
import { describe, expect, it, vi } from 'vitest';
import { statusLabel } from '../../client/sync/connectionStatus';
import { addClaims, cardsMap } from '../../shared/board';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';

const live = useTestServer({ maxMessageBytes: 64 * 1024 });

const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 10_000 });

describe('a change over the server’s message cap', () => {
  it('is set aside under Not saved, and the board opens afresh without it', async () => {
    const board = await createBoardOverRest(live.server.url, 'Cap', 'Lea');
    const invite = await inviteOverRest(live.server.url, board, 'Edie', 'editor');
    const actor = { id: invite.inviteId, name: 'Edie' };
    // 40 cards of 2,000 characters: about 85 KB back in one Undo.
    await live.server.syncServer.change(board.id, actor, (doc) =>
      addClaims(
        doc,
        Array.from({ length: 40 }, (_, i) => ({
          claim: `Claim ${i} ${'x'.repeat(2_000)}`.slice(0, 2_000),
        })),
        { actor },
      ),
    );
    let reopened = 0;
    const page = live.open(board.id, invite.token, {
      onStaleCopy: () => reopened++,
    });
    await until(() => page.getSnapshot().status.kind === 'saved' && cardsMap(page.doc).size === 40);
    page.commands.deleteCards([...cardsMap(page.doc).keys()]);
    await until(() => page.getSnapshot().status.kind === 'saved');
    expect(page.undo()).toEqual({ command: 'deleteCards', applied: true });

    await until(() => reopened === 1);
    const { status, setAside } = page.getSnapshot();
    expect(status).toEqual({ kind: 'reopening', code: CLOSE.tooLarge });
    expect(statusLabel(status, { unsaved: true })).toBe(
      'A change was too large for the server to take: reopening the board without it…',
    );
    // One change, the Undo of the bulk deletion, with every card and its claim in full.
    expect(setAside.map((work) => work.what)).toEqual(['Undid the deletion of 40 cards']);
    expect([...(setAside[0]?.cardIds ?? [])].sort()).toEqual([...cardsMap(page.doc).keys()].sort());
    const claims = [...cardsMap(page.doc).values()].map((card) => card.get('claim') as string);
    expect(setAside[0]?.text?.split('\n\n').sort()).toEqual(claims.sort());
    // The server has what it stored: the deletion, not the Undo it closed the socket on.
    expect(Object.keys((await live.server.board(board.id)).cards)).toHaveLength(0);
  });
});
