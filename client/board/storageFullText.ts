/** What this browser's full storage could not keep of the board page (BoardPage). */
export interface NotKept {
  /** The board's invite (knownBoards, localStorage): the page must be opened from its link. */
  readonly invite: boolean;
  /** The records kept for after a reload (lost-edit notices, refused changes; localStorage). */
  readonly records: boolean;
  /**
   * Text typed and not yet saved (keptTyping, sessionStorage): not put back after a reload, nor
   * when this tab shows the board again (Back, then Forward).
   */
  readonly typing: boolean;
}

const TYPING = 'text typed here and not yet saved is lost if this page reloads or leaves the board';

/**
 * The board page's one line when storage is full, naming what could not be kept: one cause, so
 * one line, which tells every loss. Null when all is kept. The line spoke only of lost-edit
 * notices when it was the typed text that sessionStorage refused.
 */
export function storageFullText({ invite, records, typing }: NotKept): string | null {
  if (invite) {
    return [
      'This browser’s storage is full, so it could not keep this board’s invite: once this page ' +
        'is closed, open the invite link again to come back.',
      records &&
        'Notices of lost edits and changes the server refused are kept only until then too.',
      typing && `${TYPING.charAt(0).toUpperCase()}${TYPING.slice(1)}.`,
    ]
      .filter(Boolean)
      .join(' ');
  }
  const lost = [
    records &&
      'notices of lost edits and changes the server refused are kept only until this page is closed',
    typing && TYPING,
  ].filter(Boolean);
  return lost.length === 0 ? null : `This browser’s storage is full: ${lost.join(', and ')}.`;
}
