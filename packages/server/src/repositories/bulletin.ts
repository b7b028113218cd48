import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { caseEvents, cases } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

const fields = {
  id: cases.id,
  code: cases.code,
  title: cases.title,
  areaCode: cases.areaCode,
  categoryCode: cases.categoryCode,
  state: cases.state,
  handlerUnitId: cases.handlerUnitId,
  createdAt: cases.createdAt,
  closedAt: cases.closedAt,
  dueAt: cases.dueAt,
  reworkCount: cases.reworkCount,
  rating: cases.rating,
};
export type NotableCase = { [K in keyof typeof fields]: (typeof fields)[K]['_']['data'] | null } & { urges?: number };

/** Cases worth naming in a monthly bulletin: late, reworked, most urged, and satisfied and quick. */
export async function notableCases(db: DbOrTx, scope: Scope, area: string, from: Date, to: Date, now: Date, limit = 5) {
  const base = and(inScope(cases.areaCode, scope), sql`${cases.areaCode} like ${escapeLike(area) + '%'}`, sql`${cases.createdAt} >= ${from.toISOString()}`, sql`${cases.createdAt} < ${to.toISOString()}`);
  const open = sql`${cases.state} in ('reported','accepted','dispatched','acknowledged','handled')`;
  const [overdue, reworked, urged, praised] = await Promise.all([
    db
      .select(fields)
      .from(cases)
      .where(and(base, sql`((${open} and ${cases.stepDueAt} < ${now.toISOString()}) or (${cases.closedAt} is not null and ${cases.dueAt} is not null and ${cases.closedAt} > ${cases.dueAt}))`))
      .orderBy(asc(cases.dueAt), asc(cases.createdAt))
      .limit(limit),
    db.select(fields).from(cases).where(and(base, gt(cases.reworkCount, 0))).orderBy(desc(cases.reworkCount), asc(cases.createdAt)).limit(limit),
    db
      .select({ ...fields, urges: sql<number>`count(${caseEvents.id})::int` })
      .from(cases)
      .innerJoin(caseEvents, and(eq(caseEvents.caseId, cases.id), eq(caseEvents.action, 'urge')))
      .where(base)
      .groupBy(cases.id)
      .orderBy(desc(sql`count(${caseEvents.id})`), asc(cases.createdAt))
      .limit(limit),
    db
      .select(fields)
      .from(cases)
      .where(and(base, eq(cases.rating, 'satisfied'), sql`${cases.closedAt} is not null`))
      .orderBy(asc(sql`${cases.closedAt} - ${cases.createdAt}`))
      .limit(limit),
  ]);
  return { overdue, reworked, urged, praised };
}
