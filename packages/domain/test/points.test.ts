import { describe, expect, it } from 'vitest';
import {
  allowedAwardActions,
  allowedRedemptionActions,
  applyMultiplier,
  canDebit,
  checkLedger,
  decideAward,
  decideRedemption,
  DEFAULT_FACTORS,
  DomainError,
  isEligible,
  limitProblem,
  limitsProblem,
  monthRange,
  periodsOf,
  rankLeaderboard,
  STAR_RULES,
  starLevel,
  toNextStar,
  type AwardRelation,
  type LedgerSnapshot,
} from '../src/index.ts';

describe('the multiplier rule (乘数计分)', () => {
  it('multiplies base points by each factor, rounding half up', () => {
    expect(applyMultiplier(5, []).points).toBe(5);
    expect(applyMultiplier(5, ['backbone'])).toMatchObject({ points: 8, multiplierPercent: 150, capped: false }); // 7.5 → 8
    expect(applyMultiplier(4, ['backbone']).points).toBe(6);
    expect(applyMultiplier(10, ['hard-task']).points).toBe(20);
    expect(applyMultiplier(5, ['lead']).points).toBe(6); // 6.0
    expect(applyMultiplier(3, ['lead']).points).toBe(4); // 3.6 → 4
    expect(applyMultiplier(2, ['backbone', 'lead']).points).toBe(4); // 2 × 1.8 = 3.6 → 4
  });

  it('caps the product at ×3', () => {
    expect(applyMultiplier(10, ['backbone', 'hard-task'])).toMatchObject({ points: 30, multiplierPercent: 300, capped: false });
    // 1.5 × 2 × 1.2 = 3.6 → capped at 3.
    expect(applyMultiplier(10, ['backbone', 'hard-task', 'lead'])).toMatchObject({ points: 30, multiplierPercent: 300, capped: true });
  });

  it('uses configured factors and refuses unknown, repeated or out-of-range ones', () => {
    const custom = [...DEFAULT_FACTORS, { code: 'night', name: '夜间值守', percent: 125 }];
    expect(applyMultiplier(8, ['night'], custom).points).toBe(10);
    expect(() => applyMultiplier(5, ['night'])).toThrow(DomainError);
    expect(() => applyMultiplier(5, ['backbone', 'backbone'])).toThrow(/重复/);
    expect(() => applyMultiplier(5, ['x'], [{ code: 'x', name: 'x', percent: 90 }])).toThrow(/范围/);
    expect(() => applyMultiplier(0, [])).toThrow(DomainError);
    expect(() => applyMultiplier(2.5, [])).toThrow(DomainError);
  });

  it('stays exact where floating point would not (integer arithmetic)', () => {
    // 0.1-style errors: 115% of 10 is exactly 11.5 → 12.
    expect(applyMultiplier(10, ['a'], [{ code: 'a', name: 'a', percent: 115 }]).points).toBe(12);
    expect(applyMultiplier(1000, ['a', 'b'], [{ code: 'a', name: 'a', percent: 105 }, { code: 'b', name: 'b', percent: 105 }]).points).toBe(1103); // 1102.5 → 1103
  });
});

describe('star levels', () => {
  it('counts thresholds reached, 0 to 5', () => {
    expect(starLevel('vanguard', 0)).toBe(0);
    expect(starLevel('vanguard', 49)).toBe(0);
    expect(starLevel('vanguard', 50)).toBe(1);
    expect(starLevel('vanguard', 199)).toBe(2);
    expect(starLevel('vanguard', 200)).toBe(3);
    expect(starLevel('vanguard', 10_000)).toBe(5);
    expect(starLevel('volunteer', 100)).toBe(1);
    expect(starLevel('volunteer', 1500)).toBe(5);
  });

  it('says how far the next star is', () => {
    expect(toNextStar('service', 40)).toBe(10);
    expect(toNextStar('service', 500)).toBeNull();
  });

  it('has strictly increasing thresholds for every scheme', () => {
    for (const rule of Object.values(STAR_RULES)) {
      for (let i = 1; i < rule.thresholds.length; i++) expect(rule.thresholds[i]!).toBeGreaterThan(rule.thresholds[i - 1]!);
    }
  });
});

