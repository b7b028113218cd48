import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, like, ne } from 'drizzle-orm';
import { people, units, users } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let secretary: Client;
let resident: Client;
let party: Client;
let dept: Client;
const COMMUNITY = '320614103001';
const NEIGHBOUR = '320614103002';
const PASSWORD = 'Proj@2026pass';
let residentPerson: string;
let partyPerson: string;

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;

async function newUser(roles: string[], scopeCode: string, unitId?: string) {
  const username = `p${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: `测试${username.slice(-4)}`, password: PASSWORD, roles, scopeCode, ...(unitId ? { unitId } : {}) });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  return t.as(username, PASSWORD);
}

async function vanguard(c: Client): Promise<number> {
  const me = json<{ accounts: { scheme: string; balance: number }[] }>(await c.get('/api/points/me'));
  return me.accounts.find((a) => a.scheme === 'vanguard')?.balance ?? 0;
}

async function personOf(username: string) {
  const [u] = await t.ctx.db.select({ personId: users.personId }).from(users).where(eq(users.username, username));
  return u!.personId!;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, secretary, resident, party, dept] = await Promise.all([t.as('admin'), t.as('secretary'), t.as('resident'), t.as('party'), t.as('dept-cg')]);
  residentPerson = await personOf('resident');
  partyPerson = await personOf('party');
}, 300_000);
afterAll(async () => t?.close());

interface Project {
  id: string;
  state: string;
  percent: number;
  spent: number;
  budget: number;
  supervising: boolean;
  allowedActions: string[];
  supervisorList: { id: string; name: string; mine: boolean; signedAt: string | null; signedOnline: boolean | null }[];
  milestones: { title: string; percent: number; spent: number }[];
  timeline: { action: string; points: number | null }[];
  closeCheck: { ok: boolean; reasons: string[] };
  claimedBy: { kind: string; name: string } | null;
  closedOnTime: boolean | null;
}

describe('idea → need → matched offer → project claimed → milestones → sign-off → closed out', () => {
  it('walks the whole loop with points exactly once and the scope rules on the way', async () => {
    // A resident posts an idea; a neighbour supports it once; the author cannot.
    const posted = await resident.post('/api/ideas', { title: `小区空地建口袋公园 ${uniq()}`, content: '7 号楼旁空地堆满杂物，建议改建口袋公园，加装座椅和健身器材。' });
    expect(posted.statusCode).toBe(201);
    const idea = json<{ id: string; state: string; quarter: string }>(posted);
    expect(idea.state).toBe('open');
    expect(idea.quarter).toMatch(/^\d{4}-Q[1-4]$/);
    const own = await resident.post(`/api/ideas/${idea.id}/support`);
    expect(own.statusCode).toBe(403);
    expect(err(own).code).toBe('own_idea');
    const sup = await party.post(`/api/ideas/${idea.id}/support`);
    expect(sup.statusCode).toBe(200);
    expect(json<{ supports: number; supportedByMe: boolean }>(sup)).toMatchObject({ supports: 1, supportedByMe: true });
    const again = await party.post(`/api/ideas/${idea.id}/support`);
    expect(again.statusCode).toBe(409);
    expect(err(again).code).toBe('already_supported');
    // A resident may not adopt ideas; another community's staff do not see it.
    expect((await resident.post(`/api/ideas/${idea.id}/decide`, { as: 'need' })).statusCode).toBe(403);
    const foreignWorker = await newUser(['community-worker'], NEIGHBOUR);
    expect((await foreignWorker.get(`/api/ideas/${idea.id}`)).statusCode).toBe(404);

    // The secretary turns it into a need that keeps the idea as its source.
    const decided = await secretary.post(`/api/ideas/${idea.id}/decide`, { as: 'need', title: '7 号楼旁空地改建口袋公园' });
    expect(decided.statusCode).toBe(200);
    const needId = json<{ needId: string; state: string }>(decided).needId;
    expect(json<{ state: string }>(decided).state).toBe('need');
    expect((await secretary.post(`/api/ideas/${idea.id}/decide`, { as: 'topic' })).statusCode).toBe(409);

    // A department publishes its offer; a resident may not.
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const offerBody = { year, title: '口袋公园微更新设计与苗木', content: '城管局提供口袋公园设计方案和绿化苗木，改造闲置空地。', contact: '园林科 0513-82109876', capacity: 2 };
    expect((await resident.post('/api/offers', offerBody)).statusCode).toBe(403);
    const bad = await dept.post('/api/offers', { ...offerBody, capacity: 0 });
    expect(bad.statusCode).toBe(400);
    const offered = await dept.post('/api/offers', offerBody);
    expect(offered.statusCode).toBe(201);
    const offerId = json<{ id: string }>(offered).id;

    // The need proposes matches with an explained score; the secretary decides.
    const need = json<{ sources: { type: string; id: string }[]; matches: { offer: { id: string }; match: { score: number; usable: boolean; reasons: { zh: string }[] } }[] }>(await secretary.get(`/api/needs/${needId}`));
    expect(need.sources).toEqual([expect.objectContaining({ type: 'idea', id: idea.id })]);
    const proposal = need.matches.find((m) => m.offer.id === offerId)!;
    expect(proposal.match.usable).toBe(true);
    expect(proposal.match.reasons[0]!.zh).toContain('口袋');
    expect(need.matches[0]!.match.score).toBeGreaterThanOrEqual(proposal.match.score);

    const [other] = await t.ctx.db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(like(people.areaCode, `${COMMUNITY}%`), eq(people.status, 'active'), ne(people.id, residentPerson), ne(people.id, partyPerson)))
      .limit(1);
    const [outsider] = await t.ctx.db.select({ id: people.id }).from(people).where(like(people.areaCode, `${NEIGHBOUR}%`)).limit(1);
    const projectBody = { offerId, secretaryProject: true, ledger: true, budget: 80000.5, supervisors: [residentPerson, other!.id] };
    const wrongGroup = await secretary.post(`/api/needs/${needId}/project`, { ...projectBody, supervisors: [outsider!.id] });
    expect(wrongGroup.statusCode).toBe(400);
    expect(err(wrongGroup).code).toBe('invalid_supervisor');
    expect((await secretary.post(`/api/needs/${needId}/project`, { ...projectBody, supervisors: [] })).statusCode).toBe(400);
    const made = await secretary.post(`/api/needs/${needId}/project`, projectBody);
    expect(made.statusCode).toBe(201);
    const id = json<{ id: string }>(made).id;
    expect((await secretary.post(`/api/needs/${needId}/project`, projectBody)).statusCode).toBe(409);

    // A department sees the projects of its own offers only.
    expect((await dept.get(`/api/projects/${id}`)).statusCode).toBe(200);
    const [mz] = await t.ctx.db.select({ id: units.id }).from(units).where(eq(units.code, 'dept-mz'));
    const otherDept = await newUser(['department-handler'], '320614', mz!.id);
    expect((await otherDept.get(`/api/projects/${id}`)).statusCode).toBe(404);
    expect(json<{ items: { id: string }[] }>(await otherDept.get('/api/projects')).items.map((p) => p.id)).not.toContain(id);
    expect((await foreignWorker.get(`/api/projects/${id}`)).statusCode).toBe(404);

    // A party member of the community claims it (领办): points once.
    const before = await vanguard(party);
    expect(json<Project>(await party.get(`/api/projects/${id}`)).allowedActions).toContain('claim');
    const claimed = await party.post(`/api/projects/${id}/claim`, {});
    expect(claimed.statusCode).toBe(200);
    expect(json<Project>(claimed)).toMatchObject({ state: 'claimed', claimedBy: { kind: 'member' } });
    expect(await vanguard(party)).toBe(before + 5);
    expect((await party.post(`/api/projects/${id}/claim`, {})).statusCode).toBe(409);

    // Milestones: progress only forward, spending adds up.
    const m1 = await party.post(`/api/projects/${id}/milestones`, { title: '清理空地', percent: 50, spent: 12000 });
    expect(m1.statusCode).toBe(200);
    const back = await party.post(`/api/projects/${id}/milestones`, { title: '回退', percent: 40 });
    expect(back.statusCode).toBe(400);
    expect(err(back).code).toBe('percent_backwards');
    expect((await resident.post(`/api/projects/${id}/milestones`, { title: '居民不能报', percent: 60 })).statusCode).toBe(403);
    const m2 = json<Project>(await party.post(`/api/projects/${id}/milestones`, { title: '铺装与绿化完成', percent: 100, spent: 60000.25 }));
    expect(m2).toMatchObject({ percent: 100, spent: 72000.25, budget: 80000.5 });
    expect(m2.milestones.map((m) => m.percent)).toEqual([50, 100]);

    // Not yet signed off: no close-out.
    const early = await secretary.post(`/api/projects/${id}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(err(early).message).toContain('0/2');

    // A resident outside the group cannot sign off; a member can, once; staff record the paper one.
    const notMine = await party.post(`/api/projects/${id}/sign-off`, {});
    expect(notMine.statusCode).toBe(403);
    expect(err(notMine).code).toBe('not_supervisor');
    const seen = json<Project>(await resident.get(`/api/projects/${id}`));
    expect(seen.supervising).toBe(true);
    expect(seen.allowedActions).toContain('sign-off');
    expect(seen.milestones).toHaveLength(2);
    const signed = await resident.post(`/api/projects/${id}/sign-off`, { note: '现场看过，满意' });
    expect(signed.statusCode).toBe(200);
    expect((await resident.post(`/api/projects/${id}/sign-off`, {})).statusCode).toBe(409);
    const supervisorList = json<Project>(signed).supervisorList;
    const paper = supervisorList.find((s) => !s.mine)!;
    expect((await resident.post(`/api/projects/${id}/sign-off`, { supervisorId: paper.id })).statusCode).toBe(403);
    expect((await secretary.post(`/api/projects/${id}/sign-off`, { supervisorId: paper.id })).statusCode).toBe(200);
    expect((await foreignWorker.post(`/api/projects/${id}/close`, {})).statusCode).toBe(404);

    // Close-out (销号): the need is met, the claimant earns the close-out points once.
    const mid = await vanguard(party);
    const closed = await secretary.post(`/api/projects/${id}/close`, { note: '督导小组全体确认' });
    expect(closed.statusCode).toBe(200);
    expect(json<Project>(closed)).toMatchObject({ state: 'closed', closedOnTime: true });
    expect(await vanguard(party)).toBe(mid + 10);
    expect((await secretary.post(`/api/projects/${id}/close`, {})).statusCode).toBe(409);
    expect(await vanguard(party)).toBe(mid + 10);
    expect(json<{ state: string }>(await secretary.get(`/api/needs/${needId}`)).state).toBe('met');

    // On the wall, with its progress and without names.
    const wall = json<{ items: { id: string; percent: number; state: string; supervisors: { total: number; signed: number } }[] }>(await t.anonymous().get(`/api/projects/wall?area=${COMMUNITY}`));
    expect(wall.items.find((p) => p.id === id)).toMatchObject({ percent: 100, state: 'closed', supervisors: { total: 2, signed: 2 } });
    expect(JSON.stringify(wall)).not.toContain(other!.name);

    // The cockpit's 参与共治 counts it (one definition: GET /api/cockpit/participation).
    const community = await t.as('community');
    const figures = json<{ needsMet: number; closed: number; closedOnTime: number; participants: number }>(await community.get(`/api/cockpit/participation?area=${COMMUNITY}`));
    expect(figures.needsMet).toBeGreaterThanOrEqual(1);
    expect(figures.closedOnTime).toBeGreaterThanOrEqual(1);
    expect(figures.participants).toBeGreaterThanOrEqual(2);
    expect((await resident.get(`/api/cockpit/participation?area=${COMMUNITY}`)).statusCode).toBe(403);
  }, 120_000);
});

