// A local-government news report (test/fixtures/articles/bus-fares-council.txt, written for this
// test, 618 words): a council vote, a cabinet member and the opposition leader quoted, a poll
// commissioned by a passengers' group, official statistics from a government department, a
// company's figures, a body's warning and a campaign's analysis that "the analysis" later
// refers to. Measured against its hand-made list (bus-fares-council.claims.json, offsets into
// the .txt file) as the courts report is (courtReport.test.ts). The floors are the figures
// measured; the misses are logged.
import { describeHandList } from './support/describeHandList';

describeHandList('a local-government report with a poll and official statistics', {
  fixture: 'bus-fares-council',
  tag: 'bus',
  precision: 0.76,
  speakers: 18,
  speakersOf: 'checkable',
});

// Known wrong: c08, "A survey of 1,150 bus users carried out for the Eastfield Passengers'
// Association by the polling firm Northgate Research found that …", and c09 after it give none
// (a publisher after "carried out for … by" is not read). c16, "…, its accounts show.", gave
// "its accounts" until "its" before a document was read as the body named before it (17/20
// then, itsDocument.test.ts).
