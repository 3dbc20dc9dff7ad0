/**
 * An Undo of a move that crossed a colleague's move of the same card, on a slow or broken link:
 * Eddie moves a card Ana last updated and undoes it before Dora's move of that card reaches
 * him, and the server stores Dora's first. His Undo writes Ana back as the card's updater,
 * over his own, as it should; the server took it for a forged name ("a card is updated in
 * its updater's own name", 4403), and his page said "Reopening the board with your current
 * role…" and "1 change refused" (found by QA through a proxy adding 700 ms each way). His
 * move had replaced Ana's name on his page, though on the server Dora's had already done so.
 * The same when a colleague moved the card many times meanwhile (a burst, as QA's of 30 changes
 * in 3 s): the server remembered only the card's last 16 replaced names, and had forgotten the
 * one Eddie's Undo writes back.
 * The real server and WebSockets; Eddie's page goes offline to hold his changes back.
 */
import { describe, expect, it } from 'vitest';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';
import { switchableNetwork } from '../helpers/switchableNetwork';
import { waitFor } from '../helpers/waitFor';

const live = useTestServer();

const saved = (c: BoardConnection) => () => c.getSnapshot().status.kind === 'saved';

describe('an Undo of a move that crossed a colleague’s', () => {
  it.each([1, 40])(
    'is stored, not refused as a forged name, after %i colleague’s moves',
    async (moves) => {
      const board = await createBoardOverRest(live.server.url, 'Night desk', 'Ana');
      const ana = live.open(board.id, board.leadToken);
      const cardId = ana.commands.addClaim({ claim: 'The bridge cost $4 million' });
      await waitFor(saved(ana), { what: 'the card saved' });

      const network = switchableNetwork();
      const eddieInvite = await inviteOverRest(live.server.url, board, 'Eddie', 'editor');
      const eddie = live.open(board.id, eddieInvite.token, { network });
      const doraInvite = await inviteOverRest(live.server.url, board, 'Dora', 'editor');
      const dora = live.open(board.id, doraInvite.token);
      for (const page of [eddie, dora]) {
        await waitFor(() => page.getSnapshot().board.cards[cardId] !== undefined, {
          what: 'the card on the page',
        });
      }

      network.set(false);
      eddie.commands.moveCard(cardId, { column: 'corroborated', index: 0 });
      eddie.undo();
      for (let i = 0; i < moves; i++) {
        const column = i % 2 === 0 ? 'disputed' : 'unverified';
        dora.commands.moveCard(cardId, { column, index: 0 });
      }
      await waitFor(saved(dora), { what: 'Dora’s move saved' });
      network.set(true);

      await waitFor(saved(eddie), { what: 'Eddie’s move and Undo saved', timeout: 8_000 });
      expect(eddie.getSnapshot().setAside).toEqual([]);
      await waitFor(
        () =>
          dora.getSnapshot().board.cards[cardId]?.column ===
          eddie.getSnapshot().board.cards[cardId]?.column,
        { what: 'one column on both pages' },
      );
    },
    30_000,
  );
});
