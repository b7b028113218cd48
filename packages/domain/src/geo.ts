// Minimal planar geometry on GeoJSON polygons in WGS84 degrees ([lng, lat]).
// Areas are planar (degree²): fine for comparing and tiling small areas, not for km².

/** [lng, lat] in WGS84 degrees. */
export type Position = [number, number];

/** GeoJSON polygon: closed rings (first == last), outer ring counter-clockwise, then holes. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

/**
 * Crossing test of one ring, half-open on both axes so that a plane tiled by polygons that
 * share their edges (same vertices) gives every point to exactly one polygon:
 * - an edge counts when lowY <= y < highY (a vertex belongs to the edge above it);
 * - the intersection x is computed from the edge's lower endpoint, so both polygons that
 *   share the edge (traversing it in opposite directions) get the bit-identical value;
 * - the ray goes to +x and counts the edge only when x < intersection, so a point on a
 *   shared edge belongs to the polygon on the edge's right-hand (+x) side.
 * Net effect: the point behaves as if nudged by (+ε, +ε²), i.e. into the polygon to its
 * north-east.
 */
function ringCrossings(x: number, y: number, ring: Position[]): number {
  let crossings = 0;
  for (let k = 0, n = ring.length - 1; k < n; k++) {
    const p = ring[k]!;
    const q = ring[k + 1]!;
    let lo = p;
    let hi = q;
    if (p[1] > q[1]) {
      lo = q;
      hi = p;
    }
    if (y < lo[1] || y >= hi[1]) continue; // also skips horizontal edges
    const xCross = lo[0] + ((y - lo[1]) * (hi[0] - lo[0])) / (hi[1] - lo[1]);
    if (x < xCross) crossings++;
  }
  return crossings;
}

/** Ray casting with holes. Points on a shared edge belong to exactly one of the two neighbours. */
export function pointInPolygon(point: Position, polygon: Polygon): boolean {
  const [x, y] = point;
  let crossings = 0;
  for (const ring of polygon.coordinates) crossings += ringCrossings(x, y, ring);
  return crossings % 2 === 1;
}

/**
 * Signed shoelace area of a ring (positive when counter-clockwise). Coordinates are taken
 * relative to the first vertex: with absolute lng/lat (~121, ~31) the products would cancel
 * catastrophically for small polygons.
 */
function signedRingArea(ring: Position[]): number {
  const first = ring[0];
  if (!first || ring.length < 4) return 0;
  const [ox, oy] = first;
  let sum = 0;
  for (let k = 0, n = ring.length - 1; k < n; k++) {
    const p = ring[k]!;
    const q = ring[k + 1]!;
    sum += (p[0] - ox) * (q[1] - oy) - (q[0] - ox) * (p[1] - oy);
  }
  return sum / 2;
}

/** Planar area in degree² (outer ring minus holes), always >= 0. */
export function polygonArea(polygon: Polygon): number {
  let area = 0;
  polygon.coordinates.forEach((ring, k) => {
    const a = Math.abs(signedRingArea(ring));
    area += k === 0 ? a : -a;
  });
  return Math.max(0, area);
}

export function bboxOf(polygon: Polygon): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of polygon.coordinates[0] ?? []) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Area-weighted centroid (holes subtracted); vertex average for degenerate polygons. */
export function centroidOf(polygon: Polygon): Position {
  const outer = polygon.coordinates[0];
  if (!outer || outer.length === 0) return [NaN, NaN];
  const [ox, oy] = outer[0]!;
  let area = 0;
  let cx = 0;
  let cy = 0;
  polygon.coordinates.forEach((ring, k) => {
    // Orient every ring so that the outer ring adds and holes subtract.
    const sign = Math.sign(signedRingArea(ring)) * (k === 0 ? 1 : -1);
    for (let i = 0, n = ring.length - 1; i < n; i++) {
      const px = ring[i]![0] - ox;
      const py = ring[i]![1] - oy;
      const qx = ring[i + 1]![0] - ox;
      const qy = ring[i + 1]![1] - oy;
      const cross = (px * qy - qx * py) * sign;
      area += cross;
      cx += (px + qx) * cross;
      cy += (py + qy) * cross;
    }
  });
  if (Math.abs(area) < 1e-18) {
    const n = Math.max(1, outer.length - 1);
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sx += outer[i]![0];
      sy += outer[i]![1];
    }
    return [sx / n, sy / n];
  }
  return [ox + cx / (3 * area), oy + cy / (3 * area)];
}

/** First item whose polygon contains the point (items that tile the plane give at most one). */
export function findContaining<T extends { geometry: Polygon }>(point: Position, items: T[]): T | undefined {
  const [x, y] = point;
  for (const item of items) {
    const [minX, minY, maxX, maxY] = bboxOf(item.geometry);
    // pointInPolygon never contains a point on the max edges (half-open), so skip those too.
    if (x < minX || x >= maxX || y < minY || y >= maxY) continue;
    if (pointInPolygon(point, item.geometry)) return item;
  }
  return undefined;
}
