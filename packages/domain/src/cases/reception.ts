// Reception days (接待日) and leaders' cases (领导包案). `000`: "推行区级、镇（街道）党员领导干部赴包片
// 镇（街道）、村（社区）每月'接待日'制度" — district and town leaders receive residents once a month in the
// communities they are attached to; what they take on there they lead to its end.

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type ReceptionProblem =
  | { code: 'invalid_time'; field: 'startTime' | 'endTime'; message: string }
  | { code: 'invalid_date'; field: 'day'; message: string }
  | { code: 'invalid_area_level'; field: 'areaCode'; message: string }
  | { code: 'leader_not_attached'; field: 'leaderUserId'; message: string };

/** Minutes since midnight of `HH:MM`, or null. */
export function timeOfDay(hhmm: string): number | null {
  const m = TIME.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** A real calendar day `YYYY-MM-DD`. */
export function isCalendarDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Does an attachment (a community, or a whole town) cover the community `areaCode`? */
export const attachmentCovers = (attachment: string, areaCode: string) => areaCode.startsWith(attachment);

/**
 * What is wrong with a reception day, or null: a community (village code, 12 digits), a real day,
 * a time span inside one day, and — for a leader with an account — a community the leader is
 * attached to (包片).
 */
export function checkReceptionDay(d: { areaCode: string; day: string; startTime: string; endTime: string; leaderAttachments: string[] | null }): ReceptionProblem | null {
  if (d.areaCode.length !== 12) return { code: 'invalid_area_level', field: 'areaCode', message: '接待日应安排在村（社区）' };
  if (!isCalendarDay(d.day)) return { code: 'invalid_date', field: 'day', message: '日期格式应为 YYYY-MM-DD' };
  const start = timeOfDay(d.startTime);
  const end = timeOfDay(d.endTime);
  if (start === null) return { code: 'invalid_time', field: 'startTime', message: '开始时间格式应为 HH:MM' };
  if (end === null) return { code: 'invalid_time', field: 'endTime', message: '结束时间格式应为 HH:MM' };
  if (end <= start) return { code: 'invalid_time', field: 'endTime', message: '结束时间应晚于开始时间' };
  if (d.leaderAttachments && !d.leaderAttachments.some((a) => attachmentCovers(a, d.areaCode))) {
    return { code: 'leader_not_attached', field: 'leaderUserId', message: '该领导未包片联系此村（社区），请先设置包片联系' };
  }
  return null;
}

export type ReceptionPhase = 'upcoming' | 'ongoing' | 'past';

/** Where a reception day stands at `now`, in China time (+08:00). */
export function receptionPhase(d: { day: string; startTime: string; endTime: string }, now: Date): ReceptionPhase {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const today = china.toISOString().slice(0, 10);
  if (d.day > today) return 'upcoming';
  if (d.day < today) return 'past';
  const minute = china.getUTCHours() * 60 + china.getUTCMinutes();
  if (minute < (timeOfDay(d.startTime) ?? 0)) return 'upcoming';
  if (minute >= (timeOfDay(d.endTime) ?? 24 * 60)) return 'past';
  return 'ongoing';
}

/**
 * The monthly rule: the attached communities of each leader that have no reception day in the month
 * `YYYY-MM`. An attachment to a whole town is met by a day in any of its communities.
 */
export function uncoveredAttachments(
  attachments: { userId: string; areaCode: string }[],
  days: { leaderUserId: string | null; areaCode: string; day: string }[],
  month: string,
): { userId: string; areaCode: string }[] {
  return attachments.filter(
    (a) => !days.some((d) => d.leaderUserId === a.userId && d.day.startsWith(`${month}-`) && attachmentCovers(a.areaCode, d.areaCode)),
  );
}
