// A courts report with testimony (test/fixtures/articles/court-fraud-trial.txt, written for
// this test) against its hand-made list of sentences, speakers and checkability
// (court-fraud-trial.claims.json, offsets into the .txt file), measured as the seed article
// is (seedAcceptance.test.ts): recall of checkable sentences with exact offsets, precision
// (candidates on checkable sentences), no candidate from furniture, and speakers. The floors
// are the figures measured when the article was written; the misses are logged, and listed
// at the end as known.
import { describeHandList } from './support/describeHandList';

describeHandList('a courts report with testimony', {
  fixture: 'court-fraud-trial',
  tag: 'court',
  precision: 0.85,
  speakers: 21,
  speakersOf: 'checkable',
});

// Known wrong: "A former charity treasurer accused of … told a jury … that" (c01) gives the
// description, "A former charity treasurer", not Graham Pellow, whom the next sentence names
// (a description is not joined to a later name); "The defendant took the stand.
// He told the jury …" gives "The defendant", not Graham Pellow, whom the article never calls
// so.
