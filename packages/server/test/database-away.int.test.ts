import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';

// The database goes away during intake and comes back: while it is away every request is
// answered 503 database_unavailable with Retry-After, the server reconnects by itself, nothing is
// half-written, and every acknowledged case is there afterwards. The database is cut with a TCP
// proxy between the server and PostgreSQL (the shared PostgreSQL itself is never stopped).
// PostgreSQL only: embedded PGlite lives inside the process and cannot go away on its own.

const DATABASE_URL = process.env.DATABASE_URL;

/** A TCP proxy that can cut every connection and refuse new ones, then let them through again. */
function cuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return void client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const cut = () => {
    open = false;
    for (const s of sockets) s.destroy();
  };
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    cut,
    restore() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => (cut(), server.close(() => resolve()))),
  };
}

describe.skipIf(!DATABASE_URL)('the database going away (PostgreSQL)', () => {
  let t: TestApp;
  let proxy: ReturnType<typeof cuttableProxy>;
  let direct: pg.Client;

  beforeAll(async () => {
    const target = new URL(DATABASE_URL!);
    proxy = cuttableProxy(target);
    const port = await proxy.listen();
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${port}`;
    process.env.DATABASE_URL = viaProxy.toString();
    process.env.DB_CONNECT_TIMEOUT_MS = '2000';
    try {
      t = await createTestApp();
    } finally {
      process.env.DATABASE_URL = DATABASE_URL;
    }
    // The file's own database (createTestApp copies one from the template), reached without the proxy.
    const own = new URL(t.databaseUrl!);
    own.host = target.host;
    direct = new pg.Client({ connectionString: own.toString() });
    direct.on('error', () => {});
    await direct.connect();
  }, 180_000);
  afterAll(async () => {
    // The direct client first: closing the app drops the file's database, which would end it from under us.
    await direct?.end();
    await t?.close().catch(() => {});
    await proxy?.close();
  });

  it('503 database_unavailable with Retry-After while away, reconnects by itself, every acknowledged case once and whole', async () => {
    const tag = `断库${uniq()}`;
    const body = (i: number) => ({
      title: `${tag} 井盖松动 ${i}`,
      description: `状元街${(i % 9) + 1}幢北侧下水道井盖松动，踩上去会晃。`,
      categoryCode: 'B0110',
      channel: 'qr',
      areaCode: '320614103001001',
    });
    const send = (i: number) =>
      t.app.inject({ method: 'POST', url: '/api/cases', remoteAddress: `10.60.${i % 200}.1`, headers: { 'content-type': 'application/json', 'idempotency-key': `${tag}-${i}` }, payload: JSON.stringify(body(i)) });
    type Outcome = { i: number; status: number; id?: string; code?: string; retryAfter?: string };
    const outcomes: Outcome[] = [];
    const fire = async (from: number, n: number) => {
      const res = await Promise.all(Array.from({ length: n }, (_, k) => send(from + k)));
      res.forEach((r, k) => {
        const o: Outcome = { i: from + k, status: r.statusCode };
        if (r.statusCode === 201) o.id = json<{ id: string }>(r).id;
        else o.code = json<{ error: { code: string } }>(r).error?.code;
        o.retryAfter = r.headers['retry-after'] as string | undefined;
        outcomes.push(o);
      });
    };

    // Before: intake works.
    await fire(0, 20);
    // During: a wave in flight when the connections are cut, then waves while the database is away.
    const wave = fire(100, 40);
    await new Promise((r) => setTimeout(r, 15));
    proxy.cut();
    await wave;
    await fire(200, 20);
    await fire(300, 20);
    const away = outcomes.filter((o) => o.i >= 200 && o.i < 400);
    expect(away.every((o) => o.status === 503)).toBe(true);
    // Every answer is 201 or 503 database_unavailable with Retry-After — never a 500.
    for (const o of outcomes) {
      expect([201, 503], JSON.stringify(o)).toContain(o.status);
      if (o.status === 503) {
        expect(o.code).toBe('database_unavailable');
        expect(Number(o.retryAfter)).toBeGreaterThan(0);
      }
    }
    const health = await t.app.inject({ method: 'GET', url: '/api/cases?pageSize=1' });
    expect([401, 503]).toContain(health.statusCode);
    // Open311 answers in GeoReport's shape: a list of {code, description}, 503 with Retry-After.
    const o311 = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: 'demo-open311-key', service_code: '0104', address_string: '状元街菜场', description: `${tag} 菜场门口积水` }).toString(),
    });
    expect(o311.statusCode, o311.body).toBe(503);
    expect(Number(o311.headers['retry-after'])).toBeGreaterThan(0);
    expect(json<{ code: number; description: string }[]>(o311)[0]).toMatchObject({ code: 503 });

    // Back: the server reconnects by itself (no restart); a resend with its key gets its answer.
    proxy.restore();
    const deadline = Date.now() + 20_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      back = (await send(1000)).statusCode === 201;
      if (!back) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(true);
    const unanswered = outcomes.filter((o) => o.status !== 201);
    const resent = await Promise.all(unanswered.map((o) => send(o.i)));
    for (const r of resent) expect(r.statusCode, r.body).toBe(201);
    const acknowledged = new Map(outcomes.filter((o) => o.status === 201).map((o) => [o.i, o.id!]));
    unanswered.forEach((o, k) => acknowledged.set(o.i, json<{ id: string }>(resent[k]!).id));
    acknowledged.set(1000, acknowledged.get(1000) ?? '');

    // Afterwards, straight from the database: one case per key, each acknowledged id present,
    // and each case whole (its first timeline entry and audit row written with it).
    const rows = (await direct.query<{ id: string; title: string; events: string; audits: string }>(
      `select c.id, c.title,
         (select count(*) from case_events e where e.case_id = c.id and e.action = 'report')::text as events,
         (select count(*) from audit_log a where a.entity_id = c.id::text and a.action = 'case.create')::text as audits
       from cases c where c.title like $1`,
      [`${tag}%`],
    )).rows;
    const titles = rows.map((r) => r.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(rows.length).toBe(acknowledged.size);
    const ids = new Set(rows.map((r) => r.id));
    for (const [i, id] of acknowledged) if (id) expect(ids.has(id), `case ${i}`).toBe(true);
    for (const r of rows) {
      expect(r.events).toBe('1');
      expect(r.audits).toBe('1');
    }
  }, 120_000);
});
