import { ancestryOf, childLevelOf, invalid, isAreaCode, notFound, type AreaLevel } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { areaAllowedActions, canViewArea } from '../policies/area.ts';
import { forbidden } from '@gongzhi/domain';
import * as repo from '../repositories/areas.ts';
import { listHouseholds } from '../repositories/people.ts';
import { scopeOf } from '../repositories/scope.ts';
import { audit } from './audit.ts';
import { forgetAreaNames, placeNames } from './area-names.ts';
import type { AppContext } from './context.ts';

export interface AreaDto {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  childCount: number;
  geometry?: unknown;
  gridType?: string | null;
  counts: repo.AreaCounts;
  allowedActions: string[];
}

function requireCode(code: string): void {
  if (!isAreaCode(code)) throw invalid('invalid_area_code', `区划代码格式不正确：${code.slice(0, 30)}（应为 6、9、12、15、18 或 20 位数字）`, { field: 'code' });
}

const childCountOf = (level: AreaLevel, c: repo.AreaCounts): number => {
  switch (childLevelOf(level)) {
    case 'town':
      return c.towns;
    case 'village':
      return c.villages;
    case 'grid':
      return c.grids;
    case 'building':
      return c.buildings;
    case 'unit':
      return c.units;
    default:
      return 0;
  }
};

function toDto(actor: Actor, row: repo.AreaRow, counts: repo.AreaCounts, withGeometry: boolean): AreaDto {
  const level = row.level as AreaLevel;
  const dto: AreaDto = {
    code: row.code,
    name: row.name,
    level,
    parentCode: row.parentCode,
    childCount: childCountOf(level, counts),
    counts,
    allowedActions: areaAllowedActions(actor, row.code),
  };
  if (row.gridType) dto.gridType = row.gridType;
  if (withGeometry && row.geometry) dto.geometry = row.geometry;
  return dto;
}

export async function getArea(ctx: AppContext, actor: Actor, code: string) {
  requireCode(code);
  const row = await repo.findArea(ctx.db, scopeOf(actor), code);
  if (!row) throw notFound('区域');
  const counts = (await repo.countsBelow(ctx.db, code, 'self', [code])).get(code)!;
  // Breadcrumb: `path` holds the ancestors the caller may open; `fullPath` names every ancestor
  // (names of the areas above are not scoped data, and tell a grid worker where the grid lies).
  const chain = ancestryOf(code);
  const names = await repo.namesOf(ctx.db, chain);
  const fullPath = chain.map((c) => ({ code: c, name: names.get(c)?.name ?? c, level: names.get(c)?.level ?? '', inScope: canViewArea(actor, c) }));
  const path = fullPath.filter((p) => p.inScope).map(({ inScope: _in, ...p }) => p);
  return { ...toDto(actor, row, counts, true), path, fullPath };
}

export async function getChildren(ctx: AppContext, actor: Actor, code: string) {
  requireCode(code);
  const scope = scopeOf(actor);
  const parent = await repo.findArea(ctx.db, scope, code);
  if (!parent) throw notFound('区域');
  const rows = await repo.listChildren(ctx.db, scope, code);
  const level = childLevelOf(parent.level as AreaLevel);
  const counts = level ? await repo.countsBelow(ctx.db, code, level, rows.map((r) => r.code)) : new Map();
  // Children are listed without geometry; the map endpoint serves shapes.
  return { items: rows.map((r) => toDto(actor, r, counts.get(r.code)!, false)) };
}

/** GeoJSON of the grids under an area, for the offline map. */
export async function getGridMap(ctx: AppContext, actor: Actor, code: string) {
  requireCode(code);
  const scope = scopeOf(actor);
  const parent = await repo.findArea(ctx.db, scope, code);
  if (!parent) throw notFound('区域');
  const grids = await repo.gridsUnder(ctx.db, scope, code);
  const counts = parent.level === 'village' || parent.level === 'grid'
    ? await repo.countsBelow(ctx.db, parent.level === 'grid' ? parent.parentCode! : code, 'grid', grids.map((g) => g.code))
    : new Map<string, repo.AreaCounts>();
  return {
    type: 'FeatureCollection' as const,
    features: grids
      .filter((g) => g.geometry)
      .map((g) => ({
        type: 'Feature' as const,
        id: g.code,
        properties: {
          code: g.code,
          name: g.name,
          gridType: g.gridType,
          plannedHouseholds: g.plannedHouseholds,
          households: counts.get(g.code)?.households ?? null,
          people: counts.get(g.code)?.people ?? null,
        },
        geometry: g.geometry,
      })),
  };
}

export async function getHouseholds(ctx: AppContext, actor: Actor, code: string, page: number, pageSize: number) {
  requireCode(code);
  const scope = scopeOf(actor);
  if (!(await repo.findArea(ctx.db, scope, code))) throw notFound('区域');
  if (!areaAllowedActions(actor, code).includes('viewPeople')) throw forbidden('您的角色不能查看住户信息');
  const res = await listHouseholds(ctx.db, scope, code, page, pageSize);
  const places = await placeNames(ctx.db, res.items.map((h) => h.areaCode));
  return {
    total: res.total,
    items: res.items.map((h) => ({
      id: h.id,
      areaCode: h.areaCode,
      address: h.address,
      doorplate: h.doorplate,
      // 状元街居委会 第一网格 3幢2单元101室: a doorplate alone repeats across buildings.
      place: `${places.get(h.areaCode) ?? ''}${h.doorplate ?? ''}`,
      riskColour: h.riskColour,
      members: h.members,
      head: h.head,
    })),
  };
}

export async function searchAreas(ctx: AppContext, actor: Actor, q: string) {
  const rows = await repo.searchAreas(ctx.db, scopeOf(actor), q);
  const parents = await repo.namesOf(ctx.db, [...new Set(rows.map((r) => r.parentCode).filter((c): c is string => !!c))]);
  return {
    items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, parentName: r.parentCode ? (parents.get(r.parentCode)?.name ?? null) : null })),
  };
}

export async function renameArea(ctx: AppContext, actor: Actor, code: string, name: string, req: RequestContext) {
  requireCode(code);
  if (!areaAllowedActions(actor, code).includes('edit')) {
    if (!canViewArea(actor, code)) throw notFound('区域');
    throw forbidden('只有系统管理员可以修改区域名称');
  }
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findArea(tx, scopeOf(actor), code);
    if (!before) throw notFound('区域');
    const row = await repo.renameArea(tx, scopeOf(actor), code, name);
    forgetAreaNames();
    await audit(tx, { actor }, req, { action: 'area.rename', entityType: 'area', entityId: code, areaCode: code, detail: { from: before.name, to: name } });
    return row!;
  });
}
