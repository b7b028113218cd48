// Shapes of the server's JSON, as the console and the mobile pages use them.
import type { Geometry } from 'geojson';
import type { GridMap as GridMapAnswer, RiskColour } from '@gongzhi/domain/contract';

export type Ability = 'areas.read' | 'people.read' | 'people.write' | 'people.sensitive' | 'users.manage' | 'users.security' | 'users.read' | 'audit.read';

// The answers of the auth, area and catalogue routes come from the server's response schemas
// (packages/domain/src/contract, docs/API.md); type-only imports, no Zod in the bundle.
export type { AreaCounts, AreaDetail, AreaLevel, AreaSearchHit, AreaSummary, GridFeatureProps, HouseholdRow, LoginChallenge, Me, RiskColour, Unit } from '@gongzhi/domain/contract';

/** A grid of `GET /api/areas/{code}/map`; the schema leaves the GeoJSON geometry open, the map reads it as GeoJSON. */
export type GridFeature = Omit<GridMapAnswer['features'][number], 'geometry'> & { geometry: Geometry };
export interface GridMap {
  type: 'FeatureCollection';
  features: GridFeature[];
}

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'other';
export type ResidenceType = 'registered' | 'resident' | 'floating';

export interface Person {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  age: number | null;
  ethnicity: string | null;
  idNumber: string | null;
  phone: string | null;
  areaCode: string;
  householdId: string | null;
  address: string | null;
  relation: Relation;
  residenceType: ResidenceType;
  tags: string[];
  partyMember: boolean;
  note: string | null;
  updatedAt: string | null;
  allowedActions: string[];
}

export interface PersonDetail extends Person {
  household: {
    id: string;
    address: string | null;
    members: { id: string; name: string; relation: Relation; gender: 'male' | 'female'; age: number | null }[];
  } | null;
}

export interface Household {
  id: string;
  areaCode: string;
  address: string;
  doorplate: string | null;
  riskColour: RiskColour | null;
  members: Person[];
  /** Move-ins, move-outs and deaths, oldest first. */
  history?: { id: string; kind: string; date: string; note: string | null; personId: string; personName: string; actorName: string | null }[];
  allowedActions?: string[];
}

export interface Dictionaries {
  specialGroups: { code: string; zh: string; en: string; sensitive: boolean }[];
  residenceTypes: { code: string; zh: string; en: string }[];
}

export interface Page<T> {
  total: number;
  page?: number;
  pageSize?: number;
  items: T[];
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  scopeCode: string;
  unitId: string | null;
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  allowedActions: string[];
}

export interface AuditRow {
  id: string | number;
  at: string;
  actor: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  areaCode: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  ip: string | null;
  detail: unknown;
  actionLabel: { zh: string; en: string };
  entityLabel: { zh: string; en: string } | null;
  details: { key: string; label: { zh: string; en: string }; value: string }[];
}

