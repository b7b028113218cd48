// Party organisations and members for the 海门区 demo (SPEC §2, §7): for 常乐镇, the town party
// committee and every village's 1+2+N (village organisation, two functional branches, a branch per
// grid), the building groups (X) of 状元街's first grid, the members of 状元街 from the registry with
// posts, and the `party` account registered (双报到) in 状元街's first grid branch. Deterministic:
// everything follows from the areas and people tables.
import { randomUUID } from 'node:crypto';
import { dayOf, FIXED_PARTY_POSTS, proposeLinks, qualifiesForOwnBranch } from '@gongzhi/domain';
import { and, asc, eq, like, or } from 'drizzle-orm';
import { areas, partyMembers, people } from '../db/schema.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import * as repo from '../repositories/party.ts';
import * as work from '../repositories/party-work.ts';
import { systemScope } from '../repositories/scope.ts';
import { findUserForLogin } from '../repositories/users.ts';
import type { AppContext } from '../services/context.ts';

const TOWN = '320614103';
const COMMUNITY = '320614103001';
const FIRST_GRID = '320614103001001';
const SECRETARY = '茅卫东';

/** 状元街居委会 → 状元街社区党委; 颐生村村委会 → 颐生村党总支. */
export function villageOrgName(code: string, name: string): { short: string; org: string } {
  const base = name.replace(/(社区)?(居民委员会|居委会|村民委员会|村委会)$/, '');
  const community = Number(code.slice(9, 12)) < 200;
  const short = community ? (base.endsWith('社区') ? base : `${base}社区`) : base.endsWith('村') ? base : `${base}村`;
  return { short, org: `${short}${community ? '党委' : '党总支'}` };
}

const CUSTOM_POST = { code: `x-${COMMUNITY}-1`, name: '楼道议事岗', description: '组织楼道居民议事协商，收集社情民意', areaCode: COMMUNITY, sort: 100 };

/** Adds the demo's organisations and members once; a database that has them is left untouched. */
export async function seedPartyDemo(ctx: AppContext): Promise<'created' | 'present'> {
  const r = await seedOrgsAndMembers(ctx);
  await seedPartyLinks(ctx);
  return r;
}

