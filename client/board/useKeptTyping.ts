/**
 * The board page's kept typing (keptTyping): this board's and this person's, kept while the
 * page shows the board, and put back when it shows it again. A claim edited in place opens its
 * editor again on what was typed; a card whose dialog held text opens again (its forms take it
 * back: CardDetail), unless the address names a card to open.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { BoardView } from '../../shared/board';
import type { KnownBoard } from '../app/knownBoards';
import { cardInAddress, matchRoute } from '../app/router';
import { keptTypingKey } from '../sync/forgetBoardData';
import { boardForgotten } from '../sync/storageRefused';
import { draftChanges } from '../ui/fieldDraft';
import { focusTypedBack } from '../ui/focusTypedBack';
import type { ClaimDraft, ClaimEdits } from './claimEdits';
import {
  claimPlace,
  type KeptTyping,
  placeCard,
  RESTORED_NOTE,
  storageKeptTyping,
} from './keptTyping';

const isClaimDraft = (v: unknown): v is ClaimDraft => {
  const d = v as { base?: { claim?: unknown }; mine?: { claim?: unknown } } | null;
  return typeof d?.mine?.claim === 'string' && typeof d.base?.claim === 'string';
};

export function useKeptTyping(
  known: KnownBoard,
  claimEdits: ClaimEdits,
  loaded: boolean,
  tell: (text: string) => void,
): KeptTyping {
  const kept = useMemo(
    () =>
      storageKeptTyping(
        // Nothing of a board another tab forgot is kept, nor what is typed on it.
        () => (boardForgotten(known.id) ? null : window.sessionStorage),
        keptTypingKey(known.id, known.inviteId),
        () => {
          const route = matchRoute(window.location.pathname);
          return route?.page === 'board' && route.boardId === known.id;
        },
      ),
    [known.id, known.inviteId],
  );
  // A reload or the tab closing: the browser asked first (useUnsavedPrompt), and the person
  // chose to leave, as "← Boards" asks (BoardHeader): what they typed is not put back.
  useEffect(() => {
    const left = (e: PageTransitionEvent) => {
      if (!e.persisted) kept.clear();
    };
    window.addEventListener('pagehide', left);
    return () => window.removeEventListener('pagehide', left);
  }, [kept]);

  // Claims edited in place, put back once the board has loaded (a card not on it then is told
  // as deleted while being edited, with the text to copy: DeletedWhileEditing). Said once for
  // them and New claim, which takes its own back as it mounts (AddClaimForm).
  // Focus goes to the first of them, unless the person has moved it since the page showed
  // (from where the page put it then: the body, or the title of a board reached from the list).
  const resumed = useRef(false);
  const focusAtShow = useRef<Element | null>(null);
  const cancelFocus = useRef(() => {});
  useEffect(() => {
    focusAtShow.current = document.activeElement;
    return () => cancelFocus.current();
  }, []);
  useEffect(() => {
    if (!loaded || resumed.current) return;
    resumed.current = true;
    const texts = kept.load('new-claim').map((d) => d.text);
    let back = texts.length;
    for (const place of kept.places()) {
      const cardId = placeCard(place, 'claim');
      const fields = cardId && kept.load(place)[0]?.fields;
      if (cardId && isClaimDraft(fields)) {
        claimEdits.resume(cardId, fields);
        texts.push(fields.mine.claim ?? '');
        back += 1;
      }
    }
    if (back === 0) return;
    tell(RESTORED_NOTE);
    // Not the effect's cleanup: a new `tell` would run it, and this effect does not run again.
    cancelFocus.current = focusTypedBack(() => document, texts, focusAtShow.current);
  }, [loaded, kept, claimEdits, tell]);
  useEffect(
    () =>
      claimEdits.subscribe(() => {
        const edits = claimEdits.all();
        for (const [cardId, { draft }] of edits) {
          const typed = Object.keys(draftChanges(draft)).length > 0;
          const text = draft.mine.claim ?? '';
          kept.save(
            claimPlace(cardId),
            typed ? [{ label: 'the claim', text, saves: 'card', fields: draft }] : [],
          );
        }
        // Until they are put back, kept edits are not the page's to drop.
        if (!resumed.current) return;
        for (const place of kept.places()) {
          const cardId = placeCard(place, 'claim');
          if (cardId !== null && !edits.has(cardId)) kept.save(place, []);
        }
      }),
    [claimEdits, kept],
  );
  return kept;
}

/** Opens, once the board has loaded, a card whose dialog held text when the page went. */
export function useTypingReopensCard({
  keptTyping,
  board,
  loaded,
  serverSynced,
  openId,
  openCard,
}: {
  keptTyping: KeptTyping;
  board: BoardView;
  loaded: boolean;
  serverSynced: boolean;
  openId: string | null;
  openCard: (cardId: string) => void;
}): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !loaded) return;
    // A card the address names opens instead (useCardAddress); its own text comes back in it.
    if (openId !== null || cardInAddress() !== null) {
      done.current = true;
      return;
    }
    const cardId = keptTyping
      .places()
      .map((place) => placeCard(place, 'card'))
      .find((id) => id !== null && board.cards[id] !== undefined);
    // A card made since this device's copy was saved is in the server's.
    if (!cardId && !serverSynced) return;
    done.current = true;
    if (cardId) openCard(cardId);
  }, [keptTyping, board, loaded, serverSynced, openId, openCard]);
}
