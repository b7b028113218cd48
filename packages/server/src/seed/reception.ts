// Demo reception days (接待日) and leaders' cases (领导包案): the district leader (`leader`) is attached
// to the communities of the demo town where the history has reception cases, held a day in each
// (the cases taken there are theirs to follow), and has next month's days published; a town leader
// without an account receives residents in 状元街 too.
import { and, desc, eq, inArray, like } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { cases, leaderAttachments, receptionDays, users } from '../db/schema.ts';

const DEMO_COMMUNITY = '320614103001';
const PLACES = ['党群服务中心一楼接待室', '新时代文明实践站', '村（居）委会议室'];

const chinaDay = (t: Date) => new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The next Monday–Friday on or after `day` (a demo schedule; holidays aside). */
function weekday(day: string): string {
  let d = day;
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

export async function seedReceptionDemo(db: DbOrTx, town: string, now = new Date()): Promise<void> {
  const [leader] = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.username, 'leader')).limit(1);
  if (!leader) return;
  const leaderName = leader.name.replace(/（.*）$/, '');
  // The history's reception cases of the last months in the demo town, newest first, one per community.
  const taken = await db
    .select({ id: cases.id, areaCode: cases.areaCode, createdAt: cases.createdAt })
    .from(cases)
    .where(and(eq(cases.channel, 'reception'), like(cases.areaCode, `${town}%`)))
    .orderBy(desc(cases.createdAt))
    .limit(40);
  const byVillage = new Map<string, typeof taken>();
  for (const c of taken) {
    const v = c.areaCode.slice(0, 12);
    if (v.length !== 12) continue;
    if (!byVillage.has(v) && byVillage.size >= 3) continue;
    byVillage.set(v, [...(byVillage.get(v) ?? []), c]);
  }
  const villages = [...new Set([DEMO_COMMUNITY, ...byVillage.keys()])].slice(0, 4);
  await db.insert(leaderAttachments).values(villages.map((areaCode) => ({ userId: leader.id, areaCode }))).onConflictDoNothing();

  // Past days: the day each community's latest reception cases were taken (up to three cases a day).
  let i = 0;
  for (const [village, list] of byVillage) {
    const first = list[0]!;
    const day = chinaDay(first.createdAt);
    const sameDay = list.filter((c) => chinaDay(c.createdAt) === day && first.createdAt.getTime() - c.createdAt.getTime() < 3600_000).slice(0, 3);
    // A span around the time the first of them was taken (China time).
    const hour = new Date(first.createdAt.getTime() + 8 * 3600_000).getUTCHours();
    const span = { startTime: `${String(Math.max(0, Math.min(hour, 21) - 1)).padStart(2, '0')}:00`, endTime: `${String(Math.min(23, Math.max(hour, 1) + 2)).padStart(2, '0')}:00` };
    const [d] = await db
      .insert(receptionDays)
      .values({ areaCode: village, place: PLACES[i++ % PLACES.length]!, day, ...span, leaderUserId: leader.id, leaderName, leaderTitle: '区委常委', note: '每月接待日' })
      .returning({ id: receptionDays.id });
    await db
      .update(cases)
      .set({ leadUserId: leader.id, leadName: leaderName, receptionDayId: d!.id })
      .where(inArray(cases.id, sameDay.map((c) => c.id)));
  }

  // Upcoming days, published to the residents: the leader in each attached community, and a town leader in 状元街.
  const today = chinaDay(now);
  const rows: (typeof receptionDays.$inferInsert)[] = villages.map((areaCode, k) => ({
    areaCode,
    place: PLACES[k % PLACES.length]!,
    day: weekday(addDays(today, 7 + k * 3)),
    startTime: '09:00',
    endTime: '11:30',
    leaderUserId: leader.id,
    leaderName,
    leaderTitle: '区委常委',
    note: '每月接待日，欢迎居民群众反映诉求',
  }));
  rows.push({ areaCode: DEMO_COMMUNITY, place: PLACES[0]!, day: weekday(addDays(today, 14)), startTime: '14:30', endTime: '17:00', leaderUserId: null, leaderName: '王建明', leaderTitle: '常乐镇党委书记', note: '镇领导接待日' });
  await db.insert(receptionDays).values(rows);
}
