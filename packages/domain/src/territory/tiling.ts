// Grids of one village should tile it: no two overlap (a household would belong to two grid workers) and no
// gap is left between them (a household nobody visits). 网格划分 "全覆盖、无缝隙、不交叉" (`004`, one grid for
// 300–500 households with every household in exactly one grid). The editor warns; it does not refuse, since a
// village is often drawn one grid at a time.
import intersect from '@turf/intersect';
import union from '@turf/union';
import { featureCollection, feature } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { polygonArea, type Position } from '../geo.ts';

export interface TiledGrid {
  code: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface TilingIssue {
  kind: 'overlap' | 'gap';
  /** The two grids that overlap (empty for a gap). */
  codes: string[];
  /** Planar area in degree² (comparable, not in m²). */
  area: number;
  /** A point inside the problem, [lng, lat], to show it on the map. */
  at: Position;
}

// Slivers below about 1 m² (1e-10 degree² is ~1 m² at 30° N) are drawing noise, not overlaps or gaps.
const NOISE = 1e-10;

function areaOf(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((s, coordinates) => s + polygonArea({ type: 'Polygon', coordinates: coordinates as Position[][] }), 0);
}

function firstPoint(g: Polygon | MultiPolygon): Position {
  const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
  // The average of the ring's vertices lies inside the small, compact shapes overlaps usually are.
  const n = Math.max(1, ring.length - 1);
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += ring[i]![0]!;
    y += ring[i]![1]!;
  }
  return [x / n, y / n];
}

/** Overlaps between every pair of grids and gaps (holes) inside the area the grids cover together. */
export function tilingIssues(grids: readonly TiledGrid[]): TilingIssue[] {
  const issues: TilingIssue[] = [];
  const features = grids.map((g) => feature(g.geometry as Polygon | MultiPolygon, { code: g.code }));
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      const common = intersect(featureCollection([features[i]!, features[j]!]));
      if (!common) continue;
      const area = areaOf(common.geometry);
      if (area > NOISE) issues.push({ kind: 'overlap', codes: [grids[i]!.code, grids[j]!.code], area, at: firstPoint(common.geometry) });
    }
  }
  if (features.length > 1) {
    const all = union(featureCollection(features)) as Feature<Polygon | MultiPolygon> | null;
    const polys = !all ? [] : all.geometry.type === 'Polygon' ? [all.geometry.coordinates] : all.geometry.coordinates;
    for (const rings of polys) {
      for (const hole of rings.slice(1)) {
        const area = polygonArea({ type: 'Polygon', coordinates: [hole as Position[]] });
        if (area > NOISE) issues.push({ kind: 'gap', codes: [], area, at: firstPoint({ type: 'Polygon', coordinates: [hole] }) });
      }
    }
  }
  return issues;
}
