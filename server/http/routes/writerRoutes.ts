/**
 * GET /api/boards/:id/writers?clients=<id>,<id>… (any member): who wrote with each of those Yjs
 * client ids on this board, as the invite the server bound the id to (ClientBindings): its id,
 * name and role. A page names the colleague whose value its Undo kept, or whose write a
 * lost-edit notice says was kept over this person's, even when it never saw them in presence
 * (they wrote while it was closed, or with no presence at all), where it would say "someone
 * else" ("A colleague"). A revoked or expired invite is named too: its writes are the
 * board's history, which Activity names them in as well. A client id bound on another board,
 * or on none (the server's own writes), is left out, so nothing about other boards shows.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { SyncStorage } from '../../storage/Storage';
import type { TokenSigner } from '../../auth/tokens';
import { authenticateMember, member } from '../auth';
import { validate } from '../validate';

/** How many client ids one request may ask about: an Undo's kept values name a handful. */
export const MAX_WRITERS_ASKED = 100;

/** A Yjs client id: a 32-bit unsigned integer, in decimal. */
const CLIENT_ID = /^\d{1,10}$/;

const writersQuery = z.object({
  clients: z
    .string()
    .transform((s) => s.split(','))
    .pipe(
      z
        .array(
          z
            .string()
            .regex(CLIENT_ID, 'not a client id')
            .transform(Number)
            .pipe(z.number().max(0xffffffff, 'not a client id')),
        )
        .max(MAX_WRITERS_ASKED, `at most ${MAX_WRITERS_ASKED} client ids`),
    ),
});

export function writerRoutes(deps: { storage: SyncStorage; signer: TokenSigner }): Router {
  const router = Router();

  router.get('/api/boards/:id/writers', authenticateMember(deps), async (req, res) => {
    const { clients } = validate(writersQuery, req.query);
    const boardId = member(res).boardId;
    const [bindings, invites] = await Promise.all([
      deps.storage.listClientBindings(boardId),
      deps.storage.listInvites(boardId),
    ]);
    const asked = new Set(clients);
    const inviteById = new Map(invites.map((i) => [i.id, i]));
    const writers = bindings.flatMap(({ clientId, inviteId }) => {
      const invite = asked.has(clientId) ? inviteById.get(inviteId) : undefined;
      return invite ? [{ clientId, id: invite.id, name: invite.name, role: invite.role }] : [];
    });
    res.json({ writers });
  });

  return router;
}
