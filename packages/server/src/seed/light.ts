// The light demo: every town outside the generated ones gets a little life, so that a leader's
// cockpit, the leaderboards and the vitality index show the whole district at work, within the
// first-start budget. In the first grid of such a village, a few households with their residents
// (generated as the full demo generates a grid, only fewer); for each village, its grid worker
// (`wg<grid code>` of the first grid, like the staff roster), a resident (`jm<village code>`) and a
// party member (`dy<village code>`) with accounts, a few points awards, household visits this month
// and last, and the last days' patrols (一日两巡). Their year of cases is written with the rest of
// the case history (seed/case-history.ts, grids marked `light`). Deterministic from the area codes.
// SQL lives here rather than in repositories for the same reason as in seed/case-history.ts: bulk
// writes of a first start, once.
import { randomUUID } from 'node:crypto';
import { centroidOf, dayOf, generateGridPopulation, SCHEMES, type AreaSeed, type PointScheme, type Polygon, type Role } from '@gongzhi/domain';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { areas, households, partyPatrols, partyVisits, pointsAccounts, pointsAwards, pointsRules, pointsTransfers, users } from '../db/schema.ts';
import { insertAreas } from '../repositories/areas.ts';
import { findUnitByCode, findUserForLogin } from '../repositories/users.ts';
import { hashPassword } from '../lib/passwords.ts';
import type { PiiCipher } from '../lib/pii-cipher.ts';
import type { AppContext } from '../services/context.ts';
import { insertPopulation } from './import.ts';
import { lcg, staffName } from './staff.ts';

/** Households generated in the first grid of each light village (the full demo has 300–500 per grid). */
export const LIGHT_HOUSEHOLDS = 12;

const DAY = 86400_000;
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return ((d.user + d.system) / 1e6).toFixed(1);
};

/** The villages of `county` with no people, outside `peopleAreas`: those the light demo fills. */
export async function lightVillages(db: Db, county: string, peopleAreas: string[]): Promise<string[]> {
  const rows = await db.execute<{ code: string }>(sql`
    select v.code from areas v
    where v.level = 'village' and v.code like ${county + '%'}
      and not exists (select 1 from households h where h.area_code like v.code || '%')
    order by v.code`);
  return rows.rows.map((r) => r.code).filter((c) => !peopleAreas.some((a) => c.startsWith(a) || a.startsWith(c)));
}

/** A few households in the first grid of each village; one transaction per town. */
export async function seedLightPopulation(db: Db, cipher: PiiCipher, villages: string[], log: (msg: string) => void = () => {}) {
  if (villages.length === 0) return { households: 0, residents: 0 };
  const cpu = process.cpuUsage();
  const county = villages[0]!.slice(0, 6);
  const names = new Map(
    (await db.select({ code: areas.code, name: areas.name }).from(areas).where(like(areas.code, `${county}%`)))
      .filter((r) => r.code.length === 9 || r.code.length === 12)
      .map((r) => [r.code, r.name]),
  );
  const wanted = new Set(villages);
  const grids = (
    await db
      .select()
      .from(areas)
      .where(and(eq(areas.level, 'grid'), like(areas.code, `${county}%`)))
      .orderBy(asc(areas.code))
  ).filter((g, i, all) => wanted.has(g.code.slice(0, 12)) && all[i - 1]?.code.slice(0, 12) !== g.code.slice(0, 12));
  const byTown = new Map<string, typeof grids>();
  for (const g of grids) byTown.set(g.code.slice(0, 9), [...(byTown.get(g.code.slice(0, 9)) ?? []), g]);
  let households = 0;
  let residents = 0;
  for (const townGrids of byTown.values()) {
    await db.transaction(async (tx) => {
      const areaRows: AreaSeed[] = [];
      const pops = townGrids.map((g) => {
        const seed: AreaSeed = { code: g.code, name: g.name, level: 'grid', parentCode: g.parentCode, sort: g.sort, gridType: (g.gridType as AreaSeed['gridType']) ?? undefined, households: LIGHT_HOUSEHOLDS };
        const pop = generateGridPopulation(seed, names.get(g.code.slice(0, 12)) ?? '', names.get(g.code.slice(0, 9)) ?? '');
        areaRows.push(...pop.areas);
        return pop;
      });
      await insertAreas(
        tx,
        areaRows.map((a) => ({ code: a.code, name: a.name, level: a.level, parentCode: a.parentCode, sort: a.sort, gridType: null, plannedHouseholds: null, geometry: null })),
      );
      const allHouseholds = pops.flatMap((p) => p.households);
      const people = await insertPopulation(tx, cipher, allHouseholds, pops.flatMap((p) => p.residents));
      households += allHouseholds.length;
      residents += people;
    });
  }
  log(`其他镇（街道）轻量演示：${villages.length} 个村（社区），${grids.length} 个网格，${households} 户，${residents} 人（CPU ${cpuSeconds(cpu)} 秒）`);
  return { households, residents };
}

