// 红心物业 (docs/PROPERTY.md): property companies and compounds, the monthly credit score and its breakdown,
// the yearly grading (proposed here, confirmed by 住建), the red and black lists, and the fee offset by points.
// The rules are pure (packages/domain/src/property); this module gathers the evidence, checks and stores.
import {
  billBalance,
  collectionRate,
  conflict,
  COVERAGE_MODE_LABELS,
  COVERAGE_MODES,
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
import { billsFor, companyScopeOf, filesContract, grades, inspects, isPropertyStaff, keepsCompound, readsCompanies, readsCompound, readsCompounds, readsServedCompound, recordsEvaluation, type PropertyActor } from '../policies/property.ts';
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

type SanctionKind = 'penalty' | 'commendation';
/** A member of an owners' committee (stored as JSON). */
type CommitteeMember = { name: string; post: '主任' | '副主任' | '委员' };

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
  g ? { grade: g.grade as PropertyGrade, year: g.year, gradeLabel: PROPERTY_GRADE_LABELS[g.grade as PropertyGrade]?.zh ?? g.grade, list: listOfGrade(g.grade as PropertyGrade) } : null;

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
    sanctions: sanctions.map((x) => ({ id: x.id, kind: x.kind as SanctionKind, points: x.points, reason: x.reason, month: x.month })),
    inspections: inspections.map((i) => ({ id: i.id, placeName: i.placeName, score: i.scoreCenti / 100, photos: i.photos, note: i.note, inspector: i.inspector, inspectedAt: toIsoCst(i.inspectedAt) })),
  };
}

// ---- compounds ---------------------------------------------------------------------------------------------------------

export async function listCompounds(ctx: AppContext, actor: Actor, q: { area?: string }) {
  const p = await who(ctx, actor);
  if (isPropertyStaff(p) && !readsCompounds(p)) {
    // A company's staff: the compounds it serves (in the area asked for, if any).
    const rows = (await repo.compoundsOfCompany(ctx.db, actor.unitId!)).filter((r) => !q.area || isWithinScope(r.areaCode, q.area));
    return { items: await compoundViews(ctx, rows) };
  }
  if (!readsCompounds(p)) throw forbidden('只有工作人员、住建部门和物业服务企业可以查看小区物业情况', 'forbidden');
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
    repo.lastJointMeetings(
      ctx.db,
      rows.map((r) => r.id),
    ),
    areaNames(ctx.db, [...new Set(rows.map((r) => r.areaCode))]),
  ]);
  const now = new Date();
  return rows.map((r) => {
    const g = r.unitId ? gradesMap.get(r.unitId) : undefined;
    const committee = committees.find((c) => c.placeId === r.id);
    const lastHeld = meetings.get(r.id) ?? null;
    const last = lastHeld ? new Date(`${lastHeld}T12:00:00+08:00`) : null;
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
      coverage: r.propertyOrgId ? null : r.coverageMode ? { mode: r.coverageMode as CoverageMode, label: COVERAGE_MODE_LABELS[r.coverageMode as CoverageMode]?.zh ?? r.coverageMode, note: r.coverageNote } : null,
      committee: committee ? { id: committee.id, termStart: committee.termStart, termEnd: committee.termEnd, members: committee.members as CommitteeMember[], expired: committee.termEnd < now.toISOString().slice(0, 10) } : null,
      jointMeeting: { lastHeld, overdue: jointMeetingOverdue(last, now) },
    };
  });
}

/** The compound if the caller may read it: area staff and 住建 in their scope, a company's staff where it serves. */
async function readableCompound(ctx: AppContext, p: PropertyActor, id: string, what = '只有工作人员、住建部门和物业服务企业可以查看小区物业情况') {
  const row = await repo.findCompound(ctx.db, id);
  const serves = !!row && isPropertyStaff(p) && (await repo.contractsOf(ctx.db, { placeIds: [id] })).some((k) => k.unitId === p.actor.unitId);
  if (!row || !(readsCompound(p, row.areaCode) || readsServedCompound(p, serves))) {
    if (!readsCompounds(p) && !isPropertyStaff(p)) throw forbidden(what, 'forbidden');
    throw notFound('小区');
  }
  return row;
}

