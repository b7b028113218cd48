// Case statistics: API-CONTRACT "Case statistics"; the formulas in docs/MEASURES.md (packages/domain/src/measures.ts).
import { z } from 'zod';

const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);

/** `GET /api/stats/cases` */
export const CaseStats = z
  .object({
    received: count,
    accepted: count,
    closed: count,
    dueToClose: count,
    closedOnTime: count,
    reworked: count,
    rated: count,
    satisfied: count,
    basicallySatisfied: count,
    closureRate: fraction,
    onTimeClosureRate: fraction,
    reworkRate: fraction,
    satisfactionRate: fraction,
    responseRate: fraction,
    resolutionRate: fraction,
    /** 10 % response, 50 % resolution, 40 % satisfaction (docs/MEASURES.md). */
    combinedScore: fraction,
    avgHandlingHours: z.number().min(0),
  })
  .meta({
    example: {
      received: 120,
      accepted: 116,
      closed: 98,
      dueToClose: 104,
      closedOnTime: 91,
      reworked: 6,
      rated: 80,
      satisfied: 66,
      basicallySatisfied: 10,
      closureRate: 0.9423,
      onTimeClosureRate: 0.875,
      reworkRate: 0.0588,
      satisfactionRate: 0.9375,
      responseRate: 0.975,
      resolutionRate: 0.9,
      combinedScore: 0.9225,
      avgHandlingHours: 30.5,
    },
  });
export type CaseStats = z.infer<typeof CaseStats>;

/** A row of `GET /api/stats/cases/breakdown`: the measures of one sub-area, unit, type, channel, day or month. */
export const CaseStatsRow = CaseStats.extend({
  /** The sub-area's code, the unit's id, the type's code, the channel, the day or the month; null: no unit (handled locally). */
  key: z.string().nullable(),
  name: z.string(),
  /** The department ranking (`by=unit`): cases the centres assessed and the average score. */
  assessed: z.number().int().optional(),
  assessmentScore: z.number().nullable().optional(),
});
/** `GET /api/stats/cases/breakdown` */
export const CaseStatsBreakdown = z.object({
  area: z.string(),
  by: z.enum(['child', 'unit', 'category', 'channel', 'day', 'month']),
  items: z.array(CaseStatsRow),
});
export type CaseStatsRow = z.infer<typeof CaseStatsRow>;
export type CaseStatsBreakdown = z.infer<typeof CaseStatsBreakdown>;
