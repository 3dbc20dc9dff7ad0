/**
 * A member of a board on the sync test server: a new invite with `role`, and a raw y-protocols
 * client with its token, synced, whose writes the test crafts by hand. The client is added to
 * `open` for the test to close.
 */
import type { Role } from '../../shared/roles';
import { connectRaw, type RawClient } from './rawClient';
import type { Invite, SyncTestServer } from './startSyncTestServer';

export async function rawMember(
  server: SyncTestServer,
  boardId: string,
  role: Role,
  name: string,
  open: RawClient[],
): Promise<Invite & { raw: RawClient }> {
  const invite = await server.invite(boardId, role, name);
  const raw = connectRaw(server.syncUrl, boardId, invite.token);
  open.push(raw);
  await raw.sync();
  return { ...invite, raw };
}
