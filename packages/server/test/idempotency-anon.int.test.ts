import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';

// An anonymous report re-sent from another network (Wi-Fi → 4G, another proxy) under the same
// Idempotency-Key is the same report: one case. The key with another body is refused.

let t: TestApp;
const GRID = '320614103001001';
// A low hourly limit for reports without an account, so this file can reach it.
const PER_HOUR = 3;

beforeAll(async () => {
  process.env.ANON_REPORTS_PER_HOUR = String(PER_HOUR);
  t = await createTestApp();
  delete process.env.ANON_REPORTS_PER_HOUR;
});
afterAll(async () => t?.close());

const casesTitled = async (title: string) => Number((await t.ctx.db.execute<{ n: string }>(sql`select count(*)::text as n from cases where title = ${title}`)).rows[0]!.n);

const report = (title: string) => ({
  title,
  description: '状元街3幢门口的路灯连续三天晚上不亮，老人晚上出门不方便。',
  categoryCode: 'B0110',
  channel: 'qr',
  areaCode: GRID,
  reporter: { name: '陆建华', phone: '13962812345' },
});

const send = (from: string, key: string, body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/cases', remoteAddress: from, headers: { 'content-type': 'application/json', 'idempotency-key': key }, payload: typeof body === 'string' ? body : JSON.stringify(body) });

describe('anonymous Idempotency-Key: scoped by the key and the body, not by the address', () => {
  it('the same key and body from two addresses make one case', async () => {
    const title = `换网重发 ${uniq()}`;
    const key = `k-${uniq()}`;
    const a = await send('10.31.0.1', key, report(title));
    const b = await send('172.16.8.9', key, report(title));
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode, b.body).toBe(201);
    expect(json<{ id: string }>(b).id).toBe(json<{ id: string }>(a).id);
    // The resend is answered as the first: with the query code the reporter needs.
    expect(json<{ queryCode?: string }>(b).queryCode).toBe(json<{ queryCode?: string }>(a).queryCode);
    expect(await casesTitled(title)).toBe(1);
  });

  it('the same body with its keys in another order is the same body', async () => {
    const title = `键序不同 ${uniq()}`;
    const key = `k-${uniq()}`;
    const body = report(title);
    const reordered = `{"reporter":{"phone":"13962812345","name":"陆建华"},"areaCode":"${GRID}","channel":"qr","categoryCode":"B0110","description":${JSON.stringify(body.description)},"title":${JSON.stringify(title)}}`;
    const a = await send('10.31.0.2', key, body);
    const b = await send('10.31.0.3', key, reordered);
    expect(b.statusCode, b.body).toBe(201);
    expect(json<{ id: string }>(b).id).toBe(json<{ id: string }>(a).id);
    expect(await casesTitled(title)).toBe(1);
  });

  it('concurrent resends from several addresses make one case', async () => {
    const title = `并发重发 ${uniq()}`;
    const key = `k-${uniq()}`;
    const res = await Promise.all(Array.from({ length: 8 }, (_, i) => send(`10.32.${i}.1`, key, report(title))));
    for (const r of res) expect([201, 409], r.body).toContain(r.statusCode);
    const ids = new Set(res.filter((r) => r.statusCode === 201).map((r) => json<{ id: string }>(r).id));
    expect(ids.size).toBe(1);
    expect(await casesTitled(title)).toBe(1);
  });

  it('the same key with another body answers 422 idempotency_key_reused and stores nothing', async () => {
    const title = `首次上报 ${uniq()}`;
    const other = `另一份上报 ${uniq()}`;
    const key = `k-${uniq()}`;
    expect((await send('10.33.0.1', key, report(title))).statusCode).toBe(201);
    for (const from of ['10.33.0.1', '10.33.0.2']) {
      const res = await send(from, key, report(other));
      expect(res.statusCode, res.body).toBe(422);
      const err = json<{ error: { code: string; message: string; details?: { field?: string } } }>(res).error;
      expect(err.code).toBe('idempotency_key_reused');
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(err.message).toContain('Idempotency-Key');
      expect(err.details?.field).toBe('Idempotency-Key');
    }
    expect(await casesTitled(other)).toBe(0);
    expect(await casesTitled(title)).toBe(1);
  });

  it('a signed-in caller keeps its own key space', async () => {
    const resident = await t.as('resident');
    const key = `k-${uniq()}`;
    const title = `登录用户 ${uniq()}`;
    const anon = await send('10.34.0.1', key, report(`匿名 ${title}`));
    expect(anon.statusCode).toBe(201);
    const mine = await resident.request('POST', '/api/cases', { ...report(title), channel: 'mobile', reporter: undefined }, { 'idempotency-key': key });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(json<{ id: string }>(mine).id).not.toBe(json<{ id: string }>(anon).id);
  });
});

describe('reports without an account are limited per source address and hour', () => {
  it('refuses the report past the limit with 429 and a Chinese message; resends stay free; other addresses go on', async () => {
    const from = '10.35.0.1';
    const first = { key: `k-${uniq()}`, body: report(`限流 ${uniq()}`) };
    expect((await send(from, first.key, first.body)).statusCode).toBe(201);
    for (let i = 1; i < PER_HOUR; i++) expect((await send(from, `k-${uniq()}`, report(`限流 ${uniq()}`))).statusCode).toBe(201);
    // A resend under the same key is the same report: answered, not counted.
    expect((await send(from, first.key, first.body)).statusCode).toBe(201);
    const title = `限流 ${uniq()}`;
    const over = await send(from, `k-${uniq()}`, report(title));
    expect(over.statusCode, over.body).toBe(429);
    const err = json<{ error: { code: string; message: string } }>(over).error;
    expect(err.code).toBe('too_many_requests');
    expect(err.message).toContain(`每小时最多匿名上报 ${PER_HOUR} 件`);
    expect(await casesTitled(title)).toBe(0);
    // Another address, and a signed-in resident at the same address, are not held back.
    expect((await send('10.35.0.2', `k-${uniq()}`, report(`限流 ${uniq()}`))).statusCode).toBe(201);
    const resident = await t.as('resident');
    const mine = await resident.request('POST', '/api/cases', { ...report(`限流 ${uniq()}`), channel: 'mobile', reporter: undefined });
    expect(mine.statusCode, mine.body).toBe(201);
  });
});
