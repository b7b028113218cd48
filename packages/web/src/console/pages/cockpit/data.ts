// Everything the cockpit and the big screen show, loaded together for one area and period.
import { useMemo } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { get } from '../../../api/client.ts';
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

/** `unitView`: a department sees only its unit's cases; the per-area panels are not for it. */
export function useCockpitData(code: string | undefined, period: Period, unitView: boolean, tick = 0): CockpitData {
  const q = { area: code, from: period.from, to: period.to };
  const deps = [code, period.from, period.to, unitView, tick];
  // A trend by day up to two months, by month beyond; a period shorter than two weeks shows the
  // 30 days up to its end, so the first days of a month still draw a line.
  const days = dayjs(period.to).diff(dayjs(period.from), 'day') + 1;
  const trendBy = days <= 62 ? 'day' : 'month';
  const trendFrom = days < 14 ? dayjs(period.to).subtract(29, 'day').format('YYYY-MM-DD') : period.from;
  const trendPeriod = useMemo(() => ({ from: trendFrom, to: period.to }), [trendFrom, period.to]);
  const breakdown = (by: string) => (signal: AbortSignal) => get<Breakdown>('/api/stats/cases/breakdown', { ...q, by }, signal);
  const areaOnly = <T,>(f: (s: AbortSignal) => Promise<T>) => (unitView ? null : f);
  const summary = useApi((s) => get<Summary>('/api/cockpit/summary', q, s), deps);
  const leaf = summary.data ? summary.data.area.childLevel === null : true;
  const byChild = useApi(unitView || leaf ? null : breakdown('child'), [...deps, leaf]);
  const byCategory = useApi(areaOnly(breakdown('category')), deps);
  const byChannel = useApi(areaOnly(breakdown('channel')), deps);
  const byUnit = useApi(areaOnly(breakdown('unit')), deps);
  const trend = useApi(
    areaOnly((signal) => get<Breakdown>('/api/stats/cases/breakdown', { area: code, ...trendPeriod, by: trendBy }, signal)),
    [...deps, trendBy, trendPeriod.from],
  );
  const map = useApi((s) => get<CockpitMap>('/api/cockpit/map', q, s), deps);
  const overdue = useApi((s) => get<Overdue>('/api/cockpit/overdue', { area: code, pageSize: 50 }, s), deps);
  const hotspots = useApi((s) => get<Hotspots>('/api/cockpit/hotspots', q, s), deps);
  const staffing = useApi(areaOnly((s) => get<Staffing>('/api/cockpit/staffing', { area: code }, s)), deps);
  const vitality = useApi(areaOnly((s) => get<Vitality>('/api/cockpit/vitality', q, s)), deps);
  const rectification = useApi(areaOnly((s) => get<Rectification>('/api/cockpit/rectification', q, s)), deps);
  const participation = useApi(areaOnly((s) => get<Participation>('/api/cockpit/participation', q, s)), deps);
  return { trendPeriod, summary, byChild, byCategory, byChannel, byUnit, trend, map, overdue, hotspots, staffing, vitality, rectification, participation } as CockpitData;
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
