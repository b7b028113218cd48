import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { appMeta } from '../db/schema.ts';

export async function getMeta<T>(db: DbOrTx, key: string): Promise<T | null> {
  const rows = await db.select().from(appMeta).where(eq(appMeta.key, key)).limit(1);
  return (rows[0]?.value as T | undefined) ?? null;
}

export async function setMeta(db: DbOrTx, key: string, value: unknown): Promise<void> {
  await db
    .insert(appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: sql`now()` } });
}
