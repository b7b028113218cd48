// Made-up but tidy geometry for the demo district.
//
// The district is covered by one structured quadrilateral mesh (a jittered, gently warped
// lattice). Towns are rectangular blocks of mesh cells, villages are blocks inside their
// town, so neighbouring polygons share exactly the same vertices: no gaps, no overlaps,
// no T-junctions, and pointInPolygon puts every point in exactly one of them.
//
// generateGrids only sees a village polygon. A village ring is the boundary of an a×b block
// (a cells along the bottom and top, b along the sides, starting at the south-west corner),
// so generateGrids finds the corners again, rebuilds a local a×b mesh by transfinite
// interpolation from the ring's own vertices and cuts it into blocks of cells: rows of grids
// whose outer edges are exactly the village's edges.

import { invalid } from '../errors.ts';
import type { BBox, Polygon, Position } from '../geo.ts';
import { MAX_GRIDS_PER_VILLAGE, isUrbanVillage, planVillage } from './plan.ts';
import { Rng } from './random.ts';
import type { AreaSeed, TownInput, VillageInput } from './types.ts';

/** Known district extents; other districts get Haimen's box unless one is passed. */
const DISTRICT_EXTENTS: Record<string, BBox> = {
  '320614': [120.98, 31.72, 121.62, 32.05], // 海门区
};
const DEFAULT_EXTENT: BBox = [120.98, 31.72, 121.62, 32.05];

/** Smallest village block, in mesh cells (room for 8 grids of at least one cell). */
const MIN_VILLAGE_CELLS = 3;
/** Node jitter as a fraction of the cell size: below 0.2 every cell stays convex. */
const MESH_JITTER = 0.15;
const GRID_JITTER = 0.12;

const KM_PER_DEG_LAT = 110.57;
const kmPerDegLng = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

/** Rounds to 1e-7° (~1 cm): shared vertices are computed once, so rounding keeps them equal. */
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

interface Block {
  i0: number;
  j0: number;
  i1: number;
  j1: number;
}

/** A structured (nx+1)×(ny+1) grid of nodes. */
class Mesh {
  readonly xs: Float64Array;
  readonly ys: Float64Array;

  constructor(
    readonly nx: number,
    readonly ny: number,
  ) {
    this.xs = new Float64Array((nx + 1) * (ny + 1));
    this.ys = new Float64Array((nx + 1) * (ny + 1));
  }

  index(i: number, j: number): number {
    return j * (this.nx + 1) + i;
  }

  set(i: number, j: number, x: number, y: number): void {
    const k = this.index(i, j);
    this.xs[k] = x;
    this.ys[k] = y;
  }

  point(i: number, j: number): Position {
    const k = this.index(i, j);
    return [this.xs[k]!, this.ys[k]!];
  }

  /** Counter-clockwise boundary of a block, starting and ending at its south-west corner. */
  ring(b: Block): Position[] {
    const ring: Position[] = [];
    for (let i = b.i0; i <= b.i1; i++) ring.push(this.point(i, b.j0));
    for (let j = b.j0 + 1; j <= b.j1; j++) ring.push(this.point(b.i1, j));
    for (let i = b.i1 - 1; i >= b.i0; i--) ring.push(this.point(i, b.j1));
    for (let j = b.j1 - 1; j >= b.j0; j--) ring.push(this.point(b.i0, j));
    return ring;
  }

  polygon(b: Block): Polygon {
    return { type: 'Polygon', coordinates: [this.ring(b)] };
  }

  /** True when every cell is a strictly convex, counter-clockwise quadrilateral. */
  isValid(): boolean {
    for (let j = 0; j < this.ny; j++) {
      for (let i = 0; i < this.nx; i++) {
        const q = [this.point(i, j), this.point(i + 1, j), this.point(i + 1, j + 1), this.point(i, j + 1)];
        for (let k = 0; k < 4; k++) {
          const a = q[k]!;
          const b = q[(k + 1) % 4]!;
          const c = q[(k + 2) % 4]!;
          if ((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]) <= 0) return false;
        }
      }
    }
    return true;
  }
}

