// 5321 for property matters (`002`: 物业服务 "5321" 快速响应 — 5 分钟了解情况、5 分钟商定方案、5 分钟答复
// 居民；一般问题 30 分钟、较大问题 2 小时、复杂问题 1 天内解决). docs/CASES.md "5321".
//
// The clock starts when the case is dispatched to the handling unit (the property company): learning
// the situation is due 5 minutes after, agreeing a plan 10, replying to the resident 15; then the
// problem is solved within its tier's limit, counted from the end of those 15 minutes. The handler
// picks the tier (at the latest with the reply), the centre can change it. Minutes are clock minutes:
// the rule is about answering a resident at once, not about office time.
import { conflict, invalid } from '../errors.ts';

export const STEPS_5321 = ['learn', 'plan', 'reply'] as const;
export type Step5321 = (typeof STEPS_5321)[number];
export const STEP_5321_LABELS: Record<Step5321, string> = { learn: '了解情况', plan: '商定方案', reply: '答复居民' };
/** Each step takes 5 minutes: due 5, 10 and 15 minutes after the start. */
export const STEP_5321_MINUTES = 5;

export const TIERS_5321 = ['general', 'larger', 'complex'] as const;
export type Tier5321 = (typeof TIERS_5321)[number];
export const TIER_5321_LABELS: Record<Tier5321, string> = { general: '一般问题', larger: '较大问题', complex: '复杂问题' };
/** The time to solve the problem after the three steps: 30 minutes, 2 hours, 1 day. */
export const TIER_5321_MINUTES: Record<Tier5321, number> = { general: 30, larger: 120, complex: 1440 };

export const isTier5321 = (v: unknown): v is Tier5321 => typeof v === 'string' && (TIERS_5321 as readonly string[]).includes(v);
export const isStep5321 = (v: unknown): v is Step5321 => typeof v === 'string' && (STEPS_5321 as readonly string[]).includes(v);

/** What a case carries of the rule (stored as JSON, times as ISO strings). */
export interface Response5321 {
  startedAt: string;
  steps: Record<Step5321, { dueAt: string; doneAt: string | null }>;
  tier: Tier5321 | null;
  tierBy: 'handler' | 'centre' | null;
  /** When the problem must be solved: set once a tier is chosen. */
  resolveDueAt: string | null;
}

const MIN = 60_000;

/** The rule's clock for a case dispatched at `now`. */
export function start5321(now: Date): Response5321 {
  const at = (n: number) => new Date(now.getTime() + n * STEP_5321_MINUTES * MIN).toISOString();
  return {
    startedAt: now.toISOString(),
    steps: { learn: { dueAt: at(1), doneAt: null }, plan: { dueAt: at(2), doneAt: null }, reply: { dueAt: at(3), doneAt: null } },
    tier: null,
    tierBy: null,
    resolveDueAt: null,
  };
}

/** When a problem of `tier` must be solved: 15 minutes after the start, plus the tier's limit. */
export function resolveDue5321(r: Pick<Response5321, 'startedAt'>, tier: Tier5321): Date {
  return new Date(new Date(r.startedAt).getTime() + (3 * STEP_5321_MINUTES + TIER_5321_MINUTES[tier]) * MIN);
}

export type StepStatus5321 = 'done' | 'late' | 'overdue' | 'running' | 'waiting';

/**
 * Where each step stands at `now`: done (in time), late (done after its deadline), overdue (not done,
 * past its deadline), running (the next step, still in time) or waiting (a later step).
 * The deadline itself is still in time; one millisecond after it is not.
 */
export function status5321(r: Response5321, now: Date): Record<Step5321 | 'resolve', StepStatus5321> & { resolve: StepStatus5321 } {
  const out = {} as Record<Step5321 | 'resolve', StepStatus5321>;
  let next = true;
  for (const s of STEPS_5321) {
    const { dueAt, doneAt } = r.steps[s];
    const due = new Date(dueAt).getTime();
    if (doneAt) out[s] = new Date(doneAt).getTime() <= due ? 'done' : 'late';
    else {
      out[s] = now.getTime() > due ? 'overdue' : next ? 'running' : 'waiting';
      next = false;
    }
  }
  out.resolve = r.resolveDueAt && now.getTime() > new Date(r.resolveDueAt).getTime() ? 'overdue' : r.resolveDueAt ? 'running' : 'waiting';
  return out;
}

/**
 * Records a step done at `now`: in order (learn, plan, reply), each once; the reply needs a tier
 * (given with it, or chosen before). Returns the new record. Throws 409 `step_out_of_order`,
 * `step_already_recorded`, 400 `tier_required`.
 */
export function recordStep5321(r: Response5321, step: Step5321, now: Date, tier?: Tier5321 | null): Response5321 {
  const i = STEPS_5321.indexOf(step);
  if (r.steps[step].doneAt) throw conflict('step_already_recorded', `5321“${STEP_5321_LABELS[step]}”已记录`);
  const before = STEPS_5321.slice(0, i).find((s) => !r.steps[s].doneAt);
  if (before) throw conflict('step_out_of_order', `请先记录 5321“${STEP_5321_LABELS[before]}”`);
  const chosen = tier ?? r.tier;
  if (step === 'reply' && !chosen) throw invalid('tier_required', '答复居民时请选定问题等级（一般、较大、复杂）', { field: 'tier' });
  let next: Response5321 = { ...r, steps: { ...r.steps, [step]: { ...r.steps[step], doneAt: now.toISOString() } } };
  if (tier && tier !== r.tier) next = chooseTier5321(next, tier, 'handler');
  return next;
}

/** Sets the tier (the handler's choice, or the centre's change) and the deadline it gives. */
export function chooseTier5321(r: Response5321, tier: Tier5321, by: 'handler' | 'centre'): Response5321 {
  return { ...r, tier, tierBy: by, resolveDueAt: resolveDue5321(r, tier).toISOString() };
}
