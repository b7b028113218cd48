// Shapes of /api/party/* (organisations, members, links, visits, coverage, patrols, diary).
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

export interface PartyOrgDetail {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  area: { code: string; name: string };
  secretaryName: string | null;
  parent: { id: string; name: string; kind: string } | null;
  members: number;
  registered: number;
  membersSummary: { total: number; direct: number; inService: number; mobile: number; registeredFromElsewhere: number; backbone: number; centralHouseholds: number; byPost: { code: string; name: string; count: number }[] };
  pendingRegistrations: { id: string; member: { id: string; name: string; kind: string; kindLabel: string }; homeOrg: { id: string; name: string }; org: { id: string; name: string }; appliedAt: string }[];
  allowedActions: string[];
}

export interface Vanguard {
  index: number;
  stars: number;
}
export interface VanguardDetail extends Vanguard {
  parts: { code: string; label: string; score: number; max: number }[];
}

export interface PartyMember {
  id: string;
  person: { id: string; name: string; gender: string; age: number | null; idNumber: string | null; phone: string | null };
  areaCode: string;
  kind: string;
  kindLabel: string;
  org: { id: string; name: string; kind: string };
  localOrg: { id: string; name: string; kind: string } | null;
  registrationState: string | null;
  registrationStateLabel: string | null;
  backbone: boolean;
  centralHousehold: boolean;
  joinedOn: string | null;
  post: { code: string; name: string } | null;
  vanguard: Vanguard | null;
  allowedActions: string[];
}

export interface PartyMemberDetail extends PartyMember {
  vanguardDetail: VanguardDetail;
  linkedHouseholds: number;
  transfers: { id: string; from: { id: string; name: string }; to: { id: string; name: string }; reason: string; by: string; at: string }[];
  postReports: { id: string; post: { code: string; name: string } | null; org: { id: string; name: string }; reason: string; by: string; at: string }[];
}

export interface PartyPost {
  code: string;
  name: string;
  description: string | null;
  custom: boolean;
  areaCode: string | null;
}

export interface PartyMe {
  member: PartyMember | null;
  vanguard?: VanguardDetail;
  registrations: { id: string; state: string; stateLabel: string; org: { id: string; name: string }; appliedAt: string }[];
  posts: PartyPost[];
}

export interface Household {
  id: string;
  areaCode: string;
  address: string;
  doorplate: string;
  head: string | null;
  size: number;
}

export interface MyHouseholds {
  member: { id: string; name: string } | null;
  target: number;
  month: string;
  total: number;
  visited: number;
  items: (Household & { lastVisit: string | null; visitedThisMonth: boolean })[];
}

export interface GridLinks {
  grid: { code: string; name: string };
  month: string;
  target: number;
  households: number;
  linked: number;
  unlinked: number;
  needed: number;
  shortBy: number;
  members: { id: string; name: string; areaCode: string; households: number }[];
  items: { household: Household; member: { id: string; name: string } | null; source: string | null; visitedThisMonth: boolean }[];
  allowedActions: string[];
}

export type VisitDuty = 'policy' | 'hardship' | 'dispute' | 'civility';
export const VISIT_DUTIES: VisitDuty[] = ['policy', 'hardship', 'dispute', 'civility'];

export interface Visit {
  id: string;
  household: Household;
  visitor: { id: string; name: string };
  visitedOn: string;
  duties: { code: VisitDuty; label: string }[];
  notes: string | null;
  followups: { id: string; kind: 'case' | 'wish'; title: string; state: 'open' | 'converted'; refId: string | null; refCode: string | null }[];
  createdAt: string;
  followupErrors?: string[];
}

export interface CoverageFigures {
  households: number;
  visited: number;
  rate: number;
  complete: boolean;
}
export interface PartyCoverage {
  area: { code: string; name: string };
  month: string;
  total: CoverageFigures;
  byCommunity: ({ area: { code: string; name: string } } & CoverageFigures)[];
  byGrid: ({ area: { code: string; name: string }; patrol: { buildings: number; covered: number; rate: number } | null } & CoverageFigures)[];
  byMember: ({ member: { id: string; name: string } } & CoverageFigures)[];
  behind: ({ member: { id: string; name: string } } & CoverageFigures)[];
}

export interface PatrolCheckIn {
  id: string;
  grid: { code: string; name: string };
  building: { code: string; name: string } | null;
  location: { lat: number; lng: number } | null;
  note: string | null;
  at: string;
}
export interface PatrolStatus {
  today: { day: string; am: number; pm: number; done: boolean; required: number };
  checkIns: PatrolCheckIn[];
  month: { month: string; buildings: number; covered: number; rate: number; missing: { code: string; name: string }[] };
  buildings: { code: string; name: string; patrolled: boolean }[];
}

export interface Diary {
  month: string;
  visits: number;
  patrols: number;
  households: number;
  days: { day: string; visits: Visit[]; patrols: PatrolCheckIn[] }[];
}

export interface FormationCheck {
  area: { code: string; name: string };
  rule: string;
  total: number;
  violations: FormationCompound[];
  compounds: FormationCompound[];
  proposal: { own: string[]; joint: string[][] };
}
export interface FormationCompound {
  code: string;
  name: string;
  hasProperty: boolean;
  fenced: boolean;
  members: number;
  ownBranch: { id: string; name: string } | null;
  expected: 'own' | 'joint';
  ok: boolean;
  problem: { code: string; message: string } | null;
}
