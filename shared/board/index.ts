/** The board model's public surface: layout, commands, reading. */
export * from './actor';
export * from './articleRemoval';
export * from './commands/bulkCards';
export * from './commands/cards';
export * from './commands/comments';
export * from './commands/evidence';
export * from './commands/meta';
export * from './errors';
export * from './inputs';
export * from './migrate';
export * from './origin';
export * from './rank';
export * from './ratingScale';
export * from './readBoard';
export * from './readMeta';
export * from './schema';
export * from './view';
