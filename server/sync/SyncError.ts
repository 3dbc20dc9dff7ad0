/** A reason to close one connection, with the close code the client sees (DESIGN §4). */
import type { CloseCode } from '../../shared/protocol/closeCodes';

export class SyncError extends Error {
  constructor(
    readonly closeCode: CloseCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'SyncError';
  }
}