// ---------------------------------------------------------------------------------------
// Rows-then-columns partition of a block of cells

interface Item {
  weight: number;
  minW: number;
  minH: number;
}

/**
 * Integer sizes summing to `total`, proportional to `weights` where the minimums allow.
 * Null when the minimums do not fit.
 */
function allocate(total: number, weights: number[], mins: number[]): number[] | null {
  const n = weights.length;
  if (mins.reduce((a, b) => a + b, 0) > total) return null;
  // Items whose proportional share is below their minimum get the minimum; the others share
  // the rest. Repeat until stable (at least one item always stays unpinned).
  const pinned = new Array<boolean>(n).fill(false);
  const shares = () => {
    let free = total;
    let weight = 0;
    for (let i = 0; i < n; i++) {
      if (pinned[i]) free -= mins[i]!;
      else weight += weights[i]!;
    }
    return weights.map((w, i) => (pinned[i] ? mins[i]! : (free * w) / weight));
  };
  let ideal = shares();
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (!pinned[i] && ideal[i]! < mins[i]!) {
        pinned[i] = true;
        changed = true;
      }
    }
    if (changed) ideal = shares();
  }
  const sizes = ideal.map((x) => Math.floor(x));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  const order = ideal
    .map((x, i) => [x - Math.floor(x), i] as const)
    .filter(([, i]) => !pinned[i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = 0; rest > 0 && order.length > 0; r++, rest--) {
    const i = order[r % order.length]![1];
    sizes[i] = sizes[i]! + 1;
  }
  return sizes;
}

/** Squareness penalty of an item; √weight so that small items count too (no slivers). */
const shapeCost = (weight: number, widthKm: number, heightKm: number) =>
  Math.sqrt(weight) * Math.abs(Math.log(widthKm / heightKm));

/** Splits items (in order) into `rows` contiguous runs: by cumulative weight or by count. */
function balancedCuts(items: Item[], rows: number, byWeight: boolean): number[] {
  const n = items.length;
  const cumulative: number[] = [0];
  for (const it of items) cumulative.push(cumulative[cumulative.length - 1]! + (byWeight ? it.weight : 1));
  const total = cumulative[n]!;
  const cuts = [0];
  for (let r = 1; r < rows; r++) {
    const target = (total * r) / rows;
    const lo = cuts[r - 1]! + 1;
    const hi = n - (rows - r);
    let best = lo;
    for (let c = lo; c <= hi; c++) {
      if (Math.abs(cumulative[c]! - target) < Math.abs(cumulative[best]! - target)) best = c;
    }
    cuts.push(best);
  }
  cuts.push(n);
  return cuts;
}

/**
 * For every row count, the contiguous split into rows that minimises the shape cost with
 * ideal (fractional) sizes: a small dynamic programme over cut positions.
 */
function optimalCuts(items: Item[], maxRows: number, w: number, h: number, cellAspect: number): number[][] {
  const n = items.length;
  const prefix: number[] = [0];
  for (const it of items) prefix.push(prefix[prefix.length - 1]! + it.weight);
  const total = prefix[n]!;
  // rowCost[j][k]: items j..k-1 as one row.
  const rowCost = (j: number, k: number) => {
    const rowWeight = prefix[k]! - prefix[j]!;
    const rowH = (h * rowWeight) / total;
    let cost = 0;
    for (let i = j; i < k; i++) cost += shapeCost(items[i]!.weight, ((w * items[i]!.weight) / rowWeight) * cellAspect, rowH);
    return cost;
  };
  const cost: number[][] = Array.from({ length: n + 1 }, (_, j) => Array.from({ length: n + 1 }, (_, k) => (k > j ? rowCost(j, k) : Infinity)));
  // best[r][k] = cheapest layout of the first k items in r rows; from[r][k] = start of the last row.
  const best: number[][] = [Array.from({ length: n + 1 }, (_, k) => (k === 0 ? 0 : Infinity))];
  const from: number[][] = [[]];
  const out: number[][] = [];
  for (let r = 1; r <= maxRows; r++) {
    const row: number[] = new Array<number>(n + 1).fill(Infinity);
    const arg: number[] = new Array<number>(n + 1).fill(-1);
    for (let k = r; k <= n; k++) {
      for (let j = r - 1; j < k; j++) {
        const c = best[r - 1]![j]! + cost[j]![k]!;
        if (c < row[k]!) {
          row[k] = c;
          arg[k] = j;
        }
      }
    }
    best.push(row);
    from.push(arg);
    const cuts = [n];
    for (let rr = r, k = n; rr > 0; rr--) {
      k = from[rr]![k]!;
      cuts.unshift(k);
    }
    out.push(cuts);
  }
  return out;
}

