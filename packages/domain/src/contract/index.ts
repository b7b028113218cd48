// The API's response schemas, one module per area (docs/API.md "Declaring responses").
export * from './common.ts';
export * from './auth.ts';
export * from './areas.ts';
export * from './catalogue.ts';
export * from './cases.ts';
export * from './stats.ts';
export * from './meetings.ts';
export * from './cockpit.ts';
export * from './wall.ts';
export * from './surveys.ts';
export * from './points.ts';
export * from './wishes.ts';
export * from './operations.ts';
export * from './conventions.ts';
export * from './lists.ts';
