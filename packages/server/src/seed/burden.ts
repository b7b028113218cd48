// Demo data of burden reduction (准入, 一表通) for 海门区: the social work department's two lists
// with their sources, requests of the city management bureau in each state, the tasks admitted
// ones sent to 常乐镇's communities, tasks communities flagged as received outside the process,
// and a report form pre-filled for them. Dates are relative to today.
import { and, eq, like, sql } from 'drizzle-orm';
import { checkRequest, negativeRefusal, prefillForm, monthBounds, type FormField, type ListEntry, type ListKind, type RequestKind } from '@gongzhi/domain';
import { areas, users } from '../db/schema.ts';
import * as repo from '../repositories/burden.ts';
import { findUnitByCode, findUserForLogin, insertUnits, insertUser, listUnits } from '../repositories/users.ts';
import { hashPassword } from '../lib/passwords.ts';
import { SOCIAL_WORK_UNIT } from '../policies/burden.ts';
import type { DbOrTx } from '../db/client.ts';
import type { AppContext } from '../services/context.ts';
import { workCalendar } from '../services/deadlines.ts';

const COUNTY = '320614';

/** 区委社会工作部: keeps the admission and negative lists and decides departments' requests. */
export async function ensureSocialWorkUnit(db: DbOrTx): Promise<void> {
  if (await findUnitByCode(db, SOCIAL_WORK_UNIT)) return;
  await insertUnits(db, [{ code: SOCIAL_WORK_UNIT, name: '区委社会工作部', shortName: '社会工作部', type: 'department', areaCode: COUNTY, duties: '基层治理统筹、社区工作事项准入、为基层减负', handlesCases: false, sort: 90 }]);
}

const LISTS: { kind: ListKind; title: string; keywords: string[]; source: string }[] = [
  { kind: 'negative', title: '要求社区为部门工作挂牌、设机构', keywords: ['挂牌', '牌子', '上墙'], source: '`004` 巩固“牌子乱象”整治成果' },
  { kind: 'negative', title: '以社区名义开具无法定依据的证明', keywords: ['开具证明', '出具证明'], source: '`000` 严查给基层带来不必要负担的形式主义问题' },
  { kind: 'negative', title: '要求社区参与执法、拆违等不属社区职责的事项', keywords: ['执法', '拆除违建', '强制拆除'], source: '`003` 除明确规定街道社区履行的主责主业外，须经同意方能进入' },
  { kind: 'negative', title: '要求社区重复报送同一数据、台账', keywords: ['重复报送', '台账留痕'], source: '`004` 材料报送“一次提交”' },
  { kind: 'negative', title: '面向社区的督查检查、考核评比（未经统筹）', keywords: ['督查检查', '考核评比', '创建评比'], source: '`004` 严控面向基层的督查检查' },
  { kind: 'admission', title: '人口普查、经济普查等法定统计调查的入户协助', keywords: ['普查'], source: '《中华人民共和国统计法》第七条；`003` 工作事项准入' },
  { kind: 'admission', title: '防汛防台、森林防火等应急动员协助', keywords: ['防汛', '防台', '应急'], source: '《中华人民共和国突发事件应对法》第二十一条' },
  { kind: 'admission', title: '困难群众、特殊人群的走访摸排', keywords: ['困难群众', '走访摸排', '低保'], source: '《社会救助暂行办法》第十一条' },
  { kind: 'admission', title: '垃圾分类、人居环境整治的宣传动员', keywords: ['垃圾分类', '人居环境'], source: '`000` 四张清单“共性+个性”' },
];

interface DemoRequest {
  kind: RequestKind;
  title: string;
  description: string;
  legalBasis: string;
  support?: string;
  hours: number;
  days: number;
  /** 'submitted' | 'admitted' | 'returned' | 'refused' (by the negative list, or by the reviewer when a note is given). */
  outcome: 'submitted' | 'admitted' | 'returned' | 'refused';
  note?: string;
  ago: number;
}

const REQUESTS: DemoRequest[] = [
  { kind: 'campaign', title: '垃圾分类桶边督导宣传周', description: '各社区组织志愿者在小区投放点开展桶边督导，发放宣传册，每社区不少于 3 个投放点。', legalBasis: '《江苏省生活垃圾管理条例》第二十八条', hours: 8, days: 10, outcome: 'admitted', ago: 12 },
  { kind: 'task', title: '沿街店铺门前三包责任书签订', description: '协助摸清沿街店铺底数，与店铺签订门前三包责任书，城管中队负责执行。', legalBasis: '《江苏省城市市容和环境卫生管理条例》第十二条', support: '城管中队派员 2 名随同，印制费用由区城管局承担', hours: 6, days: 15, outcome: 'submitted', ago: 2 },
  { kind: 'sign', title: '社区服务中心挂“城管服务站”牌子', description: '在社区服务中心门口悬挂城管服务站牌子并设置值班台。', legalBasis: '区城管局工作方案', hours: 4, days: 5, outcome: 'refused', ago: 20 },
  { kind: 'report', title: '户外广告设施底数统计', description: '统计辖区户外广告牌数量、位置和设置单位，按月上报。', legalBasis: '《城市市容和环境卫生管理条例》第十一条', support: '', hours: 5, days: 10, outcome: 'returned', note: '请写明随事转移的经费和人员；按月上报改为一次性摸底。', ago: 6 },
];

const FLAGS: { title: string; unit: string; channel: string; ago: number }[] = [
  { title: '报送辖区电动自行车充电设施照片', unit: 'dept-xf', channel: '工作群通知', ago: 3 },
  { title: '填报食品小作坊台账（Excel）', unit: 'dept-scjg', channel: '电话通知', ago: 9 },
  { title: '组织居民参加安全知识线上答题，截图上报参与率', unit: 'dept-yj', channel: '工作群通知', ago: 15 },
];