/**
 * Recursive bisection (a slice-and-dice treemap): split the items in two by weight, cut the
 * block across its longer side in proportion, recurse. Copes with very uneven weights (a
 * town of 64 communities next to farms of one) better than plain rows.
 */
function layoutBisect(block: Block, items: Item[], cellAspect: number): Block[] | null {
  const n = items.length;
  const w = block.i1 - block.i0;
  const h = block.j1 - block.j0;
  if (n === 1) return w >= items[0]!.minW && h >= items[0]!.minH ? [block] : null;
  const vertical = w * cellAspect >= h; // cut with a north–south line
  const length = vertical ? w : h;
  const across = vertical ? h : w;
  const prefix: number[] = [0];
  for (const it of items) prefix.push(prefix[prefix.length - 1]! + it.weight);
  const total = prefix[n]!;
  /** Rough minimum length of a group along the cut axis (exactness comes from recursing). */
  const need = (group: Item[]) => {
    let along = 0;
    let area = 0;
    for (const it of group) {
      if ((vertical ? it.minH : it.minW) > across) return Infinity;
      along = Math.max(along, vertical ? it.minW : it.minH);
      area += it.minW * it.minH;
    }
    return Math.max(along, Math.ceil(area / across));
  };
  const splits = Array.from({ length: n - 1 }, (_, k) => k + 1).sort(
    (a, b) => Math.abs(prefix[a]! - total / 2) - Math.abs(prefix[b]! - total / 2) || a - b,
  );
  for (const split of splits.slice(0, 4)) {
    const first = items.slice(0, split);
    const second = items.slice(split);
    const minFirst = need(first);
    const minSecond = need(second);
    if (minFirst + minSecond > length) continue;
    const cut = Math.min(length - minSecond, Math.max(minFirst, Math.round((length * prefix[split]!) / total)));
    // The first items go west (vertical cut) or north (horizontal cut), like reading order.
    const a: Block = vertical ? { ...block, i1: block.i0 + cut } : { ...block, j0: block.j1 - cut };
    const b: Block = vertical ? { ...block, i0: block.i0 + cut } : { ...block, j1: block.j1 - cut };
    const left = layoutBisect(a, first, cellAspect);
    const right = left && layoutBisect(b, second, cellAspect);
    if (left && right) return [...left, ...right];
  }
  return null;
}

/**
 * Partitions a block of cells into one block per item (in item order), with areas following
 * the weights and shapes as square (in km) as possible: the better of a rows-and-columns
 * layout and a recursive bisection. `cellAspect` = cell width / cell height in km.
 * Null when the minimum sizes cannot be met.
 */
function layoutBlocks(block: Block, items: Item[], cellAspect: number): Block[] | null {
  const rows = layoutRows(block, items, cellAspect);
  const bisected = layoutBisect(block, items, cellAspect);
  const costOf = (blocks: Block[]) =>
    blocks.reduce((s, b, k) => s + shapeCost(items[k]!.weight, (b.i1 - b.i0) * cellAspect, b.j1 - b.j0), 0);
  if (!rows || !bisected) return rows ?? bisected;
  return costOf(bisected) <= costOf(rows) ? bisected : rows;
}

