import { useSyncExternalStore } from 'react';
import type { BoardConnection, BoardSnapshot } from './BoardConnection';

/** The board as plain, frozen data; re-renders only when the snapshot object changes. */
export function useBoardSnapshot(connection: BoardConnection): BoardSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
