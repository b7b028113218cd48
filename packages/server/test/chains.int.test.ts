import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { chinaDate } from '@gongzhi/domain';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';
import type { Tx } from '../src/db/client.ts';
import { linkHash } from '../src/lib/chain.ts';
import { exportHeads, sealAll, verifyChains, verifyChainsIn, verifyHeads, type HeadsFile, type VerifyReport } from '../src/services/chains.ts';

// Tamper-evident history (issue 11): TRUNCATE is refused on every append-only table, and the
// case timelines, the points ledger and the audit log are hash chains that `verify` recomputes.
// Each rewrite below happens in a transaction that is rolled back, so a shared database stays intact.

let t: TestApp;
const GRID = '320614103001001';
const ROLLBACK = new Error('rollback');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const key = () => t.ctx.cipher.chainKey;
const one = async <T>(q: ReturnType<typeof sql>, tx: Pick<Tx, 'execute'> = t.ctx.db) => (await tx.execute(q)).rows[0] as T;

/** Runs `fn` in a transaction that never commits and returns what it returned. */
async function inRolledBack<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await t.ctx.db
    .transaction(async (tx) => {
      out = await fn(tx);
      throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });
  return out as T;
}

async function intake(n: number, tag: string) {
  const anon = t.anonymous();
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      anon.post('/api/cases', {
        title: `${tag} 井盖松动 ${i}`,
        description: `状元街${(i % 7) + 1}幢北侧的井盖松动，车辆经过时响声很大，担心有人踩空。`,
        categoryCode: 'B0110',
        channel: 'qr',
        areaCode: GRID,
        reporter: { name: '陆建华', phone: '13962812345' },
      }),
    ),
  );
}

const expectIntact = (r: VerifyReport) => {
  expect(r.breaks, r.message).toEqual([]);
  expect(r.ok).toBe(true);
};

describe('append-only tables refuse TRUNCATE', () => {
  const tables = [
    'audit_log',
    'case_events',
    'points_transfers',
    'points_accounts',
    'wish_events',
    'party_visits',
    'party_patrols',
    'party_transfers',
    'party_post_reports',
    'service_order_events',
  ];
  it.each(tables)('TRUNCATE %s fails', async (table) => {
    const err = await inRolledBack(async (tx) => tx.execute(sql.raw(`TRUNCATE ${table} CASCADE`)).then(() => null)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error & { cause?: Error }).cause?.message ?? (err as Error).message)).toMatch(/append-only/);
  });
});

