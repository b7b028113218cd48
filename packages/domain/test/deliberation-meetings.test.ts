import { describe, expect, it } from 'vitest';
import { CHECKIN_PERIOD_SECONDS, classifyMeetingCode, codeWindowOf, meetingAttendanceFigures, meetingCheckinOpen, meetingCodeDigits, quorumChecks } from '../src/index.ts';

const at = (n: number) => Array.from({ length: 10 }, (_, i) => ({ present: i < n }));

describe('attendance against the quorum of the body (the rule of rules.ts, not a copy)', () => {
  it('residents-assembly: more than half — 5 of 10 is not, 6 of 10 is', () => {
    expect(meetingAttendanceFigures('residents-assembly', 'persons', at(5)).checks[0]).toMatchObject({ step: 'quorum', n: '5', d: '10', threshold: 'more-than-half', met: false });
    expect(meetingAttendanceFigures('residents-assembly', 'persons', at(6)).checks[0]!.met).toBe(true);
  });
  it('villager-representatives: two thirds or more — 6 of 9 is, 5 of 9 is not', () => {
    const nine = (n: number) => Array.from({ length: 9 }, (_, i) => ({ present: i < n }));
    expect(quorumChecks('villager-representatives', 'persons', nine(6))[0]!.met).toBe(true);
    expect(quorumChecks('villager-representatives', 'persons', nine(5))[0]!.met).toBe(false);
  });
  it('villagers-assembly by households: two thirds, measured as households', () => {
    expect(quorumChecks('villagers-assembly', 'households', [{ present: true }, { present: true }, { present: false }])[0]).toMatchObject({ measure: 'households', met: true });
  });
  it('owners-assembly: area and owners both two thirds', () => {
    const roll = [
      { areaCenti: 10000n, present: true },
      { areaCenti: 10000n, present: true },
      { areaCenti: 40000n, present: false },
    ];
    const checks = quorumChecks('owners-assembly', 'persons', roll);
    expect(checks.map((c) => [c.measure, c.met])).toEqual([
      ['area', false],
      ['owners', true],
    ]);
  });
  it('a consultation has no quorum; counts are still given', () => {
    expect(meetingAttendanceFigures('consultation', 'persons', at(3))).toEqual({ present: 3, roll: 10, checks: [] });
  });
});

describe('the six-digit rotating code', () => {
  const codeAt = (w: number) => String((w * 7919) % 1_000_000).padStart(6, '0');
  const now = new Date('2026-12-04T10:00:10+08:00');
  const w = codeWindowOf(now);
  it('takes the current window and the one before it', () => {
    expect(classifyMeetingCode(codeAt(w), now, codeAt)).toBe('ok');
    expect(classifyMeetingCode(` ${codeAt(w - 1)} `, now, codeAt)).toBe('ok');
  });
  it('an older code of the meeting is expired; another code is invalid', () => {
    expect(classifyMeetingCode(codeAt(w - 2), now, codeAt)).toBe('expired');
    expect(classifyMeetingCode(codeAt(w + 1), now, codeAt)).toBe('invalid');
    expect(classifyMeetingCode('12345', now, codeAt)).toBe('invalid');
    expect(classifyMeetingCode('abcdef', now, codeAt)).toBe('invalid');
  });
  it('a code 30 seconds on is the next window', () => {
    expect(codeWindowOf(new Date(now.getTime() + CHECKIN_PERIOD_SECONDS * 1000))).toBe(w + 1);
  });
  it('digits from a hash: six, zero-padded', () => {
    expect(meetingCodeDigits(new Uint8Array([0, 0, 0, 7]))).toBe('000007');
    expect(meetingCodeDigits(new Uint8Array([255, 255, 255, 255]))).toBe(String(4294967295 % 1_000_000));
  });
});

describe('check-in window', () => {
  const m = { state: 'scheduled', scheduledAt: new Date('2026-12-04T19:00:00+08:00') };
  it('opens an hour before and closes once held', () => {
    expect(meetingCheckinOpen(m, new Date('2026-12-04T17:59:59+08:00'))).toBe(false);
    expect(meetingCheckinOpen(m, new Date('2026-12-04T18:00:00+08:00'))).toBe(true);
    expect(meetingCheckinOpen({ ...m, state: 'held' }, new Date('2026-12-04T19:10:00+08:00'))).toBe(false);
  });
});
