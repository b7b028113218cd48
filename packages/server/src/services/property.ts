// 红心物业 (docs/PROPERTY.md): property companies and compounds, the monthly credit score and its breakdown,
// the yearly grading (proposed here, confirmed by 住建), the red and black lists, and the fee offset by points.
// The rules are pure (packages/domain/src/property); this module gathers the evidence, checks and stores.
import {
  billBalance,
  collectionRate,
  conflict,
  COVERAGE_MODE_LABELS,
  forbidden,
  INSPECTION_ITEM_LABELS,
  INSPECTION_ITEMS,
  inspectionScore,
  invalid,
  isPropertyGrade,
  isWithinScope,
  jointMeetingOverdue,
  listOfGrade,
  notFound,
  offsetFen,
  PROPERTY_GRADE_LABELS,
  PROPERTY_SCORE_COMPONENT_LABELS,
  propertyMonthScore,
  propertyYearScore,
  proposeGrade,
  unprocessable,
  centiToArea,
  type CoverageMode,
  type InspectionItem,
  type PropertyGrade,
  type PropertyScore,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { billsFor, companyScopeOf, grades, inspects, isPropertyStaff, readsCompanies, readsCompound, readsCompounds, recordsEvaluation, type PropertyActor } from '../policies/property.ts';
import * as repo from '../repositories/property.ts';
import { findUnit } from '../repositories/users.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

async function who(ctx: AppContext, actor: Actor): Promise<PropertyActor> {
  const unit = actor.unitId ? await findUnit(ctx.db, actor.unitId) : null;
  return { actor, unitCode: unit?.code ?? null };
}

/** The current month in China time (YYYY-MM). */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

const fmt = (x: number | null) => (x === null ? null : x);

function scoreOf(evidence: repo.MonthEvidence | undefined): PropertyScore {
  let e = evidence;
  // A month nobody looked at (no case, inspection, evaluation or record of the department) has no score: the
  // households of a contract alone would otherwise give it full marks for volume.
  if (e && !e.cases && !e.inspections.length && !e.committeeScores.length && !e.commendations && !e.penalties) e = undefined;
  const f = e ?? { households: 0, cases: 0, handled: 0, handledOnTime: 0, reworked: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, inspections: [], committeeScores: [], commendations: 0, penalties: 0 };
  return propertyMonthScore({
    households: f.households,
    cases: f.cases,
    handled: f.handled,
    handledOnTime: f.handledOnTime,
    reworked: f.reworked,
    ratings: { satisfied: f.satisfied, basicallySatisfied: f.basicallySatisfied, unsatisfied: f.unsatisfied },
    inspections: f.inspections,
    committeeScores: f.committeeScores,
    commendations: f.commendations,
    penalties: f.penalties,
  });
}

const gradeView = (g: { grade: string; year: number } | undefined) =>
  g ? { grade: g.grade, year: g.year, gradeLabel: PROPERTY_GRADE_LABELS[g.grade as PropertyGrade]?.zh ?? g.grade, list: listOfGrade(g.grade as PropertyGrade) } : null;

// ---- companies ---------------------------------------------------------------------------------------------------------

export async function listCompanies(ctx: AppContext, actor: Actor, q: { month?: string }) {
  const p = await who(ctx, actor);
  if (!readsCompanies(p)) throw forbidden('只有工作人员、住建部门和物业服务企业可以查看物业企业信用', 'forbidden');
  const month = q.month ?? currentMonth();
  const rows = await repo.listCompanies(ctx.db, companyScopeOf(p));
  const ids = rows.map((r) => r.unitId);
  const [ev, grades_, names] = await Promise.all([repo.evidence(ctx.db, ids, month, month), repo.latestConfirmedGrades(ctx.db, ids), areaNames(ctx.db, rows.map((r) => r.areaCode))]);
  return {
    month,
    items: rows.map((r) => {
      const s = scoreOf(ev.get(`${r.unitId}|${month}`));
      const e = ev.get(`${r.unitId}|${month}`);
      return {
        id: r.unitId,
        name: r.name,
        shortName: r.shortName,
        areaCode: r.areaCode,
        areaName: names.get(r.areaCode)?.name ?? null,
        households: e?.households ?? 0,
        cases: e?.cases ?? 0,
        score: fmt(s.score),
        grade: gradeView(grades_.get(r.unitId)),
      };
    }),
  };
}

export async function getCompany(ctx: AppContext, actor: Actor, id: string, q: { month?: string }) {
  const p = await who(ctx, actor);
  if (!readsCompanies(p)) throw forbidden('只有工作人员、住建部门和物业服务企业可以查看物业企业信用', 'forbidden');
  const c = await repo.findCompany(ctx.db, companyScopeOf(p), id);
  if (!c) throw notFound('物业服务企业');
  const month = q.month ?? currentMonth();
  const [y, m] = month.split('-').map(Number) as [number, number];
  const fromDate = new Date(Date.UTC(y, m - 12, 1));
  const from = fromDate.toISOString().slice(0, 7);
  const ev = await repo.evidence(ctx.db, [id], from, month);
  const s = scoreOf(ev.get(`${id}|${month}`));
  const e = ev.get(`${id}|${month}`);
  const [contracts, sanctions, inspections, grade, gradings] = await Promise.all([
    repo.contractsOf(ctx.db, { unitId: id }),
    repo.listSanctions(ctx.db, id),
    repo.listInspections(ctx.db, { unitId: id }, 20),
    repo.latestConfirmedGrades(ctx.db, [id]),
    repo.gradingsOf(ctx.db, y, [id]),
  ]);
  const g = gradings[0];
  return {
    id: c.unitId,
    name: c.name,
    creditCode: c.creditCode,
    month,
    score: s.score,
    base: s.base,
    adjustment: s.adjustment,
    breakdown: s.lines.map((l) => ({ ...l, label: PROPERTY_SCORE_COMPONENT_LABELS[l.component].zh })),
    evidence: e ?? null,
    history: repo.monthsBetween(from, month).map((mm) => ({ month: mm, score: scoreOf(ev.get(`${id}|${mm}`)).score })),
    grade: gradeView(grade.get(id)),
    grading: g ? gradingView(g, c.name) : null,
    contracts: contracts.map((k) => ({ ...k, feePerM2: k.feeFenPerM2 / 100 })),
    sanctions: sanctions.map((x) => ({ id: x.id, kind: x.kind, points: x.points, reason: x.reason, month: x.month })),
    inspections: inspections.map((i) => ({ id: i.id, placeName: i.placeName, score: i.scoreCenti / 100, photos: i.photos, note: i.note, inspector: i.inspector, inspectedAt: toIsoCst(i.inspectedAt) })),
  };
}

// ---- compounds ---------------------------------------------------------------------------------------------------------

export async function listCompounds(ctx: AppContext, actor: Actor, q: { area?: string }) {
  const p = await who(ctx, actor);
  if (!readsCompounds(p)) throw forbidden('只有工作人员和住建部门可以查看小区物业情况', 'forbidden');
  const area = q.area ?? actor.scopeCode;
  if (!isWithinScope(area, actor.scopeCode)) throw notFound('区域');
  const rows = await repo.listCompounds(ctx.db, area);
  return { items: await compoundViews(ctx, rows) };
}

async function compoundViews(ctx: AppContext, rows: repo.CompoundRow[]) {
  const unitIds = [...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
  const [companies, gradesMap, committees, meetings, names] = await Promise.all([
    repo.listCompanies(ctx.db, repo.makeCompanyScope({ areas: [''], unitId: null })).then((cs) => new Map(cs.map((c) => [c.unitId, c]))),
    repo.latestConfirmedGrades(ctx.db, unitIds),
    repo.committeesOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    repo.lastJointMeetings(ctx.db, [...new Set(rows.map((r) => r.areaCode))]),
    areaNames(ctx.db, [...new Set(rows.map((r) => r.areaCode))]),
  ]);
  const now = new Date();
  return rows.map((r) => {
    const g = r.unitId ? gradesMap.get(r.unitId) : undefined;
    const committee = committees.find((c) => c.placeId === r.id);
    const last = meetings.get(r.areaCode) ?? null;
    return {
      id: r.id,
      name: r.name,
      address: r.address,
      areaCode: r.areaCode,
      gridName: names.get(r.areaCode)?.name ?? null,
      company: r.unitId ? { id: r.unitId, name: companies.get(r.unitId)?.name ?? null } : null,
      hasProperty: !!r.propertyOrgId,
      grade: gradeView(g),
      blacklisted: listOfGrade(g?.grade as PropertyGrade | undefined) === 'black',
      coverage: r.propertyOrgId ? null : r.coverageMode ? { mode: r.coverageMode, label: COVERAGE_MODE_LABELS[r.coverageMode as CoverageMode]?.zh ?? r.coverageMode, note: r.coverageNote } : null,
      committee: committee ? { termStart: committee.termStart, termEnd: committee.termEnd, members: committee.members as { name: string; post: string }[], expired: committee.termEnd < now.toISOString().slice(0, 10) } : null,
      jointMeeting: { lastHeld: toIsoCst(last), overdue: jointMeetingOverdue(last, now) },
    };
  });
}

export async function getCompound(ctx: AppContext, actor: Actor, id: string) {
  const p = await who(ctx, actor);
  const row = await repo.findCompound(ctx.db, id);
  if (!row || !readsCompound(p, row.areaCode)) {
    if (!readsCompounds(p)) throw forbidden('只有工作人员和住建部门可以查看小区物业情况', 'forbidden');
    throw notFound('小区');
  }
  const [view] = await compoundViews(ctx, [row]);
  const [contracts, owners] = await Promise.all([repo.contractsOf(ctx.db, { placeIds: [id] }), repo.ownersOf(ctx.db, id)]);
  const total = owners.reduce((s, o) => s + o.areaCenti, 0n);
  return { ...view!, contracts: contracts.map((k) => ({ ...k, feePerM2: k.feeFenPerM2 / 100 })), owners: { count: owners.length, area: centiToArea(total) } };
}

/**
 * The roll of an owners' assembly (业主大会) of a compound: one entry per owner household with its exclusive floor
 * area from the registry, ready for POST /api/deliberations with body owners-assembly (the Civil Code art. 278 rule
 * of the deliberation module decides it).
 */
export async function ownersRoll(ctx: AppContext, actor: Actor, id: string) {
  const p = await who(ctx, actor);
  const row = await repo.findCompound(ctx.db, id);
  if (!row || !readsCompound(p, row.areaCode)) {
    if (!readsCompounds(p)) throw forbidden('只有工作人员可以生成业主名册', 'forbidden');
    throw notFound('小区');
  }
  const owners = await repo.ownersOf(ctx.db, id);
  return {
    areaCode: row.areaCode,
    body: 'owners-assembly',
    roll: owners.map((o) => ({ name: o.name ?? '业主', area: centiToArea(o.areaCenti), householdId: o.householdId, ...(o.personId ? { personId: o.personId } : {}) })),
  };
}

// ---- evidence: inspections, evaluations, sanctions --------------------------------------------------------------------

export const inspectionChecklist = () => ({ items: INSPECTION_ITEMS.map((code) => ({ code, label: INSPECTION_ITEM_LABELS[code].zh })) });

export async function createInspection(ctx: AppContext, actor: Actor, input: { placeId: string; results: Record<string, boolean>; photoIds: string[]; note?: string | null }, req: RequestContext) {
  const row = await repo.findCompound(ctx.db, input.placeId);
  if (!row || !isWithinScope(row.areaCode, actor.scopeCode)) {
    if (!inspects(actor, actor.scopeCode)) throw forbidden('只有社区和网格工作人员可以检查小区物业', 'forbidden');
    throw notFound('小区');
  }
  if (!inspects(actor, row.areaCode)) throw forbidden('只有社区和网格工作人员可以检查小区物业', 'forbidden');
  if (!row.unitId) throw unprocessable('no_property_company', `${row.name}没有物业服务企业（无物业小区），不能做物业检查`, { field: 'placeId' });
  const unknown = Object.keys(input.results).find((k) => !(INSPECTION_ITEMS as readonly string[]).includes(k));
  if (unknown) throw invalid('invalid_item', `检查项（results）中“${unknown}”不是检查表里的项目`, { field: `results.${unknown}` });
  const score = inspectionScore(input.results as Partial<Record<InspectionItem, boolean>>);
  if (score === null) {
    const missing = INSPECTION_ITEMS.find((i) => typeof input.results[i] !== 'boolean')!;
    throw invalid('incomplete_checklist', `检查表未填完：“${INSPECTION_ITEM_LABELS[missing].zh}”（results.${missing}）需选择合格或不合格`, { field: `results.${missing}` });
  }
  const photoIds = [...new Set(input.photoIds)];
  if (photoIds.length === 0) throw invalid('photo_required', '请至少拍一张现场照片（photoIds）', { field: 'photoIds' });
  const own = await repo.ownLooseFiles(ctx.db, actor.id, photoIds);
  const bad = photoIds.find((f) => !own.has(f));
  if (bad) throw invalid('invalid_photo', '现场照片（photoIds）须是您本人刚上传的照片', { field: 'photoIds' });
  return ctx.db.transaction(async (tx) => {
    const ins = await repo.insertInspection(tx, { unitId: row.unitId!, placeId: row.id, areaCode: row.areaCode, results: input.results, scoreCenti: Math.round(score * 100), photoIds, note: input.note ?? null, inspectedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'property.inspect', entityType: 'place', entityId: row.id, areaCode: row.areaCode, detail: { unitId: row.unitId, score } });
    return { id: ins.id, placeId: row.id, companyId: row.unitId, score };
  });
}

export async function recordEvaluation(ctx: AppContext, actor: Actor, input: { placeId: string; month: string; score: number; note?: string | null }, req: RequestContext) {
  const row = await repo.findCompound(ctx.db, input.placeId);
  if (!row || !isWithinScope(row.areaCode, actor.scopeCode)) {
    if (!recordsEvaluation(actor, actor.scopeCode)) throw forbidden('只有社区工作人员可以登记业委会评价', 'forbidden');
    throw notFound('小区');
  }
  if (!recordsEvaluation(actor, row.areaCode)) throw forbidden('只有社区工作人员可以登记业委会评价', 'forbidden');
  if (!row.unitId) throw unprocessable('no_property_company', `${row.name}没有物业服务企业（无物业小区）`, { field: 'placeId' });
  if (input.month > currentMonth()) throw invalid('future_month', '评价月份（month）不能晚于本月', { field: 'month' });
  return ctx.db.transaction(async (tx) => {
    const e = await repo.upsertEvaluation(tx, { unitId: row.unitId!, placeId: row.id, month: input.month, score: input.score, note: input.note ?? null, recordedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'property.evaluate', entityType: 'place', entityId: row.id, areaCode: row.areaCode, detail: { unitId: row.unitId, month: input.month, score: input.score } });
    return { id: e.id, placeId: row.id, companyId: row.unitId, month: e.month, score: e.score };
  });
}

export async function recordSanction(ctx: AppContext, actor: Actor, input: { companyId: string; kind: 'penalty' | 'commendation'; points: number; reason: string; month: string }, req: RequestContext) {
  const p = await who(ctx, actor);
  if (!grades(p)) throw forbidden('只有住建部门可以登记物业企业的处罚和表扬', 'forbidden');
  const c = await repo.findCompany(ctx.db, companyScopeOf(p), input.companyId);
  if (!c) throw notFound('物业服务企业');
  if (input.month > currentMonth()) throw invalid('future_month', '所属月份（month）不能晚于本月', { field: 'month' });
  return ctx.db.transaction(async (tx) => {
    const s = await repo.insertSanction(tx, { unitId: c.unitId, kind: input.kind, points: input.points, reason: input.reason, month: input.month, recordedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'property.sanction', entityType: 'unit', entityId: c.unitId, areaCode: c.areaCode, detail: { kind: input.kind, points: input.points, month: input.month } });
    return { id: s.id, companyId: c.unitId, kind: s.kind, points: s.points, month: s.month };
  });
}

// ---- yearly grading ---------------------------------------------------------------------------------------------------

function gradingView(g: repo.GradingRow, name: string | null) {
  return {
    id: g.id,
    companyId: g.unitId,
    companyName: name,
    year: g.year,
    score: g.scoreCenti === null ? null : g.scoreCenti / 100,
    proposedGrade: g.proposedGrade,
    grade: g.grade,
    reason: g.reason,
    state: g.state,
    list: listOfGrade((g.grade ?? null) as PropertyGrade | null),
    confirmedAt: toIsoCst(g.confirmedAt),
  };
}

async function yearScores(ctx: AppContext, ids: string[], year: number) {
  const last = Math.min(12, year < Number(currentMonth().slice(0, 4)) ? 12 : Number(currentMonth().slice(5, 7)));
  const to = `${year}-${String(last).padStart(2, '0')}`;
  const ev = await repo.evidence(ctx.db, ids, `${year}-01`, to);
  const months = repo.monthsBetween(`${year}-01`, to);
  return new Map(ids.map((id) => [id, propertyYearScore(months.map((m) => (ev.has(`${id}|${m}`) ? scoreOf(ev.get(`${id}|${m}`)).score : null)))]));
}

export async function listGradings(ctx: AppContext, actor: Actor, year: number) {
  const p = await who(ctx, actor);
  if (!readsCompanies(p)) throw forbidden('只有工作人员、住建部门和物业服务企业可以查看信用评级', 'forbidden');
  const companies = await repo.listCompanies(ctx.db, companyScopeOf(p));
  const ids = companies.map((c) => c.unitId);
  const [rows, scores] = await Promise.all([repo.gradingsOf(ctx.db, year, ids), yearScores(ctx, ids, year)]);
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  return {
    year,
    canGrade: grades(p),
    items: companies.map((c) => {
      const g = byUnit.get(c.unitId);
      const score = scores.get(c.unitId) ?? null;
      return g
        ? { ...gradingView(g, c.name), currentScore: score }
        : { id: null, companyId: c.unitId, companyName: c.name, year, score: null, currentScore: score, proposedGrade: null, grade: null, reason: null, state: 'none', list: null, confirmedAt: null };
    }),
  };
}

/** Proposes each company's grade for the year from its monthly scores (companies already confirmed keep theirs). */
export async function proposeGradings(ctx: AppContext, actor: Actor, year: number, req: RequestContext) {
  const p = await who(ctx, actor);
  if (!grades(p)) throw forbidden('只有住建部门可以生成年度信用评级', 'forbidden');
  if (year > Number(currentMonth().slice(0, 4))) throw invalid('future_year', '评级年度（year）不能晚于今年', { field: 'year' });
  const companies = await repo.listCompanies(ctx.db, companyScopeOf(p));
  const scores = await yearScores(
    ctx,
    companies.map((c) => c.unitId),
    year,
  );
  await ctx.db.transaction(async (tx) => {
    for (const c of companies) {
      const s = scores.get(c.unitId) ?? null;
      await repo.upsertProposal(tx, { unitId: c.unitId, year, scoreCenti: s === null ? null : Math.round(s * 100), proposedGrade: s === null ? 'D' : proposeGrade(s) });
    }
    await audit(tx, { actor }, req, { action: 'property.grading.propose', entityType: 'property-grading', areaCode: actor.scopeCode, detail: { year, companies: companies.length } });
  });
  return listGradings(ctx, actor, year);
}

export async function confirmGrading(ctx: AppContext, actor: Actor, id: string, input: { grade: string; reason?: string | null }, req: RequestContext) {
  const p = await who(ctx, actor);
  if (!grades(p)) throw forbidden('只有住建部门可以确认信用评级', 'forbidden');
  if (!isPropertyGrade(input.grade)) throw invalid('invalid_grade', '信用等级（grade）应为 3A、2A、A、B、C、D 之一', { field: 'grade' });
  const reason = input.reason?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const g = await repo.findGrading(tx, id, true);
    const c = g ? await repo.findCompany(tx, companyScopeOf(p), g.unitId) : null;
    if (!g || !c) throw notFound('信用评级');
    if (g.state === 'confirmed') throw conflict('already_confirmed', `${c.name} ${g.year} 年度的信用等级已经确认`);
    if (input.grade !== g.proposedGrade && !reason) throw invalid('reason_required', `确认的等级与系统建议的 ${g.proposedGrade} 不同，请填写调整理由（reason）`, { field: 'reason' });
    const done = await repo.confirmGrading(tx, id, { grade: input.grade, reason, confirmedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'property.grading.confirm', entityType: 'property-grading', entityId: id, areaCode: c.areaCode, detail: { unitId: c.unitId, year: g.year, proposed: g.proposedGrade, grade: input.grade, overridden: input.grade !== g.proposedGrade } });
    return gradingView(done, c.name);
  });
}

