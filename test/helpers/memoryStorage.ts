/** localStorage's interface over a Map, with the Map to look into. */
export function memoryStorage(): { items: Map<string, string>; storage: Storage } {
  const items = new Map<string, string>();
  const storage = {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  } as Storage;
  return { items, storage };
}
