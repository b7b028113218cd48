// Shapes of the cockpit API (/api/cockpit/*, /api/stats/cases/breakdown).
import type { AreaLevel } from '../../../api/types.ts';

// The measures' shape is the domain's own (packages/domain/src/measures.ts); a type-only import
// adds nothing to the bundle.
import type { Measures } from '@gongzhi/domain';

export type { Measures };

export interface Summary {
  area: { code: string; name: string; level: AreaLevel; childLevel: AreaLevel | null };
  path: { code: string; name: string; level: AreaLevel }[];
  view: 'area' | 'unit';
  unit: { id: string; name: string } | null;
  period: { from: string; to: string; days: number };
  previousPeriod: { from: string; to: string };
  measures: Measures;
  previous: Measures;
  rectificationThreshold: number;
  /** Departments only: the centres' assessment of the unit's cases in the period (双重评价). */
  assessment?: { assessed: number; score: number | null } | null;
}

// `GET /api/stats/cases/breakdown` answers from the server's response schema (packages/domain/src/contract/stats.ts).
export type { CaseStatsBreakdown as Breakdown, CaseStatsRow as BreakdownRow } from '@gongzhi/domain/contract';

export interface MapProps {
  code: string;
  name: string;
  level: AreaLevel;
  received: number;
  closed: number;
  open: number;
  overdue: number;
  residents: number;
  per10k: number | null;
  drillable: boolean;
}

export interface CockpitMap {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: string; properties: MapProps; geometry: unknown }[];
}

export interface OverdueItem {
  id: string;
  code: string;
  title: string;
  state: string;
  areaCode: string;
  areaName: string;
  categoryCode: string;
  categoryName: string;
  handlerUnit: { id: string; name: string } | null;
  ownerLevel: string;
  createdAt: string;
  stepDueAt: string;
  overdueHours: number;
}

export interface Hotspots {
  repeats: { areaCode: string; areaName: string; categoryCode: string; categoryName: string; reports: number; merged: number; open: number; lastAt: string }[];
  places: { areaCode: string; areaName: string; reports: number; types: number }[];
}

export interface StaffLine {
  communityWorkers: number;
  gridWorkers: number;
  staff: number;
  residents: number;
  per10k: number | null;
  meetsBenchmark: boolean | null;
}

export interface Staffing {
  benchmark: number;
  total: StaffLine;
  items: (StaffLine & { code: string; name: string; level: AreaLevel })[];
}

export type VitalityTerm = 'closure' | 'satisfaction' | 'wishes' | 'points' | 'party';

export interface VitalityEntry {
  index: number | null;
  terms: Record<VitalityTerm, number | null>;
  inputs: { residents: number; wishesFulfilled: number; awards: number; partyRegistered: number; partyAttendances: number; partyAttendees: number; closureRate: number; satisfactionRate: number };
}

export interface Vitality {
  weights: Record<VitalityTerm, number>;
  targets: { wishesPer1000: number; awardsPer100: number; partyAttendancesPerMember: number };
  total: VitalityEntry;
  items: (VitalityEntry & { code: string; name: string; level: AreaLevel })[];
}

export interface Rectification {
  threshold: number;
  items: { code: string; name: string; townName: string; rated: number; satisfactionRate: number; received: number }[];
}

/** `GET /api/cockpit/participation` (参与共治), the contract's schema. */
export type { CockpitParticipation as Participation } from '@gongzhi/domain/contract';