/** Rows (north to south) of columns (west to east); null when the minimums cannot be met. */
function layoutRows(block: Block, items: Item[], cellAspect: number): Block[] | null {
  const w = block.i1 - block.i0;
  const h = block.j1 - block.j0;
  const maxRows = Math.min(items.length, h);
  const candidates = [
    ...optimalCuts(items, maxRows, w, h, cellAspect),
    ...Array.from({ length: maxRows }, (_, r) => balancedCuts(items, r + 1, true)),
    ...Array.from({ length: maxRows }, (_, r) => balancedCuts(items, r + 1, false)),
  ];
  let best: { cost: number; blocks: Block[] } | null = null;
  for (const cuts of candidates) {
    const rows = cuts.length - 1;
    const rowItems = Array.from({ length: rows }, (_, r) => items.slice(cuts[r]!, cuts[r + 1]!));
    const heights = allocate(
      h,
      rowItems.map((its) => its.reduce((s, it) => s + it.weight, 0)),
      rowItems.map((its) => Math.max(...its.map((it) => it.minH))),
    );
    if (!heights) continue;
    const blocks: Block[] = [];
    let cost = 0;
    let top = block.j1;
    let ok = true;
    for (let r = 0; r < rows && ok; r++) {
      const its = rowItems[r]!;
      const rowH = heights[r]!;
      const widths = allocate(
        w,
        its.map((it) => it.weight),
        its.map((it) => it.minW),
      );
      if (!widths) {
        ok = false;
        break;
      }
      let left = block.i0;
      its.forEach((it, c) => {
        const cw = widths[c]!;
        blocks.push({ i0: left, i1: left + cw, j0: top - rowH, j1: top });
        cost += shapeCost(it.weight, cw * cellAspect, rowH);
        left += cw;
      });
      top -= rowH;
    }
    if (ok && (!best || cost < best.cost - 1e-12)) best = { cost, blocks };
  }
  return best?.blocks ?? null;
}

// ---------------------------------------------------------------------------------------
// layoutDistrict

export interface LayoutOptions {
  /** District extent [minLng, minLat, maxLng, maxLat]; defaults to the known extent. */
  bbox?: BBox;
}

function districtMesh(districtCode: string, bbox: BBox, nx: number, ny: number): Mesh {
  const [minX, minY, maxX, maxY] = bbox;
  for (const jitter of [MESH_JITTER, 0]) {
    const rng = Rng.from(`${districtCode}:mesh`);
    const phase = Array.from({ length: 4 }, () => rng.next());
    const mesh = new Mesh(nx, ny);
    for (let j = 0; j <= ny; j++) {
      for (let i = 0; i <= nx; i++) {
        const u = (i + rng.float(-jitter, jitter)) / nx;
        const v = (j + rng.float(-jitter, jitter)) / ny;
        // A gentle low-frequency warp makes the outline and the long lines wavy.
        const x = u + 0.012 * Math.sin(2 * Math.PI * (1.1 * v + phase[0]!)) + 0.008 * Math.sin(2 * Math.PI * (2.3 * v + 1.7 * u + phase[1]!));
        const y = v + 0.025 * Math.sin(2 * Math.PI * (0.9 * u + phase[2]!)) + 0.01 * Math.sin(2 * Math.PI * (2.1 * u + 1.3 * v + phase[3]!));
        // Inset so the warped outline stays inside the extent.
        mesh.set(i, j, round7(minX + (0.03 + 0.94 * x) * (maxX - minX)), round7(minY + (0.045 + 0.91 * y) * (maxY - minY)));
      }
    }
    if (mesh.isValid()) return mesh;
  }
  throw new Error('districtMesh: invalid mesh');
}

const villageAreaWeight = (v: VillageInput) =>
  // Urban communities are dense: about a third of a rural village's land per household.
  planVillage(v.code).households * (isUrbanVillage(v.code) ? 0.3 : 1) * Rng.from(`${v.code}:area`).float(0.75, 1.3);

/**
 * Lays out towns and villages in the district's bounding box: each town a region, each
 * village a polygon inside its town; village polygons of one town tile the town, town
 * polygons tile the district, no overlaps. Deterministic.
 *
 * Returns the district, its towns and villages (in code order), all with geometry. Towns and
 * villages get `sort` = their 1-based ordinal within the district.
 */
