import type * as Y from 'yjs';

/**
 * Whether a map holds a key or held it once: Yjs (13) keeps a deleted key's last item in the
 * map's `_map`, garbage collected or not, and a doc loaded from storage has it too. So the
 * write policy tells a card, comment or article the board had (deleted since, or coming back
 * under its id by Undo) from an id it never had, without reading the stored history.
 */
export const everHad = <T>(map: Y.Map<T>, key: string): boolean => map._map.has(key);
