// Activities and volunteers (活动与志愿者, SPEC §9, issue 15): the kinds of activity with the
// rule each cites, the rotating check-in code's time windows, and how attendance turns into
// service hours and points. Pure functions; the server signs the codes and writes the records.
import { invalid } from '../errors.ts';

export const ACTIVITY_KINDS = [
  'party-day',
  'branch-meeting',
  'committee-meeting',
  'group-meeting',
  'party-lecture',
  'team-monthly',
  'train-policy',
  'train-civility',
  'train-skills',
  'train-welfare',
  'volunteer',
  'clinic',
  'training',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type ActivityGroup = 'party' | 'team' | 'train' | 'volunteer' | 'service';

export interface ActivityKindInfo {
  zh: string;
  en: string;
  group: ActivityGroup;
  /** Only party members may sign up (三会一课 and 主题党日 are for the members of the organisation). */
  membersOnly: boolean;
  /** The automatic points rule used unless the publisher picks another. */
  defaultRule: string;
  /** How points follow from attendance by default. */
  defaultMode: PointsMode;
  /** Where the activity comes from (source documents `000`…`004`, or the regulation). */
  source: string;
}

export const ACTIVITY_KIND_INFO: Record<ActivityKind, ActivityKindInfo> = {
  'party-day': { zh: '主题党日', en: 'Themed party day', group: 'party', membersOnly: true, defaultRule: 'party-day-auto', defaultMode: 'per-attendance', source: '000 一(一)4；004 党员周六志愿服务日' },
  'branch-meeting': { zh: '支部党员大会', en: 'Branch general meeting', group: 'party', membersOnly: true, defaultRule: 'party-day-auto', defaultMode: 'per-attendance', source: '三会一课（000 一(一)4）' },
  'committee-meeting': { zh: '支委会', en: 'Branch committee meeting', group: 'party', membersOnly: true, defaultRule: 'party-day-auto', defaultMode: 'per-attendance', source: '三会一课（000 一(一)4）' },
  'group-meeting': { zh: '党小组会', en: 'Party group meeting', group: 'party', membersOnly: true, defaultRule: 'party-day-auto', defaultMode: 'per-attendance', source: '三会一课（000 一(一)4）' },
  'party-lecture': { zh: '党课', en: 'Party lecture', group: 'party', membersOnly: true, defaultRule: 'party-day-auto', defaultMode: 'per-attendance', source: '三会一课（000 一(一)4）' },
  'team-monthly': { zh: '服务队月度活动', en: 'Service team monthly activity', group: 'team', membersOnly: false, defaultRule: 'volunteer-hour-auto', defaultMode: 'per-hour', source: '000 二(一)1 基层治理服务团“8+N”服务队' },
  'train-policy': { zh: '政策直通车', en: 'Policy service train', group: 'train', membersOnly: false, defaultRule: 'community-activity-auto', defaultMode: 'per-attendance', source: '000 二(三)1–2 “四大直通车”' },
  'train-civility': { zh: '文明直通车', en: 'Civility service train', group: 'train', membersOnly: false, defaultRule: 'community-activity-auto', defaultMode: 'per-attendance', source: '000 二(三)1–2 “四大直通车”' },
  'train-skills': { zh: '技能直通车', en: 'Skills service train', group: 'train', membersOnly: false, defaultRule: 'community-activity-auto', defaultMode: 'per-attendance', source: '000 二(三)1–2 “四大直通车”' },
  'train-welfare': { zh: '福利直通车', en: 'Welfare service train', group: 'train', membersOnly: false, defaultRule: 'community-activity-auto', defaultMode: 'per-attendance', source: '000 二(三)1–2 “四大直通车”' },
  volunteer: { zh: '志愿服务', en: 'Volunteer service', group: 'volunteer', membersOnly: false, defaultRule: 'volunteer-hour-auto', defaultMode: 'per-hour', source: '志愿服务条例（2017）；004 党员周六志愿服务日' },
  clinic: { zh: '义诊', en: 'Free clinic', group: 'service', membersOnly: false, defaultRule: 'community-activity-auto', defaultMode: 'per-attendance', source: '000 二(三) 福利直通车：健康义诊' },
  training: { zh: '培训', en: 'Training', group: 'service', membersOnly: false, defaultRule: 'community-activity-auto', defaultMode: 'per-attendance', source: '志愿服务条例（2017）第十八条：志愿者培训' },
};

export const isActivityKind = (s: string): s is ActivityKind => (ACTIVITY_KINDS as readonly string[]).includes(s);

/**
 * Why a 直通车 activity may not name this 赋能清单 offer (null when it may): the four service trains are how district
 * departments bring what they offer to the villages (`000` 二(三)1–2), so only they link an offer, and only an active
 * offer published in the activity's district.
 */
export function offerLinkProblem(kind: ActivityKind, offer: { active: boolean; areaCode: string } | null, activityAreaCode: string): string | null {
  if (ACTIVITY_KIND_INFO[kind].group !== 'train') return '只有“直通车”活动可以关联赋能清单事项';
  if (!offer) return '赋能清单事项（offerId）不存在';
  if (!offer.active) return '该赋能清单事项已停用';
  if (!activityAreaCode.startsWith(offer.areaCode)) return '该赋能清单事项不是本区发布的';
  return null;
}

export const POINTS_MODES = ['per-hour', 'per-attendance', 'none'] as const;
export type PointsMode = (typeof POINTS_MODES)[number];
export const POINTS_MODE_LABELS: Record<PointsMode, { zh: string; en: string }> = {
  'per-hour': { zh: '按服务时长（每小时）', en: 'Per hour served' },
  'per-attendance': { zh: '按出席（每次）', en: 'Per attendance' },
  none: { zh: '不计积分', en: 'No points' },
};

export const ACTIVITY_AUDIENCES = ['residents', 'members', 'volunteers'] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];
export const ACTIVITY_AUDIENCE_LABELS: Record<ActivityAudience, { zh: string; en: string }> = {
  residents: { zh: '本社区居民', en: 'Residents of the community' },
  members: { zh: '党员', en: 'Party members' },
  volunteers: { zh: '注册志愿者', en: 'Registered volunteers' },
};

