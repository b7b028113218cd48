import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { caseAssessments } from '../db/schema.ts';
import { escapeLike, type Scope } from './scope.ts';

export type CaseAssessmentRow = typeof caseAssessments.$inferSelect;

export async function assessmentsOf(db: DbOrTx, caseId: string): Promise<CaseAssessmentRow[]> {
  return db.select().from(caseAssessments).where(eq(caseAssessments.caseId, caseId));
}

export async function findAssessment(db: DbOrTx, caseId: string, unitId: string): Promise<CaseAssessmentRow | null> {
  const rows = await db
    .select()
    .from(caseAssessments)
    .where(and(eq(caseAssessments.caseId, caseId), eq(caseAssessments.unitId, unitId)))
    .for('update');
  return rows[0] ?? null;
}

/** Writes the assessment of a case's unit: the first, or a correction that counts a revision. */
export async function saveAssessment(db: DbOrTx, row: Omit<typeof caseAssessments.$inferInsert, 'revisions'>): Promise<CaseAssessmentRow> {
  const { caseId: _c, unitId: _u, ...change } = row;
  const [out] = await db
    .insert(caseAssessments)
    .values(row)
    .onConflictDoUpdate({ target: [caseAssessments.caseId, caseAssessments.unitId], set: { ...change, revisions: sql`${caseAssessments.revisions} + 1` } })
    .returning();
  return out!;
}

/**
 * Per unit: how many of its cases received in the period inside the area (and the caller's
 * scope) the centres assessed, and the average score. For the department ranking.
 */
export async function assessmentsByUnit(db: DbOrTx, scope: Scope, area: string, from: Date, to: Date, unitId?: string) {
  const res = await db.execute(sql`
    select a.unit_id as key, count(*)::int as assessed, round(avg(a.score)::numeric, 1)::float8 as score
    from case_assessments a join cases c on c.id = a.case_id
    where c.area_code like ${escapeLike(scope.code) + '%'} and c.area_code like ${escapeLike(area) + '%'}
      and c.created_at >= ${from.toISOString()} and c.created_at < ${to.toISOString()}
      ${unitId ? sql`and a.unit_id = ${unitId}` : sql``}
    group by a.unit_id`);
  return (res.rows as { key: string; assessed: number; score: number | string }[]).map((r) => ({ key: r.key, assessed: Number(r.assessed), score: Number(r.score) }));
}
