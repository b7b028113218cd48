export * from './schemes.ts';
export * from './multiplier.ts';
export * from './stars.ts';
export * from './limits.ts';
export * from './workflow.ts';
export * from './ledger.ts';
export * from './leaderboard.ts';
export * from './short-code.ts';
