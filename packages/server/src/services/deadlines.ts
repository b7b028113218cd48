import { computeDue, createWorkCalendar, warningAt, type DeadlineSpec, type WorkCalendar } from '@gongzhi/domain';

/** The step deadlines a catalogue type sets. */
export interface StepDeadlines {
  accept: DeadlineSpec;
  acknowledge: DeadlineSpec;
  handle: DeadlineSpec;
  verify: DeadlineSpec;
}

export const FALLBACK_DEADLINES: StepDeadlines = {
  accept: { unit: 'workingDays', amount: 1 },
  acknowledge: { unit: 'hours', amount: 4 },
  handle: { unit: 'workingDays', amount: 5 },
  verify: { unit: 'workingDays', amount: 2 },
};

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

/** The current step's deadline and the yellow-warning time for a case entering `state`. */
export function stepTimes(
  state: string,
  now: Date,
  deadlines: StepDeadlines,
  overall: Date | null,
): { stepDueAt: Date | null; stepWarnAt: Date | null } {
  let stepDueAt: Date | null;
  switch (state) {
    case 'reported':
      stepDueAt = due(now, deadlines.accept);
      break;
    case 'dispatched':
      stepDueAt = due(now, deadlines.acknowledge);
      break;
    case 'accepted':
    case 'acknowledged':
      stepDueAt = overall;
      break;
    case 'handled':
      stepDueAt = due(now, deadlines.verify);
      break;
    default:
      stepDueAt = null;
  }
  return { stepDueAt, stepWarnAt: stepDueAt ? warningAt(now, stepDueAt) : null };
}
