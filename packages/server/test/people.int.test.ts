import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { idCheckChar } from '@gongzhi/domain';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Person {
  id: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  areaCode: string;
  address: string | null;
  tags: string[];
  allowedActions: string[];
}
interface Page {
  total: number;
  items: Person[];
}

/** A valid, random ID number that no seeded resident has (born on 1 Jan 1901). */
function freshIdNumber(): string {
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `32061419010101${seq}`;
  return first17 + idCheckChar(first17);
}

describe('the population registry', () => {
  it('shows ID and phone numbers masked to the last four digits, in every response', async () => {
    const c = await t.as('community');
    const res = await c.get('/api/people?pageSize=200');
    expect(res.statusCode).toBe(200);
    const page = json<Page>(res);
    // No string anywhere in the response is a full ID or mobile number.
    const strings = JSON.stringify(page).match(/"[^"]*"/g) ?? [];
    expect(strings.filter((s) => /^"\d{17}[\dX]"$/.test(s) || /^"1[3-9]\d{9}"$/.test(s))).toEqual([]);
    expect(page.total).toBeGreaterThan(500);
    expect(page.items.filter((p) => p.idNumber).length).toBeGreaterThan(100);
    for (const p of page.items) {
      if (p.idNumber) expect(p.idNumber).toMatch(/^\*{14}[\dX]{4}$/);
      if (p.phone) expect(p.phone).toMatch(/^\*{7}\d{4}$/);
    }
  });

  it('stores numbers encrypted: the database holds no plaintext', async () => {
    const c = await t.as('grid');
    const idNumber = freshIdNumber();
    const created = await c.post('/api/people', {
      areaCode: '320614103001001',
      name: `测试${uniq().slice(0, 4)}`,
      gender: 'male',
      birthDate: '1901-01-01',
      idNumber,
      phone: '13912345678',
    });
    expect(created.statusCode).toBe(201);
    const p = json<Person>(created);
    expect(p.idNumber).toBe('*'.repeat(14) + idNumber.slice(-4));
    const raw = await t.ctx.db.execute<Record<string, unknown>>(sql`select * from people where id = ${p.id}`);
    const dump = JSON.stringify(raw.rows[0]);
    expect(dump).not.toContain(idNumber);
    expect(dump).not.toContain('13912345678');
    // A full number typed into search finds the person by keyed hash.
    const found = json<Page>(await c.get(`/api/people?q=${idNumber}`));
    expect(found.items.map((x) => x.id)).toEqual([p.id]);
    // The same ID twice is a conflict.
    const dup = await c.post('/api/people', { areaCode: '320614103001001', name: '重复', gender: 'male', idNumber });
    expect(dup.statusCode).toBe(409);
  });

  it('reveals a full number only to roles that need it, and audits every reveal', async () => {
    const grid = await t.as('grid');
    const someone = json<Page>(await grid.get('/api/people?pageSize=50')).items.find((p) => p.idNumber)!;
    expect(someone.allowedActions).toContain('reveal');
    const shown = await grid.post(`/api/people/${someone.id}/reveal`, { field: 'idNumber' });
    expect(shown.statusCode).toBe(200);
    const value = json<{ value: string }>(shown).value;
    expect(value).toMatch(/^\d{17}[\dX]$/);
    expect(value.slice(-4)).toBe(someone.idNumber!.slice(-4));
    const auditor = await t.as('auditor');
    const log = json<{ items: { action: string; entityId: string; actor: string }[] }>(
      await auditor.get(`/api/audit?action=person.reveal&entityId=${someone.id}`),
    );
    expect(log.items.some((i) => i.actor === 'grid')).toBe(true);

    const leader = await t.as('leader');
    const seen = json<Person>(await leader.get(`/api/people/${someone.id}`));
    expect(seen.allowedActions).not.toContain('reveal');
    expect((await leader.post(`/api/people/${someone.id}/reveal`, { field: 'idNumber' })).statusCode).toBe(403);
  });

  it('a grid worker sees only the people of its grid; a community only its own', async () => {
    const grid = await t.as('grid');
    const mine = json<Page>(await grid.get('/api/people?pageSize=200'));
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p) => p.areaCode.startsWith('320614103001001'))).toBe(true);

    const community = await t.as('community');
    const neighbour = json<Page>(await (await t.as('town')).get('/api/people?area=320614103002&pageSize=1')).items[0]!;
    expect((await community.get(`/api/people/${neighbour.id}`)).statusCode).toBe(404);
    expect((await grid.get(`/api/people/${neighbour.id}`)).statusCode).toBe(404);
    const byName = json<Page>(await community.get(`/api/people?q=${encodeURIComponent(neighbour.name)}&pageSize=200`));
    expect(byName.items.every((p) => p.areaCode.startsWith('320614103001'))).toBe(true);
    const outside = json<Page>(await community.get('/api/people?area=320614103002'));
    expect(outside.total).toBe(0);
  });

  it('searches by name and by address', async () => {
    const c = await t.as('community');
    const someone = json<Page>(await c.get('/api/people?pageSize=50')).items.find((p) => p.address)!;
    const byName = json<Page>(await c.get(`/api/people?q=${encodeURIComponent(someone.name)}`));
    expect(byName.items.some((p) => p.id === someone.id)).toBe(true);
    const doorplate = someone.address!.slice(-8);
    const byAddress = json<Page>(await c.get(`/api/people?q=${encodeURIComponent(doorplate)}`));
    expect(byAddress.items.some((p) => p.id === someone.id)).toBe(true);
  });

  it('hides sensitive special groups from roles that do not need them', async () => {
    const grid = await t.as('grid');
    const row = await t.ctx.db.execute<{ id: string }>(
      sql`select id from people where area_code like '320614103001001%' order by id limit 1`,
    );
    const id = row.rows[0]!.id;
    const before = json<Person>(await grid.get(`/api/people/${id}`));
    const patched = await grid.patch(`/api/people/${id}`, { tags: [...new Set([...before.tags, 'community-correction'])] });
    expect(patched.statusCode).toBe(200);
    expect(json<Person>(patched).tags).toContain('community-correction');
    const town = json<Person>(await (await t.as('town')).get(`/api/people/${id}`));
    expect(town.tags).not.toContain('community-correction');
    expect((await (await t.as('town')).get('/api/people?tag=community-correction')).statusCode).toBe(403);
  });

  it('refuses the registry to residents, party members, merchants and departments', async () => {
    for (const username of ['resident', 'party', 'merchant', 'dept-cg']) {
      const c = await t.as(username);
      expect((await c.get('/api/people')).statusCode, username).toBe(403);
    }
  });

  it('validates input with field-level Chinese messages', async () => {
    const c = await t.as('grid');
    const good = freshIdNumber();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const badId = await c.post('/api/people', { areaCode: '320614103001001', name: '王五', gender: 'male', idNumber: wrongCheck });
    expect(badId.statusCode).toBe(400);
    expect(json<{ error: { code: string; details: { field: string } } }>(badId).error).toMatchObject({ code: 'invalid_id_number', details: { field: 'idNumber' } });
    const badPhone = await c.post('/api/people', { areaCode: '320614103001001', name: '王五', gender: 'male', phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    const badGender = await c.post('/api/people', { areaCode: '320614103001001', name: '王五', gender: 'x' });
    expect(badGender.statusCode).toBe(400);
    expect(json<{ error: { code: string; message: string } }>(badGender).error.message).toContain('gender');
    const outside = await c.post('/api/people', { areaCode: '320614103001002', name: '王五', gender: 'male' });
    expect(outside.statusCode).toBe(404);
    const leader = await t.as('leader');
    expect((await leader.post('/api/people', { areaCode: '320614103001001', name: '王五', gender: 'male' })).statusCode).toBe(403);
  });
});
