// Deliberation (议事协商, contract "Deliberation"): convene with a roll, record ballots (paper, by
// staff; online, by the roll's own resident), close with the result under the body's rule. The rule
// itself is pure (packages/domain/src/deliberation); this module checks, stores and presents.
import {
  areaToCenti,
  bodyAllowedIn,
  centiToArea,
  conflict,
  decideDeliberation,
  DELIBERATION_BODY_FORMS,
  DELIBERATION_BODY_LABELS,
  DELIBERATION_BODY_SOURCES,
  DELIBERATION_BODY_PLACES,
  explainDeliberationOutcome,
  forbidden,
  invalid,
  isAreaCode,
  isWithinScope,
  notFound,
  OWNERS_ASSEMBLY_MATTERS,
  type BallotChoice,
  type DeliberationBody,
  type DeliberationCheck,
  type DeliberationForm,
  type DeliberationOutcome,
  type DeliberationState,
} from '@gongzhi/domain';
import { findArea } from '../repositories/areas.ts';
import { scopeOf } from '../repositories/scope.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { deliberationScopeOf, isOrganiser, isOwnEntry, organises, seesRoll, type Voter } from '../policies/deliberations.ts';
import * as repo from '../repositories/deliberations.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';
import { MAX_ROLL } from '@gongzhi/domain/contract';

export { MAX_ROLL };

async function voterOf(ctx: AppContext, actor: Actor): Promise<Voter> {
  if (!actor.personId) return { personId: null, householdId: null };
  return { personId: actor.personId, householdId: await repo.householdOfPerson(ctx.db, actor.personId) };
}

const PLACE_WORDS: Record<string, string> = {
  village: '村（区划代码第 10–12 位为 200–399）',
  community: '社区（区划代码第 10–12 位为 001–199）',
  'village-level': '村（社区）或其中的网格、楼栋',
  'town-or-below': '镇（街道）或其下的村（社区）、网格',
};

// ---- convening --------------------------------------------------------------------------------

export interface RollInput {
  name: string;
  area?: number;
  personId?: string;
  householdId?: string;
}

export interface DeliberationInput {
  title: string;
  description: string;
  areaCode: string;
  body: DeliberationBody;
  form?: DeliberationForm;
  matter?: number;
  roll: RollInput[];
}