export function layoutDistrict(
  districtCode: string,
  districtName: string,
  towns: TownInput[],
  villages: VillageInput[],
  options: LayoutOptions = {},
): AreaSeed[] {
  if (!/^\d{6}$/.test(districtCode)) throw invalid('demo_district_code', `区县代码应为 6 位数字：${districtCode}`);
  const sortedTowns = [...towns].sort((a, b) => a.code.localeCompare(b.code));
  const sortedVillages = [...villages].sort((a, b) => a.code.localeCompare(b.code));
  const villagesByTown = new Map<string, VillageInput[]>(sortedTowns.map((t) => [t.code, []]));
  for (const t of sortedTowns) {
    if (!/^\d{9}$/.test(t.code) || !t.code.startsWith(districtCode)) {
      throw invalid('demo_town_code', `镇（街道）代码不属于 ${districtCode}：${t.code}`);
    }
  }
  for (const v of sortedVillages) {
    const list = villagesByTown.get(v.townCode);
    if (!list || !/^\d{12}$/.test(v.code) || !v.code.startsWith(v.townCode)) {
      throw invalid('demo_village_code', `村（社区）代码与所属镇（街道）不符：${v.code}`);
    }
    list.push(v);
  }

  const bbox = options.bbox ?? DISTRICT_EXTENTS[districtCode] ?? DEFAULT_EXTENT;
  const midLat = (bbox[1] + bbox[3]) / 2;
  const widthKm = (bbox[2] - bbox[0]) * kmPerDegLng(midLat);
  const heightKm = (bbox[3] - bbox[1]) * KM_PER_DEG_LAT;

  const villageWeights = new Map(sortedVillages.map((v) => [v.code, villageAreaWeight(v)]));
  const townWeights = sortedTowns.map((t) => villagesByTown.get(t.code)!.reduce((s, v) => s + villageWeights.get(v.code)!, 0));
  // Farms and parks have few people but real land: no town below a quarter of the median.
  const median = [...townWeights].sort((x, y) => x - y)[Math.floor(townWeights.length / 2)] || 1;
  const townItems: Item[] = sortedTowns.map((t, ti) => {
    const n = Math.max(1, villagesByTown.get(t.code)!.length);
    // Minimum block that surely fits the villages: ceil(√n) rows of at most ceil(n/rows).
    const rows = Math.ceil(Math.sqrt(n));
    return {
      weight: Math.max(townWeights[ti]!, median / 4),
      minW: MIN_VILLAGE_CELLS * Math.ceil(n / rows),
      minH: MIN_VILLAGE_CELLS * rows,
    };
  });

  // Pick a mesh resolution (about 50 cells per village, square cells in km), refine until
  // every town and village gets its minimum block.
  let cells = Math.max(400, 50 * Math.max(sortedVillages.length, sortedTowns.length));
  for (let attempt = 0; attempt < 12; attempt++, cells = Math.ceil(cells * 1.4)) {
    const ny = Math.max(3, Math.round(Math.sqrt((cells * heightKm) / widthKm)));
    const nx = Math.max(3, Math.round(cells / ny));
    const cellAspect = widthKm / nx / (heightKm / ny);
    const townBlocks = layoutBlocks({ i0: 0, j0: 0, i1: nx, j1: ny }, townItems, cellAspect);
    if (!townBlocks) continue;
    const villageBlocks = new Map<string, Block>();
    let ok = true;
    sortedTowns.forEach((t, ti) => {
      const vs = villagesByTown.get(t.code)!;
      if (!ok || vs.length === 0) return;
      const blocks = layoutBlocks(
        townBlocks[ti]!,
        vs.map((v) => ({ weight: villageWeights.get(v.code)!, minW: MIN_VILLAGE_CELLS, minH: MIN_VILLAGE_CELLS })),
        cellAspect,
      );
      if (!blocks) ok = false;
      else vs.forEach((v, vi) => villageBlocks.set(v.code, blocks[vi]!));
    });
    if (!ok) continue;

    const mesh = districtMesh(districtCode, bbox, nx, ny);
    const out: AreaSeed[] = [
      {
        code: districtCode,
        name: districtName,
        level: 'district',
        parentCode: null,
        geometry: mesh.polygon({ i0: 0, j0: 0, i1: nx, j1: ny }),
        sort: 1,
      },
    ];
    sortedTowns.forEach((t, ti) => {
      out.push({ code: t.code, name: t.name, level: 'town', parentCode: districtCode, geometry: mesh.polygon(townBlocks[ti]!), sort: ti + 1 });
    });
    sortedVillages.forEach((v, vi) => {
      out.push({
        code: v.code,
        name: v.name,
        level: 'village',
        parentCode: v.townCode,
        geometry: mesh.polygon(villageBlocks.get(v.code)!),
        sort: vi + 1,
      });
    });
    return out;
  }
  throw new Error('layoutDistrict: could not fit the villages');
}

