// Split and merge of grids (docs/TERRITORY.md, "Split and merge"), on PGlite and PostgreSQL: the old grids are
// retired with pointers to their successors, buildings, households, people and open cases move with an audit row,
// new cases land in the new grids at once, past statistics stay as they were; duplicates of an identity number → 409;
// outline files in KML and zipped Shapefile, read as the console reads them, imported through the outline import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { idCheckChar } from '@gongzhi/domain';
import { toErrorResponse } from '../src/http/errors.ts';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { readOutlines } from '../../web/src/lib/outlineFiles.ts';
import { createTestApp, json, uniq, type Client, type TestApp } from './helpers.ts';
import { partyOrgs, staffAppointments } from '../src/db/schema.ts';
import { insertUser } from '../src/repositories/users.ts';

let t: TestApp;
let community: Client;
beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
});
afterAll(async () => t?.close());

const VILLAGE = '320614103001'; // 状元街, the community account's scope
const OTHER_VILLAGE_GRID = '320614103002001';

type Ring = [number, number][];
const rect = (x0: number, y0: number, x1: number, y1: number): { type: 'Polygon'; coordinates: Ring[] } => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

interface Area {
  code: string;
  name: string;
  retiredAt?: string;
  successorCodes?: string[];
}
interface Report {
  dryRun: boolean;
  retired: { code: string }[];
  parts: { index: number; code: string | null; name: string; buildings: { code: string; name: string }[]; households: number; people: number; cases: { id: string }[] }[];
  unassigned: { kind: string; id: string }[];
}
type Holders = { holders: { kind: string; id: string; name: string; post: string | null }[] }[];
interface ErrorBody {
  error: { code: string; message: string };
}

