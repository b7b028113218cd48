import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, uniq, type Client, type TestApp } from './helpers.ts';

// Attacks from the security review (issue 11 #3 #5 #6 #11, issue 23 #1 #6 #7, issue 10 #4), each shown failing.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const GRID = '320614103001001';
const report = (over: Record<string, unknown> = {}) => ({
  title: `井盖松动 ${uniq()}`,
  description: '小区门口井盖松动，踩上去会晃。',
  categoryCode: 'B0110',
  channel: 'qr',
  areaCode: GRID,
  reporter: { name: '陆建华', phone: '13962812345' },
  ...over,
});

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
const err = (res: { body: string }) => JSON.parse(res.body) as ErrorBody;

function expectContractError(res: { statusCode: number; body: string }, status?: number) {
  if (status !== undefined) expect(res.statusCode, res.body).toBe(status);
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  const b = err(res);
  expect(typeof b.error.code).toBe('string');
  expect(b.error.message).toMatch(/[\u4e00-\u9fa5]/);
  return b;
}

function multipart(name: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----gz' + uniq();
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function upload(data: Buffer, name: string, headers: Record<string, string> = {}) {
  const m = multipart(name, data);
  return t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': m.contentType, ...headers }, payload: m.payload });
}

describe('anonymous tracking needs the query code given at submission (issue 11 #3)', () => {
  it('the phone digits no longer open a case; guesses are throttled per case even from rotating addresses', async () => {
    const created = await t.anonymous().post('/api/cases', report());
    expect(created.statusCode).toBe(201);
    const c = json<{ id: string; code: string; queryCode: string }>(created);
    expect(c.queryCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    // The old factor alone: refused.
    expectContractError(await t.anonymous().get(`/api/track/${c.code}?phone4=2345`), 400);
    // Brute force from "different" clients (the address comes from the socket, so rotating XFF is one source;
    // the per-case limit stops it whatever the source).
    let limited = 0;
    for (let i = 0; i < 15; i++) {
      const guess = `2222${'23456789ABCDEFGH'[i]}${'J'}`;
      if (guess === c.queryCode) continue;
      const res = await t.app.inject({ method: 'GET', url: `/api/track/${c.code}?queryCode=${guess}`, remoteAddress: `10.9.${i}.1` });
      if (res.statusCode === 429) limited++;
      else expectContractError(res, 404);
    }
    expect(limited).toBeGreaterThan(0);
    // Withdraw and rate by an anonymous caller need the code.
    expectContractError(await t.anonymous().post(`/api/track/${c.code}/withdraw`, { reason: '不需要了' }), 400);
    const other = json<{ code: string; queryCode: string }>(await t.anonymous().post('/api/cases', report()));
    expectContractError(await t.app.inject({ method: 'POST', url: `/api/track/${other.code}/withdraw`, remoteAddress: '10.10.0.1', payload: { queryCode: c.queryCode, reason: '恶意撤回' } }), 404);
    const ok = await t.app.inject({ method: 'POST', url: `/api/track/${other.code}/withdraw`, remoteAddress: '10.10.0.2', payload: { queryCode: other.queryCode, reason: '已自行解决' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<{ state: string }>(ok).state).toBe('withdrawn');
  });

  it('a signed-in resident follows their own cases without a code, and their steps read 本人 (issue 10 #4)', async () => {
    const resident = await t.as('resident');
    const created = json<{ id: string; code: string; queryCode?: string }>(await resident.post('/api/cases', report({ channel: 'mobile', reporter: undefined })));
    expect(created.queryCode).toBeUndefined();
    const tracked = await resident.get(`/api/track/${created.code}`);
    expect(tracked.statusCode, tracked.body).toBe(200);
    const view = json<{ timeline: { action: string; actor: string }[] }>(tracked);
    expect(view.timeline.find((e) => e.action === 'report')!.actor).toBe('本人');
    const mine = json<{ timeline: { action: string; actor: string }[] }>(await resident.get(`/api/cases/${created.id}`));
    expect(mine.timeline.find((e) => e.action === 'report')!.actor).toBe('本人');
    // Someone else's account gets nothing without the code.
    const party = await t.as('party');
    expectContractError(await party.get(`/api/track/${created.code}`), 400);
    expectContractError(await party.post(`/api/track/${created.code}/withdraw`, { reason: '冒名撤回' }), 400);
    // The reporter withdraws their own case without a code.
    const withdrawn = await resident.post(`/api/track/${created.code}/withdraw`, { reason: '已自行解决' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(json<{ state: string }>(withdrawn).state).toBe('withdrawn');
  });
});

describe('impossible dates and broken multipart bodies answer 4xx (issue 11 #5)', () => {
  it('audit log and its export refuse 2026-13-01 and 2026-02-31', async () => {
    const admin = await t.as('admin');
    const auditor = await t.as('auditor');
    for (const d of ['2026-13-01', '2026-02-31', '2026-00-10', '9999-99-99']) {
      for (const url of [`/api/audit?from=${d}`, `/api/exports/audit.xlsx?to=${d}`]) {
        const b = expectContractError(await auditor.get(url), 400);
        expect(b.error.message).toMatch(/from|to/);
      }
      for (const url of [`/api/stats/cases?from=${d}`, `/api/cases?from=${d}`, `/api/cockpit/summary?to=${d}`]) {
        const b = expectContractError(await admin.get(url), 400);
        expect(b.error.message).toMatch(/from|to/);
      }
    }
    expect((await auditor.get('/api/audit?from=2024-02-29')).statusCode).toBe(200);
  });

  it('multipart without a boundary, or cut off, on every upload route', async () => {
    const admin = await t.as('admin');
    for (const url of ['/api/files', '/api/imports/hotline']) {
      const noBoundary = await t.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie!, 'content-type': 'multipart/form-data' }, payload: 'abc' });
      expectContractError(noBoundary);
      const m = multipart('a.png', Buffer.concat([PNG, Buffer.alloc(1000)]));
      const truncated = await t.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie!, 'content-type': m.contentType }, payload: m.payload.subarray(0, m.payload.length - 600) });
      expectContractError(truncated);
      const notMultipart = await t.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie!, 'content-type': 'application/octet-stream' }, payload: 'abc' });
      expectContractError(notMultipart, 415);
    }
  });
});

