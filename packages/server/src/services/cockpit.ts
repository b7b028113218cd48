// The cockpit (驾驶舱) and the big screen: key measures against the previous period, the map of
// child areas, overdue cases, repeat-report hot spots, staffing, the vitality index and the
// communities to rectify. Definitions in docs/COCKPIT.md; case measures in docs/MEASURES.md.
import {
  ancestryOf,
  cockpitChildLevelOf,
  closedOnTime,
  comparisonPeriod,
  CODE_LENGTH,
  forbidden,
  invalid,
  isAreaCode,
  isWithinScope,
  levelOfCode,
  measuresOf,
  notFound,
  participationShares,
  quarterOf,
  quarterRange,
  RECTIFICATION_THRESHOLD,
  STAFFING_BENCHMARK,
  staffPer10k,
  VITALITY_TARGETS,
  VITALITY_WEIGHTS,
  vitalityOf,
  type AreaLevel,
} from '@gongzhi/domain';
import type { Actor } from '../policies/actor.ts';
import { cockpitViewOf, type CockpitView } from '../policies/cockpit.ts';
import { findArea, listChildren } from '../repositories/areas.ts';
import * as repo from '../repositories/cockpit.ts';
import { scopeOf } from '../repositories/scope.ts';
import { caseMeasures, measureCounts } from '../repositories/stats.ts';
import { listUnits } from '../repositories/users.ts';
import { assessmentsByUnit } from '../repositories/case-assessments.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { catalogueCache } from './cases.ts';
import type { AppContext } from './context.ts';

export interface CockpitQuery {
  area?: string;
  from?: string;
  to?: string;
}

const DAY_MS = 86400_000;
const CHINA_MS = 8 * 3600_000;
const chinaToday = () => new Date(Date.now() + CHINA_MS).toISOString().slice(0, 10);
const dayString = (d: Date) => new Date(d.getTime() + CHINA_MS).toISOString().slice(0, 10);

function chinaDay(value: string, field: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : null;
  if (!d || Number.isNaN(d.getTime()) || dayString(d) !== value) {
    throw invalid('invalid_date', `${field} 日期格式应为 YYYY-MM-DD`, { field });
  }
  return d;
}

interface Resolved {
  actor: Actor;
  view: CockpitView;
  area: string;
  level: AreaLevel;
  filter: repo.CockpitFilter;
}

/** Who may look, at which area: outside the caller's scope (or an unknown area) is 404. */
async function resolve(ctx: AppContext, actor: Actor, areaParam: string | undefined): Promise<Resolved> {
  const view = cockpitViewOf(actor);
  if (!view) throw forbidden('您的角色不能查看驾驶舱');
  const area = areaParam ?? actor.scopeCode;
  if (!isAreaCode(area)) throw invalid('invalid_area_code', '区划代码格式不正确', { field: 'area' });
  if (!isWithinScope(area, actor.scopeCode)) throw notFound('区域');
  const row = await findArea(ctx.db, scopeOf(actor), area);
  if (!row) throw notFound('区域');
  if (!['district', 'town', 'village', 'grid'].includes(row.level)) throw invalid('invalid_area_level', '驾驶舱按区、镇（街道）、村（社区）、网格查看', { field: 'area' });
  return { actor, view, area, level: row.level as AreaLevel, filter: { scope: scopeOf(actor), area, unitId: view.kind === 'unit' ? view.unitId : null } };
}

/** The period [from, to) (China dates, `to` inclusive in the query; default this month) and the one before it of equal length. */
function period(q: CockpitQuery) {
  const today = chinaToday();
  const fromDay = q.from ?? `${today.slice(0, 8)}01`;
  const toDay = q.to ?? today;
  const from = chinaDay(fromDay, 'from');
  const to = new Date(chinaDay(toDay, 'to').getTime() + DAY_MS);
  if (to <= from) throw invalid('invalid_period', '结束日期不能早于开始日期', { field: 'to' });
  if (to.getTime() - from.getTime() > 3700 * DAY_MS) throw invalid('invalid_period', '统计区间不能超过 10 年', { field: 'from' });
  // The same rule the console uses to name the comparison before the figures arrive.
  const cmp = comparisonPeriod(fromDay, toDay);
  return { from, to, prevFrom: chinaDay(cmp.previous.from, 'from'), prevTo: from, days: cmp.days };
}


