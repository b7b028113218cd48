// Lists and projects for the 海门区 demo: the automatic points rules for claiming and closing out a
// project, a few departments' offers of this year, 金点子 of 状元街 residents, its needs list, and one
// secretary's project under way with its supervision group (the demo resident is in it).
import { needMonthOf, quarterOf, SCHEMES } from '@gongzhi/domain';
import { and, asc, eq, like, ne, sql } from 'drizzle-orm';
import { people, units } from '../db/schema.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import { insertRule } from '../repositories/points.ts';
import * as repo from '../repositories/projects.ts';
import { findUserForLogin } from '../repositories/users.ts';
import type { AppContext } from '../services/context.ts';
import { PROJECT_POINTS_RULES } from '../services/projects.ts';

const COUNTY = '320614';
const COMMUNITY = '320614103001';
const DAY = 86_400_000;
const BASIS = '海门区“双积分”管理办法；治理项目领办、经群众督导小组签字确认销号后系统自动计分';

/** The automatic rules for 领办 and 销号 (one each for party members and for sunk-down cadres). */
export async function seedProjectPointsRules(ctx: AppContext, county = COUNTY): Promise<void> {
  const rows = [
    { code: PROJECT_POINTS_RULES.claim.member, name: '领办治理项目（党员，领办时自动计分）', scheme: 'vanguard' as const, points: 5, monthlyLimit: 20 },
    { code: PROJECT_POINTS_RULES.close.member, name: '领办的治理项目经群众督导小组确认销号（党员）', scheme: 'vanguard' as const, points: 10, monthlyLimit: 40 },
    { code: PROJECT_POINTS_RULES.claim.cadre, name: '领办书记项目、民生实事（下沉干部，领办时自动计分）', scheme: 'cadre' as const, points: 5, monthlyLimit: 20 },
    { code: PROJECT_POINTS_RULES.close.cadre, name: '领办的治理项目经群众督导小组确认销号（下沉干部）', scheme: 'cadre' as const, points: 10, monthlyLimit: 40 },
  ];
  for (const [i, r] of rows.entries()) {
    await insertRule(ctx.db, {
      code: r.code,
      name: r.name,
      scheme: r.scheme,
      points: r.points,
      maxPoints: r.points,
      areaCode: county,
      dailyLimit: null,
      monthlyLimit: r.monthlyLimit,
      proposerRoles: [],
      approverRoles: [...SCHEMES[r.scheme].defaultApprovers],
      auto: true,
      basis: BASIS,
      sort: 95 + i,
    });
  }
}

const OFFERS = [
  { unit: 'dept-zj', title: '既有住宅加装电梯技术指导', content: '住建局派技术人员上门指导老旧小区加装电梯的方案设计、业主协商与审批手续。', contact: '区住建局物业科 0513-82101234', conditions: '须经本单元三分之二以上业主同意', capacity: 4 },
  { unit: 'dept-mz', title: '居家养老助餐点建设补助', content: '民政局对村（社区）新建老年助餐点给予设备补助，并协调爱心企业供餐。', contact: '区民政局养老服务科 0513-82105678', conditions: '有 30 平方米以上的场地', capacity: 6 },
  { unit: 'dept-cg', title: '口袋公园与小微绿地微更新', content: '城管局提供设计方案和绿化苗木，把闲置空地改成口袋公园、休闲步道。', contact: '区城管局园林科 0513-82109876', conditions: '场地权属清楚，村（社区）负责日常管护', capacity: 3 },
  { unit: 'dept-wj', title: '家庭医生签约服务进小区', content: '卫健委组织家庭医生团队每月进小区义诊、签约、建立健康档案。', contact: '区卫健委基层卫生科 0513-82103456', conditions: '', capacity: 10 },
];

const IDEAS = [
  { by: 'resident', title: '把 7 号楼旁的空地改成口袋公园', content: '7 号楼和 9 号楼之间的空地长期堆放杂物，建议改成有座椅和健身器材的口袋公园，老人孩子都能用。', supporters: ['party'], days: 20 },
  { by: 'party', title: '开一个老年助餐点', content: '小区独居老人多，中午吃饭不方便，建议在社区活动中心开一个老年助餐点。', supporters: [], days: 12 },
  { by: 'resident', title: '楼道加装扶手', content: '老楼没有电梯，楼梯陡，建议在楼道里加装扶手，方便老人上下楼。', supporters: ['party'], days: 3 },
  { by: 'party', title: '河边步道加装路灯', content: '沿河步道晚上很黑，散步的老人和孩子容易摔倒，建议加装太阳能路灯。', supporters: [], days: 2 },
];

