// Two ways a court or crime report names a person it first describes, which namedLater's
// "The …, Name," does not cover (English):
// - the lead's description, named by the next sentence with an age: "A former charity treasurer
//   accused of stealing £212,000 … told a jury … . Graham Pellow, 58, of Lytham Road, denies
//   four counts of fraud …" (news copy's way of introducing the person the lead is about);
// - "the defendant" or "the accused", when the article names one person as charged: the subject
//   of "denies four counts", "pleaded not guilty", "is charged with", "is accused of".
// Joined only where nothing else could be meant: one description before the naming for the
// first, one person charged for the second.

/** A body sentence (text after any dateline) and the speaker found in it, if any. */
export interface SentenceSpeaker {
  speaker: string | null;
  sentence: string;
}

// "A former charity treasurer", "An off-duty police officer": lower-case words after "A"/"An".
const INDEFINITE = /^(?:A|An|a|an) [\p{Ll}-]+(?: [\p{Ll}-]+){0,4}$/u;
// "Graham Pellow, 58, …": a full name, then an age between commas.
const NAME_WITH_AGE = /^(\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){1,3}), \d{1,3},/u;
// "Graham Pellow, 58, of Lytham Road, Preston, denies four counts of fraud …".
const CHARGED =
  /^(\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){1,3})(?:,[^.;]*?,)? (?:(?:denies|denied|admits|admitted|has denied|has admitted)\b[^.;]*\b(?:counts?|charges?|offences?|offenses?)\b|pleaded (?:not )?guilty\b|(?:is|was|has been|had been) (?:charged with|accused of)\b)/u;
const DEFENDANT = /^(?:the|The) (?:defendant|accused)$/;

/** Description → name, for the speakers the article names so nearby. */
export function namedNearby(sentences: readonly SentenceSpeaker[]): Map<string, string> {
  const joins = new Map<string, string>();
  // The lead's description, named by the next sentence.
  const descriptions = new Map<string, number>();
  sentences.forEach(({ speaker }) => {
    if (speaker && INDEFINITE.test(speaker)) {
      descriptions.set(speaker, (descriptions.get(speaker) ?? 0) + 1);
    }
  });
  sentences.forEach(({ speaker }, i) => {
    if (!speaker || descriptions.get(speaker) !== 1) return;
    const name = NAME_WITH_AGE.exec(sentences[i + 1]?.sentence ?? '')?.[1];
    if (name) joins.set(speaker, name);
  });
  // The one person charged, whom "the defendant" means.
  const charged = new Set(sentences.flatMap(({ sentence }) => CHARGED.exec(sentence)?.[1] ?? []));
  if (charged.size === 1) {
    const [name] = charged;
    for (const { speaker } of sentences) {
      if (speaker && DEFENDANT.test(speaker)) joins.set(speaker, name!);
    }
  }
  return joins;
}
