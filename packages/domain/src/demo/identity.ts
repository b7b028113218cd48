// ID (GB 11643) and mobile numbers that are unique across a whole district although every
// grid is generated on its own, in any order.
//
// For a given region code, birth year and gender an ID number has 365 × 500 free slots
// (day of the year × sequence code, whose last digit carries the gender). Those slots are
// dealt out to (village ordinal, grid index) pairs by a fixed formula, so two grids never
// draw the same slot; a bijective affine scramble spreads each grid's slots over the year.
// Mobile numbers do the same with an index over (village, grid, person).

import { idCheckChar } from '../mask.ts';
import { hashString, type Rng } from './random.ts';

/** Village ordinals 1…1024 get disjoint number ranges; beyond that they wrap around. */
export const MAX_VILLAGE_ORDINALS = 1024;
const GRIDS_PER_VILLAGE = 8;
const DAYS = 365;
const SEQUENCES = 500; // per gender: digits 15–16 (00–99) × 5 values of the 17th digit
const SLOT_SPACE = DAYS * SEQUENCES;
const CLASSES = MAX_VILLAGE_ORDINALS * GRIDS_PER_VILLAGE;
/** Slots per (region, birth year, gender) for one grid; a full year spills to a neighbour year. */
const SLOTS_PER_GRID = Math.floor(SLOT_SPACE / CLASSES);
// gcd(104729, 182500) = 1, so slot ↦ (slot × 104729 + offset) mod 182500 is a bijection.
const SLOT_MULTIPLIER = 104729;

const PERSONS_PER_GRID = 4096;
// gcd(7654321, 10^8) = 1: a bijection on 8-digit tails.
const PHONE_MULTIPLIER = 7654321;
const PHONE_OFFSET = 13579246;
const PHONE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '184', '186', '187', '188', '189', '191',
  '198', '199',
] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Where a grid's numbers come from: the village's ordinal in the district and the grid index. */
export interface NumberClass {
  /** 0-based, < MAX_VILLAGE_ORDINALS. */
  village: number;
  /** 0-based, < 8. */
  grid: number;
}

/**
 * The number class of a grid. Grid sort values from generateGrids are 100 × village ordinal + k;
 * without them (sort < 100) the class falls back to a hash of the village code, which is
 * deterministic but no longer guaranteed collision-free across villages.
 */
export function numberClassOf(gridCode: string, gridSort: number): NumberClass {
  const k = Number(gridCode.slice(12, 15));
  const grid = (Math.max(1, k) - 1) % GRIDS_PER_VILLAGE;
  const ordinal = Math.floor(gridSort / 100);
  const village =
    ordinal >= 1 ? (ordinal - 1) % MAX_VILLAGE_ORDINALS : hashString(gridCode.slice(0, 12)) % MAX_VILLAGE_ORDINALS;
  return { village, grid };
}

export interface Identity {
  birthDate: string;
  birthYear: number;
  idNumber: string;
}

/** Hands out the ID numbers of one grid. */
export class IdAllocator {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly cls: NumberClass,
    private readonly maxBirthYear: number,
  ) {}

  /**
   * An ID number for someone born in `birthYear` (or, when this grid has used up that year's
   * slots, the nearest year with room, so the returned birthYear may differ by one or two).
   */
  allocate(region: string, birthYear: number, male: boolean): Identity {
    for (let step = 0; step < 40; step++) {
      // 0, -1, +1, -2, +2, …
      const delta = step === 0 ? 0 : step % 2 === 1 ? -(step + 1) / 2 : step / 2;
      const year = birthYear + delta;
      if (year > this.maxBirthYear || year < 1901) continue;
      const key = `${region}${year}${male ? 1 : 0}`;
      const t = this.used.get(key) ?? 0;
      if (t >= SLOTS_PER_GRID) continue;
      this.used.set(key, t + 1);
      const slot = (t * GRIDS_PER_VILLAGE + this.cls.grid) * MAX_VILLAGE_ORDINALS + this.cls.village;
      // The offset depends on the key so that each key's slots start somewhere else in the year.
      const scrambled = (slot * SLOT_MULTIPLIER + (hashString(key) % SLOT_SPACE)) % SLOT_SPACE;
      const day = Math.floor(scrambled / SEQUENCES);
      const seq = scrambled % SEQUENCES;
      const date = new Date(Date.UTC(year, 0, 1 + day));
      const ymd = `${year}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}`;
      const first17 = `${region}${ymd}${pad(Math.floor(seq / 5), 2)}${(seq % 5) * 2 + (male ? 1 : 0)}`;
      return {
        birthYear: year,
        birthDate: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
        idNumber: first17 + idCheckChar(first17),
      };
    }
    throw new Error(`IdAllocator: no free ID number near ${birthYear}`);
  }
}

/** A mobile number unique within the district for person `index` (0-based) of the grid. */
export function mobileNumber(cls: NumberClass, index: number, rng: Rng): string {
  const n = (cls.village * GRIDS_PER_VILLAGE + cls.grid) * PERSONS_PER_GRID + (index % PERSONS_PER_GRID);
  const tail = (n * PHONE_MULTIPLIER + PHONE_OFFSET) % 100_000_000;
  return rng.pick(PHONE_PREFIXES) + pad(tail, 8);
}
