export * from './service-points.ts';
export * from './talents.ts';
export * from './cadres.ts';
