import { describe, expect, it } from 'vitest';
import {
  checkinDay,
  SERVICE_CIRCLE_STRAIGHT_METRES,
  talentListed,
  unitAttendance,
  walkingMinutes,
  withinWalk,
} from '../src/index.ts';

describe('walking time (straight line × 1.3 at 4.5 km/h)', () => {
  it('rounds up to whole minutes', () => {
    expect(walkingMinutes(0)).toBe(0);
    expect(walkingMinutes(1)).toBe(1);
    // 75 m a minute on the street = 57.69… m straight.
    expect(walkingMinutes(75 / 1.3)).toBe(1);
    expect(walkingMinutes(75 / 1.3 + 1)).toBe(2);
  });
  it('puts the edge of the 15-minute circle at about 865 m in a straight line', () => {
    expect(Math.round(SERVICE_CIRCLE_STRAIGHT_METRES)).toBe(865);
    expect(walkingMinutes(865)).toBe(15);
    expect(walkingMinutes(866)).toBe(16);
  });
  it('keeps what lies within 15 minutes, nearest first', () => {
    const home = { lat: 31.9, lng: 121.2 };
    // 0.001° of latitude ≈ 111 m.
    const pts = [
      { id: 'far', lat: 31.9 + 0.0079, lng: 121.2 }, // ≈ 878 m → 16 min
      { id: 'edge', lat: 31.9 + 0.0077, lng: 121.2 }, // ≈ 856 m → 15 min
      { id: 'near', lat: 31.9 + 0.001, lng: 121.2 },
    ];
    const got = withinWalk(home, pts);
    expect(got.map((p) => p.id)).toEqual(['near', 'edge']);
    expect(got[0]!.walkMinutes).toBe(2);
    expect(got[1]!.walkMinutes).toBe(15);
  });
});

describe('talent consent', () => {
  it('lists only with consent not withdrawn since', () => {
    expect(talentListed({ consentAt: null, consentWithdrawnAt: null })).toBe(false);
    expect(talentListed({ consentAt: '2026-01-01T00:00:00Z', consentWithdrawnAt: null })).toBe(true);
    expect(talentListed({ consentAt: '2026-01-01T00:00:00Z', consentWithdrawnAt: '2026-02-01T00:00:00Z' })).toBe(false);
    // Consent given again after a withdrawal.
    expect(talentListed({ consentAt: '2026-03-01T00:00:00Z', consentWithdrawnAt: '2026-02-01T00:00:00Z' })).toBe(true);
  });
});

describe('cadre check-ins and the street assessment', () => {
  it('counts a check-in for its China day', () => {
    expect(checkinDay(new Date('2026-12-02T15:59:59Z'))).toBe('2026-12-02');
    expect(checkinDay(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
  });
  it('gives the attendance rate and its 40 % share, capped at full attendance', () => {
    expect(unitAttendance({ cadres: 2, days: 6, tasksDone: 1, months: 1 })).toMatchObject({ expectedDays: 8, attendanceRate: 75, weightedScore: 30 });
    expect(unitAttendance({ cadres: 1, days: 9, tasksDone: 0, months: 1 })).toMatchObject({ attendanceRate: 100, weightedScore: 40 });
    expect(unitAttendance({ cadres: 0, days: 0, tasksDone: 0, months: 1 })).toMatchObject({ expectedDays: 0, attendanceRate: 0, weightedScore: 0 });
    expect(unitAttendance({ cadres: 3, days: 1, tasksDone: 0, months: 12 })).toMatchObject({ expectedDays: 144, attendanceRate: 0.7, weightedScore: 0.3 });
  });
});
