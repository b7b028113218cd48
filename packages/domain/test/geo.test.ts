import { describe, expect, it } from 'vitest';
import { bboxOf, centroidOf, findContaining, pointInPolygon, polygonArea, type Polygon, type Position } from '../src/geo.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

const node = (i: number, j: number): Position => [
  121 + i * 0.01 + ((i * 7 + j * 3) % 5) * 0.0007,
  31.8 + j * 0.01 + ((i * 2 + j * 5) % 3) * 0.0009,
];

/** A 3×3 lattice of jittered quads sharing their vertices, like the demo meshes. */
function lattice(): { code: string; geometry: Polygon }[] {
  const cells: { code: string; geometry: Polygon }[] = [];
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i < 3; i++) {
      cells.push({
        code: `${i}${j}`,
        geometry: { type: 'Polygon', coordinates: [[node(i, j), node(i + 1, j), node(i + 1, j + 1), node(i, j + 1), node(i, j)]] },
      });
    }
  }
  return cells;
}

/** The lattice's outline through every boundary node. */
function outline(): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i <= 3; i++) ring.push(node(i, 0));
  for (let j = 1; j <= 3; j++) ring.push(node(3, j));
  for (let i = 2; i >= 0; i--) ring.push(node(i, 3));
  for (let j = 2; j >= 0; j--) ring.push(node(0, j));
  return { type: 'Polygon', coordinates: [ring] };
}

describe('pointInPolygon', () => {
  const sq = square(0, 0, 10, 10);

  it('finds inside and outside points', () => {
    expect(pointInPolygon([5, 5], sq)).toBe(true);
    expect(pointInPolygon([0.001, 9.999], sq)).toBe(true);
    expect(pointInPolygon([-1, 5], sq)).toBe(false);
    expect(pointInPolygon([11, 5], sq)).toBe(false);
    expect(pointInPolygon([5, 10.5], sq)).toBe(false);
  });

  it('handles holes', () => {
    const donut: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 10, 10).coordinates[0]!, [...square(3, 3, 6, 6).coordinates[0]!].reverse()],
    };
    expect(pointInPolygon([1, 1], donut)).toBe(true);
    expect(pointInPolygon([4, 4], donut)).toBe(false);
    expect(pointInPolygon([7, 4], donut)).toBe(true);
  });

  it('handles concave polygons', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(pointInPolygon([0.5, 2], u)).toBe(true);
    expect(pointInPolygon([1.5, 2], u)).toBe(false);
    expect(pointInPolygon([2.5, 2], u)).toBe(true);
    expect(pointInPolygon([1.5, 0.5], u)).toBe(true);
  });

  it('gives a point on a shared edge or vertex to exactly one neighbour', () => {
    const left = square(0, 0, 1, 1);
    const right = square(1, 0, 2, 1);
    const above = square(0, 1, 1, 2);
    for (const p of [
      [1, 0.5],
      [0.5, 1],
      [1, 1],
      [1, 0],
    ] as Position[]) {
      const hits = [left, right, above, square(1, 1, 2, 2)].filter((poly) => pointInPolygon(p, poly)).length;
      expect(hits, `point ${p.join(',')}`).toBe(1);
    }
  });

  it('partitions a jittered lattice: edges, vertices and random points each land in exactly one cell', () => {
    const cells = lattice();
    const points: Position[] = [];
    for (const c of cells) {
      const ring = c.geometry.coordinates[0]!;
      for (let k = 0; k < 4; k++) {
        const p = ring[k]!;
        const q = ring[k + 1]!;
        points.push(p, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2], [p[0] + (q[0] - p[0]) / 3, p[1] + (q[1] - p[1]) / 3]);
      }
    }
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 2000; k++) points.push([121.002 + rand() * 0.026, 31.802 + rand() * 0.026]);
    // Points well inside the lattice: exactly one cell; points on the outer boundary: at most one.
    const outer = square(121.0035, 31.8035, 121.03, 31.83);
    for (const p of points) {
      const hits = cells.filter((c) => pointInPolygon(p, c.geometry)).length;
      if (pointInPolygon(p, outer)) expect(hits, `point ${p.join(',')}`).toBe(1);
      else expect(hits).toBeLessThanOrEqual(1);
    }
  });
});

describe('areas, boxes, centroids', () => {
  it('computes planar areas (holes subtracted, orientation ignored)', () => {
    expect(polygonArea(square(0, 0, 2, 3))).toBeCloseTo(6, 12);
    const cw: Polygon = { type: 'Polygon', coordinates: [[...square(0, 0, 2, 3).coordinates[0]!].reverse()] };
    expect(polygonArea(cw)).toBeCloseTo(6, 12);
    const donut: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10).coordinates[0]!, square(3, 3, 6, 6).coordinates[0]!] };
    expect(polygonArea(donut)).toBeCloseTo(91, 12);
  });

  it('is precise for small polygons at real coordinates', () => {
    const tiny = square(121.17, 31.87, 121.1701, 31.8701);
    expect(polygonArea(tiny) / 1e-8).toBeCloseTo(1, 9);
    const cells = lattice();
    const total = cells.reduce((sum, c) => sum + polygonArea(c.geometry), 0);
    expect(Math.abs(total - polygonArea(outline())) / total).toBeLessThan(1e-12);
  });

  it('computes bounding boxes and centroids', () => {
    expect(bboxOf(square(1, 2, 3, 5))).toEqual([1, 2, 3, 5]);
    const [cx, cy] = centroidOf(square(121, 31, 121.2, 31.4));
    expect(cx).toBeCloseTo(121.1, 10);
    expect(cy).toBeCloseTo(31.2, 10);
    const l: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const [lx, ly] = centroidOf(l);
    expect(lx).toBeCloseTo(5 / 6, 12);
    expect(ly).toBeCloseTo(5 / 6, 12);
  });
});

describe('findContaining', () => {
  it('returns the one item containing the point, or undefined', () => {
    const cells = lattice();
    const c = cells[4]!;
    expect(findContaining(centroidOf(c.geometry), cells)?.code).toBe(c.code);
    expect(findContaining([120, 30], cells)).toBeUndefined();
    // A vertex shared by four cells belongs to exactly one of them.
    const v = c.geometry.coordinates[0]![0]!;
    const owner = findContaining(v, cells);
    expect(owner).toBeDefined();
    expect(cells.filter((x) => pointInPolygon(v, x.geometry))).toEqual([owner]);
  });
});
