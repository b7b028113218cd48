import { sealAll } from '../services/chains.ts';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Role } from '@gongzhi/domain';
import { people } from '../db/schema.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import { findUserForLogin, findUnitByCode, insertUnits, insertUser, setUnitPhoneIfMissing } from '../repositories/users.ts';
import { hashPassword } from '../lib/passwords.ts';
import type { AppContext } from '../services/context.ts';
import { importCounty, seedPopulation } from './import.ts';
import { DEMO_LOCAL_UNITS, DEMO_OFFICE_PHONES } from './organisations.ts';
import { createApiKey } from '../services/open311.ts';
import { seedPointsDemo } from './points.ts';
import { seedWishesDemo } from './wishes.ts';
import { seedSurveysDemo } from './surveys.ts';
import { seedProjectsDemo } from './projects.ts';
import { seedWallDemo } from './wall.ts';
import { seedConventionsDemo } from './conventions.ts';
import { seedOrdersDemo } from './orders.ts';
import { seedPartyDemo } from './party.ts';
import { seedStaffRoster } from './staff.ts';
import { seedPlacesDemo } from './places.ts';
import { seedActivitiesDemo } from './activities.ts';
import { seedCadresDemo } from './cadres.ts';
import { seedCaseHistory } from './case-history.ts';
import { seedReceptionDemo } from './reception.ts';
import { seedPropertyDemo } from './property.ts';
import { seedMeetingsDemo } from './meetings.ts';
import { lightVillages, seedLightActivity, seedLightPopulation } from './light.ts';
import { seedBurdenDemo } from './burden.ts';

export const DEMO_COUNTY = '320614';
export const DEMO_PASSWORD = 'Gongzhi@2026';
const DEMO_COMMUNITY = '320614103001';
const DEMO_GRID = '320614103001001';
const SEED_VERSION = 1;

interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  scopeCode: string;
  unitCode?: string;
  person?: 'resident' | 'party';
}

/** The demo accounts of API-CONTRACT.md. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], scopeCode: DEMO_COUNTY },
  { username: 'security', displayName: '安全管理员', roles: ['security'], scopeCode: DEMO_COUNTY },
  { username: 'auditor', displayName: '审计管理员', roles: ['auditor'], scopeCode: DEMO_COUNTY },
  { username: 'district', displayName: '顾建华（区指挥中心）', roles: ['district-dispatcher'], scopeCode: DEMO_COUNTY, unitCode: `centre-${DEMO_COUNTY}` },
  { username: 'leader', displayName: '施国平（区领导）', roles: ['leader'], scopeCode: DEMO_COUNTY },
  { username: 'town', displayName: '陆海燕（常乐镇指挥中心）', roles: ['town-dispatcher'], scopeCode: '320614103', unitCode: 'centre-320614103' },
  { username: 'community', displayName: '黄晓梅（状元街社区）', roles: ['community-worker'], scopeCode: DEMO_COMMUNITY, unitCode: `office-${DEMO_COMMUNITY}` },
  { username: 'grid', displayName: '张志刚（第一网格网格员）', roles: ['grid-worker'], scopeCode: DEMO_GRID, unitCode: `office-${DEMO_COMMUNITY}` },
  { username: 'dept-cg', displayName: '沈立新（区城管局）', roles: ['department-handler'], scopeCode: DEMO_COUNTY, unitCode: 'dept-cg' },
  { username: 'resident', displayName: '居民', roles: ['resident'], scopeCode: DEMO_GRID, person: 'resident' },
  { username: 'party', displayName: '党员', roles: ['party-member'], scopeCode: DEMO_GRID, person: 'party' },
  { username: 'secretary', displayName: '茅卫东（状元街社区党委书记）', roles: ['party-secretary'], scopeCode: DEMO_COMMUNITY, unitCode: `office-${DEMO_COMMUNITY}` },
  { username: 'merchant', displayName: '状元街邻里便民超市', roles: ['merchant'], scopeCode: DEMO_COMMUNITY, unitCode: 'merchant-320614103001-01' },
];

/** Demo accounts beyond the contract's, seeded the same way (modules' own accounts are seeded by their modules). */
const MODULE_DEMO_ACCOUNTS: DemoAccount[] = [
  // The housing department (住建): grades property companies (docs/PROPERTY.md).
  { username: 'dept-zj', displayName: '钱伟民（区住建局）', roles: ['department-handler'], scopeCode: DEMO_COUNTY, unitCode: 'dept-zj' },
  // A property company's staff (海门常乐物业): its compounds, bills, score breakdown; books points offsets (docs/PROPERTY.md).
  { username: 'wy-changle', displayName: '周建国（海门常乐物业）', roles: ['property-manager'], scopeCode: DEMO_COMMUNITY, unitCode: 'property-320614103001-01' },
];

