// Working days on the real Chinese calendar (SPEC §4 "Time limits").
//
// Statutory holidays and 调休 make-up working days come from the npm package `chinese-days`
// (one table per year, published by the State Council every November for the next year).
// An override table on top covers years the package does not know yet and local adjustments
// (e.g. a typhoon day off decided by the district).
//
// Everything is computed in China time: UTC+8 all year, no daylight saving since 1991. Inputs and
// outputs are `Date` instants; internally an instant is reduced to its +08:00 calendar date,
// represented as a "day number" (whole days since 1970-01-01 in China time). This keeps the
// arithmetic independent of the server's own time zone.
import holidayTable from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { invalid } from './errors.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** China Standard Time is UTC+08:00 without DST. */
export const CHINA_UTC_OFFSET_MS = 8 * HOUR_MS;

/** Upper bound for a working-day count: anything larger is a configuration mistake, not a deadline. */
const MAX_WORKING_DAYS = 1000;
/** Longest range `daysInRange` lists (a few years) — it is meant for calendar screens. */
const MAX_RANGE_DAYS = 3 * 366;

/** One entry of the local calendar table; it wins over the package's data for that date. */
export interface CalendarOverride {
  /** China-local calendar date, 'YYYY-MM-DD'. */
  date: string;
  working: boolean;
  /** e.g. '国庆节', '台风停工'; shown next to the date. */
  name?: string;
}

/**
 * - workday: ordinary Monday–Friday
 * - weekend: ordinary Saturday/Sunday
 * - holiday: statutory holiday (or a local day off from the override table), whatever the weekday
 * - makeup: 调休 make-up working day on a weekend
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  /** China-local date 'YYYY-MM-DD'. */
  date: string;
  working: boolean;
  kind: DayKind;
  /** Chinese holiday name ('春节', '国庆节' …) for holidays and make-up days, else null. */
  name: string | null;
  /** Where the answer came from. 'weekday' means no data at all: plain Monday–Friday rule. */
  source: 'override' | 'package' | 'weekday';
}

/**
 * A time limit as the catalogue states it: hours or working days. For a live case the server adds
 * the office hours of the unit that owns the step, or `roundTheClock` (issue 12 item 5: a report at
 * 04:51 must not go red before anyone is at work); hours with `officeHours` count only office time.
 */
export type DeadlineSpec = {
  unit: 'hours' | 'workingDays';
  amount: number;
  roundTheClock?: boolean;
  officeHours?: OfficeHours;
};

/** One stretch of office time on a working day, China-local 'HH:MM' (end exclusive, '24:00' allowed). */
export interface OfficePeriod {
  start: string;
  end: string;
}

/** A unit's office hours (办公时间) on the working days of the calendar. */
export interface OfficeHours {
  periods: OfficePeriod[];
}

