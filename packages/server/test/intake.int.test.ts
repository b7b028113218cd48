import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DomainError } from '@gongzhi/domain';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { createCase, intakeBatcher } from '../src/services/cases.ts';

// Group commit of intakes: concurrent reports share one statement and one commit, and each of
// them must still come out exactly as if it had been alone.

let t: TestApp;
const GRID = '320614103001001';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const count = async (q: ReturnType<typeof sql>) => Number((await t.ctx.db.execute<{ n: string }>(q)).rows[0]!.n);

describe('intake under concurrency (group commit)', () => {
  it('200 concurrent intakes with repeated Idempotency-Keys and invalid rows: exactly the right cases, events, audit rows and responses', async () => {
    const tag = `并发${uniq()}`;
    const anon = t.anonymous();
    const body = (i: number, over: Record<string, unknown> = {}) => ({
      title: `${tag} 路灯不亮 ${i}`,
      description: `状元街${(i % 7) + 1}幢门口的路灯连续三天晚上不亮，老人晚上出门不方便。`,
      categoryCode: '0102',
      channel: 'qr',
      areaCode: GRID,
      reporter: { name: '陆建华', phone: '13962812345' },
      public: i % 2 === 0,
      ...over,
    });
    type Req = { kind: 'plain' | 'keyed' | 'bad-category' | 'bad-phone'; key?: string; body: Record<string, unknown> };
    const reqs: Req[] = [];
    for (let i = 0; i < 150; i++) reqs.push({ kind: 'plain', body: body(i) });
    // 10 keys, each sent three times at once (the first body wins; repeats say the same).
    for (let k = 0; k < 10; k++) for (let r = 0; r < 3; r++) reqs.push({ kind: 'keyed', key: `${tag}-k${k}`, body: body(1000 + k) });
    for (let i = 0; i < 10; i++) reqs.push({ kind: 'bad-category', body: body(2000 + i, { categoryCode: 'NOPE' }) });
    for (let i = 0; i < 10; i++) reqs.push({ kind: 'bad-phone', body: body(3000 + i, { reporter: { phone: '12345' } }) });
    // Shuffle deterministically so that good, repeated and bad requests share batches.
    const order = reqs.map((r, i) => ({ r, k: (i * 7919) % reqs.length })).sort((a, b) => a.k - b.k).map((x) => x.r);

    const before = { ...intakeBatcher(t.ctx).stats };
    const responses = await Promise.all(
      order.map((r) => anon.request('POST', '/api/cases', JSON.stringify(r.body), { 'content-type': 'application/json', ...(r.key ? { 'idempotency-key': r.key } : {}) }).then((res) => ({ r, res }))),
    );
    const after = intakeBatcher(t.ctx).stats;
    // They really were group-committed: fewer batches than cases.
    expect(after.batches - before.batches).toBeLessThan(160);

    for (const { r, res } of responses) {
      if (r.kind === 'bad-category') {
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('categoryCode');
      } else if (r.kind === 'bad-phone') {
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('reporter.phone');
      } else {
        expect(res.statusCode, res.body).toBe(201);
        const c = json<{ id: string; code: string; state: string; title: string; timeline: { action: string }[]; duplicates: unknown[]; allowedActions: string[] }>(res);
        expect(c.state).toBe('reported');
        expect(c.code).toMatch(/^HM\d{15}$/);
        // The report, and (same problem, same place) the entry that put it in a duplicate group as a candidate.
        expect(c.timeline.map((e) => e.action).filter((a) => a !== 'group-candidate')).toEqual(['report']);
        expect(Array.isArray(c.duplicates)).toBe(true);
        expect(c.allowedActions).toContain('withdraw');
      }
    }
    const ok = responses.filter((x) => x.res.statusCode === 201).map((x) => ({ ...x, c: json<{ id: string; title: string; duplicates: unknown[] }>(x.res) }));
    // Each key: three answers, one case, with the first body.
    for (let k = 0; k < 10; k++) {
      const same = ok.filter((x) => x.r.key === `${tag}-k${k}`);
      expect(same).toHaveLength(3);
      expect(new Set(same.map((x) => x.c.id)).size).toBe(1);
      expect(same[0]!.c.title).toBe(`${tag} 路灯不亮 ${1000 + k}`);
    }
    const ids = [...new Set(ok.map((x) => x.c.id))];
    expect(ids).toHaveLength(160);
    // Similar reports of the same moment hint at each other.
    expect(ok.some((x) => x.c.duplicates.length > 0)).toBe(true);

    // In the database: exactly one case, one first timeline entry, one audit row and the
    // notifications per acknowledged case — nothing for the refused ones.
    const idList = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
    expect(await count(sql`select count(*)::text as n from cases where title like ${tag + '%'}`)).toBe(160);
    expect(await count(sql`select count(*)::text as n from case_events where case_id in (${idList}) and action = 'report'`)).toBe(160);
    expect(await count(sql`select count(*)::text as n from case_events where case_id in (${idList}) and action <> 'group-candidate'`)).toBe(160);
    expect(await count(sql`select count(*)::text as n from audit_log where action = 'case.create' and entity_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)).toBe(160);
    const staff = await count(sql`select count(*)::text as n from users where active and scope_code = '320614103001' and roles && array['community-worker']::text[]`);
    expect(staff).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::text as n from notifications where case_id in (${idList}) and kind = 'case.new'`)).toBe(160 * staff);
    expect(await count(sql`select count(*)::text as n from idempotency_keys where key like ${tag + '-k%'} and status = 201`)).toBe(10);
    // Case codes are unique and every case is readable by the community at once.
    expect(await count(sql`select count(distinct code)::text as n from cases where title like ${tag + '%'}`)).toBe(160);
    const community = await t.as('community');
    const one = await community.get(`/api/cases/${ids[0]}`);
    expect(one.statusCode).toBe(200);

    // A repeat after the fact still returns the first case and creates nothing; the key with
    // another body is refused (anonymous keys are scoped by key and body fingerprint).
    const again = await anon.request('POST', '/api/cases', JSON.stringify(body(1003)), { 'content-type': 'application/json', 'idempotency-key': `${tag}-k3` });
    expect(again.statusCode).toBe(201);
    expect(json<{ id: string }>(again).id).toBe(ok.find((x) => x.r.key === `${tag}-k3`)!.c.id);
    const reused = await anon.request('POST', '/api/cases', JSON.stringify(body(9999)), { 'content-type': 'application/json', 'idempotency-key': `${tag}-k3` });
    expect(reused.statusCode).toBe(422);
    expect(json<{ error: { code: string } }>(reused).error.code).toBe('idempotency_key_reused');
    expect(await count(sql`select count(*)::text as n from cases where title like ${tag + '%'}`)).toBe(160);
  });

  it('a row the database refuses fails alone: the other intakes of its batch are written', async () => {
    const tag = `外部${uniq()}`;
    const req = { ip: '127.0.0.1', userAgent: 'test' };
    const hotline = await t.as('community');
    const actor = (await import('../src/services/auth.ts')).authenticate;
    const me = await actor(t.ctx, hotline.cookie!.split('=')[1]!.split(';')[0]!);
    expect(me).not.toBeNull();
    const input = (i: number, ref: string) => ({
      title: `${tag} 热线工单 ${i}`,
      description: '市民来电反映小区门口路灯不亮',
      categoryCode: 'B0110',
      channel: 'hotline' as const,
      areaCode: GRID,
      externalRef: ref,
    });
    const fallbacks = intakeBatcher(t.ctx).stats.fallbacks;
    // The same external work order five times at once (none registered yet, so only the
    // database's unique index can tell), next to five distinct ones.
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) => createCase(t.ctx, me, input(i, `${tag}-same`), req)),
      ...Array.from({ length: 5 }, (_, i) => createCase(t.ctx, me, input(10 + i, `${tag}-${i}`), req)),
    ]);
    const created = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(created).toHaveLength(6);
    expect(intakeBatcher(t.ctx).stats.fallbacks).toBeGreaterThan(fallbacks);
    expect(refused).toHaveLength(4);
    for (const e of refused) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('duplicate_external_ref');
    }
    expect(await count(sql`select count(*)::text as n from cases where title like ${tag + '%'}`)).toBe(6);
    expect(await count(sql`select count(*)::text as n from case_events e join cases c on c.id = e.case_id where c.title like ${tag + '%'} and e.action <> 'group-candidate'`)).toBe(6);
    expect(await count(sql`select count(*)::text as n from audit_log a join cases c on a.entity_id = c.id::text where a.action = 'case.create' and c.title like ${tag + '%'}`)).toBe(6);
  });

  it('an Open311 key used moments ago is refused at once after it is revoked', async () => {
    const admin = await t.as('admin');
    const created = json<{ id: string; key: string }>(await admin.post('/api/open311/keys', { name: `测试客户端${uniq()}` }));
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ api_key: created.key, service_code: 'B0110', address_string: '状元街3幢', description: '路灯不亮' }).toString(),
      });
    expect((await post()).statusCode).toBe(201);
    expect((await post()).statusCode).toBe(201);
    expect((await admin.post(`/api/open311/keys/${created.id}/revoke`)).statusCode).toBe(200);
    const refused = await post();
    expect(refused.statusCode).toBe(403);
    expect(json<{ code: number }[]>(refused)[0]!.code).toBe(403);
  });
});
