import { describe, expect, it } from 'vitest';
import { DomainError, tilingIssues, type PolygonGeometry, nextChildCode, outlineToWgs84, parseOutline, polygonsOf, sameGeometry, toWgs84 } from '../src/index.ts';

const square: [number, number][] = [
  [121.17, 31.89],
  [121.18, 31.89],
  [121.18, 31.9],
  [121.17, 31.9],
  [121.17, 31.89],
];

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('invalid_geometry');
    return (e as DomainError).message;
  }
  throw new Error('expected invalid_geometry');
}

describe('parseOutline', () => {
  it('accepts a closed polygon and a multipolygon, dropping altitudes', () => {
    expect(parseOutline({ type: 'Polygon', coordinates: [square] }, false)).toEqual({ type: 'Polygon', coordinates: [square] });
    const withZ = { type: 'MultiPolygon', coordinates: [[square.map(([x, y]) => [x, y, 12])]] };
    expect(parseOutline(withZ, false)).toEqual({ type: 'MultiPolygon', coordinates: [[square]] });
  });

  it('accepts a polygon with a hole that does not touch the outer ring', () => {
    const hole = [[121.172, 31.892], [121.172, 31.895], [121.175, 31.895], [121.175, 31.892], [121.172, 31.892]];
    expect(parseOutline({ type: 'Polygon', coordinates: [square, hole] }, false).coordinates).toHaveLength(2);
  });

  it('refuses a ring that is not closed', () => {
    expect(reason(() => parseOutline({ type: 'Polygon', coordinates: [square.slice(0, 4).concat([[121.171, 31.89]])] }, false))).toContain('未闭合');
  });

  it('refuses fewer than 4 positions (3 is a closed line, 4 the smallest triangle)', () => {
    expect(reason(() => parseOutline({ type: 'Polygon', coordinates: [[[121.17, 31.89], [121.18, 31.89], [121.17, 31.89]]] }, false))).toContain('至少需要 4 个坐标');
    expect(parseOutline({ type: 'Polygon', coordinates: [[[121.17, 31.89], [121.18, 31.89], [121.18, 31.9], [121.17, 31.89]]] }, false).type).toBe('Polygon');
  });

  it('refuses a self-intersecting ring (a bow tie) and rings crossing each other', () => {
    const bowTie = [[121.17, 31.89], [121.18, 31.9], [121.18, 31.89], [121.17, 31.9], [121.17, 31.89]];
    expect(reason(() => parseOutline({ type: 'Polygon', coordinates: [bowTie] }, false))).toContain('自相交');
    const crossingHole = [[121.175, 31.895], [121.19, 31.895], [121.19, 31.897], [121.175, 31.897], [121.175, 31.895]];
    expect(reason(() => parseOutline({ type: 'Polygon', coordinates: [square, crossingHole] }, false))).toContain('自相交');
  });

  it('refuses other types, a point unless allowed, bad numbers and coordinates off the globe', () => {
    expect(reason(() => parseOutline({ type: 'LineString', coordinates: square }, false))).toContain('Polygon');
    expect(reason(() => parseOutline({ type: 'Point', coordinates: [121.17, 31.89] }, false))).toContain('不能是点');
    expect(parseOutline({ type: 'Point', coordinates: [121.17, 31.89] }, true)).toEqual({ type: 'Point', coordinates: [121.17, 31.89] });
    expect(reason(() => parseOutline({ type: 'Polygon', coordinates: [square.map(() => ['a', 1])] }, false))).toContain('数字对');
    expect(reason(() => parseOutline({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x + 100, y])] }, false))).toContain('超出');
    expect(reason(() => parseOutline(null, false))).toContain('GeoJSON');
    expect(reason(() => parseOutline({ type: 'Polygon', coordinates: [] }, false))).toContain('外环');
  });
});

describe('outlineToWgs84', () => {
  it('converts every position as a point would be converted, and keeps rings closed', () => {
    const g = parseOutline({ type: 'Polygon', coordinates: [square] }, false) as PolygonGeometry;
    for (const crs of ['gcj02', 'bd09'] as const) {
      const out = outlineToWgs84(g, crs);
      const ring = out.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const p = toWgs84(31.9, 121.18, crs);
      expect(ring[2]![0]).toBeCloseTo(p.lng, 9);
      expect(ring[2]![1]).toBeCloseTo(p.lat, 9);
      // The shift in China is a few hundred metres: a visible change, not a no-op.
      expect(Math.abs(ring[2]![0] - 121.18)).toBeGreaterThan(0.002);
    }
    expect(outlineToWgs84(g, 'wgs84')).toBe(g);
  });

  it('splits a multipolygon into polygons', () => {
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toHaveLength(2);
    expect(polygonsOf({ type: 'Point', coordinates: [1, 2] })).toEqual([]);
    expect(sameGeometry({ type: 'Polygon', coordinates: [square] }, { type: 'Polygon', coordinates: [square] })).toBe(true);
  });
});

describe('nextChildCode', () => {
  it('extends the parent code with the next sequence after the highest in use', () => {
    expect(nextChildCode('320614103001', ['320614103001001', '320614103001002', '320614103001005'])).toBe('320614103001006');
    expect(nextChildCode('320614103001', [])).toBe('320614103001001');
    expect(nextChildCode('320614103001001001', ['32061410300100100101'])).toBe('32061410300100100102');
    expect(nextChildCode('320614', ['320614103'])).toBe('320614104');
  });
  it('has no child code under a unit, nor when the sequence is exhausted', () => {
    expect(nextChildCode('32061410300100100101', [])).toBeNull();
    expect(nextChildCode('320614103001001', ['320614103001001999'])).toBeNull();
    expect(nextChildCode('320614103001001001', ['32061410300100100199'])).toBeNull();
  });
});

describe('tilingIssues', () => {
  const box = (x0: number, y0: number, x1: number, y1: number) => ({
    type: 'Polygon' as const,
    coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
  });
  it('finds nothing when grids share their edges', () => {
    expect(tilingIssues([{ code: 'a', geometry: box(0, 0, 1, 1) }, { code: 'b', geometry: box(1, 0, 2, 1) }])).toEqual([]);
  });
  it('names two grids that overlap', () => {
    const issues = tilingIssues([{ code: 'a', geometry: box(0, 0, 1, 1) }, { code: 'b', geometry: box(0.5, 0, 2, 1) }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'overlap', codes: ['a', 'b'] });
    expect(issues[0]!.area).toBeCloseTo(0.5, 6);
  });
  it('finds a gap enclosed by the grids', () => {
    // A ring of four grids around an empty middle square.
    const grids = [box(0, 0, 3, 1), box(0, 2, 3, 3), box(0, 1, 1, 2), box(2, 1, 3, 2)].map((geometry, k) => ({ code: String(k), geometry }));
    const issues = tilingIssues(grids);
    expect(issues.map((i) => i.kind)).toEqual(['gap']);
    expect(issues[0]!.at[0]).toBeCloseTo(1.5, 6);
  });
  it('ignores slivers of drawing noise', () => {
    expect(tilingIssues([{ code: 'a', geometry: box(0, 0, 1, 1) }, { code: 'b', geometry: box(1 - 1e-12, 0, 2, 1) }])).toEqual([]);
  });
});
