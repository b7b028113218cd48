// The demo of 红心物业 (docs/PROPERTY.md) in the two communities with places: each registry property company joined to
// its dispatch unit, contracts, owners' committees, the cover of compounds without property management, owners' floor
// areas, a few months of inspections, evaluations and the housing department's records, last year's confirmed grades,
// fee bills, and a four-party joint meeting. Laid out relative to today; deterministic.
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { proposeGrade, type CoverageMode } from '@gongzhi/domain';
import {
  deliberationRoll,
  deliberations,
  files,
  households,
  organisations,
  ownerFloorAreas,
  ownersCommittees,
  places,
  propertyBills,
  propertyCompanies,
  propertyContracts,
  propertyCoverage,
  propertyEvaluations,
  propertyGradings,
  propertyInspections,
  propertyJointMeetings,
  propertySanctions,
  people,
  pointsItems,
  units,
} from '../db/schema.ts';
import { findUserForLogin, insertUser } from '../repositories/users.ts';
import { hashPassword } from '../lib/passwords.ts';
import { actorOf } from '../services/auth.ts';
import { confirmRedemption, recordApprovedAward, redeem } from '../services/points.ts';
import { offsetBill, payBill } from '../services/property.ts';
import type { AppContext } from '../services/context.ts';
import { DEMO_PLACE_COMMUNITIES } from './places.ts';

/** A small deterministic hash of a string, 0 ≤ h < 2^32. */
function h(s: string): number {
  let x = 2166136261;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619) >>> 0;
  return x >>> 0;
}
const between = (key: string, min: number, max: number) => min + (h(key) % (max - min + 1));

const monthOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
const addMonths = (m: string, n: number) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const t = y * 12 + (mm - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};

const COMMITTEE_NAMES = ['陆建平', '施秀英', '黄国忠', '张丽君', '沈志坚', '顾美华', '季永明', '徐桂芳', '朱卫东'];
const STANDARD = '二级服务：公共区域每日保洁两次，生活垃圾日产日清；门岗 24 小时值守；报修 30 分钟内响应；每月公示收支';
const CHANGLE = 'property-320614103001-01';
const OFFSET_OWNERS = 3;
const COVER: CoverageMode[] = ['community', 'red-property', 'self-managed'];
// A 1×1 PNG: the demo's inspection photo.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

