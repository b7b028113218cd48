// Service orders for the 海门区 demo (点单-派单-接单): the automatic points rule, 状元街's service
// menu, the eight standard teams of its 基层治理服务团 with a few members (the `party` account in
// two), and a few orders of the `resident` account in various states.
import { DEFAULT_SERVICE_MENU, SCHEMES, STANDARD_SERVICE_TEAMS } from '@gongzhi/domain';
import { getMeta, setMeta } from '../repositories/meta.ts';
import * as repo from '../repositories/orders.ts';
import { insertRule } from '../repositories/points.ts';
import { findUserForLogin } from '../repositories/users.ts';
import type { AppContext } from '../services/context.ts';
import { ORDER_POINTS_RULE } from '../services/orders.ts';

const COUNTY = '320614';
const COMMUNITY = '320614103001';
const DAY = 86_400_000;

/** 完成群众点单服务: posted automatically when the resident rates the service 满意 or 基本满意. */
export async function seedOrderPointsRule(ctx: AppContext, county = COUNTY): Promise<void> {
  await insertRule(ctx.db, {
    code: ORDER_POINTS_RULE,
    name: '承接并完成群众点单服务（点单人评价满意或基本满意后自动计分）',
    scheme: 'vanguard',
    points: 5,
    maxPoints: 5,
    areaCode: county,
    dailyLimit: null,
    monthlyLimit: 40,
    proposerRoles: [],
    approverRoles: [...SCHEMES.vanguard.defaultApprovers],
    auto: true,
    basis: '海门区“双积分”管理办法；群众点单、社区派单、党员接单，点单人评价后系统自动计分',
    sort: 91,
  });
}

/** Team members of the demo: [team code, username, leader]. */
const MEMBERS: [string, string, boolean][] = [
  ['welfare', 'secretary', true],
  ['welfare', 'party', false],
  ['welfare', 'grid', false],
  ['errands', 'community', true],
  ['errands', 'party', false],
  ['law', 'grid', true],
  ['mediation', 'community', true],
  ['policy', 'secretary', true],
];

/** Adds the demo's menu, teams and orders once; a database that has them is left untouched. */
export async function seedOrdersDemo(ctx: AppContext): Promise<'created' | 'present'> {
  await seedOrderPointsRule(ctx);
  if (await getMeta(ctx.db, 'orders_seed')) return 'present';
  const names = ['resident', 'party', 'community', 'grid', 'secretary'] as const;
  const found = await Promise.all(names.map((u) => findUserForLogin(ctx.db, u)));
  if (found.some((u) => !u)) return 'present';
  const user = Object.fromEntries(names.map((n, i) => [n, found[i]!])) as Record<(typeof names)[number], NonNullable<(typeof found)[number]>>;
  const resident = user.resident.personId ? await repo.personWithAddress(ctx.db, user.resident.personId) : null;
  const address = resident?.address;
  if (!resident || !address) return 'present';
  const now = Date.now();
  await ctx.db.transaction(async (tx) => {
    const teamId = new Map<string, string>();
    for (const t of STANDARD_SERVICE_TEAMS) {
      const row = await repo.insertTeam(tx, { areaCode: COMMUNITY, code: t.code, name: t.name, description: t.description });
      if (row) teamId.set(t.code, row.id);
    }
    const custom = await repo.insertTeam(tx, { areaCode: COMMUNITY, code: null, name: '银发互助服务队', description: '低龄老人结对帮扶高龄、独居老人（社区自建服务队）' });
    for (const [code, username, leader] of MEMBERS) {
      const team = teamId.get(code);
      if (team) await repo.addTeamMember(tx, team, user[username as keyof typeof user].id, leader);
    }
    if (custom) await repo.addTeamMember(tx, custom.id, user.party.id, true);
    const menu = new Map<string, repo.MenuItemRow>();
    for (const [i, m] of DEFAULT_SERVICE_MENU.entries()) {
      const row = await repo.insertMenuItem(tx, { areaCode: COMMUNITY, name: m.name, category: m.category, description: m.description, defaultTeamId: teamId.get(m.team) ?? null, sort: (i + 1) * 10 });
      if (row) menu.set(m.code, row);
    }
    const plain = (n: string) => n.replace(/（[^）]*）$/, '');
    const demo: { service: string; note: string; time: string; daysAgo: number; reached: 0 | 1 | 2 | 3; team?: string }[] = [
      { service: 'health', note: '想请人上门帮老伴测一下血压，顺便问问用药。', time: '本周六上午', daysAgo: 1, reached: 0 },
      { service: 'escort', note: '下周三要去区人民医院复查，子女不在身边。', time: '下周三 8:00', daysAgo: 2, reached: 1, team: 'welfare' },
      { service: 'paperwork', note: '帮忙代办医保年度认证。', time: '工作日均可', daysAgo: 4, reached: 2 },
      { service: 'errand', note: '腿脚不便，想请人代购一些降压药。', time: '明天下午', daysAgo: 6, reached: 3 },
    ];
    for (const d of demo) {
      const item = menu.get(d.service)!;
      const at = (hours: number) => new Date(now - d.daysAgo * DAY + hours * 3600_000);
      const toTeam = d.team ? teamId.get(d.team)! : null;
      const o = await repo.insertOrder(tx, {
        state: ['ordered', 'dispatched', 'taken', 'completed'][d.reached]!,
        menuItemId: item.id,
        serviceName: item.name,
        category: item.category,
        note: d.note,
        preferredTime: d.time,
        address,
        areaCode: resident.areaCode,
        ordererUserId: user.resident.id,
        ordererPersonId: resident.id,
        ordererName: resident.name,
        assigneeUserId: d.reached >= 1 && !toTeam ? user.party.id : null,
        assigneeTeamId: d.reached >= 1 ? toTeam : null,
        dispatchedBy: d.reached >= 1 ? user.community.id : null,
        dispatchedAt: d.reached >= 1 ? at(2) : null,
        takenByUserId: d.reached >= 2 ? user.party.id : null,
        takenAt: d.reached >= 2 ? at(5) : null,
        completedAt: d.reached >= 3 ? at(30) : null,
        completeNote: d.reached >= 3 ? '药品已按处方代购并送到家中，已核对用法用量。' : null,
        createdAt: at(0),
        updatedAt: at(d.reached * 8),
      });
      const target = toTeam ? STANDARD_SERVICE_TEAMS.find((t) => t.code === d.team)!.name : plain(user.party.displayName);
      const events: { action: string; from: string | null; to: string; by: { id: string; displayName: string }; hours: number; note: string | null }[] = [
        { action: 'order', from: null, to: 'ordered', by: user.resident, hours: 0, note: d.note },
      ];
      if (d.reached >= 1) events.push({ action: 'dispatch', from: 'ordered', to: 'dispatched', by: user.community, hours: 2, note: `派给${target}` });
      if (d.reached >= 2) events.push({ action: 'take', from: 'dispatched', to: 'taken', by: user.party, hours: 5, note: null });
      if (d.reached >= 3) events.push({ action: 'complete', from: 'taken', to: 'completed', by: user.party, hours: 30, note: o.completeNote });
      for (const e of events) {
        await repo.insertOrderEvent(tx, { orderId: o.id, action: e.action, fromState: e.from, toState: e.to, actorId: e.by.id, actorName: plain(e.by.displayName), at: at(e.hours), note: e.note });
      }
    }
    await setMeta(tx, 'orders_seed', { version: 1, at: new Date().toISOString() });
  });
  return 'created';
}