describe('hash chains', () => {
  it('the demo history is chained at seeding, and verify passes after concurrent intake sealed while it runs', async () => {
    expectIntact(await verifyChains(t.ctx.db, key()));
    const tag = `链${uniq()}`;
    // Seal while intakes are being group-committed (late commits join their chains later), with two
    // sealers at once as in cluster mode (on PostgreSQL one waits for the other's lock by skipping).
    const sealer = async () => {
      for (let i = 0; i < 5; i++) await sealAll(t.ctx.db, key());
    };
    const [res] = await Promise.all([intake(120, tag), sealer(), sealer()]);
    for (const r of res) expect(r.statusCode, r.body).toBe(201);
    await sealAll(t.ctx.db, key());
    const report = await verifyChains(t.ctx.db, key());
    expectIntact(report);
    const byTable = Object.fromEntries(report.tables.map((x) => [x.table, x]));
    expect(byTable.case_events!.pending).toBe(0);
    expect(byTable.case_events!.chains).toBeGreaterThanOrEqual(120);
    expect(byTable.audit_log!.links).toBeGreaterThan(120);
    expect(byTable.points_transfers!.links).toBeGreaterThan(0);
    // Every case's timeline starts at link 1, in the order it was written.
    const c = await one<{ n: string }>(sql`select count(*) as n from case_events e join cases c on c.id = e.case_id where c.title like ${tag + '%'} and e.chain_seq = 1`);
    expect(Number(c.n)).toBe(120);
  });

  it('the sealer may only fill in an empty place and hash; a sealed row stays as it is', async () => {
    const row = await one<{ id: string }>(sql`select id from audit_log where chain_hash is not null order by id desc limit 1`);
    for (const q of [
      sql`update audit_log set chain_hash = repeat('0', 64) where id = ${row.id}`,
      sql`update audit_log set chain_seq = null, chain_hash = null where id = ${row.id}`,
      sql`delete from audit_log where id = ${row.id}`,
    ]) {
      const err = await inRolledBack((tx) => tx.execute(q)).catch((e: Error) => e);
      expect(String((err as Error & { cause?: Error }).cause?.message ?? err)).toMatch(/append-only/);
    }
    // An unsealed row: setting content together with the seal is refused too.
    await t.ctx.db.execute(sql`insert into audit_log (action, outcome) values ('test.unsealed', 'ok')`);
    const fresh = await one<{ id: string }>(sql`select id from audit_log where action = 'test.unsealed' and chain_hash is null order by id desc limit 1`);
    const err = await inRolledBack((tx) => tx.execute(sql`update audit_log set action = 'test.forged', chain_seq = 1, chain_hash = repeat('0', 64) where id = ${fresh.id}`)).catch((e: Error) => e);
    expect(String((err as Error & { cause?: Error }).cause?.message ?? err)).toMatch(/append-only/);
    await sealAll(t.ctx.db, key());
  });

  it('a case event edited with triggers disabled (session_replication_role = replica) is named', async () => {
    await sealAll(t.ctx.db, key());
    const ev = await one<{ id: string; case_id: string; code: string }>(
      sql`select e.id, e.case_id, c.code from case_events e join cases c on c.id = e.case_id where e.chain_seq = 2 and exists (select 1 from case_events x where x.case_id = e.case_id and x.chain_seq = 3) order by e.id limit 1`,
    );
    const report = await inRolledBack(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update case_events set note = coalesce(note, '') || '（改）' where id = ${ev.id}`);
      await tx.execute(sql`set local session_replication_role = origin`);
      return verifyChainsIn(tx, key());
    });
    expect(report.ok).toBe(false);
    expect(report.breaks).toHaveLength(1);
    expect(report.breaks[0]).toMatchObject({ table: 'case_events', chain: ev.case_id, rowId: Number(ev.id), seq: 2, kind: 'changed', chainLabel: `案件 ${ev.code}` });
    expect(report.message).toContain(`记录 #${ev.id}`);
    expect(report.message).toContain('改动');
    // Nothing was left behind.
    expectIntact(await verifyChains(t.ctx.db, key()));
  });

  it('an audit row edited with ALTER TABLE … DISABLE TRIGGER ALL is named', async () => {
    await sealAll(t.ctx.db, key());
    const row = await one<{ id: string; chain_seq: string }>(sql`select id, chain_seq from audit_log where chain_seq is not null order by chain_seq limit 1 offset 10`);
    const report = await inRolledBack(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger all`);
      await tx.execute(sql`update audit_log set actor_username = 'someone-else' where id = ${row.id}`);
      await tx.execute(sql`alter table audit_log enable trigger all`);
      return verifyChainsIn(tx, key());
    });
    expect(report.breaks).toEqual([expect.objectContaining({ table: 'audit_log', rowId: Number(row.id), seq: Number(row.chain_seq), kind: 'changed', tableLabel: '审计日志' })]);
  });

  it('an audit row deleted in the middle is detected as a missing link', async () => {
    const [gone, next] = ((await t.ctx.db.execute(sql`select id, chain_seq from audit_log where chain_seq is not null order by chain_seq limit 2 offset 20`)).rows) as { id: string; chain_seq: string }[];
    const report = await inRolledBack(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where id = ${gone!.id}`);
      return verifyChainsIn(tx, key());
    });
    expect(report.breaks).toEqual([expect.objectContaining({ table: 'audit_log', kind: 'missing', seq: Number(gone!.chain_seq), rowId: Number(next!.id) })]);
    expect(report.message).toContain(`第 ${gone!.chain_seq} 环缺失`);
  });

  it('the last transfer of a scheme deleted (with its head left) is detected as a cut-off chain', async () => {
    const last = await one<{ id: string; scheme: string; chain_seq: string }>(sql`select p.id, p.scheme, p.chain_seq from points_transfers p join chain_heads h on h.tbl = 'points_transfers' and h.chain = p.scheme and h.seq = p.chain_seq order by p.id limit 1`);
    const report = await inRolledBack(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from points_transfers where id = ${last.id}`);
      return verifyChainsIn(tx, key());
    });
    expect(report.breaks).toEqual([expect.objectContaining({ table: 'points_transfers', chain: last.scheme, kind: 'truncated', seq: Number(last.chain_seq) })]);
  });

  it('a rewrite by someone holding the key passes verify but not the daily heads kept elsewhere', async () => {
    const tag = `日终${uniq()}`;
    const res = await intake(3, tag);
    const caseId = json<{ id: string }>(res[0]!).id;
    const staff = await t.as('town');
    // Give the case a longer timeline (accept it) so there is history before its head.
    await staff.post(`/api/cases/${caseId}/actions`, { action: 'accept' });
    await sealAll(t.ctx.db, key());
    const file = await exportHeads(t.ctx.db, key(), chinaDate(new Date()));
    expect(file.heads.some((h) => h.table === 'case_events' && h.chain === caseId)).toBe(true);
    expect((await verifyHeads(t.ctx.db, key(), file)).ok).toBe(true);

    const outcome = await inRolledBack(async (tx) => {
      // Rewrite the first event and re-hash the whole chain with the key, head included.
      const evs = (await tx.execute(sql`select id from case_events where case_id = ${caseId} order by chain_seq`)).rows as { id: string }[];
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update case_events set actor_name = '伪造者' where id = ${evs[0]!.id}`);
      let prev = '';
      for (const [i, e] of evs.entries()) {
        const canon = await one<{ c: string }>(
          sql`select jsonb_build_array(id, case_id, action, from_state, to_state, actor_id, actor_name, actor_unit, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), note, attachments, detail)::text as c from case_events where id = ${e.id}`,
          tx,
        );
        prev = linkHash(key(), 'case_events', caseId, i + 1, prev, canon.c);
        await tx.execute(sql`update case_events set chain_hash = ${prev} where id = ${e.id}`);
      }
      await tx.execute(sql`update chain_heads set hash = ${prev} where tbl = 'case_events' and chain = ${caseId}`);
      return { chains: await verifyChainsIn(tx, key()), heads: await verifyHeads(tx, key(), file) };
    });
    expectIntact(outcome.chains);
    expect(outcome.heads.ok).toBe(false);
    expect(outcome.heads.fileIntact).toBe(true);
    expect(outcome.heads.breaks[0]).toMatchObject({ table: 'case_events', chain: caseId, kind: 'heads-file' });
    expect(outcome.heads.message).toContain('改写');

    // A copy of the file that was itself altered is refused as evidence.
    const forged: HeadsFile = { ...file, heads: file.heads.map((h, i) => (i === 0 ? { ...h, seq: h.seq + 1 } : h)) };
    const check = await verifyHeads(t.ctx.db, key(), forged);
    expect(check.fileIntact).toBe(false);
    expect(check.ok).toBe(false);
  });
});

