import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { caseMeetings } from '../db/schema.ts';

export type CaseMeetingRow = typeof caseMeetings.$inferSelect;

export async function meetingsOf(db: DbOrTx, caseId: string): Promise<CaseMeetingRow[]> {
  return db.select().from(caseMeetings).where(eq(caseMeetings.caseId, caseId)).orderBy(asc(caseMeetings.heldAt), asc(caseMeetings.createdAt));
}

export async function insertMeeting(db: DbOrTx, row: typeof caseMeetings.$inferInsert): Promise<CaseMeetingRow> {
  const [out] = await db.insert(caseMeetings).values(row).returning();
  return out!;
}
