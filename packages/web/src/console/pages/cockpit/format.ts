// Number formats of the cockpit: percentages with one decimal, 万 for large counts (Chinese way).
import type { Locale } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';

export const pct = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');

/** 1234 → "1,234"; 123456 → "12.3万" (Chinese) or "123.5k" (English). */
export function big(n: number | null | undefined, locale: Locale = 'zh-CN'): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 100_000) return locale === 'en' ? `${(n / 1000).toFixed(1)}k` : `${(n / 10_000).toFixed(1)}万`;
  // lib/format.ts groups the digits without building an Intl.NumberFormat (one per figure cost the cockpit ~150 ms at load).
  return fmtNumber(n);
}

export const hours = (h: number | null | undefined) => (typeof h === 'number' && Number.isFinite(h) ? h.toFixed(1) : '—');

export type MeasureKind = 'count' | 'rate' | 'hours';

export interface Change {
  dir: 'up' | 'down' | 'flat' | 'none';
  /** Better for the public than last period (fewer reworks, shorter handling, more closures …). */
  good: boolean | null;
  text: string;
}

/**
 * The change against the previous period: percentage points for rates, a relative change for
 * counts and hours. `lowerIsBetter` for rework rate and handling time.
 */
export function changeOf(cur: number, prev: number, kind: MeasureKind, lowerIsBetter = false): Omit<Change, 'text'> & { value: string } {
  const diff = cur - prev;
  if (kind === 'rate') {
    const pp = Math.round(diff * 1000) / 10;
    if (pp === 0) return { dir: 'flat', good: null, value: '' };
    return { dir: pp > 0 ? 'up' : 'down', good: (pp > 0) !== lowerIsBetter, value: Math.abs(pp).toFixed(1) };
  }
  if (prev === 0) return cur === 0 ? { dir: 'flat', good: null, value: '' } : { dir: 'none', good: null, value: '' };
  const rel = Math.round((diff / prev) * 1000) / 10;
  if (rel === 0) return { dir: 'flat', good: null, value: '' };
  // More cases received is neither good nor bad; for closed cases more is better.
  return { dir: rel > 0 ? 'up' : 'down', good: kind === 'hours' ? rel < 0 : null, value: `${Math.abs(rel).toFixed(1)}%` };
}
