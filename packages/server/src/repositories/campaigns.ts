// SQL of door-knocking campaigns (敲门行动) and the four-colour risk history (四色分级).
import { NEEDS_HELP_TAGS } from '@gongzhi/domain';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { campaigns, campaignVisits, householdRiskChanges, households } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type CampaignRow = typeof campaigns.$inferSelect;

/** A campaign of the caller's branch: its area lies in the scope, or holds it (a grid worker in a village's campaign). */
const concerns = (scope: Scope) => or(inScope(campaigns.areaCode, scope), sql`${scope.code} like ${campaigns.areaCode} || '%'`);

export async function findCampaign(db: DbOrTx, scope: Scope, id: string): Promise<CampaignRow | null> {
  const rows = await db.select().from(campaigns).where(and(eq(campaigns.id, id), concerns(scope))).limit(1);
  return rows[0] ?? null;
}

/** For a write: the row locked, so marks and a new round or closing do not cross. */
export async function lockCampaign(db: DbOrTx, id: string): Promise<CampaignRow | null> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function listCampaigns(db: DbOrTx, scope: Scope, state?: string): Promise<CampaignRow[]> {
  return db
    .select()
    .from(campaigns)
    .where(and(concerns(scope), state ? eq(campaigns.state, state) : undefined))
    .orderBy(desc(campaigns.createdAt))
    .limit(200);
}

export async function insertCampaign(db: DbOrTx, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [r] = await db.insert(campaigns).values(row).returning();
  return r!;
}

export async function updateCampaign(db: DbOrTx, id: string, set: Partial<typeof campaigns.$inferInsert>): Promise<CampaignRow> {
  const [r] = await db.update(campaigns).set(set).where(eq(campaigns.id, id)).returning();
  return r!;
}

const helpTagList = sql.join(
  NEEDS_HELP_TAGS.map((t) => sql`${t}`),
  sql`, `,
);

/**
 * Households inside `areaCode` and the scope, with the needs-help tags of their present members
 * (elderly living alone, disabled, bedridden).
 */
export async function campaignHouseholds(db: DbOrTx, scope: Scope, areaCode: string) {
  const rows = await db
    .select({
      id: households.id,
      areaCode: households.areaCode,
      address: households.address,
      doorplate: households.doorplate,
      riskColour: households.riskColour,
      helpTags: sql<string[] | null>`(select array_agg(distinct t) from people m cross join lateral unnest(m.tags) as t where m.household_id = "households"."id" and m.status = 'active' and t in (${helpTagList}))`,
    })
    .from(households)
    .where(and(inScope(households.areaCode, scope), sql`${households.areaCode} like ${escapeLike(areaCode) + '%'}`))
    .orderBy(asc(households.areaCode), asc(households.doorplate));
  return rows.map((r) => ({ ...r, helpTags: r.helpTags ?? [] }));
}

/** The marks of a campaign on households of the scope, oldest first. */
export async function visitsOf(db: DbOrTx, scope: Scope, campaignId: string) {
  return db
    .select({ householdId: campaignVisits.householdId, result: campaignVisits.result, round: campaignVisits.round, createdAt: campaignVisits.createdAt })
    .from(campaignVisits)
    .where(and(eq(campaignVisits.campaignId, campaignId), inScope(campaignVisits.areaCode, scope)))
    .orderBy(asc(campaignVisits.createdAt));
}

export async function insertVisit(db: DbOrTx, row: typeof campaignVisits.$inferInsert) {
  const [r] = await db.insert(campaignVisits).values(row).returning();
  return r!;
}

export async function setHouseholdColour(db: DbOrTx, householdId: string, colour: string) {
  await db.update(households).set({ riskColour: colour, updatedAt: new Date() }).where(eq(households.id, householdId));
}

export async function insertRiskChange(db: DbOrTx, row: typeof householdRiskChanges.$inferInsert) {
  await db.insert(householdRiskChanges).values(row);
}

export async function riskChangesOf(db: DbOrTx, householdId: string) {
  return db.select().from(householdRiskChanges).where(eq(householdRiskChanges.householdId, householdId)).orderBy(desc(householdRiskChanges.createdAt)).limit(200);
}

/** Households per colour, grouped by the first `prefixLength` characters of their area code (the child area). */
export async function riskCounts(db: DbOrTx, scope: Scope, areaCode: string, prefixLength: number) {
  const child = sql<string>`left(${households.areaCode}, ${sql.raw(String(Math.trunc(prefixLength)))})`;
  const rows = await db
    .select({ code: child, colour: households.riskColour, n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(inScope(households.areaCode, scope), sql`${households.areaCode} like ${escapeLike(areaCode) + '%'}`))
    .groupBy(child, households.riskColour);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
