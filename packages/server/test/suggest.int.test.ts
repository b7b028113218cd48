import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { suggestionModelReady } from '../src/services/suggest.ts';

// Intake suggestions (API-CONTRACT "Case suggestions (智能分派)", docs/SMART-INTAKE.md).

let t: TestApp;
const GRID = '320614103001001';

interface Suggestions {
  categories: { code: string; name: string; score: number; words: string[] }[];
  units: { id: string; name: string; score: number }[];
  similar: { id: string; code: string; title: string; score: number }[];
}

let leaves: Set<string>;

beforeAll(async () => {
  t = await createTestApp();
  const cat = json<{ items: { code: string; leaf: boolean }[] }>(await t.anonymous().get('/api/catalog'));
  leaves = new Set(cat.items.filter((c) => c.leaf).map((c) => c.code));
  await t.anonymous().post('/api/cases/suggest', { description: '路灯', areaCode: GRID });
  await suggestionModelReady(t.ctx);
});
afterAll(async () => t?.close());

const sortedDesc = (xs: { score: number }[]) => xs.every((x, i) => i === 0 || xs[i - 1]!.score >= x.score);

function expectShape(s: Suggestions) {
  expect(Object.keys(s).sort()).toEqual(['categories', 'similar', 'units']);
  for (const list of [s.categories, s.units, s.similar]) {
    expect(list.length).toBeLessThanOrEqual(5);
    expect(sortedDesc(list)).toBe(true);
    for (const x of list) expect(x.score >= 0 && x.score <= 1).toBe(true);
  }
  for (const c of s.categories) {
    expect(leaves.has(c.code)).toBe(true);
    expect(typeof c.name).toBe('string');
  }
  for (const u of s.units) expect(u.id).toMatch(/^[0-9a-f-]{36}$/);
  for (const x of s.similar) expect(Object.keys(x).sort()).toEqual(['code', 'id', 'score', 'title']);
}

describe('POST /api/cases/suggest', () => {
  it('anonymous (QR page): needs areaCode, gets leaf types and units, never similar cases', async () => {
    const anon = t.anonymous();
    const missing = await anon.post('/api/cases/suggest', { title: '路灯坏了', description: '小区门口的路灯坏了，晚上很黑' });
    expect(missing.statusCode).toBe(400);
    expect(json<{ error: { code: string; message: string } }>(missing).error.code).toBe('area_required');
    const unknown = await anon.post('/api/cases/suggest', { title: '路灯坏了', areaCode: '320614999999' });
    expect(unknown.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(unknown).error.code).toBe('invalid_area_code');

    const res = await anon.post('/api/cases/suggest', { title: '路灯坏了', description: '小区门口的路灯坏了，晚上黑乎乎的', areaCode: GRID });
    expect(res.statusCode).toBe(200);
    const s = json<Suggestions>(res);
    expectShape(s);
    expect(s.categories[0]!.code).toBe('B0110');
    expect(s.categories[0]!.words).toContain('路灯');
    expect(s.units[0]!.name).toContain('城市管理');
    expect(s.similar).toEqual([]);
  });

  it('empty or unknown text: empty lists, not a guess; hostile input is a 400, never a 5xx', async () => {
    const anon = t.anonymous();
    const empty = json<Suggestions>(await anon.post('/api/cases/suggest', { title: '', description: '', areaCode: GRID }));
    expect(empty).toEqual({ categories: [], units: [], similar: [] });
    const noise = json<Suggestions>(await anon.post('/api/cases/suggest', { description: 'qwxz 12345', areaCode: GRID }));
    expect(noise).toEqual({ categories: [], units: [], similar: [] });
    for (const body of [{ title: 'x'.repeat(101), areaCode: GRID }, { title: 1, areaCode: GRID }, { areaCode: 'abc' }, { title: '灯', areaCode: GRID, location: { lat: 99, lng: 0 } }, '[]']) {
      expect((await anon.request('POST', '/api/cases/suggest', body)).statusCode).toBe(400);
    }
  });

  it('similar: open cases in the caller’s scope reporting the same problem at the same place, only there', async () => {
    const community = await t.as('community');
    const tag = uniq();
    const report = { title: `状元街3幢门口路灯不亮 ${tag}`, description: '状元街3幢门口的路灯连续三天晚上不亮，老人出门不方便', categoryCode: 'B0110', channel: 'console', areaCode: GRID };
    const created = json<{ id: string; code: string }>(await community.post('/api/cases', report));
    const ask = { title: '状元街3幢门口路灯不亮', description: '状元街3幢门口的路灯连续几天晚上不亮，老人出门不方便', areaCode: GRID };

    const mine = json<Suggestions>(await community.post('/api/cases/suggest', ask));
    expectShape(mine);
    expect(mine.similar.map((x) => x.id)).toContain(created.id);
    expect(mine.similar.find((x) => x.id === created.id)!.code).toBe(created.code);

    // Reporter scope (a resident sees only their own cases) and unit scope see nothing of it.
    for (const who of ['resident', 'dept-cg']) {
      const other = json<Suggestions>(await (await t.as(who)).post('/api/cases/suggest', ask));
      expect(other.similar.map((x) => x.id)).not.toContain(created.id);
    }
  });

  it('learns from the cases dispatchers decide on', async () => {
    const community = await t.as('community');
    const word = `zq${uniq().replace(/\d/g, '')}`;
    const ask = { description: `${word}`, areaCode: GRID };
    // A word the model has never seen: no guess at all.
    const before = json<Suggestions>(await community.post('/api/cases/suggest', ask));
    expect(before.categories).toEqual([]);

    const created = json<{ id: string }>(await community.post('/api/cases', { title: `${word} 坏了`, description: `小区里的${word}坏了`, categoryCode: 'B0601', channel: 'console', areaCode: GRID }));
    // A 健身器材 case is the town centre's to accept (handling level 'town').
    const accepted = await (await t.as('town')).post(`/api/cases/${created.id}/actions/accept`, {});
    expect(accepted.statusCode).toBe(200);

    let after: Suggestions = before;
    for (let i = 0; i < 40 && after.categories[0]?.code !== 'B0601'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = json<Suggestions>(await community.post('/api/cases/suggest', ask));
    }
    expect(after.categories[0]!.code).toBe('B0601');
    expect(after.categories[0]!.words).toContain(word);
  });
});
