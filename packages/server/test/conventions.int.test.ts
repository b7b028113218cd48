// Conventions (村规民约 / 居民公约): the secretary's walk from draft to adoption, the refusals, and what
// residents, town staff and other areas' staff may read. The demo seeds 状元街's 居民公约 (v1 superseded,
// v2 adopted) and one village's 村规民约.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { ConventionDetail, ConventionDiff, ConventionList, ConventionVersion, MyConvention } from '@gongzhi/domain/contract';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let secretary: Client;
let community: Client;
let resident: Client;
let town: Client;
let CONV: ConventionDetail; // 状元街
let VILLAGE_CONV: string;
const COMMUNITY = '320614103001';

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;

async function decided(pass: boolean, over: Record<string, unknown> = {}): Promise<string> {
  const res = await community.post('/api/deliberations', { title: `修订居民公约 ${uniq()}`, description: '是否同意修订居民公约', areaCode: COMMUNITY, body: 'residents-assembly', roll: [{ name: '甲' }, { name: '乙' }, { name: '丙' }], ...over });
  expect(res.statusCode, res.body).toBe(201);
  const d = json<{ id: string; roll: { id: string }[] }>(res);
  for (const r of d.roll) expect((await community.post(`/api/deliberations/${d.id}/ballots`, { rollId: r.id, choice: pass ? 'yes' : 'no' })).statusCode).toBe(201);
  expect((await community.post(`/api/deliberations/${d.id}/actions/close`)).statusCode).toBe(200);
  return d.id;
}

beforeAll(async () => {
  t = await createTestApp();
  secretary = await t.as('secretary');
  community = await t.as('community');
  resident = await t.as('resident');
  town = await t.as('town');
  const list = json<ConventionList>(await town.get('/api/conventions'));
  const mine = list.items.find((c) => c.areaCode === COMMUNITY)!;
  VILLAGE_CONV = list.items.find((c) => c.kind === 'village')!.id;
  CONV = json<ConventionDetail>(await secretary.get(`/api/conventions/${mine.id}`));
});
afterAll(async () => t?.close());

describe('reading', () => {
  it('shows the secretary every version, the area’s points rules, and the actions', () => {
    expect(CONV.kind).toBe('community');
    expect(CONV.kindLabel).toBe('居民公约');
    expect(CONV.versions.map((v) => `${v.versionNo}:${v.state}`)).toEqual(['2:adopted', '1:superseded']);
    expect(CONV.versions[0]!.deliberation?.passed).toBe(true);
    expect(CONV.versions[0]!.articles.length).toBeGreaterThanOrEqual(10);
    expect(CONV.pointsRules.some((r) => r.code === 'convention-garbage' && r.overridesDistrict === false)).toBe(true);
    expect(CONV.allowedActions).toEqual(['draft']);
  });
  it('lets town staff read all versions of their villages and communities, but not write', async () => {
    const d = json<ConventionDetail>(await town.get(`/api/conventions/${CONV.id}`));
    expect(d.versions).toHaveLength(2);
    expect(d.allowedActions).toEqual([]);
    const res = await town.post(`/api/conventions/${CONV.id}/drafts`);
    expect(res.statusCode).toBe(403);
  });
  it('shows a resident only the adopted version of their own community, without who drafted it', async () => {
    const list = json<ConventionList>(await resident.get('/api/conventions'));
    expect(list.items.map((c) => c.areaCode)).toEqual([COMMUNITY]);
    expect(list.items[0]!.versionCount).toBe(1);
    const d = json<ConventionDetail>(await resident.get(`/api/conventions/${CONV.id}`));
    expect(d.versions.map((v) => v.state)).toEqual(['adopted']);
    expect(d.versions[0]!.draftedBy).toBeNull();
    expect(d.pointsRules).toEqual([]);
    const mine = json<MyConvention>(await resident.get('/api/conventions/mine'));
    expect(mine.version?.versionNo).toBe(2);
    expect(mine.version?.deliberation?.title).toContain('居民公约');
  });
  it('hides another area’s convention: 404 for staff of another community and for a resident', async () => {
    expect((await secretary.get(`/api/conventions/${VILLAGE_CONV}`)).statusCode).toBe(404);
    expect((await resident.get(`/api/conventions/${VILLAGE_CONV}`)).statusCode).toBe(404);
    expect((await town.get(`/api/conventions/${VILLAGE_CONV}`)).statusCode).toBe(200);
  });
});

