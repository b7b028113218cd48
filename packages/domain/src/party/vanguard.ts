// 先锋指数 and 星级化: a member's vanguard index from their post, visits, wishes fulfilled and
// vanguard points, and the star level it earns. Pure; the formula is documented in docs/PARTY.md.

export interface VanguardInputs {
  /** Holds a post (设岗定责). */
  hasPost: boolean;
  /** Visits recorded in the period (the last 12 months). */
  visits: number;
  /** Linked households (一户十联) and how many of them were visited this month. */
  linkedHouseholds: number;
  visitedThisMonth: number;
  /** Micro-wishes fulfilled and confirmed in the period. */
  wishesFulfilled: number;
  /** Vanguard points (先锋模范积分) earned in the period, net of reversals. */
  vanguardPoints: number;
}

export interface VanguardPart {
  code: 'post' | 'visits' | 'coverage' | 'wishes' | 'points';
  label: string;
  score: number;
  max: number;
}

export interface VanguardIndex {
  /** 0–100, one decimal. */
  index: number;
  stars: 1 | 2 | 3 | 4 | 5;
  parts: VanguardPart[];
}

export const VANGUARD_WEIGHTS = {
  post: 10, // holding a post
  perVisit: 0.5, // per visit, up to 30
  visitsMax: 30,
  coverageMax: 20, // share of linked households visited this month × 20
  perWish: 5, // per wish fulfilled, up to 20
  wishesMax: 20,
  pointsDivisor: 5, // vanguard points ÷ 5, up to 20
  pointsMax: 20,
} as const;

/** Star thresholds: ≥ 80 five stars, ≥ 60 four, ≥ 40 three, ≥ 20 two, otherwise one. */
export const STAR_THRESHOLDS = [
  { stars: 5, min: 80 },
  { stars: 4, min: 60 },
  { stars: 3, min: 40 },
  { stars: 2, min: 20 },
  { stars: 1, min: 0 },
] as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function starsFor(index: number): 1 | 2 | 3 | 4 | 5 {
  for (const t of STAR_THRESHOLDS) if (index >= t.min) return t.stars;
  return 1;
}

export function vanguardIndex(i: VanguardInputs): VanguardIndex {
  const w = VANGUARD_WEIGHTS;
  const nonNeg = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);
  const coverage = i.linkedHouseholds > 0 ? Math.min(1, nonNeg(i.visitedThisMonth) / i.linkedHouseholds) : 0;
  const parts: VanguardPart[] = [
    { code: 'post', label: '设岗定责', score: i.hasPost ? w.post : 0, max: w.post },
    { code: 'visits', label: '入户走访', score: round1(Math.min(w.visitsMax, nonNeg(i.visits) * w.perVisit)), max: w.visitsMax },
    { code: 'coverage', label: '联系户月覆盖', score: round1(coverage * w.coverageMax), max: w.coverageMax },
    { code: 'wishes', label: '认领微心愿', score: Math.min(w.wishesMax, nonNeg(i.wishesFulfilled) * w.perWish), max: w.wishesMax },
    { code: 'points', label: '先锋模范积分', score: round1(Math.min(w.pointsMax, nonNeg(i.vanguardPoints) / w.pointsDivisor)), max: w.pointsMax },
  ];
  const index = round1(parts.reduce((s, p) => s + p.score, 0));
  return { index, stars: starsFor(index), parts };
}
