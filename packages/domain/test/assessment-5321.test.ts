// 双重评价 (the centre's assessment) and 5321 (`002`) in the domain: the score, the suggested
// timeliness, the step limits at their thresholds, and the effects that record them.
import { describe, expect, it } from 'vitest';
import { assessmentScore, suggestedTimeliness } from '../src/cases/assessment.ts';
import { chooseTier5321, recordStep5321, resolveDue5321, start5321, status5321 } from '../src/cases/rule-5321.ts';
import { actionEffects, response5321Effects, FALLBACK_STEP_DEADLINES, type CaseSnapshot } from '../src/cases/effects.ts';
import { DomainError } from '../src/errors.ts';

const at = (local: string) => new Date(`${local}+08:00`);
const MIN = 60_000;
const plus = (d: Date, minutes: number, ms = 0) => new Date(d.getTime() + minutes * MIN + ms);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('the centre’s assessment score', () => {
  it('0.4 × timeliness + 0.4 × quality + 0.2 × attitude, grades 100/80/60/40', () => {
    expect(assessmentScore({ timeliness: 'excellent', quality: 'excellent', attitude: 'excellent' })).toBe(100);
    expect(assessmentScore({ timeliness: 'poor', quality: 'poor', attitude: 'poor' })).toBe(40);
    expect(assessmentScore({ timeliness: 'excellent', quality: 'good', attitude: 'excellent' })).toBe(92);
    expect(assessmentScore({ timeliness: 'good', quality: 'fair', attitude: 'excellent' })).toBe(76);
    expect(assessmentScore({ timeliness: 'fair', quality: 'good', attitude: 'poor' })).toBe(64);
  });
  it('anything but the four grades is a 400 naming the aspect', () => {
    const err = (() => {
      try {
        assessmentScore({ timeliness: 'excellent', quality: 'great' as never, attitude: 'good' });
      } catch (e) {
        return e as DomainError;
      }
    })()!;
    expect(err.code).toBe('invalid_grade');
    expect(err.message).toContain('办理质量');
  });
  it('timeliness suggested from the deadline: in time 优, within a fifth late 良, within the allowed time again 中, later 差', () => {
    const start = at('2026-12-01T09:00:00');
    const due = at('2026-12-01T19:00:00'); // 10 hours allowed
    const s = (handled: Date) => suggestedTimeliness({ startedAt: start, dueAt: due, handledAt: handled });
    expect(s(due)).toBe('excellent');
    expect(s(plus(due, 0, 1))).toBe('good');
    expect(s(plus(due, 120))).toBe('good');
    expect(s(plus(due, 121))).toBe('fair');
    expect(s(plus(due, 600))).toBe('fair');
    expect(s(plus(due, 601))).toBe('poor');
    expect(suggestedTimeliness({ startedAt: null, dueAt: due, handledAt: due })).toBeNull();
  });
});

describe('5321 (`002`): minutes to learn, plan, reply; the tier’s limit', () => {
  const t0 = at('2026-12-03T21:10:00'); // at night: the minutes are clock minutes
  it('steps due 5, 10, 15 minutes after the dispatch; in time at the deadline, overdue a millisecond after', () => {
    const r = start5321(t0);
    expect([r.steps.learn.dueAt, r.steps.plan.dueAt, r.steps.reply.dueAt]).toEqual([plus(t0, 5), plus(t0, 10), plus(t0, 15)].map((d) => d.toISOString()));
    expect(status5321(r, plus(t0, 5))).toMatchObject({ learn: 'running', plan: 'waiting', reply: 'waiting', resolve: 'waiting' });
    expect(status5321(r, plus(t0, 5, 1))).toMatchObject({ learn: 'overdue', plan: 'waiting' });
    expect(status5321(r, plus(t0, 10, 1))).toMatchObject({ learn: 'overdue', plan: 'overdue', reply: 'waiting' });
    const learned = recordStep5321(r, 'learn', plus(t0, 5));
    expect(status5321(learned, plus(t0, 6)).learn).toBe('done');
    expect(status5321(recordStep5321(r, 'learn', plus(t0, 5, 1)), plus(t0, 6)).learn).toBe('late');
  });
  it('30 minutes, 2 hours, 1 day after the 15 minutes, by tier', () => {
    const r = start5321(t0);
    expect(resolveDue5321(r, 'general')).toEqual(plus(t0, 45));
    expect(resolveDue5321(r, 'larger')).toEqual(plus(t0, 135));
    expect(resolveDue5321(r, 'complex')).toEqual(plus(t0, 15 + 1440));
    const chosen = chooseTier5321(r, 'general', 'handler');
    expect(status5321(chosen, plus(t0, 45)).resolve).toBe('running');
    expect(status5321(chosen, plus(t0, 45, 1)).resolve).toBe('overdue');
  });
  it('in order, each once; the reply needs a tier', () => {
    const r = start5321(t0);
    expect(code(() => recordStep5321(r, 'plan', t0))).toBe('step_out_of_order');
    const a = recordStep5321(r, 'learn', plus(t0, 2));
    expect(code(() => recordStep5321(a, 'learn', plus(t0, 3)))).toBe('step_already_recorded');
    const b = recordStep5321(a, 'plan', plus(t0, 8));
    expect(code(() => recordStep5321(b, 'reply', plus(t0, 12)))).toBe('tier_required');
    const c = recordStep5321(b, 'reply', plus(t0, 12), 'larger');
    expect(c).toMatchObject({ tier: 'larger', tierBy: 'handler', resolveDueAt: plus(t0, 135).toISOString() });
  });
});

