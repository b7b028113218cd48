// The demo's community staff roster: for every village whose residents are generated, its
// full-time community workers (全科社工) and one full-time grid worker (专职网格员) per grid, as
// accounts in that village or grid. The cockpit counts them against the benchmark of `004`
// (≥ 18 community workers per 10,000 residents); the roster is sized per village so that some
// communities meet it and some fall short, as in a real district.
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Role } from '@gongzhi/domain';
import { areas, people, staffAppointments, users } from '../db/schema.ts';
import { findUnitByCode, insertUser } from '../repositories/users.ts';
import { hashPassword } from '../lib/passwords.ts';
import type { AppContext } from '../services/context.ts';

const SURNAMES = '陆施黄张王陈沈顾杨季徐朱龚倪茅袁刘李周吴姜蔡郁邱曹范瞿宋孙秦郭钱';
const GIVEN = '建华海燕晓梅志刚立新卫东国平秀英丽娟春燕红霞伟明永健雪芳玉兰文杰思远佳怡子涵俊杰婷婷静怡宇航';

/** A small deterministic generator (the roster is the same on every fresh demo). */
export function lcg(seed: string) {
  let s = 2166136261;
  for (const ch of seed) s = Math.imul(s ^ ch.charCodeAt(0), 16777619) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function staffName(rand: () => number): string {
  const sur = SURNAMES[Math.floor(rand() * SURNAMES.length)]!;
  const pair = Math.floor(rand() * (GIVEN.length / 2)) * 2;
  return sur + GIVEN.slice(pair, pair + 2);
}

export async function seedStaffRoster(ctx: AppContext, password: string, areaCodes: string[], log: (msg: string) => void = () => {}) {
  const passwordHash = await hashPassword(password);
  let created = 0;
  for (const areaCode of areaCodes) {
    const residents = await ctx.db.execute<{ village: string; n: string }>(sql`
      select substr(area_code, 1, 12) as village, count(*) as n from ${people}
      where area_code like ${areaCode + '%'} and length(area_code) >= 12 group by 1 order by 1`);
    for (const r of residents.rows) {
      const village = r.village;
      const grids = await ctx.db
        .select({ code: areas.code, name: areas.name })
        .from(areas)
        .where(and(eq(areas.level, 'grid'), like(areas.code, `${village}%`)))
        .orderBy(asc(areas.code));
      const present = await ctx.db
        .select({ scopeCode: users.scopeCode, roles: users.roles })
        .from(users)
        .where(like(users.scopeCode, `${village}%`));
      const office = await findUnitByCode(ctx.db, `office-${village}`);
      const rand = lcg(village);
      // 12–24 staff per 10,000 residents, counting the grid workers.
      const ratio = 12 + Math.floor(rand() * 13);
      const gridWorkers = grids.length;
      const communityWorkers = Math.max(3, Math.round((Number(r.n) * ratio) / 10_000) - gridWorkers);
      const haveCw = present.filter((u) => u.roles.includes('community-worker')).length;
      const add = async (username: string, displayName: string, roles: Role[], scopeCode: string) => {
        await insertUser(ctx.db, { username, displayName, passwordHash, roles, scopeCode, unitId: office?.id ?? null });
        created++;
      };
      for (let i = haveCw; i < communityWorkers; i++) {
        await add(`sg${village}${String(i + 1).padStart(2, '0')}`, `${staffName(rand)}（社区工作者）`, ['community-worker'], village);
      }
      for (const g of grids) {
        if (present.some((u) => u.scopeCode === g.code && u.roles.includes('grid-worker'))) continue;
        await add(`wg${g.code}`, `${staffName(rand)}（${g.name}网格员）`, ['grid-worker'], g.code);
      }
    }
  }
  log(`社区工作者与网格员名册：${created} 个账号`);
}

/**
 * The demo's staff accounts (the `grid` and `community` accounts and the roster above) on the staffing roster
 * as their posts: each gets a person in the registry (living in their grid, or the village's first grid) and an
 * appointment (专职网格员 at the grid, 社区工作者 at the village) linked to the account. Accounts that already
 * hold an appointment are left alone, so running it twice changes nothing.
 */
export async function seedRosterAppointments(ctx: AppContext, areaCodes: string[]): Promise<void> {
  for (const areaCode of areaCodes) {
    const accounts = await ctx.db
      .select({ id: users.id, displayName: users.displayName, roles: users.roles, scopeCode: users.scopeCode })
      .from(users)
      .where(
        and(
          like(users.scopeCode, `${areaCode}%`),
          eq(users.active, true),
          sql`length(${users.scopeCode}) in (12, 15)`,
          sql`(${users.roles} && array['grid-worker','community-worker']::text[])`,
          sql`not exists (select 1 from staff_appointments a where a.user_id = ${users.id})`,
        ),
      )
      .orderBy(asc(users.scopeCode), asc(users.username));
    if (accounts.length === 0) continue;
    const firstGrid = new Map<string, string>();
    const grids = await ctx.db
      .select({ code: areas.code })
      .from(areas)
      .where(and(eq(areas.level, 'grid'), like(areas.code, `${areaCode}%`)))
      .orderBy(asc(areas.code));
    for (const g of grids) if (!firstGrid.has(g.code.slice(0, 12))) firstGrid.set(g.code.slice(0, 12), g.code);
    const rows = accounts.flatMap((a) => {
      const post = a.scopeCode.length === 15 && a.roles.includes('grid-worker') ? 'grid-worker' : a.roles.includes('community-worker') && a.scopeCode.length === 12 ? 'community-worker' : null;
      const home = a.scopeCode.length === 15 ? a.scopeCode : firstGrid.get(a.scopeCode);
      if (!post || !home) return [];
      const rand = lcg(`person:${a.id}`);
      const year = 1970 + Math.floor(rand() * 25);
      return [{ account: a, post, home, name: a.displayName.replace(/（.*$/, '').trim() || a.displayName, gender: rand() < 0.5 ? 'male' : 'female', birthDate: `${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}` }];
    });
    if (rows.length === 0) continue;
    await ctx.db.transaction(async (tx) => {
      const persons = await tx
        .insert(people)
        .values(rows.map((r) => ({ areaCode: r.home, name: r.name, gender: r.gender, birthDate: r.birthDate, residenceType: 'resident', note: '网格队伍（演示）' })))
        .returning({ id: people.id });
      await tx.insert(staffAppointments).values(
        rows.map((r, i) => ({ personId: persons[i]!.id, post: r.post, areaCode: r.account.scopeCode, userId: r.account.id, startedOn: '2025-01-01' })),
      );
    });
  }
}
