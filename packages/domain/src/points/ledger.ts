// The points ledger, in the spirit of TigerBeetle: every movement is a transfer of a positive
// amount from a debit account to a credit account of the same scheme; transfers are never
// changed, a mistake is undone by a reversing transfer that names the one it reverses; balances
// are credits minus debits and only issuing pools may go below zero, so the balances of a
// scheme always sum to zero. `checkLedger` verifies all of that on a snapshot.
import { conflict } from '../errors.ts';
import { SCHEMES, type AccountKind, type PointScheme } from './schemes.ts';

export const TRANSFER_KINDS = ['award', 'redeem-hold', 'redeem-confirm', 'redeem-release', 'refund', 'reversal'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const TRANSFER_KIND_LABELS: Record<TransferKind, string> = {
  award: '积分奖励',
  'redeem-hold': '兑换冻结',
  'redeem-confirm': '兑换确认（划给商户）',
  'redeem-release': '兑换取消（解冻退回）',
  refund: '爱心捐赠积分返还',
  reversal: '冲正',
};

/** The error every overdraft raises (the contract's 409 code). */
export function insufficientPoints(need: number, have: number, unit = '分') {
  return conflict('insufficient_points', `积分余额不足：需要 ${need} ${unit}，可用 ${have} ${unit}`);
}

/** Whether `amount` may leave an account of this kind holding `balance`. */
export function canDebit(kind: AccountKind, balance: number, amount: number): boolean {
  return kind === 'pool' || balance >= amount;
}

// ---- audit ----------------------------------------------------------------------------------

export interface AccountSnapshot {
  id: string;
  scheme: PointScheme | string;
  kind: AccountKind | string;
  name: string;
  /** The balance kept on the account row. */
  balance: number;
  /** Credits minus debits over every transfer touching the account. */
  computed: number;
}

export interface ItemSnapshot {
  id: string;
  name: string;
  stock: number;
  /** Units ever put on sale (initial stock plus restocks). */
  stockIn: number;
  /** Units of pending and confirmed redemptions. */
  committed: number;
}

export interface HoldSnapshot {
  accountId: string;
  name: string;
  balance: number;
  /** Sum of the amounts of the pending redemptions held on it. */
  pending: number;
}

export interface AwardSnapshot {
  id: string;
  state: string;
  points: number;
  /** Number and total of `award` transfers naming this award, and of `reversal` transfers. */
  awardTransfers: number;
  awardAmount: number;
  reversalTransfers: number;
  reversalAmount: number;
}

export interface RedemptionSnapshot {
  id: string;
  state: string;
  kind: string;
  amount: number;
  holds: number;
  confirms: number;
  releases: number;
  refunds: number;
  /** Sum of every transfer amount naming the redemption, by kind. */
  holdAmount: number;
  confirmAmount: number;
  releaseAmount: number;
  refundAmount: number;
}

export interface LedgerSnapshot {
  accounts: AccountSnapshot[];
  items: ItemSnapshot[];
  holds: HoldSnapshot[];
  awards: AwardSnapshot[];
  redemptions: RedemptionSnapshot[];
  /** Transfers whose accounts are of another scheme, or whose amount is not positive. */
  malformedTransfers: { id: number; problem: string }[];
  transferCount: number;
}

export type LedgerProblemCode =
  | 'balance_mismatch'
  | 'negative_balance'
  | 'scheme_not_zero'
  | 'malformed_transfer'
  | 'stock_mismatch'
  | 'oversold'
  | 'hold_mismatch'
  | 'award_posting'
  | 'redemption_posting';

export interface LedgerProblem {
  code: LedgerProblemCode;
  message: string;
  ref: string;
}

export interface LedgerReport {
  ok: boolean;
  accounts: number;
  transfers: number;
  schemes: { scheme: string; sum: number; issued: number; accounts: number }[];
  problems: LedgerProblem[];
}

export function checkLedger(s: LedgerSnapshot): LedgerReport {
  const problems: LedgerProblem[] = [];
  const sums = new Map<string, { sum: number; issued: number; accounts: number }>();
  for (const a of s.accounts) {
    const e = sums.get(a.scheme) ?? { sum: 0, issued: 0, accounts: 0 };
    e.sum += a.balance;
    e.accounts += 1;
    if (a.kind === 'pool') e.issued -= a.balance;
    sums.set(a.scheme, e);
    if (a.balance !== a.computed) {
      problems.push({ code: 'balance_mismatch', ref: a.id, message: `账户“${a.name}”余额 ${a.balance} 与流水重算 ${a.computed} 不一致` });
    }
    if (a.kind !== 'pool' && (a.balance < 0 || a.computed < 0)) {
      problems.push({ code: 'negative_balance', ref: a.id, message: `账户“${a.name}”余额为负（${Math.min(a.balance, a.computed)}）` });
    }
  }
  for (const [scheme, e] of sums) {
    if (e.sum !== 0) problems.push({ code: 'scheme_not_zero', ref: scheme, message: `${SCHEMES[scheme as PointScheme]?.zh ?? '积分'}全部账户余额之和为 ${e.sum}，应为 0` });
  }
  for (const t of s.malformedTransfers) {
    problems.push({ code: 'malformed_transfer', ref: String(t.id), message: `流水 #${t.id}：${t.problem}` });
  }
  for (const i of s.items) {
    if (i.stock < 0 || i.stockIn - i.committed < 0) {
      problems.push({ code: 'oversold', ref: i.id, message: `商品“${i.name}”超卖：上架 ${i.stockIn}，已兑换或冻结 ${i.committed}` });
    }
    if (i.stockIn - i.committed !== i.stock) {
      problems.push({ code: 'stock_mismatch', ref: i.id, message: `商品“${i.name}”库存 ${i.stock} 与上架 ${i.stockIn} − 已兑换或冻结 ${i.committed} 不一致` });
    }
  }
  for (const h of s.holds) {
    if (h.balance !== h.pending) {
      problems.push({ code: 'hold_mismatch', ref: h.accountId, message: `冻结账户“${h.name}”余额 ${h.balance} 与待确认兑换合计 ${h.pending} 不一致` });
    }
  }
  for (const a of s.awards) {
    const posted = a.state === 'approved' || a.state === 'reversed';
    const reversed = a.state === 'reversed';
    const ok =
      a.awardTransfers === (posted ? 1 : 0) &&
      a.reversalTransfers === (reversed ? 1 : 0) &&
      (!posted || a.awardAmount === a.points) &&
      (!reversed || a.reversalAmount === a.points);
    if (!ok) {
      problems.push({
        code: 'award_posting',
        ref: a.id,
        message: `积分奖励 ${a.id}（${a.state}，${a.points} 分）入账 ${a.awardTransfers} 笔共 ${a.awardAmount}，冲正 ${a.reversalTransfers} 笔共 ${a.reversalAmount}`,
      });
    }
  }
  for (const r of s.redemptions) {
    const expect = {
      holds: 1,
      confirms: r.state === 'confirmed' ? 1 : 0,
      releases: r.state === 'cancelled' ? 1 : 0,
      refunds: r.state === 'confirmed' && r.kind === 'donation' ? 1 : 0,
    };
    const amounts =
      r.holdAmount === r.amount &&
      r.confirmAmount === expect.confirms * r.amount &&
      r.releaseAmount === expect.releases * r.amount &&
      r.refundAmount === expect.refunds * r.amount;
    if (r.holds !== expect.holds || r.confirms !== expect.confirms || r.releases !== expect.releases || r.refunds !== expect.refunds || !amounts) {
      problems.push({
        code: 'redemption_posting',
        ref: r.id,
        message: `兑换 ${r.id}（${r.state}）流水不符：冻结 ${r.holds}、确认 ${r.confirms}、解冻 ${r.releases}、返还 ${r.refunds} 笔`,
      });
    }
  }
  return {
    ok: problems.length === 0,
    accounts: s.accounts.length,
    transfers: s.transferCount,
    schemes: [...sums].map(([scheme, e]) => ({ scheme, ...e })).sort((a, b) => a.scheme.localeCompare(b.scheme)),
    problems,
  };
}
