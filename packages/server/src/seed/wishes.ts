// Micro-wishes for the 海门区 demo: the automatic points rule for fulfilled wishes, and a few
// wishes of 状元街 residents in various states so the wish wall is not empty.
import { SCHEMES } from '@gongzhi/domain';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { people } from '../db/schema.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import { insertRule } from '../repositories/points.ts';
import { findUserForLogin } from '../repositories/users.ts';
import * as repo from '../repositories/wishes.ts';
import type { AppContext } from '../services/context.ts';
import { WISH_POINTS_RULE } from '../services/wishes.ts';

const COUNTY = '320614';
const COMMUNITY = '320614103001';

/** The automatic variant of `wish-fulfilled` (认领并完成群众微心愿), posted when the wisher confirms. */
export async function seedWishPointsRule(ctx: AppContext, county = COUNTY): Promise<void> {
  await insertRule(ctx.db, {
    code: WISH_POINTS_RULE,
    name: '认领并完成群众微心愿（心愿人确认后自动计分）',
    scheme: 'vanguard',
    points: 10,
    maxPoints: 10,
    areaCode: county,
    dailyLimit: null,
    monthlyLimit: 40,
    proposerRoles: [],
    approverRoles: [...SCHEMES.vanguard.defaultApprovers],
    auto: true,
    basis: '海门区“双积分”管理办法（“四沉四提四融合”）；微心愿经心愿人确认完成后系统自动计分',
    sort: 90,
  });
}

interface DemoWish {
  title: string;
  description: string;
  state: 'submitted' | 'published' | 'claimed' | 'fulfilled';
  daysAgo: number;
}

const DEMO_WISHES: DemoWish[] = [
  { title: '想要一个新书包', description: '孩子读小学三年级，书包背带断了，家里经济困难，希望能有一个结实的新书包。', state: 'published', daysAgo: 6 },
  { title: '助听器维修', description: '老人的助听器有杂音、声音时有时无，行动不便无法去市区维修，希望有人帮忙送修。', state: 'claimed', daysAgo: 10 },
  { title: '陪老人去医院复查', description: '独居老人下周要去区人民医院复查心脏，子女在外地，希望有人陪同挂号、取药。', state: 'published', daysAgo: 3 },
  { title: '一套初中数学辅导书', description: '孩子今年上初一，想要一套同步练习和辅导书。', state: 'fulfilled', daysAgo: 20 },
  { title: '修理漏水的水龙头', description: '厨房水龙头一直滴水，家里只有老两口，不会修。', state: 'submitted', daysAgo: 1 },
];

const DAY = 86_400_000;

/** Adds the demo's wishes once; a database that has them is left untouched. */
export async function seedWishesDemo(ctx: AppContext): Promise<'created' | 'present'> {
  await seedWishPointsRule(ctx);
  if (await getMeta(ctx.db, 'wishes_seed')) return 'present';
  const [grid, secretary, party] = await Promise.all(['grid', 'secretary', 'party'].map((u) => findUserForLogin(ctx.db, u)));
  if (!grid || !secretary || !party) return 'present';
  const residents = await ctx.db
    .select({ id: people.id, name: people.name, areaCode: people.areaCode })
    .from(people)
    .where(and(like(people.areaCode, `${COMMUNITY}%`), eq(people.partyMember, false), sql`${people.birthDate} < '1960-01-01'`))
    .orderBy(asc(people.areaCode), asc(people.id))
    .limit(40);
  if (residents.length < DEMO_WISHES.length) return 'present';
  const now = Date.now();
  await ctx.db.transaction(async (tx) => {
    for (const [i, d] of DEMO_WISHES.entries()) {
      // Every eighth older resident, so the wishes spread over the community's buildings.
      const person = residents[(i * 8) % residents.length]!;
      const account = await repo.userOfPerson(tx, person.id);
      const at = (hours: number) => new Date(now - d.daysAgo * DAY + hours * 3600_000);
      const reached = ['submitted', 'published', 'claimed', 'fulfilled'].indexOf(d.state);
      const w = await repo.insertWish(tx, {
        state: d.state,
        title: d.title,
        description: d.description,
        areaCode: person.areaCode,
        wisherUserId: account?.id ?? null,
        wisherPersonId: person.id,
        wisherName: person.name,
        createdBy: grid.id,
        onBehalf: true,
        reviewedBy: reached >= 1 ? secretary.id : null,
        reviewedAt: reached >= 1 ? at(4) : null,
        claimedByUserId: reached >= 2 ? party.id : null,
        claimedAt: reached >= 2 ? at(24) : null,
        fulfilledAt: reached >= 3 ? at(72) : null,
        fulfilNote: reached >= 3 ? '已送到心愿人家中，心愿人很满意。' : null,
        createdAt: at(0),
        updatedAt: at(reached * 24),
      });
      const events: { action: string; from: string | null; to: string; by: { id: string; displayName: string }; hours: number; note?: string }[] = [
        { action: 'submit', from: null, to: 'submitted', by: grid, hours: 0, note: '网格员入户走访时代为提交' },
      ];
      if (reached >= 1) events.push({ action: 'approve', from: 'submitted', to: 'published', by: secretary, hours: 4 });
      if (reached >= 2) events.push({ action: 'claim', from: 'published', to: 'claimed', by: party, hours: 24 });
      if (reached >= 3) events.push({ action: 'fulfil', from: 'claimed', to: 'fulfilled', by: party, hours: 72, note: '已送到心愿人家中，心愿人很满意。' });
      for (const e of events) {
        await repo.insertWishEvent(tx, {
          wishId: w.id,
          action: e.action,
          fromState: e.from,
          toState: e.to,
          actorId: e.by.id,
          actorName: e.by.displayName.replace(/（[^）]*）$/, ''),
          at: at(e.hours),
          note: e.note ?? null,
        });
      }
    }
    await setMeta(tx, 'wishes_seed', { version: 1, at: new Date().toISOString() });
  });
  return 'created';
}
