export * from './codes.ts';
export * from './mask.ts';
export * from './errors.ts';
export * from './roles.ts';
export * from './geo.ts';
export * from './registry.ts';
export * from './demo/index.ts';
