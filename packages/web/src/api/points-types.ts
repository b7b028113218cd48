// Shapes of the points (积分) API, as docs/POINTS.md describes them.

export type PointScheme = 'vanguard' | 'neighbourhood' | 'family' | 'volunteer' | 'service' | 'cadre';
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

export interface MyAccount {
  scheme: PointScheme;
  schemeName: string;
  unit: string;
  holder: 'person' | 'household';
  accountId: string | null;
  balance: number;
  held: number;
  earnedThisYear: number;
  earnedTotal: number;
  stars: number;
  toNextStar: number | null;
}

export interface PointsMe {
  accounts: MyAccount[];
  merchantAccounts: { scheme: PointScheme; schemeName: string; accountId: string; name: string; balance: number }[];
  abilities: string[];
}

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

export interface Rule {
  id: string;
  code: string;
  name: string;
  scheme: PointScheme;
  schemeName: string;
  points: number;
  maxPoints: number;
  areaCode: string;
  areaName: string | null;
  dailyLimit: number | null;
  monthlyLimit: number | null;
  proposerRoles: string[];
  approverRoles: string[];
  auto: boolean;
  basis: string | null;
  active: boolean;
  allowedActions: string[];
}

export type AwardState = 'pending' | 'approved' | 'rejected' | 'reversed';

export interface PersonRef {
  id: string;
  name: string;
}

export interface Award {
  id: string;
  state: AwardState;
  stateLabel: string;
  scheme: PointScheme;
  schemeName: string;
  ruleCode: string;
  ruleName: string;
  recipient: PersonRef;
  holder: 'person' | 'household';
  areaCode: string;
  basePoints: number;
  factors: { code: string; name: string; factor: number | null }[];
  multiplier: number;
  points: number;
  note: string | null;
  automatic: boolean;
  ref: { type: string; id: string } | null;
  proposedBy: PersonRef | null;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
  reversedBy: PersonRef | null;
  reversedAt: string | null;
  reverseReason: string | null;
  createdAt: string;
  allowedActions: string[];
}

export type ItemKind = 'goods' | 'service' | 'donation' | 'property-fee';

export interface Item {
  id: string;
  name: string;
  merchant: string;
  merchantId: string;
  price: number;
  stock: number;
  scheme: PointScheme;
  schemeName: string;
  kind: ItemKind;
  kindLabel: string;
  description: string | null;
  areaCode: string;
  active: boolean;
  allowedActions: string[];
  /** Why the caller cannot redeem it now; null when they can. */
  unavailable?: { code: 'own-item' | 'inactive' | 'sold-out' | 'not-eligible' | 'insufficient'; message: string; short?: number } | null;
}

export type RedemptionState = 'pending' | 'confirmed' | 'cancelled';

export interface Redemption {
  id: string;
  state: RedemptionState;
  stateLabel: string;
  item: { id: string; name: string; kind: ItemKind; kindLabel: string };
  merchant: PersonRef;
  scheme: PointScheme;
  schemeName: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  redeemer: PersonRef;
  note: string | null;
  refunded: boolean;
  createdAt: string;
  confirmedAt: string | null;
  confirmedBy: PersonRef | null;
  cancelledAt: string | null;
  cancelledBy: PersonRef | null;
  cancelReason: string | null;
  /** ABCD-EFGH: typed at the till; shown to the redeemer while pending. */
  shortCode?: string | null;
  allowedActions: string[];
  /** Only in the answer to POST /api/points/redemptions: the spendable balance after the hold. */
  balance?: number;
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
