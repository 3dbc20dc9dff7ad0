// The word lists that several steps of English attribution test against (the reporting
// verbs, the pronouns a subject may be, what may open a clause, months, publishing verbs,
// descriptions of a body), in one place so that the steps agree; a list only one step reads
// stays beside it.

export const REPORTING_LEMMAS = new Set(
  (
    'say tell add state claim report announce explain note argue write allege insist warn ' +
    'confirm deny testify tweet reveal assert acknowledge admit estimate conclude predict caution ' +
    'accuse attribute blame credit maintain suggest indicate show stress emphasize emphasise ' +
    'declare reply respond complain contend recall cite charge disclose find'
  ).split(' '),
);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
export const CLAUSE_START = new Set(['DET', 'PROPN', 'NOUN', 'NUM', 'ADJ']);

/**
 * Verbs whose participle tells who made a document public: "a report released Tuesday", or
 * made it: "Exit polls conducted by Edison Research found that …".
 */
export const PUBLISHED = new Set([
  'publish',
  'release',
  'issue',
  'produce',
  'commission',
  'prepare',
  'conduct',
]);

export const MONTH_NAMES =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

// Descriptions that stand for an organisation named before them: "…, the company said".
export const BODY_DESCRIPTIONS = new Set(
  (
    'company firm agency ministry department airline carrier retailer regulator group lender ' +
    'insurer bank office authority court council commission bureau organisation organization ' +
    'operator'
  ).split(' '),
);