describe('uploads (issue 11 #6)', () => {
  it('anonymous uploads only with the upload token of a report form, counted per token', async () => {
    expect(err(await upload(PNG, 'a.png')).error.code).toBe('upload_token_required');
    expect((await upload(PNG, 'a.png', { 'x-upload-token': '1.2.3' })).statusCode).toBe(401);
    const issued = await t.anonymous().post('/api/files/upload-token');
    expect(issued.statusCode).toBe(201);
    const { token, maxFiles } = json<{ token: string; maxFiles: number }>(issued);
    // A forged signature is refused.
    expect((await upload(PNG, 'a.png', { 'x-upload-token': token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA') })).statusCode).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < maxFiles + 1; i++) statuses.push((await upload(PNG, `p${i}.png`, { 'x-upload-token': token })).statusCode);
    expect(statuses.slice(0, maxFiles).every((s) => s === 201)).toBe(true);
    expect(statuses[maxFiles]).toBe(429);
  });

  it('the type comes from the bytes, documents download, 413 says payload_too_large', async () => {
    const community = await t.as('community');
    const cookie = { cookie: community.cookie! };
    // A GIF/HTML hybrid named evil.html is stored as a GIF.
    const hybrid = Buffer.concat([Buffer.from('GIF89a'), Buffer.from('<html><script>alert(1)</script></html>')]);
    const g = json<{ name: string; mime: string; url: string }>(await upload(hybrid, 'evil.html', cookie));
    expect(g).toMatchObject({ name: 'evil.gif', mime: 'image/gif' });
    const served = await t.anonymous().get(g.url);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(String(served.headers['content-security-policy'])).toContain('sandbox');
    // A PDF (with JavaScript inside) is only ever an attachment.
    const pdf = json<{ name: string; url: string }>(await upload(Buffer.from('%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'), 'report.pdf.exe', cookie));
    expect(pdf.name).toBe('report_pdf.pdf');
    const doc = await t.anonymous().get(pdf.url);
    expect(String(doc.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(served.headers['content-disposition'])).toMatch(/^inline;/);
    // HTML is not a type the product takes.
    expectContractError(await upload(Buffer.from('<html></html>'), 'x.png', cookie), 400);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]), 'big.png', cookie);
    expect(expectContractError(big, 413).error.code).toBe('payload_too_large');
  });
});

describe('control and format characters in names (issue 11 #11)', () => {
  it('a bidi override or zero-width space in a name or title is refused naming the field', async () => {
    const community = await t.as('community');
    for (const bad of ['\u202e\u200b', `路灯\u202e不亮`, `路灯\u200b`, 'a\u0007b', '井盖\n松动']) {
      const b = expectContractError(await community.post('/api/cases', report({ title: bad, channel: 'console' })), 400);
      expect(b.error.message).toContain('title');
    }
    const admin = await t.as('admin');
    const b = expectContractError(await admin.request('PATCH', `/api/areas/${GRID}`, { name: '\u202e\u200b' }), 400);
    expect(b.error.message).toContain('name');
    // Newlines stay allowed in long text.
    expect((await community.post('/api/cases', report({ channel: 'console', description: '第一行\n第二行\t缩进' }))).statusCode).toBe(201);
  });
});

describe('unknown references and bad requests at the edges (issue 23 #6, #7)', () => {
  it('PATCH /api/users/{id} with an unknown unitId answers 400 naming the field', async () => {
    const admin = await t.as('admin');
    const users = json<{ items: { id: string; username: string }[] }>(await admin.get('/api/users?q=dept-cg'));
    const id = users.items.find((u) => u.username === 'dept-cg')!.id;
    const res = await admin.patch(`/api/users/${id}`, { unitId: '00000000-0000-4000-8000-000000000000' });
    const b = expectContractError(res, 400);
    expect(b.error.message).toContain('unitId');
  });

  it('PATCH /api/people/{id} with an unknown householdId answers 4xx naming the field', async () => {
    const community = await t.as('community');
    const person = json<{ items: { id: string }[] }>(await community.get('/api/people?pageSize=1')).items[0]!;
    const res = await community.patch(`/api/people/${person.id}`, { householdId: '00000000-0000-4000-8000-000000000000' });
    const b = expectContractError(res);
    expect(JSON.stringify(b.error)).toContain('householdId');
  });

  it('Open311 answers a bad URL in GeoReport’s list of {code, description}', async () => {
    for (const url of ['/open311/v2/requests/%FF%FE.json', `/open311/v2/requests/${'9'.repeat(300)}.json`, '/open311/v2/nothing/here.json']) {
      const res = await t.anonymous().get(url);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const body = JSON.parse(res.body) as { code: number; description: string }[];
      expect(Array.isArray(body)).toBe(true);
      expect(body[0]).toMatchObject({ code: expect.any(Number), description: expect.any(String) });
    }
    const api = await t.anonymous().get('/api/cases/%FF%FE');
    expectContractError(api, 400);
  });

  it('a control character in a header, an oversized header or query: the contract’s shape on the wire', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as net.AddressInfo).port;
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => s.end(request));
        let out = '';
        s.on('data', (d) => (out += d.toString('utf8')));
        s.on('close', () => resolve(out));
        s.on('error', () => resolve(out));
      });
    const bodyOf = (res: string) => JSON.parse(res.slice(res.indexOf('\r\n\r\n') + 4)) as unknown;
    const ctl = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n');
    expect(ctl).toMatch(/^HTTP\/1\.1 400/);
    expect(bodyOf(ctl)).toMatchObject({ error: { code: 'bad_request' } });
    const bigHeader = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(bigHeader).toMatch(/^HTTP\/1\.1 431/);
    expect(bodyOf(bigHeader)).toMatchObject({ error: { code: 'header_too_large' } });
    const bigQuery = await raw(`GET /open311/v2/requests.json?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(bigQuery).toMatch(/^HTTP\/1\.1 431/);
    expect(bodyOf(bigQuery)).toEqual([{ code: 431, description: expect.any(String) }]);
  });
});

describe('party posts stay inside the caller’s scope (issue 23 #1)', () => {
  it('another community’s custom posts answer 404', async () => {
    const area2 = '320614103002';
    const admin = await t.as('admin');
    const made = await admin.post('/api/party/posts', { area: area2, name: `护河岗${uniq().slice(-4)}` });
    expect(made.statusCode, made.body).toBe(201);
    const readers: Client[] = [await t.as('resident'), await t.as('merchant'), await t.as('party'), await t.as('community')];
    for (const c of readers) expectContractError(await c.get(`/api/party/posts?area=${area2}`), 404);
    expectContractError(await (await t.as('community')).get('/api/party/posts?area=320614104001'), 404);
    // The own village still answers, for staff and for a member living there.
    expect((await (await t.as('community')).get('/api/party/posts?area=320614103001')).statusCode).toBe(200);
    expect((await (await t.as('party')).get('/api/party/posts?area=320614103001')).statusCode).toBe(200);
    expect((await admin.get(`/api/party/posts?area=${area2}`)).statusCode).toBe(200);
  });
});
