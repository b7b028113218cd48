import { describe, expect, it } from 'vitest';
import {
  buildingCoverage,
  coverage,
  dayOf,
  LINK_TARGET,
  monthOf,
  cstMonthRange,
  patrolDay,
  proposeLinks,
  starsFor,
  unlinkedHouseholds,
  vanguardIndex,
} from '../src/index.ts';

const grid = '320614103001001';
const hh = (n: number, building = (i: number) => String(1 + Math.floor(i / 12)).padStart(3, '0')) =>
  Array.from({ length: n }, (_, i) => ({ id: `h${String(i).padStart(3, '0')}`, areaCode: `${grid}${building(i)}${String(1 + (i % 3)).padStart(3, '0')}`, sortKey: String(i).padStart(4, '0') }));

describe('proposeLinks (一户十联, 30比1)', () => {
  it('links every household of a grid with members, balanced within one', () => {
    const households = hh(95);
    const members = [
      { id: 'm3', areaCode: `${grid}008001` },
      { id: 'm1', areaCode: `${grid}001001` },
      { id: 'm2', areaCode: `${grid}004002` },
    ];
    const p = proposeLinks(households, members);
    expect(p.assignments.size).toBe(95);
    expect(unlinkedHouseholds(households, p.assignments)).toEqual([]);
    const loads = [...p.loads.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(95);
    expect(p.needed).toBe(Math.ceil(95 / LINK_TARGET));
    expect(p.shortBy).toBe(1);
  });

  it('gives each member the households nearest their home in grid/building order', () => {
    const households = hh(60);
    const p = proposeLinks(households, [
      { id: 'far', areaCode: `${grid}005001` },
      { id: 'near', areaCode: `${grid}001001` },
    ]);
    // the member living in building 001 gets the first buildings, the other the last ones
    expect(p.assignments.get('h000')).toBe('near');
    expect(p.assignments.get('h059')).toBe('far');
    expect(p.loads.get('near')).toBe(30);
    expect(p.loads.get('far')).toBe(30);
    expect(p.shortBy).toBe(0);
  });

  it('assigns nothing without members, and is independent of input order', () => {
    expect(proposeLinks(hh(10), []).assignments.size).toBe(0);
    const households = hh(31);
    const members = [
      { id: 'a', areaCode: `${grid}001001` },
      { id: 'b', areaCode: `${grid}002001` },
    ];
    const p1 = proposeLinks(households, members);
    const p2 = proposeLinks([...households].reverse(), [...members].reverse());
    expect([...p1.assignments.entries()].sort()).toEqual([...p2.assignments.entries()].sort());
  });
});

describe('vanguard index (先锋指数) and stars (星级化)', () => {
  it('adds the parts to at most 100 and caps each part', () => {
    const full = vanguardIndex({ hasPost: true, visits: 500, linkedHouseholds: 30, visitedThisMonth: 30, wishesFulfilled: 50, vanguardPoints: 10_000 });
    expect(full.index).toBe(100);
    expect(full.stars).toBe(5);
    expect(full.parts.map((p) => p.score)).toEqual([10, 30, 20, 20, 20]);
  });

  it('scores a typical member and zero for nothing', () => {
    const v = vanguardIndex({ hasPost: true, visits: 24, linkedHouseholds: 30, visitedThisMonth: 15, wishesFulfilled: 1, vanguardPoints: 40 });
    // 10 + 12 + 10 + 5 + 8
    expect(v.index).toBe(45);
    expect(v.stars).toBe(3);
    const none = vanguardIndex({ hasPost: false, visits: 0, linkedHouseholds: 0, visitedThisMonth: 0, wishesFulfilled: 0, vanguardPoints: -5 });
    expect(none.index).toBe(0);
    expect(none.stars).toBe(1);
  });

  it('uses the documented thresholds', () => {
    expect([0, 19.9, 20, 39.9, 40, 59.9, 60, 79.9, 80, 100].map(starsFor)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('coverage (月全覆盖)', () => {
  const links = [
    { householdId: 'a', memberId: 'm1', grid: '320614103001001' },
    { householdId: 'b', memberId: 'm1', grid: '320614103001001' },
    { householdId: 'c', memberId: 'm2', grid: '320614103001002' },
    { householdId: 'd', memberId: 'm2', grid: '320614103001002' },
  ];
  it('counts per member, grid and community, and lists who is behind', () => {
    const c = coverage(links, new Set(['a', 'b', 'c']));
    expect(c.total).toMatchObject({ households: 4, visited: 3, rate: 0.75, complete: false });
    expect(c.byMember.find((r) => r.key === 'm1')).toMatchObject({ visited: 2, complete: true });
    expect(c.byGrid.map((r) => [r.key, r.visited])).toEqual([
      ['320614103001001', 2],
      ['320614103001002', 1],
    ]);
    expect(c.byCommunity).toEqual([expect.objectContaining({ key: '320614103001', households: 4, visited: 3 })]);
    expect(c.behind.map((r) => r.key)).toEqual(['m2']);
  });
  it('ignores visits to households that are not linked', () => {
    expect(coverage(links, new Set(['x'])).total.visited).toBe(0);
  });
});

describe('months, days and patrols (一日两巡)', () => {
  it('uses China Standard Time', () => {
    expect(monthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(dayOf(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
    const r = cstMonthRange('2026-12');
    expect(r.from.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('needs a morning and an afternoon patrol', () => {
    const morning = new Date('2026-12-01T01:00:00Z'); // 09:00 CST
    const afternoon = new Date('2026-12-01T07:00:00Z'); // 15:00 CST
    expect(patrolDay('2026-12-01', [morning])).toMatchObject({ am: 1, pm: 0, done: false });
    expect(patrolDay('2026-12-01', [morning, morning])).toMatchObject({ am: 2, done: false });
    expect(patrolDay('2026-12-01', [morning, afternoon])).toMatchObject({ am: 1, pm: 1, done: true });
    expect(patrolDay('2026-12-02', [morning, afternoon]).done).toBe(false);
  });
  it('counts the buildings patrolled in a month', () => {
    expect(buildingCoverage(['b1', 'b2', 'b3', 'b4'], new Set(['b2', 'b4', 'x']))).toEqual({ buildings: 4, covered: 2, rate: 0.5, missing: ['b1', 'b3'] });
  });
});