/** The measures of the area (or, for a department, of the cases its unit leads there). */
async function measuresFor(ctx: AppContext, r: Resolved, from: Date, to: Date) {
  const now = new Date();
  if (r.view.kind === 'unit') {
    const rows = await caseMeasures(ctx.db, r.filter.scope, r.area, from, to, now, 'unit');
    const unitId = r.view.unitId;
    return measuresOf(measureCounts(rows.find((x) => x.key === unitId)));
  }
  const rows = await caseMeasures(ctx.db, r.filter.scope, r.area, from, to, now);
  return measuresOf(measureCounts(rows[0]));
}

const childLengthOf = (level: AreaLevel) => {
  const child = cockpitChildLevelOf(level);
  return child ? CODE_LENGTH[child] : null;
};

/** GET /api/cockpit/summary: where we are, the period, the key measures now and in the previous period. */
export async function summary(ctx: AppContext, actor: Actor, q: CockpitQuery) {
  const r = await resolve(ctx, actor, q.area);
  const p = period(q);
  const [current, previous, assessment] = await Promise.all([
    measuresFor(ctx, r, p.from, p.to),
    measuresFor(ctx, r, p.prevFrom, p.prevTo),
    // A department's own figure of the centres' assessment (双重评价) over the period.
    r.view.kind === 'unit' ? assessmentsByUnit(ctx.db, r.filter.scope, r.area, p.from, p.to, r.view.unitId).then((a) => ({ assessed: a[0]?.assessed ?? 0, score: a[0]?.score ?? null })) : null,
  ]);
  const chain = ancestryOf(r.area).filter((c) => isWithinScope(c, actor.scopeCode));
  const names = await areaNames(ctx.db, chain);
  const unit = r.view.kind === 'unit' ? (await listUnits(ctx.db, undefined)).find((u) => u.id === (r.view as { unitId: string }).unitId) : undefined;
  return {
    area: { code: r.area, name: names.get(r.area)?.name ?? r.area, level: r.level, childLevel: cockpitChildLevelOf(r.level) },
    path: chain.map((c) => ({ code: c, name: names.get(c)?.name ?? c, level: levelOfCode(c)! })),
    view: r.view.kind,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    period: { from: dayString(p.from), to: dayString(new Date(p.to.getTime() - DAY_MS)), days: p.days },
    previousPeriod: { from: dayString(p.prevFrom), to: dayString(new Date(p.prevTo.getTime() - DAY_MS)) },
    measures: current,
    previous,
    /** Departments only: cases of the period the centres assessed, and the average score (docs/CASES.md). */
    assessment,
    rectificationThreshold: RECTIFICATION_THRESHOLD,
  };
}

/** GET /api/cockpit/map: the child areas' polygons (or the grid itself) with case counts. */
export async function map(ctx: AppContext, actor: Actor, q: CockpitQuery) {
  const r = await resolve(ctx, actor, q.area);
  const p = period(q);
  const childLength = childLengthOf(r.level);
  const shapes = childLength
    ? (await listChildren(ctx.db, r.filter.scope, r.area)).filter((a) => a.geometry)
    : [await findArea(ctx.db, r.filter.scope, r.area)].filter((a): a is NonNullable<typeof a> => !!a?.geometry);
  const len = childLength ?? r.area.length;
  const [byChild, residents] = await Promise.all([repo.caseCountsByChild(ctx.db, r.filter, len, p.from, p.to), repo.residentsByChild(ctx.db, r.filter.scope, r.area, len)]);
  const figures = new Map(byChild.map((x) => [x.key, x]));
  return {
    type: 'FeatureCollection' as const,
    features: shapes.map((a) => {
      const f = figures.get(a.code);
      const people = residents.get(a.code) ?? 0;
      const received = f?.received ?? 0;
      return {
        type: 'Feature' as const,
        id: a.code,
        properties: {
          code: a.code,
          name: a.name,
          level: a.level as AreaLevel,
          received,
          closed: f?.closed ?? 0,
          open: f?.open ?? 0,
          overdue: f?.overdue ?? 0,
          residents: people,
          /** Cases received per 10,000 registered residents (null without registry data). */
          per10k: people > 0 ? Math.round((received / people) * 100_000) / 10 : null,
          drillable: childLength !== null,
        },
        geometry: a.geometry as object,
      };
    }),
  };
}

