// Shapes of the server's JSON, as the console and the mobile pages use them.
import type { Geometry } from 'geojson';
import type { GridMap as GridMapAnswer } from '@gongzhi/domain/contract';


// The answers of the auth, area, catalogue, registry (people, households) and account routes come from the
// server's response schemas (packages/domain/src/contract, docs/API.md); type-only imports, no Zod in the bundle.
export type { AreaChildren, AreaCounts, AreaDetail, AreaHouseholds, AreaLevel, AreaSearch, AreaSearchHit, AreaSummary, GridFeatureProps, HouseholdRow, LoginChallenge, LoginResult, Me, RiskColour, Session, Unit, Units } from '@gongzhi/domain/contract';
export type { AuditList, AuditRow, Dictionaries, Household, PeopleList, Person, PersonDetail, Relation, ResidenceType, UserList, UserRow } from '@gongzhi/domain/contract';

/** A grid of `GET /api/areas/{code}/map`; the schema leaves the GeoJSON geometry open, the map reads it as GeoJSON. */
export type GridFeature = Omit<GridMapAnswer['features'][number], 'geometry'> & { geometry: Geometry };
export interface GridMap {
  type: 'FeatureCollection';
  features: GridFeature[];
}
