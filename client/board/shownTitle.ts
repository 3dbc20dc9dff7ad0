/**
 * The board's title as the page may show it, or null while it is not known. Until the board has
 * arrived (`loaded`: the device copy or the server's first sync), the doc is empty and its title
 * '' is no board's: the header said "Untitled board" for as long as a slow link took to bring
 * the board (found by QA: 30 s at 30 KB/s). The title this browser remembers for the board
 * (knownBoards, as the start page lists it) stands in meanwhile, else the header says that the
 * board is loading.
 */
export function shownTitle(loaded: boolean, boardTitle: string, knownTitle: string): string | null {
  if (loaded) return boardTitle;
  return knownTitle || null;
}
