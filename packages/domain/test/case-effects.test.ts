import { describe, expect, it } from 'vitest';
import {
  actionEffects,
  autoDispatches,
  autoEscalationEffects,
  checkVerification,
  computeDue,
  intakeOwner,
  createWorkCalendar,
  decide,
  DomainError,
  FALLBACK_STEP_DEADLINES,
  type CaseAction,
  type CaseRelation,
  type CaseSnapshot,
  type DueFn,
  type EffectInput,
} from '../src/index.ts';

const cal = createWorkCalendar([]);
const calls: string[] = [];
/** The one deadline function, recording which limits were asked for. */
const due: DueFn = (start, spec, step) => {
  calls.push(step);
  return computeDue(start, spec, cal);
};
// Thursday 2026-12-03 10:00 +08:00 (a working day).
const now = new Date('2026-12-03T02:00:00Z');
const earlier = new Date('2026-12-01T02:00:00Z');
const deadlines = { ...FALLBACK_STEP_DEADLINES, acknowledge: { unit: 'hours' as const, amount: 2 } };
const env = { now, deadlines, due };

function snap(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 'c1',
    code: 'HM202612030000001',
    state: 'reported',
    areaCode: '320614103001001',
    ownerLevel: 'village',
    ownerAreaCode: '320614103001',
    handlerUnit: null,
    acceptedAt: null,
    dueAt: null,
    stepDueAt: null,
    stepWarnAt: null,
    suspendedAt: null,
    pendingExtension: null,
    rating: null,
    reworkCount: 0,
    ...over,
  };
}

function run(c: CaseSnapshot, action: CaseAction, relation: CaseRelation, input: EffectInput = {}) {
  const decision = decide(
    { state: c.state, ownerLevel: c.ownerLevel, hasHandlerUnit: !!c.handlerUnit, pendingExtension: !!c.pendingExtension, rating: c.rating, suspendedFrom: c.state === 'suspended' ? 'acknowledged' : null },
    action,
    new Set([relation]),
  );
  return actionEffects(c, decision, input, env);
}

const fiveWorkingDays = cal.addWorkingDays(now, 5);

