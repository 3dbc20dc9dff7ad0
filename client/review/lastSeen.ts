/**
 * When this browser last had a board on screen, in localStorage: the mentions a colleague made
 * after that are news when the board opens again ("while you were away"). Recorded when the
 * board opens and whenever the page is hidden or left, so a mention seen live is not news
 * twice. The writers' clocks date the comments, so a skewed clock can move the line by its
 * skew.
 */
import { useEffect } from 'react';
import { lastSeenKey } from '../sync/forgetBoardData';
import { boardStorage } from '../sync/storageRefused';

/** When the board was last on screen here, or -Infinity when never (or storage is closed). */
export function lastSeen(boardId: string): number {
  try {
    const value = Number(localStorage.getItem(lastSeenKey(boardId)));
    return Number.isFinite(value) && value > 0 ? value : -Infinity;
  } catch {
    return -Infinity;
  }
}

export function recordSeen(boardId: string): void {
  try {
    // Nothing of a board another tab forgot is kept (boardStorage), nor when it was seen.
    boardStorage(boardId)?.setItem(lastSeenKey(boardId), String(Date.now()));
  } catch {
    // Private mode or a full quota: the next open treats every mention as news.
  }
}

/** Keeps the record current while the board is open: on hide, on leave, and on unmount. */
export function useSeenRecorder(boardId: string): void {
  useEffect(() => {
    const record = () => recordSeen(boardId);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') record();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', record);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', record);
      record();
    };
  }, [boardId]);
}
