// Shapes of the server's JSON, as the console and the mobile pages use them.
import type { Geometry } from 'geojson';

export type AreaLevel = 'district' | 'town' | 'village' | 'grid' | 'building' | 'unit';
export type Ability = 'areas.read' | 'people.read' | 'people.write' | 'people.sensitive' | 'users.manage' | 'users.security' | 'users.read' | 'audit.read';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  scope: { code: string; name: string; level: AreaLevel };
  unit: { id: string; name: string; type: string } | null;
  abilities: string[];
  /** `reset` (after a reset by the security administrator) or `expired`: the password must be changed first. */
  passwordChange?: 'reset' | 'expired' | null;
}

/** The login challenge the server asks for after failed logins. */
export interface LoginChallenge {
  token: string;
  /** The sum as a picture (an SVG data URL). */
  image: string;
  /** The same question in words, for screen readers and reading aloud. */
  question: string;
  expiresAt: string;
}

export interface AreaCounts {
  towns: number;
  villages: number;
  grids: number;
  buildings: number;
  units: number;
  households: number;
  people: number;
}

export interface AreaSummary {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  childCount: number;
  gridType?: string | null;
  counts: AreaCounts;
  allowedActions: string[];
}

export interface AreaDetail extends AreaSummary {
  geometry?: unknown;
  /** Set when the area was split or merged away (docs/TERRITORY.md), with the areas that took it over. */
  retiredAt?: string;
  successorCodes?: string[];
  path: { code: string; name: string; level: string }[];
}

export interface GridFeatureProps {
  code: string;
  name: string;
  gridType: 'residential' | 'commercial' | string | null;
  plannedHouseholds: number | null;
  households: number | null;
  people: number | null;
}

export interface GridFeature {
  type: 'Feature';
  id?: string;
  properties: GridFeatureProps;
  geometry: Geometry;
}

export interface GridMap {
  type: 'FeatureCollection';
  features: GridFeature[];
}

export type RiskColour = 'red' | 'orange' | 'yellow' | 'blue';

export interface HouseholdRow {
  id: string;
  areaCode: string;
  address: string;
  doorplate: string | null;
  /** 状元街居委会 第一网格 3幢2单元101室 */
  place?: string;
  riskColour: RiskColour | null;
  members: number;
  head: string | null;
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

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  type: string;
  areaCode: string | null;
  phone: string | null;
  duties: string | null;
}

export interface AreaSearchHit {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
}