describe('the effects of each case action (cases/effects.ts)', () => {
  it('accept: taken on now, overall limit = handle limit from now, step limit = overall', () => {
    const fx = run(snap(), 'accept', 'owner');
    expect(fx.patch).toMatchObject({ state: 'accepted', acceptedAt: now, dueAt: fiveWorkingDays, stepDueAt: fiveWorkingDays });
    expect(fx.event).toMatchObject({ action: 'accept', fromState: 'reported', toState: 'accepted', detail: null });
  });

  it('accept keeps an overall limit that was already set', () => {
    const fx = run(snap({ dueAt: earlier }), 'accept', 'owner');
    expect(fx.patch.dueAt).toEqual(earlier);
  });

  it('escalate: owner moves to the town centre of the case area, with the limit set once', () => {
    const fx = run(snap(), 'escalate', 'owner', { reason: '超出社区处置权限' });
    expect(fx.patch).toMatchObject({ state: 'accepted', ownerLevel: 'town', ownerAreaCode: '320614103', acceptedAt: now, dueAt: fiveWorkingDays });
    expect(fx.event.detail).toEqual({ toLevel: 'town', toArea: '320614103' });
    expect(fx.event.note).toBe('超出社区处置权限');
    const up = run(snap({ state: 'accepted', ownerLevel: 'town', ownerAreaCode: '320614103', acceptedAt: earlier, dueAt: earlier }), 'escalate', 'owner', { reason: 'x' });
    expect(up.patch).toMatchObject({ ownerLevel: 'district', ownerAreaCode: '320614', acceptedAt: earlier, dueAt: earlier });
  });

  it('escalate refuses an area too coarse for the next centre (409)', () => {
    expect(() => run(snap({ areaCode: '320614' }), 'escalate', 'owner', { reason: 'x' })).toThrow(DomainError);
  });

  it('dispatch: re-dispatch closes open assignments, names lead and assisting units, acknowledge limit from now', () => {
    const fx = run(snap({ state: 'accepted', ownerLevel: 'town', acceptedAt: earlier, dueAt: fiveWorkingDays }), 'dispatch', 'owner', {
      unit: { id: 'u1', name: '区城管局' },
      assistUnits: [{ id: 'u2', name: '区住建局' }, { id: 'u1', name: '区城管局' }, { id: 'u2', name: '区住建局' }],
      note: '请按时处置',
      reason: 'ignored',
    });
    expect(fx.units).toEqual([
      { kind: 'close-open', statuses: ['dispatched', 'acknowledged', 'feedback'], to: 'returned' },
      { kind: 'assign', unitId: 'u1', role: 'lead' },
      { kind: 'assign', unitId: 'u2', role: 'assist' },
    ]);
    expect(fx.patch).toMatchObject({ state: 'dispatched', handlerUnit: 'u1', dispatchedAt: now, dueAt: fiveWorkingDays, stepDueAt: new Date(now.getTime() + 2 * 3600_000) });
    expect(fx.event.detail).toEqual({ unit: '区城管局', assistUnits: ['区住建局'] });
    expect(fx.event.note).toBe('请按时处置');
  });

  it('acknowledge, return, feedback: the unit assignment follows', () => {
    const dispatched = snap({ state: 'dispatched', handlerUnit: 'u1', dueAt: fiveWorkingDays });
    expect(run(dispatched, 'acknowledge', 'handler').units).toEqual([{ kind: 'status', unitId: 'u1', status: 'acknowledged' }]);
    const back = run(dispatched, 'return', 'handler', { reason: '不属于本单位' });
    expect(back.patch).toMatchObject({ state: 'accepted', handlerUnit: null, pendingExtension: null, stepDueAt: fiveWorkingDays });
    expect(back.units).toEqual([{ kind: 'status', unitId: 'u1', status: 'returned', note: '不属于本单位' }]);
    const fb = run(dispatched, 'feedback', 'assistant', { note: '已配合', actorUnitId: 'u2' });
    expect(fb.patch).toEqual({ state: 'dispatched' });
    expect(fb.units).toEqual([{ kind: 'status', unitId: 'u2', status: 'feedback', note: '已配合' }]);
  });

  it('request-extension: 1–30 working days, recorded as pending', () => {
    const c = snap({ state: 'acknowledged', handlerUnit: 'u1', dueAt: fiveWorkingDays });
    const fx = run(c, 'request-extension', 'handler', { workingDays: 3, reason: '等待配件', actorName: '沈立新' });
    expect(fx.patch.pendingExtension).toEqual({ workingDays: 3, reason: '等待配件', requestedBy: '沈立新', requestedAt: '2026-12-03T10:00:00+08:00' });
    expect(fx.event.detail).toEqual({ workingDays: 3 });
    expect(() => run(c, 'request-extension', 'handler', { workingDays: 31, reason: 'x' })).toThrow(/1–30/);
    expect(() => run(c, 'request-extension', 'handler', { workingDays: 0, reason: 'x' })).toThrow(/1–30/);
    expect(() => run(c, 'request-extension', 'handler', { workingDays: 1.5, reason: 'x' })).toThrow(/1–30/);
    expect(run(c, 'request-extension', 'handler', { workingDays: 30, reason: 'x' }).patch.pendingExtension?.workingDays).toBe(30);
  });

  it('approve-extension moves the overall limit by the granted working days (through the deadline function); deny clears it', () => {
    const c = snap({ state: 'acknowledged', handlerUnit: 'u1', dueAt: fiveWorkingDays, pendingExtension: { workingDays: 2 } });
    calls.length = 0;
    const fx = run(c, 'approve-extension', 'owner');
    const moved = cal.addWorkingDays(fiveWorkingDays, 2);
    expect(calls).toEqual(['extension']);
    expect(fx.patch).toMatchObject({ dueAt: moved, pendingExtension: null, stepDueAt: moved });
    expect(fx.event.detail).toMatchObject({ workingDays: 2, newDeadline: '2026-12-14T23:59:59+08:00' });
    expect(run(c, 'deny-extension', 'owner', { reason: '按原时限' }).patch).toEqual({ state: 'acknowledged', pendingExtension: null });
  });

  it('handle: the answer, the lead unit done, verify limit from now; on the spot it is also taken on now', () => {
    const byUnit = run(snap({ state: 'acknowledged', handlerUnit: 'u1', acceptedAt: earlier, dueAt: fiveWorkingDays, pendingExtension: { workingDays: 2 } }), 'handle', 'handler', { note: '已修复', asHandler: true });
    expect(byUnit.patch).toMatchObject({ state: 'handled', handledAt: now, answer: '已修复', pendingExtension: null, stepDueAt: cal.addWorkingDays(now, 2) });
    expect(byUnit.patch.acceptedAt).toBeUndefined();
    expect(byUnit.units).toEqual([{ kind: 'status', unitId: 'u1', status: 'done', note: '已修复' }]);
    const onSpot = run(snap(), 'handle', 'verifier', { note: '当场处置' });
    expect(onSpot.patch).toMatchObject({ acceptedAt: now, dueAt: fiveWorkingDays });
    expect(onSpot.units).toEqual([]);
  });

  it('verify-pass closes; verify-fail counts a rework and sends the unit back', () => {
    const handled = snap({ state: 'handled', handlerUnit: 'u1', dueAt: fiveWorkingDays, reworkCount: 1 });
    expect(run(handled, 'verify-pass', 'verifier').patch).toMatchObject({ state: 'closed', closedAt: now, stepDueAt: null });
    const fail = run(handled, 'verify-fail', 'owner', { reason: '问题仍在' });
    expect(fail.patch).toMatchObject({ state: 'acknowledged', reworkCount: 2, stepDueAt: fiveWorkingDays });
    expect(fail.units).toEqual([{ kind: 'status', unitId: 'u1', status: 'acknowledged' }]);
  });

  it('rate records the score; reopen clears it, counts a rework and restarts the clock', () => {
    const closed = snap({ state: 'closed', handlerUnit: 'u1', dueAt: earlier });
    const rated = run(closed, 'rate', 'reporter', { score: 'unsatisfied', comment: '没解决', asReporter: true });
    expect(rated.patch).toEqual({ state: 'closed', rating: 'unsatisfied', ratedBy: 'reporter', ratingComment: '没解决', ratedAt: now });
    expect(rated.event).toMatchObject({ note: '没解决', detail: { score: 'unsatisfied', by: 'reporter' } });
    const again = run({ ...closed, rating: 'unsatisfied' }, 'reopen', 'owner', { reason: '群众不满意' });
    expect(again.patch).toMatchObject({ state: 'dispatched', reworkCount: 1, rating: null, ratedAt: null, closedAt: null, dueAt: fiveWorkingDays });
    expect(again.units).toEqual([{ kind: 'status', unitId: 'u1', status: 'dispatched' }]);
    expect(again.event.detail).toEqual({ previousRating: 'unsatisfied' });
  });

  it('merge: into an open case only, the target timeline records it', () => {
    const c = snap();
    const fx = run(c, 'merge', 'owner', { into: { id: 'c2', code: 'HM2', state: 'accepted' } });
    expect(fx.patch).toMatchObject({ state: 'merged', mergedInto: 'c2' });
    expect(fx.mergedFrom).toEqual({ caseId: 'c2', note: `合并了重复案件 ${c.code}`, detail: { fromCode: c.code, fromId: 'c1' } });
    expect(() => run(c, 'merge', 'owner', { into: { id: 'c2', code: 'HM2', state: 'closed' } })).toThrow(/不能合并进去/);
    expect(() => run(c, 'merge', 'owner', { into: { id: 'c2', code: 'HM2', state: 'suspended' } })).toThrow(/不能合并进去/);
    expect(() => run(c, 'merge', 'owner', { into: { id: 'c1', code: c.code, state: 'reported' } })).toThrow(/本身/);
  });

  it('suspend stops the clock; resume shifts every deadline by the time suspended', () => {
    const c = snap({ state: 'acknowledged', handlerUnit: 'u1', dueAt: fiveWorkingDays, stepDueAt: fiveWorkingDays, stepWarnAt: earlier });
    const s = run(c, 'suspend', 'owner', { reason: '等待' });
    expect(s.patch).toEqual({ state: 'suspended', suspendedFrom: 'acknowledged', suspendedAt: now });
    const hours = 30 * 3600_000;
    const r = run({ ...c, state: 'suspended', suspendedAt: new Date(now.getTime() - hours) }, 'resume', 'owner');
    expect(r.patch).toMatchObject({
      state: 'acknowledged',
      suspendedFrom: null,
      suspendedAt: null,
      dueAt: new Date(fiveWorkingDays.getTime() + hours),
      stepDueAt: new Date(fiveWorkingDays.getTime() + hours),
      stepWarnAt: new Date(earlier.getTime() + hours),
    });
    expect(r.event.detail).toEqual({ pausedMs: hours });
  });

  it('urge and withdraw change nothing but the state', () => {
    expect(run(snap({ state: 'accepted' }), 'urge', 'supervisor', { note: '请抓紧' }).patch).toEqual({ state: 'accepted' });
    expect(run(snap(), 'withdraw', 'reporter', { reason: '已解决' }).patch).toMatchObject({ state: 'withdrawn', stepDueAt: null });
  });

  it('every due time goes through the one deadline function', () => {
    calls.length = 0;
    run(snap(), 'accept', 'owner');
    run(snap({ state: 'accepted', ownerLevel: 'town' }), 'dispatch', 'owner', { unit: { id: 'u1', name: 'u' } });
    run(snap({ state: 'acknowledged', handlerUnit: 'u1', dueAt: now }), 'handle', 'handler', { note: 'x' });
    expect(calls).toEqual(['handle', 'handle', 'acknowledge', 'verify']);
  });
});

