// News agencies, whose one-word names no cue in a sentence types: "Reuters reported …",
// "Bloomberg said …", "AFP said …" give a body, not a person, and "She said" after them is no
// Reuters reporter. A person the article names so ("Michael Bloomberg" … "Bloomberg said")
// keeps the cues that say so (findNames). Also the agencies a wire dateline gives in brackets,
// "WASHINGTON (Reuters) - " (wireDateline).
export const NEWS_AGENCIES = [
  'Reuters',
  'Thomson Reuters',
  'AP',
  'Associated Press',
  'AFP',
  'Agence France-Presse',
  'Agence France Presse',
  'Bloomberg',
  'Bloomberg News',
  'dpa',
  'Deutsche Presse-Agentur',
  'EFE',
  'UPI',
  'United Press International',
  'PA Media',
  'Press Association',
  'ANSA',
  'Xinhua',
  'Kyodo',
  'Kyodo News',
  'Yonhap',
  'Interfax',
  'TASS',
  'Anadolu',
  'Europa Press',
];

const AGENCY_NAMES = new Set(NEWS_AGENCIES.map((n) => n.toLowerCase()));

/** Whether `name` ("Reuters", "The Associated Press") is a news agency's. */
export function isNewsAgency(name: string): boolean {
  return AGENCY_NAMES.has(
    name
      .replace(/^the\s+/i, '')
      .replace(/\s+/g, ' ')
      .toLowerCase(),
  );
}