describe('the audit administrator’s console API', () => {
  it('verify, download the day’s heads and check them again; others are refused; bad input gets a 4xx', async () => {
    await sealAll(t.ctx.db, key());
    const admin = await t.as('auditor');
    const v = await admin.post('/api/chain/verify');
    expect(v.statusCode, v.body).toBe(200);
    expect(json<{ ok: boolean; message: string }>(v)).toMatchObject({ ok: true });
    expect(json<{ message: string }>(v).message).toContain('校验通过');

    const day = chinaDate(new Date());
    const dl = await admin.get(`/api/chain/heads/${day}`);
    expect(dl.statusCode, dl.body).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    const file = JSON.parse(dl.body) as HeadsFile;
    expect(file.heads.length).toBeGreaterThan(0);
    const again = await admin.post('/api/chain/heads/verify', file);
    expect(again.statusCode, again.body).toBe(200);
    expect(json<{ ok: boolean }>(again).ok).toBe(true);

    for (const bad of [`/api/chain/heads/2026-13-01`, `/api/chain/heads/2026-02-31`, `/api/chain/heads/nope`]) {
      const r = await admin.get(bad);
      expect(r.statusCode, bad).toBe(400);
      expect(json<{ error: { message: string } }>(r).error.message).toMatch(/日期/);
    }
    const garbage = await admin.post('/api/chain/heads/verify', { format: 'x' });
    expect(garbage.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(garbage).error.message).toContain('日终哈希文件无效');
    const wrongUuid = await admin.post('/api/chain/heads/verify', { ...file, heads: [{ table: 'case_events', chain: 'x', seq: 1, rowId: 1, hash: '0'.repeat(64) }] });
    expect(wrongUuid.statusCode).toBe(400);

    // 三员分立: the system administrator does not check the history either.
    expect((await (await t.as('admin')).post('/api/chain/verify')).statusCode).toBe(403);
    const grid = await t.as('grid');
    expect((await grid.post('/api/chain/verify')).statusCode).toBe(403);
    expect((await grid.get(`/api/chain/heads/${day}`)).statusCode).toBe(403);
    expect((await t.anonymous().post('/api/chain/verify')).statusCode).toBe(401);
    const stranger = await t.anonymous().post('/api/chain/heads/verify', file);
    expect(stranger.statusCode).toBe(401);
    expect(json<{ error: { code: string } }>(stranger).error.code).toBe('unauthenticated');
    const audited = await one<{ n: string }>(sql`select count(*) as n from audit_log where action = 'chain.verify'`);
    expect(Number(audited.n)).toBeGreaterThan(0);
  });
});
