import { namesOf } from '../repositories/areas.ts';
import type { DbOrTx } from '../db/client.ts';

// Area names change only by an administrator's rename; hot paths (intake, case views) read them
// from this per-process cache, refreshed every five minutes and cleared on rename.
const cache = new Map<string, { name: string; level: string } | null>();
let filledAt = Date.now();

export async function areaNames(db: DbOrTx, codes: string[]): Promise<Map<string, { name: string; level: string }>> {
  if (Date.now() - filledAt > 5 * 60_000) {
    cache.clear();
    filledAt = Date.now();
  }
  const missing = [...new Set(codes)].filter((c) => !cache.has(c));
  if (missing.length) {
    const found = await namesOf(db, missing);
    for (const c of missing) cache.set(c, found.get(c) ?? null);
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