describe('5321 through the workflow’s effects', () => {
  const t0 = at('2026-12-03T10:00:00');
  const snap = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
    id: 'c1',
    code: 'HM1',
    state: 'accepted',
    areaCode: '320614103001001',
    ownerLevel: 'village',
    ownerAreaCode: '320614103001',
    handlerUnit: null,
    acceptedAt: t0,
    dueAt: null,
    stepDueAt: null,
    stepWarnAt: null,
    suspendedAt: null,
    pendingExtension: null,
    rating: null,
    reworkCount: 0,
    ...over,
  });
  const env = (rule5321: boolean) => ({ now: t0, deadlines: FALLBACK_STEP_DEADLINES, due: (s: Date, spec: { unit: string; amount: number }) => plus(s, spec.amount * 60), type: { rule5321 } });
  const dispatch = { action: 'dispatch', to: 'dispatched', effects: {} } as never;

  it('dispatching a property type starts the clock; other types have none', () => {
    const fx = actionEffects(snap(), dispatch, { unit: { id: 'u1', name: '物业公司' } }, env(true));
    expect(fx.patch.response5321).toEqual(start5321(t0));
    expect(actionEffects(snap(), dispatch, { unit: { id: 'u1', name: '物业公司' } }, env(false)).patch.response5321).toBeUndefined();
  });

  it('a step is a timeline entry; the tier sets the overall deadline, and the step deadline once signed', () => {
    const r = recordStep5321(recordStep5321(start5321(t0), 'learn', plus(t0, 3)), 'plan', plus(t0, 9));
    const signed = snap({ state: 'acknowledged', handlerUnit: 'u1', response5321: r, dueAt: plus(t0, 24 * 60) });
    const fx = response5321Effects(signed, { step: 'reply', tier: 'general', by: 'handler' }, { now: plus(t0, 16) });
    expect(fx.event).toMatchObject({ action: 'response-step', fromState: 'acknowledged', toState: 'acknowledged', detail: { step: 'reply', tier: 'general' } });
    expect(fx.event.note).toBe('5321 答复居民：第 16 分钟（超时）');
    expect(fx.patch.dueAt).toEqual(plus(t0, 45));
    expect(fx.patch.stepDueAt).toEqual(plus(t0, 45));
    // Not yet signed: only the overall deadline moves (the step deadline is the signing limit).
    const unsigned = response5321Effects({ ...signed, state: 'dispatched' }, { tier: 'larger', by: 'handler' }, { now: plus(t0, 4) });
    expect(unsigned.patch.dueAt).toEqual(plus(t0, 135));
    expect(unsigned.patch.stepDueAt).toBeUndefined();
    expect(unsigned.event.action).toBe('response-tier');
  });

  it('the centre changes the tier; the handler cannot undo it; nothing outside the rule or the unit’s work', () => {
    const r = chooseTier5321(start5321(t0), 'general', 'handler');
    const c = snap({ state: 'acknowledged', handlerUnit: 'u1', response5321: r });
    const fx = response5321Effects(c, { tier: 'complex', by: 'centre', note: '涉及多户' }, { now: plus(t0, 20) });
    expect(fx.patch.response5321).toMatchObject({ tier: 'complex', tierBy: 'centre' });
    expect(fx.event.detail).toMatchObject({ tier: 'complex', previousTier: 'general', by: 'centre' });
    const after = { ...c, response5321: fx.patch.response5321 };
    expect(code(() => response5321Effects(after, { tier: 'general', by: 'handler' }, { now: plus(t0, 21) }))).toBe('tier_set_by_centre');
    expect(code(() => response5321Effects(snap({ state: 'acknowledged' }), { step: 'learn', by: 'handler' }, { now: t0 }))).toBe('not_5321');
    expect(code(() => response5321Effects({ ...c, state: 'handled' }, { step: 'learn', by: 'handler' }, { now: t0 }))).toBe('invalid_state');
  });
});
