import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Cases in 状元街 this month, carried through the loop, then the month's bulletin is read back.
const VILLAGE = '320614103001';
const GRID = `${VILLAGE}001`;
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

let t: TestApp;
let community: Client;
let town: Client;
let dept: Client;
let gridWorker: Client;
const kw = `简报${uniq()}`;

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  // Types flagged 需现场核验 close on a photo taken at the check.
  if (action === 'verify-pass' && !body.attachments) body = { ...body, attachments: [await c.uploadPhoto()] };
  const res = await c.post(`/api/cases/${id}/actions/${action}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
  town = await t.as('town');
  dept = await t.as('dept-cg');
  gridWorker = await t.as('grid');
  const unitId = json<{ items: { id: string; code: string }[] }>(await town.get('/api/units?type=department')).items.find((u) => u.code === 'dept-cg')!.id;
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await community.post('/api/cases', { title: `${kw} 第${i + 1}件`, description: '简报测试', categoryCode: '0102', channel: 'console', areaCode: GRID });
    ids.push(json<{ id: string }>(res).id);
  }
  // One case through the loop to closure; one urged.
  await act(community, ids[0]!, 'escalate', { reason: '需部门处理' });
  await act(town, ids[0]!, 'dispatch', { unitId });
  await act(dept, ids[0]!, 'acknowledge');
  await act(dept, ids[0]!, 'handle', { note: '已处理' });
  await act(gridWorker, ids[0]!, 'verify-pass', { note: '现场核实' });
  await act(town, ids[1]!, 'urge', { note: '请尽快处理' });
});
afterAll(async () => t?.close());

async function docText(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  return { text, media, zip };
}

describe('monthly bulletin', () => {
  it('is a Word document with the key figures, charts, units, areas and notable cases', async () => {
    const res = await community.get(`/api/bulletins/${VILLAGE}/${month}.docx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { text, media, zip } = await docText(res.rawPayload);
    const stats = json<{ received: number; closed: number; closureRate: number }>(await community.get(`/api/stats/cases?area=${VILLAGE}`));
    expect(text).toContain('工 作 简 报');
    expect(text).toContain('状元街');
    expect(text).toContain(`共受理群众诉求 ${stats.received} 件`);
    expect(text).toContain(`已办结 ${stats.closed} 件`);
    expect(text).toContain(`结案率 ${(stats.closureRate * 100).toFixed(1)}%`);
    expect(text).toContain('群众反映的主要问题');
    expect(text).toContain('区城市管理局');
    expect(text).toContain('值得关注的案件');
    expect(text).toContain('催办最多的案件');
    expect(text).toContain(`${kw} 第2件`);
    // Charts are PNG images inside the document.
    expect(media.length).toBeGreaterThanOrEqual(2);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('shows the child areas for a town', async () => {
    const res = await town.get(`/api/bulletins/320614103/${month}.docx`);
    expect(res.statusCode).toBe(200);
    const { text } = await docText(res.rawPayload);
    expect(text).toContain('各村（社区）情况');
    expect(text).toContain('状元街');
    expect(text).toContain('合计');
  });

  it('is made for a grid too', async () => {
    const res = await gridWorker.get(`/api/bulletins/${GRID}/${month}.docx`);
    expect(res.statusCode).toBe(200);
    expect((await docText(res.rawPayload)).text).toContain('第一网格');
  });

  it('keeps to scope and refuses bad input', async () => {
    expect((await community.get(`/api/bulletins/320614103002/${month}.docx`)).statusCode).toBe(404);
    expect((await (await t.as('resident')).get(`/api/bulletins/${VILLAGE}/${month}.docx`)).statusCode).toBe(403);
    expect((await community.get(`/api/bulletins/${VILLAGE}/2026-13.docx`)).statusCode).toBe(400);
    expect((await community.get(`/api/bulletins/${VILLAGE}/2999-01.docx`)).statusCode).toBe(400);
    expect((await community.get(`/api/bulletins/${VILLAGE}/${month}.pdf`)).statusCode).toBe(400);
  });
});
