import { inertBidi } from '../../shared/export/inertBidi';
import { isolateRightToLeft } from '../../shared/isolateRightToLeft';

/**
 * A person's name (or any text of theirs) set in one of our plain-text sentences: each
 * text-direction control in it closed where it stands (inertBidi), and a right-to-left name
 * isolated (isolateRightToLeft). Without the isolate the bidi algorithm joins the "(lead)", the
 * figures and the stop after a Hebrew or Arabic name to its run, so "رنا (lead) revoked your
 * invite at 14:02" read with "(lead)" and the time out of place.
 */
export function personName(name: string): string {
  return isolateRightToLeft(inertBidi(name));
}
