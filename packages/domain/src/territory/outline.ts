// Outlines of areas drawn by staff (issue "draw the territory"; API contract, "Areas: drawing the territory").
//
// An outline is a GeoJSON Polygon or MultiPolygon (RFC 7946 §3.1.6–3.1.7): every ring is closed (first
// position equals the last) and has at least four positions, and no ring crosses itself or another ring
// of its polygon. Outlines drawn on Chinese base maps come in GCJ-02 (AMap, Tencent) or BD-09 (Baidu) and
// are converted to WGS84 on the way in, as case points are (`cases/coords.ts`).
import gcoord from 'gcoord';
import kinks from '@turf/kinks';
import { invalid } from '../errors.ts';
import type { Crs } from '../cases/coords.ts';
import type { Position } from '../geo.ts';

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}
export type Outline = PolygonGeometry | MultiPolygonGeometry;

const bad = (reason: string) => invalid('invalid_geometry', `边界（geometry）无效：${reason}`, { field: 'geometry' });

function position(p: unknown, where: string): Position {
  // A third number (altitude, RFC 7946 §3.1.1) is allowed on the way in and dropped.
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw bad(`${where}的坐标应为 [经度, 纬度] 数字对`);
  }
  const [lng, lat] = p as number[];
  if (lng! < -180 || lng! > 180 || lat! < -90 || lat! > 90) throw bad(`${where}的坐标超出经纬度范围：${lng}, ${lat}`);
  return [lng!, lat!];
}

function ring(r: unknown, where: string): Position[] {
  if (!Array.isArray(r)) throw bad(`${where}应为坐标数组`);
  if (r.length > 20_000) throw bad(`${where}的顶点过多（至多 20000 个）`);
  const out = r.map((p) => position(p, where));
  if (out.length < 4) throw bad(`${where}至少需要 4 个坐标（首尾相同的闭合环），现有 ${out.length} 个`);
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) throw bad(`${where}未闭合（首尾坐标应相同）`);
  return out;
}

function polygonRings(coords: unknown, where: string): Position[][] {
  if (!Array.isArray(coords) || coords.length === 0) throw bad(`${where}缺少外环`);
  if (coords.length > 500) throw bad(`${where}的内环过多`);
  const rings = coords.map((r, k) => ring(r, k === 0 ? `${where}外环` : `${where}第 ${k} 个内环`));
  // Self-intersections within a ring and crossings between its rings (RFC 7946 §3.1.6 "linear ring").
  const found = kinks({ type: 'Polygon', coordinates: rings }).features;
  if (found.length > 0) {
    const [lng, lat] = found[0]!.geometry.coordinates;
    throw bad(`${where}自相交（约在 ${lng!.toFixed(6)}, ${lat!.toFixed(6)}）`);
  }
  return rings;
}

/**
 * Checks an outline and returns it normalised (altitudes dropped). Throws `invalid_geometry` (400) naming
 * the problem in Chinese. `allowPoint`: buildings may be placed with a point instead of an outline.
 */
export function parseOutline(geometry: unknown, allowPoint: false): Outline;
export function parseOutline(geometry: unknown, allowPoint: boolean): Outline | PointGeometry;
export function parseOutline(geometry: unknown, allowPoint: boolean): Outline | PointGeometry {
  if (!geometry || typeof geometry !== 'object' || Array.isArray(geometry)) throw bad('应为 GeoJSON 对象');
  const g = geometry as { type?: unknown; coordinates?: unknown };
  switch (g.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: polygonRings(g.coordinates, '') };
    case 'MultiPolygon': {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw bad('多边形集合为空');
      if (g.coordinates.length > 500) throw bad('多边形过多');
      const parts = g.coordinates.map((p, k) => polygonRings(p, `第 ${k + 1} 个多边形`));
      return { type: 'MultiPolygon', coordinates: parts };
    }
    case 'Point':
      if (allowPoint) return { type: 'Point', coordinates: position(g.coordinates, '点') };
      throw bad('应为面（Polygon 或 MultiPolygon），不能是点');
    default:
      throw bad(allowPoint ? '类型应为 Polygon、MultiPolygon 或 Point' : '类型应为 Polygon 或 MultiPolygon');
  }
}

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * The geometry converted from `crs` to WGS84, position by position. Equal positions convert to equal
 * positions, so closed rings stay closed.
 */
export function outlineToWgs84<G extends Outline | PointGeometry>(geometry: G, crs: Crs): G {
  if (crs === 'wgs84') return geometry;
  const conv = (p: Position): Position => gcoord.transform<[number, number]>([p[0], p[1]], GCOORD_CRS[crs], gcoord.WGS84);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: conv(geometry.coordinates) } as G;
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(conv)) } as G;
    default:
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(conv))) } as G;
  }
}

/** The polygons of an outline (a Polygon is one). */
export function polygonsOf(geometry: unknown): PolygonGeometry[] {
  const g = geometry as Outline | PointGeometry | null;
  if (!g) return [];
  if (g.type === 'Polygon') return [g];
  if (g.type === 'MultiPolygon') return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return [];
}

/** Two outlines are the same when every position is equal (re-imports and no-op saves change nothing). */
export function sameGeometry(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
