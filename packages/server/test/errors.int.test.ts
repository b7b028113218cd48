import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const expectErrorShape = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  const body = json<{ error: { code: string; message: string } }>(res as never);
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
};

describe('errors have the contract shape and never a 5xx', () => {
  it('health answers ok', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ status: 'ok' });
  });

  it('malformed JSON → 400 malformed_json', async () => {
    const res = await t.anonymous().request('POST', '/api/auth/login', '{"username": "admin", ');
    expectErrorShape(res);
    expect(json<{ error: { code: string } }>(res).error.code).toBe('malformed_json');
  });

  it('wrong types → 400 naming the field', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 42, password: ['x'] });
    expectErrorShape(res);
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(res).error.message).toContain('username');
  });

  it('a missing field or a check without its own message is answered in Chinese', async () => {
    const missing = await t.anonymous().post('/api/cases', { description: '楼道堆物', categoryCode: '0102', channel: 'qr', areaCode: '320614103001001' });
    expectErrorShape(missing);
    expect(missing.statusCode).toBe(400);
    const message = json<{ error: { message: string } }>(missing).error.message;
    expect(message).toBe('请求体字段 title 不正确：必填');
    const wrongType = json<{ error: { message: string } }>(await t.anonymous().post('/api/auth/login', { username: 42, password: 'x' })).error.message;
    expect(wrongType).not.toMatch(/Invalid|expected|received/);
  });

  it('unknown API routes → 404 in the contract shape', async () => {
    const res = await (await t.as('admin')).get('/api/no-such-thing');
    expectErrorShape(res);
    expect(res.statusCode).toBe(404);
  });

  it('unsupported media types and oversized bodies are refused', async () => {
    const form = await t.anonymous().request('POST', '/api/auth/login', 'username=admin', { 'content-type': 'application/x-www-form-urlencoded' });
    expectErrorShape(form);
    expect(form.statusCode).toBe(415);
    const plain = await t.anonymous().request('POST', '/api/auth/login', '{}', { 'content-type': 'text/plain' });
    expect(plain.statusCode).toBe(415);
    const big = await t.anonymous().request('POST', '/api/auth/login', JSON.stringify({ username: 'a'.repeat(2_000_000), password: 'x' }));
    expectErrorShape(big);
    expect(big.statusCode).toBe(413);
  });

  it('hostile strings are data, never a server error', async () => {
    const c = await t.as('community');
    const hostile = [
      "' OR 1=1 --",
      '"; DROP TABLE people; --',
      '%_%\\',
      '<script>alert(1)</script>',
      '\u0000\u0001',
      '𠀀𠀁😀',
      '../../etc/passwd',
      'a'.repeat(5000),
      '%E4%B8%AD%ZZ',
    ];
    for (const s of hostile) {
      const q = encodeURIComponent(s);
      for (const url of [`/api/people?q=${q}`, `/api/areas?q=${q}`, `/api/areas/${q}`, `/api/people/${q}`, `/api/audit?actor=${q}`, `/api/people?area=${q}`, `/api/people?page=${q}`]) {
        const res = await c.get(url);
        expect(res.statusCode, `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expectErrorShape(res);
      }
      const res = await c.post('/api/auth/login', { username: s, password: s });
      expect(res.statusCode).toBeLessThan(500);
      const created = await c.post('/api/people', { areaCode: '320614103001001', name: s, gender: 'male' });
      expect(created.statusCode).toBeLessThan(500);
    }
    // The SQL-looking name was stored literally: the search finds exactly the people created with it.
    const sqlish = json<{ total: number; items: { name: string }[] }>(await c.get(`/api/people?q=${encodeURIComponent("' OR 1=1 --")}&pageSize=200`));
    expect(sqlish.total).toBeGreaterThanOrEqual(1);
    expect(sqlish.items.every((p) => p.name.includes("' OR 1=1 --"))).toBe(true);
    expect(json<{ total: number }>(await c.get('/api/people')).total).toBeGreaterThan(0);
  });

  it('raw malformed URLs get a 4xx', async () => {
    const c = await t.as('admin');
    for (const url of ['/api/areas/%', '/api/people?page=-1', '/api/people?pageSize=100000', '/api/areas/' + '9'.repeat(300)]) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await t.anonymous().get('/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    const spec = json<{ openapi: string; paths: Record<string, unknown> }>(doc);
    expect(spec.openapi).toMatch(/^3\./);
    for (const p of ['/api/auth/login', '/api/auth/me', '/api/areas/{code}', '/api/areas/{code}/children', '/api/people', '/api/units']) {
      expect(Object.keys(spec.paths)).toContain(p);
    }
    const page = await t.anonymous().get('/api/docs');
    expect(page.statusCode).toBeLessThan(400);
  });

  it('lists the departments cases can be dispatched to', async () => {
    const c = await t.as('district');
    const res = json<{ items: { id: string; name: string; type: string }[] }>(await c.get('/api/units?type=department'));
    expect(res.items.map((u) => u.name)).toEqual(expect.arrayContaining(['区城市管理局', '区公安分局', '区市场监督管理局', '区住房和城乡建设局', '区民政局']));
    expect(res.items.every((u) => u.type === 'department')).toBe(true);
  });
});
