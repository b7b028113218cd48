// 红心物业 (docs/PROPERTY.md): the monthly credit score of a property company, its yearly grade (3A … D),
// the red and black lists, the community's inspection checklist and the fee offset by points.
//
// Source: `002` (吉林市物业治理专项工作组): 《吉林市物业服务企业信用信息管理办法》 puts "企业依合同服务情况、
// 业主满意度、执行党委政府决策部署、业主信访处理、层级监管部门意见" into the credit evaluation; the housing
// department (市住建局) grades every company and publishes a red and black list (3A: 25 companies, D: 35),
// praising 3A and ordering D to rectify with more frequent checks. The weights and thresholds below are this
// product's own reading of that scheme (002 gives the grades, not the numbers): configuration, not law.

/** The weights of the monthly score's components; they need not sum to 100 (the score is normalised). */
export interface PropertyScoreWeights {
  /** Few property cases per household (complaint volume). */
  volume: number;
  /** Cases handled within their deadline. */
  onTime: number;
  /** Cases handled without being sent back (返工). */
  rework: number;
  /** Residents' ratings of the closed cases. */
  satisfaction: number;
  /** The community's inspections (checklist on the phone). */
  inspection: number;
  /** The owners' committee's evaluation. */
  committee: number;
}

export const PROPERTY_SCORE_WEIGHTS: PropertyScoreWeights = { volume: 20, onTime: 20, rework: 10, satisfaction: 15, inspection: 20, committee: 15 };

/** Cases per 100 households in a month at which the volume component reaches zero (linear from zero cases). */
export const VOLUME_CEILING_PER_100 = 5;

/** What each rating counts towards satisfaction (满意 1, 基本满意 0.6, 不满意 0). */
export const SATISFACTION_VALUES = { satisfied: 1, 'basically-satisfied': 0.6, unsatisfied: 0 } as const;

export type PropertyScoreComponent = keyof PropertyScoreWeights;
export const PROPERTY_SCORE_COMPONENTS: readonly PropertyScoreComponent[] = ['volume', 'onTime', 'rework', 'satisfaction', 'inspection', 'committee'];

export const PROPERTY_SCORE_COMPONENT_LABELS: Record<PropertyScoreComponent, { zh: string; en: string }> = {
  volume: { zh: '户均诉求量', en: 'Cases per household' },
  onTime: { zh: '按时办结', en: 'Handled on time' },
  rework: { zh: '一次办好（无返工）', en: 'Handled without rework' },
  satisfaction: { zh: '居民满意度', en: 'Residents’ satisfaction' },
  inspection: { zh: '社区检查', en: 'Community inspections' },
  committee: { zh: '业委会评价', en: 'Owners’ committee evaluation' },
};

/** The evidence of one company in one month. */
export interface PropertyMonthFacts {
  /** Households in the compounds it serves under contract. */
  households: number;
  /** Property cases dispatched to it in the month. */
  cases: number;
  /** Of those, handled (reported back) — and of these, within the deadline, and sent back at least once. */
  handled: number;
  handledOnTime: number;
  reworked: number;
  ratings: { satisfied: number; basicallySatisfied: number; unsatisfied: number };
  /** Scores (0–100) of the community's inspections in the month. */
  inspections: readonly number[];
  /** Scores (0–100) the owners' committees gave in the month. */
  committeeScores: readonly number[];
  /** Points the housing department added (commendations) and took off (penalties) in the month. */
  commendations: number;
  penalties: number;
}

export interface PropertyScoreLine {
  component: PropertyScoreComponent;
  weight: number;
  /** The component's ratio 0–1 (rounded to 4 places), null when there is no evidence (left out, weights renormalised). */
  ratio: number | null;
  /** What it contributed to the score (rounded to 2 places). */
  points: number;
  /** The evidence in words-ready numbers, e.g. {cases, households}. */
  basis: Record<string, number>;
}

export interface PropertyScore {
  /** 0–100, two decimals; null when there is no evidence at all. */
  score: number | null;
  /** The weighted components before the department's adjustment. */
  base: number | null;
  adjustment: number;
  lines: PropertyScoreLine[];
}

const round = (x: number, places: number) => {
  const f = 10 ** places;
  return Math.round((x + Number.EPSILON) * f) / f;
};
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The monthly credit score: each component's ratio (0–1) times its weight, over the weights of the components
 * that have evidence, times 100; then the department's commendations added and penalties taken off, kept in 0–100.
 */
