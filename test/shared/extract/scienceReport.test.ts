// A health-science report (test/fixtures/articles/walking-dementia-study.txt, written for this
// test): a study's findings with percentages, its lead author and an outside expert quoted, a
// charity, a ministry spokesperson named a paragraph later, and hedged claims ("may",
// "could", "the researchers suggest"). Measured against its hand-made list
// (walking-dementia-study.claims.json, offsets into the .txt file) as the courts report is
// (courtReport.test.ts): recall of checkable sentences with exact offsets, precision, no
// candidate from furniture, and the speaker of every listed sentence the list gives one or
// none, checkable or not. The floors are the figures measured; the misses are logged.
import { describeHandList } from './support/describeHandList';

describeHandList('a health-science report on a study', {
  fixture: 'walking-dementia-study',
  tag: 'science',
  precision: 0.8,
  speakers: 25,
  speakersOf: 'listed',
});