async function seedOrgsAndMembers(ctx: AppContext): Promise<'created' | 'present'> {
  if (await getMeta(ctx.db, 'party_seed')) return 'present';
  const db = ctx.db;
  const town = (await db.select().from(areas).where(eq(areas.code, TOWN)).limit(1))[0];
  if (!town) return 'present';
  const rows = await db
    .select({ code: areas.code, name: areas.name, level: areas.level, sort: areas.sort })
    .from(areas)
    .where(and(like(areas.code, `${TOWN}%`), or(eq(areas.level, 'village'), eq(areas.level, 'grid'))))
    .orderBy(asc(areas.code));
  const buildings = await db
    .select({ code: areas.code, name: areas.name, sort: areas.sort })
    .from(areas)
    .where(and(like(areas.code, `${COMMUNITY}%`), eq(areas.level, 'building')))
    .orderBy(asc(areas.code));
  const members = await db
    .select({ id: people.id, name: people.name, areaCode: people.areaCode, birthDate: people.birthDate })
    .from(people)
    .where(and(like(people.areaCode, `${COMMUNITY}%`), eq(people.partyMember, true)))
    .orderBy(asc(people.areaCode), asc(people.id));
  const [party, secretary] = await Promise.all([findUserForLogin(db, 'party'), findUserForLogin(db, 'secretary')]);

  const orgs: repo.NewPartyOrgRow[] = [];
  const idOf = new Map<string, string>();
  const add = (code: string, row: Omit<repo.NewPartyOrgRow, 'id' | 'code'>) => {
    const id = randomUUID();
    idOf.set(code, id);
    orgs.push({ id, code, ...row });
    return id;
  };
  const townId = add(`P${TOWN}`, { name: `${town.name}党委`, kind: 'town-committee', areaCode: TOWN, parentId: null, sort: 0 });
  const shortOf = new Map<string, string>();
  for (const v of rows.filter((r) => r.level === 'village')) {
    const n = villageOrgName(v.code, v.name);
    shortOf.set(v.code, n.short);
    const vid = add(`P${v.code}`, { name: n.org, kind: 'village-org', areaCode: v.code, parentId: townId, sort: v.sort, secretaryName: v.code === COMMUNITY ? SECRETARY : null });
    add(`P${v.code}-XC`, { name: `${n.short}下沉力量功能型党支部`, kind: 'functional-branch', areaCode: v.code, parentId: vid, sort: 900 });
    add(`P${v.code}-SH`, { name: `${n.short}社会力量功能型党支部`, kind: 'functional-branch', areaCode: v.code, parentId: vid, sort: 901 });
  }
  for (const g of rows.filter((r) => r.level === 'grid')) {
    const parentId = idOf.get(`P${g.code.slice(0, 12)}`);
    if (!parentId) continue;
    add(`P${g.code}`, { name: `${shortOf.get(g.code.slice(0, 12)) ?? ''}${g.name.replace(/（.*）$/, '')}党支部`, kind: 'grid-branch', areaCode: g.code, parentId, sort: g.sort });
  }
  for (const b of buildings.filter((x) => x.code.startsWith(FIRST_GRID))) {
    add(`P${b.code}`, { name: `${b.name}党小组`, kind: 'building-group', areaCode: b.code, parentId: idOf.get(`P${FIRST_GRID}`)!, sort: b.sort });
  }

  // Compound attributes: most buildings have property management, many are fenced.
  const compounds = buildings.map((b, i) => ({ areaCode: b.code, hasProperty: i % 4 !== 3, fenced: i % 3 !== 2 }));

  // Members: direct members of their grid's branch; the `party` account in service, registered in the first grid.
  const newMembers: repo.NewPartyMemberRow[] = [];
  const seenInBuilding = new Set<string>();
  const firstBackbone = new Map<string, string>();
  const posts = [...FIXED_PARTY_POSTS.map((p) => p.code), CUSTOM_POST.code];
  let partyMemberId: string | null = null;
  for (const [i, p] of members.entries()) {
    const gridOrg = idOf.get(`P${p.areaCode.slice(0, 15)}`) ?? idOf.get(`P${COMMUNITY}`)!;
    const isParty = party?.personId === p.id;
    const backbone = isParty || i % 3 === 0;
    const building = p.areaCode.slice(0, 18);
    const central = p.areaCode.startsWith(FIRST_GRID) && !seenInBuilding.has(building);
    seenInBuilding.add(building);
    if (backbone && !firstBackbone.has(gridOrg)) firstBackbone.set(gridOrg, p.name);
    const birthYear = Number((p.birthDate ?? '1970').slice(0, 4));
    const id = randomUUID();
    if (isParty) partyMemberId = id;
    newMembers.push({
      id,
      personId: p.id,
      orgId: isParty ? idOf.get(`P${COMMUNITY}-XC`)! : gridOrg,
      kind: isParty ? 'in-service' : i % 15 === 7 ? 'mobile' : 'direct',
      localOrgId: isParty ? idOf.get(`P${FIRST_GRID}`)! : null,
      registrationState: isParty ? 'accepted' : null,
      backbone,
      centralHousehold: central,
      joinedOn: `${Math.min(birthYear + 22 + (i % 15), 2024)}-07-01`,
      postCode: backbone ? posts[i % posts.length]! : null,
    });
  }
  for (const o of orgs) if (o.kind === 'grid-branch' && firstBackbone.has(o.id!)) o.secretaryName = firstBackbone.get(o.id!)!;

  await db.transaction(async (tx) => {
    await repo.insertPosts(tx, [...FIXED_PARTY_POSTS.map((p, i) => ({ code: p.code, name: p.name, description: p.description, areaCode: null, sort: i + 1 })), CUSTOM_POST]);
    // Parents first: the tree is built level by level.
    for (const kind of ['town-committee', 'village-org', 'functional-branch', 'grid-branch', 'building-group']) {
      const level = orgs.filter((o) => o.kind === kind);
      for (let i = 0; i < level.length; i += 500) await repo.insertOrgs(tx, level.slice(i, i + 500));
    }
    await repo.upsertCompounds(tx, compounds);
    for (let i = 0; i < newMembers.length; i += 500) await repo.insertMembers(tx, newMembers.slice(i, i + 500));
    if (partyMemberId) {
      await repo.insertRegistration(tx, {
        memberId: partyMemberId,
        orgId: idOf.get(`P${FIRST_GRID}`)!,
        state: 'accepted',
        appliedBy: party?.id ?? null,
        reviewedBy: secretary?.id ?? null,
        reviewedAt: new Date(),
      });
    }
    await setMeta(tx, 'party_seed', { version: 1, at: new Date().toISOString() });
  });

  // 支部建在小区上: the first qualifying building of the first grid gets its own branch, so the check
  // shows one compound that follows the rule and lists those that do not yet.
  const first = (await repo.compoundsIn(db, FIRST_GRID)).find(qualifiesForOwnBranch);
  if (first) {
    await repo.insertOrgs(db, [
      { code: `P${first.code}-B`, name: `${shortOf.get(COMMUNITY) ?? ''}${first.name}小区党支部`, kind: 'compound-branch', areaCode: first.code, parentId: idOf.get(`P${FIRST_GRID}`)!, sort: 500 },
    ]);
  }
  return 'created';
}

