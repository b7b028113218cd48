import { describe, expect, it } from 'vitest';
import {
  offerLinkProblem,
  ACTIVITY_KIND_INFO,
  ACTIVITY_KINDS,
  attendanceFigures,
  attendanceOutcome,
  attendancePoints,
  cancelProblem,
  CHECKIN_PERIOD_SECONDS,
  checkActivityDraft,
  checkinOpen,
  codeWindowOf,
  hasRoom,
  isCertificateCode,
  isCodeWindowFresh,
  servedMinutes,
  trainingCount,
} from '../src/index.ts';

const MIN = 60_000;
const start = new Date('2026-12-05T01:00:00Z');
const end = new Date('2026-12-05T04:00:00Z');
const a = { startsAt: start, endsAt: end };

describe('rotating check-in code windows', () => {
  it('accepts the current window and one before it, refuses older and future ones', () => {
    const now = new Date('2026-12-05T01:10:15Z');
    const w = codeWindowOf(now);
    expect(w).toBe(Math.floor(now.getTime() / 1000 / CHECKIN_PERIOD_SECONDS));
    expect(isCodeWindowFresh(w, now)).toBe(true);
    expect(isCodeWindowFresh(w - 1, now)).toBe(true);
    expect(isCodeWindowFresh(w - 2, now)).toBe(false);
    expect(isCodeWindowFresh(w + 1, now)).toBe(false);
  });
  it('opens an hour before the start and closes two hours after the end', () => {
    expect(checkinOpen(a, new Date(start.getTime() - 60 * MIN))).toBe(true);
    expect(checkinOpen(a, new Date(start.getTime() - 61 * MIN))).toBe(false);
    expect(checkinOpen(a, new Date(end.getTime() + 120 * MIN))).toBe(true);
    expect(checkinOpen(a, new Date(end.getTime() + 121 * MIN))).toBe(false);
  });
});

describe('hours and points from attendance', () => {
  it('counts only the time within the activity, in whole quarter hours', () => {
    expect(servedMinutes(a, new Date(start.getTime() - 30 * MIN), new Date(end.getTime() + 30 * MIN))).toBe(180);
    expect(servedMinutes(a, new Date(start.getTime() + 10 * MIN), new Date(start.getTime() + 84 * MIN))).toBe(60);
    expect(servedMinutes(a, new Date(start.getTime() + 10 * MIN), new Date(start.getTime() + 85 * MIN))).toBe(75);
    expect(servedMinutes(a, new Date(end.getTime() + 5 * MIN), new Date(end.getTime() + 50 * MIN))).toBe(0);
  });
  it('without a check-out (marked present) the scheduled length counts', () => {
    expect(servedMinutes(a, null, null)).toBe(180);
    expect(servedMinutes(a, start, null)).toBe(180);
  });
  it('per hour counts whole hours; per attendance once; none nothing', () => {
    expect(attendancePoints('per-hour', 1, 59)).toBe(0);
    expect(attendancePoints('per-hour', 1, 150)).toBe(2);
    expect(attendancePoints('per-hour', 2, 180)).toBe(6);
    expect(attendancePoints('per-attendance', 5, 0)).toBe(5);
    expect(attendancePoints('none', 5, 180)).toBe(0);
  });
});