/** The red and black lists (红黑榜) of the latest confirmed year, for the public wall (公示): names and grades only. */
export async function publicLists(ctx: AppContext, year?: number) {
  const all = await repo.listCompanies(ctx.db, repo.makeCompanyScope({ areas: [''], unitId: null }));
  const names = new Map(all.map((c) => [c.unitId, c.name]));
  let y = year;
  if (!y) {
    const latest = await repo.latestConfirmedGrades(ctx.db);
    y = Math.max(0, ...[...latest.values()].map((g) => g.year));
  }
  const rows = y ? (await repo.gradingsOf(ctx.db, y)).filter((g) => g.state === 'confirmed') : [];
  const pick = (grade: PropertyGrade) => rows.filter((r) => r.grade === grade).map((r) => ({ name: names.get(r.unitId) ?? '', grade: r.grade, confirmedAt: toIsoCst(r.confirmedAt) }));
  return { year: y || null, red: pick('3A'), black: pick('D') };
}

/** The confirmed grade of each property unit, for the dispatch list (a black-listed company is flagged there). */
export async function gradesOfUnits(ctx: AppContext, unitIds: string[]) {
  const m = await repo.latestConfirmedGrades(ctx.db, unitIds);
  return new Map([...m].map(([k, g]) => [k, { grade: g.grade, year: g.year, blacklisted: g.grade === 'D' }]));
}

