// The centre's assessment of the handling units (双重评价): routes/case-assessments.ts.
import { z } from 'zod';
import { ASSESSMENT_GRADES } from '../cases/assessment.ts';
import { STEPS_5321, TIERS_5321 } from '../cases/rule-5321.ts';
import { isoTime } from './common.ts';
import { text } from './input.ts';

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

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const gradeInput = z.enum(ASSESSMENT_GRADES, { message: '应为 excellent（优）、good（良）、fair（中）或 poor（差）' });

/** `PUT /api/cases/{id}/assessments/{unitId}` */
export const CaseAssessmentBody = z.object({ timeliness: gradeInput, quality: gradeInput, attitude: gradeInput, comment: text(500).nullable().optional() });
/** `POST /api/cases/{id}/5321` */
export const Case5321Body = z.object({ step: z.enum(STEPS_5321).optional(), tier: z.enum(TIERS_5321).optional(), note: text(500).optional() });
