import { describe, expect, it } from 'vitest';
import { comparisonPeriod, participationShares, shareOf, STAFFING_BENCHMARK, staffPer10k, VITALITY_WEIGHTS, vitalityOf, type VitalityInput } from '../src/index.ts';

const base: VitalityInput = {
  closureRate: 0.8,
  dueToClose: 10,
  satisfactionRate: 0.9,
  rated: 10,
  residents: 10_000,
  wishesFulfilled: 2,
  awards: 100,
  partyRegistered: 300,
  partyAttendances: 300,
  partyAttendees: 250,
  days: 30,
};

describe('staffing', () => {
  it('counts staff per 10,000 residents against the benchmark of 18', () => {
    expect(STAFFING_BENCHMARK).toBe(18);
    expect(staffPer10k(13, 6074)).toBe(21.4);
    expect(staffPer10k(5, 10_000)).toBe(5);
    expect(staffPer10k(3, 0)).toBeNull();
  });
});

describe('regional vitality index', () => {
  it('weights sum to one', () => {
    expect(Object.values(VITALITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('combines closure, satisfaction and participation against their targets', () => {
    const v = vitalityOf(base);
    // wishes: 0.2 per 1,000 of a target of 2 → 0.1; awards: 1 per 100 of 2 → 0.5; party: 300 attendances by 300 members a month → 1.
    expect(v.terms).toEqual({ closure: 0.8, satisfaction: 0.9, wishes: 0.1, points: 0.5, party: 1 });
    expect(v.index).toBe(Math.round((0.3 * 0.8 + 0.3 * 0.9 + 0.15 * 0.1 + 0.15 * 0.5 + 0.1 * 1) * 1000) / 10);
  });

  it('scales participation targets with the length of the period and caps each term at 1', () => {
    expect(vitalityOf({ ...base, days: 60 }).terms.points).toBe(0.25);
    expect(vitalityOf({ ...base, wishesFulfilled: 500 }).terms.wishes).toBe(1);
  });

  it('leaves out terms without data and re-scales the others', () => {
    const noRegistry = vitalityOf({ ...base, residents: 0, partyRegistered: 0, partyAttendees: 0 });
    expect(noRegistry.terms.wishes).toBeNull();
    expect(noRegistry.index).toBe(Math.round(((0.3 * 0.8 + 0.3 * 0.9) / 0.6) * 1000) / 10);
    expect(vitalityOf({ ...base, residents: 0, partyRegistered: 0, partyAttendees: 0, dueToClose: 0, rated: 0 }).index).toBeNull();
  });

  it('党组织活跃度 comes from attendance at party activities per member, one a month being full marks', () => {
    expect(vitalityOf({ ...base, partyAttendances: 150 }).terms.party).toBe(0.5);
    expect(vitalityOf({ ...base, partyAttendances: 0 }).terms.party).toBe(0);
    expect(vitalityOf({ ...base, partyAttendances: 300, days: 60 }).terms.party).toBe(0.5);
    // Members who attended count even when not registered (双报到) with the area's organisations.
    expect(vitalityOf({ ...base, partyRegistered: 0, partyAttendees: 10, partyAttendances: 5 }).terms.party).toBe(0.5);
    expect(vitalityOf({ ...base, partyRegistered: 0, partyAttendees: 0, partyAttendances: 0 }).terms.party).toBeNull();
  });
});

describe('participationShares (参与共治)', () => {
  it('is null without a denominator, never 0 %', () => {
    expect(participationShares({ needs: 0, needsMet: 0, closed: 0, closedOnTime: 0 })).toEqual({ metShare: null, onTimeShare: null });
  });
  it('divides met needs by needs and on-time close-outs by close-outs', () => {
    expect(participationShares({ needs: 3, needsMet: 1, closed: 4, closedOnTime: 4 })).toEqual({ metShare: 0.3333, onTimeShare: 1 });
    expect(participationShares({ needs: 1, needsMet: 0, closed: 2, closedOnTime: 1 })).toEqual({ metShare: 0, onTimeShare: 0.5 });
  });
  it('shareOf rounds to four places', () => {
    expect(shareOf(2, 3)).toBe(0.6667);
    expect(shareOf(1, 0)).toBeNull();
  });
});

describe('comparisonPeriod (docs/COCKPIT.md "Key measures")', () => {
  it('compares a month with as many days ending the day before it starts', () => {
    expect(comparisonPeriod('2026-03-01', '2026-03-31')).toEqual({ days: 31, previous: { from: '2026-01-29', to: '2026-02-28' } });
  });
  it('counts both ends: one day against the day before, five days against the five before', () => {
    expect(comparisonPeriod('2026-12-05', '2026-12-05')).toEqual({ days: 1, previous: { from: '2026-12-04', to: '2026-12-04' } });
    expect(comparisonPeriod('2026-12-01', '2026-12-05')).toEqual({ days: 5, previous: { from: '2026-11-26', to: '2026-11-30' } });
  });
  it('crosses a year and a leap day', () => {
    expect(comparisonPeriod('2028-03-01', '2028-03-02')).toEqual({ days: 2, previous: { from: '2028-02-28', to: '2028-02-29' } });
    expect(comparisonPeriod('2027-01-01', '2027-12-31')).toEqual({ days: 365, previous: { from: '2026-01-01', to: '2026-12-31' } });
  });
});
