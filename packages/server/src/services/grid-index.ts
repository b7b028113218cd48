import { randomUUID } from 'node:crypto';
import { bboxOf, pointInPolygon, polygonsOf, type Polygon } from '@gongzhi/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { areas } from '../db/schema.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import type { AppContext } from './context.ts';

interface IndexedGrid {
  code: string;
  polygon: Polygon;
  bbox: [number, number, number, number];
}

// Grid shapes change rarely: they are loaded once per process and database, and loaded again when the
// version stamp in app_meta differs from the one they were loaded at. Every save of a grid outline
// writes a new stamp in the same transaction, so every process (not only the one that saved) places
// the next case by the new outline; the stamp costs one primary-key read per lookup.
const VERSION_KEY = 'grid-outlines-version';
const cache = new WeakMap<object, { version: string | null; grids: Promise<IndexedGrid[]> }>();

async function loadGrids(ctx: AppContext): Promise<IndexedGrid[]> {
  // Newest outline first: where a freshly drawn grid overlaps an older one, the new drawing wins.
  const rows = await ctx.db
    .select({ code: areas.code, geometry: areas.geometry })
    .from(areas)
    .where(and(eq(areas.level, 'grid'), isNull(areas.retiredAt)))
    .orderBy(desc(areas.updatedAt), areas.code);
  return rows.flatMap((r) => polygonsOf(r.geometry).map((polygon) => ({ code: r.code, polygon, bbox: bboxOf(polygon) })));
}

/** Marks every process's grid index stale; call in the transaction that saves a grid outline. */
export async function gridOutlinesChanged(db: DbOrTx): Promise<void> {
  await setMeta(db, VERSION_KEY, randomUUID());
}

/** The grid whose polygon contains a WGS84 point, or null. */
export async function gridAt(ctx: AppContext, lat: number, lng: number): Promise<string | null> {
  const version = await getMeta<string>(ctx.db, VERSION_KEY);
  let entry = cache.get(ctx.database);
  if (!entry || entry.version !== version) {
    entry = { version, grids: loadGrids(ctx) };
    cache.set(ctx.database, entry);
  }
  for (const g of await entry.grids) {
    const [minX, minY, maxX, maxY] = g.bbox;
    if (lng < minX || lng > maxX || lat < minY || lat > maxY) continue;
    if (pointInPolygon([lng, lat], g.polygon)) return g.code;
  }
  return null;
}
