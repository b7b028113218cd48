// Party organisations and members, and party members at work (linked households, visits, coverage, patrols,
// the 民情日记): routes/party.ts and routes/party-work.ts.
import { z } from 'zod';
import { VISIT_DUTIES } from '../party/visits.ts';
import { PARTY_MEMBER_KINDS, PARTY_ORG_KINDS, REGISTRATION_STATES } from '../party/index.ts';
import { isoTime, pageOf } from './common.ts';

const day = z.string();
const count = z.number().int();
const named = z.object({ code: z.string(), name: z.string() });
const ref = z.object({ id: z.string(), name: z.string() });
/** The domain's lists (party/index.ts): a value outside them is a 500 the response check catches, not a silent string. */
const orgKind = z.enum(PARTY_ORG_KINDS);
const memberKind = z.enum(PARTY_MEMBER_KINDS);
const registrationState = z.enum(REGISTRATION_STATES);

// ---- organisations ----

const orgHead = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: orgKind,
  kindLabel: z.string(),
  areaCode: z.string(),
  secretaryName: z.string().nullable(),
  /** Members whose own organisation this is. */
  members: count,
  /** In-service members registered here (双报到, accepted). */
  registered: count,
};

export interface PartyOrgNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  areaCode: string;
  secretaryName: string | null;
  members: number;
  registered: number;
  totalMembers: number;
  children: PartyOrgNode[];
}
export const PartyOrgNode: z.ZodType<PartyOrgNode, PartyOrgNode> = z
  .object({
    ...orgHead,
    /** Members whose own organisation is this one or one below it. */
    totalMembers: count,
    get children() {
      return z.array(PartyOrgNode);
    },
  })
  .meta({ id: 'PartyOrgNode' });

export const PartyOrgTree = z.object({ area: named, total: count, items: z.array(PartyOrgNode) });
export type PartyOrgTree = z.infer<typeof PartyOrgTree>;

export const PartyOrgDetail = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: orgKind,
  kindLabel: z.string(),
  area: named,
  secretaryName: z.string().nullable(),
  parent: z.object({ id: z.string(), name: z.string(), kind: orgKind }).nullable(),
  members: count,
  registered: count,
  children: z.array(z.object(orgHead)),
  membersSummary: z.object({
    total: count,
    direct: count,
    inService: count,
    mobile: count,
    registeredFromElsewhere: count,
    backbone: count,
    centralHouseholds: count,
    byPost: z.array(z.object({ code: z.string(), name: z.string(), count })),
  }),
  pendingRegistrations: z.array(
    z.object({
      id: z.string(),
      member: z.object({ id: z.string(), name: z.string(), kind: memberKind, kindLabel: z.string() }),
      homeOrg: ref,
      org: ref,
      appliedAt: isoTime,
    }),
  ),
  allowedActions: z.array(z.string()),
});
export type PartyOrgDetail = z.infer<typeof PartyOrgDetail>;

// ---- members ----

/** The vanguard index (先锋指数): 0–100, one decimal, and 1–5 stars. */
export const Vanguard = z.object({ index: z.number(), stars: z.number().int() });
export type Vanguard = z.infer<typeof Vanguard>;
export const VanguardDetail = Vanguard.extend({ parts: z.array(z.object({ code: z.string(), label: z.string(), score: z.number(), max: z.number() })) });
export type VanguardDetail = z.infer<typeof VanguardDetail>;

const orgBrief = z.object({ id: z.string(), name: z.string(), kind: orgKind });

export const PartyMember = z.object({
  id: z.string(),
  /** From the registry; the ID and phone numbers masked. */
  person: z.object({ id: z.string(), name: z.string(), gender: z.string(), age: z.number().int().nullable(), idNumber: z.string().nullable(), phone: z.string().nullable() }),
  areaCode: z.string(),
  kind: memberKind,
  kindLabel: z.string(),
  org: orgBrief,
  localOrg: orgBrief.nullable(),
  registrationState: registrationState.nullable(),
  registrationStateLabel: z.string().nullable(),
  backbone: z.boolean(),
  centralHousehold: z.boolean(),
  joinedOn: day.nullable(),
  post: named.nullable(),
  vanguard: Vanguard.nullable(),
  allowedActions: z.array(z.string()),
});
export type PartyMember = z.infer<typeof PartyMember>;

export const PartyMemberList = pageOf(PartyMember);
export type PartyMemberList = z.infer<typeof PartyMemberList>;

export const PartyMemberDetail = PartyMember.extend({
  vanguardDetail: VanguardDetail,
  linkedHouseholds: count,
  transfers: z.array(z.object({ id: z.string(), from: ref, to: ref, reason: z.string(), by: z.string(), at: isoTime })),
  postReports: z.array(z.object({ id: z.string(), post: named.nullable(), org: ref, reason: z.string(), by: z.string(), at: isoTime })),
});
export type PartyMemberDetail = z.infer<typeof PartyMemberDetail>;

export const PartyPost = z.object({ code: z.string(), name: z.string(), description: z.string().nullable(), custom: z.boolean(), areaCode: z.string().nullable() });
export type PartyPost = z.infer<typeof PartyPost>;
export const PartyPostList = z.object({ area: z.string().nullable(), items: z.array(PartyPost) });
export type PartyPostList = z.infer<typeof PartyPostList>;

/** A registration (双报到) with a local organisation. */
export const PartyRegistration = z.object({
  id: z.string(),
  state: registrationState,
  stateLabel: z.string().nullable(),
  org: orgBrief,
  member: ref,
  appliedAt: isoTime,
  reviewedAt: isoTime.nullable(),
  reason: z.string().nullable(),
});
export type PartyRegistration = z.infer<typeof PartyRegistration>;

