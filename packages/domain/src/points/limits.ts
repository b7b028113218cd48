// Per-person limits of a rule (每人每日/每月上限), counted in base points (before the multiplier),
// so the multiplier rewards the quality of a deed without being clipped by the cap.
import { conflict, type DomainError } from '../errors.ts';

export interface RuleLimits {
  /** The most base points one person may receive from this rule in a day (China time). */
  dailyLimit: number | null;
  /** … and in a calendar month. */
  monthlyLimit: number | null;
}

export interface LimitUsage {
  /** Base points from this rule already granted (or proposed) to the person today. */
  today: number;
  thisMonth: number;
}

/** Null when `base` more points fit under the rule's limits; otherwise the error to raise. */
export function limitProblem(rule: RuleLimits & { name: string }, used: LimitUsage, base: number): DomainError | null {
  if (rule.dailyLimit != null && used.today + base > rule.dailyLimit) {
    const left = Math.max(0, rule.dailyLimit - used.today);
    return conflict('daily_limit_exceeded', `“${rule.name}”每人每日最多 ${rule.dailyLimit} 分，今日还可计 ${left} 分`);
  }
  if (rule.monthlyLimit != null && used.thisMonth + base > rule.monthlyLimit) {
    const left = Math.max(0, rule.monthlyLimit - used.thisMonth);
    return conflict('monthly_limit_exceeded', `“${rule.name}”每人每月最多 ${rule.monthlyLimit} 分，本月还可计 ${left} 分`);
  }
  return null;
}

/** Limits must be positive and the daily one may not exceed the monthly one. */
export function limitsProblem(l: RuleLimits): string | null {
  if (l.dailyLimit != null && (!Number.isInteger(l.dailyLimit) || l.dailyLimit <= 0)) return '每日上限应为正整数';
  if (l.monthlyLimit != null && (!Number.isInteger(l.monthlyLimit) || l.monthlyLimit <= 0)) return '每月上限应为正整数';
  if (l.dailyLimit != null && l.monthlyLimit != null && l.dailyLimit > l.monthlyLimit) return '每日上限不能大于每月上限';
  return null;
}

const DAY_MS = 86400_000;
const CST_MS = 8 * 3600_000;

/** The China-time day and month a moment falls in, as half-open UTC intervals. */
export function periodsOf(at: Date): { day: { from: Date; to: Date }; month: { from: Date; to: Date }; monthKey: string } {
  const local = new Date(at.getTime() + CST_MS);
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - CST_MS;
  const monthStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CST_MS;
  const monthEnd = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - CST_MS;
  const monthKey = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
  return {
    day: { from: new Date(dayStart), to: new Date(dayStart + DAY_MS) },
    month: { from: new Date(monthStart), to: new Date(monthEnd) },
    monthKey,
  };
}

/** `YYYY-MM` → the month as a half-open UTC interval in China time, and its year. Null when malformed. */
export function monthRange(key: string): { from: Date; to: Date; yearFrom: Date; yearTo: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  if (y < 2000 || y > 2100) return null;
  return {
    from: new Date(Date.UTC(y, mo, 1) - CST_MS),
    to: new Date(Date.UTC(y, mo + 1, 1) - CST_MS),
    yearFrom: new Date(Date.UTC(y, 0, 1) - CST_MS),
    yearTo: new Date(Date.UTC(y + 1, 0, 1) - CST_MS),
  };
}
