import { bboxOf, pointInPolygon, type Polygon } from '@gongzhi/domain';
import { eq } from 'drizzle-orm';
import { areas } from '../db/schema.ts';
import type { AppContext } from './context.ts';

interface IndexedGrid {
  code: string;
  polygon: Polygon;
  bbox: [number, number, number, number];
}

// Grid shapes change rarely; they are loaded once per process and per database.
const cache = new WeakMap<object, Promise<IndexedGrid[]>>();

async function loadGrids(ctx: AppContext): Promise<IndexedGrid[]> {
  const rows = await ctx.db.select({ code: areas.code, geometry: areas.geometry }).from(areas).where(eq(areas.level, 'grid'));
  return rows
    .filter((r) => r.geometry)
    .map((r) => {
      const polygon = r.geometry as Polygon;
      return { code: r.code, polygon, bbox: bboxOf(polygon) };
    });
}

/** The grid whose polygon contains a WGS84 point, or null. */
export async function gridAt(ctx: AppContext, lat: number, lng: number): Promise<string | null> {
  let grids = cache.get(ctx.database);
  if (!grids) {
    grids = loadGrids(ctx);
    cache.set(ctx.database, grids);
  }
  for (const g of await grids) {
    const [minX, minY, maxX, maxY] = g.bbox;
    if (lng < minX || lng > maxX || lat < minY || lat > maxY) continue;
    if (pointInPolygon([lng, lat], g.polygon)) return g.code;
  }
  return null;
}