describe('automatic escalation (超期自动上报)', () => {
  it('moves a waiting village case to the town, accepted, with its limits', () => {
    const fx = autoEscalationEffects(snap(), env)!;
    expect(fx.patch).toMatchObject({ state: 'accepted', ownerLevel: 'town', ownerAreaCode: '320614103', acceptedAt: now, dueAt: fiveWorkingDays, stepDueAt: fiveWorkingDays });
    expect(fx.event).toMatchObject({ action: 'auto-escalate', fromState: 'reported', toState: 'accepted', detail: { toLevel: 'town', toArea: '320614103' } });
  });

  it('leaves dispatched cases and cases above the village alone', () => {
    expect(autoEscalationEffects(snap({ state: 'accepted', handlerUnit: 'p1' }), env)).toBeNull();
    expect(autoEscalationEffects(snap({ ownerLevel: 'town' }), env)).toBeNull();
    expect(autoEscalationEffects(snap({ state: 'handled' }), env)).toBeNull();
  });
});

describe('tiers by type at intake (002: 小事不出村、大事不出镇、难事不出县)', () => {
  const grid = '320614103001001';
  it('a village-level type lands with the community, town-level with the town, district-level with the district', () => {
    expect(intakeOwner(grid, { handlingLevel: 'village', urgent: false })).toEqual({ level: 'village', area: '320614103001' });
    expect(intakeOwner(grid, { handlingLevel: 'town', urgent: false })).toEqual({ level: 'town', area: '320614103' });
    expect(intakeOwner(grid, { handlingLevel: 'district', urgent: false })).toEqual({ level: 'district', area: '320614' });
  });
  it('urgent types go to the district; a coarse place lands with its own centre; on the spot stays in the village', () => {
    expect(intakeOwner(grid, { handlingLevel: 'village', urgent: true })).toEqual({ level: 'district', area: '320614' });
    expect(intakeOwner('320614103', { handlingLevel: 'village', urgent: false })).toEqual({ level: 'town', area: '320614103' });
    expect(intakeOwner('320614', { handlingLevel: 'town', urgent: false })).toEqual({ level: 'district', area: '320614' });
    expect(intakeOwner(grid, { handlingLevel: 'town', urgent: false }, { onSpot: true })).toEqual({ level: 'village', area: '320614103001' });
  });
  it('dispatches automatically only where the type says so, names a unit, and a town or district centre owns it', () => {
    expect(autoDispatches({ autoDispatch: true, defaultUnitCode: 'util-gd' }, 'town')).toBe(true);
    expect(autoDispatches({ autoDispatch: true, defaultUnitCode: 'util-gd' }, 'district')).toBe(true);
    expect(autoDispatches({ autoDispatch: true, defaultUnitCode: 'util-gd' }, 'village')).toBe(false);
    expect(autoDispatches({ autoDispatch: true, defaultUnitCode: null }, 'town')).toBe(false);
    expect(autoDispatches({ autoDispatch: false, defaultUnitCode: 'util-gd' }, 'town')).toBe(false);
  });
});

