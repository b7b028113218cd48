// Case measures (SPEC §4 "Measures"); the formulas are documented in docs/MEASURES.md.

export interface MeasureCounts {
  received: number;
  accepted: number;
  closed: number;
  dueToClose: number;
  closedOnTime: number;
  handled: number;
  reworked: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  responded: number;
  resolved: number;
  handlingHoursSum: number;
}

export interface Measures {
  received: number;
  accepted: number;
  closed: number;
  dueToClose: number;
  closedOnTime: number;
  reworked: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  closureRate: number;
  onTimeClosureRate: number;
  reworkRate: number;
  satisfactionRate: number;
  responseRate: number;
  resolutionRate: number;
  /** Beijing's combined score: 0.1 × response + 0.5 × resolution + 0.4 × satisfaction. */
  combinedScore: number;
  avgHandlingHours: number;
}

/** A rate with an empty denominator is 0, never NaN; rates are rounded to 4 decimals. */
const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : 0);

export function measuresOf(c: MeasureCounts): Measures {
  const satisfactionRate = rate(c.satisfied + 0.9 * c.basicallySatisfied, c.rated);
  const responseRate = rate(c.responded, c.rated);
  const resolutionRate = rate(c.resolved, c.rated);
  return {
    received: c.received,
    accepted: c.accepted,
    closed: c.closed,
    dueToClose: c.dueToClose,
    closedOnTime: c.closedOnTime,
    reworked: c.reworked,
    rated: c.rated,
    satisfied: c.satisfied,
    basicallySatisfied: c.basicallySatisfied,
    closureRate: rate(c.closed, c.dueToClose),
    onTimeClosureRate: rate(c.closedOnTime, c.dueToClose),
    reworkRate: rate(c.reworked, c.handled),
    satisfactionRate,
    responseRate,
    resolutionRate,
    combinedScore: Math.round((0.1 * responseRate + 0.5 * resolutionRate + 0.4 * satisfactionRate) * 10000) / 10000,
    avgHandlingHours: c.closed > 0 ? Math.round((c.handlingHoursSum / c.closed) * 10) / 10 : 0,
  };
}

/**
 * A unit or area with no case due to close in the period has no closure rate: shown as — (无应结案件),
 * never as 0.0 %, and ranked after those that had work to close.
 */
export const nothingDue = (m: Pick<Measures, 'dueToClose'>): boolean => m.dueToClose === 0;

/** Without a rated case there is no satisfaction rate and no combined score. */
export const nothingRated = (m: Pick<Measures, 'rated'>): boolean => m.rated === 0;

/** Communities under 60 % satisfaction are flagged for rectification (`004`). */
export const RECTIFICATION_THRESHOLD = 0.6;
