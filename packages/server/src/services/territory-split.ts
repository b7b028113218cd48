// Splitting a grid into new grids and merging grids of one village into one (docs/TERRITORY.md, "Split and merge").
// The old grids are retired, never deleted or renumbered; their buildings are re-created under the new grids with
// new codes (the old building and unit codes are retired too, pointing to their successors), and households, people
// and open cases move with them. Every move writes an audit row. Closed cases stay where they were received, and the
// measures of moved open cases stay filed there (cases.measure_area_code), so statistics of past periods do not change.
import {
  conflict,
  forbidden,
  invalid,
  isAreaCode,
  mergeOutlines,
  nextChildCode,
  notFound,
  OPEN_STATES,
  outlineToWgs84,
  STAFF_POST_INFO,
  type StaffPost,
  parseOutline,
  planSplit,
  polygonsOf,
  type Crs,
  type Outline,
  type Position,
  type SplitItem,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canEditTerritory } from '../policies/area.ts';
import * as repo from '../repositories/areas.ts';
import { scopeOf } from '../repositories/scope.ts';
import { forgetAreaNames } from './area-names.ts';
import { areaRetired, nameClash } from './areas.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { gridOutlinesChanged } from './grid-index.ts';
import type { DbOrTx } from '../db/client.ts';

const MAX_PARTS = 20;

export interface PartReport {
  /** 0-based position of the part in the request (a merge has one part). */
  index: number;
  name: string;
  /** The new grid's code; null in a preview. */
  code: string | null;
  geometry: Outline | null;
  buildings: { code: string; name: string }[];
  households: number;
  people: number;
  cases: { id: string; code: string; title: string }[];
  /** Accounts, appointments and party organisations that answer for it afterwards. */
  holders: { kind: repo.GridHolder['kind']; id: string; name: string; post: string | null; choosable: boolean }[];
}

/** A choice of the part an account, appointment or party organisation of the grid itself goes to (a split). */
export interface HolderChoice {
  kind: repo.GridHolder['kind'];
  id: string;
  part: number;
}

export interface SplitReport {
  dryRun: boolean;
  /** The grids retired (the one split, or those merged). */
  retired: { code: string; name: string }[];
  parts: PartReport[];
  /** What no outline placed (no point, no outline, outside every part): it went (or goes) to the part `fallbackPart`. */
  unassigned: { kind: 'building' | 'household' | 'person' | 'case'; id: string; label: string }[];
  fallbackPart: number;
}

function requireGridCode(code: string, field: string) {
  if (!isAreaCode(code)) throw invalid('invalid_area_code', `区划代码格式不正确：${code.slice(0, 30)}`, { field });
}

async function editableGrid(ctx: AppContext, actor: Actor, code: string, field: string) {
  requireGridCode(code, field);
  const row = await repo.findArea(ctx.db, scopeOf(actor), code);
  if (!row) throw notFound('网格');
  if (row.level !== 'grid') throw invalid('not_a_grid', `“${row.name}”不是网格：只能拆分、合并网格`, { field });
  if (!canEditTerritory(actor, code)) throw forbidden('您的角色不能拆分或合并此网格');
  if (row.retiredAt) throw areaRetired(row);
  return row;
}

/** The building an area code lies in (the code itself for a building; null for the grid itself). */
const buildingOf = (gridCode: string, areaCode: string) => (areaCode.length > gridCode.length ? areaCode.slice(0, gridCode.length + 3) : null);

interface Placement {
  /** Old building code → part index. */
  buildings: Map<string, number>;
  /** Household id (at grid level) → part index. */
  households: Map<string, number>;
  /** Person id (at grid level) → part index. */
  people: Map<string, number>;
  /** Case id → part index, and whether it goes with its building (else placed in the new grid itself). */
  cases: Map<string, { part: number; withBuilding: boolean }>;
  /** `kind:id` of a holder at the grid itself → part index (those in a building follow it). */
  holders: Map<string, number>;
}

const holderKey = (h: { kind: string; id: string }) => `${h.kind}:${h.id}`;
const HOLDER_MOVE = { account: ['user.move', 'user'], post: ['staff.move', 'staff_appointment'], 'party-org': ['party.org.move', 'party_org'] } as const;

