import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { readXlsxRows } from '../src/lib/xlsx.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Exports are read back with exceljs and compared with the list API for the same filters.
const VILLAGE = '320614103001';
const NEIGHBOUR = '320614103002';
const GRID = `${VILLAGE}001`;

let t: TestApp;
let community: Client;
let town: Client;
let resident: Client;
let auditor: Client;
const kw = `导出${uniq()}`;

beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
  town = await t.as('town');
  resident = await t.as('resident');
  auditor = await t.as('auditor');
  for (let i = 0; i < 3; i++) {
    const res = await community.post('/api/cases', { title: `${kw} 第${i + 1}件`, description: '导出测试用案件', categoryCode: '0102', channel: 'console', areaCode: GRID, reporter: { name: '张三', phone: '13912345678' } });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => t?.close());

async function sheet(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
  const rows = await readXlsxRows(res.rawPayload);
  const header = rows[2]!.map(String);
  const data = rows.slice(3).filter((r) => r.length > 0);
  const col = (name: string) => {
    const i = header.indexOf(name);
    expect(i, `column ${name} in ${header.join(',')}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  return { title: String(rows[0]![0]), info: String(rows[1]![0]), header, data, col };
}

describe('case ledger export', () => {
  it('has the same rows as the list for the same filters, with typed cells and the filters written', async () => {
    const list = json<{ total: number; items: { code: string; title: string }[] }>(await community.get(`/api/cases?q=${encodeURIComponent(kw)}&pageSize=200`));
    expect(list.total).toBe(3);
    const x = await sheet(await community.get(`/api/exports/cases.xlsx?q=${encodeURIComponent(kw)}`));
    expect(x.title).toContain('案件台账');
    expect(x.info).toContain(`关键词“${kw}”`);
    expect(x.data.map((r) => r[x.col('案件编号')])).toEqual(list.items.map((c) => c.code));
    const first = x.data[0]!;
    expect(first[x.col('标题')]).toBe(list.items[0]!.title);
    expect(first[x.col('事项类型')]).not.toBe('0102');
    expect(first[x.col('渠道')]).toBe('后台录入');
    expect(first[x.col('上报时间')]).toBeInstanceOf(Date);
    expect(typeof first[x.col('返工次数')]).toBe('number');
    // The reporter's phone is masked, never written in full.
    expect(first[x.col('联系电话')]).toBe('*******5678');
    expect(x.data.flat().some((v) => String(v).includes('13912345678'))).toBe(false);
  });

  it('applies the state filter like the list does', async () => {
    const list = json<{ total: number; items: { code: string }[] }>(await community.get(`/api/cases?state=reported&area=${VILLAGE}&pageSize=200`));
    const x = await sheet(await community.get(`/api/exports/cases.xlsx?state=reported&area=${VILLAGE}`));
    expect(x.data.length).toBe(Math.min(list.total, 50_000));
    expect(x.data.slice(0, list.items.length).map((r) => r[x.col('案件编号')])).toEqual(list.items.map((c) => c.code));
    expect(x.info).toContain('状态 待受理');
  });

  it('keeps the caller in scope: a neighbour is 404, a resident 403, bad input 400', async () => {
    expect((await community.get(`/api/exports/cases.xlsx?area=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await community.get(`/api/exports/units.xlsx?area=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await community.get(`/api/exports/people.xlsx?area=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await community.get(`/api/exports/households.xlsx?area=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await resident.get('/api/exports/cases.xlsx')).statusCode).toBe(403);
    expect((await resident.get('/api/exports/units.xlsx')).statusCode).toBe(403);
    expect((await resident.get('/api/exports/people.xlsx')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/exports/cases.xlsx')).statusCode).toBe(401);
    const bad = await community.get('/api/exports/cases.xlsx?from=2026-13-45');
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(bad).error.code).toBeTruthy();
  });

  it('records who exported what, with the filters', async () => {
    const audit = json<{ items: { action: string; actor: string; detail: { filters: Record<string, unknown> } }[] }>(await auditor.get('/api/audit?action=export.cases&pageSize=50'));
    const mine = audit.items.find((a) => a.actor === 'community' && a.detail.filters.q === kw);
    expect(mine).toBeTruthy();
  });
});

describe('measure exports', () => {
  it('ranks units by combined score with rates as percentages', async () => {
    const from = '2026-01-01';
    const api = json<{ items: { name: string; received: number; combinedScore: number }[] }>(await town.get(`/api/stats/cases/breakdown?by=unit&from=${from}`));
    const x = await sheet(await town.get(`/api/exports/units.xlsx?from=${from}`));
    expect(x.title).toContain('考核排名');
    expect(x.info).toContain(`统计区间 ${from}`);
    expect(x.data.length).toBe(api.items.length);
    const sorted = [...api.items].sort((a, b) => b.combinedScore - a.combinedScore || b.received - a.received);
    expect(x.data.map((r) => r[x.col('承办单位')])).toEqual(sorted.map((i) => i.name));
    expect(x.data.map((r) => r[x.col('名次')])).toEqual(sorted.map((_, i) => i + 1));
    expect(x.data.map((r) => r[x.col('受理量')])).toEqual(sorted.map((i) => i.received));
    const scores = x.data.map((r) => r[x.col('综合评分')] as number);
    expect(scores).toEqual(sorted.map((i) => i.combinedScore));
  });

  it('takes empty parameters of a link template as not given', async () => {
    const x = await sheet(await town.get('/api/exports/units.xlsx?area=&from=&to='));
    expect(x.info).toContain('常乐镇');
    expect(json<{ paths: Record<string, unknown> }>(await town.get('/api/openapi.json')).paths['/api/exports/units.xlsx']).toBeTruthy();
  });

  it('lists child areas with a total row equal to the area figures', async () => {
    const from = '2026-01-01';
    const api = json<{ items: { name: string; received: number }[] }>(await town.get(`/api/stats/cases/breakdown?by=child&from=${from}`));
    const total = json<{ received: number; closureRate: number }>(await town.get(`/api/stats/cases?from=${from}`));
    const x = await sheet(await town.get(`/api/exports/areas.xlsx?from=${from}`));
    const last = x.data[x.data.length - 1]!;
    expect(last[x.col('区域')]).toBe('合计');
    expect(last[x.col('受理量')]).toBe(total.received);
    expect(x.data.slice(0, -1).map((r) => r[x.col('区域')])).toEqual(api.items.map((i) => i.name));
    expect(x.data.slice(0, -1).map((r) => r[x.col('受理量')])).toEqual(api.items.map((i) => i.received));
  });

  it('lists case types', async () => {
    const api = json<{ items: { name: string; received: number }[] }>(await community.get('/api/stats/cases/breakdown?by=category'));
    const x = await sheet(await community.get('/api/exports/categories.xlsx'));
    expect(x.data.map((r) => r[x.col('事项类型')])).toEqual(api.items.map((i) => i.name));
  });
});

describe('registry exports', () => {
  it('exports the people list with its filters, numbers masked', async () => {
    const api = json<{ total: number; items: { name: string; idNumber: string | null; phone: string | null; tags: string[] }[] }>(await community.get(`/api/people?area=${GRID}&pageSize=200`));
    expect(api.total).toBeGreaterThan(0);
    const x = await sheet(await community.get(`/api/exports/people.xlsx?area=${GRID}`));
    expect(x.data.length).toBe(api.total);
    expect(x.data.slice(0, api.items.length).map((r) => r[x.col('姓名')])).toEqual(api.items.map((p) => p.name));
    for (const r of x.data) {
      const id = String(r[x.col('身份证号码')] ?? '');
      const phone = String(r[x.col('手机号码')] ?? '');
      expect(id).not.toMatch(/\d{8}/);
      expect(phone).not.toMatch(/\d{8}/);
    }
    expect(x.data.slice(0, api.items.length).map((r) => r[x.col('身份证号码')] ?? null)).toEqual(api.items.map((p) => p.idNumber));
    expect(x.info).toContain('已脱敏');
  });

  it('hides sensitive groups from a role that may not see them, as the page does', async () => {
    const secretary = await t.as('secretary');
    const api = json<{ items: { tags: string[] }[] }>(await secretary.get(`/api/people?area=${VILLAGE}&pageSize=200`));
    const x = await sheet(await secretary.get(`/api/exports/people.xlsx?area=${VILLAGE}`));
    const dict = json<{ specialGroups: { code: string; zh: string; sensitive: boolean }[] }>(await secretary.get('/api/registry/dictionaries')).specialGroups;
    const zh = new Map(dict.map((g) => [g.code, g.zh]));
    expect(x.data.slice(0, api.items.length).map((r) => r[x.col('特殊人群')] ?? '')).toEqual(api.items.map((p) => p.tags.map((c) => zh.get(c)).join('、')));
  });

  it('exports the households of an area', async () => {
    const api = json<{ total: number; items: { address: string }[] }>(await community.get(`/api/areas/${GRID}/households?pageSize=200`));
    const x = await sheet(await community.get(`/api/exports/households.xlsx?area=${GRID}`));
    expect(x.data.length).toBe(api.total);
    expect(x.data.slice(0, api.items.length).map((r) => r[x.col('住址')])).toEqual(api.items.map((h) => h.address));
  });
});

describe('audit log export', () => {
  it('has the rows of the audit page for the same filter, for the audit administrator only', async () => {
    const api = json<{ total: number; items: { action: string; actionLabel: { zh: string }; actor: string }[] }>(await auditor.get('/api/audit?action=export.&pageSize=200'));
    const x = await sheet(await auditor.get('/api/exports/audit.xlsx?action=export.'));
    // The export itself is audited after it is read: the file has the rows the page had.
    expect(x.data.length).toBe(api.total);
    expect(x.data.map((r) => r[x.col('操作代码')])).toEqual(api.items.map((a) => a.action));
    // The operation in words, not its code.
    expect(x.data.map((r) => r[x.col('操作')])).toEqual(api.items.map((a) => a.actionLabel.zh));
    for (const r of x.data) expect(String(r[x.col('操作')])).toMatch(/^导出/);
    expect(x.data[0]![x.col('时间')]).toBeInstanceOf(Date);
    expect((await community.get('/api/exports/audit.xlsx')).statusCode).toBe(403);
  });
});

describe('points leaderboard export', () => {
  it('has the leaderboard rows', async () => {
    const api = json<{ items: { rank: number; name: string; points: number }[] }>(await community.get('/api/points/leaderboard?scheme=neighbourhood&limit=200'));
    const x = await sheet(await community.get('/api/exports/points-leaderboard.xlsx?scheme=neighbourhood'));
    expect(x.data.map((r) => r[x.col('姓名')])).toEqual(api.items.map((i) => i.name));
    expect(x.data.map((r) => r[x.col('本月积分')])).toEqual(api.items.map((i) => i.points));
  });
});
