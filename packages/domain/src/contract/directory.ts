// Places and organisations of the registry (人、地、物、事、组织): docs/REGISTRY.md.
import { z } from 'zod';
import { ORG_KIND_CODES, PLACE_GROUPS, PLACE_KIND_CODES } from '../places/kinds.ts';
import { isoTime, pageOf } from './common.ts';

export const DirectoryAction = z.enum(['view', 'edit', 'retire', 'whitelist']);

/** A place (住宅小区, 十小场所, 公共设施): list item, detail, and the answer of every write. */
export const Place = z.object({
  id: z.string(),
  kind: z.enum(PLACE_KIND_CODES),
  group: z.enum(PLACE_GROUPS).nullable(),
  name: z.string(),
  /** The grid it lies in. */
  areaCode: z.string(),
  areaName: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  /** A compound's boundary: GeoJSON Polygon or MultiPolygon. */
  outline: z.unknown(),
  address: z.string().nullable(),
  /** A compound's property company; null for the rest and for a compound without one. */
  propertyOrg: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
  retiredAt: isoTime.nullable(),
  updatedAt: isoTime,
  allowedActions: z.array(DirectoryAction),
});
export type Place = z.infer<typeof Place>;

/** `GET /api/places` */
export const PlaceList = pageOf(Place);
export type PlaceList = z.infer<typeof PlaceList>;

const OrganisationBase = z.object({
  id: z.string(),
  kind: z.enum(ORG_KIND_CODES),
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked. */
  phone: z.string().nullable(),
  creditCode: z.string().nullable(),
  whitelisted: z.boolean(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  note: z.string().nullable(),
  retiredAt: isoTime.nullable(),
  updatedAt: isoTime,
  allowedActions: z.array(DirectoryAction),
});

/** `GET /api/organisations/{id}` and the answer of every write: a property company with the compounds it manages. */
export const Organisation = OrganisationBase.extend({
  compounds: z.array(z.object({ id: z.string(), name: z.string(), areaCode: z.string() })),
});
export type Organisation = z.infer<typeof Organisation>;
/** An organisation of the list (without its compounds). */
export type OrganisationSummary = z.infer<typeof OrganisationBase>;

/** `GET /api/organisations` */
export const OrganisationList = pageOf(OrganisationBase);
export type OrganisationList = z.infer<typeof OrganisationList>;