/**
 * Where the holders at the grid itself go in a split: as chosen, else a post with the account it gave, else the
 * fallback part. Holders in a building follow the building and need no choice.
 */
function placeHolders(grid: repo.AreaRow, holders: repo.GridHolder[], choices: HolderChoice[], parts: number, fallbackPart: number): Map<string, number> {
  const atGrid = holders.filter((h) => h.areaCode === grid.code);
  const known = new Set(atGrid.map(holderKey));
  const out = new Map<string, number>();
  for (const [k, c] of choices.entries()) {
    if (!known.has(holderKey(c))) throw invalid('split_holders', `第 ${k + 1} 项不是本网格的账号、任职或党组织（holders）`, { field: `holders.${k}.id` });
    if (c.part >= parts) throw invalid('split_holders', `第 ${k + 1} 项的新网格序号超出范围（holders）`, { field: `holders.${k}.part` });
    out.set(holderKey(c), c.part);
  }
  for (const h of atGrid) {
    if (out.has(holderKey(h))) continue;
    const account = h.kind === 'post' && h.userId ? out.get(holderKey({ kind: 'account', id: h.userId })) : undefined;
    out.set(holderKey(h), account ?? fallbackPart);
  }
  return out;
}

interface Source {
  grid: repo.AreaRow;
  contents: repo.GridContents;
}

function pointOf(geometry: unknown): Position | null {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  return g?.type === 'Point' && Array.isArray(g.coordinates) ? (g.coordinates as Position) : null;
}

function describe(sources: Source[], placement: Placement, parts: { name: string; geometry: Outline | null }[], unassigned: SplitReport['unassigned'], fallbackPart: number, dryRun: boolean): SplitReport {
  const reports: PartReport[] = parts.map((p, index) => ({ index, name: p.name, code: null, geometry: p.geometry, buildings: [], households: 0, people: 0, cases: [], holders: [] }));
  for (const { grid, contents } of sources) {
    const partOfArea = (areaCode: string, fallback: number | undefined) => {
      const b = buildingOf(grid.code, areaCode);
      return b ? (placement.buildings.get(b) ?? fallbackPart) : (fallback ?? fallbackPart);
    };
    for (const b of contents.buildings) reports[placement.buildings.get(b.code) ?? fallbackPart]!.buildings.push({ code: b.code, name: b.name });
    for (const h of contents.households) reports[partOfArea(h.areaCode, placement.households.get(h.id))]!.households += 1;
    for (const p of contents.people) reports[partOfArea(p.areaCode, placement.people.get(p.id))]!.people += 1;
    for (const c of contents.cases) reports[placement.cases.get(c.id)?.part ?? fallbackPart]!.cases.push({ id: c.id, code: c.code, title: c.title });
    // At the grid itself a holder may be placed in a split (a post with its account follows the account); in a building it follows it.
    const accountsAtGrid = new Set(contents.holders.filter((h) => h.kind === 'account' && h.areaCode === grid.code).map((h) => h.id));
    for (const h of contents.holders) {
      const choosable = h.areaCode === grid.code && !(h.kind === 'post' && h.userId && accountsAtGrid.has(h.userId));
      const post = h.post ? (STAFF_POST_INFO[h.post as StaffPost]?.zh ?? null) : null;
      reports[partOfArea(h.areaCode, placement.holders.get(holderKey(h)))]!.holders.push({ kind: h.kind, id: h.id, name: h.name, post, choosable });
    }
  }
  return { dryRun, retired: sources.map((s) => ({ code: s.grid.code, name: s.grid.name })), parts: reports, unassigned, fallbackPart };
}

/**
 * Writes the new grids, re-creates the buildings and units under them, moves households, people and open cases,
 * retires the old grids, buildings and units, and writes the audit rows. Returns the new grids' codes by part.
 */
