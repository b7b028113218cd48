import { ancestryOf, placeName } from '@gongzhi/domain';
import { namesOf } from '../repositories/areas.ts';
import type { DbOrTx } from '../db/client.ts';

// Area names change only when the territory is edited; hot paths (intake, case views) read them
// from this per-process cache, refreshed every five minutes and cleared on every edit. Only found
// names are kept: an area created by another process is found on its first lookup.
const cache = new Map<string, { name: string; level: string }>();
let filledAt = Date.now();

export async function areaNames(db: DbOrTx, codes: string[]): Promise<Map<string, { name: string; level: string }>> {
  if (Date.now() - filledAt > 5 * 60_000) {
    cache.clear();
    filledAt = Date.now();
  }
  const missing = [...new Set(codes)].filter((c) => !cache.has(c));
  if (missing.length) {
    const found = await namesOf(db, missing);
    for (const c of missing) {
      const hit = found.get(c);
      if (hit) cache.set(c, hit);
    }
    if (cache.size > 200_000) cache.clear();
  }
  const out = new Map<string, { name: string; level: string }>();
  for (const c of codes) {
    const v = cache.get(c);
    if (v) out.set(c, v);
  }
  return out;
}

export function forgetAreaNames() {
  cache.clear();
}

/**
 * The readable place (状元街居委会 第一网格 3幢2单元101室) of each code of a page of rows, with the
 * names of all their ancestors read in one batch from the cache. A household appends its doorplate.
 */
export async function placeNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const all = [...new Set(unique.flatMap((c) => ancestryOf(c)))];
  const names = await areaNames(db, all);
  const out = new Map<string, string>();
  for (const c of unique) {
    const chain = ancestryOf(c).flatMap((a) => {
      const n = names.get(a);
      return n ? [n] : [];
    });
    out.set(c, placeName(chain));
  }
  return out;
}
