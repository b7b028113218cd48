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
    expect(fmtOneDecimal(66.66)).toBe('66.7');
    expect(fmtOneDecimal(99.95)).toBe('100');
    expect(fmtOneDecimal(999.96)).toBe('1,000');
  });
  it('writes every number as Intl.NumberFormat("zh-CN") does, without building one', () => {
    const intl = new Intl.NumberFormat('zh-CN');
    const intl1 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
    const samples = [0, 1, -1, 7, 999, 1000, -1000, 12345.678, 1.0005, 2.0005, 0.0005, -0.0004, 0.1 + 0.2, 999999.9996, 1e15, 123456789012.5, 5e-7, 1e21, -3.14159, 0.05, 0.95, 9.95];
    for (let k = 0; k < 2000; k++) samples.push((Math.random() - 0.3) * 10 ** Math.floor(Math.random() * 10), Math.round(Math.random() * 1e7) / 1000);
    for (const n of samples) {
      expect(fmtNumber(n), String(n)).toBe(intl.format(n).replace(/^-0$/, '0'));
      expect(fmtOneDecimal(n), String(n)).toBe(intl1.format(n).replace(/^-0$/, '0'));
    }
  });
});
