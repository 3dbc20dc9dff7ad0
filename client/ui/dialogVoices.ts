/**
 * The live regions of the modal dialogs on screen. While a modal dialog is open the page behind
 * it is inert, its live regions included: a screen reader reads none of them (Chrome marks them
 * ignored, "activeModalDialog"). Every ModalDialog therefore carries a region of its own, and a
 * region outside the topmost open dialog speaks through that dialog's (useAnnouncer): "Verdict
 * saved", "Undone: …", "Could not …", a colleague's mention, whatever the board says while a
 * dialog is open.
 */

interface DialogVoice {
  readonly dialog: HTMLDialogElement;
  readonly say: (text: string) => void;
}

/** In the order the dialogs opened: the last open one is on top. */
const voices: DialogVoice[] = [];

/** Registers a dialog's region; returns its removal (an effect's cleanup). */
export function addDialogVoice(dialog: HTMLDialogElement, say: (text: string) => void) {
  const voice = { dialog, say };
  voices.push(voice);
  return () => {
    const at = voices.indexOf(voice);
    if (at >= 0) voices.splice(at, 1);
  };
}

/**
 * How a region speaks now: null when it can be heard itself (no modal dialog is open, or the
 * region is in the topmost one), else the topmost open dialog's voice.
 */
export function dialogVoiceOver(region: Element | null): ((text: string) => void) | null {
  const top = voices.findLast((v) => v.dialog.open && v.dialog.isConnected);
  return top && !(region && top.dialog.contains(region)) ? top.say : null;
}