/** GET /api/cockpit/overdue: open cases past their step deadline, longest overdue first. */
export async function overdue(ctx: AppContext, actor: Actor, q: { area?: string; page: number; pageSize: number }) {
  const r = await resolve(ctx, actor, q.area);
  const { rows, total } = await repo.overdueCases(ctx.db, r.filter, q.pageSize, (q.page - 1) * q.pageSize);
  const [names, catalogue, units] = await Promise.all([
    areaNames(ctx.db, rows.flatMap((c) => [c.area_code, c.area_code.slice(0, 12)])),
    catalogueCache(ctx.db),
    listUnits(ctx.db, undefined),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const now = Date.now();
  return {
    total,
    items: rows.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      state: c.state,
      areaCode: c.area_code,
      areaName: placeName(names, c.area_code),
      categoryCode: c.category_code,
      categoryName: catalogue.names.get(c.category_code) ?? c.category_code,
      handlerUnit: c.handler_unit_id ? { id: c.handler_unit_id, name: unitNames.get(c.handler_unit_id) ?? '' } : null,
      ownerLevel: c.owner_level,
      createdAt: toIsoCst(c.created_at),
      stepDueAt: toIsoCst(c.step_due_at),
      overdueHours: Math.round(((now - c.step_due_at.getTime()) / 3600_000) * 10) / 10,
    })),
  };
}

/** "状元街居委会 第一网格": the village and the place below it, as a dispatcher names a place. */
function placeName(names: Map<string, { name: string }>, code: string): string {
  const own = names.get(code)?.name ?? code;
  if (code.length <= 12) return own;
  const village = names.get(code.slice(0, 12))?.name;
  return village ? `${village} ${own}` : own;
}

/** GET /api/cockpit/hotspots: places and types with the most repeat reports in the period. */
export async function hotspots(ctx: AppContext, actor: Actor, q: CockpitQuery) {
  const r = await resolve(ctx, actor, q.area);
  const p = period(q);
  const [repeats, places] = await Promise.all([repo.repeatHotspots(ctx.db, r.filter, p.from, p.to, 10), repo.busiestPlaces(ctx.db, r.filter, p.from, p.to, 10)]);
  const codes = [...repeats.map((h) => h.area_code), ...places.map((h) => h.area_code)];
  const [names, catalogue] = await Promise.all([areaNames(ctx.db, codes.flatMap((c) => [c, c.slice(0, 12)])), catalogueCache(ctx.db)]);
  return {
    repeats: repeats.map((h) => ({
      areaCode: h.area_code,
      areaName: placeName(names, h.area_code),
      categoryCode: h.category_code,
      categoryName: catalogue.names.get(h.category_code) ?? h.category_code,
      reports: h.reports,
      merged: h.merged,
      open: h.open,
      lastAt: toIsoCst(h.last_at),
    })),
    places: places.map((h) => ({ areaCode: h.area_code, areaName: placeName(names, h.area_code), reports: h.reports, types: h.types })),
  };
}

