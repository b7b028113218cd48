// The centre's assessment of the handling unit (双重评价, `000`: 全量汇聚、一体流转、跟踪办理、结果反馈、
// 现场核验、双重评价): beside the reporter's satisfaction, the dispatching centre grades the work of each
// unit it dispatched a case to — timeliness, quality, attitude — and the grades make a score that
// feeds the department ranking (SPEC §4 "Departments are assessed on the cases dispatched to them";
// `002`: the street's assessment is 40 % of a sunk-down unit's annual score). docs/CASES.md.
import { invalid } from '../errors.ts';

/** The four grades of a government assessment (优、良、中、差). */
export const ASSESSMENT_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

export const GRADE_LABELS: Record<AssessmentGrade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** Points of each grade, on the 100-point scale of annual assessments. */
export const GRADE_POINTS: Record<AssessmentGrade, number> = { excellent: 100, good: 80, fair: 60, poor: 40 };

/** What is graded, and its weight in the score (the weights add up to 1). */
export const ASSESSMENT_WEIGHTS = { timeliness: 0.4, quality: 0.4, attitude: 0.2 } as const;
export type AssessmentAspect = keyof typeof ASSESSMENT_WEIGHTS;

export const ASPECT_LABELS: Record<AssessmentAspect, string> = { timeliness: '办理时效', quality: '办理质量', attitude: '工作态度' };

export interface AssessmentGrades {
  timeliness: AssessmentGrade;
  quality: AssessmentGrade;
  attitude: AssessmentGrade;
}

export const isAssessmentGrade = (v: unknown): v is AssessmentGrade => typeof v === 'string' && (ASSESSMENT_GRADES as readonly string[]).includes(v);

/**
 * The score of an assessment, 40–100 with one decimal:
 * 0.4 × timeliness + 0.4 × quality + 0.2 × attitude, each grade as 优 100, 良 80, 中 60, 差 40.
 * Whether the work was done in time and done well weigh equally; the manner counts half as much.
 * Throws 400 `invalid_grade` naming the aspect for anything but the four grades.
 */
export function assessmentScore(g: AssessmentGrades): number {
  let sum = 0;
  for (const aspect of Object.keys(ASSESSMENT_WEIGHTS) as AssessmentAspect[]) {
    const grade = g[aspect];
    if (!isAssessmentGrade(grade)) throw invalid('invalid_grade', `“${ASPECT_LABELS[aspect]}”应为 优、良、中、差 之一`, { field: aspect });
    sum += ASSESSMENT_WEIGHTS[aspect] * GRADE_POINTS[grade];
  }
  return Math.round(sum * 10) / 10;
}

/**
 * The timeliness grade the facts suggest (the centre may choose another): handled by the deadline →
 * 优; within a fifth of the allowed time after it → 良; up to the allowed time again → 中; later → 差.
 * Null when there is no deadline to judge by.
 */
export function suggestedTimeliness(f: { startedAt: Date | null; dueAt: Date | null; handledAt: Date | null }): AssessmentGrade | null {
  if (!f.startedAt || !f.dueAt || !f.handledAt) return null;
  const allowed = Math.max(f.dueAt.getTime() - f.startedAt.getTime(), 1);
  const late = f.handledAt.getTime() - f.dueAt.getTime();
  if (late <= 0) return 'excellent';
  if (late <= 0.2 * allowed) return 'good';
  if (late <= allowed) return 'fair';
  return 'poor';
}

/** The case states in which the centre assesses: the work is finished and checked (结案). */
export const ASSESSABLE_STATES: readonly string[] = ['closed'];
