import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from '../src/lib/pii-cipher.ts';
import { passwordPolicyProblem } from '@gongzhi/domain';
import { toIsoCst, ageOn } from '../src/lib/time.ts';

describe('PiiCipher (SM4 + HMAC-SM3)', () => {
  const cipher = new PiiCipher(crypto.randomBytes(32));

  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('320614199001011234');
    const b = cipher.encrypt('320614199001011234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(cipher.decrypt(a)).toBe('320614199001011234');
    expect(cipher.decrypt(b)).toBe('320614199001011234');
  });

  it('detects tampering', () => {
    const token = cipher.encrypt('13812345678');
    const raw = Buffer.from(token.slice(3), 'base64url');
    raw[20] = raw[20]! ^ 1;
    expect(() => cipher.decrypt('v1.' + raw.toString('base64url'))).toThrow(/integrity/);
  });

  it('cannot be read with another key', () => {
    const other = new PiiCipher(crypto.randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('13812345678'))).toThrow();
  });

  it('hashes for look-up deterministically per key, case-insensitively', () => {
    expect(cipher.lookupHash('32061419900101123x')).toBe(cipher.lookupHash('32061419900101123X'));
    expect(cipher.lookupHash('13812345678')).not.toBe(new PiiCipher(crypto.randomBytes(32)).lookupHash('13812345678'));
  });
});

describe('password policy', () => {
  it.each([
    ['short', '密码至少需要 8 个字符'],
    ['alllowercase', '三类'],
    ['Gongzhi2026', '过于常见'],
    ['Gongzhi@2026', '过于常见'],
    ['Haimen#Lake7', null],
    ['12345678ab', '三类'],
  ])('%s', (pw, problem) => {
    const result = passwordPolicyProblem(pw);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });
});

describe('time', () => {
  it('formats instants with the +08:00 offset', () => {
    expect(toIsoCst(new Date('2026-11-22T01:30:00Z'))).toBe('2026-11-22T09:30:00+08:00');
    expect(toIsoCst(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T01:00:00+08:00');
  });
  it('computes ages in China time', () => {
    expect(ageOn('1990-11-22', new Date('2026-11-21T16:00:00Z'))).toBe(36);
    expect(ageOn('1990-11-23', new Date('2026-11-22T01:00:00Z'))).toBe(35);
  });
});
