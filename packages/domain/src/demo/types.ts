import type { AreaLevel } from '../codes.ts';
import type { Polygon } from '../geo.ts';
import type { ResidenceType, RiskColour } from '../registry.ts';

/** A town-level unit (镇/街道/园区) of the official division list. */
export interface TownInput {
  /** 9 digits, e.g. '320614103' (常乐镇). */
  code: string;
  name: string;
}

/** A village-level unit (村委会/居委会) of the official division list. */
export interface VillageInput {
  /** 12 digits, e.g. '320614103001' (状元街居委会). */
  code: string;
  name: string;
  townCode: string;
}

export type GridType = 'residential' | 'commercial';

export interface AreaSeed {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  /** Towns, villages and grids always have one; buildings and units have none. */
  geometry?: Polygon;
  /** Grids only: residential (N) or commercial (X). */
  gridType?: GridType;
  /** Grids only: planned household count, always within [300, 500]. */
  households?: number;
  /**
   * Display order among siblings. Generated villages carry their 1-based ordinal within the
   * district and grids `100 × village ordinal + k`: generateGridPopulation derives collision-free
   * ID and phone numbers from it, so keep the value when storing and reloading grids.
   */
  sort: number;
}

export interface HouseholdSeed {
  /** Unique across the district: unit code + '-' + doorplate. */
  key: string;
  unitCode: string;
  /** Full address, e.g. '常乐镇状元街社区3幢2单元301室' or '常乐镇颐生村5组18号'. */
  address: string;
  /** '301室' (urban) or '18号' (rural). */
  doorplate: string;
  size: number;
  riskColour: RiskColour;
}

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'other';

export interface ResidentSeed {
  householdKey: string;
  name: string;
  gender: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate: string;
  /** Valid 18-digit GB 11643 number, unique within the district. */
  idNumber: string;
  /** Valid 11-digit mobile number, unique within the district; null for young children. */
  phone: string | null;
  relation: Relation;
  residenceType: ResidenceType;
  /** Special-group codes of SPECIAL_GROUPS. */
  tags: string[];
  partyMember: boolean;
  ethnicity: string;
}

export interface GridPopulation {
  /** Buildings and units. */
  areas: AreaSeed[];
  households: HouseholdSeed[];
  residents: ResidentSeed[];
}
