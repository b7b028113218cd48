// Monthly leaderboards (主题党日通报表扬): holders ranked by the points earned in the month,
// with their star level from the year's (or the whole record's) earnings.
import type { PointScheme } from './schemes.ts';
import { STAR_RULES, starLevel, type StarRule } from './stars.ts';

export interface EarningRow {
  key: string;
  name: string;
  areaCode: string;
  /** Earned in the month, the year and ever (awards minus their reversals). */
  month: number;
  year: number;
  lifetime: number;
}

export interface RankedRow extends EarningRow {
  rank: number;
  stars: number;
}

/**
 * Standard competition ranking (1, 2, 2, 4): equal points share a rank; ties are listed by
 * name so the order is stable. Rows that earned nothing in the month are left out.
 */
export function rankLeaderboard(scheme: PointScheme, rows: readonly EarningRow[], limit = 50, rules: Record<PointScheme, StarRule> = STAR_RULES): RankedRow[] {
  const basis = rules[scheme].basis;
  const sorted = rows
    .filter((r) => r.month > 0)
    .sort((a, b) => b.month - a.month || a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key));
  const out: RankedRow[] = [];
  let rank = 0;
  sorted.forEach((r, i) => {
    if (i === 0 || sorted[i - 1]!.month !== r.month) rank = i + 1;
    out.push({ ...r, rank, stars: starLevel(scheme, basis === 'year' ? r.year : r.lifetime, rules) });
  });
  return out.slice(0, limit);
}