const RESIDENT_AWARDS: { scheme: PointScheme; ruleCode: string; note: string }[] = [
  { scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '参加夜间平安巡防' },
  { scheme: 'neighbourhood', ruleCode: 'elderly-care', note: '看望同组独居老人' },
  { scheme: 'neighbourhood', ruleCode: 'community-activity', note: '参加环境整治志愿活动' },
  { scheme: 'neighbourhood', ruleCode: 'deliberation', note: '参加村（居）民议事会' },
  { scheme: 'family', ruleCode: 'clean-courtyard', note: '美丽庭院示范户' },
  { scheme: 'family', ruleCode: 'garbage-sorting', note: '垃圾分类示范户' },
];
const PARTY_AWARDS: { scheme: PointScheme; ruleCode: string; note: string }[] = [
  { scheme: 'vanguard', ruleCode: 'party-day', note: '参加主题党日活动' },
  { scheme: 'vanguard', ruleCode: 'household-visit', note: '走访联系户，收集需求' },
  { scheme: 'vanguard', ruleCode: 'party-volunteer', note: '带头参加志愿服务' },
  { scheme: 'vanguard', ruleCode: 'policy-talk', note: '讲解医保缴费政策到户' },
];
const VISIT_NOTES = ['宣讲医保缴费政策', '了解老人身体和生活情况', '收集对道路维修的意见', '劝导门前堆物，已清理', '了解就业需求，登记求职意向', '宣讲垃圾分类要求'];
const DUTIES = ['policy', 'hardship', 'dispute', 'civility'] as const;

type VillageRow = {
  village: string;
  village_name: string;
  grid: string;
  grid_name: string;
  geometry: Polygon | null;
};

type PersonPick = {
  village: string;
  id: string;
  name: string;
  area_code: string;
  household_id: string;
};

/**
 * Accounts, points, visits and patrols for the light villages. The awards go through the points
 * service (the ledger's invariants hold); visits and patrols are written as the party work records them.
 */