export const PartyMe = z.object({
  member: PartyMember.nullable(),
  vanguard: VanguardDetail.optional(),
  registrations: z.array(PartyRegistration),
  posts: z.array(PartyPost),
});
export type PartyMe = z.infer<typeof PartyMe>;

export const RegistrationTargets = z.object({
  area: named.nullable(),
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: orgKind, kindLabel: z.string(), coversHome: z.boolean() })),
});
export type RegistrationTargets = z.infer<typeof RegistrationTargets>;

export const FormationCompound = z.object({
  code: z.string(),
  name: z.string(),
  hasProperty: z.boolean(),
  fenced: z.boolean(),
  members: count,
  ownBranch: ref.nullable(),
  expected: z.enum(['own', 'joint']),
  ok: z.boolean(),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type FormationCompound = z.infer<typeof FormationCompound>;

export const FormationCheck = z.object({
  area: named,
  rule: z.string(),
  total: count,
  violations: z.array(FormationCompound),
  compounds: z.array(FormationCompound),
  proposal: z.object({ own: z.array(z.string()), joint: z.array(z.array(z.string())) }),
});
export type FormationCheck = z.infer<typeof FormationCheck>;

// ---- linked households (一户十联) ----

/** A household as the party pages show it: the head's name masked. */
export const PartyHousehold = z.object({ id: z.string(), areaCode: z.string(), address: z.string(), doorplate: z.string(), head: z.string().nullable(), size: count });
export type PartyHousehold = z.infer<typeof PartyHousehold>;

export const GridLinks = z.object({
  grid: named,
  month: z.string(),
  target: count,
  households: count,
  linked: count,
  unlinked: count,
  needed: count,
  shortBy: count,
  members: z.array(z.object({ id: z.string(), name: z.string(), areaCode: z.string(), households: count })),
  items: z.array(z.object({ household: PartyHousehold, member: ref.nullable(), source: z.string().nullable(), visitedThisMonth: z.boolean() })),
  allowedActions: z.array(z.string()),
});
export type GridLinks = z.infer<typeof GridLinks>;

export const LinkProposal = z.object({
  grid: z.object({ code: z.string() }),
  applied: z.boolean(),
  households: count,
  linked: count,
  needed: count,
  shortBy: count,
  members: z.array(z.object({ id: z.string(), name: z.string(), households: count })),
});
export type LinkProposal = z.infer<typeof LinkProposal>;

export const LinkMoved = z.object({ household: PartyHousehold, member: ref, source: z.string() });

export const MyHouseholds = z.object({
  member: ref.nullable(),
  target: count,
  month: z.string(),
  total: count,
  visited: count,
  items: z.array(PartyHousehold.extend({ lastVisit: day.nullable(), visitedThisMonth: z.boolean() })),
});
export type MyHouseholds = z.infer<typeof MyHouseholds>;

// ---- visits, patrols, the diary ----

export const PartyVisit = z.object({
  id: z.string(),
  /** The household; only its id when it is no longer in the registry. */
  household: PartyHousehold.partial().extend({ id: z.string() }),
  areaCode: z.string(),
  visitor: z.object({ id: z.string(), name: z.string(), memberId: z.string().nullable() }),
  visitedOn: day,
  duties: z.array(z.object({ code: z.enum(VISIT_DUTIES), label: z.string() })),
  notes: z.string().nullable(),
  followups: z.array(
    z.object({ id: z.string(), kind: z.enum(['case', 'wish']), title: z.string(), state: z.enum(['open', 'converted']), refId: z.string().nullable(), refCode: z.string().nullable() }),
  ),
  createdAt: isoTime,
});
export type PartyVisit = z.infer<typeof PartyVisit>;

/** `POST /api/party/visits`: the visit, and why any of its follow-ups could not be turned into a case or wish. */
export const PartyVisitRecorded = PartyVisit.extend({ followupErrors: z.array(z.string()) });
export type PartyVisitRecorded = z.infer<typeof PartyVisitRecorded>;

export const PartyVisitList = z.object({ month: z.string().nullable(), total: count, items: z.array(PartyVisit) });

const figures = { households: count, visited: count, rate: z.number(), complete: z.boolean() };
const member = ref;

export const PartyCoverage = z.object({
  area: named,
  month: z.string(),
  total: z.object(figures),
  byCommunity: z.array(z.object({ area: named, ...figures })),
  byGrid: z.array(z.object({ area: named, ...figures, patrol: z.object({ grid: z.string(), buildings: count, covered: count, rate: z.number() }).nullable() })),
  byMember: z.array(z.object({ member, ...figures })),
  /** Members who have not visited all their households this month. */
  behind: z.array(z.object({ member, ...figures })),
});
export type PartyCoverage = z.infer<typeof PartyCoverage>;

export const PatrolCheckIn = z.object({
  id: z.string(),
  grid: named,
  building: named.nullable(),
  /** WGS84. */
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  note: z.string().nullable(),
  at: isoTime,
});
export type PatrolCheckIn = z.infer<typeof PatrolCheckIn>;

export const PatrolStatus = z.object({
  today: z.object({ day, am: count, pm: count, done: z.boolean(), required: count }),
  checkIns: z.array(PatrolCheckIn),
  month: z.object({ month: z.string(), buildings: count, covered: count, rate: z.number(), missing: z.array(named) }),
  buildings: z.array(z.object({ code: z.string(), name: z.string(), patrolled: z.boolean() })),
});
export type PatrolStatus = z.infer<typeof PatrolStatus>;

export const PartyDiary = z.object({
  month: z.string(),
  visits: count,
  patrols: count,
  households: count,
  days: z.array(z.object({ day, visits: z.array(PartyVisit), patrols: z.array(PatrolCheckIn) })),
});
export type PartyDiary = z.infer<typeof PartyDiary>;
