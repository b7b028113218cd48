// Editing the organisation tree: which kind of organisation may sit under which, at which level of
// area. The five-level chain (`000`, `002`): town committee → village organisation → grid branch →
// building group → member household; Haimen's 1+2+N+X (`000`): under the village organisation its two
// functional branches and N grid branches, under those X building groups; 支部建在小区上 (`003`):
// compound branches and joint branches of neighbouring compounds. Pure: no I/O.
import { levelOfCode, type AreaLevel } from '../codes.ts';
import type { PartyOrgKind } from './index.ts';

export interface OrgPlacement {
  /** Kinds of the parent it may sit under; empty for the root (the town committee). */
  parents: readonly PartyOrgKind[];
  /** Levels of area it may cover. */
  levels: readonly AreaLevel[];
}

export const ORG_PLACEMENT: Record<PartyOrgKind, OrgPlacement> = {
  'town-committee': { parents: [], levels: ['town'] },
  'village-org': { parents: ['town-committee'], levels: ['village'] },
  'grid-branch': { parents: ['village-org'], levels: ['grid'] },
  'functional-branch': { parents: ['village-org'], levels: ['village'] },
  'joint-branch': { parents: ['village-org', 'grid-branch'], levels: ['village', 'grid'] },
  'compound-branch': { parents: ['village-org', 'grid-branch'], levels: ['building', 'grid'] },
  'building-group': { parents: ['grid-branch', 'compound-branch', 'joint-branch'], levels: ['building', 'grid'] },
};

const KIND_WORDS: Record<PartyOrgKind, string> = {
  'town-committee': '镇（街道）党委',
  'village-org': '村（社区）党组织',
  'grid-branch': '网格党支部',
  'building-group': '楼栋（宅上）党小组',
  'functional-branch': '功能型党支部',
  'joint-branch': '联合党支部',
  'compound-branch': '小区党支部',
};
const LEVEL_WORDS: Record<AreaLevel, string> = { district: '区', town: '镇（街道）', village: '村（社区）', grid: '网格', building: '楼栋', unit: '单元' };

/** Why an organisation of `kind` covering `areaCode` cannot sit under `parent` (null when it can). */
export function orgPlacementProblem(kind: PartyOrgKind, areaCode: string, parent: { kind: string; areaCode: string } | null): string | null {
  const rule = ORG_PLACEMENT[kind];
  const level = levelOfCode(areaCode);
  if (!level || !rule.levels.includes(level)) {
    return `${KIND_WORDS[kind]}应设在${rule.levels.map((l) => LEVEL_WORDS[l]).join('或')}，所选区域是${level ? LEVEL_WORDS[level] : '无效代码'}`;
  }
  if (rule.parents.length === 0) return parent ? `${KIND_WORDS[kind]}是组织树的顶层，不设上级组织` : null;
  if (!parent) return `${KIND_WORDS[kind]}须有上级组织（${rule.parents.map((k) => KIND_WORDS[k]).join('或')}）`;
  if (!rule.parents.includes(parent.kind as PartyOrgKind)) {
    return `${KIND_WORDS[kind]}的上级应为${rule.parents.map((k) => KIND_WORDS[k]).join('或')}`;
  }
  if (!areaCode.startsWith(parent.areaCode)) return '下级组织覆盖的区域须在上级组织的区域之内';
  return null;
}

/** The area a joint branch of these compounds covers: their grid when they share one, else their village. */
export function jointBranchArea(compoundCodes: readonly string[]): string | null {
  if (compoundCodes.length === 0) return null;
  const grids = new Set(compoundCodes.map((c) => c.slice(0, 15)));
  if (grids.size === 1) return [...grids][0]!;
  const villages = new Set(compoundCodes.map((c) => c.slice(0, 12)));
  return villages.size === 1 ? [...villages][0]! : null;
}
