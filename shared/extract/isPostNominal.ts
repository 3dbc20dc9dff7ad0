// Letters after a British or Commonwealth name, "Amanda Reeve KC", "Sarah Wynn MP": a rank or
// an honour, never part of the name, as "Dr." before it is not (the board shows one name per
// person). Capitals only: "Mp" or "kc" is no such thing.
const POST_NOMINALS = new Set('KC QC MP MEP MSP OBE MBE CBE KBE DBE'.split(' '));

/** "KC", "MP", "OBE" → true. */
export function isPostNominal(word: string): boolean {
  return POST_NOMINALS.has(word);
}
