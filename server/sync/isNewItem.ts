import * as Y from 'yjs';

/** Whether the doc lacks this item: the update being judged makes it. */
export const isNewItem = (doc: Y.Doc, item: Y.Item): boolean =>
  item.id.clock >= Y.getState(doc.store, item.id.client);
