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
  speakers: 23,
  speakersOf: 'checkable',
});

// c01, "A former charity treasurer accused of … told a jury … that", and c12, "The defendant
// took the stand. He told the jury …", gave the description as written until the lead's
// description was joined to the name the next sentence gives with an age, "Graham Pellow, 58,",
// and "the defendant" to the one person the article names as charged ("… denies four counts of
// fraud"), namedNearby.test.ts: 21/23 then.
