// The plan of a village: its grids, their household counts, villagers' groups (rural) and
// buildings (urban). A pure function of the village code, so layoutDistrict (area weights),
// generateGrids (grids) and generateGridPopulation (building numbers) all agree on it.

import { villageKindOf } from '../codes.ts';
import { Rng, weightedTable } from './random.ts';
import type { GridType } from './types.ts';

export const MIN_GRID_HOUSEHOLDS = 300;
export const MAX_GRID_HOUSEHOLDS = 500;
/** At most this many grids per village (ID numbers reserve room for 8). */
export const MAX_GRIDS_PER_VILLAGE = 8;

export interface BuildingPlan {
  /** Building number within the village ('3幢'). */
  no: number;
  storeys: number;
  units: number;
  /** Ground floor let to shops (commercial grids): flats start on the 2nd floor. */
  shops: boolean;
}

export interface GroupPlan {
  /** Villagers' group number within the village ('5组'). */
  no: number;
  households: number;
}

export interface GridPlan {
  /** 1-based index within the village; the grid code is village code + 3-digit k. */
  k: number;
  code: string;
  name: string;
  gridType: GridType;
  households: number;
  /** Urban grids: their buildings. */
  buildings: BuildingPlan[];
  /** Rural grids: their villagers' groups. */
  groups: GroupPlan[];
}

export interface VillagePlan {
  code: string;
  urban: boolean;
  households: number;
  grids: GridPlan[];
}

/**
 * Residents' committees (001–199) and "similar to residents' committee" units (400–599, e.g.
 * farms' living quarters) are urban; villagers' committees (200–399, 600–799) are rural.
 */
export function isUrbanVillage(code: string): boolean {
  const kind = villageKindOf(code);
  if (kind === 'community') return true;
  if (kind === 'village') return false;
  const seg = Number(code.slice(9, 12));
  return !(seg >= 600 && seg <= 799);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]!}十${ones === 0 ? '' : CN_DIGITS[ones]!}`;
}

const RURAL_GRID_COUNT = weightedTable<number>([
  [2, 0.33],
  [3, 0.37],
  [4, 0.18],
  [5, 0.07],
  [6, 0.03],
  [7, 0.015],
  [8, 0.005],
]);
/** Residential grids of an urban community; commercial ones are added on top (3–8 in all). */
const URBAN_RESIDENTIAL_COUNT = weightedTable<number>([
  [2, 0.15],
  [3, 0.3],
  [4, 0.28],
  [5, 0.17],
  [6, 0.1],
]);
const GROUPS_PER_GRID = weightedTable<number>([
  [2, 0.3],
  [3, 0.45],
  [4, 0.25],
]);

const pad3 = (n: number) => String(n).padStart(3, '0');

/** Integer split of `total` into parts proportional to `weights`, each at least `min`. */
export function splitProportionally(total: number, weights: number[], min: number): number[] {
  const n = weights.length;
  const spare = total - n * min;
  if (spare < 0) throw new Error('splitProportionally: total too small');
  const sum = weights.reduce((a, b) => a + b, 0);
  const ideal = weights.map((w) => (spare * w) / sum);
  const parts = ideal.map((x) => Math.floor(x));
  let rest = spare - parts.reduce((a, b) => a + b, 0);
  const order = ideal.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = 0; rest > 0; r++, rest--) {
    const i = order[r % n]![1];
    parts[i] = parts[i]! + 1;
  }
  return parts.map((p) => p + min);
}

/** Buildings of one urban grid, numbered from `firstNo`, with enough flats for `households`. */
export function planBuildings(rng: Rng, households: number, commercial: boolean, firstNo: number): BuildingPlan[] {
  const buildings: BuildingPlan[] = [];
  // 3–10% of flats stand empty.
  const needed = Math.ceil(households * rng.float(1.03, 1.1));
  let capacity = 0;
  while (capacity < needed) {
    const storeys = rng.chance(0.55) ? 6 : 5;
    const units = rng.chance(0.5) ? 2 : 3;
    const shops = commercial && rng.chance(0.8);
    buildings.push({ no: firstNo + buildings.length, storeys, units, shops });
    capacity += flatsOf({ storeys, units, shops });
  }
  return buildings;
}

export function flatsOf(b: Pick<BuildingPlan, 'storeys' | 'units' | 'shops'>): number {
  return b.units * (b.storeys - (b.shops ? 1 : 0)) * 2;
}

/** Planned grid size: 300–500 households, most around 380. */
function gridHouseholds(rng: Rng, commercial: boolean): number {
  return commercial
    ? rng.normalInt(350, 35, MIN_GRID_HOUSEHOLDS, 440)
    : rng.normalInt(385, 50, MIN_GRID_HOUSEHOLDS, MAX_GRID_HOUSEHOLDS);
}

export function planVillage(villageCode: string): VillagePlan {
  const rng = Rng.from(`${villageCode}:plan`);
  const urban = isUrbanVillage(villageCode);
  const grids: GridPlan[] = [];
  if (urban) {
    const residential = rng.weighted(URBAN_RESIDENTIAL_COUNT);
    // About one commercial grid per four residential ones, at least one per community.
    const commercial = Math.max(1, Math.round(residential / 4));
    let buildingNo = 1;
    for (let k = 1; k <= residential + commercial; k++) {
      const isCommercial = k > residential;
      const households = gridHouseholds(rng, isCommercial);
      const buildings = planBuildings(rng, households, isCommercial, buildingNo);
      buildingNo += buildings.length;
      const c = k - residential;
      grids.push({
        k,
        code: villageCode + pad3(k),
        name: isCommercial ? (commercial === 1 ? '商业网格' : `商业${chineseNumber(c)}网格`) : `第${chineseNumber(k)}网格`,
        gridType: isCommercial ? 'commercial' : 'residential',
        households,
        buildings,
        groups: [],
      });
    }
  } else {
    const count = rng.weighted(RURAL_GRID_COUNT);
    let groupNo = 1;
    for (let k = 1; k <= count; k++) {
      const households = gridHouseholds(rng, false);
      const n = rng.weighted(GROUPS_PER_GRID);
      const sizes = splitProportionally(
        households,
        Array.from({ length: n }, () => rng.float(0.7, 1.3)),
        40,
      );
      const groups = sizes.map((h, i) => ({ no: groupNo + i, households: h }));
      grids.push({
        k,
        code: villageCode + pad3(k),
        name: `第${chineseNumber(k)}网格（${groupNo}—${groupNo + n - 1}组）`,
        gridType: 'residential',
        households,
        buildings: [],
        groups,
      });
      groupNo += n;
    }
  }
  return { code: villageCode, urban, households: grids.reduce((s, g) => s + g.households, 0), grids };
}