// ---------------------------------------------------------------------------------------
// generateGrids

/** Left turn at ring vertex k (radians), lng scaled to km-ish units. */
function turnAt(ring: Position[], k: number, n: number, lngScale: number): number {
  const p = ring[(k - 1 + n) % n]!;
  const q = ring[k % n]!;
  const r = ring[(k + 1) % n]!;
  const ax = (q[0] - p[0]) * lngScale;
  const ay = q[1] - p[1];
  const bx = (r[0] - q[0]) * lngScale;
  const by = r[1] - q[1];
  return Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
}

/**
 * Rebuilds the a×b quad mesh of a village from its ring: the boundary nodes are the ring's
 * vertices, interior nodes come from transfinite (Coons) interpolation plus a little jitter.
 */
function villageMesh(village: AreaSeed, rng: Rng): Mesh {
  const ring = village.geometry?.coordinates[0];
  if (!ring || ring.length < 9 || (ring.length - 1) % 2 !== 0) {
    throw invalid('demo_village_geometry', `村（社区）${village.code} 的边界不是 layoutDistrict 生成的`);
  }
  const n = ring.length - 1;
  const half = n / 2; // a + b
  const lngScale = Math.cos((ring[0]![1] * Math.PI) / 180);
  // The ring starts at the south-west corner; the other corners sit at a (SE), a+b (NE, always
  // half-way round) and 2a+b (NW): pick the a whose SE and NW vertices turn most sharply.
  let a = 1;
  let bestScore = -Infinity;
  for (let c = 1; c < half; c++) {
    const score = turnAt(ring, c, n, lngScale) + turnAt(ring, c + half, n, lngScale);
    if (score > bestScore) {
      bestScore = score;
      a = c;
    }
  }
  const b = half - a;
  const mesh = new Mesh(a, b);
  for (let i = 0; i <= a; i++) {
    mesh.set(i, 0, ring[i]![0], ring[i]![1]);
    const top = ring[2 * a + b - i]!;
    mesh.set(i, b, top[0], top[1]);
  }
  for (let j = 1; j < b; j++) {
    const right = ring[a + j]!;
    mesh.set(a, j, right[0], right[1]);
    const left = ring[n - j]!;
    mesh.set(0, j, left[0], left[1]);
  }
  const [x00, y00] = mesh.point(0, 0);
  const [x10, y10] = mesh.point(a, 0);
  const [x01, y01] = mesh.point(0, b);
  const [x11, y11] = mesh.point(a, b);
  const coons = new Float64Array(2 * (a + 1) * (b + 1));
  for (let j = 1; j < b; j++) {
    const v = j / b;
    for (let i = 1; i < a; i++) {
      const u = i / a;
      const [bx, by] = mesh.point(i, 0);
      const [tx, ty] = mesh.point(i, b);
      const [lx, ly] = mesh.point(0, j);
      const [rx, ry] = mesh.point(a, j);
      const k = 2 * mesh.index(i, j);
      coons[k] = (1 - v) * bx + v * tx + (1 - u) * lx + u * rx - ((1 - u) * (1 - v) * x00 + u * (1 - v) * x10 + (1 - u) * v * x01 + u * v * x11);
      coons[k + 1] = (1 - v) * by + v * ty + (1 - u) * ly + u * ry - ((1 - u) * (1 - v) * y00 + u * (1 - v) * y10 + (1 - u) * v * y01 + u * v * y11);
    }
  }
  const at = (i: number, j: number): Position => {
    if (i === 0 || j === 0 || i === a || j === b) return mesh.point(i, j);
    const k = 2 * mesh.index(i, j);
    return [coons[k]!, coons[k + 1]!];
  };
  const offsets = Array.from({ length: (a + 1) * (b + 1) }, () => [rng.float(-1, 1), rng.float(-1, 1)] as const);
  for (const jitter of [GRID_JITTER, GRID_JITTER / 2, 0]) {
    for (let j = 1; j < b; j++) {
      for (let i = 1; i < a; i++) {
        // Jitter along the local cell axes, measured on the smooth (unjittered) mesh.
        const [du, dv] = offsets[mesh.index(i, j)]!;
        const e = at(i + 1, j);
        const w = at(i - 1, j);
        const nn = at(i, j + 1);
        const s = at(i, j - 1);
        const [cx, cy] = at(i, j);
        const x = cx + (jitter * du * (e[0] - w[0])) / 2 + (jitter * dv * (nn[0] - s[0])) / 2;
        const y = cy + (jitter * du * (e[1] - w[1])) / 2 + (jitter * dv * (nn[1] - s[1])) / 2;
        mesh.set(i, j, round7(x), round7(y));
      }
    }
    if (mesh.isValid()) return mesh;
  }
  throw invalid('demo_village_geometry', `村（社区）${village.code} 的边界无法划分网格`);
}

