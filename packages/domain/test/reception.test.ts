import { describe, expect, it } from 'vitest';
import { checkReceptionDay, isCalendarDay, receptionPhase, timeOfDay, uncoveredAttachments } from '../src/cases/reception.ts';

const ok = { areaCode: '320614103001', day: '2026-12-15', startTime: '09:00', endTime: '11:30', leaderAttachments: null };

describe('reception days (接待日, 000)', () => {
  it('reads times and days strictly', () => {
    expect(timeOfDay('09:05')).toBe(545);
    expect(timeOfDay('24:00')).toBeNull();
    expect(timeOfDay('9:00')).toBeNull();
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  it('accepts a day in a community with a span inside one day', () => {
    expect(checkReceptionDay(ok)).toBeNull();
  });

  it('refuses a town or a grid, a bad day and an empty or reversed span', () => {
    expect(checkReceptionDay({ ...ok, areaCode: '320614103' })?.code).toBe('invalid_area_level');
    expect(checkReceptionDay({ ...ok, areaCode: '320614103001001' })?.code).toBe('invalid_area_level');
    expect(checkReceptionDay({ ...ok, day: '2026-13-01' })?.code).toBe('invalid_date');
    expect(checkReceptionDay({ ...ok, startTime: '25:00' })).toMatchObject({ code: 'invalid_time', field: 'startTime' });
    expect(checkReceptionDay({ ...ok, endTime: '09:00' })).toMatchObject({ code: 'invalid_time', field: 'endTime' });
  });

  it('holds a leader with an account to the communities they are attached to (a town covers its communities)', () => {
    expect(checkReceptionDay({ ...ok, leaderAttachments: [] })?.code).toBe('leader_not_attached');
    expect(checkReceptionDay({ ...ok, leaderAttachments: ['320614103002'] })?.code).toBe('leader_not_attached');
    expect(checkReceptionDay({ ...ok, leaderAttachments: ['320614103001'] })).toBeNull();
    expect(checkReceptionDay({ ...ok, leaderAttachments: ['320614103'] })).toBeNull();
  });

  it('tells upcoming, ongoing and past in China time', () => {
    const d = { day: '2026-12-15', startTime: '09:00', endTime: '11:30' };
    expect(receptionPhase(d, new Date('2026-12-14T23:00:00+08:00'))).toBe('upcoming');
    expect(receptionPhase(d, new Date('2026-12-15T08:59:00+08:00'))).toBe('upcoming');
    expect(receptionPhase(d, new Date('2026-12-15T09:00:00+08:00'))).toBe('ongoing');
    expect(receptionPhase(d, new Date('2026-12-15T11:30:00+08:00'))).toBe('past');
    // 2026-12-15 00:30 in China is still the 14th in UTC
    expect(receptionPhase(d, new Date('2026-12-14T16:30:00Z'))).toBe('upcoming');
    expect(receptionPhase(d, new Date('2026-12-16T00:10:00+08:00'))).toBe('past');
  });

  it('finds attached communities without a reception day in the month', () => {
    const att = [
      { userId: 'a', areaCode: '320614103001' },
      { userId: 'a', areaCode: '320614104' },
      { userId: 'b', areaCode: '320614103001' },
    ];
    const days = [
      { leaderUserId: 'a', areaCode: '320614103001', day: '2026-12-15' },
      { leaderUserId: 'a', areaCode: '320614104002', day: '2026-11-20' },
      { leaderUserId: null, areaCode: '320614103001', day: '2026-12-16' },
    ];
    expect(uncoveredAttachments(att, days, '2026-12')).toEqual([
      { userId: 'a', areaCode: '320614104' },
      { userId: 'b', areaCode: '320614103001' },
    ]);
    expect(uncoveredAttachments(att, days, '2026-11')).toEqual([{ userId: 'a', areaCode: '320614103001' }, { userId: 'b', areaCode: '320614103001' }]);
  });
});