async function apply(
  tx: DbOrTx,
  actor: Actor,
  req: RequestContext,
  village: string,
  sources: Source[],
  placement: Placement,
  parts: { name: string; geometry: Outline | null }[],
  fallbackPart: number,
  action: 'area.split' | 'area.merge',
): Promise<string[]> {
  await repo.lockArea(tx, village);
  for (const s of sources) {
    const fresh = await repo.lockArea(tx, s.grid.code);
    if (!fresh || fresh.retiredAt) throw conflict('area_retired', `“${s.grid.name}”刚刚已被拆分或合并，请刷新后重试`);
  }
  const siblings = await repo.childCodes(tx, village);
  const clash = parts.find((p) => siblings.some((c) => !c.retired && c.name === p.name && !sources.some((s) => s.grid.code === c.code)));
  if (clash) nameClash(clash.name);
  const taken = siblings.map((c) => c.code);
  const codes: string[] = [];
  const template = sources[0]!.grid;
  for (const p of parts) {
    const code = nextChildCode(village, taken);
    if (!code) throw conflict('area_codes_exhausted', '该村（社区）下的网格编号已用完，无法拆分或合并');
    taken.push(code);
    codes.push(code);
    await repo.insertArea(tx, {
      code,
      name: p.name,
      level: 'grid',
      parentCode: village,
      sort: Number(code.slice(village.length)),
      gridType: template.gridType,
      geometry: p.geometry,
    });
  }
  const buildingCodes = new Map<string, string[]>(codes.map((c) => [c, []]));
  const moved = { buildings: 0, households: 0, people: 0, cases: 0 };
  for (const { grid, contents } of sources) {
    // Buildings (and their units) get the next codes under their new grid; what lives in them follows by prefix.
    const newBuilding = new Map<string, string>();
    for (const b of contents.buildings) {
      const gridCode = codes[placement.buildings.get(b.code) ?? fallbackPart]!;
      const used = buildingCodes.get(gridCode)!;
      const nb = nextChildCode(gridCode, used)!;
      used.push(nb);
      newBuilding.set(b.code, nb);
      await repo.insertArea(tx, { code: nb, name: b.name, level: b.level, parentCode: gridCode, sort: Number(nb.slice(gridCode.length)), geometry: b.geometry });
      for (const u of contents.units.filter((x) => x.parentCode === b.code)) {
        const nu = nb + u.code.slice(b.code.length);
        await repo.insertArea(tx, { code: nu, name: u.name, level: u.level, parentCode: nb, sort: u.sort, geometry: u.geometry });
        await repo.retireArea(tx, u.code, [nu]);
      }
      await repo.retireArea(tx, b.code, [nb]);
      await repo.rewriteAreaPrefix(tx, b.code, nb);
      moved.buildings += 1;
      await audit(tx, { actor }, req, { action: 'area.move', entityType: 'area', entityId: nb, areaCode: nb, detail: { name: b.name, from: b.code, to: nb } });
    }
    const target = (areaCode: string, own: number | undefined) => {
      const b = buildingOf(grid.code, areaCode);
      if (b && newBuilding.has(b)) return newBuilding.get(b)! + areaCode.slice(b.length);
      return codes[own ?? fallbackPart]!;
    };
    for (const h of contents.households) {
      const to = target(h.areaCode, placement.households.get(h.id));
      if (!buildingOf(grid.code, h.areaCode) || !newBuilding.has(buildingOf(grid.code, h.areaCode)!)) await repo.moveHousehold(tx, h.id, h.areaCode, to);
      moved.households += 1;
      await audit(tx, { actor }, req, { action: 'household.move', entityType: 'household', entityId: h.id, areaCode: to, detail: { from: h.areaCode, to } });
    }
    const loosePeople = new Map<string, string[]>();
    for (const p of contents.people) {
      const b = buildingOf(grid.code, p.areaCode);
      if (b && newBuilding.has(b)) continue;
      const to = target(p.areaCode, placement.people.get(p.id));
      loosePeople.set(to, [...(loosePeople.get(to) ?? []), p.id]);
    }
    for (const [to, ids] of loosePeople) await repo.movePeople(tx, ids, to);
    moved.people += contents.people.length;
    for (const c of contents.cases) {
      const place = placement.cases.get(c.id) ?? { part: fallbackPart, withBuilding: false };
      const to = place.withBuilding ? target(c.areaCode, place.part) : codes[place.part]!;
      // A case owned by the grid's own command post follows it; owners above the grid stay.
      const owner = c.ownerAreaCode.startsWith(grid.code) ? codes[place.part]! : null;
      await repo.moveCase(tx, c.id, to, owner, c.measureAreaCode ?? c.areaCode);
      moved.cases += 1;
      await audit(tx, { actor }, req, { action: 'case.move', entityType: 'case', entityId: c.id, areaCode: to, detail: { code: c.code, from: c.areaCode, to } });
    }
    // Accounts, appointments and party organisations: with their building, else where the split placed them.
    for (const h of contents.holders) {
      const to = target(h.areaCode, placement.holders.get(holderKey(h)));
      await repo.moveHolder(tx, h, to);
      const [act, entityType] = HOLDER_MOVE[h.kind];
      await audit(tx, { actor }, req, { action: act, entityType, entityId: h.id, areaCode: to, detail: { name: h.name, from: h.areaCode, to } });
    }
    await repo.retireArea(tx, grid.code, action === 'area.split' ? codes : [codes[0]!]);
  }
  await gridOutlinesChanged(tx);
  for (const s of sources) {
    await audit(tx, { actor }, req, {
      action,
      entityType: 'area',
      entityId: s.grid.code,
      areaCode: s.grid.code,
      detail: { name: s.grid.name, successors: codes, ...moved },
    });
  }
  return codes;
}