// ---- fee bills and the points offset ----------------------------------------------------------------------------------

const billView = (b: repo.BillRow, where?: { address: string; doorplate: string }) => ({
  id: b.id,
  companyId: b.unitId,
  householdId: b.householdId,
  areaCode: b.areaCode,
  ...(where ? { address: where.address, doorplate: where.doorplate } : {}),
  period: b.period,
  amount: b.amountFen / 100,
  offset: b.offsetFen / 100,
  paid: b.paidFen / 100,
  balance: billBalance(b) / 100,
});

async function ownCompany(ctx: AppContext, actor: Actor, unitId: string) {
  const p = await who(ctx, actor);
  if (!billsFor(p, unitId)) throw forbidden('只有本物业服务企业可以开具和核销物业费账单', 'forbidden');
  return p;
}

export async function createBill(ctx: AppContext, actor: Actor, input: { householdId: string; period: string; amount: number }, req: RequestContext) {
  if (!actor.unitId) throw forbidden('只有物业服务企业可以开具物业费账单', 'forbidden');
  await ownCompany(ctx, actor, actor.unitId);
  const h = await repo.findHousehold(ctx.db, input.householdId);
  const served = await repo.contractsOf(ctx.db, { unitId: actor.unitId });
  const areas = await Promise.all(served.map((k) => repo.findCompound(ctx.db, k.placeId)));
  if (!h || !areas.some((a) => a && isWithinScope(h.areaCode, a.areaCode))) throw invalid('household_not_served', '该户（householdId）不在本企业服务的小区内', { field: 'householdId' });
  const amountFen = Math.round(input.amount * 100);
  return ctx.db.transaction(async (tx) => {
    const b = await repo.insertBill(tx, { unitId: actor.unitId!, householdId: h.id, areaCode: h.areaCode, period: input.period, amountFen });
    if (!b) throw conflict('bill_exists', `该户 ${input.period} 的物业费账单已经开具`);
    await audit(tx, { actor }, req, { action: 'property.bill.create', entityType: 'property-bill', entityId: b.id, areaCode: h.areaCode, detail: { period: input.period, amountFen } });
    return billView(b);
  });
}