export async function seedLightActivity(ctx: AppContext, villages: string[], password: string, log: (msg: string) => void = () => {}, now = new Date()) {
  if (villages.length === 0) return;
  const cpu = process.cpuUsage();
  const db = ctx.db;
  const list = sql.join(
    villages.map((v) => sql`${v}`),
    sql`, `,
  );
  const firstGrids = (
    await db.execute<VillageRow>(sql`
      select distinct on (v.code) v.code as village, v.name as village_name, g.code as grid, g.name as grid_name, g.geometry
      from areas v join areas g on g.parent_code = v.code and g.level = 'grid'
      where v.code in (${list}) order by v.code, g.code`)
  ).rows;
  // A working-age resident with a phone, and a party member, in each village (the first by code).
  const pick = async (party: boolean) =>
    (
      await db.execute<PersonPick>(sql`
        select distinct on (substr(p.area_code, 1, 12)) substr(p.area_code, 1, 12) as village, p.id, p.name, p.area_code, p.household_id
        from people p
        where substr(p.area_code, 1, 12) in (${list}) and p.party_member = ${party} and p.phone_hash is not null
          and p.birth_date between '1955-01-01' and '1998-12-31'
        order by substr(p.area_code, 1, 12), p.area_code, p.id`)
    ).rows;
  const [residents, members] = await Promise.all([pick(false), pick(true)]);
  const residentOf = new Map(residents.map((r) => [r.village, r]));
  const memberOf = new Map(members.map((r) => [r.village, r]));
  const households = (
    await db.execute<{ village: string; id: string; area_code: string }>(sql`
      select village, id, area_code from (
        select substr(h.area_code, 1, 12) as village, h.id, h.area_code, row_number() over (partition by substr(h.area_code, 1, 12) order by h.area_code, h.key) as n
        from households h where substr(h.area_code, 1, 12) in (${list})) x
      where n <= 6 order by village, n`)
  ).rows;
  const householdsOf = new Map<string, { id: string; area_code: string }[]>();
  for (const h of households) householdsOf.set(h.village, [...(householdsOf.get(h.village) ?? []), h]);
  const approver = (await findUserForLogin(db, 'district')) ?? (await findUserForLogin(db, 'admin'));
  if (!approver) return;

  const passwordHash = await hashPassword(password);
  const offices = new Map<string, string | null>();
  for (const v of firstGrids) offices.set(v.village, (await findUnitByCode(db, `office-${v.village}`))?.id ?? null);
  const newUsers: (typeof users.$inferInsert)[] = [];
  const role = (username: string, displayName: string, roles: Role[], scopeCode: string, unitId: string | null, personId: string | null) =>
    newUsers.push({ username, displayName, passwordHash, roles, scopeCode, unitId, personId });
  for (const v of firstGrids) {
    const rand = lcg(`light:${v.village}`);
    role(`wg${v.grid}`, `${staffName(rand)}（${v.grid_name}网格员）`, ['grid-worker'], v.grid, offices.get(v.village) ?? null, null);
    const r = residentOf.get(v.village);
    if (r) role(`jm${v.village}`, `${r.name}（居民）`, ['resident'], r.area_code.slice(0, 15), null, r.id);
    const m = memberOf.get(v.village);
    if (m) role(`dy${v.village}`, `${m.name}（党员）`, ['party-member'], m.area_code.slice(0, 15), null, m.id);
  }
  const created = await db.insert(users).values(newUsers).onConflictDoNothing().returning({ id: users.id, username: users.username });
  const idOf = new Map(created.map((u) => [u.username, u.id]));

  const cpuAccounts = cpuSeconds(cpu);
  const ago = (days: number, hour: number, minute: number) => new Date(Math.floor((now.getTime() + 8 * 3600_000) / DAY) * DAY - days * DAY + (hour - 8) * 3600_000 + minute * 60_000);
  const dayOfMonth = new Date(now.getTime() + 8 * 3600_000).getUTCDate();
  const planned: PlannedAward[] = [];
  for (const v of firstGrids) {
    const worker = idOf.get(`wg${v.grid}`);
    if (!worker) continue;
    const rand = lcg(`light-points:${v.village}`);
    const grant = (username: string, person: PersonPick | undefined, pool: typeof RESIDENT_AWARDS, n: number) => {
      const userId = idOf.get(username);
      if (!userId || !person) return;
      const start = Math.floor(rand() * pool.length);
      for (let i = 0; i < n; i++) {
        const a = pool[(start + i) % pool.length]!;
        // The first this month (so a short period shows it), the others over the last three months.
        const days = i === 0 ? Math.floor(rand() * Math.min(7, dayOfMonth)) : 3 + Math.floor(rand() * 85);
        const at = new Date(Math.min(now.getTime() - 30 * 60_000, ago(days, 9 + Math.floor(rand() * 8), Math.floor(rand() * 60)).getTime()));
        planned.push({ ...a, userId, displayName: newUsers.find((u) => u.username === username)!.displayName, person, proposedBy: worker, at });
      }
    };
    grant(`jm${v.village}`, residentOf.get(v.village), RESIDENT_AWARDS, 2 + Math.floor(rand() * 2));
    grant(`dy${v.village}`, memberOf.get(v.village), PARTY_AWARDS, 2 + Math.floor(rand() * 2));
  }
  const villageNames = new Map(firstGrids.map((v) => [v.village, v.village_name]));
  const awards = await writeApprovedAwards(db, planned, approver.id, villageNames);
  const cpuAwards = cpuSeconds(cpu);
  // Visits: the grid worker's rounds this month and last; patrols: twice a day for the last days.
  const visits: (typeof partyVisits.$inferInsert)[] = [];
  const patrols: (typeof partyPatrols.$inferInsert)[] = [];
  for (const v of firstGrids) {
    const worker = idOf.get(`wg${v.grid}`);
    if (!worker) continue;
    const rand = lcg(`light-work:${v.village}`);
    const name = newUsers.find((u) => u.username === `wg${v.grid}`)!.displayName.replace(/（.*$/, '');
    (householdsOf.get(v.village) ?? []).forEach((h, i) => {
      const day = i < 3 ? Math.floor(rand() * Math.max(1, new Date(now.getTime() + 8 * 3600_000).getUTCDate() - 1)) : 30 + Math.floor(rand() * 20);
      visits.push({ householdId: h.id, areaCode: h.area_code, visitorUserId: worker, memberId: null, visitorName: name, visitedOn: dayOf(new Date(now.getTime() - day * DAY)), duties: [DUTIES[i % DUTIES.length]!], notes: VISIT_NOTES[i % VISIT_NOTES.length]! });
    });
    const [lng, lat] = v.geometry ? centroidOf(v.geometry) : [NaN, NaN];
    const buildings = (householdsOf.get(v.village) ?? []).map((h) => h.area_code.slice(0, 18)).filter((b) => b.startsWith(v.grid));
    for (let d = 1; d <= 5; d++) {
      for (const hour of [9, 15]) {
        const jitter = () => (rand() - 0.5) * 0.002;
        patrols.push({
          userId: worker,
          gridCode: v.grid,
          buildingCode: buildings.length ? buildings[Math.floor(rand() * buildings.length)]! : null,
          lat: Number.isFinite(lat) ? Math.round((lat + jitter()) * 1e6) / 1e6 : null,
          lng: Number.isFinite(lng) ? Math.round((lng + jitter()) * 1e6) / 1e6 : null,
          crs: Number.isFinite(lat) ? 'wgs84' : null,
          note: hour === 9 ? '上午巡查，未发现异常' : '下午巡查，提醒商户门前整洁',
          at: ago(d, hour, Math.floor(rand() * 50)),
        });
      }
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < visits.length; i += 1000) await tx.insert(partyVisits).values(visits.slice(i, i + 1000));
    for (let i = 0; i < patrols.length; i += 1000) await tx.insert(partyPatrols).values(patrols.slice(i, i + 1000));
  });
  log(`其他镇（街道）轻量演示：${created.length} 个账号，${awards} 笔积分，${visits.length} 次走访，${patrols.length} 次巡查（CPU 账号 ${cpuAccounts}、积分 ${cpuAwards}、合计 ${cpuSeconds(cpu)} 秒）`);
}

