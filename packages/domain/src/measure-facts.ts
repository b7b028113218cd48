// What one case contributes to the case measures (docs/MEASURES.md), as a vector of counters
// keyed by the dimensions the roll-ups are cut by. The server's roll-ups are sums of these
// vectors; every change of a case adds (after − before), so the sums stay equal to a recount.

import { chinaDate } from './calendar.ts';

/** The fields of a case the measures depend on. */
export interface MeasureCase {
  areaCode: string;
  /** Where the measures stay filed after the case was moved by a grid split or merge (see docs/TERRITORY.md). */
  measureAreaCode?: string | null;
  createdAt: Date;
  categoryCode: string;
  channel: string;
  handlerUnitId: string | null;
  state: string;
  acceptedAt: Date | null;
  handledAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
  reworkCount: number;
  rating: string | null;
}

/** The counters, in the order of the roll-up tables' columns. */
export const MEASURE_COUNTERS = [
  'received',
  'accepted',
  'closed',
  'dueClosed',
  'closedOnTime',
  'handled',
  'reworked',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'responded',
  'resolved',
  'dueOpen',
  'handlingMs',
] as const;
export type MeasureCounter = (typeof MEASURE_COUNTERS)[number];
export type MeasureVector = Record<MeasureCounter, number>;

/** Where the counters of a case are filed. `dueDay` is set only while the case counts in `dueOpen`. */
export interface MeasureKey {
  areaCode: string;
  /** China date of receipt, YYYY-MM-DD. */
  day: string;
  categoryCode: string;
  channel: string;
  /** The lead handling unit, '' when none. */
  unit: string;
  /** China date of the overall deadline of an accepted case not (yet) closed. */
  dueDay: string | null;
}

export interface MeasureFacts {
  key: MeasureKey;
  counts: MeasureVector;
  /** The exact deadline while `dueOpen` is 1 (a case becomes due to close when it passes). */
  dueAt: Date | null;
}

export const zeroVector = (): MeasureVector => Object.fromEntries(MEASURE_COUNTERS.map((k) => [k, 0])) as MeasureVector;

const b = (v: boolean) => (v ? 1 : 0);

/**
 * The facts of one case. `lateAccept`: the case has an overdue mark on its `reported` step (it
 * was not taken on within the acceptance limit), which decides whether a rating counts as responded.
 * Every counter matches one filter of the raw count in repositories/stats.ts.
 */
export function caseMeasureFacts(c: MeasureCase, lateAccept: boolean): MeasureFacts {
  const accepted = c.acceptedAt !== null;
  const closed = c.state === 'closed';
  const rated = c.rating !== null;
  const dueOpen = accepted && !closed && c.dueAt !== null;
  const start = c.acceptedAt ?? c.createdAt;
  const counts: MeasureVector = {
    received: 1,
    accepted: b(accepted),
    closed: b(closed),
    dueClosed: b(accepted && closed),
    closedOnTime: b(closed && c.closedAt !== null && c.dueAt !== null && c.closedAt.getTime() <= c.dueAt.getTime()),
    handled: b(c.handledAt !== null),
    reworked: b(c.reworkCount > 0),
    rated: b(rated),
    satisfied: b(c.rating === 'satisfied'),
    basicallySatisfied: b(c.rating === 'basically-satisfied'),
    responded: b(rated && !lateAccept),
    resolved: b(c.rating === 'satisfied' || c.rating === 'basically-satisfied'),
    dueOpen: b(dueOpen),
    handlingMs: closed && c.closedAt ? c.closedAt.getTime() - start.getTime() : 0,
  };
  return {
    key: {
      areaCode: c.measureAreaCode ?? c.areaCode,
      day: chinaDate(c.createdAt),
      categoryCode: c.categoryCode,
      channel: c.channel,
      unit: c.handlerUnitId ?? '',
      dueDay: dueOpen ? chinaDate(c.dueAt!) : null,
    },
    counts,
    dueAt: dueOpen ? c.dueAt : null,
  };
}

