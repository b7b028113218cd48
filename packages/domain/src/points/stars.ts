// Star levels from thresholds (星级评定): one to five stars from the points a holder has earned.
// Points spent on redemptions do not lower a star; reversed awards do not count.
import type { PointScheme } from './schemes.ts';

export interface StarRule {
  /** Earned amount needed for 1★ … 5★, strictly increasing. */
  thresholds: readonly [number, number, number, number, number];
  /** Over which period earnings count: the calendar year (China time) or the whole record. */
  basis: 'year' | 'lifetime';
  note: string;
}

/**
 * Documented thresholds (docs/POINTS.md). Volunteer hours follow the national star rating of
 * volunteers (《志愿服务记录与证明出具办法》: 100/300/600/1000/1500 hours over the whole record);
 * the others count the points earned in the calendar year.
 */
export const STAR_RULES: Record<PointScheme, StarRule> = {
  vanguard: { thresholds: [50, 100, 200, 300, 500], basis: 'year', note: '年度累计获得的先锋模范积分' },
  neighbourhood: { thresholds: [30, 60, 120, 200, 300], basis: 'year', note: '年度累计获得的邻里守望积分' },
  family: { thresholds: [30, 60, 120, 200, 300], basis: 'year', note: '家庭年度累计获得的道德积分（星级文明户）' },
  volunteer: { thresholds: [100, 300, 600, 1000, 1500], basis: 'lifetime', note: '累计志愿服务时长（小时），按全国志愿者星级认定标准' },
  service: { thresholds: [50, 100, 200, 300, 500], basis: 'year', note: '“三长”年度累计服务积分' },
  cadre: { thresholds: [40, 80, 120, 160, 200], basis: 'year', note: '下沉干部年度累计积分' },
};

/** 0 (no star yet) to 5. */
export function starLevel(scheme: PointScheme, earned: number, rules: Record<PointScheme, StarRule> = STAR_RULES): number {
  const t = rules[scheme].thresholds;
  let stars = 0;
  for (const threshold of t) if (earned >= threshold) stars++;
  return stars;
}

/** Points still needed for the next star, or null at five stars. */
export function toNextStar(scheme: PointScheme, earned: number, rules: Record<PointScheme, StarRule> = STAR_RULES): number | null {
  const next = rules[scheme].thresholds.find((t) => earned < t);
  return next === undefined ? null : next - earned;
}

export const starLabel = (stars: number) => (stars > 0 ? '★'.repeat(stars) + '☆'.repeat(5 - stars) : '—');