interface PlannedAward {
  scheme: PointScheme;
  ruleCode: string;
  note: string;
  userId: string;
  displayName: string;
  person: PersonPick;
  proposedBy: string;
  at: Date;
}

/**
 * The light demo's awards, approved, written as the points service posts them one by one
 * (services/points.ts `recordApprovedAward`: the award, one transfer from the village's issuing
 * pool to the holder, both balances moved), but in a few multi-row statements: the one-by-one
 * path costs about a dozen queries per award, too slow for a first start. The district's rules
 * apply (light villages have none of their own) and no multiplier factor is used.
 */
async function writeApprovedAwards(db: Db, planned: PlannedAward[], approverId: string, villageNames: Map<string, string>): Promise<number> {
  if (planned.length === 0) return 0;
  const county = planned[0]!.person.area_code.slice(0, 6);
  const rules = new Map((await db.select().from(pointsRules).where(eq(pointsRules.areaCode, county))).map((r) => [r.code, r]));
  const doorplates = new Map(
    (await db.select({ id: households.id, doorplate: households.doorplate, areaCode: households.areaCode }).from(households).where(inArray(households.id, [...new Set(planned.map((p) => p.person.household_id))]))).map((h) => [
      h.id,
      h,
    ]),
  );
  return db.transaction(async (tx) => {
    const accounts = new Map<string, { scheme: string; kind: 'pool' | 'person' | 'household'; ownerId: string; areaCode: string; name: string; delta: number }>();
    const account = (scheme: string, kind: 'pool' | 'person' | 'household', ownerId: string, areaCode: string, name: string) => {
      const key = `${scheme}/${kind}/${ownerId}`;
      if (!accounts.has(key)) accounts.set(key, { scheme, kind, ownerId, areaCode, name, delta: 0 });
      return key;
    };
    const rows = planned.flatMap((p) => {
      const rule = rules.get(p.ruleCode);
      if (!rule) return [];
      const household = SCHEMES[p.scheme].holder === 'household';
      const h = doorplates.get(p.person.household_id);
      const holder = household
        ? { kind: 'household' as const, id: p.person.household_id, areaCode: h?.areaCode ?? p.person.area_code, name: `${Array.from(p.person.name)[0] ?? ''}家（${h?.doorplate ?? '住户'}）` }
        : { kind: 'person' as const, id: p.userId, areaCode: p.person.area_code, name: p.displayName };
      const village = holder.areaCode.slice(0, 12);
      const pool = account(p.scheme, 'pool', village, village, `${villageNames.get(village) ?? village}${SCHEMES[p.scheme].zh}发放池`);
      const mine = account(p.scheme, holder.kind, holder.id, holder.areaCode, holder.name);
      accounts.get(pool)!.delta -= rule.points;
      accounts.get(mine)!.delta += rule.points;
      return [{ p, rule, holder, pool, mine, id: randomUUID() }];
    });
    const keys = [...accounts.keys()];
    const inserted = await tx
      .insert(pointsAccounts)
      .values(keys.map((k) => ({ scheme: accounts.get(k)!.scheme, kind: accounts.get(k)!.kind, ownerId: accounts.get(k)!.ownerId, areaCode: accounts.get(k)!.areaCode, name: accounts.get(k)!.name, balance: accounts.get(k)!.delta })))
      .onConflictDoNothing()
      .returning({ id: pointsAccounts.id, scheme: pointsAccounts.scheme, kind: pointsAccounts.kind, ownerId: pointsAccounts.ownerId });
    // Light villages are new: every account is too. One that existed (a re-run) gets its balance moved.
    const idOfKey = new Map(inserted.map((a) => [`${a.scheme}/${a.kind}/${a.ownerId}`, a.id]));
    for (const k of keys.filter((k) => !idOfKey.has(k))) {
      const a = accounts.get(k)!;
      const found = await tx
        .update(pointsAccounts)
        .set({ balance: sql`${pointsAccounts.balance} + ${a.delta}` })
        .where(and(eq(pointsAccounts.scheme, a.scheme), eq(pointsAccounts.kind, a.kind), eq(pointsAccounts.ownerId, a.ownerId)))
        .returning({ id: pointsAccounts.id });
      idOfKey.set(k, found[0]!.id);
    }
    const byTime = [...rows].sort((x, y) => x.p.at.getTime() - y.p.at.getTime());
    const transfers = await tx
      .insert(pointsTransfers)
      .values(
        byTime.map((r) => ({
          scheme: r.p.scheme,
          debitAccountId: idOfKey.get(r.pool)!,
          creditAccountId: idOfKey.get(r.mine)!,
          amount: r.rule.points,
          kind: 'award',
          refType: 'award',
          refId: r.id,
          authorisedBy: approverId,
          note: `${r.rule.name}：${r.p.note}`,
          createdAt: r.p.at,
        })),
      )
      .returning({ id: pointsTransfers.id, refId: pointsTransfers.refId });
    const transferOf = new Map(transfers.map((t) => [t.refId, t.id]));
    await tx.insert(pointsAwards).values(
      byTime.map((r) => ({
        id: r.id,
        scheme: r.p.scheme,
        ruleId: r.rule.id,
        ruleCode: r.rule.code,
        recipientUserId: r.p.userId,
        holderKind: r.holder.kind,
        holderId: r.holder.id,
        areaCode: r.holder.areaCode,
        basePoints: r.rule.points,
        factors: [],
        multiplierPercent: 100,
        points: r.rule.points,
        note: r.p.note,
        state: 'approved',
        approverRoles: r.rule.approverRoles,
        proposedBy: r.p.proposedBy,
        decidedBy: approverId,
        decidedAt: r.p.at,
        transferId: transferOf.get(r.id)!,
        createdAt: new Date(r.p.at.getTime() - 3600_000),
      })),
    );
    return byTime.length;
  });
}