export async function createDeliberation(ctx: AppContext, actor: Actor, input: DeliberationInput, req: RequestContext, opts: { idempotencyKey?: string } = {}) {
  if (!isOrganiser(actor)) throw forbidden('只有镇（街道）和村（社区）工作人员可以发起议事协商', 'forbidden');
  const label = DELIBERATION_BODY_LABELS[input.body].zh;
  if (!isAreaCode(input.areaCode)) throw invalid('invalid_area', '区域（areaCode）应为区划代码', { field: 'areaCode' });
  if (!bodyAllowedIn(input.body, input.areaCode)) {
    throw invalid('wrong_area_kind', `${label}只能在${PLACE_WORDS[DELIBERATION_BODY_PLACES[input.body]]}召开，所选区域（areaCode）不符合`, { field: 'areaCode' });
  }
  const area = await findArea(ctx.db, scopeOf(actor), input.areaCode);
  if (!area) throw notFound('区域（areaCode）');
  const form = input.form ?? 'persons';
  if (!DELIBERATION_BODY_FORMS[input.body].includes(form)) {
    throw invalid('invalid_form', `${label}不能以${form === 'households' ? '户代表' : '个人'}形式召开（form）`, { field: 'form' });
  }
  let matter: number | null = null;
  if (input.body === 'owners-assembly') {
    if (input.matter === undefined) throw invalid('matter_required', '业主大会须写明表决事项（matter）：《民法典》第二百七十八条第一款第 1–9 项之一', { field: 'matter' });
    matter = input.matter;
  }
  if (input.roll.length === 0) throw invalid('empty_roll', '名册（roll）不能为空：请列出有权参加的每个人或每户', { field: 'roll' });
  const seenPeople = new Set<string>();
  const seenHouseholds = new Set<string>();
  const rows = input.roll.map((e, i) => {
    const where = `名册第 ${i + 1} 项“${e.name.slice(0, 20)}”`;
    let areaCenti: bigint | null = null;
    if (e.area !== undefined) {
      areaCenti = areaToCenti(e.area);
      if (areaCenti === null) throw invalid('invalid_floor_area', `${where}的专有部分面积（area）应为大于 0 的平方米数，最多两位小数`, { field: `roll.${i}.area` });
    } else if (input.body === 'owners-assembly') {
      throw invalid('area_required', `业主大会名册须写明每位业主的专有部分面积：${where}缺少面积（area）`, { field: `roll.${i}.area` });
    }
    if (e.personId) {
      if (seenPeople.has(e.personId)) throw invalid('duplicate_roll_entry', `${where}与前面的条目是同一居民（personId）`, { field: `roll.${i}.personId` });
      seenPeople.add(e.personId);
    }
    if (e.householdId) {
      if (form === 'households' && seenHouseholds.has(e.householdId)) throw invalid('duplicate_roll_entry', `${where}与前面的条目是同一户（householdId）`, { field: `roll.${i}.householdId` });
      seenHouseholds.add(e.householdId);
    }
    return { seq: i + 1, name: e.name, areaCenti, personId: e.personId ?? null, householdId: e.householdId ?? null };
  });
  // Registry links must name people and households of the deliberation's area.
  const places = await repo.registryPlaces(ctx.db, [...seenPeople], [...seenHouseholds]);
  rows.forEach((r, i) => {
    const p = r.personId ? places.people.get(r.personId) : undefined;
    if (r.personId && (!p || !isWithinScope(p, input.areaCode))) throw invalid('invalid_roll_person', `名册第 ${i + 1} 项的居民（personId）不在${area.name}的人口信息中`, { field: `roll.${i}.personId` });
    const h = r.householdId ? places.households.get(r.householdId) : undefined;
    if (r.householdId && (!h || !isWithinScope(h, input.areaCode))) throw invalid('invalid_roll_household', `名册第 ${i + 1} 项的户（householdId）不在${area.name}的人口信息中`, { field: `roll.${i}.householdId` });
  });

  return withIdempotency(ctx, `deliberations:${actor.id}`, opts.idempotencyKey, async (tx) => {
    const d = await repo.insertDeliberation(tx, {
      title: input.title,
      description: input.description,
      areaCode: input.areaCode,
      body: input.body,
      form,
      matter,
      state: 'open',
      createdBy: actor.id,
    });
    const roll = await repo.insertRoll(
      tx,
      rows.map((r) => ({ ...r, deliberationId: d.id })),
    );
    await audit(tx, { actor }, req, { action: 'deliberation.create', entityType: 'deliberation', entityId: d.id, areaCode: d.areaCode, detail: { body: d.body, form, matter, roll: roll.length } });
    return { status: 201, body: { id: d.id, state: d.state as DeliberationState, roll: roll.map(rollItem) } };
  });
}

const rollItem = (r: repo.RollRow) => ({ id: r.id, name: r.name, ...(r.areaCenti !== null ? { area: centiToArea(r.areaCenti) } : {}) });

// ---- ballots ----------------------------------------------------------------------------------

export async function castBallot(ctx: AppContext, actor: Actor, id: string, input: { rollId: string; choice: BallotChoice }, req: RequestContext, opts: { idempotencyKey?: string } = {}) {
  const voter = await voterOf(ctx, actor);
  const d = await repo.findDeliberation(ctx.db, deliberationScopeOf(actor, voter), id);
  const organiser = !!d && organises(actor, d);
  if (!organiser) {
    // Not staff of this deliberation: only a ballot for one's own roll entry.
    if (!d) {
      if (isOrganiser(actor)) throw notFound('议事协商');
      throw forbidden('只有组织议事协商的工作人员可以登记表决票；居民只能为名册上的本人投票', 'forbidden');
    }
    const entry = await repo.rollEntry(ctx.db, d.id, input.rollId);
    if (!entry || !isOwnEntry(voter, entry, d.form)) throw forbidden('您只能为名册上的本人（本户）投票', 'not_own_entry');
  }
  return withIdempotency(ctx, `deliberation-ballots:${actor.id}`, opts.idempotencyKey, async (tx) => {
    const locked = await repo.lockDeliberation(tx, id);
    if (!locked) throw notFound('议事协商');
    if (locked.state !== 'open') throw conflict('deliberation_closed', '该议事协商已结束表决，不能再投票');
    const entry = await repo.rollEntry(tx, id, input.rollId);
    if (!entry) throw notFound('名册条目（rollId）');
    const ballot = await repo.insertBallot(tx, { deliberationId: id, rollId: entry.id, choice: input.choice, online: !organiser, recordedBy: actor.id });
    if (!ballot) throw conflict('already_voted', `名册上的“${entry.name}”已经投过票，每人（每户）只能投一票`);
    await audit(tx, { actor }, req, { action: 'deliberation.ballot', entityType: 'deliberation', entityId: id, areaCode: locked.areaCode, detail: { rollId: entry.id, online: !organiser } });
    return { status: 201, body: { id: ballot.id, rollId: entry.id, choice: ballot.choice as BallotChoice } };
  });
}