function freshId(): string {
  const first17 = `13${String(Math.floor(Math.random() * 9000) + 1000)}19600101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

async function report(lat: number, lng: number) {
  const res = await t.anonymous().post('/api/cases', {
    title: `路灯不亮 ${uniq()}`,
    description: '小区门口的路灯坏了好几天，晚上很黑，请尽快修理。',
    categoryCode: 'B0110',
    channel: 'qr',
    areaCode: VILLAGE,
    location: { lat, lng },
    reporter: { name: '陆建华', phone: '13962812345' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string; areaCode: string }>(res);
}

// A grid far out at sea (no demo grid there), 0.004° wide: west half / east half at x0 + 0.002.
const x0 = 122.9 + (Date.now() % 1000) * 0.00001;
const y0 = 31.2;
const whole = rect(x0, y0, x0 + 0.004, y0 + 0.002);
const west = rect(x0, y0, x0 + 0.002, y0 + 0.002);
const east = rect(x0 + 0.002, y0, x0 + 0.004, y0 + 0.002);

describe('split and merge of grids', () => {
  let grid: Area;
  let westBuilding: string;
  let eastBuilding: string;
  let household: string;
  let caseWest: { id: string; areaCode: string };
  let caseEast: { id: string; areaCode: string };
  const holders = { worker: '', leader: '', post: '', branch: '' };

  beforeAll(async () => {
    grid = json<Area>(await community.post('/api/areas', { parentCode: VILLAGE, name: `拆分${uniq()}网格`, geometry: whole }));
    westBuilding = json<Area>(await community.post('/api/areas', { parentCode: grid.code, name: '1幢', geometry: { type: 'Point', coordinates: [x0 + 0.001, y0 + 0.001] } })).code;
    eastBuilding = json<Area>(await community.post('/api/areas', { parentCode: grid.code, name: '2幢', geometry: rect(x0 + 0.0025, y0 + 0.0005, x0 + 0.0035, y0 + 0.0015) })).code;
    const unit = json<Area>(await community.post('/api/areas', { parentCode: eastBuilding, name: '1单元' })).code;
    const h = await community.post('/api/households', { areaCode: unit, doorplate: '101' });
    expect(h.statusCode, h.body).toBe(201);
    household = json<{ id: string }>(h).id;
    const p = await community.post('/api/people', { areaCode: unit, householdId: household, name: '顾秀英', gender: 'female', birthDate: '1960-01-01', idNumber: freshId() });
    expect(p.statusCode, p.body).toBe(201);
    // Who answers for the grid: a grid worker's account and appointment at the grid, a building leader's account in
    // the east building, the grid's party branch.
    const u = uniq();
    const account = (username: string, scopeCode: string) =>
      insertUser(t.ctx.db, { username, displayName: username, passwordHash: 'x', roles: ['grid-worker'], scopeCode, personId: null });
    holders.worker = (await account(`wg${u}`, grid.code)).id;
    holders.leader = (await account(`ld${u}`, eastBuilding)).id;
    holders.post = (await t.ctx.db.insert(staffAppointments).values({ personId: json<{ id: string }>(p).id, post: 'grid-worker', areaCode: grid.code, userId: holders.worker, startedOn: '2026-01-01' }).returning())[0]!.id;
    holders.branch = (await t.ctx.db.insert(partyOrgs).values({ code: `T${u}`.slice(0, 40), name: `拆分网格党支部${u}`, kind: 'grid-branch', areaCode: grid.code }).returning())[0]!.id;
    caseWest = await report(y0 + 0.0015, x0 + 0.0005);
    caseEast = await report(y0 + 0.0015, x0 + 0.0035);
    expect(caseWest.areaCode).toBe(grid.code);
    expect(caseEast.areaCode).toBe(grid.code);
  });

  it('previews a split without writing anything', async () => {
    const res = await community.post(`/api/areas/${grid.code}/actions/split`, { parts: [{ name: `${grid.name}西`, geometry: west }, { name: `${grid.name}东`, geometry: east }], dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const r = json<Report>(res);
    expect(r.dryRun).toBe(true);
    expect(r.parts.map((p) => p.buildings.map((b) => b.code))).toEqual([[westBuilding], [eastBuilding]]);
    expect(r.parts.map((p) => [p.households, p.people])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(r.parts[0]!.cases.map((c) => c.id)).toEqual([caseWest.id]);
    expect(r.parts[1]!.cases.map((c) => c.id)).toEqual([caseEast.id]);
    expect(r.unassigned).toEqual([]);
    // Accounts, appointments and the branch at the grid itself go to the fallback part unless placed; the building
    // leader's goes with the building.
    const placed = (r.parts as unknown as Holders).map((x) => x.holders.map((h) => h.id).sort());
    expect(placed).toEqual([[holders.worker, holders.post, holders.branch].sort(), [holders.leader]]);
    expect((r.parts as unknown as Holders)[0]!.holders.find((h) => h.id === holders.post)!.post).toBe('专职网格员');
    expect(json<Area>(await community.get(`/api/areas/${grid.code}`)).retiredAt).toBeUndefined();
  });

  it('refuses the wrong role (403), another village (404), too few parts and bad outlines (400)', async () => {
    const body = { parts: [{ name: '甲', geometry: west }, { name: '乙', geometry: east }], dryRun: true };
    for (const who of ['grid', 'leader', 'resident']) {
      const res = await (await t.as(who)).post(`/api/areas/${grid.code}/actions/split`, body);
      expect([403, 404], `${who}: ${res.body}`).toContain(res.statusCode);
      if (who === 'leader') expect(res.statusCode).toBe(403);
    }
    expect((await community.post(`/api/areas/${OTHER_VILLAGE_GRID}/actions/split`, body)).statusCode).toBe(404);
    expect((await community.post('/api/areas/actions/merge', { codes: [OTHER_VILLAGE_GRID, grid.code], name: '合并', dryRun: true })).statusCode).toBe(404);
    expect((await (await t.as('leader')).post('/api/areas/actions/merge', { codes: [grid.code, grid.code + '1'], name: '合并', dryRun: true })).statusCode).toBe(403);
    const one = await community.post(`/api/areas/${grid.code}/actions/split`, { parts: [{ name: '甲', geometry: west }] });
    expect(one.statusCode).toBe(400);
    expect(json<ErrorBody>(one).error.code).toBe('split_parts');
    const bad = await community.post(`/api/areas/${grid.code}/actions/split`, { parts: [{ name: '甲', geometry: west }, { name: '乙', geometry: { type: 'Polygon', coordinates: [[[1, 1], [2, 2]]] } }] });
    expect(bad.statusCode).toBe(400);
    expect(json<ErrorBody>(bad).error.code).toBe('invalid_geometry');
    const stranger = await community.post(`/api/areas/${grid.code}/actions/split`, { ...body, holders: [{ kind: 'account', id: holders.leader, part: 1 }] });
    expect(json<ErrorBody>(stranger).error.code, stranger.body).toBe('split_holders');
    const far = await community.post(`/api/areas/${grid.code}/actions/split`, { ...body, holders: [{ kind: 'account', id: holders.worker, part: 5 }] });
    expect(json<ErrorBody>(far).error.code, far.body).toBe('split_holders');
    const notGrid = await community.post(`/api/areas/${westBuilding}/actions/split`, body);
    expect(json<ErrorBody>(notGrid).error.code).toBe('not_a_grid');
  });

  let westGrid: string;
  let eastGrid: string;
  it('splits: new grids with the next codes, the old one retired, everything moved with audit rows, new cases placed at once', async () => {
    const rollupsBefore = await t.ctx.db.execute<{ n: string }>(sql`select coalesce(sum(received), 0)::text as n from case_measure_deltas where area_code = ${grid.code}`);
    const res = await community.post(`/api/areas/${grid.code}/actions/split`, {
      parts: [{ name: `${grid.name}西`, geometry: west }, { name: `${grid.name}东`, geometry: east }],
      holders: [{ kind: 'account', id: holders.worker, part: 1 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = json<Report>(res);
    [westGrid, eastGrid] = r.parts.map((p) => p.code!) as [string, string];
    // The worker went east as chosen, the appointment with the account, the branch to the fallback part, the
    // building leader with the building.
    const scopes = await t.ctx.db.execute<{ id: string; scope_code: string }>(sql`select id, scope_code from users where id in (${holders.worker}, ${holders.leader})`);
    expect(Object.fromEntries(scopes.rows.map((x) => [x.id, x.scope_code]))).toEqual({ [holders.worker]: eastGrid, [holders.leader]: `${eastGrid}001` });
    expect((await t.ctx.db.execute<{ area_code: string }>(sql`select area_code from staff_appointments where id = ${holders.post}`)).rows[0]!.area_code).toBe(eastGrid);
    expect((await t.ctx.db.execute<{ area_code: string }>(sql`select area_code from party_orgs where id = ${holders.branch}`)).rows[0]!.area_code).toBe(westGrid);
    expect(westGrid).toBe(VILLAGE + String(Number(grid.code.slice(12)) + 1).padStart(3, '0'));
    expect(eastGrid).toBe(VILLAGE + String(Number(grid.code.slice(12)) + 2).padStart(3, '0'));
    const old = json<Area>(await community.get(`/api/areas/${grid.code}`));
    expect(old.retiredAt).toBeTruthy();
    expect(old.successorCodes).toEqual([westGrid, eastGrid]);
    const children = json<{ items: Area[] }>(await community.get(`/api/areas/${VILLAGE}/children`)).items.map((a) => a.code);
    expect(children).not.toContain(grid.code);
    expect(children).toEqual(expect.arrayContaining([westGrid, eastGrid]));
    // Buildings re-created under their new grid; the old codes point to them.
    expect(json<{ items: Area[] }>(await community.get(`/api/areas/${westGrid}/children`)).items.map((a) => [a.code, a.name])).toEqual([[`${westGrid}001`, '1幢']]);
    expect(json<{ items: Area[] }>(await community.get(`/api/areas/${eastGrid}/children`)).items.map((a) => [a.code, a.name])).toEqual([[`${eastGrid}001`, '2幢']]);
    expect(json<Area>(await community.get(`/api/areas/${eastBuilding}`)).successorCodes).toEqual([`${eastGrid}001`]);
    const h = json<{ areaCode: string }>(await community.get(`/api/households/${household}`));
    expect(h.areaCode).toBe(`${eastGrid}00101`);
    const cases = await t.ctx.db.execute<{ id: string; area_code: string; measure_area_code: string }>(sql`select id, area_code, measure_area_code from cases where id in (${caseWest.id}, ${caseEast.id})`);
    const byId = new Map(cases.rows.map((c) => [c.id, c]));
    expect(byId.get(caseWest.id)).toMatchObject({ area_code: westGrid, measure_area_code: grid.code });
    expect(byId.get(caseEast.id)).toMatchObject({ area_code: eastGrid, measure_area_code: grid.code });
    // Past statistics: nothing was refiled away from the old grid.
    const rollupsAfter = await t.ctx.db.execute<{ n: string }>(sql`select coalesce(sum(received), 0)::text as n from case_measure_deltas where area_code = ${grid.code}`);
    expect(rollupsAfter.rows[0]!.n).toBe(rollupsBefore.rows[0]!.n);
    const audit = await t.ctx.db.execute<{ action: string; n: string }>(sql`select action, count(*)::text as n from audit_log where action in ('area.split', 'area.move', 'household.move', 'case.move') and (entity_id = ${grid.code} or area_code like ${VILLAGE + '%'}) and at > now() - interval '5 minutes' group by action`);
    expect(Object.fromEntries(audit.rows.map((a) => [a.action, Number(a.n)]))).toMatchObject({ 'area.split': 1, 'area.move': 2, 'household.move': 1, 'case.move': 2 });
    const holderAudit = await t.ctx.db.execute<{ action: string; n: string }>(sql`select action, count(*)::text as n from audit_log where entity_id in (${holders.worker}, ${holders.leader}, ${holders.post}, ${holders.branch}) group by action`);
    expect(Object.fromEntries(holderAudit.rows.map((a) => [a.action, Number(a.n)]))).toEqual({ 'user.move': 2, 'staff.move': 1, 'party.org.move': 1 });
    // The next case reported in the east half lands in the east grid at once.
    expect((await report(y0 + 0.001, x0 + 0.003)).areaCode).toBe(eastGrid);
    // A retired grid is history: no edit, no second split.
    const again = await community.patch(`/api/areas/${grid.code}`, { name: '改名' });
    expect(again.statusCode).toBe(409);
    expect(json<ErrorBody>(again).error.code).toBe('area_retired');
    // An old spreadsheet naming the retired grid is refused row by row, pointing to the new grids.
    const csv = `姓名,公民身份号码,联系电话,网格编码,楼栋,单元,门牌号\n周建国,${freshId()},13962812345,${grid.code},9幢,1单元,101室\n`;
    const boundary = `----gz${uniq()}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(csv, 'utf-8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imported = await t.app.inject({ method: 'POST', url: '/api/imports/people', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: community.cookie! }, payload });
    expect(imported.statusCode, imported.body).toBe(200);
    const refused = json<{ created: number; refused: { row: number; reason: string }[] }>(imported);
    expect(refused.created).toBe(0);
    expect(refused.refused[0]!.reason).toContain(westGrid);
  });

  it('merges adjacent grids into one; refuses grids that do not touch', async () => {
    const far = json<Area>(await community.post('/api/areas', { parentCode: VILLAGE, name: `远处${uniq()}网格`, geometry: rect(x0 + 0.01, y0, x0 + 0.012, y0 + 0.002) }));
    const apart = await community.post('/api/areas/actions/merge', { codes: [westGrid, far.code], name: '合并', dryRun: true });
    expect(apart.statusCode).toBe(400);
    expect(json<ErrorBody>(apart).error.code).toBe('grids_not_adjacent');
    const name = `合并${uniq()}网格`;
    const res = await community.post('/api/areas/actions/merge', { codes: [westGrid, eastGrid], name });
    expect(res.statusCode, res.body).toBe(200);
    const merged = json<Report>(res).parts[0]!;
    expect(merged.buildings).toHaveLength(2);
    expect(merged.households).toBe(1);
    const code = merged.code!;
    expect(json<{ items: Area[] }>(await community.get(`/api/areas/${code}/children`)).items.map((a) => a.name)).toEqual(['1幢', '2幢']);
    expect(json<{ areaCode: string }>(await community.get(`/api/households/${household}`)).areaCode).toBe(`${code}00201`);
    expect(json<Area>(await community.get(`/api/areas/${westGrid}`)).successorCodes).toEqual([code]);
    expect((await report(y0 + 0.001, x0 + 0.001)).areaCode).toBe(code);
    // Everyone who answered for the two grids now answers for the merged one (the leader with the 2nd building).
    const scopes = await t.ctx.db.execute<{ id: string; scope_code: string }>(sql`select id, scope_code from users where id in (${holders.worker}, ${holders.leader})`);
    expect(Object.fromEntries(scopes.rows.map((x) => [x.id, x.scope_code]))).toEqual({ [holders.worker]: code, [holders.leader]: `${code}002` });
    expect((await t.ctx.db.execute<{ area_code: string }>(sql`select area_code from party_orgs where id = ${holders.branch}`)).rows[0]!.area_code).toBe(code);
  });
});

