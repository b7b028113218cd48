import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../src/lib/xlsx.ts';
import { getExportJob } from '../src/services/export-jobs.ts';
import type { Actor } from '../src/policies/actor.ts';
import { Client, createTestApp, json, type TestApp } from './helpers.ts';

// Large exports stay off the request path: while the district's people are exported, light requests keep
// answering quickly (issue 23 #5), and the background job shows its progress and hands over the file.

let t: TestApp;
let district: Client;
let community: Client;

beforeAll(async () => {
  t = await createTestApp();
  district = await t.as('district');
  community = await t.as('community');
});
afterAll(async () => t?.close());

interface Job {
  id: string;
  state: 'running' | 'ready' | 'failed';
  done: number;
  total: number;
  percent: number;
  fileName: string;
  downloadUrl: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;

/**
 * The bound on p99 during an export: 200 ms (issue 23 #5), or on a machine busy with other work four times the p99
 * of the same requests without an export, measured just before. An export that holds the event loop (a workbook
 * built in memory, a district sorted in one query) delays requests by seconds and fails either way.
 */
async function bound(): Promise<{ limit: number; baseline: number }> {
  const baseline = p99(await latenciesDuring(sleep(5000)));
  return { limit: Math.max(200, 4 * baseline), baseline };
}

/**
 * Sends a light request every `every` ms (on a schedule, not one after another) until `until` resolves, and
 * returns each one's latency counted from when it was due: a blocked event loop delays every request due meanwhile.
 */
async function latenciesDuring(until: Promise<unknown>, every = 100): Promise<number[]> {
  let over = false;
  void until.finally(() => (over = true));
  const pending: Promise<number>[] = [];
  const start = Date.now();
  for (let i = 0; !over; i++) {
    const due = start + i * every;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    pending.push(community.get('/api/auth/me').then((res) => (expect(res.statusCode).toBe(200), Date.now() - due)));
  }
  return Promise.all(pending);
}

async function waitForJob(c: Client, id: string): Promise<Job[]> {
  const seen: Job[] = [];
  for (;;) {
    const job = json<Job>(await c.get(`/api/exports/jobs/${id}`));
    seen.push(job);
    if (job.state !== 'running') return seen;
    await sleep(250);
  }
}

describe('exports off the request path', () => {
  it('keeps the p99 of other requests under 200 ms while the district’s people are exported in the background', async () => {
    const total = json<{ total: number }>(await district.get('/api/people?pageSize=1')).total;
    expect(total).toBeGreaterThan(5000);
    // Two tries at most: the machine running the tests may be busy with other work for a moment; an export that
    // holds the event loop fails both.
    let attempt: { job: Job; seen: Job[]; latencies: number[]; limit: number; baseline: number } | undefined;
    for (let i = 0; i < 2; i++) {
      const { limit, baseline } = await bound();
      const started = await district.post('/api/exports/people/jobs', {});
      expect(started.statusCode, started.body).toBe(202);
      const job = json<Job>(started);
      expect(job).toMatchObject({ state: 'running', total, downloadUrl: null });
      const progress = waitForJob(district, job.id);
      const latencies = await latenciesDuring(progress);
      attempt = { job, seen: await progress, latencies, limit, baseline };
      if (p99(latencies) < limit) break;
    }
    const { job, seen, latencies, limit, baseline } = attempt!;
    const last = seen.at(-1)!;
    expect(last.state).toBe('ready');
    expect(latencies.length).toBeGreaterThan(20);
    expect(p99(latencies), `p99 of ${latencies.length} light requests during the export (${baseline} ms without)`).toBeLessThan(limit);
    // Progress moved through the rows before the file was ready.
    expect(seen.some((j) => j.state === 'running' && j.done > 0 && j.done < total)).toBe(true);
    expect(last).toMatchObject({ done: total, total, percent: 100, downloadUrl: `/api/exports/jobs/${job.id}/file` });

    // The file has every person, masked; only its owner may fetch it or see the job.
    const file = await district.get(last.downloadUrl!);
    expect(file.statusCode).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const rows = await readXlsxRows(file.rawPayload);
    expect(rows[0]![0]).toContain('人口信息台账');
    expect(rows.slice(3).filter((r) => r.length > 0).length).toBe(total);
    expect(rows.slice(3).some((r) => /\d{8}/.test(String(r[5] ?? '')))).toBe(false);
    expect((await community.get(`/api/exports/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await community.get(`/api/exports/jobs/${job.id}/file`)).statusCode).toBe(404);
  }, 180_000);

  it('still streams the people from the plain download link, in the list’s order', async () => {
    const api = json<{ total: number; items: { name: string }[] }>(await district.get('/api/people?pageSize=50'));
    const res = await district.get('/api/exports/people.xlsx');
    expect(res.statusCode).toBe(200);
    const data = (await readXlsxRows(res.rawPayload)).slice(3).filter((r) => r.length > 0);
    expect(data.length).toBe(api.total);
    expect(data.slice(0, 50).map((r) => r[0])).toEqual(api.items.map((p) => p.name));
  }, 180_000);

  it('checks scope and input when the job starts, and answers 409 for a file not ready', async () => {
    const refused = await community.post('/api/exports/people/jobs', { area: '320614103002' });
    expect(refused.statusCode).toBe(404);
    expect((await (await t.as('resident')).post('/api/exports/people/jobs', {})).statusCode).toBe(403);
    const bad = await community.post('/api/exports/cases/jobs', { state: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(bad).error.message).toContain('state');
    expect((await community.get('/api/exports/jobs/not-a-uuid')).statusCode).toBe(400);
    expect((await community.get('/api/exports/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const started = json<Job>(await community.post('/api/exports/cases/jobs', { area: '320614103001' }));
    const early = await community.get(`/api/exports/jobs/${started.id}/file`);
    if (early.statusCode !== 200) expect(json<{ error: { code: string } }>(early).error.code).toBe('export_not_ready');
    const seen = await waitForJob(community, started.id);
    expect(seen.at(-1)!.state).toBe('ready');
    const file = await community.get(`/api/exports/jobs/${started.id}/file`);
    const rows = await readXlsxRows(file.rawPayload);
    expect(rows[0]![0]).toContain('案件台账');
    expect(rows.slice(3).filter((r) => r.length > 0).length).toBe(seen.at(-1)!.total);
  }, 180_000);

  it('finishes a job started just before the server closes, before the database closes', async () => {
    const other = await createTestApp();
    const c = await other.as('community');
    const me = json<{ id: string }>(await c.get('/api/auth/me'));
    const started = json<Job>(await c.post('/api/exports/cases/jobs', { area: '320614103001' }));
    expect(started.state).toBe('running');
    await other.close();
    const job = await getExportJob({ id: me.id } as Actor, started.id);
    expect(job).toMatchObject({ state: 'ready', percent: 100 });
  }, 180_000);
});