export async function seedPropertyDemo(ctx: AppContext, now = new Date()): Promise<void> {
  const db = ctx.db;
  const community = await findUserForLogin(db, 'community');
  const housing = await findUserForLogin(db, 'dept-zj');
  if (!community || !housing) return;
  const thisMonth = monthOf(now);
  const thisYear = Number(thisMonth.slice(0, 4));

  // 1. One company, one identity: each registry property company gets its dispatch unit (状元街's first one is the
  //    existing 海门常乐物业, whose name the registry record takes).
  const companyUnits: { unitId: string; orgId: string; village: string }[] = [];
  for (const village of DEMO_PLACE_COMMUNITIES) {
    const orgs = await db
      .select({ id: organisations.id, key: organisations.key, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.kind, 'property-company'), like(organisations.areaCode, `${village}%`)))
      .orderBy(asc(organisations.key));
    for (const [i, o] of orgs.entries()) {
      const existing = i === 0 ? (await db.select().from(units).where(eq(units.code, `property-${village}-01`)))[0] : undefined;
      let unitId: string;
      if (existing) {
        unitId = existing.id;
        await db.update(organisations).set({ name: existing.name }).where(eq(organisations.id, o.id));
      } else {
        const code = `property-${o.key}`;
        await db
          .insert(units)
          .values({ code, name: o.name, shortName: o.name.replace(/^(海门市|南通|江苏)/, '').replace(/(服务|管理)?有限公司$/, ''), type: 'property', areaCode: village, sort: i })
          .onConflictDoNothing();
        unitId = (await db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;
      }
      await db.insert(propertyCompanies).values({ unitId, organisationId: o.id }).onConflictDoNothing();
      companyUnits.push({ unitId, orgId: o.id, village });
    }
  }
  const unitOfOrg = new Map(companyUnits.map((c) => [c.orgId, c.unitId]));

  // 2. Compounds: contracts, committees, cover, owners' floor areas.
  const compounds = await db
    .select({ id: places.id, key: places.key, name: places.name, areaCode: places.areaCode, orgId: places.propertyOrgId })
    .from(places)
    .where(and(eq(places.kind, 'compound'), inArray(sql`substr(${places.areaCode}, 1, 12)`, DEMO_PLACE_COMMUNITIES)))
    .orderBy(asc(places.key));
  const firstOfGrid = new Map<string, string>();
  const perGrid = new Map<string, number>();
  for (const c of compounds) {
    if (!firstOfGrid.has(c.areaCode)) firstOfGrid.set(c.areaCode, c.id);
    perGrid.set(c.areaCode, (perGrid.get(c.areaCode) ?? 0) + 1);
  }
  const gridHouseholds = await db
    .select({ id: households.id, areaCode: households.areaCode })
    .from(households)
    .where(inArray(sql`substr(${households.areaCode}, 1, 15)`, [...firstOfGrid.keys()]))
    .orderBy(asc(households.key));
  const servedHouseholds = new Map<string, string[]>();
  const floorRows: (typeof ownerFloorAreas.$inferInsert)[] = [];
  for (const hh of gridHouseholds) {
    const placeId = firstOfGrid.get(hh.areaCode.slice(0, 15));
    if (!placeId) continue;
    floorRows.push({ householdId: hh.id, placeId, areaCenti: BigInt(between(hh.id, 5800, 14200)) });
    servedHouseholds.set(placeId, [...(servedHouseholds.get(placeId) ?? []), hh.id]);
  }
  for (let i = 0; i < floorRows.length; i += 500) await db.insert(ownerFloorAreas).values(floorRows.slice(i, i + 500)).onConflictDoNothing();

  const propertyCompounds: { id: string; unitId: string; areaCode: string; name: string }[] = [];
  for (const [i, c] of compounds.entries()) {
    const unitId = c.orgId ? unitOfOrg.get(c.orgId) : undefined;
    if (!unitId) {
      if (!c.orgId) await db.insert(propertyCoverage).values({ placeId: c.id, mode: COVER[i % COVER.length]!, unitId: null, note: i % 3 === 1 ? '由红心物业企业兜底接管，按保本微利收取服务费' : i % 3 === 2 ? '业主自管小组负责日常保洁和门岗' : '社区物业服务站代管' }).onConflictDoNothing();
      continue;
    }
    propertyCompounds.push({ id: c.id, unitId, areaCode: c.areaCode, name: c.name });
    const hh = Math.max(servedHouseholds.get(c.id)?.length ?? 0, Math.round(between(c.key ?? c.id, 160, 420) / (perGrid.get(c.areaCode) ?? 1)));
    await db.insert(propertyContracts).values({ unitId, placeId: c.id, households: hh, feeFenPerM2: [80, 100, 120][i % 3]!, serviceStandard: STANDARD, startsOn: `${thisYear - 2}-01-01`, endsOn: `${thisYear + 1}-12-31` });
    const members = [0, 1, 2, 3, 4].map((k) => ({ name: COMMITTEE_NAMES[(i * 2 + k) % COMMITTEE_NAMES.length]!, post: k === 0 ? '主任' : k === 1 ? '副主任' : '委员' }));
    await db.insert(ownersCommittees).values({ placeId: c.id, termStart: `${thisYear - (i % 4 === 3 ? 5 : 1)}-06-01`, termEnd: `${thisYear + (i % 4 === 3 ? -1 : 4)}-05-31`, members });
  }

  // 3. Evidence of the last three months: the community's inspections (with a photo), the committees' evaluations,
  //    and one commendation and one penalty of the housing department.
  if (propertyCompounds.length) {
    const photo = (await db.insert(files).values({ uploaderId: community.id, name: '小区检查.png', mime: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex'), data: PNG }).returning({ id: files.id }))[0]!.id;
    const inspections: (typeof propertyInspections.$inferInsert)[] = [];
    const evaluations: (typeof propertyEvaluations.$inferInsert)[] = [];
    for (const [i, c] of propertyCompounds.entries()) {
      for (const back of [2, 1, 0]) {
        const m = addMonths(thisMonth, -back);
        const day = Math.min(25, 3 + between(`${c.id}${m}`, 0, 20));
        const at = new Date(`${m}-${String(day).padStart(2, '0')}T10:00:00+08:00`);
        if (at > now) continue;
        const fails = (i + back) % 3 === 0 ? ['cleaning', 'order'] : (i + back) % 3 === 1 ? ['disclosure'] : [];
        const results = Object.fromEntries(['cleaning', 'greenery', 'facilities', 'order', 'fire-safety', 'disclosure'].map((k) => [k, !fails.includes(k)]));
        inspections.push({ unitId: c.unitId, placeId: c.id, areaCode: c.areaCode, results, scoreCenti: Math.round(((6 - fails.length) * 10000) / 6), photoIds: [photo], note: fails.length ? '已当场指出问题，要求物业限期整改' : null, inspectedBy: community.id, inspectedAt: at });
        if (back > 0) evaluations.push({ unitId: c.unitId, placeId: c.id, month: m, score: 70 + between(`${c.id}${m}e`, 0, 25), note: null, recordedBy: community.id });
      }
    }
    await db.insert(propertyInspections).values(inspections);
    await db.insert(propertyEvaluations).values(evaluations).onConflictDoNothing();
    const [first, second] = companyUnits;
    if (first) await db.insert(propertySanctions).values({ unitId: first.unitId, kind: 'commendation', points: 3, reason: '汛期及时排查地下车库积水隐患，获业主联名表扬', month: addMonths(thisMonth, -1), recordedBy: housing.id });
    if (second) await db.insert(propertySanctions).values({ unitId: second.unitId, kind: 'penalty', points: 5, reason: '未按合同公示公共收益收支情况，责令限期整改', month: addMonths(thisMonth, -1), recordedBy: housing.id });
  }

  // 4. Last year's grades, confirmed by the housing department: a red-list company and a black-list one.
  const lastYearScores = [92.4, 78.6, 46.3, 63.1, 84.2];
  for (const [i, c] of companyUnits.entries()) {
    const score = lastYearScores[i % lastYearScores.length]!;
    const proposed = proposeGrade(score);
    await db
      .insert(propertyGradings)
      .values({ unitId: c.unitId, year: thisYear - 1, scoreCenti: Math.round(score * 100), proposedGrade: proposed, grade: proposed, reason: null, state: 'confirmed', proposedAt: new Date(`${thisYear}-01-10T09:00:00+08:00`), confirmedBy: housing.id, confirmedAt: new Date(`${thisYear}-01-20T15:00:00+08:00`) })
      .onConflictDoNothing();
  }

  // 5. Fee bills of the last four months for the households of the first compound 海门常乐物业 (demo account
  //    `wy-changle`) serves.
  const changle = (await db.select({ id: units.id }).from(units).where(eq(units.code, CHANGLE)))[0]?.id;
  const billed = propertyCompounds.find((c) => c.unitId === changle) ?? propertyCompounds[0];
  const hhs = billed ? (servedHouseholds.get(billed.id) ?? []).slice(0, 40) : [];
  const bills: (typeof propertyBills.$inferInsert)[] = [];
  for (const back of [4, 3, 2, 1]) {
    const period = addMonths(thisMonth, -back);
    for (const hid of hhs) {
      const amountFen = between(hid, 58, 142) * 100;
      const paid = between(`${hid}${period}`, 0, 99) < (back >= 3 ? 45 : 70);
      bills.push({ unitId: billed!.unitId, householdId: hid, areaCode: gridHouseholds.find((x) => x.id === hid)!.areaCode, period, amountFen, paidFen: paid ? amountFen : 0, paidAt: paid ? new Date(`${period}-20T10:00:00+08:00`) : null });
    }
  }
  for (let i = 0; i < bills.length; i += 500) await db.insert(propertyBills).values(bills.slice(i, i + 500)).onConflictDoNothing();

  // 6. A four-party joint meeting (四位一体联席会议: branch, police office, owners' committee, company) last month in
  //    the first compound's grid; the others have none this half-year and show as overdue.
  if (billed) {
    const at = new Date(`${addMonths(thisMonth, -1)}-12T14:30:00+08:00`);
    const d = (
      await db
        .insert(deliberations)
        .values({ title: `${billed.name}四位一体联席会议`, description: '网格党支部、社区警务室、业主委员会、物业服务企业联席会议：研究地下车库积水和电动车充电问题', areaCode: billed.areaCode, body: 'consultation', form: 'persons', state: 'open', createdBy: community.id, createdAt: at })
        .returning({ id: deliberations.id })
    )[0]!;
    const attendees = ['网格党支部代表', '社区民警', '业委会主任', '物业项目经理'];
    await db.insert(deliberationRoll).values(attendees.map((name, i) => ({ deliberationId: d.id, seq: i + 1, name })));
    await db.insert(propertyJointMeetings).values({ placeId: billed.id, areaCode: billed.areaCode, heldOn: at.toISOString().slice(0, 10), attendees: attendees.join('、'), topics: '研究地下车库积水和电动车充电问题', deliberationId: d.id, recordedBy: community.id, createdAt: at });
  }

  // 7. Points offsets (积分抵扣物业费): three owners of the billed compound redeem 海门常乐物业's fee item with their
  //    family points; `wy-changle` confirms each at the counter and books it against the household's unpaid bill of two
  //    months ago, and the owner pays the rest — so the collection rate before and after the first offset has figures;
  //    the third redemption is confirmed but left for the company to book in the console.
  if (billed && changle && billed.unitId === changle) await seedOffsets(ctx, billed.id, addMonths(thisMonth, -2), hhs);
}

async function seedOffsets(ctx: AppContext, placeId: string, period: string, householdIds: string[]) {
  const db = ctx.db;
  const staffUser = await findUserForLogin(db, 'wy-changle');
  const community = await findUserForLogin(db, 'community');
  const secretary = await findUserForLogin(db, 'secretary');
  const item = (await db.select({ id: pointsItems.id }).from(pointsItems).innerJoin(units, eq(units.id, pointsItems.merchantUnitId)).where(and(eq(units.code, CHANGLE), eq(pointsItems.kind, 'property-fee'))))[0];
  if (!staffUser || !community || !secretary || !item) return;
  const staff = await actorOf(ctx, staffUser);
  const req = { ip: null, userAgent: 'seed' };
  const unpaid = await db
    .select({ id: propertyBills.id, householdId: propertyBills.householdId, areaCode: propertyBills.areaCode })
    .from(propertyBills)
    .where(and(inArray(propertyBills.householdId, householdIds), eq(propertyBills.period, period), eq(propertyBills.paidFen, 0)))
    .orderBy(asc(propertyBills.householdId))
    .limit(OFFSET_OWNERS);
  const passwordHash = await hashPassword(`${randomUUID()}Aa1!`);
  for (const [i, bill] of unpaid.entries()) {
    const person = (await db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.householdId, bill.householdId), eq(people.status, 'active'), sql`not exists (select 1 from users u where u.person_id = ${people.id})`)).orderBy(asc(people.birthDate)).limit(1))[0];
    if (!person) continue;
    // The owner's resident account (no known password: the demo shows the company's side); a person who already has
    // one (the demo accounts) is passed over, so the demo accounts' points stay their own.
    const username = `yz-${placeId.slice(0, 8)}-${i + 1}`;
    const user = (await findUserForLogin(db, username)) ?? (await insertUser(db, { username, displayName: `${person.name}（居民）`, passwordHash, roles: ['resident'], scopeCode: bill.areaCode.slice(0, 15), personId: person.id }));
    const at = new Date(`${period}-08T10:00:00+08:00`);
    await db.transaction((tx) => recordApprovedAward(tx, { username, scheme: 'family', ruleCode: 'carry-over-family', points: 120, note: '纸质台账结转 120 分', proposedBy: community.id, approvedBy: secretary.id, at }));
    const resident = await actorOf(ctx, user);
    const r = await redeem(ctx, resident, { itemId: item.id, quantity: 1 }, req);
    const redemption = r.body as { id: string; shortCode: string };
    await confirmRedemption(ctx, staff, redemption.id, { code: redemption.shortCode }, req);
    // The last one is left for the company to book (the console's 积分抵扣 on that household's bill).
    if (i === OFFSET_OWNERS - 1) continue;
    const booked = await offsetBill(ctx, staff, bill.id, { redemptionId: redemption.id }, req);
    if (i < 2) await payBill(ctx, staff, bill.id, { amount: booked.balance }, req);
  }
}
