/**
 * Says a sentence that follows what the person types (the cards a rename will relabel) once the
 * typing has paused, and only when it is not the sentence last said. Said as it changed, it
 * was read out at every key press (9 times in 110 ms for one word, found by QA), and again,
 * unchanged, whenever an unrelated field briefly made it go and come back. The text on screen
 * may follow every key; this is only what screen readers hear.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createNewsBatch } from '../card/createNewsBatch';

export function useSettledAnnouncement(text: string, announce: (text: string) => void): void {
  const say = useRef(announce);
  useLayoutEffect(() => {
    say.current = announce;
  });
  const said = useRef('');
  // The same quiet as a colleague's news on an open card: 0.8 s after the last change.
  const [batch] = useState(() =>
    createNewsBatch<string>((texts) => {
      const settled = texts.at(-1) ?? '';
      if (!settled || settled === said.current) return;
      said.current = settled;
      say.current(settled);
    }),
  );
  useEffect(() => batch.add([text]), [batch, text]);
  useEffect(() => () => batch.clear(), [batch]);
}