/** GET /api/cockpit/staffing: community workers and grid workers per 10,000 residents, against ≥ 18. */
export async function staffing(ctx: AppContext, actor: Actor, q: { area?: string }) {
  const r = await resolve(ctx, actor, q.area);
  if (r.view.kind === 'unit') throw forbidden('部门账号不能查看社区力量配备');
  const childLength = childLengthOf(r.level);
  const children = childLength ? await listChildren(ctx.db, r.filter.scope, r.area) : [];
  const [own, ownStaff, perChild, staffPerChild] = await Promise.all([
    repo.residentsByChild(ctx.db, r.filter.scope, r.area, r.area.length),
    repo.staffByChild(ctx.db, r.filter.scope, r.area, r.area.length),
    childLength ? repo.residentsByChild(ctx.db, r.filter.scope, r.area, childLength) : Promise.resolve(new Map<string, number>()),
    childLength ? repo.staffByChild(ctx.db, r.filter.scope, r.area, childLength) : Promise.resolve([]),
  ]);
  const line = (residents: number, s: repo.StaffRow | undefined) => {
    const staff = (s?.community_workers ?? 0) + (s?.grid_workers ?? 0);
    const per10k = staffPer10k(staff, residents);
    return {
      communityWorkers: s?.community_workers ?? 0,
      gridWorkers: s?.grid_workers ?? 0,
      staff,
      residents,
      per10k,
      meetsBenchmark: per10k === null ? null : per10k >= STAFFING_BENCHMARK,
    };
  };
  const staffMap = new Map(staffPerChild.map((s) => [s.key, s]));
  return {
    benchmark: STAFFING_BENCHMARK,
    total: line(own.get(r.area) ?? 0, ownStaff[0]),
    items: children.map((c) => ({ code: c.code, name: c.name, level: c.level as AreaLevel, ...line(perChild.get(c.code) ?? 0, staffMap.get(c.code)) })),
  };
}

/** GET /api/cockpit/vitality: the regional vitality index of the area and of each child area. */
export async function vitality(ctx: AppContext, actor: Actor, q: CockpitQuery) {
  const r = await resolve(ctx, actor, q.area);
  if (r.view.kind === 'unit') throw forbidden('部门账号不能查看区域活力指数');
  const p = period(q);
  const childLength = childLengthOf(r.level);
  const now = new Date();
  const lengths = childLength ? [r.area.length, childLength] : [r.area.length];
  const [caseRows, residents, participation] = await Promise.all([
    Promise.all(lengths.map((len) => caseMeasures(ctx.db, r.filter.scope, r.area, p.from, p.to, now, 'child', len))),
    Promise.all(lengths.map((len) => repo.residentsByChild(ctx.db, r.filter.scope, r.area, len))),
    Promise.all(lengths.map((len) => repo.participationByChild(ctx.db, r.filter.scope, r.area, len, p.from, p.to))),
  ]);
  const children = childLength ? await listChildren(ctx.db, r.filter.scope, r.area) : [];
  const entry = (code: string, i: number) => {
    const m = measuresOf(measureCounts(caseRows[i]!.find((x) => x.key === code)));
    const part = participation[i]!.find((x) => x.key === code);
    const input = {
      closureRate: m.closureRate,
      dueToClose: m.dueToClose,
      satisfactionRate: m.satisfactionRate,
      rated: m.rated,
      residents: residents[i]!.get(code) ?? 0,
      wishesFulfilled: part?.wishes_fulfilled ?? 0,
      awards: part?.awards ?? 0,
      partyRegistered: part?.party_registered ?? 0,
      partyAttendances: part?.party_attendances ?? 0,
      partyAttendees: part?.party_attendees ?? 0,
      days: p.days,
    };
    return { ...vitalityOf(input), inputs: input };
  };
  return {
    weights: VITALITY_WEIGHTS,
    targets: VITALITY_TARGETS,
    total: entry(r.area, 0),
    items: children.map((c) => ({ code: c.code, name: c.name, level: c.level as AreaLevel, ...entry(c.code, 1) })),
  };
}

