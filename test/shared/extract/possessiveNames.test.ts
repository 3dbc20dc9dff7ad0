// Names with a possessive inside them, and possessives that own the name after them
// (shared/extract/possessiveName.ts). "Alzheimer's Research UK", "King's College London" and
// "St John's Ambulance" are one name each, whose body word ("Research", "College", "Ambulance")
// comes right after the possessive; "Apple's Tim Cook", "Britain's Prime Minister Keir Starmer"
// and "China's Foreign Ministry" are an owner and a name of its own. Both apostrophes, ' and ’.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

const first = (sentence: string) => extractClaims(sentence).claims[0]!;
const names = (sentence: string) =>
  first(sentence)
    .entities.filter((e) => ['person', 'organization', 'place', 'name'].includes(e.type))
    .map((e) => e.text);

describe('a possessive that belongs to the name', () => {
  it.each([
    [
      "Alzheimer's Research UK said 982,000 people had dementia in 2023.",
      "Alzheimer's Research UK",
    ],
    [
      'Alzheimer’s Research UK said 982,000 people had dementia in 2023.',
      'Alzheimer’s Research UK',
    ],
    [
      "Dementia affects 982,000 people, according to the charity Alzheimer's Research UK.",
      "Alzheimer's Research UK",
    ],
    [
      "King's College London said 40% of its students came from abroad in 2023.",
      "King's College London",
    ],
    [
      'King’s College London said 40% of its students came from abroad in 2023.',
      'King’s College London',
    ],
    [
      "Queen's University Belfast said 40% of the patients had recovered by June.",
      "Queen's University Belfast",
    ],
    // A disease named after someone, then the body named after the disease.
    [
      "Dementia affects 55 million people worldwide, according to Alzheimer's Disease International.",
      "Alzheimer's Disease International",
    ],
    // wink tags "Hospital" a noun after the possessive: no "Guy" of its own.
    ["Guy's Hospital said 40 beds had closed in 2024.", "Guy's Hospital"],
  ])('"%s" → %s', (sentence, speaker) => {
    expect(first(sentence).speaker).toBe(speaker);
    expect(names(sentence)).toContain(speaker);
  });

  it.each([
    [
      "Professor Mark Ellison, a neurologist at King's College London, said 40% of the patients improved.",
      ['Mark Ellison', "King's College London"],
    ],
    ["St John's Ambulance said it had treated 400 people by 6pm.", ["St John's Ambulance"]],
    ["The Children's Society said 1.2 million children were poor in 2023.", ["Children's Society"]],
    ['The King’s Fund said waiting lists grew 12% in 2024.', ['King’s Fund']],
    [
      "Patients at Guy's Hospital waited 14 weeks on average, the hospital said in March.",
      ["Guy's Hospital"],
    ],
  ])('gives one chip for the name with its possessive: "%s"', (sentence, expected) => {
    expect(names(sentence)).toEqual(expected);
  });
});

describe('a possessive that owns the name after it', () => {
  it.each([
    ["Google's Sundar Pichai said revenue rose 14% in 2023.", 'Sundar Pichai'],
    ['Tesla’s Elon Musk said deliveries rose 40% in 2023.', 'Elon Musk'],
    ["Labour's Rachel Reeves said borrowing fell 12% in 2024.", 'Rachel Reeves'],
    [
      "Britain's Prime Minister Keir Starmer said 40,000 homes would be built in 2025.",
      'Keir Starmer',
    ],
    ["The FDA's Janet Ortiz said the levels were up to 30 times the limit in 2024.", 'Janet Ortiz'],
    [
      "The ministry's spokesperson said 40 schools had closed by May.",
      "The ministry's spokesperson",
    ],
  ])('"%s" → %s', (sentence, speaker) => {
    expect(first(sentence).speaker).toBe(speaker);
  });

  // wink tags "Unite/VERB": a capitalised word alone between commas after a description is
  // the name beside it.
  it.each([
    "Britain's largest union, Unite, said 40,000 members would strike in June.",
    'Britain’s largest union, Unite, said on Monday that 40,000 members would strike in June.',
  ])('"%s" → Unite', (sentence) => {
    expect(first(sentence).speaker).toBe('Unite');
  });

  // wink tags "Cook/VERB said/ADJ" here: "said" right after a name is still its verb.
  it.each([
    "Apple's Tim Cook said sales rose 12% in 2023.",
    'Apple’s Tim Cook said sales rose 12% in 2023.',
    'Tim Cook said sales rose 12% in 2023.',
  ])('"%s" → Tim Cook', (sentence) => {
    expect(first(sentence).speaker).toBe('Tim Cook');
  });

  it.each([
    ["Apple's Tim Cook said sales rose 12% in 2023.", ['Apple', 'Tim Cook']],
    ['Amazon’s Andy Jassy said sales rose 11% in 2024.', ['Amazon', 'Andy Jassy']],
    [
      "China's Foreign Ministry said 40 ships had entered the strait in 2024.",
      ['China', 'Foreign Ministry'],
    ],
    [
      "Germany's Federal Statistical Office said prices rose 2.2% in 2024.",
      ['Germany', 'Federal Statistical Office'],
    ],
    [
      "Britain's National Health Service said 7.6 million people were waiting in 2024.",
      ['Britain', 'National Health Service'],
    ],
    [
      "Britain's Prime Minister Keir Starmer said 40,000 homes would be built in 2025.",
      ['Britain', 'Keir Starmer'],
    ],
  ])('keeps the owner and the name apart: "%s"', (sentence, expected) => {
    expect(names(sentence)).toEqual(expected);
  });
});