describe('writing', () => {
  it('refuses a resident any write (403)', async () => {
    expect((await resident.post(`/api/conventions/${CONV.id}/drafts`)).statusCode).toBe(403);
    expect((await resident.patch(`/api/conventions/${CONV.id}/versions/${CONV.versions[0]!.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await resident.post('/api/conventions', { areaCode: COMMUNITY })).statusCode).toBe(403);
    expect((await resident.post(`/api/conventions/${CONV.id}/versions/${CONV.versions[0]!.id}/actions/adopt`, {})).statusCode).toBe(403);
  });
  it('refuses another area: writing the village’s convention is 404, starting one elsewhere 404', async () => {
    expect((await secretary.post(`/api/conventions/${VILLAGE_CONV}/drafts`)).statusCode).toBe(404);
    expect((await secretary.post('/api/conventions', { areaCode: '320614103002' })).statusCode).toBe(404);
    const exists = await secretary.post('/api/conventions', { areaCode: COMMUNITY });
    expect(exists.statusCode).toBe(409);
    expect(err(exists).code).toBe('convention_exists');
  });

  it('walks draft → edit → diff → adopt; a failed deliberation is 409; the old version is superseded', async () => {
    const opened = await secretary.post(`/api/conventions/${CONV.id}/drafts`);
    expect(opened.statusCode, opened.body).toBe(201);
    const { versionId, versionNo } = json<{ versionId: string; versionNo: number }>(opened);
    expect(versionNo).toBe(3);
    const again = await community.post(`/api/conventions/${CONV.id}/drafts`);
    expect(again.statusCode).toBe(409);
    expect(err(again).code).toBe('draft_exists');

    const base = CONV.versions[0]!.articles;
    const articles = [...base.slice(0, 2), { id: base[2]!.id, chapter: base[2]!.chapter, text: `${base[2]!.text}（修订）` }, ...base.slice(4), { chapter: '第五章 消防安全', text: '高层住宅每季度参加一次消防演练。' }];
    const bad = await secretary.patch(`/api/conventions/${CONV.id}/versions/${versionId}`, { articles: [{ text: '' }] });
    expect(bad.statusCode).toBe(400);
    const badRule = await secretary.patch(`/api/conventions/${CONV.id}/versions/${versionId}`, { pointsRuleIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(err(badRule).code).toBe('invalid_points_rule');
    const edited = await secretary.patch(`/api/conventions/${CONV.id}/versions/${versionId}`, { title: '状元街社区居民公约（修订稿）', articles });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<ConventionVersion>(edited).articles).toHaveLength(articles.length);

    const diff = json<ConventionDiff>(await secretary.get(`/api/conventions/${CONV.id}/diff`));
    expect(diff.from.versionNo).toBe(2);
    expect(diff.to.versionNo).toBe(3);
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1 });

    const failed = await decided(false);
    const r409 = await secretary.post(`/api/conventions/${CONV.id}/versions/${versionId}/actions/adopt`, { deliberationId: failed });
    expect(r409.statusCode).toBe(409);
    expect(err(r409).code).toBe('deliberation_not_passed');
    const consult = await community.post('/api/deliberations', { title: `协商 ${uniq()}`, description: '协商', areaCode: COMMUNITY, body: 'consultation', roll: [{ name: '甲' }] });
    const wrongBody = await secretary.post(`/api/conventions/${CONV.id}/versions/${versionId}/actions/adopt`, { deliberationId: json<{ id: string }>(consult).id });
    expect(err(wrongBody).code).toBe('deliberation_wrong_body');
    expect((await secretary.post(`/api/conventions/${CONV.id}/versions/${versionId}/actions/adopt`, {})).statusCode).toBe(400);

    const passed = await decided(true);
    const adopted = await secretary.post(`/api/conventions/${CONV.id}/versions/${versionId}/actions/adopt`, { deliberationId: passed });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(json<ConventionVersion>(adopted)).toMatchObject({ state: 'adopted', deliberation: { id: passed, passed: true } });
    const twice = await secretary.post(`/api/conventions/${CONV.id}/versions/${versionId}/actions/adopt`, { deliberationId: passed });
    expect(twice.statusCode).toBe(409);
    expect((await secretary.patch(`/api/conventions/${CONV.id}/versions/${versionId}`, { title: '再改' })).statusCode).toBe(409);

    const d = json<ConventionDetail>(await secretary.get(`/api/conventions/${CONV.id}`));
    expect(d.versions.map((v) => `${v.versionNo}:${v.state}`)).toEqual(['3:adopted', '2:superseded', '1:superseded']);
    const mine = json<MyConvention>(await resident.get('/api/conventions/mine'));
    expect(mine.version?.versionNo).toBe(3);
    expect(mine.version?.title).toBe('状元街社区居民公约（修订稿）');
  });

  it('opens a draft from a decided deliberation (制定/修订公约) and adopts on it; a paper vote needs a past date and a note', async () => {
    const passed = await decided(true);
    const opened = await community.post(`/api/conventions/from-deliberation/${passed}`);
    expect(opened.statusCode, opened.body).toBe(201);
    const { versionId } = json<{ versionId: string }>(opened);
    const same = await community.post(`/api/conventions/from-deliberation/${passed}`);
    expect(same.statusCode).toBe(200);
    expect(json<{ versionId: string }>(same).versionId).toBe(versionId);
    expect((await resident.post(`/api/conventions/from-deliberation/${passed}`)).statusCode).toBe(403);
    const adopted = await community.post(`/api/conventions/${CONV.id}/versions/${versionId}/actions/adopt`, {});
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(json<ConventionVersion>(adopted).deliberation?.id).toBe(passed);

    const next = json<{ versionId: string }>(await secretary.post(`/api/conventions/${CONV.id}/drafts`));
    const future = await secretary.post(`/api/conventions/${CONV.id}/versions/${next.versionId}/actions/adopt`, { paperAdoptedOn: '2999-01-01', paperNote: '居民会议' });
    expect(err(future).code).toBe('adopted_in_future');
    const noNote = await secretary.post(`/api/conventions/${CONV.id}/versions/${next.versionId}/actions/adopt`, { paperAdoptedOn: '2026-01-05' });
    expect(err(noNote).code).toBe('paper_note_required');
    const paper = await secretary.post(`/api/conventions/${CONV.id}/versions/${next.versionId}/actions/adopt`, { paperAdoptedOn: '2026-01-05', paperNote: '居民会议纸质表决通过' });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(json<ConventionVersion>(paper)).toMatchObject({ adoptedOn: '2026-01-05', paperNote: '居民会议纸质表决通过', deliberation: null });
  });
});
