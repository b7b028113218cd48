import { afterEach, describe, expect, it } from 'vitest';
import {
  addHours,
  calendarCovers,
  chinaDate,
  computeDue,
  createWorkCalendar,
  DEFAULT_OFFICE_HOURS,
  endOfChinaDay,
  shiftForPause,
  startOfChinaDay,
  timerLight,
  warningAt,
} from '../src/calendar.ts';
import { DomainError } from '../src/errors.ts';

const cal = createWorkCalendar();
/** An instant written in China time. */
const cst = (local: string) => new Date(`${local}+08:00`);
/** End of a China-local day, the shape every working-day deadline has. */
const endOf = (date: string) => cst(`${date}T23:59:59.999`);

function expectDays(dates: string[], working: boolean) {
  for (const d of dates) expect([d, cal.isWorkingDay(d)]).toEqual([d, working]);
}

describe('statutory holidays and make-up days, 2025', () => {
  it('New Year', () => {
    expectDays(['2025-01-01'], false);
    expectDays(['2024-12-31', '2025-01-02'], true);
  });

  it('Spring Festival: Jan 28 – Feb 4 off, make-up Sun Jan 26 and Sat Feb 8', () => {
    expectDays(['2025-01-28', '2025-01-29', '2025-01-31', '2025-02-03', '2025-02-04'], false);
    expectDays(['2025-01-26', '2025-02-08', '2025-01-27', '2025-02-05'], true);
    expectDays(['2025-01-25', '2025-02-09'], false); // ordinary weekend days around it
    expect(cal.dayInfo('2025-01-26')).toEqual({ date: '2025-01-26', working: true, kind: 'makeup', name: '春节', source: 'package' });
    expect(cal.dayInfo('2025-01-30')).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
  });

  it('Qingming: Apr 4–6 off, no make-up day', () => {
    expectDays(['2025-04-04', '2025-04-05', '2025-04-06'], false);
    expectDays(['2025-04-03', '2025-04-07'], true);
  });

  it('Labour Day: May 1–5 off, make-up Sun Apr 27', () => {
    expectDays(['2025-05-01', '2025-05-02', '2025-05-05'], false);
    expectDays(['2025-04-27', '2025-05-06'], true);
  });

  it('Dragon Boat: May 31 – Jun 2 off', () => {
    expectDays(['2025-05-31', '2025-06-01', '2025-06-02'], false);
    expectDays(['2025-06-03'], true);
  });

  it('National Day + Mid-Autumn: Oct 1–8 off, make-up Sun Sep 28 and Sat Oct 11', () => {
    expectDays(['2025-10-01', '2025-10-06', '2025-10-08'], false);
    expectDays(['2025-09-28', '2025-10-11', '2025-10-09', '2025-09-30'], true);
    expectDays(['2025-10-12'], false);
  });
});

