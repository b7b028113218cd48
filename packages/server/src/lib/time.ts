import { isCalendarDay } from '@gongzhi/domain/contract';

/** True for a day that exists in the calendar, written YYYY-MM-DD (years 1900–2999). */
export { isCalendarDay };

// China has a single time zone without daylight saving: times are shown as +08:00.
const OFFSET_MS = 8 * 3600 * 1000;

/** ISO 8601 with the +08:00 offset, e.g. 2026-11-22T09:30:00+08:00. */
/** A time in +08:00; a Date (a NOT NULL column) always gives one. */
export function toIsoCst(value: Date): string;
export function toIsoCst(value: Date | string | null | undefined): string | null;
export function toIsoCst(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const local = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

export function ageOn(birthDate: string | null, today = new Date()): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const local = new Date(today.getTime() + OFFSET_MS);
  let age = local.getUTCFullYear() - y;
  if (local.getUTCMonth() + 1 < m || (local.getUTCMonth() + 1 === m && local.getUTCDate() < d)) age -= 1;
  return age;
}

/** Midnight China time of a calendar day, or null when the day does not exist. */
export function chinaMidnight(value: string): Date | null {
  return isCalendarDay(value) ? new Date(`${value}T00:00:00+08:00`) : null;
}
