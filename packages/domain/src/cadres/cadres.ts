// Sunk-down cadres (下沉干部) and first secretaries (第一书记): officials of district departments attached to a
// community (`000` 一(二)2 力量下沉; `002` 磐石市: 在职党员干部下沉服务社区，实行“积分制”管理). They report
// to the community (到社区报到) on the phone, take the tasks it assigns, and earn cadre points for both.
//
// The street assesses the sending units (`002` 吉林市“五项权力”: 街道对派驻机构全员考勤……考核结果占派驻机构年度
// 绩效考核权重的40%). The figure it needs per unit: how many days its cadres came against the days expected.
import { chinaDate } from '../calendar.ts';

export const CADRE_KINDS = [
  { code: 'sunk-down', zh: '下沉干部', en: 'Sunk-down cadre' },
  { code: 'first-secretary', zh: '第一书记', en: 'First secretary' },
] as const;
export type CadreKind = (typeof CADRE_KINDS)[number]['code'];
export const CADRE_KIND_CODES = CADRE_KINDS.map((k) => k.code) as [CadreKind, ...CadreKind[]];

/** Points rules posted automatically (seeded with the points catalogue). */
export const CADRE_CHECKIN_RULE = 'cadre-checkin';
export const CADRE_TASK_RULE = 'cadre-task';

/** The street's share of a sending unit's annual score (`002`). */
export const STREET_ASSESSMENT_WEIGHT = 0.4;
/** Days a cadre is expected to report to the community each month (local practice: at least once a week). */
export const EXPECTED_DAYS_PER_MONTH = 4;

/** The China-time day a check-in counts for: one check-in per cadre and day counts. */
export const checkinDay = (at: Date): string => chinaDate(at);

/** The month `YYYY-MM` of a China day `YYYY-MM-DD`. */
export const monthOfDay = (day: string) => day.slice(0, 7);

export const CADRE_TASK_STATES = ['open', 'done', 'cancelled'] as const;
export type CadreTaskState = (typeof CADRE_TASK_STATES)[number];

export interface UnitAttendanceInput {
  cadres: number;
  /** Distinct (cadre, day) check-ins in the period. */
  days: number;
  tasksDone: number;
  /** Months in the period. */
  months: number;
}

export interface UnitAttendance extends UnitAttendanceInput {
  expectedDays: number;
  /** Attended days ÷ expected days, in per cent, capped at 100 (one decimal). */
  attendanceRate: number;
  /** The street's share of the unit's annual score it supports: rate × 40 (out of 40, one decimal). */
  weightedScore: number;
}

/** The figure the street's assessment of a sending unit needs (`002`: 40 % of the unit's annual score). */
export function unitAttendance(input: UnitAttendanceInput, expectedPerMonth = EXPECTED_DAYS_PER_MONTH): UnitAttendance {
  const expectedDays = input.cadres * input.months * expectedPerMonth;
  const rate = expectedDays === 0 ? 0 : Math.min(1, input.days / expectedDays);
  return {
    ...input,
    expectedDays,
    attendanceRate: Math.round(rate * 1000) / 10,
    weightedScore: Math.round(rate * STREET_ASSESSMENT_WEIGHT * 1000) / 10,
  };
}
