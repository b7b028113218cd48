// All SQL of questionnaires (问卷). Who may read which questionnaire is decided by the survey policy;
// list queries take the area prefixes it allows.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { ancestryOf } from '@gongzhi/domain';
import type { DbOrTx } from '../db/client.ts';
import { people, surveyAnswers, surveyQuestions, surveyResponses, surveys, users } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type NewSurveyRow = typeof surveys.$inferInsert;
export type QuestionRow = typeof surveyQuestions.$inferSelect;
export type NewQuestionRow = typeof surveyQuestions.$inferInsert;

export async function insertSurvey(db: DbOrTx, row: NewSurveyRow): Promise<SurveyRow> {
  return (await db.insert(surveys).values(row).returning())[0]!;
}

export async function updateSurvey(db: DbOrTx, id: string, patch: Partial<NewSurveyRow>): Promise<SurveyRow> {
  return (await db.update(surveys).set({ ...patch, updatedAt: new Date() }).where(eq(surveys.id, id)).returning())[0]!;
}

export async function findSurvey(db: DbOrTx, id: string): Promise<SurveyRow | null> {
  return (await db.select().from(surveys).where(eq(surveys.id, id)).limit(1))[0] ?? null;
}

export async function lockSurvey(db: DbOrTx, id: string): Promise<SurveyRow | null> {
  return (await db.select().from(surveys).where(eq(surveys.id, id)).for('update').limit(1))[0] ?? null;
}

export async function questionsOf(db: DbOrTx, surveyId: string): Promise<QuestionRow[]> {
  return db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position));
}

/** Replaces the questions of a draft (no answers can point at them yet). */
export async function replaceQuestions(db: DbOrTx, surveyId: string, rows: Omit<NewQuestionRow, 'surveyId' | 'position'>[]): Promise<void> {
  await db.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
  if (rows.length) await db.insert(surveyQuestions).values(rows.map((r, i) => ({ ...r, surveyId, position: i + 1 })));
}

export interface SurveyFilter {
  /** Staff: every questionnaire inside these areas. */
  within?: string;
  /** Residents: questionnaires whose area contains this place (its ancestors and itself). */
  containing?: string;
  states?: string[];
  page: number;
  pageSize: number;
}

export async function listSurveys(db: DbOrTx, f: SurveyFilter): Promise<{ total: number; rows: SurveyRow[] }> {
  const conds: SQL[] = [];
  if (f.within !== undefined) conds.push(sql`${surveys.areaCode} like ${escapeLike(f.within) + '%'}`);
  if (f.containing !== undefined) conds.push(inArray(surveys.areaCode, ancestryOf(f.containing)));
  if (f.states?.length) conds.push(inArray(surveys.state, f.states));
  const where = conds.length ? and(...conds) : undefined;
  const [totalRow] = await db.select({ n: count() }).from(surveys).where(where);
  const rows = await db
    .select()
    .from(surveys)
    .where(where)
    .orderBy(sql`case ${surveys.state} when 'open' then 0 when 'draft' then 1 else 2 end`, desc(surveys.createdAt), asc(surveys.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: totalRow?.n ?? 0, rows };
}

export async function questionCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: surveyQuestions.surveyId, n: count() }).from(surveyQuestions).where(inArray(surveyQuestions.surveyId, ids)).groupBy(surveyQuestions.surveyId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function responseCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: surveyResponses.surveyId, n: count() }).from(surveyResponses).where(inArray(surveyResponses.surveyId, ids)).groupBy(surveyResponses.surveyId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function answeredBy(db: DbOrTx, userId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: surveyResponses.surveyId })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.userId, userId), inArray(surveyResponses.surveyId, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function responseOf(db: DbOrTx, surveyId: string, userId: string) {
  return (await db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.userId, userId))).limit(1))[0] ?? null;
}

export async function answersOfResponse(db: DbOrTx, responseId: string) {
  return db
    .select({ questionId: surveyAnswers.questionId, choices: surveyAnswers.choices, rating: surveyAnswers.rating, text: surveyAnswers.text })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.responseId, responseId));
}

/** Inserts a response; null when the account has one already (the unique index decides, also under races). */
export async function insertResponse(db: DbOrTx, row: { surveyId: string; userId: string | null; channel?: string; areaCode: string; createdAt?: Date }) {
  const res = await db.insert(surveyResponses).values(row).onConflictDoNothing().returning();
  return res[0] ?? null;
}

export async function insertAnswers(db: DbOrTx, rows: (typeof surveyAnswers.$inferInsert)[]) {
  if (rows.length) await db.insert(surveyAnswers).values(rows);
}

/** Every answer of a questionnaire grouped by response, for the aggregation. */
export async function allAnswers(db: DbOrTx, surveyId: string) {
  return db
    .select({ responseId: surveyAnswers.responseId, questionId: surveyAnswers.questionId, choices: surveyAnswers.choices, rating: surveyAnswers.rating, text: surveyAnswers.text })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.surveyId, surveyId));
}

/** Respondents in all, and those who answered with their account (online). */
export async function respondentCount(db: DbOrTx, surveyId: string): Promise<{ all: number; online: number }> {
  const [row] = await db
    .select({ n: count(), online: count(surveyResponses.userId) })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return { all: row?.n ?? 0, online: row?.online ?? 0 };
}

/** Active resident accounts placed inside an area (the people a questionnaire of the area asks). */
export async function residentAccounts(db: DbOrTx, areaCode: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.active, true), sql`'resident' = any(${users.roles})`, sql`${users.scopeCode} like ${escapeLike(areaCode) + '%'}`));
  return row?.n ?? 0;
}

/** The text answers to one question, newest first, with the respondent's name. */
export async function textAnswers(db: DbOrTx, surveyId: string, questionId: string, page: number, pageSize: number) {
  const where = and(eq(surveyAnswers.surveyId, surveyId), eq(surveyAnswers.questionId, questionId), sql`${surveyAnswers.text} is not null`);
  const [totalRow] = await db.select({ n: count() }).from(surveyAnswers).where(where);
  const rows = await db
    .select({ text: surveyAnswers.text, at: surveyResponses.createdAt, name: users.displayName })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .leftJoin(users, eq(users.id, surveyResponses.userId))
    .where(where)
    .orderBy(desc(surveyResponses.createdAt), asc(surveyAnswers.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total: totalRow?.n ?? 0, rows };
}


/** Where a person of the registry lives. */
export async function personPlace(db: DbOrTx, personId: string): Promise<string | null> {
  const rows = await db.select({ areaCode: people.areaCode }).from(people).where(eq(people.id, personId)).limit(1);
  return rows[0]?.areaCode ?? null;
}