describe('lists: input and roles', () => {
  it('needs take sources of their own community only, and a deliberation only once it passed', async () => {
    const fake = await secretary.post('/api/needs', { areaCode: COMMUNITY, title: '加装电梯', content: '六层老楼', sources: [{ type: 'case', id: '00000000-0000-4000-8000-000000000000' }] });
    expect(fake.statusCode).toBe(400);
    expect(err(fake).code).toBe('invalid_source');
    const delib = await secretary.post('/api/deliberations', { title: '是否改建口袋公园', description: '征求居民意见', areaCode: COMMUNITY, body: 'consultation', roll: [{ name: '张三' }] });
    expect(delib.statusCode).toBe(201);
    const dId = json<{ id: string }>(delib).id;
    const open = await secretary.post('/api/needs', { areaCode: COMMUNITY, title: '口袋公园', content: '议事决定', sources: [{ type: 'deliberation', id: dId }] });
    expect(open.statusCode).toBe(400);
    expect(err(open).code).toBe('deliberation_not_passed');
    // Once it passed, the decision becomes a need that keeps it as its source.
    const roll = json<{ roll: { id: string }[] }>(await secretary.get(`/api/deliberations/${dId}`)).roll;
    expect((await secretary.post(`/api/deliberations/${dId}/ballots`, { rollId: roll[0]!.id, choice: 'yes' })).statusCode).toBe(201);
    expect(json<{ result: { passed: boolean } }>(await secretary.post(`/api/deliberations/${dId}/actions/close`)).result.passed).toBe(true);
    const fromDecision = await secretary.post('/api/needs', { areaCode: COMMUNITY, title: '口袋公园', content: '议事决定', sources: [{ type: 'deliberation', id: dId }] });
    expect(fromDecision.statusCode).toBe(201);
    const need = json<{ sources: { type: string; title: string }[] }>(await secretary.get(`/api/needs/${json<{ id: string }>(fromDecision).id}`));
    expect(need.sources).toEqual([expect.objectContaining({ type: 'deliberation', title: '是否改建口袋公园' })]);
    expect((await resident.post('/api/needs', { areaCode: COMMUNITY, title: 'x', content: 'y' })).statusCode).toBe(403);
    expect((await secretary.post('/api/needs', { areaCode: NEIGHBOUR, title: 'x', content: 'y' })).statusCode).toBe(404);
    const missing = await secretary.post('/api/needs', { areaCode: COMMUNITY, content: 'y' });
    expect(missing.statusCode).toBe(400);
    expect(err(missing).message).toContain('title');
  });

  it('offers are read by staff and departments, not by residents; an idea needs a registry person', async () => {
    expect((await resident.get('/api/offers')).statusCode).toBe(403);
    expect((await dept.get('/api/offers?mine=true')).statusCode).toBe(200);
    const grid = await t.as('grid');
    const offers = json<{ items: { unitName: string; capacity: number; used: number }[] }>(await grid.get('/api/offers'));
    expect(offers.items.length).toBeGreaterThan(0);
    expect((await grid.post('/api/ideas', { title: '没有住址', content: '工作人员账号' })).statusCode).toBe(403);
    const tooLong = await resident.post('/api/ideas', { title: '长'.repeat(61), content: '内容' });
    expect(tooLong.statusCode).toBe(400);
  });

  it('a resident reads only their community’s ideas and projects; the wall needs a real area', async () => {
    const list = json<{ items: { areaCode: string; author: string; mine: boolean }[] }>(await resident.get('/api/ideas'));
    expect(list.items.every((i) => i.areaCode.startsWith(COMMUNITY))).toBe(true);
    // Others' names are masked for a resident.
    expect(list.items.filter((i) => !i.mine).every((i) => i.author.includes('*'))).toBe(true);
    expect((await resident.get(`/api/ideas?area=${NEIGHBOUR}`)).statusCode).toBe(200);
    expect(json<{ total: number }>(await resident.get(`/api/ideas?area=${NEIGHBOUR}`)).total).toBe(0);
    expect((await t.anonymous().get('/api/projects/wall?area=320614999999')).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/projects/wall?area=abc')).statusCode).toBe(400);
    const supervising = json<{ items: { supervising: boolean }[] }>(await resident.get('/api/projects?relation=supervising'));
    expect(supervising.items.every((p) => p.supervising)).toBe(true);
  });
});
