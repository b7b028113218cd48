import type { Response5321View, Status5321, Step5321 } from '../api/cases.ts';

export const STEPS_5321: Step5321[] = ['learn', 'plan', 'reply'];

/**
 * Each step's status at `now`, recomputed on the page so the steps tick without reloading (the server's
 * `status` is the same rule at the moment it answered).
 */
export function statusAt(r: Response5321View, now: number): Record<Step5321 | 'resolve', Status5321> {
  const out = {} as Record<Step5321 | 'resolve', Status5321>;
  let next = true;
  for (const s of r.steps) {
    const due = new Date(s.dueAt).getTime();
    if (s.doneAt) out[s.step] = new Date(s.doneAt).getTime() <= due ? 'done' : 'late';
    else {
      out[s.step] = now > due ? 'overdue' : next ? 'running' : 'waiting';
      next = false;
    }
  }
  out.resolve = r.resolveDueAt ? (now > new Date(r.resolveDueAt).getTime() ? 'overdue' : 'running') : 'waiting';
  return out;
}

/** The next step to record, if any. */
export const nextStep = (r: Response5321View): Step5321 | null => r.steps.find((s) => !s.doneAt)?.step ?? null;

export const STATUS_COLOUR: Record<Status5321, string> = { done: 'success', late: 'warning', overdue: 'error', running: 'processing', waiting: 'default' };
