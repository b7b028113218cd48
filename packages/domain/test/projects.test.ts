import { describe, expect, it } from 'vitest';
import { closeCheck, closedOnTime, matchScore, needMonthOf, progressProblem, quarterOf, quarterRange, spentShare, supervisorsProblem, supportRefusal, terms } from '../src/index.ts';

describe('quarters and months (China time)', () => {
  it('puts the first instant of a quarter, China time, in that quarter', () => {
    expect(quarterOf(new Date('2026-09-30T16:00:00Z'))).toBe('2026-Q4'); // 1 Oct 00:00 CST
    expect(quarterOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-Q3');
    expect(quarterOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-Q1');
    expect(needMonthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });
  it('gives a quarter its range and refuses a malformed one', () => {
    const r = quarterRange('2026-Q4');
    expect(r.from.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect(() => quarterRange('2026-Q5')).toThrow(/季度/);
  });
});

describe('supporting an idea', () => {
  const ok = { isAuthor: false, sameCommunity: true, alreadySupported: false, state: 'open' as const };
  it('allows one support by a neighbour of an open idea', () => expect(supportRefusal(ok)).toBeNull());
  it('refuses the author, another community, a second support and a closed idea', () => {
    expect(supportRefusal({ ...ok, isAuthor: true })?.code).toBe('own_idea');
    expect(supportRefusal({ ...ok, sameCommunity: false })?.code).toBe('not_your_community');
    expect(supportRefusal({ ...ok, alreadySupported: true })?.code).toBe('already_supported');
    expect(supportRefusal({ ...ok, state: 'need' })?.code).toBe('idea_not_open');
  });
});

describe('need ↔ offer match', () => {
  const need = { title: '老旧小区加装电梯', content: '六层住宅老人上下楼困难，希望加装电梯。', year: 2026 };
  const offer = { title: '既有住宅加装电梯技术指导', content: '住建局派员指导老旧小区加装电梯的方案和审批。', conditions: '需三分之二以上业主同意', year: 2026, capacity: 4, used: 0 };
  it('splits Chinese into two-character terms', () => expect([...terms('加装电梯')]).toEqual(['加装', '装电', '电梯']));
  it('scores a matching offer high and explains it', () => {
    const m = matchScore(need, offer);
    expect(m.usable).toBe(true);
    expect(m.shared).toEqual(expect.arrayContaining(['电梯', '加装', '老旧']));
    expect(m.score).toBeGreaterThan(60);
    expect(m.reasons.map((r) => r.zh).join('；')).toMatch(/共同词语“老旧、旧小、小区/);
  });
  it('scores an unrelated offer lower than a related one', () => {
    const other = { ...offer, title: '法律咨询进社区', content: '司法局律师每月坐班答疑。', conditions: '' };
    expect(matchScore(need, other).score).toBeLessThan(matchScore(need, offer).score);
    expect(matchScore(need, other).reasons[0]!.zh).toContain('0/70');
  });
  it('refuses an offer of another year, or with no capacity left (at the limit)', () => {
    expect(matchScore(need, { ...offer, year: 2025 })).toMatchObject({ usable: false, score: 0 });
    expect(matchScore(need, { ...offer, used: 4 })).toMatchObject({ usable: false, score: 0 });
    expect(matchScore(need, { ...offer, used: 3 }).usable).toBe(true);
  });
  it('gives less for less capacity left', () => {
    expect(matchScore(need, { ...offer, used: 3 }).score).toBeLessThan(matchScore(need, offer).score);
  });
});

describe('project rules', () => {
  it('takes a supervision group of 1 to 9', () => {
    expect(supervisorsProblem(0)?.code).toBe('invalid_supervisors');
    expect(supervisorsProblem(1)).toBeNull();
    expect(supervisorsProblem(9)).toBeNull();
    expect(supervisorsProblem(10)?.code).toBe('invalid_supervisors');
  });
  it('closes out only when claimed, at 100% and signed off by every supervisor', () => {
    expect(closeCheck({ state: 'claimed', percent: 100, supervisors: 3, signed: 3 }).ok).toBe(true);
    const c = closeCheck({ state: 'claimed', percent: 99, supervisors: 3, signed: 2 });
    expect(c.ok).toBe(false);
    expect(c.reasons).toEqual(['进度为 99%，未到 100%', '群众督导小组 2/3 人已签字确认，须全部确认']);
    expect(closeCheck({ state: 'open', percent: 100, supervisors: 1, signed: 1 }).reasons).toEqual(['项目尚未领办']);
  });
  it('moves progress forward only, within 0–100', () => {
    expect(progressProblem(40, 40)).toBeNull();
    expect(progressProblem(40, 100)).toBeNull();
    expect(progressProblem(40, 39)?.code).toBe('percent_backwards');
    expect(progressProblem(0, 101)?.code).toBe('invalid_percent');
    expect(progressProblem(0, 1.5)?.code).toBe('invalid_percent');
  });
  it('counts the due day itself (China time) as on time', () => {
    expect(closedOnTime('2026-12-10', new Date('2026-12-10T15:59:59Z'))).toBe(true);
    expect(closedOnTime('2026-12-10', new Date('2026-12-10T16:00:00Z'))).toBe(false);
    expect(closedOnTime(null, new Date())).toBe(true);
  });
  it('truncates the share spent', () => {
    expect(spentShare(30000, 19999)).toBe(66.6);
    expect(spentShare(0, 100)).toBeNull();
  });
});