export async function listBills(ctx: AppContext, actor: Actor, q: { period?: string }) {
  const p = await who(ctx, actor);
  if (p.actor.roles.includes('property-manager') && actor.unitId) return { items: (await repo.listBills(ctx.db, { unitId: actor.unitId, period: q.period })).map((r) => billView(r.bill, r)) };
  if (!readsCompounds(p)) throw forbidden('只有物业服务企业和工作人员可以查看物业费账单', 'forbidden');
  return { items: (await repo.listBills(ctx.db, { area: actor.scopeCode, period: q.period })).map((r) => billView(r.bill, r)) };
}

export async function payBill(ctx: AppContext, actor: Actor, id: string, input: { amount: number }, req: RequestContext) {
  const p = await who(ctx, actor);
  if (!isPropertyStaff(p)) throw forbidden('只有本物业服务企业可以登记缴费和抵扣物业费', 'forbidden');
  return ctx.db.transaction(async (tx) => {
    const b = await repo.findBill(tx, id, true);
    if (!b || !billsFor(p, b.unitId)) throw notFound('物业费账单');
    const fen = Math.round(input.amount * 100);
    if (fen > billBalance(b)) throw unprocessable('exceeds_balance', `缴费金额（amount）超过账单余额 ${billBalance(b) / 100} 元`, { field: 'amount' });
    const done = await repo.updateBill(tx, id, { paidFen: b.paidFen + fen, paidAt: new Date() });
    await audit(tx, { actor }, req, { action: 'property.bill.pay', entityType: 'property-bill', entityId: id, areaCode: b.areaCode, detail: { fen } });
    return billView(done);
  });
}

