import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtOneDecimal } from '../src/lib/format.ts';

describe('number formats', () => {
  it('groups thousands the Chinese way and shows a dash for no number', () => {
    expect(fmtNumber(1234567)).toBe('1,234,567');
    expect(fmtNumber(0)).toBe('0');
    expect(fmtNumber(null)).toBe('—');
    expect(fmtNumber(Number.NaN)).toBe('—');
  });
  it('keeps at most one decimal, as the party pages show indices and rates', () => {
    expect(fmtOneDecimal(86.25)).toBe('86.3');
    expect(fmtOneDecimal(80)).toBe('80');
    expect(fmtOneDecimal(1234.5)).toBe('1,234.5');
    expect(fmtOneDecimal(0.04)).toBe('0');
    // The same formatter answers every call (it is made once).
    expect(fmtOneDecimal(66.66)).toBe('66.7');
  });
});