/**
 * Grids for one village: 300–500 households each; urban communities get residential (N) grids
 * plus about one commercial (X) grid per 4 residential (3–8 grids); rural villages 2–8 grids
 * formed from villagers' groups. Grid polygons tile the village polygon exactly. Deterministic
 * from the village code (and its polygon).
 *
 * Grid `sort` is 100 × village.sort + k, carrying the village's district ordinal along.
 */
export function generateGrids(village: AreaSeed): AreaSeed[] {
  if (village.level !== 'village' || !/^\d{12}$/.test(village.code)) {
    throw invalid('demo_village', `不是村（社区）：${village.code}`);
  }
  const plan = planVillage(village.code);
  if (plan.grids.length > MAX_GRIDS_PER_VILLAGE) throw new Error('generateGrids: too many grids');
  const mesh = villageMesh(village, Rng.from(`${village.code}:grids`));
  const ring = village.geometry!.coordinates[0]!;
  const lat = ring[0]![1];
  // Average cell size in km along the two mesh directions, to keep grids roughly square.
  const cellW = ((Math.abs(ring[mesh.nx]![0] - ring[0]![0]) * kmPerDegLng(lat)) / mesh.nx) || 1;
  const cellH = ((Math.abs(ring[mesh.nx + mesh.ny]![1] - ring[mesh.nx]![1]) * KM_PER_DEG_LAT) / mesh.ny) || 1;
  const blocks = layoutRows(
    { i0: 0, j0: 0, i1: mesh.nx, j1: mesh.ny },
    plan.grids.map((g) => ({ weight: g.households, minW: 1, minH: 1 })),
    cellW / cellH,
  );
  if (!blocks) throw invalid('demo_village_geometry', `村（社区）${village.code} 太小，无法划分 ${plan.grids.length} 个网格`);
  const base = village.sort > 0 ? village.sort * 100 : 0;
  return plan.grids.map((g, idx) => ({
    code: g.code,
    name: g.name,
    level: 'grid',
    parentCode: village.code,
    geometry: mesh.polygon(blocks[idx]!),
    gridType: g.gridType,
    households: g.households,
    sort: base + g.k,
  }));
}
