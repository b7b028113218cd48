// Party organisations and members (SPEC §2, §7): kinds, labels, the fixed posts of `003` (设岗定责)
// and the branch formation rule (支部建在小区上). Pure: no I/O.

/** The five-level chain (五级链条) and Haimen's 1+2+N+X: the kinds of party organisation. */
export const PARTY_ORG_KINDS = ['town-committee', 'village-org', 'grid-branch', 'building-group', 'functional-branch', 'joint-branch', 'compound-branch'] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

export const PARTY_ORG_KIND_LABELS: Record<PartyOrgKind, string> = {
  'town-committee': '镇（街道）党委',
  'village-org': '村（社区）党组织',
  'grid-branch': '网格党支部',
  'building-group': '楼栋（宅上）党小组',
  'functional-branch': '功能型党支部',
  'joint-branch': '联合党支部',
  'compound-branch': '小区党支部',
};

/** Organisations a member may register with (双报到): where members live and serve. */
export const REGISTRATION_TARGET_KINDS: readonly PartyOrgKind[] = ['village-org', 'grid-branch', 'compound-branch', 'joint-branch'];

export const PARTY_MEMBER_KINDS = ['direct', 'in-service', 'mobile'] as const;
export type PartyMemberKind = (typeof PARTY_MEMBER_KINDS)[number];
export const PARTY_MEMBER_KIND_LABELS: Record<PartyMemberKind, string> = {
  direct: '直管党员',
  'in-service': '在职党员（双报到）',
  mobile: '流动党员',
};

export const REGISTRATION_STATES = ['applied', 'accepted', 'rejected'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
export const REGISTRATION_STATE_LABELS: Record<RegistrationState, string> = { applied: '待审核', accepted: '已报到', rejected: '未通过' };

/** The five fixed posts of `003` (5+X 设岗定责); villages add their own (X). */
export const FIXED_PARTY_POSTS = [
  { code: 'theory', name: '理论宣传岗', description: '宣传党的理论和方针政策，组织学习' },
  { code: 'patrol', name: '治安联防岗', description: '参与治安巡逻、矛盾排查和平安建设' },
  { code: 'civility', name: '文明劝导岗', description: '劝导不文明行为，倡导移风易俗' },
  { code: 'sanitation', name: '环境卫生督导岗', description: '督导环境卫生、垃圾分类和人居环境整治' },
  { code: 'care', name: '关爱互助岗', description: '结对关爱困难群众、老人和留守儿童' },
] as const;

// ---- the branch formation rule (`003`) ------------------------------------------------------------

/** A residential compound (小区) as the rule sees it. */
export interface Compound {
  code: string;
  hasProperty: boolean;
  fenced: boolean;
  /** Party members living in it. */
  members: number;
}

export const OWN_BRANCH_MIN_MEMBERS = 3;

/** A compound with property management, a fence and ≥ 3 party members gets its own branch (单独建支部). */
export const qualifiesForOwnBranch = (c: Compound) => c.hasProperty && c.fenced && c.members >= OWN_BRANCH_MIN_MEMBERS;

export interface BranchFormation<C extends Compound> {
  own: C[];
  /** Groups of nearby compounds forming one joint branch (联合建支部) each. */
  joint: C[][];
}

/**
 * Applies the rule: qualifying compounds get their own branch; the others, taken in code order
 * (neighbouring codes are neighbouring compounds), are grouped until a group has ≥ 3 members; a
 * trailing group short of members joins the group before it. Compounds without members still
 * belong to a joint branch, so no compound is left out.
 */
export function branchFormation<C extends Compound>(compounds: readonly C[]): BranchFormation<C> {
  const sorted = [...compounds].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const own = sorted.filter(qualifiesForOwnBranch);
  const rest = sorted.filter((c) => !qualifiesForOwnBranch(c));
  const joint: C[][] = [];
  let group: C[] = [];
  let sum = 0;
  for (const c of rest) {
    group.push(c);
    sum += c.members;
    if (sum >= OWN_BRANCH_MIN_MEMBERS) {
      joint.push(group);
      group = [];
      sum = 0;
    }
  }
  if (group.length) {
    if (joint.length) joint[joint.length - 1]!.push(...group);
    else joint.push(group);
  }
  return { own, joint };
}

export * from './links.ts';
export * from './vanguard.ts';
export * from './visits.ts';
export * from './tree.ts';
