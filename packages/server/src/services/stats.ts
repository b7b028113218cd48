import { childLevelOf, CODE_LENGTH, forbidden, invalid, isAreaCode, isWithinScope, levelOfCode, measuresOf, notFound } from '@gongzhi/domain';
import type { Actor } from '../policies/actor.ts';
import { caseScopeOf } from '../policies/case.ts';
import { scopeOf } from '../repositories/scope.ts';
import { caseMeasures, measureCounts } from '../repositories/stats.ts';
import { assessmentsByUnit } from '../repositories/case-assessments.ts';
import { listUnits } from '../repositories/users.ts';
import { areaNames } from './area-names.ts';
import { catalogueCache, CHANNEL_LABELS } from './cases.ts';

export const BREAKDOWNS = ['child', 'unit', 'category', 'channel', 'day', 'month'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
import type { AppContext } from './context.ts';

export interface StatsQuery {
  area?: string;
  from?: string;
  to?: string;
}


function chinaDay(value: string, field: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : null;
  // A date that does not exist (2026-02-30) rolls over in Date: compare it back to the input.
  if (!d || Number.isNaN(d.getTime()) || new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) !== value) {
    throw invalid('invalid_date', `${field} 日期格式应为 YYYY-MM-DD`, { field });
  }
  return d;
}

/** Resolves the area and the period [from, to] (to inclusive, China dates); defaults: the caller's area, this month. */
function period(actor: Actor, q: StatsQuery) {
  if (caseScopeOf(actor).kind !== 'area') throw forbidden('您的角色不能查看统计数据');
  const area = q.area ?? actor.scopeCode;
  if (!isAreaCode(area)) throw invalid('invalid_area_code', '区划代码格式不正确', { field: 'area' });
  if (!isWithinScope(area, actor.scopeCode)) throw notFound('区域');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const from = chinaDay(q.from ?? `${today.slice(0, 8)}01`, 'from');
  const to = new Date(chinaDay(q.to ?? today, 'to').getTime() + 86400_000);
  if (to <= from) throw invalid('invalid_period', '结束日期不能早于开始日期', { field: 'to' });
  if (to.getTime() - from.getTime() > 3700 * 86400_000) throw invalid('invalid_period', '统计区间不能超过 10 年', { field: 'from' });
  return { area, from, to };
}

/** GET /api/stats/cases: the contract's measures for cases received in the period inside the area. */
export async function caseStats(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const { area, from, to } = period(actor, q);
  const rows = await caseMeasures(ctx.db, scopeOf(actor), area, from, to, new Date());
  return measuresOf(measureCounts(rows[0]));
}

/**
 * The same measures per sub-area, per handling unit, per case type, per channel, or per China
 * day or month of receipt (trend lines: oldest first; the others: most cases first).
 */
export async function caseStatsBreakdown(ctx: AppContext, actor: Actor, q: StatsQuery & { by: Breakdown }) {
  const { area, from, to } = period(actor, q);
  const level = levelOfCode(area)!;
  const child = childLevelOf(level);
  if (q.by === 'child' && !child) throw invalid('invalid_breakdown', '该层级没有下级区域', { field: 'by' });
  const rows = await caseMeasures(ctx.db, scopeOf(actor), area, from, to, new Date(), q.by, child ? CODE_LENGTH[child] : undefined);
  let names = new Map<string, string>();
  if (q.by === 'child') names = new Map([...(await areaNames(ctx.db, rows.map((r) => r.key ?? '').filter(Boolean)))].map(([k, v]) => [k, v.name]));
  if (q.by === 'unit') names = new Map((await listUnits(ctx.db, undefined)).map((u) => [u.id, u.name]));
  if (q.by === 'category') names = (await catalogueCache(ctx.db)).names;
  if (q.by === 'channel') names = new Map(Object.entries(CHANNEL_LABELS));
  // The department ranking carries the centres' assessment of each unit (双重评价): assessed cases and the average score.
  const assessed = q.by === 'unit' ? new Map((await assessmentsByUnit(ctx.db, scopeOf(actor), area, from, to)).map((a) => [a.key, a])) : null;
  const items = rows.map((r) => ({
    key: r.key,
    name: r.key ? (names.get(r.key) ?? r.key) : q.by === 'unit' ? '未派遣（属地自办）' : '',
    ...measuresOf(measureCounts(r)),
    ...(assessed ? { assessed: (r.key && assessed.get(r.key)?.assessed) || 0, assessmentScore: (r.key ? assessed.get(r.key)?.score : null) ?? null } : {}),
  }));
  const trend = q.by === 'day' || q.by === 'month';
  return {
    area,
    by: q.by,
    items: items.sort((a, b) => (trend ? (a.key ?? '').localeCompare(b.key ?? '') : b.received - a.received)),
  };
}
