import { type CollisionDetection, closestCorners, pointerWithin } from '@dnd-kit/core';

/**
 * Where a dragged card goes: the droppable under the pointer, else the one nearest the card's
 * corners. By corners alone, a card held by its grip (at its top right) and let go just inside
 * a column landed in the column to its left, where most of its body hung (QA: dropped 100 px
 * into Disputed, it went to Corroborated). The fallback is for no droppable under the pointer
 * (between the columns: each column is one from top to bottom); keyboard moves are the board's
 * own and never come here. dnd-kit's "composition of existing algorithms".
 */
export const pointerThenCorners: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : closestCorners(args);
};