describe('rule limits', () => {
  const rule = { name: '入户走访', dailyLimit: 10, monthlyLimit: 60 };

  it('allows points up to the daily and monthly limits, not beyond', () => {
    expect(limitProblem(rule, { today: 8, thisMonth: 20 }, 2)).toBeNull();
    expect(limitProblem(rule, { today: 9, thisMonth: 20 }, 2)?.code).toBe('daily_limit_exceeded');
    expect(limitProblem(rule, { today: 0, thisMonth: 59 }, 2)?.code).toBe('monthly_limit_exceeded');
    expect(limitProblem(rule, { today: 9, thisMonth: 20 }, 2)?.message).toContain('今日还可计 1 分');
    expect(limitProblem({ name: 'x', dailyLimit: null, monthlyLimit: null }, { today: 1e6, thisMonth: 1e6 }, 5)).toBeNull();
  });

  it('validates limits themselves', () => {
    expect(limitsProblem({ dailyLimit: 10, monthlyLimit: 5 })).toMatch(/不能大于/);
    expect(limitsProblem({ dailyLimit: 0, monthlyLimit: null })).toMatch(/正整数/);
    expect(limitsProblem({ dailyLimit: null, monthlyLimit: 30 })).toBeNull();
  });

  it('cuts days and months in China time', () => {
    // 2026-11-30 23:30 in Beijing is 15:30 UTC: still November.
    const p = periodsOf(new Date('2026-11-30T15:30:00Z'));
    expect(p.monthKey).toBe('2026-11');
    expect(p.day.from.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(p.month.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    // 16:30 UTC is already 1 December in Beijing.
    expect(periodsOf(new Date('2026-11-30T16:30:00Z')).monthKey).toBe('2026-12');
    expect(monthRange('2026-12')?.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(monthRange('2026-13')).toBeNull();
    expect(monthRange('26-01')).toBeNull();
  });
});

describe('award and redemption workflows', () => {
  const rel = (...r: AwardRelation[]) => new Set(r);

  it('needs a second person to approve (四眼原则)', () => {
    expect(decideAward('pending', 'approve', rel('approver'))).toEqual({ to: 'approved' });
    expect(() => decideAward('pending', 'approve', rel('approver', 'proposer'))).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'self_approval' }));
    expect(() => decideAward('pending', 'approve', rel('approver', 'recipient'))).toThrow(expect.objectContaining({ code: 'self_award' }));
    expect(() => decideAward('pending', 'approve', rel('proposer'))).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => decideAward('approved', 'approve', rel('approver'))).toThrow(expect.objectContaining({ kind: 'conflict', code: 'invalid_state' }));
  });

  it('lets the proposer withdraw and an approver reject or reverse', () => {
    expect(decideAward('pending', 'reject', rel('proposer')).to).toBe('rejected');
    expect(decideAward('approved', 'reverse', rel('approver')).to).toBe('reversed');
    expect(() => decideAward('reversed', 'reverse', rel('approver'))).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(allowedAwardActions('pending', rel('approver'))).toEqual(['approve', 'reject']);
    expect(allowedAwardActions('pending', rel('approver', 'proposer'))).toEqual(['reject']);
    expect(allowedAwardActions('approved', rel('approver'))).toEqual(['reverse']);
    expect(allowedAwardActions('approved', rel('approver', 'recipient'))).toEqual([]);
  });

  it('lets the merchant confirm and either side cancel a pending redemption', () => {
    expect(decideRedemption('pending', 'confirm', new Set(['merchant']))).toEqual({ to: 'confirmed' });
    expect(() => decideRedemption('pending', 'confirm', new Set(['redeemer']))).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => decideRedemption('pending', 'confirm', new Set(['redeemer', 'merchant']))).toThrow(expect.objectContaining({ code: 'self_confirmation' }));
    expect(decideRedemption('pending', 'cancel', new Set(['redeemer'])).to).toBe('cancelled');
    expect(() => decideRedemption('confirmed', 'cancel', new Set(['redeemer']))).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(allowedRedemptionActions('pending', new Set(['merchant']))).toEqual(['confirm', 'cancel']);
    expect(allowedRedemptionActions('cancelled', new Set(['merchant']))).toEqual([]);
  });

  it('knows who may hold each scheme', () => {
    expect(isEligible('vanguard', { roles: ['resident'], partyMember: true })).toBe(true);
    expect(isEligible('vanguard', { roles: ['resident'] })).toBe(false);
    expect(isEligible('family', { roles: ['resident'], hasHousehold: false })).toBe(false);
    expect(isEligible('neighbourhood', { roles: ['resident'] })).toBe(true);
    expect(isEligible('cadre', { roles: ['party-member'] })).toBe(false);
    // A shop's or property company's account acts for the unit, not a person.
    expect(isEligible('neighbourhood', { roles: ['merchant'] })).toBe(false);
    expect(canDebit('pool', -100, 50)).toBe(true);
    expect(canDebit('person', 49, 50)).toBe(false);
  });
});

