// Point schemes (SPEC §5): who earns them, on which kind of account, who proposes and who
// approves awards by default. Rules may narrow or widen the roles; these are the defaults.
import type { Role } from '../roles.ts';

export const POINT_SCHEMES = ['vanguard', 'neighbourhood', 'family', 'volunteer', 'service', 'cadre'] as const;
export type PointScheme = (typeof POINT_SCHEMES)[number];

export const isPointScheme = (v: string): v is PointScheme => (POINT_SCHEMES as readonly string[]).includes(v);

/** Kinds of ledger account. Only issuing pools may go below zero (they hold minus what was issued). */
export const ACCOUNT_KINDS = ['pool', 'person', 'household', 'merchant', 'hold'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export interface SchemeInfo {
  code: PointScheme;
  zh: string;
  en: string;
  /** What the scheme counts in: points, or hours for volunteers. */
  unit: '分' | '小时';
  /** The account an award credits: a person's, or the household's (道德银行 is kept per family). */
  holder: 'person' | 'household';
  /** Roles whose holders may receive this scheme's awards; `null` means anybody with an account. */
  eligibleRoles: readonly Role[] | null;
  /** Party members qualify for vanguard points by the registry flag as well as by role. */
  partyMembersOnly?: boolean;
  defaultProposers: readonly Role[];
  defaultApprovers: readonly Role[];
  /** Whether the multiplier rule (乘数计分) applies to awards of this scheme. */
  multiplier: boolean;
}

const STAFF_PROPOSERS: readonly Role[] = ['community-worker', 'grid-worker', 'party-secretary'];

export const SCHEMES: Record<PointScheme, SchemeInfo> = {
  vanguard: {
    code: 'vanguard',
    zh: '先锋模范积分',
    en: 'Vanguard points',
    unit: '分',
    holder: 'person',
    eligibleRoles: ['party-member', 'party-secretary'],
    partyMembersOnly: true,
    defaultProposers: STAFF_PROPOSERS,
    defaultApprovers: ['party-secretary'],
    multiplier: true,
  },
  neighbourhood: {
    code: 'neighbourhood',
    zh: '邻里守望积分',
    en: 'Neighbourhood watch points',
    unit: '分',
    holder: 'person',
    eligibleRoles: null,
    defaultProposers: [...STAFF_PROPOSERS, 'building-leader'],
    defaultApprovers: ['party-secretary', 'community-worker'],
    multiplier: false,
  },
  family: {
    code: 'family',
    zh: '道德银行（家庭积分）',
    en: 'Family moral bank',
    unit: '分',
    holder: 'household',
    eligibleRoles: null,
    defaultProposers: [...STAFF_PROPOSERS, 'building-leader'],
    defaultApprovers: ['party-secretary', 'community-worker'],
    multiplier: false,
  },
  volunteer: {
    code: 'volunteer',
    zh: '志愿服务时长',
    en: 'Volunteer hours',
    unit: '小时',
    holder: 'person',
    eligibleRoles: null,
    defaultProposers: STAFF_PROPOSERS,
    defaultApprovers: ['party-secretary', 'community-worker'],
    multiplier: false,
  },
  service: {
    code: 'service',
    zh: '“三长”服务积分',
    en: 'Building leaders’ service points',
    unit: '分',
    holder: 'person',
    eligibleRoles: ['building-leader', 'grid-worker'],
    defaultProposers: ['community-worker', 'party-secretary'],
    defaultApprovers: ['party-secretary', 'community-worker'],
    multiplier: false,
  },
  cadre: {
    code: 'cadre',
    zh: '下沉干部积分',
    en: 'Sunk-down cadre points',
    unit: '分',
    holder: 'person',
    eligibleRoles: ['cadre'],
    defaultProposers: ['community-worker', 'party-secretary'],
    defaultApprovers: ['party-secretary', 'town-dispatcher'],
    multiplier: false,
  },
};

/** Roles of accounts that act for a unit (a shop, a property company), not for a person: they hold no personal points. */
export const UNIT_ACCOUNT_ROLES: readonly Role[] = ['merchant', 'property-manager'];

/** Whether someone with these roles (and registry party flag) may hold points of the scheme. */
export function isEligible(scheme: PointScheme, who: { roles: readonly string[]; partyMember?: boolean; hasHousehold?: boolean }): boolean {
  const info = SCHEMES[scheme];
  if (info.holder === 'household' && !who.hasHousehold) return false;
  if (who.roles.length > 0 && who.roles.every((r) => (UNIT_ACCOUNT_ROLES as readonly string[]).includes(r))) return false;
  if (!info.eligibleRoles) return true;
  if (info.partyMembersOnly && who.partyMember) return true;
  return who.roles.some((r) => (info.eligibleRoles as readonly string[]).includes(r));
}

export const ITEM_KINDS = ['goods', 'service', 'donation', 'property-fee'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  goods: '实物',
  service: '服务',
  donation: '爱心捐赠（积分返还）',
  'property-fee': '物业费抵扣',
};
