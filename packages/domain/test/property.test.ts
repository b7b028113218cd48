import { describe, expect, it } from 'vitest';
import {
  billBalance,
  billOverdue,
  collectionRate,
  inspectionScore,
  jointMeetingOverdue,
  listOfGrade,
  offsetFen,
  propertyMonthScore,
  propertyYearScore,
  proposeGrade,
  type PropertyMonthFacts,
} from '../src/index.ts';

const none: PropertyMonthFacts = {
  households: 0,
  cases: 0,
  handled: 0,
  handledOnTime: 0,
  reworked: 0,
  ratings: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
  inspections: [],
  committeeScores: [],
  commendations: 0,
  penalties: 0,
};

describe('monthly credit score', () => {
  it('weights every component and matches a hand computation', () => {
    // 200 households, 4 cases → 2 per 100 → volume 1 − 2/5 = 0.6; 4 handled, 3 on time 0.75; 1 reworked 0.75;
    // ratings 2 satisfied 1 basically 1 unsatisfied → (2 + 0.6)/4 = 0.65; inspections 100 and 50 → 0.75; committee 80 → 0.8.
    // 0.6·20 + 0.75·20 + 0.75·10 + 0.65·15 + 0.75·20 + 0.8·15 = 12 + 15 + 7.5 + 9.75 + 15 + 12 = 71.25 (weights sum 100).
    const s = propertyMonthScore({
      ...none,
      households: 200,
      cases: 4,
      handled: 4,
      handledOnTime: 3,
      reworked: 1,
      ratings: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 1 },
      inspections: [100, 50],
      committeeScores: [80],
    });
    expect(s.base).toBe(71.25);
    expect(s.score).toBe(71.25);
    expect(s.lines.find((l) => l.component === 'volume')).toMatchObject({ ratio: 0.6, points: 12 });
  });

  it('leaves out components without evidence and renormalises the weights', () => {
    // Only volume (0 cases → 1) and inspection (0.5): (1·20 + 0.5·20)/40 · 100 = 75.
    const s = propertyMonthScore({ ...none, households: 100, inspections: [50] });
    expect(s.score).toBe(75);
    expect(s.lines.find((l) => l.component === 'onTime')).toMatchObject({ ratio: null, points: 0 });
  });

  it('volume reaches zero at the ceiling and never goes below', () => {
    expect(propertyMonthScore({ ...none, households: 100, cases: 5 }).score).toBe(0);
    expect(propertyMonthScore({ ...none, households: 100, cases: 9 }).score).toBe(0);
    expect(propertyMonthScore({ ...none, households: 100, cases: 4 }).score).toBe(20);
  });

  it('adds commendations, takes off penalties, and stays within 0–100', () => {
    expect(propertyMonthScore({ ...none, households: 100, inspections: [50], penalties: 10 }).score).toBe(65);
    expect(propertyMonthScore({ ...none, households: 100, commendations: 5 }).score).toBe(100);
    expect(propertyMonthScore({ ...none, households: 100, cases: 10, penalties: 5 }).score).toBe(0);
    expect(propertyMonthScore(none).score).toBeNull();
  });
});

describe('yearly grade', () => {
  it('proposes grades at the thresholds', () => {
    expect(proposeGrade(90)).toBe('3A');
    expect(proposeGrade(89.99)).toBe('2A');
    expect(proposeGrade(80)).toBe('2A');
    expect(proposeGrade(70)).toBe('A');
    expect(proposeGrade(60)).toBe('B');
    expect(proposeGrade(50)).toBe('C');
    expect(proposeGrade(49.99)).toBe('D');
    expect(proposeGrade(0)).toBe('D');
  });
  it('averages the months that have a score', () => {
    expect(propertyYearScore([90, null, 80])).toBe(85);
    expect(propertyYearScore([null])).toBeNull();
  });
  it('puts 3A on the red list and D on the black list', () => {
    expect(listOfGrade('3A')).toBe('red');
    expect(listOfGrade('D')).toBe('black');
    expect(listOfGrade('B')).toBeNull();
    expect(listOfGrade(null)).toBeNull();
  });
});

describe('inspection checklist', () => {
  it('scores the share of items passed and needs every item answered', () => {
    const all = { cleaning: true, greenery: true, facilities: true, order: true, 'fire-safety': true, disclosure: true };
    expect(inspectionScore(all)).toBe(100);
    expect(inspectionScore({ ...all, cleaning: false, order: false, disclosure: false })).toBe(50);
    expect(inspectionScore({ ...all, greenery: false })).toBe(83.33);
    expect(inspectionScore({ cleaning: true })).toBeNull();
  });
});

describe('fee offset and collection', () => {
  it('converts points to fen and keeps the balance non-negative', () => {
    expect(offsetFen(100)).toBe(1000);
    expect(billBalance({ amountFen: 30000, offsetFen: 1000, paidFen: 0 })).toBe(29000);
    expect(billBalance({ amountFen: 1000, offsetFen: 1000, paidFen: 500 })).toBe(0);
  });
  it('a bill is past due once its month is over with a balance left', () => {
    const bill = { period: '2026-10', amountFen: 1000, offsetFen: 0, paidFen: 400 };
    expect(billOverdue(bill, '2026-11')).toBe(true);
    expect(billOverdue(bill, '2026-10')).toBe(false);
    expect(billOverdue({ ...bill, paidFen: 1000 }, '2026-11')).toBe(false);
    expect(billOverdue({ ...bill, period: '2025-12' }, '2026-01')).toBe(true);
  });
  it('counts settled bills', () => {
    expect(collectionRate([])).toBeNull();
    expect(collectionRate([{ amountFen: 100, offsetFen: 0, paidFen: 100 }, { amountFen: 100, offsetFen: 50, paidFen: 0 }])).toBe(0.5);
  });
});

describe('four-party joint meeting cadence', () => {
  const at = (s: string) => new Date(`${s}T12:00:00+08:00`);
  it('is on cadence within the quarter and the next, overdue after', () => {
    expect(jointMeetingOverdue(null, at('2026-12-03'))).toBe(true);
    expect(jointMeetingOverdue(at('2026-10-01'), at('2026-12-03'))).toBe(false);
    expect(jointMeetingOverdue(at('2026-07-15'), at('2026-12-03'))).toBe(false);
    expect(jointMeetingOverdue(at('2026-06-30'), at('2026-12-03'))).toBe(true);
  });
});
