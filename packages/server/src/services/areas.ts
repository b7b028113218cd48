import {
  ancestryOf,
  childLevelOf,
  conflict,
  forbidden,
  invalid,
  isAreaCode,
  nextChildCode,
  notFound,
  outlineToWgs84,
  parseOutline,
  sameGeometry,
  type AreaLevel,
  type Crs,
  type RiskColour,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { areaAllowedActions, canAddChildArea, canEditTerritory, canViewArea } from '../policies/area.ts';
import { gridOutlinesChanged } from './grid-index.ts';
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
  /** When the area was split or merged away (ISO time), and the areas that took it over. */
  retiredAt?: string;
  successorCodes?: string[];
}

function requireCode(code: string, field = 'code'): void {
  if (!isAreaCode(code)) throw invalid('invalid_area_code', `区划代码格式不正确：${code.slice(0, 30)}（应为 6、9、12、15、18 或 20 位数字）`, { field });
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
  if (row.retiredAt) Object.assign(dto, { retiredAt: row.retiredAt.toISOString(), successorCodes: row.successorCodes ?? [], allowedActions: dto.allowedActions.filter((a) => a === 'view' || a === 'viewPeople') });
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

/** GeoJSON of an area's own outline and its children's (grids of a village, buildings of a grid), for the map editor. */
export async function getOutlines(ctx: AppContext, actor: Actor, code: string) {
  requireCode(code);
  const scope = scopeOf(actor);
  const self = await repo.findArea(ctx.db, scope, code);
  if (!self) throw notFound('区域');
  const rows = await repo.listChildren(ctx.db, scope, code);
  const feature = (r: repo.AreaRow, role: 'self' | 'child') => ({
    type: 'Feature' as const,
    id: r.code,
    properties: { code: r.code, name: r.name, level: r.level, role, allowedActions: areaAllowedActions(actor, r.code) },
    geometry: r.geometry ?? null,
  });
  return { type: 'FeatureCollection' as const, features: [feature(self, 'self'), ...rows.map((r) => feature(r, 'child'))] };
}

export async function getHouseholds(ctx: AppContext, actor: Actor, code: string, page: number, pageSize: number, riskColour?: string) {
  requireCode(code);
  const scope = scopeOf(actor);
  if (!(await repo.findArea(ctx.db, scope, code))) throw notFound('区域');
  if (!areaAllowedActions(actor, code).includes('viewPeople')) throw forbidden('您的角色不能查看住户信息');
  const res = await listHouseholds(ctx.db, scope, code, page, pageSize, riskColour);
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
      riskColour: h.riskColour as RiskColour | null,
      members: h.members,
      head: h.head,
    })),
  };
}

export async function searchAreas(ctx: AppContext, actor: Actor, q: string) {
  const rows = await repo.searchAreas(ctx.db, scopeOf(actor), q);
  const parents = await repo.namesOf(ctx.db, [...new Set(rows.map((r) => r.parentCode).filter((c): c is string => !!c))]);
  return {
    items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level as AreaLevel, parentCode: r.parentCode, parentName: r.parentCode ? (parents.get(r.parentCode)?.name ?? null) : null })),
  };
}

export interface AreaInput {
  name?: string;
  /** GeoJSON Polygon or MultiPolygon (a Point for buildings and units); null clears the outline. */
  geometry?: unknown;
  crs?: Crs;
}

/** The outline in WGS84, checked; buildings and units may be placed by a point. */
function outlineFor(level: AreaLevel, geometry: unknown, crs: Crs | undefined) {
  const parsed = parseOutline(geometry, level === 'building' || level === 'unit');
  return outlineToWgs84(parsed, crs ?? 'wgs84');
}

/** A retired area (split or merged away) is kept as history and no longer changed. */
export function areaRetired(row: repo.AreaRow) {
  return conflict('area_retired', `“${row.name}”已拆分或合并，不再使用${row.successorCodes?.length ? `，请改在其后继区域（${row.successorCodes.join('、')}）办理` : ''}`);
}

export function nameClash(name: string): never {
  throw conflict('area_name_taken', `同一上级区域下已有名为“${name}”的区域，请换一个名称（name）`);
}

