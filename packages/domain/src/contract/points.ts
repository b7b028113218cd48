// Points (积分): API-CONTRACT "Points" and docs/POINTS.md.
import { z } from 'zod';
import { AWARD_STATES, REDEMPTION_STATES } from '../points/workflow.ts';
import { ACCOUNT_KINDS, ITEM_KINDS, POINT_SCHEMES } from '../points/schemes.ts';
import { TRANSFER_KINDS } from '../points/ledger.ts';
import { isoTime, pageOf } from './common.ts';

export const PointScheme = z.enum(POINT_SCHEMES);
export const AwardState = z.enum(AWARD_STATES);
export const RedemptionState = z.enum(REDEMPTION_STATES);
export const ItemKind = z.enum(ITEM_KINDS);
export const PersonRef = z.object({ id: z.string(), name: z.string() });

/** An account of the caller in `GET /api/points/me`. */
export const MyAccount = z.object({
  scheme: PointScheme,
  schemeName: z.string(),
  unit: z.string(),
  holder: z.enum(['person', 'household']),
  accountId: z.string().nullable(),
  /** What the caller can spend now: points held by unconfirmed redemptions already deducted. */
  balance: z.number().int(),
  /** Held by unconfirmed redemptions. */
  held: z.number().int(),
  earnedThisYear: z.number().int(),
  earnedTotal: z.number().int(),
  stars: z.number().int(),
  toNextStar: z.number().int().nullable(),
});

/** `GET /api/points/me` */
export const PointsMe = z
  .object({
    accounts: z.array(MyAccount),
    merchantAccounts: z.array(z.object({ scheme: PointScheme, schemeName: z.string(), accountId: z.string(), name: z.string(), balance: z.number().int() })),
    abilities: z.array(z.string()),
  })
  .meta({
    example: {
      accounts: [
        {
          scheme: 'vanguard',
          schemeName: '先锋模范积分',
          unit: '分',
          holder: 'person',
          accountId: '2a5c7e90-1b3d-4f6a-8c9e-0d1f2a3b4c5d',
          balance: 86,
          held: 10,
          earnedThisYear: 96,
          earnedTotal: 214,
          stars: 2,
          toNextStar: 54,
        },
      ],
      merchantAccounts: [],
      abilities: ['points.read', 'points.redeem'],
    },
  });

/** A rule of `GET /api/points/rules`. */
export const PointsRule = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  scheme: PointScheme,
  schemeName: z.string(),
  points: z.number().int(),
  maxPoints: z.number().int(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  dailyLimit: z.number().int().nullable(),
  monthlyLimit: z.number().int().nullable(),
  proposerRoles: z.array(z.string()),
  approverRoles: z.array(z.string()),
  /** Awarded by the system from verified events, never by hand. */
  auto: z.boolean(),
  basis: z.string().nullable(),
  active: z.boolean(),
  allowedActions: z.array(z.string()),
});
export const PointsRules = z
  .object({ area: z.string(), items: z.array(PointsRule) })
  .meta({
    example: {
      area: '320614103001',
      items: [
        {
          id: '7d1e3f5a-9b2c-4d6e-8f0a-1b2c3d4e5f60',
          code: 'V-ACT',
          name: '参加主题党日活动',
          scheme: 'vanguard',
          schemeName: '先锋模范积分',
          points: 5,
          maxPoints: 10,
          areaCode: '320614',
          areaName: '海门区',
          dailyLimit: 1,
          monthlyLimit: null,
          proposerRoles: ['secretary', 'community'],
          approverRoles: ['secretary'],
          auto: false,
          basis: '海门区党员先锋指数管理办法',
          active: true,
          allowedActions: [],
        },
      ],
    },
  });

