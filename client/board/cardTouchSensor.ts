/**
 * dnd-kit's touch sensor, but not from a card's own controls. A finger held still for 250 ms
 * picks a card up (BoardPage); on Open, Edit, the selection box or Move to… that was a slow
 * tap's length, and such a tap picked the card up, dropped it where it was, and did nothing
 * it was meant to do (no dialog opened, no box ticked). The grip stays a handle to hold.
 */
import { TouchSensor } from '@dnd-kit/core';

const CONTROLS = 'button:not(.grip), select, input, textarea, a';

export class CardTouchSensor extends TouchSensor {
  static override activators = TouchSensor.activators.map(({ eventName, handler }) => ({
    eventName,
    handler: (...args: Parameters<typeof handler>) => {
      const target = args[0].nativeEvent.target;
      return !(target instanceof Element && target.closest(CONTROLS)) && handler(...args);
    },
  }));
}
