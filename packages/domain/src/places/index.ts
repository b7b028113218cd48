export * from './kinds.ts';
export * from './credit-code.ts';
export { generateCommunityPlaces, demoCreditCode, type DemoGrid, type DemoPlace, type DemoOrg } from './demo.ts';
