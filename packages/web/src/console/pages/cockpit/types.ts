// Shapes of the cockpit API (/api/cockpit/*, /api/stats/cases/breakdown).
// The measures' shape is the domain's own (packages/domain/src/measures.ts); a type-only import
// adds nothing to the bundle.
import type { Measures } from '@gongzhi/domain';

export type { Measures };

// The cockpit's answers come from the server's response schemas (packages/domain/src/contract/cockpit.ts).
export type {
  CockpitHotspots as Hotspots,
  CockpitMap,
  CockpitMapProps as MapProps,
  CockpitOverdue as Overdue,
  CockpitRectification as Rectification,
  CockpitStaffing as Staffing,
  CockpitSummary as Summary,
  CockpitVitality as Vitality,
} from '@gongzhi/domain/contract';
import type { CockpitOverdue, CockpitStaffing, CockpitVitality } from '@gongzhi/domain/contract';
export type OverdueItem = CockpitOverdue['items'][number];
export type StaffLine = CockpitStaffing['total'];
export type VitalityEntry = CockpitVitality['total'];
export type VitalityTerm = keyof CockpitVitality['weights'];

// `GET /api/stats/cases/breakdown` answers from the server's response schema (packages/domain/src/contract/stats.ts).
export type { CaseStatsBreakdown as Breakdown, CaseStatsRow as BreakdownRow } from '@gongzhi/domain/contract';

/** `GET /api/cockpit/participation` (参与共治), the contract's schema. */
export type { CockpitParticipation as Participation } from '@gongzhi/domain/contract';
