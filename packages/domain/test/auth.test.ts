import { describe, expect, it } from 'vitest';
import { arithmeticChallenge, chineseNumber, parseChallengeAnswer, passwordChangeReason, passwordPolicyProblem, PASSWORD_MIN_LENGTH } from '../src/index.ts';

describe('password policy', () => {
  it('keeps length and character classes at their thresholds', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(passwordPolicyProblem('Kx7#mQ2')).toMatch(/至少需要 8/);
    expect(passwordPolicyProblem('Kx7#mQ2v')).toBeNull();
    expect(passwordPolicyProblem('kx7#mq2v')).toBeNull(); // three classes
    expect(passwordPolicyProblem('kx7mq2vb')).toMatch(/至少三类/);
    expect(passwordPolicyProblem('K'.repeat(64) + 'x7#'.repeat(22))).toMatch(/不能超过 128/);
  });

  it('refuses common passwords dressed up with digits and symbols, and the demo password', () => {
    for (const pw of ['Password1', 'Password1!', 'P@ssw0rd2026', 'Admin@123', 'Qwerty123!', 'Woaini1314!', 'Gongzhi@2026', 'Gongzhi#2027', 'Abc@12345', 'Test1234!', 'Iloveyou520!']) {
      expect(passwordPolicyProblem(pw), pw).toMatch(/过于常见/);
    }
    for (const pw of ['Test@2026pw', 'Better#2027x', 'Wish@2026pass', 'Huang#Lake88']) expect(passwordPolicyProblem(pw), pw).toBeNull();
  });

  it('refuses a password containing the username or a Latin display name, and long runs of one character', () => {
    expect(passwordPolicyProblem('Zhangwei@2027', { username: 'zhangwei' })).toMatch(/用户名/);
    expect(passwordPolicyProblem('X-grid-7788a', { username: 'grid' })).toMatch(/用户名/);
    expect(passwordPolicyProblem('Huang#Lake88', { username: 'community' })).toBeNull();
    expect(passwordPolicyProblem('Ab1!', { username: 'ab' })).toMatch(/至少/);
    expect(passwordPolicyProblem('Kx7#mmmm2v')).toMatch(/连续相同/);
    expect(passwordPolicyProblem('Kx7#mmm2v')).toBeNull();
  });

  it('demands a change after a reset and once the password is as old as the limit', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    expect(passwordChangeReason({ mustChangePassword: true, passwordChangedAt: now }, now, 90)).toBe('reset');
    expect(passwordChangeReason({ mustChangePassword: false, passwordChangedAt: days(89.99) }, now, 90)).toBeNull();
    expect(passwordChangeReason({ mustChangePassword: false, passwordChangedAt: days(90) }, now, 90)).toBe('expired');
    expect(passwordChangeReason({ mustChangePassword: false, passwordChangedAt: days(900) }, now, 0)).toBeNull();
  });
});

describe('login challenge', () => {
  it('speaks numbers as Chinese numerals', () => {
    expect([0, 7, 10, 15, 20, 23, 99].map(chineseNumber)).toEqual(['零', '七', '十', '十五', '二十', '二十三', '九十九']);
  });

  it('asks small sums and differences that are never negative, in picture and in words', () => {
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 500; i++) {
      const c = arithmeticChallenge(rand);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.answer).toBeLessThanOrEqual(18);
      expect(c.answer).toBe(c.op === '+' ? c.a + c.b : c.a - c.b);
      expect(c.shown).toBe(`${c.a} ${c.op} ${c.b} = ?`);
      expect(c.spoken).toMatch(/^[零一二三四五六七八九十]+[加减][零一二三四五六七八九十]+等于几？$/);
    }
    expect(arithmeticChallenge(() => 0.99).spoken).toBe('九减九等于几？');
  });

  it('reads answers typed as digits, full-width digits or Chinese numerals', () => {
    expect(parseChallengeAnswer(' 12 ')).toBe(12);
    expect(parseChallengeAnswer('１２')).toBe(12);
    expect(parseChallengeAnswer('十二')).toBe(12);
    expect(parseChallengeAnswer('一十二')).toBe(12);
    expect(parseChallengeAnswer('两')).toBe(2);
    expect(parseChallengeAnswer('零')).toBe(0);
    expect(parseChallengeAnswer('twelve')).toBeNull();
    expect(parseChallengeAnswer('')).toBeNull();
  });
});
