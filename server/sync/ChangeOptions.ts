import type { Permission } from '../../shared/roles';
import type { ChangeIntent } from '../audit/attribution';
import type { ChangeKey } from '../storage/Storage';

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
  /**
   * The Idempotency-Key of the REST request that makes it (IdempotencyKeys): stored in the
   * change's batch with its result, so that the change is never stored without it.
   */
  readonly key?: Omit<ChangeKey, 'result'>;
}