export const ACTIVITY_STATES = ['published', 'confirmed', 'cancelled'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];
export const ACTIVITY_STATE_LABELS: Record<ActivityState, { zh: string; en: string }> = {
  published: { zh: '报名中', en: 'Open' },
  confirmed: { zh: '已确认考勤', en: 'Attendance confirmed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/**
 * Attendance of one person once the organiser confirmed the list: present, or absent — a no-show
 * (未到): signed up, did not check in, and was not marked present by the organiser.
 */
export type AttendanceOutcome = 'present' | 'absent';
export const ATTENDANCE_LABELS = {
  'signed-up': '已报名',
  cancelled: '已取消报名',
  'checked-in': '已签到',
  'checked-out': '已签退',
  present: '出席',
  absent: '未到',
} as const;
export const OUTCOME_LABELS: Record<AttendanceOutcome, { zh: string; en: string }> = {
  present: { zh: '出席', en: 'Present' },
  absent: { zh: '未到', en: 'No-show' },
};

/** The outcome the one confirmation gives a sign-up: the organiser's mark wins, else the scan decides. */
export const attendanceOutcome = (r: { mark: string | null; checkInAt: Date | null }): AttendanceOutcome => ((r.mark ? r.mark === 'present' : !!r.checkInAt) ? 'present' : 'absent');

/** Figures of an activity's list: sign-ups (not cancelled), scanned in, and once confirmed present and no-shows. */
export function attendanceFigures(rows: readonly { state: string; checkInAt: unknown; outcome: string | null }[]) {
  const live = rows.filter((r) => r.state === 'signed-up');
  return {
    signedUp: live.length,
    checkedIn: live.filter((r) => r.checkInAt).length,
    present: live.filter((r) => r.outcome === 'present').length,
    absent: live.filter((r) => r.outcome === 'absent').length,
  };
}

// ---- cancelling -------------------------------------------------------------------------------

export const CANCEL_REASON_MAX = 200;

/**
 * Why an activity cannot be cancelled (null: it can). Only an open activity is cancelled: once the
 * list is confirmed the hours and points are posted to the ledger, which is never rewritten
 * (corrections are reversing entries, docs/POINTS.md). Cancelling again changes nothing.
 */
export function cancelProblem(state: ActivityState): { code: string; message: string } | null {
  if (state === 'confirmed') return { code: 'activity_confirmed', message: '活动考勤已确认、时长和积分已记录，不能再取消' };
  return null;
}

// ---- the rotating check-in code ---------------------------------------------------------------

/** The code shown at the venue changes every 30 seconds, so a photo sent to a friend soon stops working. */
export const CHECKIN_PERIOD_SECONDS = 30;
/** A code of the window just before the current one is still accepted (the phone's walk from screen to button). */
export const CHECKIN_GRACE_WINDOWS = 1;
/** Check-in opens this long before the start, and check-out closes this long after the end. */
export const CHECKIN_OPENS_BEFORE_MINUTES = 60;
export const CHECKOUT_CLOSES_AFTER_MINUTES = 120;

export const codeWindowOf = (at: Date, period = CHECKIN_PERIOD_SECONDS) => Math.floor(at.getTime() / 1000 / period);

/** Whether a code of `tokenWindow` is still good at `now`: the current window or one of the grace windows. */
export function isCodeWindowFresh(tokenWindow: number, now: Date, grace = CHECKIN_GRACE_WINDOWS): boolean {
  const current = codeWindowOf(now);
  return tokenWindow <= current && tokenWindow >= current - grace;
}

/** Whether the venue accepts check-in / check-out at `now`. */
export function checkinOpen(a: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return now.getTime() >= a.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MINUTES * 60_000 && now.getTime() <= a.endsAt.getTime() + CHECKOUT_CLOSES_AFTER_MINUTES * 60_000;
}

// ---- hours and points -------------------------------------------------------------------------

/**
 * Minutes served: the time between check-in and check-out that falls within the activity's
 * hours, rounded down to whole quarter hours (志愿服务条例 第十四条: hours as actually served).
 * Without a check-out (or marked present by the organiser) the scheduled length counts.
 */
export function servedMinutes(a: { startsAt: Date; endsAt: Date }, checkIn: Date | null, checkOut: Date | null): number {
  const scheduled = Math.max(0, a.endsAt.getTime() - a.startsAt.getTime());
  if (!checkIn || !checkOut) return Math.floor(scheduled / 60_000 / 15) * 15;
  const from = Math.max(checkIn.getTime(), a.startsAt.getTime());
  const to = Math.min(checkOut.getTime(), a.endsAt.getTime());
  return Math.floor(Math.max(0, to - from) / 60_000 / 15) * 15;
}

/** Points of one attendance by the activity's rule: per whole hour served, or once per attendance. */
export function attendancePoints(mode: PointsMode, pointsPerUnit: number, minutes: number): number {
  if (mode === 'none' || pointsPerUnit <= 0) return 0;
  if (mode === 'per-attendance') return pointsPerUnit;
  return Math.floor(minutes / 60) * pointsPerUnit;
}

export const formatHours = (minutes: number) => `${Math.round((minutes / 60) * 100) / 100}`;

// ---- publishing -------------------------------------------------------------------------------

export interface ActivityDraft {
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  pointsMode: PointsMode;
  points: number;
}

/** Checks a new activity's times, capacity and points; throws an invalid error naming the field. */
export function checkActivityDraft(d: ActivityDraft, now: Date): void {
  if (!(d.endsAt.getTime() > d.startsAt.getTime())) throw invalid('invalid_time', '结束时间（endsAt）应晚于开始时间', { field: 'endsAt' });
  if (d.endsAt.getTime() - d.startsAt.getTime() > 24 * 3600_000) throw invalid('invalid_time', '一次活动不超过 24 小时（endsAt）', { field: 'endsAt' });
  if (d.endsAt.getTime() < now.getTime() - 7 * 24 * 3600_000) throw invalid('invalid_time', '不能发布一周前已结束的活动（endsAt）', { field: 'endsAt' });
  if (d.capacity !== null && (!Number.isInteger(d.capacity) || d.capacity < 1 || d.capacity > 5000)) throw invalid('invalid_capacity', '名额（capacity）应为 1–5000 的整数', { field: 'capacity' });
  if (d.pointsMode !== 'none' && (!Number.isInteger(d.points) || d.points < 1 || d.points > 20)) throw invalid('invalid_points', '积分（points）应为 1–20 的整数', { field: 'points' });
}

/** Whether one more person fits. */
export const hasRoom = (capacity: number | null, signedUp: number) => capacity === null || signedUp < capacity;

// ---- volunteers -------------------------------------------------------------------------------

/** Kinds of volunteer team: the “美” teams named in `000` (夕阳美, 巾帼美 …), and others a community adds. */
export const VOLUNTEER_TEAM_KINDS = ['sunset', 'women', 'youth', 'neighbour', 'other'] as const;
export type VolunteerTeamKind = (typeof VOLUNTEER_TEAM_KINDS)[number];
export const VOLUNTEER_TEAM_KIND_LABELS: Record<VolunteerTeamKind, { zh: string; en: string }> = {
  sunset: { zh: '夕阳美', en: 'Sunset (retirees)' },
  women: { zh: '巾帼美', en: 'Women' },
  youth: { zh: '青春美', en: 'Youth' },
  neighbour: { zh: '邻里美', en: 'Neighbours' },
  other: { zh: '其他', en: 'Other' },
};

/** The volunteer teams named in `000` (夕阳美, 巾帼美 …), seeded for each demo community. */
export const STANDARD_VOLUNTEER_TEAMS: readonly { name: string; kind: VolunteerTeamKind; description: string }[] = [
  { name: '夕阳美志愿服务队', kind: 'sunset', description: '退休老党员、老干部、老教师为主，开展邻里守望、文明劝导' },
  { name: '巾帼美志愿服务队', kind: 'women', description: '妇女骨干为主，开展家庭教育、关爱儿童、环境整治' },
  { name: '青春美志愿服务队', kind: 'youth', description: '青年志愿者为主，开展助学帮困、文体活动、应急服务' },
  { name: '邻里美志愿服务队', kind: 'neighbour', description: '楼栋热心居民为主，开展邻里互助、矛盾调解' },
];

/** A training the team records on a volunteer's record (志愿服务条例 2017: the record holds the training received). */
export interface TrainingEntry {
  title: string;
  on: string;
  hours: number;
}

/** Trainings on the record: attended training activities plus the ones the team recorded by hand. */
export const trainingCount = (attendedTrainings: number, recorded: readonly TrainingEntry[]) => attendedTrainings + recorded.length;

export const VOLUNTEER_SKILLS = ['维修', '医疗护理', '法律咨询', '心理疏导', '教育辅导', '文艺', '摄影宣传', '驾驶', '计算机', '调解', '助老', '环境整治'] as const;

/** Verification codes of certificates: 10 characters of an unambiguous alphabet. */
export const CERTIFICATE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const isCertificateCode = (s: string) => /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/.test(s);
