// Cockpit (驾驶舱) responses: docs/COCKPIT.md.
import { z } from 'zod';
import { AREA_LEVELS } from '../codes.ts';
import { CaseStats } from './stats.ts';
import { isoTime } from './common.ts';

const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** `GET /api/cockpit/participation` (参与共治). */
export const CockpitParticipation = z
  .object({
    area: z.string(),
    period: z.object({ from: day, to: day }),
    /** Needs entered on the needs list in the period, and of those the ones met (their project closed out). */
    needs: count,
    needsMet: count,
    metShare: share,
    /** Projects closed out (销号) in the period, and of those on or before their due day. */
    closed: count,
    closedOnTime: count,
    onTimeShare: share,
    /** Distinct residents who took part in the period. */
    participants: count,
    /** The quarter the period ends in (China time) and its distinct residents who took part. */
    quarter: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/), from: day, to: day, participants: count }),
    trend: z.array(
      z.object({
        month: z.string().regex(/^\d{4}-\d{2}$/),
        needs: count,
        needsMet: count,
        closed: count,
        closedOnTime: count,
        participants: count,
      }),
    ),
  })
  .meta({
    example: {
      area: '320614103001',
      period: { from: '2026-10-01', to: '2026-12-04' },
      needs: 6,
      needsMet: 2,
      metShare: 0.3333,
      closed: 3,
      closedOnTime: 2,
      onTimeShare: 0.6667,
      participants: 41,
      quarter: { quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31', participants: 41 },
      trend: [{ month: '2026-10', needs: 2, needsMet: 1, closed: 1, closedOnTime: 1, participants: 12 }],
    },
  });
export type CockpitParticipation = z.infer<typeof CockpitParticipation>;

// ---- the other panels (docs/COCKPIT.md)

const AreaLevel = z.enum(AREA_LEVELS);
const areaRef = z.object({ code: z.string(), name: z.string(), level: AreaLevel });
/** The case measures (docs/MEASURES.md), as in `GET /api/stats/cases`. */
const Measures = CaseStats;

/** `GET /api/cockpit/summary` */
export const CockpitSummary = z.object({
  area: areaRef.extend({ childLevel: AreaLevel.nullable() }),
  path: z.array(areaRef),
  view: z.enum(['area', 'unit']),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  period: z.object({ from: day, to: day, days: z.number().int() }),
  previousPeriod: z.object({ from: day, to: day }),
  measures: Measures,
  previous: Measures,
  /** Departments only: the centres' assessment of the unit's cases in the period (双重评价). */
  assessment: z.object({ assessed: count, score: z.number().nullable() }).nullable(),
  rectificationThreshold: z.number(),
});

/** `GET /api/cockpit/map`: the child areas' outlines with their case counts. */
export const CockpitMapProps = z.object({
  code: z.string(),
  name: z.string(),
  level: AreaLevel,
  received: count,
  closed: count,
  open: count,
  overdue: count,
  residents: count,
  /** Cases received per 10,000 registered residents (null without registry data). */
  per10k: z.number().nullable(),
  drillable: z.boolean(),
});
export const CockpitMap = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), properties: CockpitMapProps, geometry: z.unknown() })),
});

/** `GET /api/cockpit/overdue` */
export const CockpitOverdue = z.object({
  total: count,
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      state: z.string(),
      areaCode: z.string(),
      areaName: z.string(),
      categoryCode: z.string(),
      categoryName: z.string(),
      handlerUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
      ownerLevel: z.string(),
      createdAt: isoTime,
      stepDueAt: isoTime,
      overdueHours: z.number(),
    }),
  ),
});

/** `GET /api/cockpit/hotspots` */
export const CockpitHotspots = z.object({
  repeats: z.array(
    z.object({ areaCode: z.string(), areaName: z.string(), categoryCode: z.string(), categoryName: z.string(), reports: count, merged: count, open: count, lastAt: isoTime }),
  ),
  places: z.array(z.object({ areaCode: z.string(), areaName: z.string(), reports: count, types: count })),
});

const StaffLine = z.object({
  communityWorkers: count,
  gridWorkers: count,
  staff: count,
  residents: count,
  per10k: z.number().nullable(),
  meetsBenchmark: z.boolean().nullable(),
});
/** `GET /api/cockpit/staffing` */
export const CockpitStaffing = z.object({
  benchmark: z.number(),
  total: StaffLine,
  items: z.array(StaffLine.extend({ code: z.string(), name: z.string(), level: AreaLevel })),
});

const VitalityTerms = <T extends z.ZodType>(v: T) => z.object({ closure: v, satisfaction: v, wishes: v, points: v, party: v });
const VitalityEntry = z.object({
  /** 0..100, one decimal; null when no term has data. */
  index: z.number().nullable(),
  terms: VitalityTerms(z.number().nullable()),
  inputs: z.object({
    closureRate: z.number(),
    dueToClose: count,
    satisfactionRate: z.number(),
    rated: count,
    residents: count,
    wishesFulfilled: count,
    awards: count,
    partyRegistered: count,
    partyAttendances: count,
    partyAttendees: count,
    days: count,
  }),
});
/** `GET /api/cockpit/vitality` */
export const CockpitVitality = z.object({
  weights: VitalityTerms(z.number()),
  targets: z.object({ wishesPer1000: z.number(), awardsPer100: z.number(), partyAttendancesPerMember: z.number() }),
  total: VitalityEntry,
  items: z.array(VitalityEntry.extend({ code: z.string(), name: z.string(), level: AreaLevel })),
});

/** `GET /api/cockpit/rectification`: villages (communities) whose satisfaction is below the threshold. */
export const CockpitRectification = z.object({
  threshold: z.number(),
  items: z.array(
    z.object({ code: z.string(), name: z.string(), townName: z.string(), rated: count, satisfied: count, basicallySatisfied: count, satisfactionRate: z.number(), received: count }),
  ),
});

export type CockpitSummary = z.infer<typeof CockpitSummary>;
export type CockpitMapProps = z.infer<typeof CockpitMapProps>;
export type CockpitMap = z.infer<typeof CockpitMap>;
export type CockpitOverdue = z.infer<typeof CockpitOverdue>;
export type CockpitHotspots = z.infer<typeof CockpitHotspots>;
export type CockpitStaffing = z.infer<typeof CockpitStaffing>;
export type CockpitVitality = z.infer<typeof CockpitVitality>;
export type CockpitRectification = z.infer<typeof CockpitRectification>;