/** `POST /api/areas`: a child at the level below the parent, numbered after the parent's last child. */
export async function createArea(ctx: AppContext, actor: Actor, input: AreaInput & { parentCode: string; name: string }, req: RequestContext) {
  requireCode(input.parentCode, 'parentCode');
  const scope = scopeOf(actor);
  const parent = await repo.findArea(ctx.db, scope, input.parentCode);
  if (!parent) throw notFound('上级区域');
  const level = childLevelOf(parent.level as AreaLevel);
  if (!level) throw invalid('area_no_children', '单元下不能再新增区域，请选择楼栋或更上级的区域（parentCode）', { field: 'parentCode' });
  if (parent.retiredAt) throw areaRetired(parent);
  if (!canAddChildArea(actor, parent.code)) throw forbidden('您的角色不能在此区域下新增区域');
  const geometry = input.geometry === undefined || input.geometry === null ? null : outlineFor(level, input.geometry, input.crs);
  const row = await ctx.db.transaction(async (tx) => {
    // The parent's row lock serialises concurrent creations under it, so two never take the same number.
    await repo.lockArea(tx, parent.code);
    const siblings = await repo.childCodes(tx, parent.code);
    if (siblings.some((c) => c.name === input.name && !c.retired)) nameClash(input.name);
    const code = nextChildCode(parent.code, siblings.map((c) => c.code));
    if (!code) throw conflict('area_codes_exhausted', '该区域下的编号已用完，无法再新增下级区域');
    const created = await repo.insertArea(tx, {
      code,
      name: input.name,
      level,
      parentCode: parent.code,
      sort: Number(code.slice(parent.code.length)),
      geometry,
    });
    if (level === 'grid' && geometry) await gridOutlinesChanged(tx);
    await audit(tx, { actor }, req, {
      action: 'area.create',
      entityType: 'area',
      entityId: code,
      areaCode: code,
      detail: { name: input.name, parentCode: parent.code, ...(geometry ? { outline: geometry.type === 'Point' ? 'point' : 'drawn' } : {}), ...(input.crs && input.crs !== 'wgs84' ? { crs: input.crs } : {}) },
    });
    return created;
  });
  forgetAreaNames();
  return row;
}

/** `PATCH /api/areas/{code}`: rename and/or redraw. Saving what is already stored changes nothing. */
export async function updateArea(ctx: AppContext, actor: Actor, code: string, input: AreaInput, req: RequestContext) {
  requireCode(code);
  const scope = scopeOf(actor);
  const before = await repo.findArea(ctx.db, scope, code);
  if (!before) throw notFound('区域');
  if (!canEditTerritory(actor, code)) throw forbidden('您的角色不能修改此区域');
  if (before.retiredAt) throw areaRetired(before);
  const level = before.level as AreaLevel;
  const set: { name?: string; geometry?: unknown } = {};
  if (input.name !== undefined && input.name !== before.name) set.name = input.name;
  if (input.geometry !== undefined) {
    const geometry = input.geometry === null ? null : outlineFor(level, input.geometry, input.crs);
    if (!sameGeometry(geometry, before.geometry)) set.geometry = geometry;
  }
  if (Object.keys(set).length === 0) return before;
  const row = await ctx.db.transaction(async (tx) => {
    if (set.name !== undefined && before.parentCode) {
      const siblings = await repo.childCodes(tx, before.parentCode);
      if (siblings.some((c) => c.name === set.name && c.code !== code && !c.retired)) nameClash(set.name);
    }
    const updated = await repo.updateArea(tx, code, set);
    if (level === 'grid' && 'geometry' in set) await gridOutlinesChanged(tx);
    const detail: Record<string, unknown> = {};
    if (set.name !== undefined) Object.assign(detail, { from: before.name, to: set.name });
    if ('geometry' in set) detail.outline = set.geometry === null ? 'cleared' : before.geometry ? 'redrawn' : 'drawn';
    if ('geometry' in set && input.crs && input.crs !== 'wgs84') detail.crs = input.crs;
    await audit(tx, { actor }, req, {
      action: set.name !== undefined && !('geometry' in set) ? 'area.rename' : 'area.update',
      entityType: 'area',
      entityId: code,
      areaCode: code,
      detail,
    });
    return updated!;
  });
  forgetAreaNames();
  return row;
}

export interface OutlineImportItem {
  /** 1-based position of the feature in the file. */
  feature: number;
  name: string | null;
  code: string | null;
  result: 'created' | 'updated' | 'unchanged' | 'refused';
  reason?: string;
}

const MAX_IMPORT_FEATURES = 2000;

function featureName(props: Record<string, unknown>): string | null {
  for (const k of ['name', '名称', 'NAME', 'Name', '网格名称', 'mc', 'MC']) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 60);
  }
  return null;
}

/**
 * Bulk import of the outlines of an area's children (grids of a village, buildings of a grid) from a GeoJSON
 * FeatureCollection (KML and Shapefile are turned into GeoJSON by the browser). A feature matches a child by
 * `properties.code`, else by its name; a match with the same name and outline is `unchanged`, so importing
 * the same file again changes nothing. `dryRun` reports without writing (the console's preview).
 */
