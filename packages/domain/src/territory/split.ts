// Splitting a grid into new grids and merging grids into one (docs/TERRITORY.md, "Split and merge"). The old grids
// are retired, never deleted or renumbered, so a code in an old report or roll-up always meant the same area; what
// lives in them (buildings, households, people, open cases) moves to the new grids. These are the pure rules: which
// new grid each item goes to, and the outlines of the parts.
import intersect from '@turf/intersect';
import union from '@turf/union';
import { featureCollection, feature } from '@turf/helpers';
import type { Feature, MultiPolygon as GjMultiPolygon, Polygon as GjPolygon } from 'geojson';
import { centroidOf, pointInPolygon, polygonArea, type Position } from '../geo.ts';
import { polygonsOf, type Outline } from './outline.ts';

/** An outline as the split rules take it (for callers importing this module alone, like the web editor). */
export type SplitOutline = Outline;

/** Something that lives in the grid being split, located by a point and/or an outline, or not located at all. */
export interface SplitItem {
  /** The caller's key (a building code, a case id …). */
  key: string;
  /** WGS84 [lng, lat], e.g. a building's point or a case's reported point. */
  point?: Position | null;
  /** A building's outline. */
  outline?: Outline | null;
  /** The key of another item this one follows when it has no location of its own (a case → its building). */
  follows?: string | null;
}

export interface SplitPlan {
  /** Item key → index of the part it goes to. */
  assignments: Map<string, number>;
  /** Items that could not be placed by location (no point, no outline, outside every part): they go to `fallback`. */
  unassigned: string[];
}

/** The part (index) whose outline contains the point, or -1. */
export function partAt(parts: readonly Outline[], point: Position): number {
  for (let i = 0; i < parts.length; i++) {
    if (polygonsOf(parts[i]).some((p) => pointInPolygon(point, p))) return i;
  }
  return -1;
}

/** The part holding most of an outline: its centroid, else the most of its corners. */
function partOfOutline(parts: readonly Outline[], outline: Outline): number {
  const polys = polygonsOf(outline);
  const largest = polys.reduce<(typeof polys)[number] | null>((a, p) => (!a || polygonArea(p) > polygonArea(a) ? p : a), null);
  if (!largest) return -1;
  const c = centroidOf(largest);
  const atCentre = Number.isFinite(c[0]) ? partAt(parts, c) : -1;
  if (atCentre >= 0) return atCentre;
  const votes = new Map<number, number>();
  for (const corner of largest.coordinates[0]!.slice(0, -1)) {
    const k = partAt(parts, corner);
    if (k >= 0) votes.set(k, (votes.get(k) ?? 0) + 1);
  }
  let best = -1;
  for (const [k, n] of votes) if (best < 0 || n > votes.get(best)!) best = k;
  return best;
}

/**
 * Where each item of a grid goes when the grid is split into `parts` (the new outlines, WGS84): by its point, else by
 * its outline, else with the item it follows (a case reported without a point goes with its building). Items that
 * none of these place are listed in `unassigned` and go to the part `fallback` (the first unless told otherwise).
 */
export function planSplit(parts: readonly Outline[], items: readonly SplitItem[], fallback = 0): SplitPlan {
  const assignments = new Map<string, number>();
  const unassigned: string[] = [];
  const own = new Map<string, number>();
  for (const it of items) {
    let k = -1;
    if (it.point) k = partAt(parts, it.point);
    if (k < 0 && it.outline) k = partOfOutline(parts, it.outline);
    if (k >= 0) own.set(it.key, k);
  }
  for (const it of items) {
    let k = own.get(it.key) ?? -1;
    if (k < 0 && it.follows) k = own.get(it.follows) ?? -1;
    if (k < 0) {
      unassigned.push(it.key);
      k = fallback;
    }
    assignments.set(it.key, k);
  }
  return { assignments, unassigned };
}

type Geom = GjPolygon | GjMultiPolygon;

const toOutline = (g: Geom): Outline => g as unknown as Outline;

/** The single outline of grids merged together, or null when they do not form one piece (not adjacent). */
export function mergeOutlines(outlines: readonly Outline[]): Outline | null {
  if (outlines.length === 0) return null;
  if (outlines.length === 1) return outlines[0]!;
  const merged = union(featureCollection(outlines.map((o) => feature(o as unknown as Geom)))) as Feature<Geom> | null;
  if (!merged) return null;
  if (merged.geometry.type === 'Polygon') return toOutline(merged.geometry);
  return null;
}

/**
 * Cuts an outline in two along a straight line through `a` and `b` ([lng, lat]); the line is extended beyond both
 * points, so it only has to cross the outline. Returns the two sides (left of a→b first), or null when the line does
 * not cut the outline into two pieces.
 */
export function splitByLine(outline: Outline, a: Position, b: Position): [Outline, Outline] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (!(len > 0)) return null;
  const ux = dx / len;
  const uy = dy / len;
  // Far enough to cover any grid: 1 degree (about 100 km) each way.
  const far = 1;
  const p1: Position = [a[0] - ux * far, a[1] - uy * far];
  const p2: Position = [b[0] + ux * far, b[1] + uy * far];
  const side = (sign: 1 | -1): Geom => {
    const nx = -uy * far * sign;
    const ny = ux * far * sign;
    const ring: Position[] = [p1, p2, [p2[0] + nx, p2[1] + ny], [p1[0] + nx, p1[1] + ny], p1];
    return { type: 'Polygon', coordinates: [sign === 1 ? ring : [...ring].reverse()] };
  };
  const cut = (half: Geom) => intersect(featureCollection([feature(outline as unknown as Geom), feature(half)])) as Feature<Geom> | null;
  const left = cut(side(1));
  const right = cut(side(-1));
  if (!left || !right) return null;
  const area = (g: Geom) => polygonsOf(g).reduce((s, p) => s + polygonArea(p), 0);
  // Slivers under about 1 m² are noise, not a part.
  if (area(left.geometry) < 1e-10 || area(right.geometry) < 1e-10) return null;
  return [toOutline(left.geometry), toOutline(right.geometry)];
}
