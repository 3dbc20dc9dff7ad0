// A sentence in which the publication speaks of its own coverage, inside a paragraph of running
// text, so no block rule sees it: a live blog's "Welcome to our live coverage of Storm Hector.",
// "Some pictures sent in by readers from Durham …", an interview's "The interview has been
// edited for length and clarity.", "We spoke to her at her department on Monday." and its
// interviewer's turn "Q: Let's talk about pensions, …". It tells how the story was made, not
// what happened, so it is no claim. Each pattern holds the whole opening of the sentence: "We
// spoke to 40 residents …" and "Readers sent in 2,000 photos" stay.
const NOTES = [
  /^(hello,? and )?welcome (back )?to (our|this|the) ((live|rolling|continuing|ongoing) )?(coverage|blog|updates)\b/i,
  /^(thank you|thanks) for (joining|following|reading) (us|our|this)\b/i,
  /^(this|the) (interview|conversation|transcript|exchange|q ?& ?a) (has been|was|is|have been) (lightly )?(edited|condensed)\b/i,
  /^((some|more) )?(of )?(the |your )?(pictures|photos|photographs|images|videos|footage) (sent|submitted|shared)( in| to us)? by (our )?readers\b/i,
  /^we (spoke|talked) (to|with) (him|her|them)\b[^,;:"“]*[.!]?$/i,
  /^(let['’]s|let us) (talk|turn|move|start|begin|come|go back)\b/i,
];
// A correction or editor's note: it tells what the publication changed in its story ("This
// article was updated to include …", "An earlier version of this story misstated …",
// "Correction: …", "Nota de la redacción: …"), not what happened; the figure it corrects is the
// body's to state. A block that opens with one is furniture (furnitureRules); inside a paragraph
// the note runs to the paragraph's end ("It was 14, not 16.").
export const CORRECTION_NOTE =
  /^(this (article|story|report|piece|post) (was|has been) (amended|updated|corrected|changed)\b|(corrections?|clarification|editor['’]s note)\s*[:：]|an earlier version of this (article|story|report|piece|post)\b|nota (de la redacción|del editor|de los editores)\s*[:：]|fe de erratas\b|(una|la) versión anterior de (este|esta) (artículo|nota|información|texto|noticia)\b)/iu;

/** Whether the sentence opens the publication's correction or editor's note. */
export function isCorrectionNote(sentence: string): boolean {
  return CORRECTION_NOTE.test(sentence.trim());
}

// An interview's label, "Q: ", "P: ", is no part of what the line says.
const LABEL = /^(Q|P)\s*:\s/;

/** Whether the sentence (its dateline or time stamp already cut) is the publication's own note. */
export function isPublisherNote(sentence: string): boolean {
  const said = sentence.replace(LABEL, '').trim();
  return NOTES.some((note) => note.test(said));
}
