// The four-colour map (风险地图, docs/EMERGENCY.md): households per colour per building (or per grid for a town or
// district), each drawn at its building's point or outline centre — or, when the building has no shape, at its
// grid's centre as a cluster the screen marks as approximate. One aggregated answer, not one per household.
import { CODE_LENGTH, forbidden, maskPhone, notFound, RISK_COLOURS, SENSITIVE_GROUPS, shapeCentre, worstColour, type RiskColour } from '@gongzhi/domain';
import type { Actor } from '../policies/actor.ts';
import { readsEvacuations } from '../policies/evacuation.ts';
import { canListPeople, canSeeSensitiveTags } from '../policies/person.ts';
import { findArea } from '../repositories/areas.ts';
import * as repo from '../repositories/evacuation.ts';
import { scopeOf } from '../repositories/scope.ts';
import { ageOn } from '../lib/time.ts';
import { placeNames } from './area-names.ts';
import type { AppContext } from './context.ts';

type Counts = Record<RiskColour, number> & { total: number };
const zero = (): Counts => ({ red: 0, orange: 0, yellow: 0, blue: 0, total: 0 });

function requireReader(actor: Actor) {
  if (!readsEvacuations(actor) || !canListPeople(actor)) throw forbidden('您的角色不能查看风险地图');
}

/** `GET /api/risk/map?areaCode=&colours=`: counts per colour per grid and per building (village or finer), with where to draw them. */
export async function riskMap(ctx: AppContext, actor: Actor, q: { areaCode: string; colours?: RiskColour[] }) {
  requireReader(actor);
  const scope = scopeOf(actor);
  const area = await findArea(ctx.db, scope, q.areaCode);
  if (!area) throw notFound('区域');
  const colours = q.colours?.length ? [...new Set(q.colours)] : [...RISK_COLOURS];
  // A village holds some hundred buildings: drawn one by one. A town or district: one cluster per grid.
  const by: 'building' | 'grid' = area.code.length >= CODE_LENGTH.village ? 'building' : 'grid';
  const rows = await repo.colourCounts(ctx.db, scope, area.code, by === 'building' ? CODE_LENGTH.building : CODE_LENGTH.grid, colours);
  const perKey = new Map<string, Counts>();
  const total = zero();
  for (const r of rows) {
    if (!(RISK_COLOURS as readonly string[]).includes(r.colour)) continue;
    const c = perKey.get(r.code) ?? zero();
    c[r.colour as RiskColour] += r.n;
    c.total += r.n;
    total[r.colour as RiskColour] += r.n;
    total.total += r.n;
    perKey.set(r.code, c);
  }
  const keys = [...perKey.keys()];
  const gridOf = (code: string) => code.slice(0, CODE_LENGTH.grid);
  const shapes = new Map((await repo.areaShapes(ctx.db, [...new Set([...keys, ...keys.map(gridOf)])])).map((s) => [s.code, s]));

  const grids = new Map<string, { code: string; name: string; centre: [number, number] | null; counts: Counts }>();
  const markers: {
    code: string;
    name: string;
    level: string;
    gridCode: string;
    gridName: string;
    lat: number;
    lng: number;
    /** building: at the building's own point or outline; grid: at its grid's centre, a cluster (approximate). */
    placedBy: 'building' | 'grid';
    worst: RiskColour | null;
    /** Buildings the marker stands for (a cluster gathers those of a grid without a position). */
    buildings: number;
    counts: Counts;
  }[] = [];
  let unplaced = 0;
  let approximate = 0;
  // Buildings without a shape of their own: one cluster per grid at the grid's centre, so their dots do not pile up.
  const clusters = new Map<string, { counts: Counts; buildings: number }>();
  for (const [code, counts] of perKey) {
    const g = gridOf(code);
    const gridShape = shapes.get(g);
    const gridCentre = shapeCentre(gridShape?.geometry);
    const grid = grids.get(g) ?? { code: g, name: gridShape?.name ?? g, centre: gridCentre, counts: zero() };
    for (const k of [...RISK_COLOURS, 'total'] as const) grid.counts[k] += counts[k];
    grids.set(g, grid);
    const isBuilding = code.length > CODE_LENGTH.grid;
    const own = shapes.get(code);
    const ownCentre = isBuilding ? shapeCentre(own?.geometry) : null;
    if (ownCentre) {
      markers.push({
        code,
        name: own?.name ?? code,
        level: 'building',
        gridCode: g,
        gridName: grid.name,
        lng: ownCentre[0],
        lat: ownCentre[1],
        placedBy: 'building',
        worst: worstColour(RISK_COLOURS.filter((c) => counts[c] > 0)),
        buildings: 1,
        counts,
      });
      continue;
    }
    if (!gridCentre) {
      unplaced += counts.total;
      continue;
    }
    if (isBuilding || by === 'building') approximate += counts.total;
    const cluster = clusters.get(g) ?? { counts: zero(), buildings: 0 };
    for (const k of [...RISK_COLOURS, 'total'] as const) cluster.counts[k] += counts[k];
    if (isBuilding) cluster.buildings += 1;
    clusters.set(g, cluster);
  }
  for (const [g, cluster] of clusters) {
    const grid = grids.get(g)!;
    markers.push({
      code: g,
      name: grid.name,
      level: by === 'grid' ? 'grid' : 'cluster',
      gridCode: g,
      gridName: grid.name,
      lng: grid.centre![0],
      lat: grid.centre![1],
      placedBy: 'grid',
      worst: worstColour(RISK_COLOURS.filter((c) => cluster.counts[c] > 0)),
      buildings: cluster.buildings,
      counts: cluster.counts,
    });
  }
  return {
    area: { code: area.code, name: area.name, level: area.level },
    by,
    colours,
    total,
    grids: [...grids.values()].sort((a, b) => a.code.localeCompare(b.code)).map((g) => ({ ...g, worst: worstColour(RISK_COLOURS.filter((c) => g.counts[c] > 0)) })),
    markers: markers.sort((a, b) => a.code.localeCompare(b.code)),
    /** Households drawn at their grid's centre because their building has no point or outline. */
    approximate,
    /** Households with no shape at all to draw them at (their grid has no outline either). */
    unplaced,
  };
}

/** `GET /api/risk/people`: the people of households of the chosen colours, phones masked. */
export async function riskPeople(ctx: AppContext, actor: Actor, q: { areaCode: string; colours?: RiskColour[]; page: number; pageSize: number }) {
  requireReader(actor);
  const scope = scopeOf(actor);
  const area = await findArea(ctx.db, scope, q.areaCode);
  if (!area) throw notFound('区域');
  const colours = q.colours?.length ? q.colours : (['red', 'orange'] as RiskColour[]);
  const { rows, total } = await repo.peopleOfColours(ctx.db, scope, area.code, colours, q.page, q.pageSize);
  const sensitive = canSeeSensitiveTags(actor);
  const places = await placeNames(ctx.db, rows.map((r) => r.areaCode));
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      gender: r.gender,
      age: ageOn(r.birthDate),
      phone: maskPhone(r.phoneLast4),
      tags: r.tags.filter((t) => sensitive || !SENSITIVE_GROUPS.has(t)),
      householdId: r.householdId,
      areaCode: r.areaCode,
      address: `${places.get(r.areaCode) ?? ''}${r.doorplate}`,
      riskColour: r.riskColour as RiskColour,
    })),
  };
}
