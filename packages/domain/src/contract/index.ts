// The API's response schemas, one module per area (docs/API.md "Declaring responses").
export * from './common.ts';
export * from './cases.ts';
export * from './stats.ts';
export * from './conventions.ts';
