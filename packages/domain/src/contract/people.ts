// The population registry (人口信息) and households: docs/REGISTRY.md. Numbers are masked unless revealed.
import { z } from 'zod';
import { HOUSEHOLD_EVENT_KINDS } from '../registry-checks.ts';
import { RESIDENCE_TYPES } from '../registry.ts';
import { RiskColour } from './areas.ts';
import { isoTime, pageOf } from './common.ts';

export const Relation = z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'other']);
export type Relation = z.infer<typeof Relation>;
export const ResidenceType = z.enum(RESIDENCE_TYPES.map((t) => t.code) as [(typeof RESIDENCE_TYPES)[number]['code'], ...(typeof RESIDENCE_TYPES)[number]['code'][]]);
export type ResidenceType = z.infer<typeof ResidenceType>;
export const Gender = z.enum(['male', 'female']);
export const PersonStatus = z.enum(['active', 'moved-out', 'deceased']);

/** A person as the list, a household and an edit answer show them (ID and phone numbers masked). */
export const Person = z.object({
  id: z.string(),
  name: z.string(),
  gender: Gender,
  /** YYYY-MM-DD */
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  ethnicity: z.string().nullable(),
  /** Masked: 3206**********1234. */
  idNumber: z.string().nullable(),
  /** Masked: 138****5678. */
  phone: z.string().nullable(),
  areaCode: z.string(),
  householdId: z.string().nullable(),
  address: z.string().nullable(),
  relation: Relation,
  residenceType: ResidenceType,
  /** Special groups; the sensitive ones only for roles that may see them. */
  tags: z.array(z.string()),
  partyMember: z.boolean(),
  note: z.string().nullable(),
  status: PersonStatus,
  updatedAt: isoTime.nullable(),
  allowedActions: z.array(z.string()),
});
export type Person = z.infer<typeof Person>;

/** `GET /api/people` */
export const PeopleList = pageOf(Person);
export type PeopleList = z.infer<typeof PeopleList>;

const HouseholdMember = z.object({ id: z.string(), name: z.string(), relation: Relation, gender: Gender, age: z.number().int().nullable() });

/** `GET /api/people/{id}`: the person with their household's members. */
export const PersonDetail = Person.extend({
  household: z.object({ id: z.string(), address: z.string().nullable(), members: z.array(HouseholdMember) }).nullable(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** A move-in, move-out or death of a household's history. */
export const HouseholdHistoryEntry = z.object({
  id: z.string(),
  kind: z.enum(HOUSEHOLD_EVENT_KINDS),
  /** YYYY-MM-DD */
  date: z.string(),
  note: z.string().nullable(),
  personId: z.string(),
  personName: z.string(),
  actorName: z.string().nullable(),
  createdAt: isoTime.nullable(),
});
export type HouseholdHistoryEntry = z.infer<typeof HouseholdHistoryEntry>;

/** A household as created or renamed (`POST /api/households` → 201, `PATCH /api/households/{id}`). */
export const HouseholdRecord = z.object({ id: z.string(), areaCode: z.string(), address: z.string(), doorplate: z.string(), riskColour: RiskColour });
export type HouseholdRecord = z.infer<typeof HouseholdRecord>;

/** `GET /api/households/{id}`: the household, its members and its history (oldest first). */
export const Household = HouseholdRecord.extend({
  members: z.array(Person),
  history: z.array(HouseholdHistoryEntry),
  allowedActions: z.array(z.string()),
});
export type Household = z.infer<typeof Household>;

/** `POST /api/households/{id}/events` → 201 */
export const HouseholdEvent = z.object({ id: z.string(), kind: z.enum(HOUSEHOLD_EVENT_KINDS), date: z.string(), personId: z.string(), personName: z.string(), note: z.string().nullable() });
export type HouseholdEvent = z.infer<typeof HouseholdEvent>;

/** `POST /api/people/{id}/reveal`: one unmasked number (the showing is audited). */
export const RevealedNumber = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string() });
export type RevealedNumber = z.infer<typeof RevealedNumber>;

/** `GET /api/registry/dictionaries` */
export const Dictionaries = z.object({
  specialGroups: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), sensitive: z.boolean() })),
  residenceTypes: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
});
export type Dictionaries = z.infer<typeof Dictionaries>;

/** `GET /api/people/{id}/profile`: the one person page (人、地、物、事、组织). */
export const PersonProfile = z.object({
  person: PersonDetail,
  /** Village → grid → building → unit. */
  areas: z.array(z.object({ code: z.string(), level: z.string(), name: z.string() })),
  household: z
    .object({
      id: z.string(),
      address: z.string(),
      doorplate: z.string(),
      riskColour: RiskColour,
      members: z.array(HouseholdMember),
      history: z.array(HouseholdHistoryEntry),
    })
    .nullable(),
  party: z
    .object({
      kind: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      localOrgName: z.string().nullable(),
      registrationState: z.string().nullable(),
      backbone: z.boolean(),
      centralHousehold: z.boolean(),
      joinedOn: z.string().nullable(),
      postName: z.string().nullable(),
    })
    .nullable(),
  points: z.array(z.object({ id: z.string(), scheme: z.string(), kind: z.string(), name: z.string(), balance: z.number() })),
  cases: z.object({
    total: z.number().int(),
    items: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), state: z.string(), categoryCode: z.string(), areaCode: z.string(), createdAt: isoTime })),
  }),
  visits: z.array(z.object({ id: z.string(), visitedOn: z.string(), visitorName: z.string(), duties: z.array(z.string()), notes: z.string().nullable() })),
  posts: z.array(z.object({ id: z.string(), post: z.string(), areaCode: z.string(), startedOn: z.string(), endedOn: z.string().nullable() })),
});
export type PersonProfile = z.infer<typeof PersonProfile>;