describe('on-site verification (现场核验)', () => {
  const handled = snap({ state: 'handled', ownerLevel: 'town', dueAt: fiveWorkingDays });
  const decision = decide({ state: 'handled', ownerLevel: 'town', hasHandlerUnit: false, pendingExtension: false, rating: null, suspendedFrom: null }, 'verify-pass', new Set(['verifier']));
  const onSite = { ...env, type: { verifyOnSite: true } };
  it('refuses verify-pass without a photo for a type flagged 需现场核验 (422)', () => {
    try {
      actionEffects(handled, decision, { photos: 0 }, onSite);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('unprocessable');
      expect((e as DomainError).code).toBe('verification_photo_required');
    }
    expect(() => checkVerification({ verifyOnSite: true }, {})).toThrow(/照片/);
  });
  it('passes with one photo, and records where the verifier stood', () => {
    const fx = actionEffects(handled, decision, { photos: 1, location: { lat: 31.9, lng: 121.2 } }, onSite);
    expect(fx.patch).toMatchObject({ state: 'closed', verifyLat: 31.9, verifyLng: 121.2 });
    expect(fx.event.detail).toEqual({ location: { lat: 31.9, lng: 121.2 }, photos: 1 });
  });
  it('needs no photo for a type checked by a return visit, nor after the grid worker settled it on the spot', () => {
    expect(actionEffects(handled, decision, {}, { ...env, type: { verifyOnSite: false } }).patch.state).toBe('closed');
    expect(actionEffects(handled, decision, { onSpot: true }, onSite).patch.state).toBe('closed');
  });
});

