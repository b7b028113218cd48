// 5321 for property matters (issue 12 item 4; `002`; docs/CASES.md "5321"): the handling unit records
// the three five-minute steps and picks the tier, the owning centre may change the tier. The rule
// and its effects are the domain's (rule-5321.ts, `response5321Effects`); they are written through
// the workflow's one writer, like every action.
import { forbidden, invalid, notFound, response5321Effects, TIER_5321_LABELS, type Step5321, type Tier5321 } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { caseRelations, caseScopeOf } from '../policies/case.ts';
import * as repo from '../repositories/cases.ts';
import { findUnit } from '../repositories/users.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { presentCase, snapshotOf, unitIdsOf, writeEffects } from './cases.ts';

export interface Response5321Body {
  step?: Step5321;
  tier?: Tier5321;
  note?: string;
}

/** How the caller takes part in a case's 5321: the lead unit records, the owning centre changes the tier. */
export function role5321(actor: Actor, c: repo.CaseRow, units: { lead: string | null; assists: string[] }): 'handler' | 'centre' | null {
  const rel = caseRelations(actor, c, units);
  return rel.has('handler') ? 'handler' : rel.has('owner') ? 'centre' : null;
}

/** POST /api/cases/{id}/5321: a step done (the unit), or the tier chosen (the unit) or changed (the centre). */
export async function record5321(ctx: AppContext, actor: Actor, id: string, body: Response5321Body, req: RequestContext) {
  const visible = await repo.findCase(ctx.db, caseScopeOf(actor), id);
  if (!visible) throw notFound('案件');
  const row = await ctx.db.transaction(async (tx) => {
    const c = await repo.lockCase(tx, id);
    if (!c) throw notFound('案件');
    const by = role5321(actor, c, await unitIdsOf(tx, c));
    if (!by) throw forbidden('5321 由承办单位记录步骤和定级，案件所属指挥中心可调整等级');
    if (body.step && by !== 'handler') throw forbidden('5321 的步骤由承办单位记录');
    if (by === 'centre' && !body.note?.trim()) throw invalid('missing_field', '指挥中心调整问题等级需要填写原因（note）', { field: 'note' });
    const fx = response5321Effects(snapshotOf(c), { step: body.step, tier: body.tier, by, note: body.note?.trim() || null }, { now: new Date() });
    const actorUnit = actor.unitId ? ((await findUnit(tx, actor.unitId))?.name ?? null) : null;
    const updated = await writeEffects(tx, c, fx, { actorId: actor.id, actorName: actor.displayName, actorUnit });
    await audit(tx, { actor }, req, { action: body.step ? 'case.5321.step' : 'case.5321.tier', entityType: 'case', entityId: c.id, areaCode: c.areaCode, detail: { code: c.code, step: body.step ?? null, tier: body.tier ?? null } });
    if (by === 'centre' && c.handlerUnitId && body.tier) {
      await repo.notifyUsers(tx, { unitId: c.handlerUnitId }, { caseId: c.id, kind: 'case.5321', title: `指挥中心将问题等级调整为${TIER_5321_LABELS[body.tier]}：${c.title}（${c.code}）` });
    }
    return updated;
  });
  return presentCase(ctx, actor, row);
}
