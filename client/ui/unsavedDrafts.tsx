/**
 * The unsaved drafts inside a dialog, so that closing it can ask before throwing them away:
 * each form says whether its person has typed something not yet saved (useUnsavedDraft), and
 * the dialog asks its registry on Escape or Close (CardDetail). A form outside any registry
 * (the board's own inline forms) registers nothing.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

export class DraftRegistry {
  private readonly drafts = new Map<object, string>();

  set(key: object, label: string | null): void {
    if (label === null) this.drafts.delete(key);
    else this.drafts.set(key, label);
  }

  /** What is unsaved, by the forms' names, in the order the forms started. */
  labels(): string[] {
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

/** Tells the surrounding registry, if any, that the form named `label` holds unsaved text. */
export function useUnsavedDraft(label: string, dirty: boolean): void {
  const registry = useContext(RegistryContext);
  const [key] = useState(() => ({}));
  useEffect(() => {
    if (!registry) return;
    registry.set(key, dirty ? label : null);
    return () => registry.set(key, null);
  }, [registry, key, label, dirty]);
}
