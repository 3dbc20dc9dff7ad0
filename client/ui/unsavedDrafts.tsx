/**
 * The unsaved drafts inside a dialog, so that closing it can ask before throwing them away:
 * each form says whether its person has typed something not yet saved (useUnsavedDraft), and
 * the dialog asks its registry on Escape or Close (CardDetail). A form outside any registry
 * (the board's own inline forms) registers nothing.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/** One form's unsaved draft: its name, and what was typed in it. */
export interface Draft {
  readonly label: string;
  readonly text: string;
  /** Which right saves it: a comment's (reviewers too) or a change to the card's. */
  readonly saves: 'comment' | 'card';
  /**
   * The form's own draft of several fields (a FieldDraft), for it to start from again when it
   * takes this back (useDraftBack); `text` alone serves a form of one field.
   */
  readonly fields?: object;
  /**
   * Which form takes it back: its label, unless forms share that name (every comment's edit is
   * "Edit comment"), where the form names itself apart (by its comment).
   */
  readonly form?: string;
}

/** What a form tells its registry besides its name and text (useUnsavedDraft). */
export interface DraftOptions {
  readonly saves?: Draft['saves'];
  readonly fields?: object;
  readonly form?: string;
}

export class DraftRegistry {
  private readonly drafts = new Map<object, Draft>();

  /** `onChange`: told what the forms hold after each change (to keep it on the device). */
  constructor(private readonly onChange?: (drafts: Draft[]) => void) {}

  /** What was typed in forms that went with a right now back, for those forms to take again. */
  private offered: readonly Draft[] = [];
  private readonly taken = new Set<Draft>();

  /** Offers `drafts` to the forms they name (Draft.form) that open from now on (useDraftBack). */
  offer(drafts: readonly Draft[]): void {
    this.offered = drafts;
    this.taken.clear();
  }

  /** The draft offered to this form (Draft.form) not taken yet, if any. Reads only. */
  offeredTo(form: string, saves: Draft['saves']): Draft | null {
    return (
      this.offered.find(
        (d) => (d.form ?? d.label) === form && d.saves === saves && !this.taken.has(d),
      ) ?? null
    );
  }

  take(draft: Draft): void {
    this.taken.add(draft);
  }

  /** Whether a form has taken `draft` back since it was offered. */
  wasTaken(draft: Draft): boolean {
    return this.taken.has(draft);
  }

  set(key: object, draft: Draft | null): void {
    if (draft === null) this.drafts.delete(key);
    else this.drafts.set(key, draft);
    this.onChange?.(this.all());
  }

  /** What is unsaved, by the forms' names, in the order the forms started. */
  labels(): string[] {
    return this.all().map((d) => d.label);
  }

  all(): Draft[] {
    return [...this.drafts.values()];
  }
}

const RegistryContext = createContext<DraftRegistry | null>(null);

export function UnsavedDrafts({
  registry,
  children,
}: {
  registry: DraftRegistry;
  children: ReactNode;
}) {
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/**
 * Tells the surrounding registry, if any, that the form named `label` holds unsaved text, and
 * what it is (`text`, shown to copy should the card go while the form is open; `fields`, the
 * form's draft of several fields, for it to take back).
 */
export function useUnsavedDraft(
  label: string,
  dirty: boolean,
  text: string,
  { saves = 'card', fields, form }: DraftOptions = {},
): void {
  const registry = useContext(RegistryContext);
  const [key] = useState(() => ({}));
  useEffect(() => {
    if (!registry) return;
    registry.set(key, dirty ? { label, text, saves, fields, form } : null);
    return () => registry.set(key, null);
  }, [registry, key, label, dirty, text, saves, fields, form]);
}

/**
 * What this form (Draft.form) held when its right went, offered back now the right is back
 * (CardDetail), or null: the form starts from it. Read as the form mounts, and taken once it
 * has (an effect: React may render a form twice before it mounts it). `form` null: a form
 * that takes nothing back.
 */
export function useDraftBack(form: string | null, saves: Draft['saves']): Draft | null {
  const registry = useContext(RegistryContext);
  const [back] = useState(() => (form === null ? null : registry?.offeredTo(form, saves)) ?? null);
  useEffect(() => {
    if (back) registry?.take(back);
  }, [registry, back]);
  return back;
}

/** useDraftBack for a form of one field: the text it held. */
export function useTextBack(form: string | null, saves: Draft['saves']): string | null {
  return useDraftBack(form, saves)?.text ?? null;
}

/**
 * Whether these forms have a draft offered back, for their opener to open them again (a
 * reply's form, a comment's edit, evidence being added or edited).
 */
export function useDraftOffers(): (form: string, saves: Draft['saves']) => boolean {
  const registry = useContext(RegistryContext);
  return (form, saves) => registry?.offeredTo(form, saves) != null;
}