function parsePartOutline(geometry: unknown, crs: Crs | undefined, k: number): Outline {
  try {
    return outlineToWgs84(parseOutline(geometry, false), crs ?? 'wgs84');
  } catch (e) {
    throw invalid('invalid_geometry', `第 ${k + 1} 个网格的${e instanceof Error ? e.message : '边界无效'}`, { field: `parts.${k}.geometry` });
  }
}

/** `POST /api/areas/{code}/actions/split`: the grid becomes two or more new grids, drawn by their outlines. */
export async function splitGrid(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: { parts: { name: string; geometry: unknown }[]; crs?: Crs; fallbackPart?: number; holders?: HolderChoice[]; dryRun?: boolean },
  req: RequestContext,
): Promise<SplitReport> {
  const grid = await editableGrid(ctx, actor, code, 'code');
  if (input.parts.length < 2 || input.parts.length > MAX_PARTS) throw invalid('split_parts', `拆分应得到 2 至 ${MAX_PARTS} 个新网格（parts）`, { field: 'parts' });
  const names = input.parts.map((p) => p.name.trim());
  const dup = names.find((n, k) => names.indexOf(n) !== k);
  if (dup !== undefined) throw invalid('split_parts', `新网格名称“${dup}”重复，请换一个名称`, { field: 'parts' });
  const fallbackPart = input.fallbackPart ?? 0;
  if (fallbackPart >= input.parts.length) throw invalid('split_parts', '未定位事项归入的网格（fallbackPart）超出范围', { field: 'fallbackPart' });
  const outlines = input.parts.map((p, k) => parsePartOutline(p.geometry, input.crs, k));
  const parts = input.parts.map((p, k) => ({ name: names[k]!, geometry: outlines[k]! }));

  const contents = await repo.gridContents(ctx.db, grid.code, [...OPEN_STATES]);
  const items: SplitItem[] = [];
  for (const b of contents.buildings) {
    items.push({ key: `b:${b.code}`, point: pointOf(b.geometry), outline: polygonsOf(b.geometry).length ? (b.geometry as Outline) : null });
  }
  const atGrid = (areaCode: string) => buildingOf(grid.code, areaCode) === null;
  for (const h of contents.households) if (atGrid(h.areaCode)) items.push({ key: `h:${h.id}` });
  for (const p of contents.people) if (atGrid(p.areaCode)) items.push({ key: `p:${p.id}`, follows: p.householdId ? `h:${p.householdId}` : null });
  for (const c of contents.cases) {
    const b = buildingOf(grid.code, c.areaCode);
    items.push({ key: `c:${c.id}`, point: c.lat !== null && c.lng !== null ? [c.lng, c.lat] : null, follows: b ? `b:${b}` : null });
  }
  // People at the grid level follow their household: plan households first, then people by them.
  const plan = planSplit(outlines, items, fallbackPart);
  const placement: Placement = { buildings: new Map(), households: new Map(), people: new Map(), cases: new Map(), holders: placeHolders(grid, contents.holders, input.holders ?? [], parts.length, fallbackPart) };
  const unassigned: SplitReport['unassigned'] = [];
  const unplaced = new Set(plan.unassigned);
  for (const b of contents.buildings) {
    placement.buildings.set(b.code, plan.assignments.get(`b:${b.code}`)!);
    if (unplaced.has(`b:${b.code}`)) unassigned.push({ kind: 'building', id: b.code, label: b.name });
  }
  for (const h of contents.households) {
    if (!atGrid(h.areaCode)) continue;
    placement.households.set(h.id, plan.assignments.get(`h:${h.id}`)!);
    unassigned.push({ kind: 'household', id: h.id, label: h.doorplate });
  }
  for (const p of contents.people) {
    if (!atGrid(p.areaCode)) continue;
    const own = p.householdId && placement.households.has(p.householdId) ? placement.households.get(p.householdId)! : plan.assignments.get(`p:${p.id}`)!;
    placement.people.set(p.id, own);
    if (!(p.householdId && placement.households.has(p.householdId))) unassigned.push({ kind: 'person', id: p.id, label: '' });
  }
  for (const c of contents.cases) {
    const part = plan.assignments.get(`c:${c.id}`)!;
    const b = buildingOf(grid.code, c.areaCode);
    placement.cases.set(c.id, { part, withBuilding: !!b && placement.buildings.get(b) === part });
    if (unplaced.has(`c:${c.id}`)) unassigned.push({ kind: 'case', id: c.id, label: `${c.code} ${c.title}` });
  }
  const sources = [{ grid, contents }];
  const report = describe(sources, placement, parts, unassigned, fallbackPart, !!input.dryRun);
  if (input.dryRun) return report;
  const codes = await ctx.db.transaction((tx) => apply(tx, actor, req, grid.parentCode!, sources, placement, parts, fallbackPart, 'area.split'));
  forgetAreaNames();
  report.parts.forEach((p, k) => (p.code = codes[k]!));
  return report;
}