export async function getCompound(ctx: AppContext, actor: Actor, id: string) {
  const p = await who(ctx, actor);
  const row = await readableCompound(ctx, p, id);
  const [view] = await compoundViews(ctx, [row]);
  const [contracts, owners, evaluations, meetings] = await Promise.all([repo.contractsOf(ctx.db, { placeIds: [id] }), repo.ownersOf(ctx.db, id), repo.evaluationsOf(ctx.db, id), repo.jointMeetingsOf(ctx.db, id)]);
  const total = owners.reduce((s, o) => s + o.areaCenti, 0n);
  const keeps = keepsCompound(actor, row.areaCode);
  return {
    ...view!,
    contracts: contracts.map((k) => ({ ...k, feePerM2: k.feeFenPerM2 / 100 })),
    owners: { count: owners.length, area: centiToArea(total) },
    evaluations,
    jointMeetings: meetings,
    allowedActions: [
      ...(filesContract(p, row.areaCode) && row.unitId ? (['contract'] as const) : []),
      ...(keeps ? (['committee', 'joint-meeting'] as const) : []),
      ...(keeps && !row.propertyOrgId ? (['coverage'] as const) : []),
      ...(recordsEvaluation(actor, row.areaCode) && row.unitId ? (['evaluate'] as const) : []),
      ...(inspects(actor, row.areaCode) && row.unitId ? (['inspect'] as const) : []),
    ],
  };
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
    body: 'owners-assembly' as const,
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
    return { id: ins.id, placeId: row.id, companyId: row.unitId!, score };
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
    return { id: e.id, placeId: row.id, companyId: row.unitId!, month: e.month, score: e.score };
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
    return { id: s.id, companyId: c.unitId, kind: s.kind as SanctionKind, points: s.points, month: s.month };
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
    proposedGrade: g.proposedGrade as PropertyGrade,
    grade: g.grade as PropertyGrade | null,
    reason: g.reason,
    state: g.state as 'proposed' | 'confirmed',
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
        : { id: null, companyId: c.unitId, companyName: c.name, year, score: null, currentScore: score, proposedGrade: null, grade: null, reason: null, state: 'none' as const, list: null, confirmedAt: null };
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
  const pick = (grade: PropertyGrade) => rows.filter((r) => r.grade === grade).map((r) => ({ name: names.get(r.unitId) ?? '', grade, confirmedAt: toIsoCst(r.confirmedAt) }));
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

/** Bills of the caller's company (its staff) or area (staff), per compound, household and period. */
export async function listBills(ctx: AppContext, actor: Actor, q: { period?: string; placeId?: string; householdId?: string }) {
  const p = await who(ctx, actor);
  const own = isPropertyStaff(p);
  if (!own && !readsCompounds(p)) throw forbidden('只有物业服务企业和工作人员可以查看物业费账单', 'forbidden');
  let area = own ? undefined : actor.scopeCode;
  if (q.placeId) {
    const row = await readableCompound(ctx, p, q.placeId);
    area = row.areaCode;
  }
  const rows = await repo.listBills(ctx.db, { unitId: own ? actor.unitId! : undefined, area, period: q.period, householdId: q.householdId });
  return { items: rows.map((r) => billView(r.bill, r)) };
}

/**
 * Bills past due (`billOverdue`: the month is over, a balance left) in an area, for the caller who reads the area's
 * bills (area staff in their scope, as `listBills`): how many, and the latest `limit` with the household's address.
 * `null` for a caller who does not read them.
 */
export async function overdueBillsIn(ctx: AppContext, actor: Actor, area: string, limit: number) {
  const p = await who(ctx, actor);
  if (!readsCompound(p, area)) return null;
  const by = { area, overdueBefore: currentMonth() };
  const [total, rows] = await Promise.all([repo.countBills(ctx.db, by), repo.listBills(ctx.db, by, limit)]);
  return { total, items: rows.map((r) => billView(r.bill, r)) };
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


// ---- the compound's facts kept by the community: contracts, owners' committee, cover, joint meetings ----------------

async function keptCompound(ctx: AppContext, actor: Actor, placeId: string, allowed: (areaCode: string) => boolean, refusal: string) {
  const row = await repo.findCompound(ctx.db, placeId);
  if (!row || !isWithinScope(row.areaCode, actor.scopeCode)) {
    // Out of scope: 404 for those who could write somewhere, 403 for the rest.
    if (!allowed(actor.scopeCode)) throw forbidden(refusal, 'forbidden');
    throw notFound('小区');
  }
  if (!allowed(row.areaCode)) throw forbidden(refusal, 'forbidden');
  return row;
}

const dateOrder = (from: string, to: string, field: string) => {
  if (to < from) throw invalid('invalid_period', '结束日期不能早于开始日期', { field });
};

export interface ContractInput {
  placeId: string;
  households: number;
  feePerM2: number;
  serviceStandard: string;
  startsOn: string;
  endsOn: string;
}

const CONTRACT_REFUSAL = '只有小区所在社区和住建部门可以登记物业服务合同';

/** Files a service contract of the compound's company (households served, fee, service standard, term). */
export async function createContract(ctx: AppContext, actor: Actor, input: ContractInput, req: RequestContext) {
  const p = await who(ctx, actor);
  // 住建 files contracts district-wide; the community in its own area.
  const row = await keptCompound(ctx, actor, input.placeId, (a) => filesContract(p, a), CONTRACT_REFUSAL);
  if (!row.unitId) throw unprocessable('no_property_company', `${row.name}没有物业服务企业（无物业小区），请登记其覆盖方式`, { field: 'placeId' });
  dateOrder(input.startsOn, input.endsOn, 'endsOn');
  return ctx.db.transaction(async (tx) => {
    const k = await repo.insertContract(tx, { unitId: row.unitId!, placeId: row.id, households: input.households, feeFenPerM2: Math.round(input.feePerM2 * 100), serviceStandard: input.serviceStandard, startsOn: input.startsOn, endsOn: input.endsOn });
    await audit(tx, { actor }, req, { action: 'property.contract.create', entityType: 'property-contract', entityId: k.id, areaCode: row.areaCode, detail: { unitId: row.unitId, households: input.households, startsOn: input.startsOn, endsOn: input.endsOn } });
    return { ...k, feePerM2: k.feeFenPerM2 / 100 };
  });
}

export async function updateContract(ctx: AppContext, actor: Actor, id: string, input: Partial<Omit<ContractInput, 'placeId'>>, req: RequestContext) {
  const p = await who(ctx, actor);
  return ctx.db.transaction(async (tx) => {
    const k = await repo.findContract(tx, id, true);
    const row = k ? await repo.findCompound(tx, k.placeId) : null;
    if (!k || !row || !isWithinScope(row.areaCode, actor.scopeCode)) {
      if (!filesContract(p, actor.scopeCode)) throw forbidden(CONTRACT_REFUSAL, 'forbidden');
      throw notFound('物业服务合同');
    }
    if (!filesContract(p, row.areaCode)) throw forbidden(CONTRACT_REFUSAL, 'forbidden');
    dateOrder(input.startsOn ?? k.startsOn, input.endsOn ?? k.endsOn, input.endsOn ? 'endsOn' : 'startsOn');
    const set = {
      ...(input.households !== undefined ? { households: input.households } : {}),
      ...(input.feePerM2 !== undefined ? { feeFenPerM2: Math.round(input.feePerM2 * 100) } : {}),
      ...(input.serviceStandard !== undefined ? { serviceStandard: input.serviceStandard } : {}),
      ...(input.startsOn !== undefined ? { startsOn: input.startsOn } : {}),
      ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}),
    };
    const done = Object.keys(set).length ? await repo.updateContract(tx, id, set) : k;
    await audit(tx, { actor }, req, { action: 'property.contract.update', entityType: 'property-contract', entityId: id, areaCode: row.areaCode, detail: { unitId: k.unitId, households: done.households, startsOn: done.startsOn, endsOn: done.endsOn } });
    return { ...done, feePerM2: done.feeFenPerM2 / 100 };
  });
}

