import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { cases, caseUnits, units } from '../db/schema.ts';

/** The unit types a case may be dispatched to (the dispatch dialog offers the same). */
export const SUGGESTED_UNIT_TYPES = ['department', 'property'] as const;

export async function dispatchableUnits(db: DbOrTx) {
  return db
    .select({ id: units.id, code: units.code, name: units.name, type: units.type, areaCode: units.areaCode })
    .from(units)
    .where(and(inArray(units.type, [...SUGGESTED_UNIT_TYPES]), eq(units.handlesCases, true)));
}

/** The lead unit a case was (last) dispatched to, if any. */
const leadUnit = sql<string | null>`(select ${caseUnits.unitId} from ${caseUnits} where ${caseUnits.caseId} = ${cases.id} and ${caseUnits.role} = 'lead' order by ${caseUnits.updatedAt} desc limit 1)`;

/**
 * The cases a dispatcher has decided on (accepted, dispatched or further; not those still waiting,
 * refused, withdrawn or merged away), newest first: what the suggestion model learns from.
 */
export async function decidedCases(db: DbOrTx, opts: { limit: number; before?: Date; ids?: string[] }) {
  return db
    .select({ id: cases.id, categoryCode: cases.categoryCode, title: cases.title, description: cases.description, areaCode: cases.areaCode, createdAt: cases.createdAt, unitId: leadUnit })
    .from(cases)
    .where(
      and(
        sql`${cases.state} not in ('reported','rejected','withdrawn','merged')`,
        opts.before ? sql`${cases.createdAt} < ${opts.before.toISOString()}` : undefined,
        opts.ids ? inArray(cases.id, opts.ids) : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(opts.limit);
}
