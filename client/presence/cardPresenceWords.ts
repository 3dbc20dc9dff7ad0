import type { Peer } from '../sync/presence';

/** Who has a card in hand and who has it open: "moved by Bo; open by Ana, Carl". */
export function cardPresenceWords(peers: readonly Peer[]): string {
  const holding = peers.filter((p) => p.carrying);
  const open = peers.filter((p) => !p.carrying);
  return [
    holding.length > 0 ? `moved by ${holding.map((p) => p.user.name).join(', ')}` : '',
    open.length > 0 ? `open by ${open.map((p) => p.user.name).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