export function propertyMonthScore(f: PropertyMonthFacts, weights: PropertyScoreWeights = PROPERTY_SCORE_WEIGHTS): PropertyScore {
  const rated = f.ratings.satisfied + f.ratings.basicallySatisfied + f.ratings.unsatisfied;
  const ratios: Record<PropertyScoreComponent, { ratio: number | null; basis: Record<string, number> }> = {
    volume: {
      ratio: f.households > 0 ? Math.max(0, 1 - (f.cases * 100) / f.households / VOLUME_CEILING_PER_100) : null,
      basis: { cases: f.cases, households: f.households },
    },
    onTime: { ratio: f.handled > 0 ? f.handledOnTime / f.handled : null, basis: { handled: f.handled, onTime: f.handledOnTime } },
    rework: { ratio: f.handled > 0 ? 1 - f.reworked / f.handled : null, basis: { handled: f.handled, reworked: f.reworked } },
    satisfaction: {
      ratio:
        rated > 0
          ? (f.ratings.satisfied * SATISFACTION_VALUES.satisfied + f.ratings.basicallySatisfied * SATISFACTION_VALUES['basically-satisfied'] + f.ratings.unsatisfied * SATISFACTION_VALUES.unsatisfied) /
            rated
          : null,
      basis: { satisfied: f.ratings.satisfied, basicallySatisfied: f.ratings.basicallySatisfied, unsatisfied: f.ratings.unsatisfied },
    },
    inspection: { ratio: f.inspections.length ? mean(f.inspections) / 100 : null, basis: { inspections: f.inspections.length } },
    committee: { ratio: f.committeeScores.length ? mean(f.committeeScores) / 100 : null, basis: { evaluations: f.committeeScores.length } },
  };
  const present = PROPERTY_SCORE_COMPONENTS.filter((c) => ratios[c].ratio !== null && weights[c] > 0);
  const total = present.reduce((s, c) => s + weights[c], 0);
  const lines = PROPERTY_SCORE_COMPONENTS.map((c): PropertyScoreLine => {
    const r = ratios[c].ratio;
    return { component: c, weight: weights[c], ratio: r === null ? null : round(r, 4), points: r === null || total === 0 ? 0 : round((r * weights[c] * 100) / total, 2), basis: ratios[c].basis };
  });
  const adjustment = f.commendations - f.penalties;
  if (total === 0) return { score: adjustment === 0 ? null : Math.min(100, Math.max(0, round(100 + adjustment, 2))), base: null, adjustment, lines };
  const base = round(present.reduce((s, c) => s + (ratios[c].ratio! * weights[c] * 100) / total, 0), 2);
  return { score: Math.min(100, Math.max(0, round(base + adjustment, 2))), base, adjustment, lines };
}

// ---- yearly grading ------------------------------------------------------------------------------------------------

export const PROPERTY_GRADES = ['3A', '2A', 'A', 'B', 'C', 'D'] as const;
export type PropertyGrade = (typeof PROPERTY_GRADES)[number];
export const isPropertyGrade = (s: string): s is PropertyGrade => (PROPERTY_GRADES as readonly string[]).includes(s);

/** The lowest yearly score of each grade (inclusive); below the last is D. */
export const PROPERTY_GRADE_THRESHOLDS: readonly { grade: PropertyGrade; min: number }[] = [
  { grade: '3A', min: 90 },
  { grade: '2A', min: 80 },
  { grade: 'A', min: 70 },
  { grade: 'B', min: 60 },
  { grade: 'C', min: 50 },
];

export const PROPERTY_GRADE_LABELS: Record<PropertyGrade, { zh: string; en: string }> = {
  '3A': { zh: '3A 级（守信激励，红榜）', en: '3A (red list)' },
  '2A': { zh: '2A 级', en: '2A' },
  A: { zh: 'A 级', en: 'A' },
  B: { zh: 'B 级', en: 'B' },
  C: { zh: 'C 级', en: 'C' },
  D: { zh: 'D 级（失信惩戒，黑榜）', en: 'D (black list)' },
};

/** The yearly score: the mean of the months that have a score, two decimals; null without any. */
export function propertyYearScore(monthScores: readonly (number | null)[]): number | null {
  const xs = monthScores.filter((x): x is number => x !== null);
  return xs.length ? round(mean(xs), 2) : null;
}

