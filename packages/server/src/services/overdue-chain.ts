// The overdue chain at departments (issue 12 item 6; docs/CASES.md "Supervision and escalation"):
// the rule is `overdueStepsDue` and the effects `overdueChainEffects` in packages/domain; this
// module finds the cases and writes each step once through the workflow's one writer
// (`writeEffects`) — the mark's primary key (case, kind, due time) decides, so several server
// processes sweeping at the same moment write each step exactly once.
import { overdueChainEffects, overdueChainOf, overdueStepsDue, type OverdueStep, type OwnerLevel } from '@gongzhi/domain';
import type { Tx } from '../db/client.ts';
import { CENTRE_ROLE } from '../policies/case.ts';
import * as repo from '../repositories/cases.ts';
import { overdueAtUnits } from '../repositories/overdue-chain.ts';
import { findUnit } from '../repositories/users.ts';
import { catalogueCache, snapshotOf, writeEffects } from './cases.ts';
import type { AppContext } from './context.ts';
import { workCalendar } from './deadlines.ts';
import { refreshWorkTime } from './work-time.ts';

const MARK: Record<OverdueStep, string> = { supervise: 'supervise', escalate: 'escalate-up' };

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
        return applyStep(tx, fresh, step);
      });
      if (done && step === 'supervise') supervised++;
      if (done && step === 'escalate') escalatedToDistrict++;
    }
  }
  return { supervised, escalatedToDistrict };
}

/**
 * One step of the chain: its effects are the domain's (`overdueChainEffects`, next to the
 * community's automatic escalation), written by `writeEffects` as every action is; the
 * notifications are this sweep's.
 */
async function applyStep(tx: Tx, c: repo.CaseRow, step: OverdueStep): Promise<boolean> {
  const unit = c.handlerUnitId ? await findUnit(tx, c.handlerUnitId) : null;
  const fx = overdueChainEffects(snapshotOf(c), step, { unitName: unit?.name ?? null });
  if (!fx) return false;
  const updated = await writeEffects(tx, c, fx);
  if (step === 'supervise') {
    // 督办: the unit's handlers and the dispatching centre hear of it.
    const title = `超期督办：${c.title}（${c.code}）`;
    if (c.handlerUnitId) await repo.notifyUsers(tx, { unitId: c.handlerUnitId }, { caseId: c.id, kind: 'case.supervised', title });
    await repo.notifyUsers(tx, { scopeCode: c.ownerAreaCode, roles: [CENTRE_ROLE[c.ownerLevel as OwnerLevel]] }, { caseId: c.id, kind: 'case.supervised', title });
  } else {
    // 上报区指挥中心: the district centre takes the case over; the unit keeps handling it.
    await repo.notifyUsers(tx, { scopeCode: updated.ownerAreaCode, roles: [CENTRE_ROLE.district] }, { caseId: c.id, kind: 'case.escalated', title: `超期上报：${c.title}（${c.code}）` });
  }
  return true;
}
