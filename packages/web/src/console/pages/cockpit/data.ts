// Everything the cockpit and the big screen show, loaded together for one area and period.
import { useMemo } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { cockpitChildLevelOf, comparisonPeriod, levelOfCode, type AreaLevel } from '@gongzhi/domain';
import { get, prefetch, withQuery, type Query } from '../../../api/client.ts';
import type { Me } from '../../../api/types.ts';
import type { TFunction } from '../../../i18n/index.tsx';
import { COCKPIT_ABILITY } from './access.ts';
import type { RouteContext } from '../../../lib/preloadable.ts';
import { useApi, type ApiState } from '../../../lib/useApi.ts';
import type { Breakdown, CockpitMap, Hotspots, Overdue, Participation, Rectification, Staffing, Summary, Vitality } from './types.ts';

export type PeriodPreset = 'month' | 'lastMonth' | 'quarter' | 'year' | 'custom';

export interface Period {
  from: string;
  to: string;
}

/** The China date today (the browser may sit in another zone). */
export const chinaToday = (): Dayjs => dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

export function presetPeriod(p: Exclude<PeriodPreset, 'custom'>, today = chinaToday()): Period {
  const f = (d: Dayjs) => d.format('YYYY-MM-DD');
  if (p === 'lastMonth') {
    const m = today.startOf('month').subtract(1, 'month');
    return { from: f(m), to: f(m.endOf('month')) };
  }
  if (p === 'quarter') {
    const q = today.month() - (today.month() % 3);
    return { from: f(today.month(q).startOf('month')), to: f(today) };
  }
  if (p === 'year') return { from: f(today.startOf('year')), to: f(today) };
  return { from: f(today.startOf('month')), to: f(today) };
}

/** Which preset a period is, if any. */
export function presetOf(p: Period): PeriodPreset {
  for (const k of ['month', 'lastMonth', 'quarter', 'year'] as const) {
    const q = presetPeriod(k);
    if (q.from === p.from && q.to === p.to) return k;
  }
  return 'custom';
}

/** The level the cockpit drills down to from the area `code` (none for a grid). */
export function cockpitChildOf(code: string): AreaLevel | null {
  const level = levelOfCode(code);
  return level ? cockpitChildLevelOf(level) : null;
}

export interface CockpitData {
  /** The period the trend covers (at least 30 days). */
  trendPeriod: Period;
  summary: ApiState<Summary>;
  byChild: ApiState<Breakdown | null>;
  byCategory: ApiState<Breakdown | null>;
  byChannel: ApiState<Breakdown | null>;
  byUnit: ApiState<Breakdown | null>;
  trend: ApiState<Breakdown | null>;
  map: ApiState<CockpitMap>;
  overdue: ApiState<Overdue>;
  hotspots: ApiState<Hotspots>;
  staffing: ApiState<Staffing | null>;
  vitality: ApiState<Vitality | null>;
  rectification: ApiState<Rectification | null>;
  /** 参与共治: the cockpit's panel and the big screen show the same answer of `/api/cockpit/participation`. */
  participation: ApiState<Participation | null>;
}

/** A department's staff see only their unit's cases; the per-area panels are not for them. */
export const isUnitView = (me: Me): boolean => me.unit?.type === 'department';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period an address names (`?from=…&to=…`), this month without one. */
export function periodOf(search: URLSearchParams): Period {
  const from = search.get('from');
  const to = search.get('to');
  return from && to && DAY.test(from) && DAY.test(to) ? { from, to } : presetPeriod('month');
}

/**
 * The cockpit's line naming its period and the one it is compared with (the server compares with the same period,
 * comparisonPeriod). The page shows it, and the server draws it into the page's outline (mobile/firstFrame.tsx).
 */
export function periodLine(t: TFunction, period: Period): string {
  const compared = comparisonPeriod(period.from, period.to);
  return `${t('cockpit.period.range', { from: period.from, to: period.to, days: compared.days })} · ${t('cockpit.period.previous', compared.previous)}`;
}

/**
 * The period the trend covers: by day up to two months, by month beyond; a period shorter than two weeks shows the
 * 30 days up to its end, so the first days of a month still draw a line.
 */
export function trendOf(period: Period): { period: Period; by: 'day' | 'month' } {
  const days = dayjs(period.to).diff(dayjs(period.from), 'day') + 1;
  const from = days < 14 ? dayjs(period.to).subtract(29, 'day').format('YYYY-MM-DD') : period.from;
  return { period: { from, to: period.to }, by: days <= 62 ? 'day' : 'month' };
}