describe('2026 as chinese-days has it', () => {
  // State Council notice for 2026, as shipped in chinese-days 1.5.x.
  it('New Year: Jan 1–3 off, make-up Sun Jan 4', () => {
    expectDays(['2026-01-01', '2026-01-02', '2026-01-03'], false);
    expectDays(['2026-01-04', '2026-01-05'], true);
  });

  it('Spring Festival: Feb 15–23 off (nine days), make-up Sat Feb 14 and Sat Feb 28', () => {
    expectDays(['2026-02-15', '2026-02-17', '2026-02-20', '2026-02-23'], false);
    expectDays(['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-28'], true);
  });

  it('Qingming Apr 4–6, Labour Day May 1–5 (make-up Sat May 9), Dragon Boat Jun 19–21', () => {
    expectDays(['2026-04-04', '2026-04-06', '2026-05-01', '2026-05-05', '2026-06-19', '2026-06-21'], false);
    expectDays(['2026-04-07', '2026-05-06', '2026-05-09', '2026-06-22'], true);
  });

  it('Mid-Autumn Sep 25–27 and National Day Oct 1–7, make-up Sun Sep 20 and Sat Oct 10', () => {
    expectDays(['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-04', '2026-10-07'], false);
    expectDays(['2026-09-20', '2026-09-28', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'], true);
    expect(cal.dayInfo('2026-09-25')).toMatchObject({ kind: 'holiday', name: '中秋' });
    expect(cal.dayInfo('2026-10-10')).toMatchObject({ kind: 'makeup', name: '国庆节' });
  });

  it('make-up days always fall on a weekend and holidays are named', () => {
    for (const d of cal.daysInRange('2025-01-01', '2026-12-31')) {
      const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      if (d.kind === 'makeup') expect([0, 6]).toContain(weekday);
      if (d.kind === 'holiday') expect(d.name).toBeTruthy();
    }
  });

  it('both years are covered by the package; 2031 is not', () => {
    expect(calendarCovers(2025)).toBe(true);
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2031)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('Friday 2026-09-25 (中秋) 10:00 + 2 working days → end of Tue 09-29', () => {
    expect(cal.addWorkingDays(cst('2026-09-25T10:00:00'), 2)).toEqual(endOf('2026-09-29'));
  });

  it('across National Day 2026 the make-up Saturday counts', () => {
    const start = cst('2026-09-30T09:00:00');
    expect(cal.addWorkingDays(start, 1)).toEqual(endOf('2026-10-08'));
    expect(cal.addWorkingDays(start, 2)).toEqual(endOf('2026-10-09'));
    expect(cal.addWorkingDays(start, 3)).toEqual(endOf('2026-10-10'));
    expect(cal.addWorkingDays(start, 4)).toEqual(endOf('2026-10-12'));
  });

  it('across Spring Festival 2025 the make-up Sunday counts', () => {
    const start = cst('2025-01-24T16:00:00'); // Friday
    expect(cal.addWorkingDays(start, 1)).toEqual(endOf('2025-01-26'));
    expect(cal.addWorkingDays(start, 2)).toEqual(endOf('2025-01-27'));
    expect(cal.addWorkingDays(start, 3)).toEqual(endOf('2025-02-05'));
  });

  it('the start day never counts, whatever the hour; 0 means the end of the start day', () => {
    expect(cal.addWorkingDays(cst('2026-03-02T00:00:00'), 1)).toEqual(endOf('2026-03-03'));
    expect(cal.addWorkingDays(cst('2026-03-02T23:59:00'), 1)).toEqual(endOf('2026-03-03'));
    expect(cal.addWorkingDays(cst('2026-03-07T12:00:00'), 1)).toEqual(endOf('2026-03-09')); // Saturday start
    expect(cal.addWorkingDays(cst('2026-03-02T08:00:00'), 0)).toEqual(endOf('2026-03-02'));
  });

  it('the hotline limits of 2, 10 and 15 working days', () => {
    const start = cst('2026-04-28T15:00:00'); // Tuesday before Labour Day
    expect(cal.addWorkingDays(start, 2)).toEqual(endOf('2026-04-30'));
    // Apr 29, 30, May 6, 7, 8, 9 (make-up), 11, 12, 13, 14
    expect(cal.addWorkingDays(start, 10)).toEqual(endOf('2026-05-14'));
    expect(cal.addWorkingDays(start, 15)).toEqual(endOf('2026-05-21'));
  });

  it('rejects negative, fractional and absurd amounts', () => {
    expect(() => cal.addWorkingDays(cst('2026-03-02T08:00:00'), -1)).toThrow(DomainError);
    expect(() => cal.addWorkingDays(cst('2026-03-02T08:00:00'), 1.5)).toThrow(DomainError);
    expect(() => cal.addWorkingDays(cst('2026-03-02T08:00:00'), 100_000)).toThrow(DomainError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b] by China-local date and inverts addWorkingDays', () => {
    const start = cst('2026-09-24T11:00:00');
    expect(cal.workingDaysBetween(start, cst('2026-10-09T08:00:00'))).toBe(5); // 28, 29, 30, Oct 8, 9
    expect(cal.workingDaysBetween(start, start)).toBe(0);
    expect(cal.workingDaysBetween(cst('2026-10-09T08:00:00'), start)).toBe(-5);
    for (const n of [0, 1, 2, 7, 15]) expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
  });
});

describe('China time (+08:00)', () => {
  it('2026-01-01T17:00Z is already 2026-01-02 in China', () => {
    const t = new Date('2026-01-01T17:00:00Z');
    expect(chinaDate(t)).toBe('2026-01-02');
    expect(startOfChinaDay(t)).toEqual(new Date('2026-01-01T16:00:00Z'));
    expect(endOfChinaDay(t)).toEqual(new Date('2026-01-02T15:59:59.999Z'));
  });

  it('the working-day test follows the China date, not the UTC date', () => {
    expect(cal.isWorkingDay(new Date('2025-12-31T15:59:59Z'))).toBe(true); // Dec 31, 23:59 in China
    expect(cal.isWorkingDay(new Date('2025-12-31T16:00:00Z'))).toBe(false); // Jan 1, 00:00 in China
    // Tue Dec 30 23:00 China: Wed Dec 31 is the next working day.
    expect(cal.addWorkingDays(new Date('2025-12-30T15:00:00Z'), 1)).toEqual(endOf('2025-12-31'));
    // Wed Dec 31 01:00 China: Jan 1–3 are off, Sunday Jan 4 is a make-up day.
    expect(cal.addWorkingDays(new Date('2025-12-30T17:00:00Z'), 1)).toEqual(endOf('2026-01-04'));
    expect(endOf('2026-01-04')).toEqual(new Date('2026-01-04T15:59:59.999Z'));
  });

  describe('does not depend on the server time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('gives the same answers in Los Angeles', () => {
      process.env.TZ = 'America/Los_Angeles';
      const c = createWorkCalendar();
      expect(c.isWorkingDay('2026-09-30')).toBe(true);
      expect(c.isWorkingDay('2026-10-07')).toBe(false);
      expect(c.isWorkingDay('2026-10-08')).toBe(true);
      expect(c.addWorkingDays(cst('2026-09-25T10:00:00'), 2)).toEqual(endOf('2026-09-29'));
      expect(chinaDate(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
    });
  });
});

describe('overrides', () => {
  it('a local day off and a local make-up day move deadlines', () => {
    const local = createWorkCalendar([
      { date: '2026-07-15', working: false, name: '台风停工' },
      { date: '2026-07-18', working: true, name: '台风补班' },
    ]);
    expect(local.isWorkingDay('2026-07-15')).toBe(false);
    expect(local.dayInfo('2026-07-15')).toEqual({ date: '2026-07-15', working: false, kind: 'holiday', name: '台风停工', source: 'override' });
    expect(local.dayInfo('2026-07-18')).toMatchObject({ working: true, kind: 'makeup', source: 'override' });
    const start = cst('2026-07-14T09:00:00'); // Tuesday
    expect(cal.addWorkingDays(start, 3)).toEqual(endOf('2026-07-17'));
    expect(local.addWorkingDays(start, 3)).toEqual(endOf('2026-07-18'));
    // The default calendar is untouched.
    expect(cal.isWorkingDay('2026-07-15')).toBe(true);
  });

  it('wins over the package', () => {
    const local = createWorkCalendar([{ date: '2026-10-08', working: false }]);
    expect(local.isWorkingDay('2026-10-08')).toBe(false);
    expect(local.addWorkingDays(cst('2026-09-30T09:00:00'), 1)).toEqual(endOf('2026-10-09'));
  });

  it('rejects malformed, impossible and duplicate dates', () => {
    expect(() => createWorkCalendar([{ date: '2026-7-15', working: false }])).toThrow(DomainError);
    expect(() => createWorkCalendar([{ date: '2026-02-30', working: false }])).toThrow(DomainError);
    expect(() =>
      createWorkCalendar([
        { date: '2026-07-15', working: false },
        { date: '2026-07-15', working: true },
      ]),
    ).toThrow(DomainError);
    expect(() => cal.isWorkingDay('2026/07/15')).toThrow(DomainError);
  });
});

describe('a year the package does not cover (2031)', () => {
  it('falls back to Monday–Friday and says so', () => {
    expect(cal.covers(2031)).toBe(false);
    expect(cal.dayInfo('2031-01-01')).toEqual({ date: '2031-01-01', working: true, kind: 'workday', name: null, source: 'weekday' });
    expect(cal.isWorkingDay('2031-01-04')).toBe(false); // Saturday
    expect(cal.addWorkingDays(cst('2031-01-03T10:00:00'), 1)).toEqual(endOf('2031-01-06'));
  });

  it('overrides fill the gap and count as coverage', () => {
    const local = createWorkCalendar([
      { date: '2031-01-01', working: false, name: '元旦' },
      { date: '2031-01-02', working: false, name: '元旦' },
    ]);
    expect(local.covers(2031)).toBe(true);
    expect(local.covers(2032)).toBe(false);
    expect(local.addWorkingDays(cst('2030-12-31T10:00:00'), 1)).toEqual(endOf('2031-01-03'));
  });
});

describe('deadlines', () => {
  it('hours are calendar hours, holidays included', () => {
    const start = cst('2026-10-01T10:00:00');
    expect(addHours(start, 0.5)).toEqual(cst('2026-10-01T10:30:00'));
    expect(computeDue(start, { unit: 'hours', amount: 24, roundTheClock: true }, cal)).toEqual(cst('2026-10-02T10:00:00'));
    // Office hours: nothing counts in the National Day week; 10-08, 10-09, Sat 10-10 (调休) and 1.5 h on Mon 10-12.
    expect(computeDue(start, { unit: 'hours', amount: 24, officeHours: DEFAULT_OFFICE_HOURS }, cal)).toEqual(cst('2026-10-12T10:00:00'));
    expect(computeDue(start, { unit: 'hours', amount: 24 }, cal)).toEqual(cst('2026-10-02T10:00:00')); // a bare spec: clock hours
    expect(computeDue(start, { unit: 'workingDays', amount: 1 }, cal)).toEqual(endOf('2026-10-08'));
    expect(() => computeDue(start, { unit: 'hours', amount: 0 }, cal)).toThrow(DomainError);
    expect(() => addHours(start, Number.NaN)).toThrow(DomainError);
  });

  it('a suspension pushes the due instant by the paused time', () => {
    const due = endOf('2026-03-05');
    expect(shiftForPause(due, 3 * 3_600_000)).toEqual(new Date(due.getTime() + 3 * 3_600_000));
    expect(shiftForPause(due, 0)).toEqual(due);
    expect(() => shiftForPause(due, -1)).toThrow(DomainError);
  });

  it('warns when 80% of the time is spent', () => {
    const start = cst('2026-03-02T08:00:00');
    const due = addHours(start, 2);
    expect(warningAt(start, due)).toEqual(cst('2026-03-02T09:36:00'));
    expect(warningAt(start, due, 0.5)).toEqual(cst('2026-03-02T09:00:00'));
    expect(warningAt(due, start)).toEqual(start); // already past due: warn at once
    expect(() => warningAt(start, due, 1.5)).toThrow(DomainError);
    expect(timerLight(cst('2026-03-02T09:00:00'), start, due)).toBe('green');
    expect(timerLight(cst('2026-03-02T09:40:00'), start, due)).toBe('yellow');
    expect(timerLight(due, start, due)).toBe('yellow');
    expect(timerLight(cst('2026-03-02T10:00:01'), start, due)).toBe('red');
  });
});
