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
}

export class DraftRegistry {
  private readonly drafts = new Map<object, Draft>();

  set(key: object, draft: Draft | null): void {
    if (draft === null) this.drafts.delete(key);
    else this.drafts.set(key, draft);
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
 * what it is (`text`, shown to copy should the card go while the form is open).
 */
export function useUnsavedDraft(
  label: string,
  dirty: boolean,
  text: string,
  saves: Draft['saves'] = 'card',
): void {
  const registry = useContext(RegistryContext);
  const [key] = useState(() => ({}));
  useEffect(() => {
    if (!registry) return;
    registry.set(key, dirty ? { label, text, saves } : null);
    return () => registry.set(key, null);
  }, [registry, key, label, dirty, text, saves]);
}
