// 双重评价, the centre's side (issue 12 item 3; `000`; docs/CASES.md "Double evaluation"): the centre
// that owns a closed case grades the work of each unit it was dispatched to. The grades and the
// score are the domain's (cases/assessment.ts); one row per case and unit, corrected in place, and
// every version on the timeline.
import {
  ASSESSABLE_STATES,
  assessmentScore,
  forbidden,
  GRADE_LABELS,
  conflict,
  invalid,
  notFound,
  suggestedTimeliness,
  type AssessmentGrade,
  type AssessmentGrades,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { caseScopeOf, isOwner } from '../policies/case.ts';
import * as cases from '../repositories/cases.ts';
import * as repo from '../repositories/case-assessments.ts';
import { findUnit } from '../repositories/users.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

export interface AssessmentInput extends AssessmentGrades {
  comment?: string | null;
}

async function load(ctx: AppContext, actor: Actor, caseId: string) {
  const scope = caseScopeOf(actor);
  const c = await cases.findCase(ctx.db, scope, caseId);
  if (!c) throw notFound('案件');
  // The reporter has their own side of the double evaluation; the centre's grades are internal.
  if (scope.kind === 'reporter') throw forbidden('对承办单位的考核评价仅供工作人员查看');
  const rows = (await cases.caseUnitRows(ctx.db, c.id)).filter((r) => r.status !== 'returned');
  const mayAssess = isOwner(actor, c) && ASSESSABLE_STATES.includes(c.state) && rows.length > 0;
  // A department sees only what was said of its own work.
  const visibleUnit = scope.kind === 'unit' ? actor.unitId : null;
  return { c, rows, mayAssess, visibleUnit };
}

function present(a: repo.CaseAssessmentRow, unitName: string) {
  return {
    unit: { id: a.unitId, name: unitName },
    // The columns hold the grades the route accepts.
    timeliness: a.timeliness as AssessmentGrade,
    quality: a.quality as AssessmentGrade,
    attitude: a.attitude as AssessmentGrade,
    score: a.score,
    comment: a.comment,
    assessedBy: a.assessedByName,
    assessedAt: toIsoCst(a.assessedAt),
    /** 1 for the first assessment; each correction adds one (the timeline keeps every version). */
    revisions: a.revisions,
  };
}

/** GET /api/cases/{id}/assessments: the centre's grades of the case's units, and who may give them. */
export async function listAssessments(ctx: AppContext, actor: Actor, caseId: string) {
  const { c, rows, mayAssess, visibleUnit } = await load(ctx, actor, caseId);
  const names = new Map(rows.map((r) => [r.unitId, r.name]));
  const items = (await repo.assessmentsOf(ctx.db, c.id)).filter((a) => !visibleUnit || a.unitId === visibleUnit);
  const timeliness = suggestedTimeliness({ startedAt: c.dispatchedAt, dueAt: c.dueAt, handledAt: c.handledAt });
  return {
    items: items.map((a) => present(a, names.get(a.unitId) ?? '—')),
    /** The units the centre may assess, with the timeliness grade the deadlines suggest. */
    units: mayAssess ? rows.map((r) => ({ id: r.unitId, name: r.name, role: r.role, suggestedTimeliness: r.role === 'lead' ? timeliness : null })) : [],
    allowedActions: mayAssess ? ['assess'] : [],
  };
}

/** PUT /api/cases/{id}/assessments/{unitId}: the first assessment (201) or a correction (200). */
export async function assessUnit(ctx: AppContext, actor: Actor, caseId: string, unitId: string, input: AssessmentInput, req: RequestContext) {
  const { c, rows } = await load(ctx, actor, caseId);
  if (!isOwner(actor, c)) throw forbidden('只有案件所属指挥中心可以考核承办单位');
  const score = assessmentScore(input);
  const unit = rows.find((r) => r.unitId === unitId);
  if (!unit) throw invalid('invalid_unit', '该单位不是本案件的承办或协办单位', { field: 'unitId' });
  return ctx.db.transaction(async (tx) => {
    const locked = await cases.lockCase(tx, c.id);
    if (!locked || !ASSESSABLE_STATES.includes(locked.state)) throw conflict('invalid_state', '案件结案后才能考核承办单位');
    const before = await repo.findAssessment(tx, c.id, unitId);
    const saved = await repo.saveAssessment(tx, {
      caseId: c.id,
      unitId,
      timeliness: input.timeliness,
      quality: input.quality,
      attitude: input.attitude,
      score,
      comment: input.comment?.trim() || null,
      assessedBy: actor.id,
      assessedByName: actor.displayName,
      assessedAt: new Date(),
    });
    const grades = `时效${GRADE_LABELS[input.timeliness]}、质量${GRADE_LABELS[input.quality]}、态度${GRADE_LABELS[input.attitude]}`;
    const actorUnit = actor.unitId ? ((await findUnit(tx, actor.unitId))?.name ?? null) : null;
    await cases.insertEvent(tx, {
      caseId: c.id,
      action: 'assess',
      fromState: locked.state,
      toState: locked.state,
      actorId: actor.id,
      actorName: actor.displayName,
      actorUnit,
      note: `${before ? '更正考核' : '考核'}${unit.name}：${grades}，${score.toFixed(1)} 分${before ? `（原 ${before.score.toFixed(1)} 分）` : ''}${saved.comment ? `。${saved.comment}` : ''}`,
      detail: {
        unitId,
        unitName: unit.name,
        timeliness: input.timeliness,
        quality: input.quality,
        attitude: input.attitude,
        assessmentScore: score,
        ...(before ? { previous: { timeliness: before.timeliness, quality: before.quality, attitude: before.attitude, assessmentScore: before.score } } : {}),
      },
    });
    await audit(tx, { actor }, req, { action: before ? 'case.assess.correct' : 'case.assess', entityType: 'case', entityId: c.id, areaCode: c.areaCode, detail: { code: c.code, unitId, score } });
    await cases.notifyUsers(tx, { unitId }, { caseId: c.id, kind: 'case.assessed', title: `指挥中心${before ? '更正了' : ''}对本单位的考核：${c.title}（${c.code}）` });
    return { status: before ? 200 : 201, body: present(saved, unit.name) };
  });
}
