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
// An interview's label, "Q: ", "P: ", is no part of what the line says.
const LABEL = /^(Q|P)\s*:\s/;

/** Whether the sentence (its dateline or time stamp already cut) is the publication's own note. */
export function isPublisherNote(sentence: string): boolean {
  const said = sentence.replace(LABEL, '').trim();
  return NOTES.some((note) => note.test(said));
}
