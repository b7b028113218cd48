import { describe, expect, it } from 'vitest';
import { mergeOutlines, planSplit, polygonArea, polygonsOf, splitByLine, type Outline } from '../src/index.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Outline => ({
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

// A grid 0.01° wide, split into a west and an east half at 121.175.
const grid = rect(121.17, 31.89, 121.18, 31.9);
const west = rect(121.17, 31.89, 121.175, 31.9);
const east = rect(121.175, 31.89, 121.18, 31.9);

describe('planSplit', () => {
  it('places items by point, else by outline, else with the item they follow; reports the rest', () => {
    const plan = planSplit(
      [west, east],
      [
        { key: 'b1', point: [121.172, 31.895] },
        { key: 'b2', outline: rect(121.177, 31.891, 121.179, 31.893) },
        // Mostly east, one corner over the line: its centroid decides.
        { key: 'b3', outline: rect(121.1745, 31.895, 121.178, 31.896) },
        { key: 'case-with-point', point: [121.176, 31.899], follows: 'b1' },
        { key: 'case-by-building', follows: 'b2' },
        { key: 'household-nowhere' },
        { key: 'outside', point: [121.3, 31.9] },
      ],
    );
    expect(Object.fromEntries(plan.assignments)).toEqual({
      b1: 0,
      b2: 1,
      b3: 1,
      'case-with-point': 1,
      'case-by-building': 1,
      'household-nowhere': 0,
      outside: 0,
    });
    expect(plan.unassigned).toEqual(['household-nowhere', 'outside']);
  });

  it('sends the unplaced items to the part asked for', () => {
    const plan = planSplit([west, east], [{ key: 'x' }], 1);
    expect(plan.assignments.get('x')).toBe(1);
    expect(plan.unassigned).toEqual(['x']);
  });

  it('a point on the shared edge goes to exactly one part', () => {
    const plan = planSplit([west, east], [{ key: 'edge', point: [121.175, 31.895] }]);
    expect(plan.unassigned).toEqual([]);
    expect([0, 1]).toContain(plan.assignments.get('edge'));
  });
});

describe('splitByLine', () => {
  it('cuts a grid in two along a line crossing it, the line extended beyond its points', () => {
    const parts = splitByLine(grid, [121.175, 31.895], [121.175, 31.8951]);
    expect(parts).not.toBeNull();
    const [a, b] = parts!;
    const area = (o: Outline) => polygonsOf(o).reduce((s, p) => s + polygonArea(p), 0);
    expect(area(a) + area(b)).toBeCloseTo(area(grid), 12);
    expect(area(a)).toBeCloseTo(area(west), 12);
  });

  it('refuses a line that misses the grid or a zero-length line', () => {
    expect(splitByLine(grid, [121.2, 31.8], [121.2, 31.81])).toBeNull();
    expect(splitByLine(grid, [121.175, 31.895], [121.175, 31.895])).toBeNull();
  });
});

describe('mergeOutlines', () => {
  it('joins adjacent grids into one polygon', () => {
    const merged = mergeOutlines([west, east]);
    expect(merged?.type).toBe('Polygon');
    expect(polygonArea(polygonsOf(merged)[0]!)).toBeCloseTo(polygonArea(polygonsOf(grid)[0]!), 12);
  });

  it('refuses grids that do not touch', () => {
    expect(mergeOutlines([west, rect(121.19, 31.89, 121.2, 31.9)])).toBeNull();
  });
});
