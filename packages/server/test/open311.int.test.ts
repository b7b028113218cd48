import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, uniq, type TestApp } from './helpers.ts';

// Open311 GeoReport v2 (issue 12 item 10): Idempotency-Key on POST requests, and every error under
// /open311/v2/ in GeoReport's shape — a list of {code, description} — never the /api error object.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function post(body: string, headers: Record<string, string> = {}, ext = 'json') {
  return t.app.inject({ method: 'POST', url: `/open311/v2/requests.${ext}`, headers: { ...FORM, ...headers }, payload: body });
}

function expectOpen311Error(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status?: number) {
  if (status !== undefined) expect(res.statusCode, res.body).toBe(status);
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  if (String(res.headers['content-type']).includes('xml')) {
    expect(res.body).toMatch(new RegExp(`<errors><error><code>${res.statusCode}</code><description>[^<]+</description></error></errors>$`));
    return;
  }
  const body = JSON.parse(res.body) as unknown;
  expect(Array.isArray(body), res.body).toBe(true);
  expect((body as { code: number; description: string }[])[0]).toEqual({ code: res.statusCode, description: expect.any(String) });
}

describe('Idempotency-Key on POST requests', () => {
  it('the same key twice answers the same request and makes one case', async () => {
    const description = `状元街菜场门口油污 ${uniq()}`;
    const body = form({ api_key: 'demo-open311-key', service_code: '0104', address_string: '状元街菜场', description });
    const key = `o311-${uniq()}`;
    const a = await post(body, { 'idempotency-key': key });
    const b = await post(body, { 'idempotency-key': key });
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode, b.body).toBe(201);
    const [first] = JSON.parse(a.body) as { service_request_id: string; token: string }[];
    const [again] = JSON.parse(b.body) as { service_request_id: string; token: string }[];
    expect(again).toEqual(first);
    const n = await t.ctx.db.execute<{ n: string }>(sql`select count(*)::text as n from cases where description = ${description}`);
    expect(n.rows[0]!.n).toBe('1');
    // Without a key (or with another) the same form is a new request.
    const c = await post(body, { 'idempotency-key': `${key}-2` });
    expect((JSON.parse(c.body) as { service_request_id: string }[])[0]!.service_request_id).not.toBe(first!.service_request_id);
  });

  it('an overlong key is refused in the Open311 shape', async () => {
    const res = await post(form({ api_key: 'demo-open311-key', service_code: '0104', address_string: '状元街', description: 'x' }), { 'idempotency-key': 'k'.repeat(200) });
    expectOpen311Error(res, 400);
  });
});

describe('every error under /open311/v2/ is a list of {code, description}', () => {
  it('bad or missing input, unknown things, wrong methods, bad bodies', async () => {
    expectOpen311Error(await post(form({ service_code: '0104' })), 400);
    expectOpen311Error(await post(form({ api_key: 'wrong', service_code: '0104', address_string: 'x' }), {}, 'xml'), 403);
    expectOpen311Error(await post(form({ api_key: 'demo-open311-key', service_code: 'NOPE', address_string: 'x' })), 400);
    expectOpen311Error(await post(form({ api_key: 'demo-open311-key', service_code: '0104', lat: 'abc', long: '1' })), 400);
    expectOpen311Error(await t.app.inject({ method: 'GET', url: '/open311/v2/requests/NOPE.json' }), 404);
    expectOpen311Error(await t.app.inject({ method: 'GET', url: '/open311/v2/tokens/not-a-token.xml' }));
    expectOpen311Error(await t.app.inject({ method: 'GET', url: '/open311/v2/nothing.json' }), 404);
    expectOpen311Error(await t.app.inject({ method: 'GET', url: '/open311/v2/requests' }), 404);
    expectOpen311Error(await t.app.inject({ method: 'PUT', url: '/open311/v2/requests.json', headers: FORM, payload: 'a=1' }), 404);
    expectOpen311Error(await t.app.inject({ method: 'DELETE', url: '/open311/v2/requests/HM1.json' }), 404);
    expectOpen311Error(await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, payload: '{bad json' }));
    expectOpen311Error(await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'text/plain' }, payload: 'api_key=x' }));
    expectOpen311Error(await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: FORM, payload: 'a='.repeat(70_000) }));
    expectOpen311Error(await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?start_date=${encodeURIComponent('not a date')}` }));
    expectOpen311Error(await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=weird' }));
    expectOpen311Error(await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${'%E0%A4%A'}.json` }));
    expectOpen311Error(await t.app.inject({ method: 'GET', url: `/open311/v2/services/${'x'.repeat(300)}.json` }));
  });

  it('a stale or reset session cookie does not turn an Open311 answer into the /api shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/requests/NOPE.json', headers: { cookie: 'gz_session=not-a-real-session' } });
    expectOpen311Error(res, 404);
    // A browser of someone whose password must be changed first still gets GeoReport's shape.
    await t.ctx.db.execute(sql`update users set must_change_password = true where username = 'merchant'`);
    try {
      const merchant = await t.as('merchant');
      const blocked = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json', headers: { cookie: merchant.cookie! } });
      expectOpen311Error(blocked, 403);
    } finally {
      await t.ctx.db.execute(sql`update users set must_change_password = false where username = 'merchant'`);
    }
  });
});
