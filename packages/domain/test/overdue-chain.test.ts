import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../src/calendar.ts';
import { DEFAULT_OVERDUE_CHAIN, overdueChainOf, overdueChainSchedule, overdueStepsDue, validOverdueChain } from '../src/cases/overdue-chain.ts';
import { DomainError } from '../src/errors.ts';
import { overdueChainEffects, type CaseSnapshot } from '../src/cases/effects.ts';

const cal = createWorkCalendar();
const cst = (local: string) => new Date(`${local}+08:00`);
const atDept = (due: string, over: Partial<{ state: string; atUnit: boolean; ownerLevel: string }> = {}) => ({
  state: 'dispatched',
  atUnit: true,
  ownerLevel: 'town',
  stepDueAt: cst(due),
  ...over,
});

describe('the overdue chain at a department', () => {
  it('supervision as soon as the step is overdue, escalation at the end of the 2nd working day after', () => {
    const f = atDept('2026-11-06T10:00:00'); // a Friday
    expect(overdueChainSchedule(f, DEFAULT_OVERDUE_CHAIN, cal)).toEqual([
      { step: 'supervise', at: cst('2026-11-06T10:00:00') },
      { step: 'escalate', at: cst('2026-11-10T23:59:59.999') }, // Mon 09 and Tue 10 count
    ]);
    expect(overdueStepsDue(f, DEFAULT_OVERDUE_CHAIN, cst('2026-11-06T10:00:00'), cal)).toEqual([]);
    expect(overdueStepsDue(f, DEFAULT_OVERDUE_CHAIN, cst('2026-11-06T10:00:01'), cal)).toEqual(['supervise']);
    expect(overdueStepsDue(f, DEFAULT_OVERDUE_CHAIN, cst('2026-11-10T23:59:59'), cal)).toEqual(['supervise']);
    expect(overdueStepsDue(f, DEFAULT_OVERDUE_CHAIN, cst('2026-11-11T00:00:00'), cal)).toEqual(['supervise', 'escalate']);
  });

  it('holidays do not count towards escalation', () => {
    const f = atDept('2026-09-30T16:00:00');
    expect(overdueChainSchedule(f, DEFAULT_OVERDUE_CHAIN, cal)[1]).toEqual({ step: 'escalate', at: cst('2026-10-09T23:59:59.999') });
  });

  it('as the type sets it: no supervision, escalation the same day, or never', () => {
    const f = atDept('2026-11-06T10:00:00');
    expect(overdueStepsDue(f, { supervise: false, escalateAfterWorkingDays: 0 }, cst('2026-11-07T00:00:00'), cal)).toEqual(['escalate']);
    expect(overdueStepsDue(f, { supervise: true, escalateAfterWorkingDays: null }, cst('2027-01-01T00:00:00'), cal)).toEqual(['supervise']);
  });

  it('nothing for a case not at a department, one the district already owns (no escalation), or a finished one', () => {
    const now = cst('2026-12-01T00:00:00');
    expect(overdueStepsDue(atDept('2026-11-06T10:00:00', { atUnit: false }), DEFAULT_OVERDUE_CHAIN, now, cal)).toEqual([]);
    expect(overdueStepsDue(atDept('2026-11-06T10:00:00', { state: 'handled' }), DEFAULT_OVERDUE_CHAIN, now, cal)).toEqual([]);
    expect(overdueStepsDue(atDept('2026-11-06T10:00:00', { ownerLevel: 'district' }), DEFAULT_OVERDUE_CHAIN, now, cal)).toEqual(['supervise']);
    expect(overdueStepsDue(atDept('2026-11-06T10:00:00', { state: 'acknowledged' }), DEFAULT_OVERDUE_CHAIN, now, cal)).toEqual(['supervise', 'escalate']);
  });

  it('reads stored chains tolerantly and checks edits strictly', () => {
    expect(overdueChainOf(null)).toEqual(DEFAULT_OVERDUE_CHAIN);
    expect(overdueChainOf({ supervise: 'yes' })).toEqual(DEFAULT_OVERDUE_CHAIN);
    expect(overdueChainOf({ supervise: false, escalateAfterWorkingDays: null })).toEqual({ supervise: false, escalateAfterWorkingDays: null });
    expect(() => validOverdueChain({ supervise: true, escalateAfterWorkingDays: -1 })).toThrow(DomainError);
    expect(() => validOverdueChain({ supervise: true, escalateAfterWorkingDays: 1.5 })).toThrow(DomainError);
    expect(() => validOverdueChain(null)).toThrow(DomainError);
  });
});

describe('the overdue chain’s effects (one way in: written like every action)', () => {
  const snap = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
    id: 'c1',
    code: 'HM1',
    state: 'acknowledged',
    areaCode: '320583101001001',
    ownerLevel: 'town',
    ownerAreaCode: '320583101',
    handlerUnit: 'u1',
    acceptedAt: null,
    dueAt: cst('2026-11-06T10:00:00'),
    stepDueAt: cst('2026-11-06T10:00:00'),
    stepWarnAt: null,
    suspendedAt: null,
    pendingExtension: null,
    rating: null,
    reworkCount: 0,
    ...over,
  });

  it('supervision is a 督办 entry by the dispatching centre and changes nothing on the case', () => {
    const fx = overdueChainEffects(snap(), 'supervise', { unitName: '区城管局' })!;
    expect(fx.patch).toEqual({ state: 'acknowledged' });
    expect(fx.event).toMatchObject({ action: 'urge', fromState: 'acknowledged', toState: 'acknowledged' });
    expect(fx.event.note).toBe('超期自动督办：区城管局已超过办理时限（2026-11-06T10:00:00+08:00），由镇（街道）指挥中心督办');
    expect(fx.event.detail).toMatchObject({ automatic: true, step: 'acknowledged', unitId: 'u1', by: 'town' });
    expect(overdueChainEffects(snap({ state: 'dispatched' }), 'supervise', { unitName: null })!.event.note).toContain('承办单位已超过签收时限');
  });

  it('escalation hands the case to the district centre; the unit keeps it', () => {
    const fx = overdueChainEffects(snap(), 'escalate', { unitName: '区城管局' })!;
    expect(fx.patch).toEqual({ state: 'acknowledged', ownerLevel: 'district', ownerAreaCode: '320583' });
    expect(fx.units).toEqual([]);
    expect(fx.event).toMatchObject({ action: 'auto-escalate', detail: { fromLevel: 'town', fromArea: '320583101', toLevel: 'district', toArea: '320583' } });
  });

  it('nothing when the case left the unit, or the district owns it already', () => {
    expect(overdueChainEffects(snap({ handlerUnit: null }), 'supervise', { unitName: null })).toBeNull();
    expect(overdueChainEffects(snap({ state: 'handled' }), 'supervise', { unitName: null })).toBeNull();
    expect(overdueChainEffects(snap({ ownerLevel: 'district', ownerAreaCode: '320583' }), 'escalate', { unitName: null })).toBeNull();
    expect(overdueChainEffects(snap({ ownerLevel: 'district', ownerAreaCode: '320583' }), 'supervise', { unitName: null })).not.toBeNull();
  });
});
