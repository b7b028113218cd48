// Cockpit (驾驶舱) formulas: grid staffing against the benchmark of `004` and the regional vitality
// index (区域活力指数, `002`). Definitions and weights are documented in docs/COCKPIT.md.

/** At least 18 community workers per 10,000 urban residents (`004`). */
export const STAFFING_BENCHMARK = 18;

/** Staff per 10,000 residents, one decimal; null when the registry has no residents there. */
export function staffPer10k(staff: number, residents: number): number | null {
  return residents > 0 ? Math.round((staff / residents) * 100_000) / 10 : null;
}

export interface VitalityInput {
  /** Case measures of the period (fractions 0..1) and whether they have a denominator. */
  closureRate: number;
  dueToClose: number;
  satisfactionRate: number;
  rated: number;
  residents: number;
  wishesFulfilled: number;
  awards: number;
  partyRegistered: number;
  /**
   * 党组织活跃度: confirmed attendances (present) at the party activities of the period (主题党日,
   * 三会一课), and the distinct members who attended — real attendance, not a head count.
   */
  partyAttendances: number;
  partyAttendees: number;
  /** Length of the period in days (participation targets are per 30 days). */
  days: number;
}

export type VitalityTerm = 'closure' | 'satisfaction' | 'wishes' | 'points' | 'party';

/** Weights of the terms; they sum to 1. */
export const VITALITY_WEIGHTS: Record<VitalityTerm, number> = {
  closure: 0.3,
  satisfaction: 0.3,
  wishes: 0.15,
  points: 0.15,
  party: 0.1,
};

/** What counts as full marks for each participation term. */
export const VITALITY_TARGETS = {
  /** Micro-wishes fulfilled per 1,000 residents per 30 days. */
  wishesPer1000: 2,
  /** Point awards posted per 100 residents per 30 days. */
  awardsPer100: 2,
  /** Attendances at party activities (主题党日, 三会一课) per party member per 30 days: 主题党日 is monthly. */
  partyAttendancesPerMember: 1,
};

export interface Vitality {
  /** 0..100, one decimal; null when no term has data. */
  index: number | null;
  /** Each term's score 0..1 (null: no data, left out and the other weights re-scaled). */
  terms: Record<VitalityTerm, number | null>;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/**
 * 党组织活跃度 from real attendance: party-activity attendances of the period per party member
 * (registered with the area's organisations, or at least those who attended), against one a month.
 */
function partyActivity(v: VitalityInput, months: number): number | null {
  const members = Math.max(v.partyRegistered, v.partyAttendees);
  if (members === 0) return null;
  return clamp01(v.partyAttendances / members / (VITALITY_TARGETS.partyAttendancesPerMember * months));
}

export function vitalityOf(v: VitalityInput): Vitality {
  const months = Math.max(v.days, 1) / 30;
  const perRes = v.residents > 0;
  const terms: Record<VitalityTerm, number | null> = {
    closure: v.dueToClose > 0 ? clamp01(v.closureRate) : null,
    satisfaction: v.rated > 0 ? clamp01(v.satisfactionRate) : null,
    wishes: perRes ? clamp01(((v.wishesFulfilled / v.residents) * 1000) / (VITALITY_TARGETS.wishesPer1000 * months)) : null,
    points: perRes ? clamp01(((v.awards / v.residents) * 100) / (VITALITY_TARGETS.awardsPer100 * months)) : null,
    party: partyActivity(v, months),
  };
  let weight = 0;
  let sum = 0;
  for (const [k, score] of Object.entries(terms) as [VitalityTerm, number | null][]) {
    if (score === null) continue;
    weight += VITALITY_WEIGHTS[k];
    sum += VITALITY_WEIGHTS[k] * score;
  }
  const rounded = Object.fromEntries(Object.entries(terms).map(([k, s]) => [k, s === null ? null : Math.round(s * 10000) / 10000])) as Vitality['terms'];
  return { index: weight > 0 ? Math.round((sum / weight) * 1000) / 10 : null, terms: rounded };
}

// ---- 参与共治 (issue 14): needs met, projects closed out on time, residents who took part ----------

/**
 * A share n/d as a fraction 0..1 rounded to four places, or null without a denominator (shown as —,
 * never as 0 %). Ours: the panel's shares are plain proportions of counts.
 */
export function shareOf(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10000) / 10000 : null;
}

export interface ParticipationCounts {
  /** Needs entered on the needs list in the period, and of those the ones met now (state `met`: their project was closed out). */
  needs: number;
  needsMet: number;
  /** Projects closed out (销号) in the period, and of those closed on or before their due day (`closedOnTime`, projects). */
  closed: number;
  closedOnTime: number;
}

/** The two shares of the 参与共治 panel (ours; docs/COCKPIT.md): needs met, projects closed out on time. */
export function participationShares(c: ParticipationCounts): { metShare: number | null; onTimeShare: number | null } {
  return { metShare: shareOf(c.needsMet, c.needs), onTimeShare: shareOf(c.closedOnTime, c.closed) };
}

const DAY_MS = 86_400_000;

/**
 * The period a cockpit's figures are compared with: as many days, ending the day before the period starts
 * (docs/COCKPIT.md "Key measures": 1–31 March against 29 January–28 February). Calendar days `YYYY-MM-DD`, both ends
 * included; `from` not after `to` (the caller checks).
 */
export function comparisonPeriod(from: string, to: string): { days: number; previous: { from: string; to: string } } {
  const start = Date.parse(`${from}T00:00:00Z`);
  const length = Date.parse(`${to}T00:00:00Z`) + DAY_MS - start;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { days: Math.round(length / DAY_MS), previous: { from: day(start - length), to: day(start - DAY_MS) } };
}