describe('the ledger audit', () => {
  const clean = (): LedgerSnapshot => ({
    accounts: [
      { id: 'pool', scheme: 'neighbourhood', kind: 'pool', name: '发放池', balance: -100, computed: -100 },
      { id: 'p', scheme: 'neighbourhood', kind: 'person', name: '甲', balance: 60, computed: 60 },
      { id: 'h', scheme: 'neighbourhood', kind: 'hold', name: '甲（兑换冻结）', balance: 30, computed: 30 },
      { id: 'm', scheme: 'neighbourhood', kind: 'merchant', name: '超市', balance: 10, computed: 10 },
    ],
    items: [{ id: 'i', name: '洗衣液', stock: 6, stockIn: 10, committed: 4 }],
    holds: [{ accountId: 'h', name: '甲（兑换冻结）', balance: 30, pending: 30 }],
    awards: [
      { id: 'a1', state: 'approved', points: 100, awardTransfers: 1, awardAmount: 100, reversalTransfers: 0, reversalAmount: 0 },
      { id: 'a2', state: 'pending', points: 5, awardTransfers: 0, awardAmount: 0, reversalTransfers: 0, reversalAmount: 0 },
    ],
    redemptions: [
      { id: 'r1', state: 'pending', kind: 'goods', amount: 30, holds: 1, confirms: 0, releases: 0, refunds: 0, holdAmount: 30, confirmAmount: 0, releaseAmount: 0, refundAmount: 0 },
      { id: 'r2', state: 'confirmed', kind: 'goods', amount: 10, holds: 1, confirms: 1, releases: 0, refunds: 0, holdAmount: 10, confirmAmount: 10, releaseAmount: 0, refundAmount: 0 },
    ],
    malformedTransfers: [],
    transferCount: 3,
  });

  it('passes a consistent ledger and reports the issued total per scheme', () => {
    const report = checkLedger(clean());
    expect(report.ok).toBe(true);
    expect(report.schemes).toEqual([{ scheme: 'neighbourhood', sum: 0, issued: 100, accounts: 4 }]);
  });

  it('finds every kind of discrepancy', () => {
    const s = clean();
    s.accounts[1]!.balance = 61; // a balance edited in place: mismatch and Σ ≠ 0
    s.accounts.push({ id: 'n', scheme: 'family', kind: 'household', name: '乙家', balance: -5, computed: -5 });
    s.items[0]!.stock = 7;
    s.holds[0]!.pending = 20;
    s.awards[0]!.awardTransfers = 2; // a double credit
    s.redemptions[1]!.confirms = 0;
    s.malformedTransfers.push({ id: 9, problem: '借贷账户与流水的积分类别不一致' });
    const codes = checkLedger(s).problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining(['balance_mismatch', 'negative_balance', 'scheme_not_zero', 'stock_mismatch', 'hold_mismatch', 'award_posting', 'redemption_posting', 'malformed_transfer']),
    );
    expect(checkLedger(s).ok).toBe(false);
  });

  it('flags oversold stock', () => {
    const s = clean();
    s.items[0] = { id: 'i', name: '大米', stock: 0, stockIn: 10, committed: 11 };
    expect(checkLedger(s).problems.map((p) => p.code)).toContain('oversold');
  });

  it('expects a refund for every confirmed donation and a release for every cancellation', () => {
    const s = clean();
    s.redemptions.push({ id: 'r3', state: 'confirmed', kind: 'donation', amount: 40, holds: 1, confirms: 1, releases: 0, refunds: 0, holdAmount: 40, confirmAmount: 40, releaseAmount: 0, refundAmount: 0 });
    s.redemptions.push({ id: 'r4', state: 'cancelled', kind: 'goods', amount: 40, holds: 1, confirms: 0, releases: 1, refunds: 0, holdAmount: 40, confirmAmount: 0, releaseAmount: 40, refundAmount: 0 });
    expect(checkLedger(s).problems.map((p) => p.ref)).toEqual(['r3']);
  });
});

describe('leaderboards', () => {
  it('ranks by the month’s points with shared ranks and stars from the year', () => {
    const rows = [
      { key: 'a', name: '张三', areaCode: '1', month: 30, year: 120, lifetime: 300 },
      { key: 'b', name: '李四', areaCode: '1', month: 50, year: 50, lifetime: 50 },
      { key: 'c', name: '王五', areaCode: '1', month: 30, year: 300, lifetime: 900 },
      { key: 'd', name: '赵六', areaCode: '1', month: 0, year: 500, lifetime: 500 },
      { key: 'e', name: '钱七', areaCode: '1', month: 10, year: 10, lifetime: 10 },
    ];
    const ranked = rankLeaderboard('vanguard', rows);
    expect(ranked.map((r) => [r.key, r.rank, r.stars])).toEqual([
      ['b', 1, 1],
      ['c', 2, 4],
      ['a', 2, 2],
      ['e', 4, 0],
    ]);
    expect(rankLeaderboard('vanguard', rows, 2)).toHaveLength(2);
    // Volunteer stars count the whole record.
    expect(rankLeaderboard('volunteer', [{ key: 'v', name: '孙八', areaCode: '1', month: 4, year: 40, lifetime: 320 }])[0]!.stars).toBe(2);
  });
});