/** Adds the demo's lists and project once; a database that has them is left untouched. */
export async function seedProjectsDemo(ctx: AppContext): Promise<'created' | 'present'> {
  await seedProjectPointsRules(ctx);
  if (await getMeta(ctx.db, 'projects_seed')) return 'present';
  const [secretary, resident, party, district] = await Promise.all(['secretary', 'resident', 'party', 'district'].map((u) => findUserForLogin(ctx.db, u)));
  if (!secretary || !resident?.personId || !party?.personId || !district) return 'present';
  const neighbours = await ctx.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(like(people.areaCode, `${COMMUNITY}%`), eq(people.status, 'active'), ne(people.id, resident.personId), ne(people.id, party.personId), sql`${people.birthDate} < '1975-01-01'`))
    .orderBy(asc(people.areaCode), asc(people.id))
    .limit(12);
  const unitRows = await ctx.db.select({ id: units.id, code: units.code }).from(units);
  const unitId = (code: string) => unitRows.find((u) => u.code === code)?.id;
  if (neighbours.length < 2 || OFFERS.some((o) => !unitId(o.unit))) return 'present';
  const now = Date.now();
  const at = (days: number) => new Date(now - days * DAY);
  const year = Number(needMonthOf(new Date(now)).slice(0, 4));
  const users = { resident, party };
  await ctx.db.transaction(async (tx) => {
    const offerIds: string[] = [];
    for (const [i, o] of OFFERS.entries()) {
      const row = await repo.insertOffer(tx, { year, unitId: unitId(o.unit)!, areaCode: COUNTY, title: o.title, content: o.content, contact: o.contact, conditions: o.conditions, capacity: o.capacity, createdBy: district.id, createdAt: at(60 - i) });
      offerIds.push(row.id);
    }
    const residentPerson = await repo.personOf(tx, resident.personId!);
    const partyPerson = await repo.personOf(tx, party.personId!);
    const names = { resident: residentPerson!.name, party: partyPerson!.name };
    const ideaIds: string[] = [];
    for (const d of IDEAS) {
      const author = users[d.by as 'resident' | 'party'];
      const i = await repo.insertIdea(tx, { areaCode: COMMUNITY, quarter: quarterOf(at(d.days)), title: d.title, content: d.content, authorUserId: author.id, authorName: names[d.by as 'resident' | 'party'], createdAt: at(d.days) });
      for (const s of d.supporters) await repo.addSupport(tx, i.id, users[s as 'resident' | 'party'].id);
      ideaIds.push(i.id);
    }
    // The pocket-park idea became a need and a project; the others are still collecting supports.
    await repo.setIdeaState(tx, ideaIds[0]!, 'need', secretary.id);
    const park = await repo.insertNeed(tx, { areaCode: COMMUNITY, month: needMonthOf(at(18)), title: '7 号楼旁空地改建口袋公园', content: IDEAS[0]!.content, state: 'project', sources: [{ type: 'idea', id: ideaIds[0], title: IDEAS[0]!.title }], createdBy: secretary.id, createdAt: at(18) });
    await repo.insertNeed(tx, { areaCode: COMMUNITY, month: needMonthOf(at(10)), title: '社区老年助餐点', content: '走访中多位独居老人反映中午吃饭不方便，希望在社区活动中心开设老年助餐点。', sources: [], createdBy: secretary.id, createdAt: at(10) });
    await repo.insertNeed(tx, { areaCode: COMMUNITY, month: needMonthOf(at(5)), title: '老旧小区加装电梯', content: '状元街 3 幢、5 幢为六层老楼，独居老人上下楼困难，走访中多户反映希望加装电梯。', sources: [], createdBy: secretary.id, createdAt: at(5) });
    const project = await repo.insertProject(tx, {
      needId: park.id,
      offerId: offerIds[2],
      offerUnitId: unitId('dept-cg'),
      areaCode: COMMUNITY,
      title: '7 号楼旁口袋公园改建',
      content: '清理空地杂物，铺设透水砖步道，安装座椅和健身器材，种植绿化。',
      state: 'claimed',
      secretaryProject: true,
      ledger: true,
      budgetFen: 8_000_000,
      spentFen: 2_650_000,
      percent: 40,
      dueDate: new Date(now + 30 * DAY).toISOString().slice(0, 10),
      claimKind: 'member',
      claimedByUserId: party.id,
      claimedAt: at(15),
      createdBy: secretary.id,
      createdAt: at(16),
      updatedAt: at(4),
    });
    const group = [{ id: resident.personId!, name: names.resident }, ...neighbours.slice(0, 2)];
    await repo.insertSupervisors(tx, group.map((p) => ({ projectId: project.id, personId: p.id, name: p.name })));
    const partyName = party.displayName.replace(/（[^）]*）$/, '');
    await repo.insertMilestone(tx, { projectId: project.id, title: '清理空地、平整场地', note: '清运建筑垃圾和杂物 6 车，场地已平整。', percent: 40, spentFen: 2_650_000, actorId: party.id, actorName: partyName, at: at(4) });
    const events = [
      { action: 'create', by: secretary, days: 16, note: null },
      { action: 'claim', by: party, days: 15, note: `党员领办：${partyName}` },
      { action: 'milestone', by: party, days: 4, note: '清理空地、平整场地（进度 40%）' },
    ];
    for (const e of events) await repo.insertEvent(tx, { projectId: project.id, action: e.action, actorId: e.by.id, actorName: e.by.displayName.replace(/（[^）]*）$/, ''), note: e.note, at: at(e.days) });
    await setMeta(tx, 'projects_seed', { version: 1, at: new Date().toISOString() });
  });
  return 'created';
}
