// Meetings of a deliberation (议事会议): the agenda's sources, the state of a meeting, the short check-in
// code shown on the organiser's screen and what a code typed or scanned on a phone means. The code
// rotates every 30 seconds like an activity's (activities/index.ts: codeWindowOf, isCodeWindowFresh);
// attendance is measured against the body's quorum by quorumChecks (rules.ts), never by a copy of it.
import { CHECKIN_GRACE_WINDOWS, CHECKIN_OPENS_BEFORE_MINUTES, codeWindowOf, isCodeWindowFresh } from '../activities/index.ts';
import { quorumChecks, type DeliberationBody, type DeliberationCheck, type DeliberationForm } from './rules.ts';

export const MEETING_STATES = ['scheduled', 'held'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, { zh: string; en: string }> = {
  scheduled: { zh: '待召开', en: 'Scheduled' },
  held: { zh: '已召开', en: 'Held' },
};

/** Where an agenda item (议题) comes from: a case, a need (需求清单), a 金点子, or free text. */
export const AGENDA_SOURCES = ['case', 'need', 'idea', 'text'] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];
export const AGENDA_SOURCE_LABELS: Record<AgendaSource, { zh: string; en: string }> = {
  case: { zh: '案件', en: 'Case' },
  need: { zh: '需求', en: 'Need' },
  idea: { zh: '金点子', en: 'Idea' },
  text: { zh: '自拟', en: 'Free text' },
};

export const MEETING_CODE_DIGITS = 6;

/** A keyed hash's first four bytes as a six-digit code a resident can type ("042917"). */
export function meetingCodeDigits(mac: Uint8Array): string {
  const n = ((mac[0]! << 24) >>> 0) + (mac[1]! << 16) + (mac[2]! << 8) + mac[3]!;
  return String(n % 10 ** MEETING_CODE_DIGITS).padStart(MEETING_CODE_DIGITS, '0');
}

/** How far back a code is recognised as one of this meeting's, to answer "expired" rather than "wrong". */
export const MEETING_CODE_LOOKBACK_WINDOWS = 240;

/**
 * What a typed or scanned code is at `now`, given the code of each window (`codeAt`): `ok` for the
 * current window or the grace window before it, `expired` for an older one of this meeting (up to two
 * hours back), `invalid` otherwise.
 */
export function classifyMeetingCode(given: string, now: Date, codeAt: (window: number) => string): 'ok' | 'expired' | 'invalid' {
  const code = given.trim();
  if (!new RegExp(`^\\d{${MEETING_CODE_DIGITS}}$`).test(code)) return 'invalid';
  const current = codeWindowOf(now);
  for (let w = current; w >= current - CHECKIN_GRACE_WINDOWS; w--) if (isCodeWindowFresh(w, now) && codeAt(w) === code) return 'ok';
  for (let w = current - CHECKIN_GRACE_WINDOWS - 1; w >= current - MEETING_CODE_LOOKBACK_WINDOWS; w--) if (codeAt(w) === code) return 'expired';
  return 'invalid';
}

/** Check-in opens an hour before the scheduled time (as an activity's) and closes when the meeting is recorded as held. */
export function meetingCheckinOpen(m: { state: string; scheduledAt: Date }, now: Date): boolean {
  return m.state === 'scheduled' && now.getTime() >= m.scheduledAt.getTime() - CHECKIN_OPENS_BEFORE_MINUTES * 60_000;
}

/** Attendance against the roll, with the body's quorum tests applied to who attended (none for a consultation). */
export function meetingAttendanceFigures(body: DeliberationBody, form: DeliberationForm, roll: readonly { areaCenti?: bigint | null; present: boolean }[]): { present: number; roll: number; checks: DeliberationCheck[] } {
  return { present: roll.filter((r) => r.present).length, roll: roll.length, checks: quorumChecks(body, form, roll) };
}
