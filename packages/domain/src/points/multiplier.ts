// The multiplier rule of vanguard points (先锋模范积分“乘数计分法”, Haimen `000`): a deed's base
// points are multiplied by factors that weigh who did it and how hard it was — a backbone
// member (骨干党员) ×1.5, an urgent, difficult, dangerous or heavy task (急难险重) ×2, and so on.
// Factors are configured per installation; this module only does the arithmetic.
import { invalid } from '../errors.ts';

export interface MultiplierFactor {
  code: string;
  name: string;
  /** The factor in per cent: 150 means ×1.5. */
  percent: number;
}

/** The default factors; an installation edits them in the console (points_factors). */
export const DEFAULT_FACTORS: readonly MultiplierFactor[] = [
  { code: 'backbone', name: '骨干党员（一户十联联系户）', percent: 150 },
  { code: 'hard-task', name: '急难险重任务', percent: 200 },
  { code: 'lead', name: '牵头组织', percent: 120 },
];

/** No award is multiplied by more than this, however many factors apply (per cent). */
export const MAX_MULTIPLIER_PERCENT = 300;
/** A single factor lies between ×1 and ×5. */
export const FACTOR_PERCENT_RANGE = { min: 100, max: 500 } as const;

export interface MultiplierResult {
  base: number;
  /** The product of the factors, capped, in per cent (rounded to a whole per cent). */
  multiplierPercent: number;
  points: number;
  capped: boolean;
}

/**
 * points = round_half_up(base × min(Π factor_i, 3)). Each factor counts once; an unknown or
 * repeated code is refused. Computed in integers, so ×1.5 of 5 is exactly 8 (7.5 rounded up).
 */
export function applyMultiplier(base: number, codes: readonly string[], factors: readonly MultiplierFactor[] = DEFAULT_FACTORS): MultiplierResult {
  if (!Number.isSafeInteger(base) || base <= 0) throw invalid('invalid_points', '基础分值应为正整数', { field: 'points' });
  const seen = new Set<string>();
  let num = BigInt(base);
  let den = 1n;
  let product = 1;
  for (const code of codes) {
    if (seen.has(code)) throw invalid('invalid_factor', `系数 ${code} 重复`, { field: 'factors' });
    seen.add(code);
    const f = factors.find((x) => x.code === code);
    if (!f) throw invalid('invalid_factor', `未知的计分系数：${code.slice(0, 40)}`, { field: 'factors' });
    if (!Number.isInteger(f.percent) || f.percent < FACTOR_PERCENT_RANGE.min || f.percent > FACTOR_PERCENT_RANGE.max) {
      throw invalid('invalid_factor', `系数 ${f.name} 超出允许范围（×1~×5）`, { field: 'factors' });
    }
    num *= BigInt(f.percent);
    den *= 100n;
    product *= f.percent / 100;
  }
  let capped = false;
  if (num * 100n > BigInt(MAX_MULTIPLIER_PERCENT) * BigInt(base) * den) {
    capped = true;
    num = BigInt(base) * BigInt(MAX_MULTIPLIER_PERCENT);
    den = 100n;
  }
  // Round half up: floor((2·num + den) / (2·den)).
  const points = Number((2n * num + den) / (2n * den));
  return {
    base,
    multiplierPercent: capped ? MAX_MULTIPLIER_PERCENT : Math.round(product * 100),
    points,
    capped,
  };
}