/** GET /api/cockpit/rectification: villages (communities) of the area whose satisfaction is below 60 %. */
export async function rectification(ctx: AppContext, actor: Actor, q: CockpitQuery) {
  const r = await resolve(ctx, actor, q.area);
  if (r.view.kind === 'unit') throw forbidden('部门账号不能查看整改名单');
  const p = period(q);
  const len = CODE_LENGTH.village;
  if (r.area.length > len) return { threshold: RECTIFICATION_THRESHOLD, items: [] };
  const rows = await caseMeasures(ctx.db, r.filter.scope, r.area, p.from, p.to, new Date(), 'child', len);
  const flagged = rows
    .filter((x) => x.key && x.key.length === len)
    .map((x) => ({ code: x.key!, m: measuresOf(measureCounts(x)) }))
    .filter((x) => x.m.rated > 0 && x.m.satisfactionRate < RECTIFICATION_THRESHOLD)
    .sort((a, b) => a.m.satisfactionRate - b.m.satisfactionRate || a.code.localeCompare(b.code));
  const names = await areaNames(ctx.db, flagged.flatMap((x) => [x.code, x.code.slice(0, 9)]));
  return {
    threshold: RECTIFICATION_THRESHOLD,
    items: flagged.map((x) => ({
      code: x.code,
      name: names.get(x.code)?.name ?? x.code,
      townName: names.get(x.code.slice(0, 9))?.name ?? '',
      rated: x.m.rated,
      satisfied: x.m.satisfied,
      basicallySatisfied: x.m.basicallySatisfied,
      satisfactionRate: x.m.satisfactionRate,
      received: x.m.received,
    })),
  };
}

/** The China months (YYYY-MM) that [from, to) touches, in order. */
function monthsOf(from: Date, to: Date): string[] {
  const out: string[] = [];
  const last = dayString(new Date(to.getTime() - DAY_MS)).slice(0, 7);
  let [y, m] = dayString(from).slice(0, 7).split('-').map(Number) as [number, number];
  for (let i = 0; i < 130; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * GET /api/cockpit/participation (参与共治): needs of the period and the share met, projects closed out
 * in the period and the share on time, residents who took part in the period and in the quarter the
 * period ends in, and the same by month. Definitions in docs/COCKPIT.md.
 */
export async function participation(ctx: AppContext, actor: Actor, q: CockpitQuery) {
  const r = await resolve(ctx, actor, q.area);
  if (r.view.kind === 'unit') throw forbidden('部门账号不能查看参与共治');
  const p = period(q);
  const quarter = quarterOf(new Date(p.to.getTime() - 1));
  const qr = quarterRange(quarter);
  const qTo = new Date(qr.to.getTime() + 1);
  const [needRows, closedRows, people, quarterPeople] = await Promise.all([
    repo.needsByMonth(ctx.db, r.filter.scope, r.area, p.from, p.to),
    repo.projectsClosedIn(ctx.db, r.filter.scope, r.area, p.from, p.to),
    repo.participantsByMonth(ctx.db, r.filter.scope, r.area, p.from, p.to),
    repo.participantsByMonth(ctx.db, r.filter.scope, r.area, qr.from, qTo),
  ]);
  const closed = closedRows.map((x) => ({ month: dayString(x.closed_at).slice(0, 7), onTime: closedOnTime(x.due_date, x.closed_at) }));
  const trend = monthsOf(p.from, p.to).map((month) => {
    const n = needRows.find((x) => x.month === month);
    const c = closed.filter((x) => x.month === month);
    return {
      month,
      needs: n?.needs ?? 0,
      needsMet: n?.met ?? 0,
      closed: c.length,
      closedOnTime: c.filter((x) => x.onTime).length,
      participants: people.find((x) => x.month === month)?.people ?? 0,
    };
  });
  const counts = {
    needs: needRows.reduce((a, x) => a + x.needs, 0),
    needsMet: needRows.reduce((a, x) => a + x.met, 0),
    closed: closed.length,
    closedOnTime: closed.filter((x) => x.onTime).length,
  };
  return {
    area: r.area,
    period: { from: dayString(p.from), to: dayString(new Date(p.to.getTime() - DAY_MS)) },
    ...counts,
    ...participationShares(counts),
    participants: people.find((x) => x.month === null)?.people ?? 0,
    quarter: {
      quarter,
      from: dayString(qr.from),
      to: dayString(qr.to),
      participants: quarterPeople.find((x) => x.month === null)?.people ?? 0,
    },
    trend,
  };
}
