import { and, asc, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { cases } from '../db/schema.ts';

/**
 * Cases a handling unit holds past their step deadline whose chain is not finished yet (no
 * escalation mark, and no supervision mark for types that stop there). Oldest deadline first.
 */
export async function overdueAtUnits(db: DbOrTx, now: Date, limit = 500) {
  return db
    .select()
    .from(cases)
    .where(
      and(
        inArray(cases.state, ['dispatched', 'acknowledged']),
        isNotNull(cases.handlerUnitId),
        sql`${cases.stepDueAt} < ${now.toISOString()}`,
        sql`not exists (select 1 from case_deadline_marks m where m.case_id = ${cases.id} and m.kind = 'escalate-up' and m.due_at = ${cases.stepDueAt})`,
        sql`(${cases.ownerLevel} <> 'district' or not exists (select 1 from case_deadline_marks m where m.case_id = ${cases.id} and m.kind = 'supervise' and m.due_at = ${cases.stepDueAt}))`,
      ),
    )
    .orderBy(asc(cases.stepDueAt))
    .limit(limit);
}