// ---- closing ----------------------------------------------------------------------------------

export async function closeDeliberation(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  if (!isOrganiser(actor)) throw forbidden('只有组织议事协商的工作人员可以结束表决', 'forbidden');
  const d = await repo.findDeliberation(ctx.db, deliberationScopeOf(actor, { personId: null, householdId: null }), id);
  if (!d || !organises(actor, d)) throw notFound('议事协商');
  return ctx.db.transaction(async (tx) => {
    const locked = await repo.lockDeliberation(tx, id);
    if (!locked) throw notFound('议事协商');
    if (locked.state !== 'open') throw conflict('deliberation_closed', '该议事协商已经结束表决');
    const outcome = outcomeOf(locked, await repo.rollOf(tx, id), await repo.ballotsOf(tx, id));
    const closed = await repo.closeDeliberation(tx, id, { result: outcome, closedBy: actor.id, closedAt: new Date() });
    await audit(tx, { actor }, req, { action: 'deliberation.close', entityType: 'deliberation', entityId: id, areaCode: locked.areaCode, detail: { held: outcome.held, passed: outcome.passed } });
    return { id: closed.id, state: closed.state as DeliberationState, result: contractResult(outcome) };
  });
}

function outcomeOf(d: repo.DeliberationRow, roll: repo.RollRow[], ballots: repo.BallotRow[]): DeliberationOutcome {
  const byRoll = new Map(ballots.map((b) => [b.rollId, b.choice as BallotChoice]));
  return decideDeliberation({ body: d.body as DeliberationBody, form: d.form as DeliberationForm, matter: d.matter, roll: roll.map((r) => ({ areaCenti: r.areaCenti, choice: byRoll.get(r.id) ?? null })) });
}

/** The result exactly as the contract names it (the checks are on the detail). */
function contractResult(o: DeliberationOutcome) {
  const { checks: _checks, ...rest } = o;
  return rest;
}

// ---- reading ----------------------------------------------------------------------------------

function reasonOf(o: { held: boolean; passed: boolean; checks: DeliberationCheck[] }) {
  return { zh: explainDeliberationOutcome(o, 'zh'), en: explainDeliberationOutcome(o, 'en') };
}

export async function listDeliberations(ctx: AppContext, actor: Actor, q: { area?: string; state?: string; page: number; pageSize: number }) {
  const voter = await voterOf(ctx, actor);
  const states = q.state ? q.state.split(',').filter(Boolean) : undefined;
  const { total, rows } = await repo.listDeliberations(ctx.db, deliberationScopeOf(actor, voter), { area: q.area, states, page: q.page, pageSize: q.pageSize });
  const ids = rows.map((r) => r.id);
  const [counts, names, own] = await Promise.all([repo.tallies(ctx.db, ids), areaNames(ctx.db, rows.map((r) => r.areaCode)), repo.ownEntries(ctx.db, ids, voter.personId, voter.householdId)]);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((d) => {
      const result = d.result as DeliberationOutcome | null;
      return {
        ...head(d, names),
        eligible: counts.get(d.id)?.eligible ?? 0,
        present: counts.get(d.id)?.present ?? 0,
        onRoll: own.some((e) => e.deliberationId === d.id && isOwnEntry(voter, e, d.form)),
        result: result ? { held: result.held, passed: result.passed } : null,
        allowedActions: organises(actor, d) && d.state === 'open' ? ['ballot', 'close'] : [],
      };
    }),
  };
}

