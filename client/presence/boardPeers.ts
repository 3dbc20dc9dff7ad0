/**
 * Everyone else on the open board, for what the board page does not hand presence to: the
 * card dialog, which says who else has its card open. The header's PresenceBar, which the page
 * gives every peer, publishes them here; one board is open in a tab at a time.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Peer } from '../sync/presence';

const NONE: readonly Peer[] = Object.freeze([]);
let current: readonly Peer[] = NONE;
const listeners = new Set<() => void>();

function publish(peers: readonly Peer[]): void {
  if (peers === current) return;
  current = peers;
  for (const listener of listeners) listener();
}

/** Publishes the board's peers while the calling component is mounted. */
export function usePublishPeers(peers: readonly Peer[]): void {
  useEffect(() => publish(peers), [peers]);
  useEffect(() => () => publish(NONE), []);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The board's peers, as the board page last had them. */
export function useBoardPeers(): readonly Peer[] {
  return useSyncExternalStore(subscribe, () => current);
}
