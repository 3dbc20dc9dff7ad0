import * as Y from 'yjs';

/** The shared type an item holds (a card's map, an evidence item's), deleted or not. */
export const typeIn = (item: Y.Item | null | undefined): Y.AbstractType<unknown> | null =>
  item?.content instanceof Y.ContentType ? item.content.type : null;
