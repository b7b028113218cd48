// Cockpit (驾驶舱) responses: docs/COCKPIT.md.
import { z } from 'zod';

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