const sameKey = (a: MeasureKey, b: MeasureKey) =>
  a.areaCode === b.areaCode && a.day === b.day && a.categoryCode === b.categoryCode && a.channel === b.channel && a.unit === b.unit && a.dueDay === b.dueDay;

const isZero = (v: MeasureVector) => MEASURE_COUNTERS.every((k) => v[k] === 0);

export interface MeasureDeltaRow {
  key: MeasureKey;
  counts: MeasureVector;
}

/** The rows to add to the roll-ups when a case's facts go from `before` (null: a new case) to `after`. */
export function measureDelta(before: MeasureFacts | null, after: MeasureFacts | null): MeasureDeltaRow[] {
  if (before && after && sameKey(before.key, after.key)) {
    const counts = zeroVector();
    for (const k of MEASURE_COUNTERS) counts[k] = after.counts[k] - before.counts[k];
    return isZero(counts) ? [] : [{ key: after.key, counts }];
  }
  const rows: MeasureDeltaRow[] = [];
  if (before) rows.push({ key: before.key, counts: Object.fromEntries(MEASURE_COUNTERS.map((k) => [k, -before.counts[k]])) as MeasureVector });
  if (after) rows.push({ key: after.key, counts: { ...after.counts } });
  return rows;
}

/** Whether two deltas are the same (used to tell when the `lateAccept` fact matters and must be read). */
export function sameDelta(a: MeasureDeltaRow[], b: MeasureDeltaRow[]): boolean {
  return a.length === b.length && a.every((r, i) => sameKey(r.key, b[i]!.key) && MEASURE_COUNTERS.every((k) => r.counts[k] === b[i]!.counts[k]));
}

// ---- periods ---------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3600_000;

/** A part of a period: whole China days [from, to) as YYYY-MM-DD, whole months, or a raw instant range. */
export type PeriodPart =
  | { kind: 'days'; from: string; to: string }
  | { kind: 'months'; from: string; to: string }
  | { kind: 'instants'; from: Date; to: Date };

const dayOfMs = (ms: number) => new Date(ms + CST_MS).toISOString().slice(0, 10);
const msOfDay = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const nextMonth = (day: string) => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Splits [from, to) into what the roll-ups can answer: leading and trailing pieces of a China
 * day (answered from the case rows), whole days, and the whole calendar months inside.
 * The parts are disjoint and cover the period exactly.
 */
export function splitPeriod(from: Date, to: Date): PeriodPart[] {
  const parts: PeriodPart[] = [];
  if (to.getTime() <= from.getTime()) return parts;
  const firstDayStart = Math.ceil((from.getTime() + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  const lastDayEnd = Math.floor((to.getTime() + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  if (firstDayStart >= lastDayEnd) return [{ kind: 'instants', from, to }];
  if (from.getTime() < firstDayStart) parts.push({ kind: 'instants', from, to: new Date(firstDayStart) });
  const d0 = dayOfMs(firstDayStart);
  const d1 = dayOfMs(lastDayEnd);
  // First month start on or after d0; last month start on or before d1.
  const m0 = d0.endsWith('-01') ? d0 : nextMonth(d0);
  const m1 = `${d1.slice(0, 8)}01`;
  if (m0 < m1) {
    if (d0 < m0) parts.push({ kind: 'days', from: d0, to: m0 });
    parts.push({ kind: 'months', from: m0, to: m1 });
    if (m1 < d1) parts.push({ kind: 'days', from: m1, to: d1 });
  } else {
    parts.push({ kind: 'days', from: d0, to: d1 });
  }
  if (lastDayEnd < to.getTime()) parts.push({ kind: 'instants', from: new Date(lastDayEnd), to });
  return parts;
}

/** The instant a China date starts. */
export const startOfChinaDate = (day: string) => new Date(msOfDay(day));
