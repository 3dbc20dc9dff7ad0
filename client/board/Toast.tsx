import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isTextField } from '../ui/isTextField';

export interface ToastMessage {
  readonly text: string;
  /** One button beside the text: Undo for a change that can be undone, Open card for a mention. */
  readonly action: {
    readonly label: string;
    readonly run: () => void;
    /** A key that does the same from anywhere (Undo's Control+Z), as aria-keyshortcuts says it. */
    readonly shortcut?: string;
  } | null;
  readonly seq: number;
  /** The card the notice is about: opening it any way answers the notice. */
  readonly cardId?: string;
}

/**
 * A short notice at the bottom of the board, with at most one action. A notice whose action
 * only it offers (Open card on a mention, Restore card, Show them) stays until the next notice
 * replaces it, it is dismissed or acted on: on a timer it took that action away from whoever
 * needed more than 8 s to reach it (a keyboard user 7 to 28 Tab presses away; WCAG 2.2.1).
 * Other notices go after 8 s: a bare one said all it had, and Undo's is also Control+Z from
 * anywhere, which the notice says, while its button, which takes the person's top step, would
 * undo a later change once they made one (a move tells no notice to replace it). None goes
 * while the pointer or keyboard focus is on it (a keyboard user needs time to reach and
 * use its button), nor while a modal dialog is open, which leaves the notice out of reach (a
 * colleague's mention arriving while a card is open is there to act on once it is closed); and
 * focus that was on it goes back where it came from. Not a live region: BoardPage announces
 * every notice itself, and a second region would read each one twice. It covers nothing that
 * has focus: while it shows, focused controls scroll clear of it (useClearance). It sits in a
 * landmark of its own ("Notices", a named region, only while a notice shows): loose at the
 * page's foot it was in none, and a screen reader's landmark keys skipped it (axe "region").
 */
export function Toast({
  toast,
  onDismiss,
  announce,
}: {
  toast: ToastMessage | null;
  onDismiss: () => void;
  /** Says that there is no notice to go to. */
  announce: (text: string) => void;
}) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  /** Where focus came from when it entered the notice. */
  const cameFrom = useRef<HTMLElement | null>(null);
  useNoticeKey(ref, cameFrom, toast !== null, announce);
  useEffect(() => {
    if (!toast || hovered || focused || (toast.action && !toast.action.shortcut)) return;
    let timer = 0;
    const expire = () => {
      if (document.querySelector('dialog:modal')) timer = window.setTimeout(expire, 8000);
      else onDismiss();
    };
    timer = window.setTimeout(expire, 8000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss, hovered, focused]);
  // A notice that goes (dismissed, replaced or acted on) with focus in it hands focus back.
  useEffect(() => {
    const box = ref.current;
    return () => {
      if (box?.contains(document.activeElement) || document.activeElement === document.body) {
        if (cameFrom.current?.isConnected) cameFrom.current.focus();
      }
      cameFrom.current = null;
      setFocused(box?.contains(document.activeElement) ?? false);
    };
  }, [toast]);
  useClearance(ref, toast !== null);
  // The pointer stays on a notice replaced by another; one that is gone has none on it.
  if (!toast && hovered) setHovered(false);
  if (!toast) return null;
  return (
    <section aria-label="Notices">
      <div
        className="toast"
        role="group"
        aria-label="Notice"
        ref={ref}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
        onFocus={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) {
            cameFrom.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
          }
          setFocused(true);
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
        }}
      >
        <span>{toast.text}</span>
        {toast.action && (
          <button
            type="button"
            className="button small"
            aria-keyshortcuts={toast.action.shortcut}
            onClick={() => {
              // Dismissed first: the action may put up a notice of its own ("Undone: …").
              onDismiss();
              toast.action?.run();
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button
          type="button"
          className="button small icon"
          aria-label="Dismiss"
          onClick={onDismiss}
        >
          ×
        </button>
      </div>
    </section>
  );
}

/**
 * Alt+N (⌥N) puts focus on the notice's first button (its action, else Dismiss), and from the
 * notice back where it came from: a keyboard user heard it but was up to 28 Tab presses from
 * it. By the key's place (`code`), as ⌥N on a Mac is a dead key (ñ): in a text field, where it
 * types, that is left to type. Not behind a modal dialog, which leaves the notice inert.
 */
function useNoticeKey(
  ref: RefObject<HTMLDivElement | null>,
  cameFrom: RefObject<HTMLElement | null>,
  shown: boolean,
  announce: (text: string) => void,
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'KeyN' || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (isTextField(e.target) && e.key.toLowerCase() !== 'n') return;
      if (document.querySelector('dialog:modal')) return;
      e.preventDefault();
      const box = ref.current;
      if (!shown || !box) return announce('No notice.');
      if (box.contains(document.activeElement)) {
        if (cameFrom.current?.isConnected) cameFrom.current.focus();
        return;
      }
      box.querySelector<HTMLElement>('button')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ref, cameFrom, shown, announce]);
}

/**
 * While the notice shows, the page's scroll containers keep its height clear at their bottom
 * (styles.css, .toast-shown): a control that takes focus is scrolled above the notice, not
 * left under it for its 8 s (at 640 px wide, 8 of the next 12 controls were). What has focus
 * as it appears is scrolled clear at once.
 */
function useClearance(ref: RefObject<HTMLDivElement | null>, shown: boolean) {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!shown || !box) return;
    const root = document.documentElement;
    const place = () => {
      const clearance = Math.ceil(window.innerHeight - box.getBoundingClientRect().top) + 8;
      root.style.setProperty('--toast-clearance', `${clearance}px`);
    };
    place();
    root.classList.add('toast-shown');
    const resized = new ResizeObserver(place);
    resized.observe(box);
    window.addEventListener('resize', place);
    const active = document.activeElement;
    if (active instanceof HTMLElement && !box.contains(active) && overlaps(active, box)) {
      active.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    return () => {
      resized.disconnect();
      window.removeEventListener('resize', place);
      root.classList.remove('toast-shown');
      root.style.removeProperty('--toast-clearance');
    };
  }, [ref, shown]);
}

function overlaps(a: Element, b: Element): boolean {
  const r = a.getBoundingClientRect();
  const s = b.getBoundingClientRect();
  return r.left < s.right && r.right > s.left && r.top < s.bottom && r.bottom > s.top;
}
