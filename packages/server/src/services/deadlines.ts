import {
  computeDue,
  createWorkCalendar,
  FALLBACK_STEP_DEADLINES,
  stepTimesFor,
  type DeadlineSpec,
  type DueFn,
  type StepDeadlines,
  type WorkCalendar,
} from '@gongzhi/domain';

/** The step deadlines a catalogue type sets. */
export type { StepDeadlines };

export const FALLBACK_DEADLINES: StepDeadlines = FALLBACK_STEP_DEADLINES;

let calendar: WorkCalendar | null = null;
/** One calendar per process, with the administrator's overrides (loaded by services/work-time.ts). */
export function workCalendar(): WorkCalendar {
  calendar ??= createWorkCalendar([]);
  return calendar;
}

export function setWorkCalendar(cal: WorkCalendar) {
  calendar = cal;
}

export function due(start: Date, spec: DeadlineSpec): Date {
  return computeDue(start, spec, workCalendar());
}

/** The deadline function the workflow's effects receive (domain cases/effects.ts): every due time goes through `due`. */
export const dueFn: DueFn = (start, spec) => due(start, spec);

/** The current step's deadline and the yellow-warning time for a case entering `state`. */
export function stepTimes(
  state: string,
  now: Date,
  deadlines: StepDeadlines,
  overall: Date | null,
): { stepDueAt: Date | null; stepWarnAt: Date | null } {
  return stepTimesFor(state as Parameters<typeof stepTimesFor>[0], now, deadlines, overall, dueFn);
}
