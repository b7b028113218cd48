import { describe, expect, it } from 'vitest';
import { formatShortCode, normaliseShortCode, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH, shortCodeFrom } from '../src/index.ts';

describe('short redemption codes', () => {
  it('are 8 characters without look-alike characters', () => {
    expect(SHORT_CODE_LENGTH).toBeLessThanOrEqual(8);
    for (const ch of '0O1IL2Z5SUV') expect(SHORT_CODE_ALPHABET).not.toContain(ch);
    const code = shortCodeFrom(new Uint8Array([0, 1, 2, 3, 24, 25, 26, 255]));
    expect(code).toHaveLength(8);
    expect([...code].every((c) => SHORT_CODE_ALPHABET.includes(c))).toBe(true);
    expect(() => shortCodeFrom(new Uint8Array(7))).toThrow();
  });

  it('accept what a cashier types: lower case, spaces and dashes', () => {
    expect(normaliseShortCode('k7mx-3pqa')).toBe('K7MX3PQA');
    expect(normaliseShortCode(' K7MX 3PQA ')).toBe('K7MX3PQA');
    expect(normaliseShortCode('K7MX3PQ')).toBeNull();
    expect(normaliseShortCode('K7MX3PQAA')).toBeNull();
    expect(normaliseShortCode('K7MX3PQ0')).toBeNull(); // 0 is not in the alphabet
    expect(normaliseShortCode('GZP1.abc.def.ghi')).toBeNull();
    expect(formatShortCode('K7MX3PQA')).toBe('K7MX-3PQA');
  });
});
