// News agencies as speakers: "Reuters reported", "Bloomberg said", "informó Reuters". A
// one-word name with no cue around it was typed "name", so the ClaimReview export guessed a
// Person for "Bloomberg" (its word list knew "reuters" only), the chips showed no organisation,
// and "She said" after "Reuters said" was given to Reuters. The paragraphs are written for this
// test in the forms wire copy quotes other agencies in.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';
import { speakerType } from '../../../shared/export/toClaimReview';

const english =
  'Port strike enters second week\n\n' +
  'Dock workers at Rotterdam have been on strike for nine days, Reuters reported on Tuesday. ' +
  'Reuters said 140 ships were waiting to unload, up from 60 a week earlier. She said the ' +
  'backlog would take a month to clear.\n\n' +
  'Bloomberg reported that two carriers had diverted 30 vessels to Antwerp. AFP said the ' +
  'strike had cost the Dutch economy €300 million. The Associated Press reported that the ' +
  'port handled 440 million tonnes of cargo in 2023.\n';

const person =
  'Philanthropy\n\n' +
  'The former mayor of New York, Michael Bloomberg, owns 88% of the company. Bloomberg said ' +
  'in 2019 that he would give away most of his fortune.\n';

const spanish =
  'Sequía en el norte\n\n' +
  'Las exportaciones de carne cayeron un 12 % en octubre, informó Reuters. Según Bloomberg, ' +
  'los envíos a China se redujeron a la mitad en el mismo mes.\n';

/** The chip typing `name` on the card holding `fragment`. */
function chipType(text: string, fragment: string, name: string) {
  const card = extractClaims(text).claims.find((c) => c.sentence.includes(fragment));
  return card?.entities.find((e) => e.text === name)?.type;
}

describe('news agencies', () => {
  it.each([
    ['nine days', 'Reuters'],
    ['140 ships', 'Reuters'],
    ['two carriers', 'Bloomberg'],
    ['€300 million', 'AFP'],
    ['440 million tonnes', 'Associated Press'],
  ])('"%s": %s is an organisation', (fragment, name) => {
    expect(chipType(english, fragment, name)).toBe('organization');
  });

  it('gives "She said" after an agency no speaker: an agency is no "she"', () => {
    const card = extractClaims(english).claims.find((c) => c.sentence.includes('backlog'));
    expect(card?.speaker ?? null).toBeNull();
  });

  it('keeps a person the article names so a person', () => {
    expect(chipType(person, 'give away', 'Bloomberg')).toBe('person');
  });

  it.each([
    ['12 %', 'Reuters'],
    ['China', 'Bloomberg'],
  ])('Spanish "%s": %s is an organisation', (fragment, name) => {
    expect(chipType(spanish, fragment, name)).toBe('organization');
  });

  it('guesses Organization for an agency typed by hand in the export', () => {
    for (const name of ['Bloomberg', 'Reuters', 'Xinhua', 'The Associated Press', 'AFP']) {
      expect([name, speakerType(name)]).toEqual([name, 'Organization']);
    }
  });
});
