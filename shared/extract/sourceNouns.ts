// Nouns for what a source publishes or is quoted from: "a recent Reuters analysis", "census
// data", "according to court records". Their publisher, when named, is the speaker.
export const SOURCE_NOUNS = new Set(
  (
    'report reports investigation investigations study studies survey surveys statement ' +
    'statements poll polls analysis audit review census data figures documents records ' +
    'findings research reporting story article interview release communique communiqué ' +
    'document filing indictment lawsuit ruling memo database tally tallies accounts'
  ).split(' '),
);