/**
 * 一户十联 for 状元街: every grid's households linked to its backbone members by the automatic
 * proposal, and a few visits by `grid` this month so coverage starts above zero. Once (meta key
 * `party_links_seed`), so a database seeded before links existed gets them too.
 */
export async function seedPartyLinks(ctx: AppContext): Promise<void> {
  const db = ctx.db;
  if (await getMeta(db, 'party_links_seed')) return;
  const grids = await db
    .select({ code: areas.code })
    .from(areas)
    .where(and(like(areas.code, `${COMMUNITY}%`), eq(areas.level, 'grid')))
    .orderBy(asc(areas.code));
  const gridUser = await findUserForLogin(db, 'grid');
  const scope = systemScope(COMMUNITY);
  await db.transaction(async (tx) => {
    for (const g of grids) {
      const [hs, members] = await Promise.all([work.householdsIn(tx, scope, g.code), work.backboneMembersIn(tx, g.code)]);
      const p = proposeLinks(hs, members);
      await work.replaceGridLinks(
        tx,
        g.code,
        [...p.assignments.entries()].map(([householdId, memberId]) => ({ householdId, memberId, gridCode: g.code, source: 'auto', assignedBy: null })),
      );
      // `grid` has visited the first few households of their own grid this month.
      if (gridUser && g.code === FIRST_GRID) {
        const visitedOn = dayOf(new Date());
        for (const [i, h] of hs.slice(0, 6).entries()) {
          await work.insertVisit(tx, {
            householdId: h.id,
            areaCode: h.areaCode,
            visitorUserId: gridUser.id,
            memberId: null,
            visitorName: '张志刚',
            visitedOn,
            duties: [(['policy', 'hardship', 'dispute', 'civility'] as const)[i % 4]!],
            notes: ['宣讲医保缴费政策，已告知缴费时间', '独居老人，送去米油，约定每周电话问候', '楼上漏水纠纷，已约物业和双方面谈', '劝导楼道堆物，住户已清理', '宣讲垃圾分类新规', '了解就业需求，登记求职意向'][i]!,
          });
        }
      }
    }
    // One 双报到 application waiting for the community: an in-service member of the 社会力量 branch
    // living in the first grid applies to register with the first grid's branch.
    const [grid1, social] = await Promise.all([repo.orgByCode(tx, `P${FIRST_GRID}`), repo.orgByCode(tx, `P${COMMUNITY}-SH`)]);
    if (grid1 && social) {
      const candidates = await tx
        .select({ id: partyMembers.id })
        .from(partyMembers)
        .innerJoin(people, eq(people.id, partyMembers.personId))
        .where(and(like(people.areaCode, `${FIRST_GRID}%`), eq(partyMembers.backbone, false), eq(partyMembers.kind, 'direct')))
        .orderBy(asc(people.areaCode), asc(partyMembers.id))
        .limit(1);
      const m = candidates[0];
      if (m) {
        await repo.updateMember(tx, m.id, { kind: 'in-service', orgId: social.id, localOrgId: grid1.id, registrationState: 'applied' });
        await repo.insertRegistration(tx, { memberId: m.id, orgId: grid1.id, state: 'applied', appliedBy: null });
      }
    }
    await setMeta(tx, 'party_links_seed', { version: 1, at: new Date().toISOString() });
  });
}
