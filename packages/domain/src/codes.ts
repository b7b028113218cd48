// Area codes follow the national statistical division code (统计用区划代码).
// Every level has a fixed width, so a code is also its own materialised path:
// "inside area X" is exactly "code starts with X".
export const AREA_LEVELS = ['district', 'town', 'village', 'grid', 'building', 'unit'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Total code length at each level. district 6, town +3, village +3, grid +3, building +3, unit +2. */
export const CODE_LENGTH: Record<AreaLevel, number> = {
  district: 6,
  town: 9,
  village: 12,
  grid: 15,
  building: 18,
  unit: 20,
};

const LEVEL_BY_LENGTH = new Map<number, AreaLevel>(
  AREA_LEVELS.map((level) => [CODE_LENGTH[level], level]),
);

export function isAreaCode(code: string): boolean {
  return /^\d+$/.test(code) && LEVEL_BY_LENGTH.has(code.length);
}

export function levelOfCode(code: string): AreaLevel | null {
  if (!/^\d+$/.test(code)) return null;
  return LEVEL_BY_LENGTH.get(code.length) ?? null;
}

export function parentCodeOf(code: string): string | null {
  const level = levelOfCode(code);
  if (!level || level === 'district') return null;
  const parentLevel = AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1]!;
  return code.slice(0, CODE_LENGTH[parentLevel]);
}

export function childLevelOf(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null;
}

/**
 * The level the cockpit drills down to from `level`: the district's towns, a town's villages, a village's grids; a
 * grid is the last level it shows (its buildings are the grid worker's, not a dashboard's). The server's figures per
 * sub-area and the web page's layout read the same rule.
 */
export function cockpitChildLevelOf(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS.indexOf(level) < AREA_LEVELS.indexOf('grid') ? childLevelOf(level) : null;
}

/** Codes of every ancestor, from the district down to the code itself. */
export function ancestryOf(code: string): string[] {
  const level = levelOfCode(code);
  if (!level) return [];
  const out: string[] = [];
  for (const l of AREA_LEVELS) {
    out.push(code.slice(0, CODE_LENGTH[l]));
    if (l === level) break;
  }
  return out;
}

/** True when `code` lies inside (or is) the area `scopeCode`. */
export function isWithinScope(code: string, scopeCode: string): boolean {
  if (!isAreaCode(code) || !isAreaCode(scopeCode)) return false;
  return code.length >= scopeCode.length && code.startsWith(scopeCode);
}

export type TownKind = 'street' | 'town' | 'township' | 'zone' | 'other';

/** Town segment: 001–099 streets, 100–199 towns, 200–399 townships, 400–599 zones and farms. */
export function townKindOf(code: string): TownKind {
  const seg = Number(code.slice(6, 9));
  if (seg >= 1 && seg <= 99) return 'street';
  if (seg >= 100 && seg <= 199) return 'town';
  if (seg >= 200 && seg <= 399) return 'township';
  if (seg >= 400 && seg <= 599) return 'zone';
  return 'other';
}

export type VillageKind = 'community' | 'village' | 'other';

/** Village segment: 001–199 residents' committees (社区), 200–399 villagers' committees (村). */
export function villageKindOf(code: string): VillageKind {
  const seg = Number(code.slice(9, 12));
  if (seg >= 1 && seg <= 199) return 'community';
  if (seg >= 200 && seg <= 399) return 'village';
  return 'other';
}

/** Short display name: "状元街居委会" → "状元街社区", "颐生村村委会" → "颐生村". */
export function shortVillageName(name: string): string {
  if (name.endsWith('村委会')) return name.slice(0, -3);
  if (name.endsWith('社区居委会')) return name.slice(0, -3);
  if (name.endsWith('居委会')) return name.slice(0, -3) + '社区';
  return name;
}

/**
 * The place as a person reads it, from the village down: 状元街居委会 第一网格 3幢2单元101室. Village and
 * grid are separated by spaces; building, unit and doorplate run together as an address does.
 * `names` are the area names of the code's ancestry (any order, missing ones skipped).
 */
export function placeName(names: readonly { level: string; name: string }[], doorplate?: string | null): string {
  const by = new Map(names.map((n) => [n.level, n.name]));
  const head = ['village', 'grid'].map((l) => by.get(l)).filter((x): x is string => !!x);
  const tail = ['building', 'unit'].map((l) => by.get(l)).filter((x): x is string => !!x).join('') + (doorplate ?? '');
  const town = head.length === 0 ? by.get('town') : undefined;
  return [town, ...head, tail].filter((x) => !!x).join(' ');
}

/**
 * Code of a new child of `parentCode`: the parent's code plus the next sequence number after the highest
 * one in use (3 digits; 2 for a unit), so a retired code is never handed out again. Null when the
 * parent is a unit or the sequence is exhausted (999, or 99 for units).
 */
export function nextChildCode(parentCode: string, childCodes: readonly string[]): string | null {
  const level = levelOfCode(parentCode);
  const child = level ? childLevelOf(level) : null;
  if (!child) return null;
  const width = CODE_LENGTH[child] - parentCode.length;
  let max = 0;
  for (const c of childCodes) {
    if (c.length !== CODE_LENGTH[child] || !c.startsWith(parentCode)) continue;
    max = Math.max(max, Number(c.slice(parentCode.length)));
  }
  const next = max + 1;
  if (next >= 10 ** width) return null;
  return parentCode + String(next).padStart(width, '0');
}
