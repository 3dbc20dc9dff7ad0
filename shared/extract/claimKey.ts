// What makes two candidates of one article the same claim: the words of their claim (the
// sentence without its reporting clause), whatever their case, spacing, quotation marks and
// final punctuation. '"We have closed 14 prisons this year," said Villatoro.' and '"We have
// closed 14 prisons this year," Bukele wrote.' are one claim; so are "…, the ministry said."
// and "…, according to Cristosal.".

const LEADING = /^[\s—–-]+/u;
/**
 * Final punctuation and spaces. It starts only where a run of them starts (the lookbehind):
 * from every position of a long run (a claim of 2,000 "!" and a letter) the run was scanned to
 * its end again, and an import read every card of its board so, on the event loop.
 */
const TRAILING = /(?<![\s.,;:!?…—–-])[\s.,;:!?…—–-]+$/u;

/** The key under which two statements of one claim are the same. */
export function claimKey(claim: string): string {
  return claim
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/["\u201c\u201d\u201e\u2033«»]|(^|\s)'|'(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(LEADING, '')
    .replace(TRAILING, '');
}