export interface CommitteeInput {
  placeId: string;
  termStart: string;
  termEnd: string;
  members: { name: string; post: string }[];
}

const COMMITTEE_REFUSAL = '只有小区所在社区的工作人员可以登记业主委员会';

const checkMembers = (members: { name: string; post: string }[]) => {
  if (!members.some((m) => m.post === '主任')) throw invalid('chair_required', '业主委员会须有一名主任（members 中 post 为“主任”）', { field: 'members' });
  if (members.filter((m) => m.post === '主任').length > 1) throw invalid('chair_required', '业主委员会只能有一名主任', { field: 'members' });
};

/** Records an owners' committee (业主委员会) of a compound: its members and term (a new term is a new record). */
export async function createCommittee(ctx: AppContext, actor: Actor, input: CommitteeInput, req: RequestContext) {
  const row = await keptCompound(ctx, actor, input.placeId, (a) => keepsCompound(actor, a), COMMITTEE_REFUSAL);
  dateOrder(input.termStart, input.termEnd, 'termEnd');
  checkMembers(input.members);
  return ctx.db.transaction(async (tx) => {
    const c = await repo.insertCommittee(tx, { placeId: row.id, termStart: input.termStart, termEnd: input.termEnd, members: input.members });
    await audit(tx, { actor }, req, { action: 'property.committee.create', entityType: 'place', entityId: row.id, areaCode: row.areaCode, detail: { termStart: input.termStart, termEnd: input.termEnd, committeeMembers: input.members.length } });
    return { id: c.id, placeId: row.id, termStart: c.termStart, termEnd: c.termEnd, members: c.members as CommitteeMember[] };
  });
}