export interface SeedOptions {
  /** Areas whose people are generated (default 常乐镇). `all` means the whole county. */
  peopleAreas: string[];
  /** Give every other village a light history (seed/light.ts); default true. */
  light?: boolean;
  log?: (msg: string) => void;
}

/** Creates the 海门区 demo on an empty database; a database that has it is left untouched. */
export async function seedDemoIfEmpty(ctx: AppContext, opts: SeedOptions): Promise<'created' | 'present'> {
  if (await getMeta(ctx.db, 'demo_seed')) return ensureDemoAccounts(ctx);
  return ctx.database.withLock('gongzhi:seed', async () => {
    if (await getMeta(ctx.db, 'demo_seed')) return ensureDemoAccounts(ctx);
    const log = opts.log ?? (() => {});
    const started = Date.now();
    await importCounty(ctx.db, DEMO_COUNTY, log);
    await insertUnits(ctx.db, DEMO_LOCAL_UNITS);
    for (const o of DEMO_OFFICE_PHONES) await setUnitPhoneIfMissing(ctx.db, o.code, o.phone);
    const peopleAreas = opts.peopleAreas.includes('all') ? [DEMO_COUNTY] : opts.peopleAreas;
    for (const code of peopleAreas) await seedPopulation(ctx.db, ctx.cipher, code, log);
    const light = opts.light === false ? [] : await lightVillages(ctx.db, DEMO_COUNTY, peopleAreas);
    await seedLightPopulation(ctx.db, ctx.cipher, light, log);
    await seedAccounts(ctx);
    await seedPointsDemo(ctx);
    await seedWishesDemo(ctx);
    await seedSurveysDemo(ctx);
    await seedPartyDemo(ctx);
    await seedStaffRoster(ctx, DEMO_PASSWORD, peopleAreas, log);
    await seedOrdersDemo(ctx);
    await seedPlacesDemo(ctx);
    await seedProjectsDemo(ctx);
    await seedWallDemo(ctx);
    await seedConventionsDemo(ctx);
    await setMeta(ctx.db, 'demo_places', { at: new Date().toISOString() });
    await seedActivitiesDemo(ctx);
    await seedBurdenDemo(ctx, DEMO_PASSWORD);
    await setMeta(ctx.db, 'demo_burden', { at: new Date().toISOString() });
    await seedCadresDemo(ctx, DEMO_PASSWORD);
    await setMeta(ctx.db, 'demo_cadres', { at: new Date().toISOString() });
    await seedLightActivity(ctx, light, DEMO_PASSWORD, log);
    await seedCaseHistory(ctx.db, peopleAreas, log, new Date(), light);
    await seedReceptionDemo(ctx.db, '320614103');
    await seedPropertyDemo(ctx);
    await seedMeetingsDemo(ctx);
    await createApiKey(ctx, null, '演示第三方应用（12345 热线对接）', 'demo-open311-key');
    // A year of history enters in bulk; it is chained at once rather than by the background sealer.
    await sealAll(ctx.db, ctx.cipher.chainKey);
    await setMeta(ctx.db, 'demo_seed', { version: SEED_VERSION, peopleAreas, lightVillages: light.length, at: new Date().toISOString() });
    log(`演示数据已生成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    return 'created' as const;
  });
}

/** A demo seeded by an earlier version gains the accounts added since (e.g. the security and audit administrators). */
async function ensureDemoAccounts(ctx: AppContext): Promise<'present'> {
  let missing = false;
  for (const a of [...DEMO_ACCOUNTS, ...MODULE_DEMO_ACCOUNTS]) if (!(await findUserForLogin(ctx.db, a.username))) missing = true;
  if (missing) await ctx.database.withLock('gongzhi:seed-accounts', () => seedAccounts(ctx));
  // A demo seeded before places and organisations existed gains them once.
  if (!(await getMeta(ctx.db, 'demo_places'))) {
    await ctx.database.withLock('gongzhi:seed-places', async () => {
      if (await getMeta(ctx.db, 'demo_places')) return;
      await seedPlacesDemo(ctx);
      await setMeta(ctx.db, 'demo_places', { at: new Date().toISOString() });
    });
  }
  // A demo seeded before activities existed gains their rules, teams and demo activities once.
  if (!(await getMeta(ctx.db, 'activities_seed'))) await ctx.database.withLock('gongzhi:seed-activities', () => seedActivitiesDemo(ctx));
  // … and meetings of deliberations (docs/PARTICIPATION.md "Meetings").
  if (!(await getMeta(ctx.db, 'meetings_seed'))) await ctx.database.withLock('gongzhi:seed-meetings', () => seedMeetingsDemo(ctx));
  // A demo seeded before questionnaires existed gains their demo once.
  if (!(await getMeta(ctx.db, 'surveys_seed'))) await ctx.database.withLock('gongzhi:seed-surveys', () => seedSurveysDemo(ctx));
  // A demo seeded before burden reduction existed gains its demo data once.
  if (!(await getMeta(ctx.db, 'demo_burden'))) {
    await ctx.database.withLock('gongzhi:seed-burden', async () => {
      if (await getMeta(ctx.db, 'demo_burden')) return;
      await seedBurdenDemo(ctx, DEMO_PASSWORD);
      await setMeta(ctx.db, 'demo_burden', { at: new Date().toISOString() });
    });
  }
  // … and service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md).
  if (!(await getMeta(ctx.db, 'demo_cadres'))) {
    await ctx.database.withLock('gongzhi:seed-cadres', async () => {
      if (await getMeta(ctx.db, 'demo_cadres')) return;
      await seedCadresDemo(ctx, DEMO_PASSWORD);
      await setMeta(ctx.db, 'demo_cadres', { at: new Date().toISOString() });
    });
  }
  // … and the conventions (村规民约/居民公约, docs/PARTICIPATION.md).
  if (!(await getMeta(ctx.db, 'conventions_seed'))) await ctx.database.withLock('gongzhi:seed-conventions', () => seedConventionsDemo(ctx));
  return 'present';
}

async function pickPerson(ctx: AppContext, kind: 'resident' | 'party', skip: string[]): Promise<{ id: string; name: string } | null> {
  const rows = await ctx.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(
      and(
        like(people.areaCode, `${DEMO_GRID}%`),
        eq(people.partyMember, kind === 'party'),
        sql`${people.birthDate} between '1960-01-01' and '1995-12-31'`,
        sql`${people.phoneHash} is not null`,
      ),
    )
    .orderBy(asc(people.areaCode), asc(people.id))
    .limit(10);
  return rows.find((r) => !skip.includes(r.id)) ?? null;
}

export async function seedAccounts(ctx: AppContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const taken: string[] = [];
  for (const a of [...DEMO_ACCOUNTS, ...MODULE_DEMO_ACCOUNTS]) {
    if (await findUserForLogin(ctx.db, a.username)) continue;
    const unit = a.unitCode ? await findUnitByCode(ctx.db, a.unitCode) : null;
    const person = a.person ? await pickPerson(ctx, a.person, taken) : null;
    if (person) taken.push(person.id);
    await insertUser(ctx.db, {
      username: a.username,
      displayName: person ? `${person.name}（${a.person === 'party' ? '党员' : '居民'}）` : a.displayName,
      passwordHash,
      roles: a.roles,
      scopeCode: a.scopeCode,
      unitId: unit?.id ?? null,
      personId: person?.id ?? null,
    });
  }
}