describe('double evaluation: the reporter’s satisfaction (双重评价, 000)', () => {
  const closed = snap({ state: 'closed', handlerUnit: 'u1', dueAt: earlier });
  const facts = (rating: CaseSnapshot['rating'], ratedBy: 'reporter' | 'visit' | null) =>
    ({ state: 'closed', ownerLevel: 'village', hasHandlerUnit: true, pendingExtension: false, rating, ratedBy, suspendedFrom: null }) as const;
  it('staff record a return visit (回访); the reporter’s own rating supersedes it, and the timeline says so', () => {
    const visit = actionEffects(closed, decide(facts(null, null), 'rate', new Set(['owner'])), { score: 'basically-satisfied' }, env);
    expect(visit.patch).toMatchObject({ rating: 'basically-satisfied', ratedBy: 'visit' });
    const own = actionEffects({ ...closed, rating: 'basically-satisfied', ratedBy: 'visit' }, decide(facts('basically-satisfied', 'visit'), 'rate', new Set(['reporter'])), { score: 'unsatisfied', asReporter: true }, env);
    expect(own.patch).toMatchObject({ rating: 'unsatisfied', ratedBy: 'reporter' });
    expect(own.event.detail).toEqual({ score: 'unsatisfied', by: 'reporter', supersedes: 'basically-satisfied' });
  });
  it('the reporter rates once; staff cannot record over any rating', () => {
    expect(() => decide(facts('satisfied', 'reporter'), 'rate', new Set(['reporter']))).toThrow(/已评价/);
    expect(() => decide(facts('satisfied', null), 'rate', new Set(['reporter']))).toThrow(/已评价/);
    expect(() => decide(facts('satisfied', 'visit'), 'rate', new Set(['owner']))).toThrow(/已评价/);
    expect(() => decide(facts('satisfied', 'reporter'), 'rate', new Set(['owner']))).toThrow(/已评价/);
  });
  it('reopen clears the rating and who gave it', () => {
    const again = run({ ...closed, rating: 'unsatisfied', ratedBy: 'visit' }, 'reopen', 'owner', { reason: '群众不满意' });
    expect(again.patch).toMatchObject({ rating: null, ratedBy: null });
  });
});