/** An award (积分申报): `POST /api/points/awards` → 201 (state `pending`), `…/approve` → `approved`. */
export const PointsAward = z.object({
  id: z.string(),
  state: AwardState,
  stateLabel: z.string(),
  scheme: PointScheme,
  schemeName: z.string(),
  ruleCode: z.string(),
  ruleName: z.string(),
  recipient: PersonRef,
  holder: z.enum(['person', 'household']),
  areaCode: z.string(),
  basePoints: z.number().int(),
  factors: z.array(z.object({ code: z.string(), name: z.string(), factor: z.number().nullable() })),
  multiplier: z.number(),
  points: z.number().int(),
  note: z.string().nullable(),
  automatic: z.boolean(),
  ref: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  proposedBy: PersonRef.nullable(),
  decidedBy: PersonRef.nullable(),
  decidedAt: isoTime.nullable(),
  decisionNote: z.string().nullable(),
  reversedBy: PersonRef.nullable(),
  reversedAt: isoTime.nullable(),
  reverseReason: z.string().nullable(),
  /** The posting transfer (staff and the recipient only). */
  transferId: z.number().int().nullable().optional(),
  createdAt: isoTime,
  allowedActions: z.array(z.string()),
});

const AWARD_EXAMPLE = {
  id: '3b9d1f7e-5a2c-4e8b-9d0f-6a1b2c3d4e5f',
  state: 'pending',
  stateLabel: '待审核',
  scheme: 'vanguard',
  schemeName: '先锋模范积分',
  ruleCode: 'V-ACT',
  ruleName: '参加主题党日活动',
  recipient: { id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', name: '李建国' },
  holder: 'person',
  areaCode: '320614103001001',
  basePoints: 5,
  factors: [],
  multiplier: 1,
  points: 5,
  note: '11月主题党日',
  automatic: false,
  ref: null,
  proposedBy: { id: '6f1d2c0e-4b7a-4c39-9a51-0d3c5e8f2a11', name: '王丽' },
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  reversedBy: null,
  reversedAt: null,
  reverseReason: null,
  createdAt: '2026-11-22T09:30:00+08:00',
  allowedActions: [],
} satisfies z.infer<typeof PointsAward>;
export const PointsAwardCreated = PointsAward.meta({ example: AWARD_EXAMPLE });
export const PointsAwardApproved = PointsAward.meta({
  example: { ...AWARD_EXAMPLE, state: 'approved', stateLabel: '已入账', decidedBy: { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: '陈书记' }, decidedAt: '2026-11-22T15:00:00+08:00' },
});

/** A redeemable item of `GET /api/points/items`. */
export const PointsItem = z.object({
  id: z.string(),
  name: z.string(),
  merchant: z.string(),
  merchantId: z.string(),
  price: z.number().int(),
  /** What can still be redeemed: units held by unconfirmed redemptions already deducted. */
  stock: z.number().int(),
  scheme: PointScheme,
  schemeName: z.string(),
  kind: ItemKind,
  kindLabel: z.string(),
  description: z.string().nullable(),
  areaCode: z.string(),
  active: z.boolean(),
  allowedActions: z.array(z.string()),
  /** Why the caller cannot redeem it now; null when they can. */
  unavailable: z
    .object({ code: z.enum(['own-item', 'inactive', 'sold-out', 'not-eligible', 'insufficient']), message: z.string(), short: z.number().optional() })
    .nullable()
    .optional(),
});
export const PointsItems = z
  .object({ items: z.array(PointsItem) })
  .meta({
    example: {
      items: [
        {
          id: '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d',
          name: '洗衣液 2kg',
          merchant: '状元街惠民超市',
          merchantId: '4d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a',
          price: 30,
          stock: 18,
          scheme: 'neighbourhood',
          schemeName: '邻里守望积分',
          kind: 'goods',
          kindLabel: '实物',
          description: null,
          areaCode: '320614103001',
          active: true,
          allowedActions: ['redeem'],
          unavailable: null,
        },
      ],
    },
  });

/** A redemption (兑换); `POST /api/points/redemptions` → 201 adds the spendable `balance` after the hold. */
export const PointsRedemption = z.object({
  id: z.string(),
  state: RedemptionState,
  stateLabel: z.string(),
  item: z.object({ id: z.string(), name: z.string(), kind: ItemKind, kindLabel: z.string() }),
  merchant: PersonRef,
  scheme: PointScheme,
  schemeName: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  amount: z.number().int(),
  redeemer: PersonRef,
  note: z.string().nullable(),
  refunded: z.boolean(),
  createdAt: isoTime,
  confirmedAt: isoTime.nullable(),
  confirmedBy: PersonRef.nullable(),
  cancelledAt: isoTime.nullable(),
  cancelledBy: PersonRef.nullable(),
  cancelReason: z.string().nullable(),
  /** ABCD-EFGH: typed at the till; shown to the redeemer while pending. */
  shortCode: z.string().nullable().optional(),
  allowedActions: z.array(z.string()),
  /** Only in the answer to POST /api/points/redemptions: the spendable balance after the hold. */
  balance: z.number().int().optional(),
});
export const PointsRedemptionCreated = PointsRedemption.meta({
  example: {
    id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
    state: 'pending',
    stateLabel: '待商户确认',
    item: { id: '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d', name: '洗衣液 2kg', kind: 'goods', kindLabel: '实物' },
    merchant: { id: '4d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a', name: '状元街惠民超市' },
    scheme: 'neighbourhood',
    schemeName: '邻里守望积分',
    quantity: 1,
    unitPrice: 30,
    amount: 30,
    redeemer: { id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', name: '李建国' },
    note: null,
    refunded: false,
    createdAt: '2026-11-22T10:05:00+08:00',
    confirmedAt: null,
    confirmedBy: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    shortCode: 'KXPM-7RQD',
    allowedActions: ['cancel'],
    balance: 56,
  } satisfies z.infer<typeof PointsRedemption>,
});

export type PointScheme = z.infer<typeof PointScheme>;
export type AwardState = z.infer<typeof AwardState>;
export type RedemptionState = z.infer<typeof RedemptionState>;
export type ItemKind = z.infer<typeof ItemKind>;
export type PersonRef = z.infer<typeof PersonRef>;
export type MyAccount = z.infer<typeof MyAccount>;
export type PointsMe = z.infer<typeof PointsMe>;
export type PointsRule = z.infer<typeof PointsRule>;
export type PointsAward = z.infer<typeof PointsAward>;
export type PointsItem = z.infer<typeof PointsItem>;
export type PointsRedemption = z.infer<typeof PointsRedemption>;

// ---- the module's other answers (docs/POINTS.md)

export const AccountKind = z.enum(ACCOUNT_KINDS);
export const TransferKind = z.enum(TRANSFER_KINDS);

/** A scheme's star levels: the thresholds of points earned in the year (or in all time). */
export const StarRule = z.object({ thresholds: z.array(z.number().int()), basis: z.enum(['year', 'lifetime']), note: z.string() });

/** A multiplier factor of the vanguard scheme (先锋模范积分): `percent` 150 is ×1.5. */
export const PointsFactor = z.object({
  code: z.string(),
  name: z.string(),
  percent: z.number().int(),
  factor: z.number(),
  active: z.boolean(),
  /** In `GET /api/points/factors` only. */
  allowedActions: z.array(z.string()).optional(),
});

/** `GET /api/points/schemes` */
export const PointsSchemes = z.object({
  items: z.array(
    z.object({
      code: PointScheme,
      name: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      holder: z.enum(['person', 'household']),
      multiplier: z.boolean(),
      stars: StarRule,
    }),
  ),
  factors: z.array(PointsFactor),
});

/** `GET /api/points/factors` */
export const PointsFactors = z.object({ items: z.array(PointsFactor) });

/** `GET /api/points/me/code`: the signed redemption code and its QR image. */
export const PointsCode = z.object({ code: z.string(), expiresAt: isoTime, ttlSeconds: z.number().int(), svg: z.string() });

export const PointsAwardList = pageOf(PointsAward);
export const PointsRedemptionList = pageOf(PointsRedemption);

/** A line of an account's statement (流水). */
export const StatementEntry = z.object({
  id: z.number().int(),
  at: isoTime,
  kind: TransferKind,
  kindLabel: z.string(),
  /** Signed effect on the spendable balance. */
  amount: z.number().int(),
  /** Signed effect on the points held for pending redemptions. */
  heldChange: z.number().int(),
  balance: z.number().int(),
  held: z.number().int(),
  counterparty: z.object({ name: z.string().nullable(), kind: z.string().nullable() }),
  authorisedBy: z.string(),
  note: z.string().nullable(),
  ref: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
  reversesId: z.number().int().nullable(),
});

/** `GET /api/points/statement`, `GET /api/points/accounts/{id}/statement` */
export const PointsStatement = z.object({
  account: z.object({
    /** Null when the caller has no account of the scheme yet. */
    id: z.string().nullable(),
    scheme: PointScheme,
    schemeName: z.string(),
    kind: AccountKind,
    name: z.string(),
    balance: z.number().int(),
    held: z.number().int(),
    unit: z.string(),
  }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(StatementEntry),
});

export const PointsAccountRow = z.object({
  id: z.string(),
  scheme: PointScheme,
  schemeName: z.string(),
  kind: AccountKind,
  name: z.string(),
  areaCode: z.string(),
  balance: z.number().int(),
  allowedActions: z.array(z.string()),
});
/** `GET /api/points/accounts` */
export const PointsAccounts = pageOf(PointsAccountRow);

const leaderboardHead = {
  scheme: PointScheme,
  schemeName: z.string(),
  unit: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  month: z.string(),
  stars: StarRule,
};
export const LeaderboardPersonRow = z.object({
  rank: z.number().int(),
  /** Masked for residents, except their own row. */
  name: z.string(),
  me: z.boolean(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  points: z.number().int(),
  yearPoints: z.number().int(),
  totalPoints: z.number().int(),
  stars: z.number().int(),
  starLabel: z.string(),
});
export const LeaderboardAreaRow = z.object({
  rank: z.number().int(),
  areaCode: z.string(),
  name: z.string(),
  points: z.number().int(),
  yearPoints: z.number().int(),
  holders: z.number().int(),
});
/** `GET /api/points/leaderboard` (JSON; `format=csv` answers a CSV file). */
export const PointsLeaderboard = z.discriminatedUnion('by', [
  z.object({ ...leaderboardHead, by: z.literal('person'), items: z.array(LeaderboardPersonRow) }),
  z.object({ ...leaderboardHead, by: z.literal('area'), items: z.array(LeaderboardAreaRow) }),
]);

/** `GET /api/points/audit`: the ledger check (账本核对). */
export const LedgerReport = z.object({
  ok: z.boolean(),
  accounts: z.number().int(),
  transfers: z.number().int(),
  schemes: z.array(z.object({ scheme: z.string(), sum: z.number().int(), issued: z.number().int(), accounts: z.number().int() })),
  problems: z.array(z.object({ code: z.string(), message: z.string(), ref: z.string() })),
  /** When this run of the check read the ledger. */
  checkedAt: isoTime,
});

export type AccountKind = z.infer<typeof AccountKind>;
export type TransferKind = z.infer<typeof TransferKind>;
export type StarRule = z.infer<typeof StarRule>;
export type PointsFactor = z.infer<typeof PointsFactor>;
export type PointsSchemes = z.infer<typeof PointsSchemes>;
export type SchemeInfo = PointsSchemes['items'][number];
export type PointsCode = z.infer<typeof PointsCode>;
export type StatementEntry = z.infer<typeof StatementEntry>;
export type PointsStatement = z.infer<typeof PointsStatement>;
export type PointsAccountRow = z.infer<typeof PointsAccountRow>;
export type LeaderboardPersonRow = z.infer<typeof LeaderboardPersonRow>;
export type LeaderboardAreaRow = z.infer<typeof LeaderboardAreaRow>;
export type PointsLeaderboard = z.infer<typeof PointsLeaderboard>;
export type LedgerReport = z.infer<typeof LedgerReport>;
export type PointsRules = z.infer<typeof PointsRules>;
export type PointsItems = z.infer<typeof PointsItems>;
export type PointsFactors = z.infer<typeof PointsFactors>;
export type PointsAwardList = z.infer<typeof PointsAwardList>;
export type PointsRedemptionList = z.infer<typeof PointsRedemptionList>;
export type PointsAccounts = z.infer<typeof PointsAccounts>;
