import type { AreaLevel } from '../api/types.ts';

export const AREA_LEVELS: AreaLevel[] = ['district', 'town', 'village', 'grid', 'building', 'unit'];
const LENGTHS: Record<AreaLevel, number> = { district: 6, town: 9, village: 12, grid: 15, building: 18, unit: 20 };

export function levelOfCode(code: string): AreaLevel | null {
  if (!/^\d+$/.test(code)) return null;
  return AREA_LEVELS.find((l) => LENGTHS[l] === code.length) ?? null;
}

export function childLevelOf(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null;
}

/** The count keys that describe what lies below an area of the given level (towns … people). */
export type CountKey = 'towns' | 'villages' | 'grids' | 'buildings' | 'units' | 'households' | 'people';
const COUNT_OF_LEVEL: Partial<Record<AreaLevel, CountKey>> = {
  town: 'towns',
  village: 'villages',
  grid: 'grids',
  building: 'buildings',
  unit: 'units',
};

export function countKeysBelow(level: AreaLevel): CountKey[] {
  const below = AREA_LEVELS.slice(AREA_LEVELS.indexOf(level) + 1);
  const keys = below.map((l) => COUNT_OF_LEVEL[l]).filter((k): k is CountKey => Boolean(k));
  return [...keys, 'households', 'people'];
}

/** Levels whose people live directly in households (the households list makes sense there). */
export const HOUSEHOLD_LEVELS: AreaLevel[] = ['grid', 'building', 'unit'];
/** Levels whose grids the map draws. */
export const MAP_LEVELS: AreaLevel[] = ['district', 'town', 'village', 'grid'];

export const RISK_COLOURS: Record<string, string> = {
  red: '#cf1322',
  orange: '#d46b08',
  yellow: '#d4b106',
  blue: '#1677ff',
};
/** The four colours darkened for text on white (contrast ≥ 4.5:1, WCAG 2.1 AA): counts and labels written in them. */
export const RISK_TEXT_COLOURS: Record<string, string> = {
  red: '#a8071a',
  orange: '#ad4e00',
  yellow: '#876800',
  blue: '#0958d9',
};
export const GRID_COLOURS: Record<string, { stroke: string; fill: string }> = {
  residential: { stroke: '#b7181e', fill: '#f5c6c3' },
  commercial: { stroke: '#1d5fa8', fill: '#bcd6f0' },
};