/**
 * Applies a points redemption for property fees (积分抵扣物业费) to a bill: the company confirmed the redemption at its
 * counter (points module), and now books it against the household's bill; the bill's balance drops by its value.
 */
export async function offsetBill(ctx: AppContext, actor: Actor, id: string, input: { redemptionId: string }, req: RequestContext) {
  const p = await who(ctx, actor);
  if (!isPropertyStaff(p)) throw forbidden('只有本物业服务企业可以登记缴费和抵扣物业费', 'forbidden');
  return ctx.db.transaction(async (tx) => {
    const b = await repo.findBill(tx, id, true);
    if (!b || !billsFor(p, b.unitId)) throw notFound('物业费账单');
    const r = await repo.findRedemption(tx, input.redemptionId);
    if (!r || r.merchantUnitId !== b.unitId) throw invalid('invalid_redemption', '积分兑换（redemptionId）不存在或不是本企业的兑换', { field: 'redemptionId' });
    if (r.itemKind !== 'property-fee') throw invalid('invalid_redemption', '该积分兑换（redemptionId）不是物业费抵扣', { field: 'redemptionId' });
    if (r.state !== 'confirmed') throw unprocessable('redemption_not_confirmed', '请先在积分兑换中核销（确认）该兑换，再抵扣物业费', { field: 'redemptionId' });
    const household = await repo.householdOfUser(tx, r.userId);
    if (household !== b.householdId) throw unprocessable('household_mismatch', '兑换积分的居民不属于该账单的住户', { field: 'redemptionId' });
    const fen = offsetFen(r.amount);
    if (fen > billBalance(b)) throw unprocessable('exceeds_balance', `抵扣金额 ${fen / 100} 元超过账单余额 ${billBalance(b) / 100} 元`, { field: 'redemptionId' });
    const off = await repo.insertOffset(tx, { billId: b.id, redemptionId: r.id, fen, confirmedBy: actor.id });
    if (!off) throw conflict('already_offset', '该积分兑换已经抵扣过物业费');
    const done = await repo.updateBill(tx, id, { offsetFen: b.offsetFen + fen });
    await audit(tx, { actor }, req, { action: 'property.bill.offset', entityType: 'property-bill', entityId: id, areaCode: b.areaCode, detail: { redemptionId: r.id, points: r.amount, fen } });
    return billView(done);
  });
}

/** The collection rate (收缴率) of a company's bills before and after its first points offset (`002`: 40% → 85%). */
export async function collection(ctx: AppContext, actor: Actor, companyId: string) {
  const p = await who(ctx, actor);
  if (!readsCompanies(p)) throw forbidden('只有工作人员、住建部门和物业服务企业可以查看收缴率', 'forbidden');
  const c = await repo.findCompany(ctx.db, companyScopeOf(p), companyId);
  if (!c) throw notFound('物业服务企业');
  const { bills, firstOffsetPeriod } = await repo.billsForCollection(ctx.db, companyId);
  const before = firstOffsetPeriod ? bills.filter((b) => b.period < firstOffsetPeriod) : bills;
  const after = firstOffsetPeriod ? bills.filter((b) => b.period >= firstOffsetPeriod) : [];
  const part = (bs: typeof bills) => ({ bills: bs.length, settled: bs.filter((b) => billBalance(b) === 0).length, rate: collectionRate(bs) });
  return { companyId, firstOffsetPeriod, before: part(before), after: part(after) };
}

