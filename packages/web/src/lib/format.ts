import dayjs from 'dayjs';

// Numbers are grouped by hand, not by Intl.NumberFormat: a page's first Intl formatter loads its locale data, ~30 ms of
// main thread on the machine of docs/BENCHMARKS.md and four times that on the phone Lighthouse models (回音壁 showed
// its one count at that price). zh-CN and English group the same way (1,234,567.5), so one function serves both. The
// rounding is Intl's: half away from zero on the number's shortest decimal form (1.0005 → 1.001 at three places).

/** Rounds the decimal digits `int`.`frac` to at most `places` fraction digits, trailing zeros dropped. */
function roundDecimal(int: string, frac: string, places: number): [string, string] {
  if (frac.length <= places) return [int, frac.replace(/0+$/, '')];
  const digits = (int + frac.slice(0, places)).split('').map(Number);
  if (Number(frac[places]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i < 0) digits.unshift(1);
    else digits[i]! += 1;
  }
  const all = digits.join('');
  const cut = all.length - places;
  return [all.slice(0, cut), all.slice(cut).replace(/0+$/, '')];
}

/** A finite number, grouped in threes with at most `places` decimals, as Intl.NumberFormat('zh-CN') writes it. */
function grouped(n: number, places: number): string {
  const plain = String(Math.abs(n));
  // Beyond 1e21 or below 1e-6 String() writes an exponent: Intl, once, for such a number.
  if (plain.includes('e')) return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: places }).format(n);
  const [i = '0', f = ''] = plain.split('.');
  const [int, frac] = roundDecimal(i, f, places);
  const body = int.replace(/\B(?=(\d{3})+$)/g, ',') + (frac ? `.${frac}` : '');
  return n < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

/** 12345 → "12,345"; at most three decimals, as Intl's default; null/undefined → "—". */
export function fmtNumber(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? grouped(n, 3) : '—';
}

/** At most one decimal, grouped: 86.25 → "86.3", 1234.5 → "1,234.5", 80 → "80". */
export function fmtOneDecimal(n: number): string {
  return Number.isFinite(n) ? grouped(n, 1) : '—';
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