export async function updateCommittee(ctx: AppContext, actor: Actor, id: string, input: Partial<Omit<CommitteeInput, 'placeId'>>, req: RequestContext) {
  return ctx.db.transaction(async (tx) => {
    const c = await repo.findCommittee(tx, id, true);
    const row = c ? await repo.findCompound(tx, c.placeId) : null;
    if (!c || !row || !isWithinScope(row.areaCode, actor.scopeCode)) {
      if (!keepsCompound(actor, actor.scopeCode)) throw forbidden(COMMITTEE_REFUSAL, 'forbidden');
      throw notFound('业主委员会');
    }
    if (!keepsCompound(actor, row.areaCode)) throw forbidden(COMMITTEE_REFUSAL, 'forbidden');
    dateOrder(input.termStart ?? c.termStart, input.termEnd ?? c.termEnd, input.termEnd ? 'termEnd' : 'termStart');
    if (input.members) checkMembers(input.members);
    const set = { ...(input.termStart ? { termStart: input.termStart } : {}), ...(input.termEnd ? { termEnd: input.termEnd } : {}), ...(input.members ? { members: input.members } : {}) };
    const done = Object.keys(set).length ? await repo.updateCommittee(tx, id, set) : c;
    await audit(tx, { actor }, req, { action: 'property.committee.update', entityType: 'place', entityId: row.id, areaCode: row.areaCode, detail: { termStart: done.termStart, termEnd: done.termEnd, committeeMembers: (done.members as unknown[]).length } });
    return { id: done.id, placeId: row.id, termStart: done.termStart, termEnd: done.termEnd, members: done.members as CommitteeMember[] };
  });
}