/** The grade a yearly score earns (the product's proposal; the housing department confirms or overrides it). */
export function proposeGrade(yearScore: number): PropertyGrade {
  return PROPERTY_GRADE_THRESHOLDS.find((t) => yearScore >= t.min)?.grade ?? 'D';
}

/** Red list (红榜): 3A companies; black list (黑榜): D companies (`002`). */
export const listOfGrade = (g: PropertyGrade | null | undefined): 'red' | 'black' | null => (g === '3A' ? 'red' : g === 'D' ? 'black' : null);

// ---- community inspection (社区检查) ---------------------------------------------------------------------------------

export const INSPECTION_ITEMS = ['cleaning', 'greenery', 'facilities', 'order', 'fire-safety', 'disclosure'] as const;
export type InspectionItem = (typeof INSPECTION_ITEMS)[number];
export const INSPECTION_ITEM_LABELS: Record<InspectionItem, { zh: string; en: string }> = {
  cleaning: { zh: '环境卫生（楼道、垃圾清运）', en: 'Cleaning' },
  greenery: { zh: '绿化养护', en: 'Greenery' },
  facilities: { zh: '设施设备（电梯、门禁、照明）', en: 'Facilities' },
  order: { zh: '秩序维护（门岗、停车）', en: 'Order' },
  'fire-safety': { zh: '消防安全（通道、器材）', en: 'Fire safety' },
  disclosure: { zh: '信息公示（收费、服务标准）', en: 'Disclosure' },
};

/** An inspection's score: the share of checklist items passed, 0–100 (two decimals). Every item must be answered. */
export function inspectionScore(results: Partial<Record<InspectionItem, boolean>>): number | null {
  if (!INSPECTION_ITEMS.every((i) => typeof results[i] === 'boolean')) return null;
  const passed = INSPECTION_ITEMS.filter((i) => results[i]).length;
  return round((passed * 100) / INSPECTION_ITEMS.length, 2);
}

// ---- coverage of compounds without property management (无物业小区, `002`) -----------------------------------------

export const COVERAGE_MODES = ['community', 'red-property', 'self-managed'] as const;
export type CoverageMode = (typeof COVERAGE_MODES)[number];
export const COVERAGE_MODE_LABELS: Record<CoverageMode, { zh: string; en: string }> = {
  community: { zh: '社区代管', en: 'Run by the community' },
  'red-property': { zh: '红心物业兜底', en: 'Party-led property company' },
  'self-managed': { zh: '居民自治', en: 'Residents’ self-management' },
};

// ---- fee offset (积分抵扣物业费, `002`: 收缴率由 40% 提升到 85%) ----------------------------------------------------

/** Points worth one yuan of property fee (the demo's item: 100 points offset 10 yuan). */
export const POINTS_PER_YUAN = 10;

/** The fen (0.01 yuan) a number of points offsets. */
export const offsetFen = (points: number) => Math.floor((points * 100) / POINTS_PER_YUAN);

/** A bill's balance: amount less offsets less payments, never below zero (fen). */
export const billBalance = (b: { amountFen: number; offsetFen: number; paidFen: number }) => Math.max(0, b.amountFen - b.offsetFen - b.paidFen);

/**
 * A bill is past due (逾期未缴) once its month (`period`, YYYY-MM) is over — `month` is the current one, China time —
 * and a balance is left. The repository's `overdueBefore` filter is this rule in SQL.
 */
export const billOverdue = (b: { period: string; amountFen: number; offsetFen: number; paidFen: number }, month: string) => b.period < month && billBalance(b) > 0;

/** The collection rate of a set of bills: settled bills (balance 0) over all, 0–1 (4 places); null when none. */
export function collectionRate(bills: readonly { amountFen: number; offsetFen: number; paidFen: number }[]): number | null {
  if (!bills.length) return null;
  return round(bills.filter((b) => billBalance(b) === 0).length / bills.length, 4);
}

// ---- four-party joint meeting (四位一体联席会议, `003`: at least quarterly) --------------------------------------------

/** Whether the joint meeting is overdue: none held in the current quarter nor the one before it ends. */
export function jointMeetingOverdue(lastHeld: Date | null, now: Date): boolean {
  if (!lastHeld) return true;
  const q = (d: Date) => {
    const cst = new Date(d.getTime() + 8 * 3600_000);
    return cst.getUTCFullYear() * 4 + Math.floor(cst.getUTCMonth() / 3);
  };
  // Held this quarter or last quarter: on cadence; two quarters or more without one: overdue.
  return q(now) - q(lastHeld) >= 2;
}
