// Shapes of the points (积分) API, as docs/POINTS.md describes them.
// The public contract's answers (my points, rules, awards, items, redemptions) come from the server's response schemas
// (packages/domain/src/contract/points.ts, docs/API.md); type-only imports, no Zod in the bundle.
export type {
  AwardState,
  ItemKind,
  MyAccount,
  PersonRef,
  PointScheme,
  PointsMe,
  RedemptionState,
  PointsAward as Award,
  PointsItem as Item,
  PointsRedemption as Redemption,
  PointsRule as Rule,
} from '@gongzhi/domain/contract';
import type { PointScheme } from '@gongzhi/domain/contract';

export const POINT_SCHEMES: readonly PointScheme[] = ['vanguard', 'neighbourhood', 'family', 'volunteer', 'service', 'cadre'];

export type PointsAbility =
  | 'points.read'
  | 'points.redeem'
  | 'points.awards.propose'
  | 'points.awards.approve'
  | 'points.accounts.read'
  | 'points.leaderboard.read'
  | 'points.rules.edit'
  | 'points.items.manage'
  | 'points.redemptions.confirm'
  | 'points.factors.edit'
  | 'points.audit';

export interface StarRule {
  thresholds: number[];
  basis: 'year' | 'lifetime';
  note: string;
}

export interface SchemeInfo {
  code: PointScheme;
  name: string;
  nameEn: string;
  unit: string;
  holder: 'person' | 'household';
  multiplier: boolean;
  stars: StarRule;
}

export interface Factor {
  code: string;
  name: string;
  percent: number;
  factor: number;
  active: boolean;
  allowedActions?: string[];
}

export type TransferKind = 'award' | 'reversal' | 'redeem-hold' | 'redeem-confirm' | 'redeem-release' | 'refund';

export interface StatementEntry {
  id: number;
  at: string;
  kind: TransferKind;
  kindLabel: string;
  /** Signed effect on the spendable balance. */
  amount: number;
  /** Signed effect on the points held for pending redemptions. */
  heldChange: number;
  balance: number;
  held: number;
  counterparty: { name: string | null; kind: string | null };
  authorisedBy: string;
  note: string | null;
  ref: { type: string | null; id: string | null };
  reversesId: number | null;
}

export interface Statement {
  account: { id: string | null; scheme: PointScheme; schemeName: string; kind: string; name: string; balance: number; held: number; unit: string };
  total: number;
  page: number;
  pageSize: number;
  items: StatementEntry[];
}

export type AccountKind = 'pool' | 'person' | 'household' | 'merchant' | 'hold';

export interface AccountRow {
  id: string;
  scheme: PointScheme;
  schemeName: string;
  kind: AccountKind;
  name: string;
  areaCode: string;
  balance: number;
  allowedActions: string[];
}

export interface LeaderboardPersonRow {
  rank: number;
  name: string;
  me: boolean;
  areaCode: string;
  areaName: string | null;
  points: number;
  yearPoints: number;
  totalPoints: number;
  stars: number;
  starLabel: string;
}

export interface LeaderboardAreaRow {
  rank: number;
  areaCode: string;
  name: string;
  points: number;
  yearPoints: number;
  holders: number;
}

interface LeaderboardHead {
  scheme: PointScheme;
  schemeName: string;
  unit: string;
  area: { code: string; name: string };
  month: string;
  stars: StarRule;
}

export type Leaderboard = (LeaderboardHead & { by: 'person'; items: LeaderboardPersonRow[] }) | (LeaderboardHead & { by: 'area'; items: LeaderboardAreaRow[] });

export interface LedgerReport {
  ok: boolean;
  accounts: number;
  transfers: number;
  schemes: { scheme: string; sum: number; issued: number; accounts: number }[];
  problems: { code: string; message: string; ref: string }[];
  /** When this run of the check read the ledger. */
  checkedAt?: string;
}

export interface MyCode {
  code: string;
  expiresAt: string;
  ttlSeconds: number;
  svg: string;
}