/** Sets how a compound without property management (无物业小区) is covered: community-run, 红心物业, self-management. */
export async function setCoverage(ctx: AppContext, actor: Actor, placeId: string, input: { mode: CoverageMode; companyId?: string | null; note?: string | null }, req: RequestContext) {
  const row = await keptCompound(ctx, actor, placeId, (a) => keepsCompound(actor, a), '只有小区所在社区的工作人员可以登记无物业小区的覆盖方式');
  if (row.propertyOrgId) throw unprocessable('has_property_company', `${row.name}有物业服务企业，不是无物业小区`, { field: 'placeId' });
  if (!(COVERAGE_MODES as readonly string[]).includes(input.mode)) throw invalid('invalid_mode', '覆盖方式（mode）应为 community、red-property 或 self-managed', { field: 'mode' });
  const companyId = input.mode === 'red-property' ? (input.companyId ?? null) : null;
  if (input.mode === 'red-property' && !companyId) throw invalid('company_required', '红心物业兜底须选择接管的物业服务企业（companyId）', { field: 'companyId' });
  if (companyId && !(await repo.isPropertyUnit(ctx.db, companyId))) throw invalid('invalid_company', '接管企业（companyId）不是物业服务企业', { field: 'companyId' });
  return ctx.db.transaction(async (tx) => {
    const c = await repo.upsertCoverage(tx, { placeId: row.id, mode: input.mode, unitId: companyId, note: input.note ?? null });
    await audit(tx, { actor }, req, { action: 'property.coverage', entityType: 'place', entityId: row.id, areaCode: row.areaCode, detail: { mode: input.mode, unitId: companyId } });
    return { placeId: row.id, mode: c.mode as CoverageMode, label: COVERAGE_MODE_LABELS[c.mode as CoverageMode].zh, companyId: c.unitId, note: c.note };
  });
}

/** Records a four-party joint meeting of a compound (optionally the consultation it was held in). */
export async function recordJointMeeting(ctx: AppContext, actor: Actor, input: { placeId: string; heldOn: string; attendees: string; topics: string; deliberationId?: string | null }, req: RequestContext) {
  const row = await keptCompound(ctx, actor, input.placeId, (a) => keepsCompound(actor, a), '只有小区所在社区的工作人员可以登记四位一体联席会议');
  if (input.heldOn > new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)) throw invalid('future_date', '会议日期（heldOn）不能晚于今天', { field: 'heldOn' });
  if (input.deliberationId) {
    const area = await repo.findDeliberationArea(ctx.db, input.deliberationId);
    if (!area || !isWithinScope(area, actor.scopeCode)) throw invalid('invalid_deliberation', '关联的议事（deliberationId）不存在或不在您的辖区', { field: 'deliberationId' });
  }
  return ctx.db.transaction(async (tx) => {
    const m = await repo.insertJointMeeting(tx, { placeId: row.id, areaCode: row.areaCode, heldOn: input.heldOn, attendees: input.attendees, topics: input.topics, deliberationId: input.deliberationId ?? null, recordedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'property.joint-meeting', entityType: 'place', entityId: row.id, areaCode: row.areaCode, detail: { heldOn: input.heldOn } });
    return { id: m.id, placeId: row.id, heldOn: m.heldOn, attendees: m.attendees, topics: m.topics, deliberationId: m.deliberationId };
  });
}

/** The households of a compound, to bill: the company serving it (and area staff). */
export async function compoundHouseholds(ctx: AppContext, actor: Actor, placeId: string) {
  const p = await who(ctx, actor);
  const row = await readableCompound(ctx, p, placeId);
  return { items: await repo.householdsOfCompound(ctx.db, row.areaCode) };
}

/** The company's confirmed property-fee redemptions of the bill's household not yet booked against a bill. */
export async function billRedemptions(ctx: AppContext, actor: Actor, id: string) {
  const p = await who(ctx, actor);
  if (!isPropertyStaff(p)) throw forbidden('只有本物业服务企业可以登记缴费和抵扣物业费', 'forbidden');
  const b = await repo.findBill(ctx.db, id);
  if (!b || !billsFor(p, b.unitId)) throw notFound('物业费账单');
  const rows = await repo.openFeeRedemptions(ctx.db, b.unitId, b.householdId);
  return { items: rows.map((r) => ({ id: r.id, points: r.amount, offset: offsetFen(r.amount) / 100, userName: r.userName, confirmedAt: toIsoCst(r.confirmedAt) })) };
}
