import {
  conflict,
  forbidden,
  HOUSEHOLD_EVENT_PROBLEM_TEXT,
  householdEventOutcome,
  invalid,
  isWithinScope,
  levelOfCode,
  notFound,
  type HouseholdEventKind,
  type PersonStatus,
  type RiskColour,
} from '@gongzhi/domain';
import { and, asc, eq } from 'drizzle-orm';
import { householdEvents, households, people } from '../db/schema.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canCreatePersonIn, canEditHouseholds, canListPeople } from '../policies/person.ts';
import { findArea } from '../repositories/areas.ts';
import * as repo from '../repositories/people.ts';
import { scopeOf } from '../repositories/scope.ts';
import { toIsoCst } from '../lib/time.ts';
import { placeNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

/** A household's record of move-ins, move-outs and deaths, oldest first. */
export async function householdHistory(ctx: AppContext, householdId: string) {
  const rows = await ctx.db
    .select({ id: householdEvents.id, kind: householdEvents.kind, date: householdEvents.onDate, note: householdEvents.note, personId: householdEvents.personId, personName: people.name, actorName: householdEvents.actorName, createdAt: householdEvents.createdAt })
    .from(householdEvents)
    .innerJoin(people, eq(people.id, householdEvents.personId))
    .where(eq(householdEvents.householdId, householdId))
    .orderBy(asc(householdEvents.onDate), asc(householdEvents.createdAt));
  return rows.map((r) => ({ ...r, kind: r.kind as HouseholdEventKind, createdAt: toIsoCst(r.createdAt) }));
}

async function addressOf(ctx: AppContext, areaCode: string, doorplate: string) {
  const place = (await placeNames(ctx.db, [areaCode])).get(areaCode) ?? '';
  return `${place.replace(/ /g, '')}${doorplate}`;
}

/** Creates a household at a grid, building or unit of the caller's scope (一户一档). */
export async function createHousehold(ctx: AppContext, actor: Actor, input: { areaCode: string; doorplate: string }, req: RequestContext) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能维护住户信息');
  const level = levelOfCode(input.areaCode);
  if (!level || !['grid', 'building', 'unit'].includes(level)) throw invalid('invalid_area_code', '住户所在区域必须是网格、楼栋或单元', { field: 'areaCode' });
  if (!(await findArea(ctx.db, scopeOf(actor), input.areaCode))) throw notFound('区域');
  if (!canCreatePersonIn(actor, input.areaCode)) throw forbidden('您的角色不能维护住户信息');
  const key = `${input.areaCode}-${input.doorplate}`;
  const dup = await ctx.db.select({ id: households.id }).from(households).where(eq(households.key, key)).limit(1);
  if (dup.length) throw conflict('duplicate_household', '该门牌号的住户已登记');
  const address = await addressOf(ctx, input.areaCode, input.doorplate);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(households).values({ key, areaCode: input.areaCode, doorplate: input.doorplate, address }).returning();
    await audit(tx, { actor }, req, { action: 'household.create', entityType: 'household', entityId: row!.id, areaCode: row!.areaCode, detail: { name: address } });
    return { id: row!.id, areaCode: row!.areaCode, address: row!.address, doorplate: row!.doorplate, riskColour: row!.riskColour as RiskColour };
  });
}

/** Changes a household's door number (and with it the address). */
export async function updateHousehold(ctx: AppContext, actor: Actor, id: string, input: { doorplate: string }, req: RequestContext) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能维护住户信息');
  const h = await repo.findHousehold(ctx.db, scopeOf(actor), id);
  if (!h) throw notFound('住户');
  if (!canEditHouseholds(actor)) throw forbidden('您的角色不能维护住户信息');
  if (input.doorplate === h.doorplate) return { id: h.id, areaCode: h.areaCode, address: h.address, doorplate: h.doorplate, riskColour: h.riskColour as RiskColour };
  const key = `${h.areaCode}-${input.doorplate}`;
  const dup = await ctx.db.select({ id: households.id }).from(households).where(eq(households.key, key)).limit(1);
  if (dup.length && dup[0]!.id !== id) throw conflict('duplicate_household', '该门牌号的住户已登记');
  const address = await addressOf(ctx, h.areaCode, input.doorplate);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(households).set({ doorplate: input.doorplate, key, address, updatedAt: new Date() }).where(eq(households.id, id)).returning();
    await audit(tx, { actor }, req, { action: 'household.update', entityType: 'household', entityId: id, areaCode: h.areaCode, detail: { from: h.doorplate, to: input.doorplate } });
    return { id: row!.id, areaCode: row!.areaCode, address: row!.address, doorplate: row!.doorplate, riskColour: row!.riskColour as RiskColour };
  });
}

const KIND_ZH: Record<HouseholdEventKind, string> = { 'move-in': '迁入', 'move-out': '迁出', death: '死亡' };

/** Records a move-in, move-out or death with its date; the person's state follows, the history stays. */
export async function recordHouseholdEvent(
  ctx: AppContext,
  actor: Actor,
  householdId: string,
  input: { kind: HouseholdEventKind; personId: string; date: string; note?: string | null },
  req: RequestContext,
) {
  const scope = scopeOf(actor);
  if (!canListPeople(actor)) throw forbidden('您的角色不能维护住户信息');
  const h = await repo.findHousehold(ctx.db, scope, householdId);
  if (!h) throw notFound('住户');
  if (!canEditHouseholds(actor)) throw forbidden('您的角色不能维护住户信息');
  const p = await repo.findPerson(ctx.db, scope, input.personId);
  if (!p) throw notFound('人员');
  const today = toIsoCst(new Date())!.slice(0, 10);
  const out = householdEventOutcome(input.kind, { status: p.status as PersonStatus, householdId: p.householdId, birthDate: p.birthDate }, householdId, input.date, today);
  if ('problem' in out) {
    const field = out.problem === 'future-date' || out.problem === 'before-birth' ? 'date' : 'personId';
    throw invalid(`household_event_${out.problem.replace(/-/g, '_')}`, `${KIND_ZH[input.kind]}：${HOUSEHOLD_EVENT_PROBLEM_TEXT[out.problem]}`, { field });
  }
  return ctx.db.transaction(async (tx) => {
    const base = { personId: p.id, onDate: input.date, actorId: actor.id, actorName: actor.displayName };
    if (out.leaves) await tx.insert(householdEvents).values({ ...base, householdId: out.leaves, kind: 'move-out', note: `迁入 ${h.address}` });
    const [ev] = await tx.insert(householdEvents).values({ ...base, householdId, kind: input.kind, note: input.note ?? null }).returning();
    await tx
      .update(people)
      .set({ status: out.status, householdId: out.householdId, ...(input.kind === 'move-in' ? { areaCode: h.areaCode } : {}), updatedAt: new Date() })
      .where(and(eq(people.id, p.id)));
    await audit(tx, { actor }, req, { action: `household.${input.kind}`, entityType: 'household', entityId: householdId, areaCode: h.areaCode, detail: { name: p.name, to: input.date } });
    return { id: ev!.id, kind: input.kind, date: input.date, personId: p.id, personName: p.name, note: ev!.note };
  });
}

export const householdEditable = (actor: Actor, areaCode: string) => canEditHouseholds(actor) && isWithinScope(areaCode, actor.scopeCode);
