// A possessive before a capitalised name either belongs to that name or owns it: "Alzheimer's
// Research UK", "King's College London" and "St John's Ambulance" are one name each (a
// charity, a college and a service named after someone), while "Apple's Tim Cook" and
// "Britain's Prime Minister Keir Starmer" are an owner and a person. A body named after someone
// puts its head word right after the possessive ("College", "Trust", "Research"), and no title
// stands among its words, which would open a person's name; an owner's body has a name of its
// own, which opens with other words: "China's Foreign Ministry", "Britain's National Health
// Service" keep their owner apart.
import { isPersonTitle, ORG_HEADS } from './findNames';

// Heads of the bodies that are named after a person or a place in the possessive, beyond
// those that name bodies anywhere (ORG_HEADS): "Cancer Research UK", "Guy's and St Thomas'
// NHS Foundation Trust", "the Children's Society", "St John's Ambulance".
const POSSESSIVE_BODY_HEADS = new Set(
  (
    'research college trust society charity ambulance hospice clinic academy centre center ' +
    'museum library hall cathedral chapel'
  ).split(' '),
);

export const POSSESSIVE = /^['’]s$/;

// A disease named after the person who described it, "Alzheimer's Disease", "Parkinson's
// Disease": the possessive is the disease's, and a body named after the disease goes on from
// it, "Alzheimer's Disease International", "Parkinson's Disease Society" (found cut to "Disease
// International" before).
const EPONYMOUS = new Set(['disease', 'syndrome']);

/**
 * Whether the capitalised words after a possessive (`tail`, the possessive itself not among
 * them) make one name with the words before it: ["Research", "UK"] → true, ["College",
 * "London"] → true, ["Tim", "Cook"] → false, ["Prime", "Minister", "Keir", "Starmer"] → false.
 */
export function joinsPossessive(tail: readonly string[]): boolean {
  if (tail.length === 0 || tail.some((w) => !/^\p{Lu}/u.test(w) || isPersonTitle(w))) return false;
  const head = tail[0]!.toLowerCase();
  return ORG_HEADS.has(head) || POSSESSIVE_BODY_HEADS.has(head) || EPONYMOUS.has(head);
}

/** Whether a name's words hold a possessive that joinsPossessive keeps: "King 's College London". */
export function isPossessiveBody(words: readonly string[]): boolean {
  const k = words.findLastIndex((w) => POSSESSIVE.test(w));
  return k > 0 && joinsPossessive(words.slice(k + 1));
}
