/** Exports of a board (JSON, CSV, Markdown, ClaimReview) and the JSON import. Pure: no I/O. */
export * from './claimReviewReadiness';
export * from './columnLabels';
export * from './commentThreads';
export * from './ExportError';
export * from './exportSchema';
export * from './importBoardFromJson';
export * from './isoTime';
export * from './removedArticles';
export * from './toClaimReview';
export * from './toCsv';
export * from './toJsonExport';
export * from './toMarkdown';
export * from './verdictOnScale';