describe('publishing', () => {
  const now = new Date('2026-12-03T00:00:00Z');
  const ok = { startsAt: start, endsAt: end, capacity: 30, pointsMode: 'per-hour' as const, points: 1 };
  it('accepts a sound draft and refuses bad times, capacity and points naming the field', () => {
    expect(() => checkActivityDraft(ok, now)).not.toThrow();
    expect(() => checkActivityDraft({ ...ok, endsAt: start }, now)).toThrow(/endsAt/);
    expect(() => checkActivityDraft({ ...ok, endsAt: new Date(start.getTime() + 25 * 60 * MIN) }, now)).toThrow(/24/);
    expect(() => checkActivityDraft({ ...ok, capacity: 0 }, now)).toThrow(/capacity/);
    expect(() => checkActivityDraft({ ...ok, capacity: null }, now)).not.toThrow();
    expect(() => checkActivityDraft({ ...ok, points: 21 }, now)).toThrow(/points/);
    expect(() => checkActivityDraft({ ...ok, pointsMode: 'none', points: 0 }, now)).not.toThrow();
  });
  it('capacity: the last place is taken, then full', () => {
    expect(hasRoom(2, 1)).toBe(true);
    expect(hasRoom(2, 2)).toBe(false);
    expect(hasRoom(null, 10_000)).toBe(true);
  });
  it('every kind cites its source; party meetings are for members only', () => {
    for (const k of ACTIVITY_KINDS) expect(ACTIVITY_KIND_INFO[k].source.length).toBeGreaterThan(3);
    expect(ACTIVITY_KIND_INFO['party-day'].membersOnly).toBe(true);
    expect(ACTIVITY_KIND_INFO['party-lecture'].membersOnly).toBe(true);
    expect(ACTIVITY_KIND_INFO.volunteer.membersOnly).toBe(false);
  });
  it('certificate codes use the unambiguous alphabet', () => {
    expect(isCertificateCode('23456789AB')).toBe(true);
    expect(isCertificateCode('O123456789')).toBe(false);
    expect(isCertificateCode('23456789A')).toBe(false);
  });
});

describe('no-shows and cancelling', () => {
  it('the mark wins over the scan; without either a sign-up is a no-show (未到)', () => {
    expect(attendanceOutcome({ mark: null, checkInAt: start })).toBe('present');
    expect(attendanceOutcome({ mark: null, checkInAt: null })).toBe('absent');
    expect(attendanceOutcome({ mark: 'absent', checkInAt: start })).toBe('absent');
    expect(attendanceOutcome({ mark: 'present', checkInAt: null })).toBe('present');
  });

  it('counts present and no-shows among live sign-ups only', () => {
    const f = attendanceFigures([
      { state: 'signed-up', checkInAt: start, outcome: 'present' },
      { state: 'signed-up', checkInAt: null, outcome: 'absent' },
      { state: 'cancelled', checkInAt: null, outcome: null },
    ]);
    expect(f).toEqual({ signedUp: 2, checkedIn: 1, present: 1, absent: 1 });
  });

  it('cancels an open activity (again: nothing changes), never a confirmed one', () => {
    expect(cancelProblem('published')).toBeNull();
    expect(cancelProblem('cancelled')).toBeNull();
    expect(cancelProblem('confirmed')?.code).toBe('activity_confirmed');
  });
});

describe('volunteer record', () => {
  it('counts attended training activities and the trainings the team recorded', () => {
    expect(trainingCount(0, [])).toBe(0);
    expect(trainingCount(2, [{ title: '应急救护培训', on: '2026-11-02', hours: 4 }])).toBe(3);
  });
});

describe('a 直通车 activity and its 赋能清单 offer', () => {
  const offer = { active: true, areaCode: '320614' };
  it('links only the four service trains', () => {
    expect(offerLinkProblem('train-policy', offer, '320614103001')).toBeNull();
    expect(offerLinkProblem('train-welfare', offer, '320614103')).toBeNull();
    expect(offerLinkProblem('volunteer', offer, '320614103001')).toMatch(/直通车/);
    expect(offerLinkProblem('party-day', offer, '320614103001')).toMatch(/直通车/);
  });
  it('needs an active offer of the activity’s district', () => {
    expect(offerLinkProblem('train-skills', null, '320614103001')).toMatch(/不存在/);
    expect(offerLinkProblem('train-skills', { ...offer, active: false }, '320614103001')).toMatch(/停用/);
    expect(offerLinkProblem('train-skills', { ...offer, areaCode: '320612' }, '320614103001')).toMatch(/本区/);
  });
});