/**
 * The usual government office day in Jiangsu: 08:30–12:00 and 13:30–17:30 (7.5 hours), used
 * for every unit that has not set its own.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  periods: Object.freeze([
    Object.freeze({ start: '08:30', end: '12:00' }),
    Object.freeze({ start: '13:30', end: '17:30' }),
  ]) as OfficePeriod[],
});

// ---------------------------------------------------------------------------------------------
// China-local dates

/** Day number (days since 1970-01-01, China time) of an instant. */
function dayOfInstant(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw invalid('calendar_invalid_date', '日期无效');
  return Math.floor((ms + CHINA_UTC_OFFSET_MS) / DAY_MS);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' string; rejects impossible dates such as 2026-02-30. */
function dayOfIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw invalid('calendar_invalid_date', `日期格式应为 YYYY-MM-DD：${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  if (isoOfDay(day) !== iso) throw invalid('calendar_invalid_date', `日期不存在：${iso}`);
  return day;
}

function dayOf(date: Date | string): number {
  return typeof date === 'string' ? dayOfIsoDate(date) : dayOfInstant(date);
}

/** A day number read back as UTC midnight gives the China-local calendar fields directly. */
function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** First instant (00:00:00.000 +08:00) of a China-local day. */
function startOfDayInstant(day: number): Date {
  return new Date(day * DAY_MS - CHINA_UTC_OFFSET_MS);
}

/** China-local calendar date 'YYYY-MM-DD' of an instant. */
export function chinaDate(instant: Date): string {
  return isoOfDay(dayOfInstant(instant));
}

/** 00:00:00.000 +08:00 of the China-local day containing `instant`. */
export function startOfChinaDay(instant: Date): Date {
  return startOfDayInstant(dayOfInstant(instant));
}

/** 23:59:59.999 +08:00 of the China-local day containing `instant`. */
export function endOfChinaDay(instant: Date): Date {
  return new Date(startOfDayInstant(dayOfInstant(instant) + 1).getTime() - 1);
}

// ---------------------------------------------------------------------------------------------
// The package's data

/**
 * We read `chinese-days`' prebuilt table instead of calling its functions: the package builds its
 * tables at load time through the *process's local* time zone (a 'YYYY-MM-DD' string becomes UTC
 * midnight, then is formatted with local getters), so on a machine west of Greenwich every
 * holiday lands one day early. The JSON is built by the package's authors and keyed by the plain
 * China date — 'YYYY-MM-DD' → "English,中文,days" — which is exactly what we need.
 */
interface HolidayTable {
  /** Days off (including weekends inside a holiday block). */
  holidays: Record<string, string>;
  /** 调休 make-up working days (always on a weekend). */
  workdays: Record<string, string>;
  /** Days off that were "borrowed" and are worked on a make-up day (informational). */
  inLieuDays: Record<string, string>;
}
const TABLE: HolidayTable = holidayTable;

/** Chinese part of the package's "English,中文,days" label. */
function chineseName(label: string): string {
  return label.split(',')[1] ?? label;
}

/**
 * Years the package has the State Council's notice for. A year counts when one of its own dates
 * is a Spring Festival holiday: the festival always falls in January/February of the year its
 * notice covers, whereas New Year days can spill into the previous December (e.g. 2018-12-30)
 * and would otherwise make a year look covered.
 */
const COVERED_YEARS: ReadonlySet<number> = new Set(
  Object.entries(TABLE.holidays)
    .filter(([, label]) => chineseName(label) === '春节')
    .map(([date]) => Number(date.slice(0, 4))),
);

/**
 * True when `chinese-days` has the holiday table for `year`. Otherwise the calendar falls back to
 * Monday–Friday and the admin should be warned to enter the year's holidays as overrides
 * (the State Council publishes the next year's arrangement around November).
 */
export function calendarCovers(year: number): boolean {
  return COVERED_YEARS.has(year);
}

interface PackageDay {
  working: boolean;
  /** Chinese holiday name when the package lists this date (holiday or make-up day). */
  name: string | null;
}

function packageDay(day: number): PackageDay {
  const iso = isoOfDay(day);
  const makeup = TABLE.workdays[iso];
  if (makeup !== undefined) return { working: true, name: chineseName(makeup) };
  const holiday = TABLE.holidays[iso];
  if (holiday !== undefined) return { working: false, name: chineseName(holiday) };
  const weekday = weekdayOfDay(day);
  return { working: weekday >= 1 && weekday <= 5, name: null };
}

// ---------------------------------------------------------------------------------------------
// The calendar

export class WorkCalendar {
  private readonly overrides = new Map<number, CalendarOverride>();
  private readonly overrideYears = new Set<number>();

  constructor(overrides: readonly CalendarOverride[] = []) {
    for (const o of overrides) {
      const day = dayOfIsoDate(o.date);
      if (this.overrides.has(day)) {
        throw invalid('calendar_override_duplicate', `日历调整重复：${o.date}`);
      }
      this.overrides.set(day, { ...o });
      this.overrideYears.add(yearOfDay(day));
    }
  }

  /**
   * Whether the calendar knows the official holidays of `year`: the package covers it, or the
   * admin has entered at least one override for it (taking over responsibility for that year).
   */
  covers(year: number): boolean {
    return calendarCovers(year) || this.overrideYears.has(year);
  }

  /** Everything known about the China-local day of `date` (an instant or 'YYYY-MM-DD'). */
  dayInfo(date: Date | string): DayInfo {
    return this.infoOfDay(dayOf(date));
  }

  isWorkingDay(date: Date | string): boolean {
    return this.workingDay(dayOf(date));
  }

  /**
   * Deadline for "n working days" counted from `start`.
   *
   * Rule: the day of `start` itself never counts (whether or not it is a working day, and
   * whatever the hour); we step forward day by day and the due instant is the end
   * (23:59:59.999 +08:00) of the n-th working day after the start day. n = 0 means "by the end
   * of the start day". Example: accepted Friday 2026-09-25 10:00 (中秋, a holiday) with 2
   * working days → Mon 09-28 and Tue 09-29 count → due 2026-09-29T23:59:59.999+08:00.
   */
  addWorkingDays(start: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw invalid('calendar_invalid_amount', `工作日数应为 0–${MAX_WORKING_DAYS} 的整数：${n}`);
    }
    let day = dayOfInstant(start);
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (this.workingDay(day)) counted += 1;
    }
    return new Date(startOfDayInstant(day + 1).getTime() - 1);
  }

  /**
   * Whole working days from a's China-local date (exclusive) to b's (inclusive): the same
   * counting as `addWorkingDays`, so workingDaysBetween(s, addWorkingDays(s, n)) === n.
   * Negative when b's date is before a's (e.g. "3 working days early"); 0 on the same date.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const from = dayOfInstant(a);
    const to = dayOfInstant(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.workingDay(day)) count += 1;
    return count;
  }

  /** Every day in [from, to] (China-local 'YYYY-MM-DD' or instants), for admin calendar views. */
  daysInRange(from: Date | string, to: Date | string): DayInfo[] {
    const first = dayOf(from);
    const last = dayOf(to);
    if (last - first > MAX_RANGE_DAYS) throw invalid('calendar_range_too_long', '日期范围过长');
    const out: DayInfo[] = [];
    for (let day = first; day <= last; day++) out.push(this.infoOfDay(day));
    return out;
  }

  private workingDay(day: number): boolean {
    const o = this.overrides.get(day);
    return o ? o.working : packageDay(day).working;
  }

  private infoOfDay(day: number): DayInfo {
    const date = isoOfDay(day);
    const weekday = weekdayOfDay(day);
    const weekend = weekday === 0 || weekday === 6;
    const o = this.overrides.get(day);
    if (o) {
      const kind: DayKind = o.working ? (weekend ? 'makeup' : 'workday') : weekend ? 'weekend' : 'holiday';
      return { date, working: o.working, kind, name: o.name ?? null, source: 'override' };
    }
    const p = packageDay(day);
    if (p.name !== null) {
      return { date, working: p.working, kind: p.working ? 'makeup' : 'holiday', name: p.name, source: 'package' };
    }
    return {
      date,
      working: p.working,
      kind: weekend ? 'weekend' : 'workday',
      name: null,
      source: calendarCovers(yearOfDay(day)) ? 'package' : 'weekday',
    };
  }
}

export function createWorkCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  return new WorkCalendar(overrides);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

/** `h` calendar hours after `start` (nights, weekends and holidays included), e.g. the 5321 rule. */
export function addHours(start: Date, h: number): Date {
  if (!Number.isFinite(h) || h < 0) throw invalid('calendar_invalid_amount', `小时数无效：${h}`);
  return new Date(start.getTime() + Math.round(h * HOUR_MS));
}

/**
 * A suspension (挂起) stops the clock: the due instant moves by exactly the time spent
 * suspended, in calendar time. We deliberately do not recount working days — the unit keeps
 * the same amount of remaining time it had when the case was suspended.
 */
export function shiftForPause(due: Date, pausedMs: number): Date {
  if (!Number.isFinite(pausedMs) || pausedMs < 0) throw invalid('calendar_invalid_amount', `挂起时长无效：${pausedMs}`);
  return new Date(due.getTime() + pausedMs);
}

/** Due instant of a step that started at `start` under the time limit `spec`. */
export function computeDue(start: Date, spec: DeadlineSpec, cal: WorkCalendar): Date {
  if (!(spec.amount > 0)) throw invalid('calendar_invalid_amount', `时限应为正数：${spec.amount}`);
  if (spec.unit === 'workingDays') return cal.addWorkingDays(start, spec.amount);
  // A spec that names office hours counts them; a bare hour spec is clock hours. The server marks
  // every hour limit of a live case (services/work-time.ts deadlinesFor); the demo history's timing
  // model is calibrated on clock hours and keeps bare specs.
  return spec.officeHours && !spec.roundTheClock ? addOfficeHours(start, spec.amount, cal, spec.officeHours) : addHours(start, spec.amount);
}

// ---------------------------------------------------------------------------------------------
// Office hours

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;
/** Upper bound for an office-hour limit (about a working year): larger is a configuration mistake. */
const MAX_OFFICE_HOURS = 2000;

/** Minutes after local midnight of 'HH:MM' ('24:00' = 1440), or null when malformed. */
function minutesOf(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 24 * 60 ? v : null;
}

/**
 * Checks a unit's office hours: 1–4 periods, each 'HH:MM'–'HH:MM' with start before end, in
 * order and not overlapping. Returns a normalised copy; throws a field-naming 400 otherwise.
 */
export function validOfficeHours(input: OfficeHours): OfficeHours {
  const periods = input?.periods;
  if (!Array.isArray(periods) || periods.length < 1 || periods.length > 4) {
    throw invalid('invalid_office_hours', '办公时间应为 1–4 个时段', { field: 'periods' });
  }
  let previousEnd = -1;
  const out: OfficePeriod[] = [];
  periods.forEach((p, i) => {
    const start = minutesOf(String(p?.start ?? ''));
    const end = minutesOf(String(p?.end ?? ''));
    if (start === null || end === null) {
      throw invalid('invalid_office_hours', `第 ${i + 1} 个时段的时间格式应为 HH:MM`, { field: `periods.${i}` });
    }
    if (start >= end) throw invalid('invalid_office_hours', `第 ${i + 1} 个时段的开始时间应早于结束时间`, { field: `periods.${i}` });
    if (start < previousEnd) throw invalid('invalid_office_hours', `第 ${i + 1} 个时段与前一时段重叠或顺序颠倒`, { field: `periods.${i}` });
    previousEnd = end;
    out.push({ start: p.start, end: p.end });
  });
  return { periods: out };
}

/** Office minutes in one working day under `oh` (7.5 h = 450 for the default). */
export function officeMinutesPerDay(oh: OfficeHours): number {
  return oh.periods.reduce((sum, p) => sum + (minutesOf(p.end)! - minutesOf(p.start)!), 0);
}

/**
 * `hours` of office time after `start` (issue 12 item 5; SPEC §4 "Time limits"): the clock runs
 * only inside the office periods of working days of the calendar (statutory holidays stop it,
 * 调休 make-up days run it). A start outside office time starts the clock at the next period; a
 * limit used up exactly at a period's end is due at that end (12:00), not at the next opening.
 * Examples with the default 08:30–12:00 / 13:30–17:30 and 2 hours: reported 04:51 → 10:30;
 * 12:10 → 15:30; Friday 17:00 → Monday 10:00 (half an hour on Friday, 1.5 h on Monday).
 */
export function addOfficeHours(start: Date, hours: number, cal: WorkCalendar, oh: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_OFFICE_HOURS) {
    throw invalid('calendar_invalid_amount', `小时数应为 0–${MAX_OFFICE_HOURS}：${hours}`);
  }
  const periods = validOfficeHours(oh).periods.map((p) => [minutesOf(p.start)! * 60_000, minutesOf(p.end)! * 60_000] as const);
  let remaining = Math.round(hours * HOUR_MS);
  let t = start.getTime();
  if (!Number.isFinite(t)) throw invalid('calendar_invalid_date', '日期无效');
  let day = dayOfInstant(start);
  // Twenty years: any sane office-hour limit ends long before (a guard against a calendar with no working day).
  for (let guard = 0; guard < 20 * 366; guard++, day++) {
    if (!cal.isWorkingDay(isoOfDay(day))) continue;
    const midnight = startOfDayInstant(day).getTime();
    for (const [from, to] of periods) {
      const open = midnight + from;
      const close = midnight + to;
      if (t >= close) continue;
      const begin = Math.max(t, open);
      if (remaining <= close - begin) return new Date(begin + remaining);
      remaining -= close - begin;
      t = close;
    }
  }
  throw invalid('calendar_invalid_amount', `无法在日历范围内计算时限：${hours} 小时`);
}

/**
 * The yellow-light (黄灯预警) instant: when `fraction` of the time between start and due has
 * elapsed — 80% by default, so a 2-hour limit warns after 96 minutes and a limit ending on the
 * evening of the 5th working day warns on the 4th. Measured in calendar time on purpose: the
 * warning should reach people while they can still act, not count only office days.
 */
export function warningAt(start: Date, due: Date, fraction = 0.8): Date {
  if (!(fraction >= 0 && fraction <= 1)) throw invalid('calendar_invalid_amount', `预警比例应在 0–1 之间：${fraction}`);
  const span = due.getTime() - start.getTime();
  if (span <= 0) return new Date(due.getTime());
  return new Date(start.getTime() + Math.round(span * fraction));
}

/** 红黄绿灯: green before the warning instant, yellow until due, red once overdue. */
export type TimerLight = 'green' | 'yellow' | 'red';

export function timerLight(now: Date, start: Date, due: Date, fraction = 0.8): TimerLight {
  if (now.getTime() > due.getTime()) return 'red';
  return now.getTime() >= warningAt(start, due, fraction).getTime() ? 'yellow' : 'green';
}
