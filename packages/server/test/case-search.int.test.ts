import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCaseScope, searchCases } from '../src/repositories/cases.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Full-text search over cases (docs/SEARCH.md): Chinese by character pairs on both databases, ranked, in scope.
const VILLAGE = '320614103001';
const GRID = `${VILLAGE}001`;
const OTHER_GRID = '320614103002001';

let t: TestApp;
let community: Client;
let town: Client;
const tag = `zq${uniq()}`.toLowerCase();
const ids: Record<string, string> = {};

type List = { total: number; items: { id: string; code: string; title: string }[] };
const search = async (c: Client, q: string, extra = '') => {
  const res = await c.get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=50${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<List>(res);
};

beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
  town = await t.as('town');
  const add = async (key: string, c: Client, body: Record<string, unknown>) => {
    const res = await c.post('/api/cases', { categoryCode: '0102', channel: 'console', areaCode: GRID, reporter: { name: '王五', phone: '13900001234' }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = json<{ id: string }>(res).id;
  };
  await add('title', community, { title: `东门路灯不亮 ${tag}`, description: '晚上一片漆黑，老人出门不方便' });
  await add('description', community, { title: `小区噪音 ${tag}`, description: '楼下路灯不亮，还有狗叫声' });
  await add('apart', community, { title: `路边灯杆倾斜 ${tag}`, description: '路灯杆歪了，灯也不亮' });
  await add('address', community, { title: `井盖缺失 ${tag}`, description: '有人差点掉下去', address: '幸福路5号楼西侧' });
  await add('elsewhere', town, { title: `路灯不亮 ${tag}`, description: '另一个社区的路灯', areaCode: OTHER_GRID });
});
afterAll(async () => t?.close());

describe('case search', () => {
  it('finds a Chinese phrase in title and description, the title match first', async () => {
    const r = await search(community, `路灯不亮 ${tag}`);
    expect(r.items.map((c) => c.id)).toEqual([ids.title, ids.description]);
    expect(r.total).toBe(2);
    // Asked for apart, words apart in the text are found too (路灯杆歪了，灯也不亮).
    const apart = await search(community, `路灯 不亮 ${tag}`);
    expect(apart.items.map((c) => c.id).sort()).toEqual([ids.title, ids.description, ids.apart].sort());
    const loose = await search(community, `灯杆 歪了 ${tag}`);
    expect(loose.items.map((c) => c.id)).toEqual([ids.apart]);
  });

  it('orders by time when asked, and keeps to the caller’s scope', async () => {
    const newest = await search(community, `路灯不亮 ${tag}`, '&sort=newest');
    expect(newest.items.map((c) => c.id)).toEqual([ids.description, ids.title]);
    const wide = await search(town, `路灯不亮 ${tag}`);
    expect(wide.items.map((c) => c.id).sort()).toEqual([ids.title, ids.description, ids.elsewhere].sort());
  });

  it('ranks the newest matches only (SEARCH_RANK_WINDOW); older matches follow them, newest first', async () => {
    const scope = makeCaseScope({ kind: 'area', code: VILLAGE });
    const ask = (window?: number) => searchCases(t.ctx.db, scope, { q: `路灯不亮 ${tag}`, order: 'relevance', page: 1, pageSize: 50 }, window);
    // Every match in the window: the title match before the (newer) description match.
    expect((await ask()).items.map((c) => c.id)).toEqual([ids.title, ids.description]);
    expect((await ask(2)).items.map((c) => c.id)).toEqual([ids.title, ids.description]);
    // A window of one: the newest match is the only one ranked; the older title match follows it. Counts stay whole.
    const narrow = await ask(1);
    expect(narrow.items.map((c) => c.id)).toEqual([ids.description, ids.title]);
    expect(narrow.total).toBe(2);
    // Page by page, the same order.
    const second = await searchCases(t.ctx.db, scope, { q: `路灯不亮 ${tag}`, order: 'relevance', page: 2, pageSize: 1 }, 1);
    expect(second.items.map((c) => c.id)).toEqual([ids.title]);
  });

  it('finds words of an address, single characters and Latin words', async () => {
    expect((await search(community, `5号楼 ${tag}`)).items.map((c) => c.id)).toEqual([ids.address]);
    expect((await search(community, `井 ${tag}`)).items.map((c) => c.id)).toEqual([ids.address]);
    expect((await search(community, tag.toUpperCase())).total).toBe(4);
    expect((await search(community, tag.slice(0, -2))).total).toBeGreaterThanOrEqual(4);
  });

  it('finds a case by its code', async () => {
    const code = json<{ code: string }>(await community.get(`/api/cases/${ids.address}`)).code;
    const r = await search(community, code.toLowerCase());
    expect(r.items.map((c) => c.id)).toEqual([ids.address]);
  });

  it('answers operators, quotes and punctuation with an ordinary result', async () => {
    for (const q of [`'&|!():*<->`, `路灯' | !${tag}`, '\\', '%_', '，。！']) {
      const r = await search(community, q);
      expect(Array.isArray(r.items)).toBe(true);
    }
    expect((await community.get(`/api/cases?q=${'路'.repeat(61)}`)).statusCode).toBe(400);
    expect((await community.get(`/api/cases?q=x&sort=best`)).statusCode).toBe(400);
  });
});
