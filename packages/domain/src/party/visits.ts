// Visits (入户走访) with the four duties, monthly coverage (月全覆盖) and patrols (一日两巡). Pure.

export const VISIT_DUTIES = ['policy', 'hardship', 'dispute', 'civility'] as const;
export type VisitDuty = (typeof VISIT_DUTIES)[number];
export const VISIT_DUTY_LABELS: Record<VisitDuty, string> = {
  policy: '政策宣讲',
  hardship: '困难帮扶',
  dispute: '矛盾调解',
  civility: '文明倡导',
};

/** A month as `YYYY-MM` in China Standard Time. */
export function monthOf(at: Date): string {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return cst.toISOString().slice(0, 7);
}

/** A day as `YYYY-MM-DD` in China Standard Time. */
export function dayOf(at: Date): string {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return cst.toISOString().slice(0, 10);
}

/** The instants a CST month `YYYY-MM` starts and ends (exclusive). */
export function cstMonthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600_000);
  const to = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3600_000);
  return { from, to };
}

export interface CoverageLink {
  householdId: string;
  memberId: string;
  /** The grid (15 digits) and community (12) the household belongs to. */
  grid: string;
}

export interface CoverageRow {
  key: string;
  households: number;
  visited: number;
  /** visited / households, 0–1 (1 when there is nothing to visit). */
  rate: number;
  complete: boolean;
}

export interface Coverage {
  total: CoverageRow;
  byMember: CoverageRow[];
  byGrid: CoverageRow[];
  byCommunity: CoverageRow[];
  /** Members who have not visited every linked household this month, least covered first. */
  behind: CoverageRow[];
}

const row = (key: string, households: number, visited: number): CoverageRow => ({
  key,
  households,
  visited,
  rate: households === 0 ? 1 : visited / households,
  complete: visited >= households,
});

/**
 * 月全覆盖: a linked household is covered this month when any visit to it was recorded this month
 * (by its member, another member or a grid worker). Counted per member, grid and community.
 */
export function coverage(links: readonly CoverageLink[], visitedHouseholds: ReadonlySet<string>): Coverage {
  const tally = (keyOf: (l: CoverageLink) => string) => {
    const m = new Map<string, { h: number; v: number }>();
    for (const l of links) {
      const k = keyOf(l);
      const t = m.get(k) ?? { h: 0, v: 0 };
      t.h++;
      if (visitedHouseholds.has(l.householdId)) t.v++;
      m.set(k, t);
    }
    return [...m.entries()].map(([k, t]) => row(k, t.h, t.v)).sort((a, b) => (a.key < b.key ? -1 : 1));
  };
  const byMember = tally((l) => l.memberId);
  const visited = links.filter((l) => visitedHouseholds.has(l.householdId)).length;
  return {
    total: row('total', links.length, visited),
    byMember,
    byGrid: tally((l) => l.grid.slice(0, 15)),
    byCommunity: tally((l) => l.grid.slice(0, 12)),
    behind: byMember.filter((r) => !r.complete).sort((a, b) => a.rate - b.rate || (a.key < b.key ? -1 : 1)),
  };
}

// ---- patrols (一日两巡) ----------------------------------------------------------------------

/** Two patrols a day: one before noon, one after (CST). */
export const PATROLS_PER_DAY = 2;

export type PatrolSlot = 'am' | 'pm';
export const slotOf = (at: Date): PatrolSlot => ((at.getUTCHours() + 8) % 24 < 12 ? 'am' : 'pm');

export interface PatrolDay {
  day: string;
  am: number;
  pm: number;
  /** Both the morning and the afternoon patrol done. */
  done: boolean;
}

/** Today's (or any day's) two-patrol status from the check-in times of one worker. */
export function patrolDay(day: string, checkIns: readonly Date[]): PatrolDay {
  const mine = checkIns.filter((d) => dayOf(d) === day);
  const am = mine.filter((d) => slotOf(d) === 'am').length;
  const pm = mine.length - am;
  return { day, am, pm, done: am > 0 && pm > 0 };
}

/** Buildings of a grid patrolled in a month (a check-in placed in the building) against all of them. */
export function buildingCoverage(buildings: readonly string[], patrolledBuildings: ReadonlySet<string>) {
  const covered = buildings.filter((b) => patrolledBuildings.has(b));
  return { buildings: buildings.length, covered: covered.length, rate: buildings.length ? covered.length / buildings.length : 1, missing: buildings.filter((b) => !patrolledBuildings.has(b)) };
}