const FORM_FIELDS: FormField[] = [
  { key: 'population.total', label: '实有人口（人）', type: 'number', binding: 'population.total' },
  { key: 'households.total', label: '户数（户）', type: 'number', binding: 'households.total' },
  { key: 'population.elderly', label: '60 周岁及以上老年人（人）', type: 'number', binding: 'population.elderly' },
  { key: 'cases.received', label: '本期受理事件（件）', type: 'number', binding: 'cases.received' },
  { key: 'sorting-volunteers', label: '垃圾分类志愿者（人）', type: 'number', binding: null },
  { key: 'sorting-points', label: '分类投放点（个）', type: 'number', binding: null },
];

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/**
 * The account of the social work department (区委社会工作部), beside the demo accounts of API-CONTRACT.md
 * (which stay as they are): username `shgzb`, the demo password.
 */
export const SOCIAL_WORK_ACCOUNT = { username: 'shgzb', displayName: '季秀英（区委社会工作部）' };

export async function seedBurdenDemo(ctx: AppContext, password: string): Promise<void> {
  const db = ctx.db;
  await ensureSocialWorkUnit(db);
  const [cg, sw] = await Promise.all([findUnitByCode(db, 'dept-cg'), findUnitByCode(db, SOCIAL_WORK_UNIT)]);
  if (sw && !(await findUserForLogin(db, SOCIAL_WORK_ACCOUNT.username))) {
    await insertUser(db, { ...SOCIAL_WORK_ACCOUNT, passwordHash: await hashPassword(password), roles: ['department-handler'], scopeCode: COUNTY, unitId: sw.id });
  }
  const deptUser = (await db.select().from(users).where(eq(users.username, 'dept-cg')))[0];
  const swUser = (await db.select().from(users).where(eq(users.username, 'shgzb')))[0];
  const community = (await db.select().from(users).where(eq(users.username, 'community')))[0];
  if (!cg || !sw || !deptUser || !swUser || !community) return;
  const entries: ListEntry[] = [];
  for (const l of LISTS) {
    const r = await repo.insertEntry(db, { ...l, createdBy: swUser.id, updatedBy: swUser.id });
    entries.push({ id: r.id, kind: l.kind, title: l.title, keywords: l.keywords, source: l.source });
  }
  const communities = (
    await db
      .select({ code: areas.code })
      .from(areas)
      .where(and(like(areas.code, '320614103%'), sql`length(${areas.code}) = 12`))
      .orderBy(areas.code)
      .limit(4)
  ).map((a) => a.code);
  if (communities.length === 0) return;
  let admittedId: string | null = null;
  for (const d of REQUESTS) {
    const check = checkRequest({ title: d.title, description: d.description, kind: d.kind }, entries);
    const refusal = negativeRefusal(check);
    const created = daysAgo(d.ago);
    const decided = d.outcome === 'submitted' ? null : daysAgo(Math.max(d.ago - 1, 0));
    const r = await repo.insertRequest(db, {
      unitId: cg.id,
      requestedBy: deptUser.id,
      kind: d.kind,
      title: d.title,
      description: d.description,
      legalBasis: d.legalBasis,
      support: d.support || null,
      workloadHours: d.hours,
      workingDays: d.days,
      areaCodes: communities,
      state: d.outcome,
      check,
      verdict: check.verdict,
      decisionNote: d.outcome === 'refused' ? (refusal ?? d.note ?? null) : (d.note ?? null),
      decidedBy: d.outcome === 'refused' && refusal ? null : decided ? swUser.id : null,
      decidedAt: decided,
      createdAt: created,
    });
    if (d.outcome === 'admitted') {
      admittedId ??= r.id;
      const dueAt = workCalendar().addWorkingDays(decided!, d.days);
      await repo.insertTasks(
        db,
        communities.map((areaCode) => ({ requestId: r.id, areaCode, unitId: cg.id, title: d.title, admitted: true, dueAt, note: d.description, createdBy: swUser.id, createdAt: decided! })),
      );
    }
  }
  const departments = new Map((await listUnits(db, 'department')).map((u) => [u.code, u.id]));
  for (const f of FLAGS) {
    await repo.insertTask(db, { areaCode: communities[0]!, unitId: departments.get(f.unit) ?? null, title: f.title, admitted: false, channel: f.channel, state: 'done', createdBy: community.id, createdAt: daysAgo(f.ago) });
  }
  // A form of this month, sent under the admitted request to its communities; the third has sent it back.
  const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const form = await repo.insertForm(db, { unitId: cg.id, requestId: admittedId, createdBy: deptUser.id, title: '垃圾分类工作月报', period, fields: FORM_FIELDS, areaCodes: communities, createdAt: daysAgo(1) });
  const { from, to } = monthBounds(period);
  const rows = [];
  for (const [i, areaCode] of communities.entries()) {
    const values = prefillForm(FORM_FIELDS, await repo.communityFigures(db, areaCode, from, to), new Map());
    const prefilled = values.filter((v) => v.source === 'registry').length;
    const done = i === 2;
    rows.push({
      formId: form.id,
      areaCode,
      period,
      values: done ? values.map((v) => (v.source === 'typed' ? { ...v, value: v.key === 'sorting-points' ? '6' : '18' } : v)) : values,
      prefilled,
      reused: 0,
      typed: done ? values.length - prefilled : 0,
      state: done ? 'submitted' : 'pending',
      submittedAt: done ? daysAgo(0) : null,
      submittedBy: done ? community.id : null,
      createdAt: daysAgo(1),
    });
  }
  await repo.insertReturns(db, rows);
}