describe('one person per identity number', () => {
  it('answers 409 duplicate_id_number for a second person with the same number, through the API', async () => {
    const idNumber = freshId();
    const unit = '32061410300100100101';
    const first = await community.post('/api/people', { areaCode: unit, name: '钱桂芳', gender: 'female', birthDate: '1960-01-01', idNumber });
    expect(first.statusCode, first.body).toBe(201);
    const second = await community.post('/api/people', { areaCode: unit, name: '钱桂芳', gender: 'female', birthDate: '1960-01-01', idNumber });
    expect(second.statusCode).toBe(409);
    expect(json<ErrorBody>(second).error.code).toBe('duplicate_id_number');
  });

  it('the unique index stops a duplicate that slips past the check; it is reported as 409, not 5xx', async () => {
    const row = await t.ctx.db.execute<{ id_hash: string }>(sql`select id_hash from people where id_hash is not null limit 1`);
    const err = await t.ctx.db
      .execute(sql`insert into people (area_code, name, gender, id_hash) values ('32061410300100100101', '重复', 'male', ${row.rows[0]!.id_hash})`)
      .then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expect(toErrorResponse(err)).toMatchObject({ status: 409, body: { error: { code: 'duplicate_id_number' } } });
  });
});

describe('outline files: KML and zipped Shapefile', () => {
  interface OutlineReport {
    created: number;
    updated: number;
    unchanged: number;
    refused: { feature: number; reason: string }[];
    items: { name: string | null; code: string | null; result: string }[];
  }
  const importFile = async (name: string, data: ArrayBuffer, dryRun = false) => {
    const features = await readOutlines(name, data, (text) => new DOMParser().parseFromString(text, 'text/xml') as never);
    const res = await community.post(`/api/areas/${VILLAGE}/outlines`, { type: 'FeatureCollection', features, dryRun });
    expect(res.statusCode, res.body).toBe(200);
    return json<OutlineReport>(res);
  };
  const bytes = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'utf-8') : b;
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };

  it('imports a KML (奥维, Google Earth) with names and a refused placemark; importing it again changes nothing', async () => {
    const tag = uniq();
    const ring = (x: number, y: number) => [[x, y], [x + 0.002, y], [x + 0.002, y + 0.002], [x, y + 0.002], [x, y]].map(([a, b]) => `${a},${b},0`).join(' ');
    const placemark = (name: string, coords: string) =>
      `<Placemark><name>${name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>网格边界</name>
${placemark(`KML网格甲${tag}`, ring(123.2, 31.35))}
${placemark(`KML网格乙${tag}`, ring(123.203, 31.35))}
${placemark(`KML坏边界${tag}`, '123.2,31.3,0 123.21,31.3,0 123.2,31.3,0')}
</Document></kml>`;
    const preview = await importFile('网格边界.kml', bytes(kml), true);
    expect(preview).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(preview.refused.map((r) => r.feature)).toEqual([3]);
    const done = await importFile('网格边界.kml', bytes(kml));
    expect(done.created).toBe(2);
    const children = json<{ items: Area[] }>(await community.get(`/api/areas/${VILLAGE}/children`)).items.map((a) => a.name);
    expect(children).toEqual(expect.arrayContaining([`KML网格甲${tag}`, `KML网格乙${tag}`]));
    expect(await importFile('网格边界.kml', bytes(kml))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('imports a zipped Shapefile (.shp, .dbf with UTF-8 names, .prj); importing it again changes nothing', async () => {
    const zip = bytes(readFileSync(new URL('./fixtures/grids-shapefile.zip', import.meta.url)));
    const first = await importFile('grids.zip', zip);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, refused: [] });
    expect(first.items.map((i) => i.name)).toEqual(['导入网格丙', '导入网格丁']);
    const grid = json<Area & { geometry: { coordinates: number[][][] } }>(await community.get(`/api/areas/${first.items[0]!.code}`));
    const [lng, lat] = grid.geometry.coordinates[0]![0]!;
    expect(lng).toBeCloseTo(123.3, 9);
    expect(lat).toBeCloseTo(31.3, 9);
    expect(await importFile('grids.zip', zip)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });
});
