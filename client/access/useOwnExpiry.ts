/**
 * This person's own invite's expiry while it still opens the board, for Your access to say
 * before it passes (QA: only Activity and leads' dialogs told it): read when the page opens and
 * again each time the board's invites change (message 101 reaches every open page of the
 * board, this one too, when a lead sets, extends or ends an expiry). `near`: the notice said
 * once within EXPIRY_NEAR_MS of the expiry, worded when it is reached and kept (a live region
 * that changed each minute would be read out each minute); a new expiry words it afresh.
 */
import { useEffect, useState } from 'react';
import { EXPIRY_NEAR_MS, expiryNearSentence } from './accessSentences';
import { type Expiry, useReadExpiry } from './useExpiry';

/** setTimeout fires at once past 2^31 - 1 ms: a later moment is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function useOwnExpiry(
  boardId: string | null,
  token: string | null,
  invitesChanged: number,
): { expiry: Expiry | null; near: string | null } {
  const expiry = useReadExpiry(boardId, token, invitesChanged);
  const [near, setNear] = useState<{ at: number; words: string } | null>(null);

  const at = expiry?.at ?? null;
  useEffect(() => {
    if (expiry === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const wait = expiry.at - EXPIRY_NEAR_MS - Date.now();
      if (wait <= 0) {
        // A read that finds the same expiry keeps the notice as it was said.
        setNear((was) =>
          was?.at === expiry.at ? was : { at: expiry.at, words: expiryNearSentence(expiry) },
        );
      } else timer = setTimeout(check, Math.min(wait, MAX_TIMER_MS));
    };
    check();
    return () => clearTimeout(timer);
  }, [expiry]);

  return { expiry, near: near !== null && near.at === at ? near.words : null };
}
