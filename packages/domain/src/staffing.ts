// Staffing the grids (一格多员, SPEC §2): the posts a community appoints people of its registry to,
// the level of area each post is held at, and the account role each post gives. Pure: no I/O.
import { levelOfCode, type AreaLevel } from './codes.ts';
import type { Role } from './roles.ts';

/**
 * The posts. `002`: "一格三长" — 网格长 (held by a community worker), 楼长 and 单元长 (retired party
 * members, volunteers…), full-time grid workers (网格员) and part-time ones (兼职网格员); delivery riders
 * as "流动网格员" (grid information workers, 融网入格 of `000`). `003`: 网格员—楼栋长—单元管家, a
 * building leader per building and a unit steward per unit. SPEC §1: sunk-down cadres (下沉干部).
 */
export const STAFF_POSTS = ['grid-leader', 'grid-worker', 'grid-worker-part', 'info-worker', 'building-leader', 'unit-leader', 'sunk-cadre', 'community-worker'] as const;
export type StaffPost = (typeof STAFF_POSTS)[number];

export interface StaffPostInfo {
  zh: string;
  en: string;
  /** The level of area the post is held at: the account's scope. */
  level: AreaLevel;
  /** The roles of the account the appointment gives. */
  roles: Role[];
  /**
   * Counted against the staffing benchmark (≥ 18 community workers per 10,000 residents, `004`):
   * the full-time community staff only, not volunteers or part-timers.
   */
  countsAsStaff: boolean;
  /** Appointed by the community itself (楼栋长、单元管家 "由小区党支部任命上岗", `003`), not only by the system administrator. */
  communityAppoints: boolean;
}

export const STAFF_POST_INFO: Record<StaffPost, StaffPostInfo> = {
  'grid-leader': { zh: '网格长', en: 'Grid leader', level: 'grid', roles: ['grid-worker'], countsAsStaff: true, communityAppoints: false },
  'grid-worker': { zh: '专职网格员', en: 'Full-time grid worker', level: 'grid', roles: ['grid-worker'], countsAsStaff: true, communityAppoints: false },
  'grid-worker-part': { zh: '兼职网格员', en: 'Part-time grid worker', level: 'grid', roles: ['grid-worker'], countsAsStaff: false, communityAppoints: false },
  'info-worker': { zh: '网格信息员', en: 'Grid information worker', level: 'grid', roles: ['info-worker'], countsAsStaff: false, communityAppoints: true },
  'building-leader': { zh: '楼栋长', en: 'Building leader', level: 'building', roles: ['building-leader'], countsAsStaff: false, communityAppoints: true },
  'unit-leader': { zh: '单元长', en: 'Unit leader', level: 'unit', roles: ['building-leader'], countsAsStaff: false, communityAppoints: true },
  'sunk-cadre': { zh: '下沉干部', en: 'Sunk-down cadre', level: 'village', roles: ['cadre'], countsAsStaff: false, communityAppoints: false },
  // The community's full-time workers (全科社工, ≥ 18 per 10,000 residents, `004`): on the roster like the grid staff.
  'community-worker': { zh: '社区工作者', en: 'Community worker', level: 'village', roles: ['community-worker'], countsAsStaff: true, communityAppoints: false },
};

export const isStaffPost = (value: string): value is StaffPost => (STAFF_POSTS as readonly string[]).includes(value);

/** Posts whose appointees are not counted against the staffing benchmark (the cockpit leaves them out). */
export const UNCOUNTED_STAFF_POSTS: readonly StaffPost[] = STAFF_POSTS.filter((p) => !STAFF_POST_INFO[p].countsAsStaff);

const LEVEL_WORDS: Record<AreaLevel, string> = { district: '区', town: '镇（街道）', village: '村（社区）', grid: '网格', building: '楼栋', unit: '单元' };

/** Why an appointment to `post` cannot be held at `areaCode` (null when it can). */
export function staffPostAreaProblem(post: StaffPost, areaCode: string): string | null {
  const info = STAFF_POST_INFO[post];
  const level = levelOfCode(areaCode);
  if (level === info.level) return null;
  return `${info.zh}应任命到${LEVEL_WORDS[info.level]}，所选区域是${level ? LEVEL_WORDS[level] : '无效代码'}`;
}

/** Intake by a building or unit leader (五级服务, `003`): "一般性工作…现场处理，登记备案；协调性工作…网格员现场受理". */
export const ON_SPOT_ROLES: readonly Role[] = ['grid-worker', 'building-leader'];