function head(d: repo.DeliberationRow, names: Map<string, { name: string }>) {
  return {
    id: d.id,
    title: d.title,
    areaCode: d.areaCode,
    areaName: names.get(d.areaCode)?.name ?? d.areaCode,
    body: d.body as DeliberationBody,
    form: d.form as DeliberationForm,
    matter: d.matter,
    state: d.state as DeliberationState,
    createdAt: toIsoCst(d.createdAt),
    closedAt: toIsoCst(d.closedAt),
  };
}

export async function getDeliberation(ctx: AppContext, actor: Actor, id: string) {
  const voter = await voterOf(ctx, actor);
  const d = await repo.findDeliberation(ctx.db, deliberationScopeOf(actor, voter), id);
  if (!d) throw notFound('议事协商');
  const [roll, ballots, names] = await Promise.all([repo.rollOf(ctx.db, id), repo.ballotsOf(ctx.db, id), areaNames(ctx.db, [d.areaCode])]);
  const byRoll = new Map(ballots.map((b) => [b.rollId, b]));
  const staff = seesRoll(actor, d);
  const organiser = organises(actor, d);
  const stored = d.result as DeliberationOutcome | null;
  const outcome = stored ?? outcomeOf(d, roll, ballots);
  const entry = (r: repo.RollRow) => {
    const b = byRoll.get(r.id);
    return { ...rollItem(r), seq: r.seq, linked: !!(r.personId || r.householdId), ballot: b ? { choice: b.choice as BallotChoice, online: b.online, at: toIsoCst(b.createdAt) } : null };
  };
  const mine = roll.filter((r) => isOwnEntry(voter, r, d.form));
  const body = d.body as DeliberationBody;
  return {
    ...head(d, names),
    description: d.description,
    bodyLabel: DELIBERATION_BODY_LABELS[body],
    source: DELIBERATION_BODY_SOURCES[body],
    matterLabel: (d.matter ? OWNERS_ASSEMBLY_MATTERS[d.matter] : null) ?? null,
    // Staff of the area see the whole roll and who voted how (ballots are recorded from paper too);
    // a resident sees only their own entries.
    roll: staff ? roll.map(entry) : mine.map(entry),
    mine: mine.map((r) => ({ id: r.id, name: r.name, voted: byRoll.has(r.id), choice: (byRoll.get(r.id)?.choice as BallotChoice | undefined) ?? null })),
    tally: { eligible: outcome.eligible, present: outcome.present, yes: outcome.yes, no: outcome.no, abstain: outcome.abstain },
    // The result once closed; while open, what it would be now (`provisional`), for staff only.
    result: stored ? contractResult(stored) : null,
    checks: stored || staff ? outcome.checks : [],
    reason: stored || staff ? reasonOf(outcome) : null,
    provisional: !stored && staff,
    allowedActions: d.state === 'open' ? [...(organiser ? ['ballot', 'close'] : []), ...(mine.some((r) => !byRoll.has(r.id)) ? ['vote'] : [])] : [],
  };
}

// ---- filling a roll from the registry ---------------------------------------------------------

/** The registry's adults (18 and over) or households of an area in the caller's scope, to fill a roll. */
export async function rollCandidates(ctx: AppContext, actor: Actor, area: string | undefined, form: DeliberationForm) {
  if (!isOrganiser(actor)) throw forbidden('只有镇（街道）和村（社区）工作人员可以发起议事协商', 'forbidden');
  if (!area || !isAreaCode(area)) throw invalid('invalid_area', '区域（area）应为区划代码', { field: 'area' });
  if (!(await findArea(ctx.db, scopeOf(actor), area))) throw notFound('区域');
  if (area.length < 12) throw invalid('invalid_area', '请选择村（社区）或其中的网格、楼栋（area），不能按整个镇（街道）生成名册', { field: 'area' });
  if (form === 'households') {
    const rows = await repo.householdsIn(ctx.db, area, MAX_ROLL);
    return { items: rows.map((h) => ({ name: h.head ? `${h.head}户（${h.doorplate}）` : `${h.address}${h.doorplate}`, householdId: h.householdId })) };
  }
  const rows = await repo.adultsIn(ctx.db, area, MAX_ROLL);
  return { items: rows.map((p) => ({ name: p.name, personId: p.personId })) };
}
