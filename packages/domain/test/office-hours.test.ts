import { describe, expect, it } from 'vitest';
import { addOfficeHours, computeDue, createWorkCalendar, DEFAULT_OFFICE_HOURS, officeMinutesPerDay, validOfficeHours } from '../src/calendar.ts';
import { DomainError } from '../src/errors.ts';

const cal = createWorkCalendar();
const cst = (local: string) => new Date(`${local}+08:00`);

// Issue 12 item 5: hour limits count office hours (default 08:30–12:00 and 13:30–17:30 on working days).
describe('addOfficeHours with the default office day', () => {
  it('a report at 04:51 starts counting at 08:30', () => {
    expect(addOfficeHours(cst('2026-11-03T04:51:00'), 2, cal)).toEqual(cst('2026-11-03T10:30:00'));
  });

  it('a report during the lunch break (12:10) starts counting at 13:30', () => {
    expect(addOfficeHours(cst('2026-11-03T12:10:00'), 2, cal)).toEqual(cst('2026-11-03T15:30:00'));
  });

  it('the morning runs into the afternoon across the lunch break', () => {
    expect(addOfficeHours(cst('2026-11-03T11:00:00'), 2, cal)).toEqual(cst('2026-11-03T14:30:00'));
  });

  it('a limit used up exactly at noon is due at 12:00, not at 13:30', () => {
    expect(addOfficeHours(cst('2026-11-03T11:30:00'), 0.5, cal)).toEqual(cst('2026-11-03T12:00:00'));
    expect(addOfficeHours(cst('2026-11-03T17:00:00'), 0.5, cal)).toEqual(cst('2026-11-03T17:30:00'));
  });

  it('Friday 17:00: half an hour on Friday, the rest on Monday', () => {
    expect(addOfficeHours(cst('2026-11-06T17:00:00'), 2, cal)).toEqual(cst('2026-11-09T10:00:00'));
    // One minute after closing counts nothing on Friday.
    expect(addOfficeHours(cst('2026-11-06T17:31:00'), 2, cal)).toEqual(cst('2026-11-09T10:30:00'));
  });

  it('before a holiday: Wednesday 2026-09-30 17:00 → the half hour, then Thursday 10-08 after National Day', () => {
    expect(addOfficeHours(cst('2026-09-30T17:00:00'), 2, cal)).toEqual(cst('2026-10-08T10:00:00'));
    // Mid-Autumn (Fri 09-25) ends the week early: Thursday 09-24 17:00 + 1 h → Monday 09-28 09:00.
    expect(addOfficeHours(cst('2026-09-24T17:00:00'), 1, cal)).toEqual(cst('2026-09-28T09:00:00'));
  });

  it('a make-up working day (调休) runs the clock: Saturday 2026-10-10', () => {
    expect(addOfficeHours(cst('2026-10-10T08:00:00'), 1, cal)).toEqual(cst('2026-10-10T09:30:00'));
    // And an ordinary Sunday does not.
    expect(addOfficeHours(cst('2026-10-11T08:00:00'), 1, cal)).toEqual(cst('2026-10-12T09:30:00'));
  });

  it('a full office day is 7.5 hours: 7.5 h from Monday 08:30 ends Monday 17:30', () => {
    expect(officeMinutesPerDay(DEFAULT_OFFICE_HOURS)).toBe(450);
    expect(addOfficeHours(cst('2026-11-02T08:30:00'), 7.5, cal)).toEqual(cst('2026-11-02T17:30:00'));
    expect(addOfficeHours(cst('2026-11-02T08:30:00'), 8, cal)).toEqual(cst('2026-11-03T09:00:00'));
  });

  it('the 0.5 h of an urgent type is counted only inside office time unless round-the-clock', () => {
    const start = cst('2026-11-03T04:51:00');
    expect(computeDue(start, { unit: 'hours', amount: 0.5, officeHours: DEFAULT_OFFICE_HOURS }, cal)).toEqual(cst('2026-11-03T09:00:00'));
    expect(computeDue(start, { unit: 'hours', amount: 0.5, officeHours: DEFAULT_OFFICE_HOURS, roundTheClock: true }, cal)).toEqual(cst('2026-11-03T05:21:00'));
    expect(computeDue(start, { unit: 'hours', amount: 0.5, roundTheClock: true }, cal)).toEqual(cst('2026-11-03T05:21:00'));
  });

  it('a calendar override (a typhoon day off) stops the clock that day', () => {
    const typhoon = createWorkCalendar([{ date: '2026-11-04', working: false, name: '台风停工' }]);
    expect(addOfficeHours(cst('2026-11-03T17:00:00'), 1, typhoon)).toEqual(cst('2026-11-05T09:00:00'));
  });
});

describe('a unit with its own office hours', () => {
  const summer = { periods: [{ start: '08:00', end: '12:00' }, { start: '14:30', end: '18:00' }] };
  const roundOffice = { periods: [{ start: '00:00', end: '24:00' }] };

  it('counts its own periods', () => {
    expect(addOfficeHours(cst('2026-07-01T11:00:00'), 2, cal, summer)).toEqual(cst('2026-07-01T15:30:00'));
    expect(computeDue(cst('2026-07-01T11:00:00'), { unit: 'hours', amount: 2, officeHours: summer }, cal)).toEqual(cst('2026-07-01T15:30:00'));
  });

  it('a whole-day period still skips the days off', () => {
    expect(addOfficeHours(cst('2026-11-06T23:00:00'), 2, cal, roundOffice)).toEqual(cst('2026-11-09T01:00:00'));
  });

  it('refuses malformed office hours, naming the period', () => {
    const bad = [
      { periods: [] },
      { periods: [{ start: '8:30', end: '12:00' }] },
      { periods: [{ start: '12:00', end: '08:30' }] },
      { periods: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:30' }] },
      { periods: [{ start: '08:30', end: '24:01' }] },
    ];
    for (const oh of bad) expect(() => validOfficeHours(oh)).toThrow(DomainError);
    try {
      validOfficeHours({ periods: [{ start: '08:30', end: '12:00' }, { start: '25:00', end: '26:00' }] });
    } catch (e) {
      expect((e as DomainError).details).toEqual({ field: 'periods.1' });
    }
  });

  it('refuses negative or absurd amounts', () => {
    expect(() => addOfficeHours(cst('2026-11-03T09:00:00'), -1, cal)).toThrow(DomainError);
    expect(() => addOfficeHours(cst('2026-11-03T09:00:00'), 1e9, cal)).toThrow(DomainError);
  });
});
