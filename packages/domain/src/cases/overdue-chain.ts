// What happens when a department lets a case go overdue (issue 12 item 6): supervision (督办) by
// the dispatching centre, then escalation to the district centre, as the case type sets it.
//
// Sources: SPEC §4 "Time limits" (reminders before the deadline, overdue marking and automatic
// escalation or supervision after it); `003`: the centre "将问题向对口职能部门分类分流并跟踪督办";
// `000`: what the town cannot settle goes to the district centre, which routes it to departments.
import type { WorkCalendar } from '../calendar.ts';
import { invalid } from '../errors.ts';

/** The chain a catalogue type sets (`catalogue_types.overdue_chain`; null = DEFAULT_OVERDUE_CHAIN). */
export interface OverdueChain {
  /** The dispatching centre supervises (督办) the department as soon as its step is overdue. */
  supervise: boolean;
  /**
   * Escalate to the district centre at the end of the n-th working day after the overdue step's
   * deadline (0 = the end of the day it fell due); null = never escalate automatically.
   */
  escalateAfterWorkingDays: number | null;
}

export const DEFAULT_OVERDUE_CHAIN: Readonly<OverdueChain> = Object.freeze({ supervise: true, escalateAfterWorkingDays: 2 });

const MAX_ESCALATE_DAYS = 30;

/** Checks a chain from an administrator's edit; throws a 400 naming the field. */
export function validOverdueChain(input: unknown): OverdueChain {
  const v = input as Partial<OverdueChain> | null;
  if (!v || typeof v !== 'object') throw invalid('invalid_overdue_chain', '超期督办设置应为对象', { field: 'overdueChain' });
  if (typeof v.supervise !== 'boolean') throw invalid('invalid_overdue_chain', '“超期督办”应为是或否', { field: 'overdueChain.supervise' });
  const n = v.escalateAfterWorkingDays;
  if (n !== null && !(Number.isInteger(n) && n! >= 0 && n! <= MAX_ESCALATE_DAYS)) {
    throw invalid('invalid_overdue_chain', `“超期上报区指挥中心”应为 0–${MAX_ESCALATE_DAYS} 个工作日或不上报`, { field: 'overdueChain.escalateAfterWorkingDays' });
  }
  return { supervise: v.supervise, escalateAfterWorkingDays: n ?? null };
}

/** The stored chain of a type, the default when none is stored or the stored value is unreadable. */
export function overdueChainOf(stored: unknown): OverdueChain {
  if (stored === null || stored === undefined) return { ...DEFAULT_OVERDUE_CHAIN };
  try {
    return validOverdueChain(stored);
  } catch {
    return { ...DEFAULT_OVERDUE_CHAIN };
  }
}

export type OverdueStep = 'supervise' | 'escalate';

export interface OverdueFacts {
  state: string;
  /** A handling unit holds the case (dispatched to it or signed by it). */
  atUnit: boolean;
  ownerLevel: 'village' | 'town' | 'district' | string;
  stepDueAt: Date | null;
}

/** When each step of the chain falls due for a case at a department, in order; [] when none applies. */
export function overdueChainSchedule(f: OverdueFacts, chain: OverdueChain, cal: WorkCalendar): { step: OverdueStep; at: Date }[] {
  if (!f.atUnit || !f.stepDueAt || !['dispatched', 'acknowledged'].includes(f.state)) return [];
  const out: { step: OverdueStep; at: Date }[] = [];
  if (chain.supervise) out.push({ step: 'supervise', at: f.stepDueAt });
  if (chain.escalateAfterWorkingDays !== null && f.ownerLevel !== 'district') {
    const at = cal.addWorkingDays(f.stepDueAt, chain.escalateAfterWorkingDays);
    out.push({ step: 'escalate', at: at.getTime() > f.stepDueAt.getTime() ? at : f.stepDueAt });
  }
  return out;
}

/** The steps whose time has come at `now` (strictly after the instant, like "overdue"). */
export function overdueStepsDue(f: OverdueFacts, chain: OverdueChain, now: Date, cal: WorkCalendar): OverdueStep[] {
  return overdueChainSchedule(f, chain, cal)
    .filter((s) => now.getTime() > s.at.getTime())
    .map((s) => s.step);
}
