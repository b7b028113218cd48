// Activities and volunteers for the 海门区 demo: the automatic points rules that attendance posts
// to, the volunteer teams of `000` in 状元街, and a few activities of 状元街 around today.
import { SCHEMES, STANDARD_VOLUNTEER_TEAMS } from '@gongzhi/domain';
import { getMeta, setMeta } from '../repositories/meta.ts';
import { insertRule } from '../repositories/points.ts';
import { findUserForLogin } from '../repositories/users.ts';
import * as repo from '../repositories/activities.ts';
import type { AppContext } from '../services/context.ts';

const COUNTY = '320614';
const COMMUNITY = '320614103001';
const HAIMEN = '海门区“双积分”管理办法（“四沉四提四融合”）';

/** Rules posted automatically from confirmed attendance (no second approval: the list proves it). */
export async function seedActivityPointsRules(ctx: AppContext, county = COUNTY): Promise<void> {
  const rules = [
    { code: 'party-day-auto', name: '参加主题党日、三会一课（按考勤自动计分）', scheme: 'vanguard' as const, points: 5, maxPoints: 5, monthlyLimit: 10, basis: `${HAIMEN}；按组织者确认的考勤自动计分` },
    { code: 'volunteer-hour-auto', name: '志愿服务时长（按签到签退自动计分，每小时计 1）', scheme: 'volunteer' as const, points: 1, maxPoints: 8, dailyLimit: 8, basis: '志愿服务条例（2017）第十四条：按实际服务时长记录' },
    { code: 'community-activity-auto', name: '参加社区活动（按考勤自动计分）', scheme: 'neighbourhood' as const, points: 2, maxPoints: 5, monthlyLimit: 20, basis: `${HAIMEN}；按组织者确认的考勤自动计分` },
  ];
  let sort = 91;
  for (const r of rules) {
    await insertRule(ctx.db, {
      code: r.code,
      name: r.name,
      scheme: r.scheme,
      points: r.points,
      maxPoints: r.maxPoints,
      areaCode: county,
      dailyLimit: r.dailyLimit ?? null,
      monthlyLimit: r.monthlyLimit ?? null,
      proposerRoles: [],
      approverRoles: [...SCHEMES[r.scheme].defaultApprovers],
      auto: true,
      basis: r.basis,
      sort: sort++,
    });
  }
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** China-time today at `hour`:00, shifted by `days`. */
function at(days: number, hour: number): Date {
  const cst = new Date(Date.now() + 8 * HOUR);
  const base = Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate(), hour) - 8 * HOUR;
  return new Date(base + days * DAY);
}

/** Adds the demo's rules, teams and activities once; a database that has them is left untouched. */
export async function seedActivitiesDemo(ctx: AppContext): Promise<void> {
  await seedActivityPointsRules(ctx);
  if (await getMeta(ctx.db, 'activities_seed')) return;
  await repo.insertVolunteerTeams(ctx.db, STANDARD_VOLUNTEER_TEAMS.map((t) => ({ areaCode: COMMUNITY, name: t.name, kind: t.kind, description: t.description })));
  const [community, secretary] = await Promise.all([findUserForLogin(ctx.db, 'community'), findUserForLogin(ctx.db, 'secretary')]);
  if (!community || !secretary) return;
  const teams = await repo.volunteerTeamsIn(ctx.db, COMMUNITY);
  const sunset = teams.find((t) => t.name.startsWith('夕阳美'))?.id ?? null;
  const base = { areaCode: COMMUNITY, description: '', capacity: null as number | null, serviceTeamId: null, volunteerTeamId: null as string | null };
  const demo = [
    { ...base, kind: 'party-day', title: '12月主题党日：学习基层治理新要求', place: '状元街社区党群服务中心三楼会议室', startsAt: at(2, 9), endsAt: at(2, 11), capacity: 60, audience: 'members', pointsMode: 'per-attendance', points: 5, ruleCode: 'party-day-auto', organiserId: secretary.id },
    { ...base, kind: 'volunteer', title: '周六志愿服务日：小区环境整治', description: '清理楼道堆物、绿化带垃圾，请自带手套。', place: '状元街社区东苑小区南门', startsAt: at(3, 8), endsAt: at(3, 11), capacity: 30, audience: 'residents', pointsMode: 'per-hour', points: 1, ruleCode: 'volunteer-hour-auto', volunteerTeamId: sunset, organiserId: community.id },
    { ...base, kind: 'clinic', title: '福利直通车：社区卫生服务中心义诊', description: '测血压、血糖，慢病用药咨询。', place: '状元街社区党群服务中心一楼大厅', startsAt: at(5, 14), endsAt: at(5, 16), capacity: 80, audience: 'residents', pointsMode: 'per-attendance', points: 2, ruleCode: 'community-activity-auto', organiserId: community.id },
    { ...base, kind: 'train-policy', title: '政策直通车：医保政策进社区', place: '状元街社区新时代文明实践站', startsAt: at(-6, 14), endsAt: at(-6, 16), capacity: 50, audience: 'residents', pointsMode: 'per-attendance', points: 2, ruleCode: 'community-activity-auto', organiserId: community.id },
  ];
  for (const d of demo) {
    await repo.insertActivity(ctx.db, { ...d, basis: '' });
  }
  // The demo party member is a registered volunteer of 夕阳美, with a commendation the team recorded.
  const party = await findUserForLogin(ctx.db, 'party');
  const person = party?.personId ? await repo.personDetails(ctx.db, party.personId) : null;
  if (party && person) {
    const v = await repo.upsertVolunteer(ctx.db, { userId: party.id, personId: person.id, name: person.name, areaCode: COMMUNITY, teamId: sunset, skills: ['助老', '调解'], availability: '周六上午' });
    await repo.updateVolunteer(ctx.db, v.id, { commendations: [{ title: '状元街社区优秀志愿者', on: at(-60, 9).toISOString().slice(0, 10) }], evaluation: '服务热情，按时参加周六志愿服务日。' });
  }
  await setMeta(ctx.db, 'activities_seed', { at: new Date().toISOString() });
}