export async function importOutlines(
  ctx: AppContext,
  actor: Actor,
  parentCode: string,
  input: { features: unknown[]; crs?: Crs; dryRun?: boolean },
  req: RequestContext,
) {
  requireCode(parentCode);
  const scope = scopeOf(actor);
  const parent = await repo.findArea(ctx.db, scope, parentCode);
  if (!parent) throw notFound('区域');
  const level = childLevelOf(parent.level as AreaLevel);
  if (!level || level === 'unit') throw invalid('area_no_outlines', '只能为村（社区）导入网格边界，或为网格导入楼栋边界', { field: 'code' });
  if (!canAddChildArea(actor, parent.code)) throw forbidden('您的角色不能导入此区域的边界');
  if (input.features.length > MAX_IMPORT_FEATURES) throw invalid('too_many_features', `一次至多导入 ${MAX_IMPORT_FEATURES} 个要素（features）`, { field: 'features' });
  const items: OutlineImportItem[] = [];
  const seen = new Set<string>();
  for (const [k, f] of input.features.entries()) {
    const feature = k + 1;
    const props = (f && typeof f === 'object' && (f as { properties?: unknown }).properties && typeof (f as { properties?: unknown }).properties === 'object'
      ? (f as { properties: Record<string, unknown> }).properties
      : {}) as Record<string, unknown>;
    const name = featureName(props);
    const givenCode = typeof props.code === 'string' ? props.code.trim() : typeof props.code === 'number' ? String(props.code) : null;
    const refuse = (reason: string) => items.push({ feature, name, code: givenCode, result: 'refused', reason });
    let geometry;
    try {
      geometry = outlineFor(level, (f as { geometry?: unknown } | null)?.geometry, input.crs);
    } catch (e) {
      refuse(e instanceof Error ? e.message : '边界无效');
      continue;
    }
    const children = (await repo.childCodes(ctx.db, parent.code)).filter((c) => !c.retired);
    let match = givenCode ? children.find((c) => c.code === givenCode) : name ? children.find((c) => c.name === name) : undefined;
    if (givenCode && !match) {
      if (!givenCode.startsWith(parent.code) || givenCode.length !== parent.code.length + 3) {
        refuse(`编码 ${givenCode.slice(0, 24)} 不是“${parent.name}”的下级区域`);
        continue;
      }
      match = name ? children.find((c) => c.name === name) : undefined;
    }
    if (!match && !name) {
      refuse('缺少名称（属性 name 或 名称）或编码（code）');
      continue;
    }
    const key = match?.code ?? `name:${name}`;
    if (seen.has(key)) {
      refuse('文件中重复出现的区域，已按第一次出现的导入');
      continue;
    }
    seen.add(key);
    try {
      if (match) {
        const row = await repo.findArea(ctx.db, scope, match.code);
        if (!row) throw notFound('区域');
        const rename = name && givenCode && name !== row.name ? name : undefined;
        if (!rename && sameGeometry(geometry, row.geometry)) {
          items.push({ feature, name: row.name, code: row.code, result: 'unchanged' });
          continue;
        }
        if (!canEditTerritory(actor, row.code)) throw forbidden('您的角色不能修改此区域');
        // Already in WGS84 here: no second conversion.
        if (!input.dryRun) await updateArea(ctx, actor, row.code, { geometry, ...(rename ? { name: rename } : {}) }, req);
        items.push({ feature, name: rename ?? row.name, code: row.code, result: 'updated' });
      } else {
        const created = input.dryRun ? null : await createArea(ctx, actor, { parentCode: parent.code, name: name!, geometry }, req);
        items.push({ feature, name, code: created?.code ?? null, result: 'created' });
      }
    } catch (e) {
      refuse(e instanceof Error ? e.message : '无法导入');
    }
  }
  const count = (r: OutlineImportItem['result']) => items.filter((i) => i.result === r).length;
  const report = { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), refused: items.filter((i) => i.result === 'refused'), items };
  if (!input.dryRun && (report.created || report.updated)) {
    await audit(ctx.db, { actor }, req, {
      action: 'area.import',
      entityType: 'area',
      entityId: parent.code,
      areaCode: parent.code,
      detail: { area: parent.code, created: report.created, updated: report.updated, unchanged: report.unchanged, refused: report.refused.length, ...(input.crs && input.crs !== 'wgs84' ? { crs: input.crs } : {}) },
    });
  }
  return report;
}

