// Demo meetings of deliberations (议事会议, docs/PARTICIPATION.md "Meetings"): every seeded deliberation gets
// a meeting held last month with its agenda, attendance and minutes; and 状元街 gets a 居民会议 whose roll
// names the demo `resident`, with a meeting scheduled for tomorrow evening (one agenda item taken from a
// need of the needs list). Once only (meta key `meetings_seed`).
import { and, asc, eq, like, ne, sql } from 'drizzle-orm';
import { deliberationRoll, deliberations, needs, people } from '../db/schema.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import * as repo from '../repositories/deliberation-meetings.ts';
import { findUserForLogin } from '../repositories/users.ts';
import type { AppContext } from '../services/context.ts';

const COMMUNITY = '320614103001';

export async function seedMeetingsDemo(ctx: AppContext): Promise<'created' | 'present'> {
  if (await getMeta(ctx.db, 'meetings_seed')) return 'present';
  const [community, resident] = await Promise.all(['community', 'resident'].map((u) => findUserForLogin(ctx.db, u)));
  if (!community) return 'present';
  await ctx.db.transaction(async (tx) => {
    // 1. A held meeting for each seeded deliberation.
    const seeded = await tx.select().from(deliberations).orderBy(asc(deliberations.createdAt)).limit(20);
    for (const d of seeded) {
      const roll = await tx.select().from(deliberationRoll).where(eq(deliberationRoll.deliberationId, d.id)).orderBy(asc(deliberationRoll.seq));
      const at = new Date(d.createdAt.getTime() + 2 * 3600_000);
      const m = await repo.insertMeeting(tx, {
        deliberationId: d.id,
        scheduledAt: at,
        place: '社区党群服务中心二楼议事室',
        state: 'held',
        minutes: `到会 ${roll.length} 方，会议由社区党委书记主持。\n一、地下车库积水：物业公司本月内疏通排水沟、加装两台排水泵，费用从公共收益中列支。\n二、电动车充电：在 3 号楼东侧增设 20 个充电桩，业委会负责征求意见，社区民警加强楼道巡查。\n三、下次联席会议于下季度第一个月召开，通报落实情况。`,
        minutesBy: community.id,
        minutesAt: new Date(at.getTime() + 3 * 3600_000),
        createdBy: community.id,
        createdAt: d.createdAt,
      });
      const agenda = [
        { title: '地下车库积水问题', presenter: '物业项目经理' },
        { title: '电动车集中充电设施建设', presenter: '业委会主任' },
        { title: '楼道堆物和消防通道整治', presenter: '社区民警' },
      ];
      for (const a of agenda) await repo.insertAgendaItem(tx, { meetingId: m.id, title: a.title, sourceType: 'text', sourceId: null, sourceTitle: null, presenter: a.presenter });
      for (const [i, r] of roll.entries()) await repo.insertAttendance(tx, { meetingId: m.id, rollId: r.id, how: i % 2 ? 'qr' : 'staff', recordedBy: community.id, at: new Date(at.getTime() - (10 - i) * 60_000) });
    }

    // 2. A 居民会议 of 状元街 with the demo resident on its roll, and a meeting tomorrow at 19:00.
    if (resident?.personId) {
      const neighbours = await tx
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(like(people.areaCode, `${COMMUNITY}%`), eq(people.status, 'active'), ne(people.id, resident.personId), sql`${people.birthDate} < '2000-01-01'`))
        .orderBy(asc(people.areaCode), asc(people.id))
        .limit(11);
      const [me] = await tx.select({ name: people.name }).from(people).where(eq(people.id, resident.personId));
      const created = new Date(Date.now() - 3 * 86400_000);
      const [d] = await tx
        .insert(deliberations)
        .values({ title: '状元街第一网格加装电梯和停车管理', description: '老旧小区加装电梯的费用分摊方案，以及小区内停车收费和车位分配办法。', areaCode: COMMUNITY, body: 'residents-assembly', form: 'persons', state: 'open', createdBy: community.id, createdAt: created })
        .returning();
      const roll = [{ id: resident.personId, name: me?.name ?? '居民' }, ...neighbours];
      await tx.insert(deliberationRoll).values(roll.map((p, i) => ({ deliberationId: d!.id, seq: i + 1, name: p.name, personId: p.id })));
      const tomorrow = new Date(Date.now() + 86400_000);
      const day = new Date(tomorrow.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const m = await repo.insertMeeting(tx, { deliberationId: d!.id, scheduledAt: new Date(`${day}T19:00:00+08:00`), place: '状元街社区居民议事园', createdBy: community.id, createdAt: created });
      await repo.insertAgendaItem(tx, { meetingId: m.id, title: '加装电梯费用按楼层分摊方案', sourceType: 'text', sourceId: null, sourceTitle: null, presenter: '黄晓梅' });
      const [need] = await tx.select({ id: needs.id, title: needs.title }).from(needs).where(like(needs.areaCode, `${COMMUNITY}%`)).orderBy(asc(needs.createdAt)).limit(1);
      if (need) await repo.insertAgendaItem(tx, { meetingId: m.id, title: need.title, sourceType: 'need', sourceId: need.id, sourceTitle: need.title, presenter: '茅卫东' });
      await repo.insertAgendaItem(tx, { meetingId: m.id, title: '小区停车收费和车位分配办法', sourceType: 'text', sourceId: null, sourceTitle: null, presenter: '物业项目经理' });
    }
    await setMeta(tx, 'meetings_seed', { version: 1, at: new Date().toISOString() });
  });
  return 'created';
}
