import dayjs from 'dayjs';

// Made at the first number shown, not when the module loads: a page's first Intl formatter loads its locale data, ~35 ms
// of main thread on the machine of docs/BENCHMARKS.md and four times that on the phone Lighthouse models, and the report
// page, which shows no number, loads this module for its times.
let nf: Intl.NumberFormat | undefined;

/** 12345 → "12,345"; null/undefined → "—". */
export function fmtNumber(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? (nf ??= new Intl.NumberFormat('zh-CN')).format(n) : '—';
}

// `n.toLocaleString('zh-CN', options)` builds a formatter at every call: one kept here instead.
let nf1: Intl.NumberFormat | undefined;

/** At most one decimal, grouped: 86.25 → "86.3", 1234.5 → "1,234.5", 80 → "80". */
export function fmtOneDecimal(n: number): string {
  return (nf1 ??= new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 })).format(n);
}

// The server sends Beijing time with its offset (2026-11-22T09:30:00+08:00); the wall time it names is
// what a town office means, whatever zone the browser happens to be set to.
const ISO_WALL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/;

/** ISO time with offset → "2026-11-22 09:30". */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = ISO_WALL.exec(iso);
  if (m) return `${m[1]} ${m[2]}`;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  if (m) return m[1] ?? iso;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : iso;
}