type Read = readonly [path: string, query: Query] | null;

/**
 * What the cockpit reads for the area `code` and the period (null: not for this view), one address each: the page
 * reads them (useCockpitData) and `prefetch` asks for the same ones before its first render.
 */
export function cockpitReads(code: string, period: Period, unitView: boolean) {
  const q = { area: code, from: period.from, to: period.to };
  const trend = trendOf(period);
  const breakdown = (by: string, p: Period = period): Read => ['/api/stats/cases/breakdown', { area: code, from: p.from, to: p.to, by }];
  const areaOnly = (r: Read): Read => (unitView ? null : r);
  return {
    summary: ['/api/cockpit/summary', q],
    // The sub-areas are known from the code: their figures load with the rest.
    byChild: unitView || cockpitChildOf(code) === null ? null : breakdown('child'),
    byCategory: areaOnly(breakdown('category')),
    byChannel: areaOnly(breakdown('channel')),
    byUnit: areaOnly(breakdown('unit')),
    trend: areaOnly(breakdown(trend.by, trend.period)),
    map: ['/api/cockpit/map', q],
    overdue: ['/api/cockpit/overdue', { area: code, pageSize: 50 }],
    hotspots: ['/api/cockpit/hotspots', q],
    staffing: areaOnly(['/api/cockpit/staffing', { area: code }]),
    vitality: areaOnly(['/api/cockpit/vitality', q]),
    rectification: areaOnly(['/api/cockpit/rectification', q]),
    participation: areaOnly(['/api/cockpit/participation', q]),
  } satisfies Record<string, Read>;
}

/** The cockpit page's `prefetch` (lib/preloadable.ts): its reads, for the area and period of the address. */
export function prefetchCockpit({ params, search, me }: RouteContext): void {
  if (!me.abilities.includes(COCKPIT_ABILITY)) return;
  for (const r of Object.values(cockpitReads(params.code ?? me.scope.code, periodOf(search), isUnitView(me)))) if (r) prefetch(r[0], r[1]);
}

/** One read of the cockpit, loaded again when its address or `tick` changes. */
function useRead<T>(r: Read, tick: number): ApiState<T> {
  const url = r && withQuery(r[0], r[1]);
  return useApi(r ? (signal) => get<T>(r[0], r[1], signal) : null, [url, tick]);
}

export function useCockpitData(code: string, period: Period, unitView: boolean, tick = 0): CockpitData {
  const reads = cockpitReads(code, period, unitView);
  const trendPeriod = useMemo(() => trendOf({ from: period.from, to: period.to }).period, [period.from, period.to]);
  return {
    trendPeriod,
    summary: useRead<Summary>(reads.summary, tick),
    byChild: useRead<Breakdown>(reads.byChild, tick),
    byCategory: useRead<Breakdown>(reads.byCategory, tick),
    byChannel: useRead<Breakdown>(reads.byChannel, tick),
    byUnit: useRead<Breakdown>(reads.byUnit, tick),
    trend: useRead<Breakdown>(reads.trend, tick),
    map: useRead<CockpitMap>(reads.map, tick),
    overdue: useRead<Overdue>(reads.overdue, tick),
    hotspots: useRead<Hotspots>(reads.hotspots, tick),
    staffing: useRead<Staffing>(reads.staffing, tick),
    vitality: useRead<Vitality>(reads.vitality, tick),
    rectification: useRead<Rectification>(reads.rectification, tick),
    participation: useRead<Participation>(reads.participation, tick),
  };
}

/** Fills the days (or months) of the period that had no cases, so a trend line has no gaps. */
export function fillSeries(rows: { key: string | null; received: number; closed: number }[], period: Period, by: 'day' | 'month') {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: { key: string; received: number; closed: number }[] = [];
  const unit = by === 'day' ? 'day' : 'month';
  const fmt = by === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM';
  let d = dayjs(period.from).startOf(unit);
  const end = dayjs(period.to);
  for (let i = 0; i < 400 && !d.isAfter(end); i++, d = d.add(1, unit)) {
    const k = d.format(fmt);
    const r = byKey.get(k);
    out.push({ key: k, received: r?.received ?? 0, closed: r?.closed ?? 0 });
  }
  return out;
}
