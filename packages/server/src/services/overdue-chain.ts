// The overdue chain at departments (issue 12 item 6; docs/CASES.md "Supervision and escalation"):
// the rule is `overdueStepsDue` in packages/domain; this module finds the cases, and writes each
// step once — the mark's primary key (case, kind, due time) decides, so several server processes
// sweeping at the same moment write each step exactly once.
import { overdueChainOf, overdueStepsDue, type OverdueStep, type OwnerLevel } from '@gongzhi/domain';
import type { Tx } from '../db/client.ts';
import { toIsoCst } from '../lib/time.ts';
import { CENTRE_ROLE } from '../policies/case.ts';
import * as repo from '../repositories/cases.ts';
import { overdueAtUnits } from '../repositories/overdue-chain.ts';
import { findUnit } from '../repositories/users.ts';
import { catalogueCache } from './cases.ts';
import type { AppContext } from './context.ts';
import { workCalendar } from './deadlines.ts';
import { recordMeasureChange } from './measure-rollups.ts';
import { refreshWorkTime } from './work-time.ts';

const MARK: Record<OverdueStep, string> = { supervise: 'supervise', escalate: 'escalate-up' };
const CENTRE_NAME: Record<OwnerLevel, string> = { village: '村（社区）', town: '镇（街道）指挥中心', district: '区指挥中心' };

export async function sweepOverdueChain(ctx: AppContext, now = new Date()): Promise<{ supervised: number; escalatedToDistrict: number }> {
  await refreshWorkTime(ctx.db);
  const cal = workCalendar();
  const types = (await catalogueCache(ctx.db)).byCode;
  let supervised = 0;
  let escalatedToDistrict = 0;
  for (const c of await overdueAtUnits(ctx.db, now)) {
    const chain = overdueChainOf(types.get(c.categoryCode)?.overdueChain);
    const steps = overdueStepsDue({ state: c.state, atUnit: !!c.handlerUnitId, ownerLevel: c.ownerLevel, stepDueAt: c.stepDueAt }, chain, now, cal);
    for (const step of steps) {
      const done = await ctx.db.transaction(async (tx) => {
        const fresh = await repo.lockCase(tx, c.id);
        // The case moved on (signed, handled, re-dispatched, extended) since it was read: nothing to do.
        if (!fresh || fresh.state !== c.state || fresh.handlerUnitId !== c.handlerUnitId || fresh.stepDueAt?.getTime() !== c.stepDueAt!.getTime()) return false;
        if (!(await repo.claimDeadlineMark(tx, c.id, MARK[step], c.state, c.stepDueAt!))) return false;
        if (step === 'supervise') await supervise(tx, fresh);
        else await escalate(tx, fresh);
        return true;
      });
      if (done && step === 'supervise') supervised++;
      if (done && step === 'escalate') escalatedToDistrict++;
    }
  }
  return { supervised, escalatedToDistrict };
}

/** 督办: the dispatching centre urges the department, on the timeline as an automatic 督办催办. */
async function supervise(tx: Tx, c: repo.CaseRow) {
  const unit = c.handlerUnitId ? await findUnit(tx, c.handlerUnitId) : null;
  const centre = CENTRE_NAME[c.ownerLevel as OwnerLevel] ?? '指挥中心';
  await repo.insertEvent(tx, {
    caseId: c.id,
    action: 'urge',
    fromState: c.state,
    toState: c.state,
    actorId: null,
    actorName: '系统',
    actorUnit: null,
    note: `超期自动督办：${unit?.name ?? '承办单位'}已超过${c.state === 'dispatched' ? '签收' : '办理'}时限（${toIsoCst(c.stepDueAt!)}），由${centre}督办`,
    detail: { automatic: true, step: c.state, dueAt: toIsoCst(c.stepDueAt!), unitId: c.handlerUnitId, by: c.ownerLevel },
  });
  const title = `超期督办：${c.title}（${c.code}）`;
  if (c.handlerUnitId) await repo.notifyUsers(tx, { unitId: c.handlerUnitId }, { caseId: c.id, kind: 'case.supervised', title });
  await repo.notifyUsers(tx, { scopeCode: c.ownerAreaCode, roles: [CENTRE_ROLE[c.ownerLevel as OwnerLevel]] }, { caseId: c.id, kind: 'case.supervised', title });
}

/** 上报区指挥中心: the district centre takes the case over; the department keeps handling it. */
async function escalate(tx: Tx, c: repo.CaseRow) {
  const district = c.areaCode.slice(0, 6);
  const updated = await repo.updateCase(tx, c.id, { ownerLevel: 'district', ownerAreaCode: district });
  await repo.insertEvent(tx, {
    caseId: c.id,
    action: 'auto-escalate',
    fromState: c.state,
    toState: c.state,
    actorId: null,
    actorName: '系统',
    actorUnit: null,
    note: `督办后仍超期未办，自动上报区指挥中心（原时限 ${toIsoCst(c.stepDueAt!)}）`,
    detail: { automatic: true, fromLevel: c.ownerLevel, fromArea: c.ownerAreaCode, toLevel: 'district', toArea: district },
  });
  await repo.notifyUsers(tx, { scopeCode: district, roles: [CENTRE_ROLE.district] }, { caseId: c.id, kind: 'case.escalated', title: `超期上报：${c.title}（${c.code}）` });
  await recordMeasureChange(tx, c, updated);
}