/** `POST /api/areas/actions/merge`: two or more adjacent grids of one village become one new grid. */
export async function mergeGrids(
  ctx: AppContext,
  actor: Actor,
  input: { codes: string[]; name: string; dryRun?: boolean },
  req: RequestContext,
): Promise<SplitReport> {
  const codes = [...new Set(input.codes)];
  if (codes.length < 2) throw invalid('merge_grids', '请至少选择两个网格合并（codes）', { field: 'codes' });
  if (codes.length > MAX_PARTS) throw invalid('merge_grids', `一次至多合并 ${MAX_PARTS} 个网格（codes）`, { field: 'codes' });
  const grids = [];
  for (const c of codes) grids.push(await editableGrid(ctx, actor, c, 'codes'));
  const village = grids[0]!.parentCode!;
  if (grids.some((g) => g.parentCode !== village)) throw invalid('merge_grids', '只能合并同一村（社区）的网格（codes）', { field: 'codes' });
  let geometry: Outline | null = null;
  if (grids.every((g) => polygonsOf(g.geometry).length > 0)) {
    geometry = mergeOutlines(grids.map((g) => g.geometry as Outline));
    if (!geometry) throw invalid('grids_not_adjacent', '所选网格互不相邻，合并后不是一整块：请只合并相邻的网格', { field: 'codes' });
  } else if (grids.some((g) => polygonsOf(g.geometry).length > 0)) {
    throw invalid('grids_not_adjacent', '部分网格尚未绘制边界，无法判断是否相邻：请先绘制边界再合并', { field: 'codes' });
  }
  const name = input.name.trim();
  const sources: Source[] = [];
  const placement: Placement = { buildings: new Map(), households: new Map(), people: new Map(), cases: new Map(), holders: new Map() };
  for (const grid of grids) {
    const contents = await repo.gridContents(ctx.db, grid.code, [...OPEN_STATES]);
    sources.push({ grid, contents });
    for (const b of contents.buildings) placement.buildings.set(b.code, 0);
    for (const c of contents.cases) placement.cases.set(c.id, { part: 0, withBuilding: true });
  }
  const parts = [{ name, geometry }];
  const report = describe(sources, placement, parts, [], 0, !!input.dryRun);
  if (input.dryRun) return report;
  const created = await ctx.db.transaction((tx) => apply(tx, actor, req, village, sources, placement, parts, 0, 'area.merge'));
  forgetAreaNames();
  report.parts[0]!.code = created[0]!;
  return report;
}
