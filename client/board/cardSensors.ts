/**
 * dnd-kit's mouse and touch sensors, but not from a card's own controls. A finger held still
 * for 250 ms picks a card up (BoardPage); on Open, Edit, the selection box or Move to… that was
 * a slow tap's length, and such a tap picked the card up, dropped it where it was, and did
 * nothing it was meant to do (no dialog opened, no box ticked). A mouse drags after 6 px, and
 * a click on Edit or Open whose hand moved that far dragged the card instead. The grip stays a
 * handle to hold, for both.
 */
import { MouseSensor, TouchSensor } from '@dnd-kit/core';

const CONTROLS = 'button:not(.grip), select, input, textarea, a, [role="button"]';

/** The sensor's activators, each refusing a press that begins on a control. */
function notFromControls<N extends string, E extends { nativeEvent: Event }, O>(
  activators: readonly { eventName: N; handler: (event: E, options: O) => boolean }[],
) {
  return activators.map(({ eventName, handler }) => ({
    eventName,
    handler: (event: E, options: O) => {
      const target = event.nativeEvent.target;
      return !(target instanceof Element && target.closest(CONTROLS)) && handler(event, options);
    },
  }));
}

export class CardMouseSensor extends MouseSensor {
  static override activators = notFromControls(MouseSensor.activators);
}

export class CardTouchSensor extends TouchSensor {
  static override activators = notFromControls(TouchSensor.activators);
}
