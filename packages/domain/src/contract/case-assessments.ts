// The centre's assessment of the handling units (双重评价): routes/case-assessments.ts.
import { z } from 'zod';
import { ASSESSMENT_GRADES } from '../cases/assessment.ts';
import { isoTime } from './common.ts';

const grade = z.enum(ASSESSMENT_GRADES);

export const CaseAssessment = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  timeliness: grade,
  quality: grade,
  attitude: grade,
  /** 0.4×timeliness + 0.4×quality + 0.2×attitude (excellent 100, good 80, fair 60, poor 40). */
  score: z.number(),
  comment: z.string().nullable(),
  assessedBy: z.string(),
  assessedAt: isoTime,
  /** 1 for the first assessment; each correction adds one. */
  revisions: z.number().int(),
});
export type CaseAssessment = z.infer<typeof CaseAssessment>;

export const CaseAssessments = z.object({
  items: z.array(CaseAssessment),
  /** The units the centre may assess, with the timeliness grade the deadlines suggest (for the lead unit). */
  units: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), suggestedTimeliness: grade.nullable() })),
  allowedActions: z.array(z.string()),
});
export type CaseAssessments = z.infer<typeof CaseAssessments>;
