import type { Permission } from '../../shared/roles';
import type { ChangeIntent } from '../audit/attribution';

/** How a server-side change (SyncServer.change) is recorded and who may still make it. */
export interface ChangeOptions {
  /** What the history cannot tell from the doc (a restored card). */
  readonly intent?: ChangeIntent;
  /**
   * The permission the actor's invite must still have when the change is written, for a
   * member's request admitted earlier: checked in the room's turn against the invites as now
   * stored, so a revocation or a lower role stored meanwhile refuses it (AccessChangedError)
   * and nothing is written in their name after the history says they lost the right.
   */
  readonly requires?: Permission;
}
