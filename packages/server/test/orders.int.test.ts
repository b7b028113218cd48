// 群众点单、社区派单、党员接单 over HTTP on a real database: the service menu, the teams, and every
// rule of an order's workflow (scope, who may do what, 409s, 400s, points once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { seedOrdersDemo } from '../src/seed/orders.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let community: Client;
const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_COMMUNITY = '320614103002';
const PASSWORD = 'Order@2026pass';

beforeAll(async () => {
  t = await createTestApp();
  // A database seeded before orders existed gets them here (idempotent).
  await seedOrdersDemo(t.ctx);
  admin = await t.as('admin');
  community = await t.as('community');
});
afterAll(async () => t?.close());

interface Order {
  id: string;
  state: string;
  service: { id: string; name: string; category: string };
  address: string;
  orderer: { name: string };
  mine: boolean;
  assignee: { kind: 'member' | 'team'; id: string; name: string } | null;
  takenBy: { id: string; name: string } | null;
  rating: string | null;
  points: number | null;
  attachments: { id: string }[];
  timeline: { action: string; fromState: string | null; toState: string; actor: string; note?: string; points: number | null }[];
  allowedActions: string[];
}
interface Menu {
  area: { code: string };
  canEdit: boolean;
  items: { id: string; name: string; category: string; active: boolean; defaultTeam: { id: string; name: string } | null }[];
}
interface Team {
  id: string;
  code: string | null;
  name: string;
  standard: boolean;
  members: { userId: string; username: string | null; name: string; leader: boolean }[];
}

async function newUser(roles: string[], scopeCode = GRID, displayName?: string) {
  const username = `o${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: displayName ?? `测试${username.slice(-4)}`, password: PASSWORD, roles, scopeCode });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  return { username, id: json<{ id: string }>(res).id, client: await t.as(username, PASSWORD) };
}

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/orders/${id}/actions/${action}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return json<Order>(res);
}

async function menuItem(c: Client, name = '家电水电维修') {
  const menu = json<Menu>(await c.get(`/api/service-menu?area=${COMMUNITY}`));
  return menu.items.find((i) => i.name === name)!;
}

async function order(c: Client, over: Record<string, unknown> = {}) {
  const item = await menuItem(c);
  const res = await c.post('/api/orders', { menuItemId: item.id, note: `厨房水龙头漏水 ${uniq()}`, preferredTime: '周六上午', address: '状元街 1 幢 101 室', ...over });
  if (res.statusCode !== 201) throw new Error(`order: ${res.statusCode} ${res.body}`);
  return json<{ id: string; state: string }>(res);
}

async function vanguard(c: Client): Promise<number> {
  const me = json<{ accounts: { scheme: string; balance: number }[] }>(await c.get('/api/points/me'));
  return me.accounts.find((a) => a.scheme === 'vanguard')?.balance ?? 0;
}

async function upload(c: Client) {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const boundary = '----gz' + uniq();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: c.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="done.png"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

describe('the service menu and the teams of 状元街', () => {
  it('the resident reads the menu of their community; staff edit it, others may not', async () => {
    const resident = await t.as('resident');
    const menu = json<Menu>(await resident.get('/api/service-menu'));
    expect(menu.area.code).toBe(COMMUNITY);
    expect(menu.canEdit).toBe(false);
    expect(menu.items.map((i) => i.category)).toEqual(expect.arrayContaining(['维修', '陪伴', '代办跑腿', '健康', '法律咨询']));
    expect(menu.items.find((i) => i.name === '法律咨询')?.defaultTeam?.name).toBe('平安法治服务队');
    // Residents see the teams and their members' names, not their account names.
    const seen = json<{ canEdit: boolean; items: Team[] }>(await resident.get('/api/service-teams'));
    expect(seen.canEdit).toBe(false);
    expect(seen.items.find((x) => x.code === 'welfare')?.members.every((m) => m.username === null && m.name.length > 0)).toBe(true);

    const name = `上门理发 ${uniq()}`;
    expect((await resident.post('/api/service-menu', { name, category: '生活' })).statusCode).toBe(403);
    const created = await community.post('/api/service-menu', { area: COMMUNITY, name, category: '生活', description: '为行动不便的老人上门理发' });
    expect(created.statusCode).toBe(201);
    const id = json<{ id: string }>(created).id;
    expect((await community.post('/api/service-menu', { area: COMMUNITY, name, category: '生活' })).statusCode).toBe(409);
    expect(json<Menu>(await resident.get('/api/service-menu')).items.some((i) => i.name === name)).toBe(true);
    // Staff of another community neither see nor edit it.
    const elsewhere = await newUser(['community-worker'], OTHER_COMMUNITY);
    expect((await elsewhere.client.patch(`/api/service-menu/${id}`, { active: false })).statusCode).toBe(404);
    expect((await elsewhere.client.get(`/api/service-menu?area=${COMMUNITY}`)).statusCode).toBe(404);
    // Retired: gone from the residents' menu, still listed (inactive) for staff; no longer orderable.
    expect(json<{ active: boolean }>(await community.patch(`/api/service-menu/${id}`, { active: false })).active).toBe(false);
    expect(json<Menu>(await resident.get('/api/service-menu')).items.some((i) => i.name === name)).toBe(false);
    expect(json<Menu>(await community.get(`/api/service-menu?area=${COMMUNITY}`)).items.find((i) => i.id === id)?.active).toBe(false);
    const retired = await resident.post('/api/orders', { menuItemId: id });
    expect(retired.statusCode).toBe(400);
    expect(err(retired).code).toBe('unknown_service');
    // Bad input names the field.
    const bad = await community.post('/api/service-menu', { area: COMMUNITY, category: '生活' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(json(bad))).toContain('name');
  });

  it('staff above community level read the menu and teams of any community in their scope', async () => {
    for (const who of ['admin', 'district', 'leader', 'town']) {
      const c = await t.as(who);
      for (const area of ['320614', '320614103', COMMUNITY, GRID]) {
        const menu = await c.get(`/api/service-menu?area=${area}`);
        expect(menu.statusCode, `${who} service-menu ${area}`).toBe(200);
        // A town or the district opens on its first community with a menu; a grid stands for its community.
        expect(json<Menu>(menu).area.code).toBe(COMMUNITY);
        expect(json<Menu>(menu).canEdit).toBe(false);
        const teams = await c.get(`/api/service-teams?area=${area}`);
        expect(teams.statusCode, `${who} service-teams ${area}`).toBe(200);
        expect(json<{ area: { code: string }; items: Team[] }>(teams).items.length).toBeGreaterThanOrEqual(8);
      }
    }
    // Outside the caller's scope: not found; not an area code: 400 naming the area.
    const elsewhere = await newUser(['community-worker'], OTHER_COMMUNITY);
    expect((await elsewhere.client.get('/api/service-menu?area=320614103')).statusCode).toBe(200);
    expect(json<Menu>(await elsewhere.client.get('/api/service-menu?area=320614103')).area.code).toBe(OTHER_COMMUNITY);
    const town = await t.as('town');
    expect((await town.get('/api/service-menu?area=320614104')).statusCode).toBe(404);
    const bad = await town.get('/api/service-menu?area=3206');
    expect(bad.statusCode).toBe(400);
    expect(err(bad).message).toContain('区划代码');
  });

  it('eight standard teams plus custom ones; staff add and remove members', async () => {
    const teams = json<{ items: Team[]; canEdit: boolean }>(await community.get(`/api/service-teams?area=${COMMUNITY}`));
    expect(teams.canEdit).toBe(true);
    const standard = teams.items.filter((x) => x.standard).map((x) => x.name);
    expect(standard).toEqual(['政策理论宣讲服务队', '发展富民指导服务队', '平安法治服务队', '矛盾纠纷调解服务队', '城乡环境整治服务队', '文明新风传播服务队', '为民事项代办服务队', '民生公益保障服务队']);
    expect(teams.items.find((x) => x.code === 'welfare')?.members.map((m) => m.username)).toContain('party');

    const name = `助残服务队 ${uniq()}`;
    const created = await community.post('/api/service-teams', { area: COMMUNITY, name, description: '自建' });
    expect(created.statusCode).toBe(201);
    const team = json<Team>(created);
    expect(team.standard).toBe(false);
    expect((await community.post('/api/service-teams', { area: COMMUNITY, name })).statusCode).toBe(409);
    const volunteer = await newUser(['resident'], GRID, '志愿者甲');
    const added = json<Team>(await community.post(`/api/service-teams/${team.id}/members`, { username: volunteer.username, leader: true }));
    expect(added.members).toEqual([expect.objectContaining({ username: volunteer.username, leader: true })]);
    expect((await community.post(`/api/service-teams/${team.id}/members`, { username: volunteer.username })).statusCode).toBe(409);
    const outsider = await newUser(['resident'], `${OTHER_COMMUNITY}001`);
    const refused = await community.post(`/api/service-teams/${team.id}/members`, { username: outsider.username });
    expect(refused.statusCode).toBe(400);
    expect(err(refused).code).toBe('not_in_community');
    expect((await volunteer.client.post(`/api/service-teams/${team.id}/members`, { username: outsider.username })).statusCode).toBe(403);
    expect((await (await t.as('resident')).post('/api/service-teams', { name: 'x' })).statusCode).toBe(403);
    const removed = await community.request('DELETE', `/api/service-teams/${team.id}/members/${volunteer.id}`);
    expect(json<Team>(removed).members).toEqual([]);
  });
});

describe('点单 → 派单 → 接单 → 完成 → 评价', () => {
  it('the full loop with a member: photos, rating, points once', async () => {
    const resident = await newUser(['resident'], GRID, '陈秀英');
    const member = await newUser(['party-member'], GRID, '王建国（党员）');
    const o0 = await order(resident.client);
    expect(o0.state).toBe('ordered');

    // The resident sees it with cancel; the community dispatches it; a member not sent sees nothing.
    let o = json<Order>(await resident.client.get(`/api/orders/${o0.id}`));
    expect(o.mine).toBe(true);
    expect(o.allowedActions).toEqual(['cancel']);
    expect((await member.client.get(`/api/orders/${o0.id}`)).statusCode).toBe(404);
    o = json<Order>(await community.get(`/api/orders/${o0.id}`));
    expect(o.orderer.name).toBe('陈秀英');
    expect(o.allowedActions).toEqual(expect.arrayContaining(['dispatch', 'cancel']));
    const servers = json<{ items: { userId: string }[] }>(await community.get(`/api/service-teams/servers?area=${COMMUNITY}`));
    expect(servers.items.some((s) => s.userId === member.id)).toBe(true);

    // The resident may not dispatch; dispatch needs an assignee; not to the orderer.
    expect((await resident.client.post(`/api/orders/${o0.id}/actions/dispatch`, { memberUserId: member.id })).statusCode).toBe(403);
    const noOne = await community.post(`/api/orders/${o0.id}/actions/dispatch`, {});
    expect(noOne.statusCode).toBe(400);
    expect(err(noOne).message).toContain('memberUserId');
    const self = await community.post(`/api/orders/${o0.id}/actions/dispatch`, { memberUserId: resident.id });
    expect(self.statusCode).toBe(400);
    expect(err(self).code).toBe('self_assign');
    o = await act(community, o0.id, 'dispatch', { memberUserId: member.id, note: '请尽快联系' });
    expect(o.state).toBe('dispatched');
    expect(o.assignee).toMatchObject({ kind: 'member', name: '王建国' });

    // The member sees it in 我的接单, the orderer masked.
    const mine = json<{ items: Order[] }>(await member.client.get('/api/orders?relation=assigned'));
    expect(mine.items.map((i) => i.id)).toContain(o0.id);
    o = json<Order>(await member.client.get(`/api/orders/${o0.id}`));
    expect(o.orderer.name).toBe('陈**');
    expect(JSON.stringify(o)).not.toContain('陈秀英');
    expect(o.allowedActions.sort()).toEqual(['decline', 'take']);
    // Complete before taking: 409; another member: 404.
    expect((await member.client.post(`/api/orders/${o0.id}/actions/complete`, { note: '修好了' })).statusCode).toBe(403);
    const other = await newUser(['party-member']);
    expect((await other.client.post(`/api/orders/${o0.id}/actions/take`, {})).statusCode).toBe(404);

    o = await act(member.client, o0.id, 'take');
    expect(o.state).toBe('taken');
    expect(o.takenBy?.name).toBe('王建国');
    expect((await member.client.post(`/api/orders/${o0.id}/actions/take`, {})).statusCode).toBe(409);
    // Once taken the resident can no longer cancel, nor rate yet.
    const late = await resident.client.post(`/api/orders/${o0.id}/actions/cancel`, { reason: '不需要了' });
    expect(late.statusCode).toBe(409);
    expect(err(late).code).toBe('invalid_state');
    expect((await resident.client.post(`/api/orders/${o0.id}/actions/rate`, { score: 'satisfied' })).statusCode).toBe(409);

    const noNote = await member.client.post(`/api/orders/${o0.id}/actions/complete`, {});
    expect(noNote.statusCode).toBe(400);
    expect(err(noNote).message).toContain('note');
    const fileId = await upload(member.client);
    const foreign = await upload(other.client);
    expect((await member.client.post(`/api/orders/${o0.id}/actions/complete`, { note: '修好了', attachments: [foreign] })).statusCode).toBe(400);
    o = await act(member.client, o0.id, 'complete', { note: '更换了水龙头阀芯，已不漏水', attachments: [fileId] });
    expect(o.state).toBe('completed');
    expect(o.attachments.map((a) => a.id)).toEqual([fileId]);

    const before = await vanguard(member.client);
    const badScore = await resident.client.post(`/api/orders/${o0.id}/actions/rate`, { score: 'great' });
    expect(badScore.statusCode).toBe(400);
    expect(JSON.stringify(json(badScore))).toContain('score');
    expect((await community.post(`/api/orders/${o0.id}/actions/rate`, { score: 'satisfied' })).statusCode).toBe(403);
    o = await act(resident.client, o0.id, 'rate', { score: 'satisfied', comment: '师傅很耐心' });
    expect(o.state).toBe('rated');
    expect(o.rating).toBe('satisfied');
    expect(o.points).toBe(5);
    expect(o.allowedActions).toEqual([]);
    expect(await vanguard(member.client)).toBe(before + 5);
    expect((await resident.client.post(`/api/orders/${o0.id}/actions/rate`, { score: 'satisfied' })).statusCode).toBe(409);
    expect(await vanguard(member.client)).toBe(before + 5);
    expect(o.timeline.map((e) => e.action)).toEqual(['order', 'dispatch', 'take', 'complete', 'rate']);
    expect(o.timeline.at(-1)).toMatchObject({ note: '满意：师傅很耐心', points: 5 });
  });

  it('a team takes it: any member of the team; decline goes back to the community; reassign; unsatisfied earns nothing', async () => {
    const resident = await newUser(['resident'], GRID);
    const a = await newUser(['resident'], GRID, '志愿者乙');
    const b = await newUser(['party-member'], GRID, '志愿者丙');
    const team = json<Team>(await community.post('/api/service-teams', { area: COMMUNITY, name: `维修队 ${uniq()}` }));
    await community.post(`/api/service-teams/${team.id}/members`, { username: a.username });
    const o0 = await order(resident.client);
    let o = await act(community, o0.id, 'dispatch', { teamId: team.id });
    expect(o.assignee).toMatchObject({ kind: 'team', name: team.name });
    expect(json<Order>(await a.client.get(`/api/orders/${o0.id}`)).allowedActions.sort()).toEqual(['decline', 'take']);

    // Decline needs a reason and returns the order to the community.
    expect((await a.client.post(`/api/orders/${o0.id}/actions/decline`, {})).statusCode).toBe(400);
    o = await act(a.client, o0.id, 'decline', { reason: '这周不在本地' });
    expect(o.state).toBe('ordered');
    expect(o.assignee).toBeNull();
    expect((await a.client.get(`/api/orders/${o0.id}`)).statusCode).toBe(404);

    // Sent to a member, taken, then reassigned by the community to the team.
    await act(community, o0.id, 'dispatch', { memberUserId: b.id });
    await act(b.client, o0.id, 'take');
    expect((await community.post(`/api/orders/${o0.id}/actions/reassign`, { teamId: team.id })).statusCode).toBe(400);
    o = await act(community, o0.id, 'reassign', { teamId: team.id, reason: '需要两人配合' });
    expect(o.state).toBe('dispatched');
    expect(o.takenBy).toBeNull();
    expect((await b.client.post(`/api/orders/${o0.id}/actions/complete`, { note: 'x' })).statusCode).toBe(404);
    await act(a.client, o0.id, 'take');
    await act(a.client, o0.id, 'complete', { note: '已修好' });
    const before = await vanguard(a.client);
    o = await act(resident.client, o0.id, 'rate', { score: 'unsatisfied', comment: '来得太晚' });
    expect(o.points).toBeNull();
    expect(await vanguard(a.client)).toBe(before);
  });

  it('two team members racing to take the same order: one wins, the other gets 409', async () => {
    const resident = await newUser(['resident'], GRID);
    const a = await newUser(['party-member'], GRID);
    const b = await newUser(['party-member'], GRID);
    const team = json<Team>(await community.post('/api/service-teams', { area: COMMUNITY, name: `抢单队 ${uniq()}` }));
    await community.post(`/api/service-teams/${team.id}/members`, { username: a.username });
    await community.post(`/api/service-teams/${team.id}/members`, { username: b.username });
    const o0 = await order(resident.client);
    await act(community, o0.id, 'dispatch', { teamId: team.id });
    const results = await Promise.all([a.client.post(`/api/orders/${o0.id}/actions/take`, {}), b.client.post(`/api/orders/${o0.id}/actions/take`, {})]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const o = json<Order>(await community.get(`/api/orders/${o0.id}`));
    expect(o.timeline.filter((e) => e.action === 'take')).toHaveLength(1);
  });

  it('cancel: the resident before it is taken, with a reason; staff also later; never after completion', async () => {
    const resident = await newUser(['resident'], GRID);
    const member = await newUser(['party-member'], GRID);
    const o1 = await order(resident.client);
    expect((await resident.client.post(`/api/orders/${o1.id}/actions/cancel`, {})).statusCode).toBe(400);
    expect((await act(resident.client, o1.id, 'cancel', { reason: '已自行修好' })).state).toBe('cancelled');
    expect((await community.post(`/api/orders/${o1.id}/actions/dispatch`, { memberUserId: member.id })).statusCode).toBe(409);

    const o2 = await order(resident.client);
    await act(community, o2.id, 'dispatch', { memberUserId: member.id });
    await act(member.client, o2.id, 'take');
    expect((await act(community, o2.id, 'cancel', { reason: '居民住院，暂停服务' })).state).toBe('cancelled');
    expect((await member.client.post(`/api/orders/${o2.id}/actions/complete`, { note: 'x' })).statusCode).toBe(409);
  });
});

describe('who may order, scope and bad input', () => {
  it('the address defaults to the household; without one it is required; unknown services are 400', async () => {
    const resident = await t.as('resident');
    const item = await menuItem(resident, '陪伴聊天');
    const res = await resident.post('/api/orders', { menuItemId: item.id, note: '想有人陪着聊聊天' });
    expect(res.statusCode).toBe(201);
    const o = json<Order>(await resident.get(`/api/orders/${json<{ id: string }>(res).id}`));
    expect(o.address.length).toBeGreaterThan(3);
    expect(o.service).toMatchObject({ name: '陪伴聊天', category: '陪伴' });

    const homeless = await newUser(['resident'], GRID);
    const noAddress = await homeless.client.post('/api/orders', { menuItemId: item.id });
    expect(noAddress.statusCode).toBe(400);
    expect(err(noAddress).message).toContain('address');
    const unknown = await homeless.client.post('/api/orders', { menuItemId: '00000000-0000-4000-8000-000000000000', address: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(err(unknown).code).toBe('unknown_service');
    // A resident of another community cannot order from this menu.
    const elsewhere = await newUser(['resident'], `${OTHER_COMMUNITY}001`);
    expect((await elsewhere.client.post('/api/orders', { menuItemId: item.id, address: 'x' })).statusCode).toBe(400);
    expect((await elsewhere.client.post('/api/orders', { menuItemId: 'nope' })).statusCode).toBe(400);
    expect((await (await t.as('merchant')).post('/api/orders', { menuItemId: item.id, address: 'x' })).statusCode).toBe(403);
    expect((await t.anonymous().post('/api/orders', { menuItemId: item.id })).statusCode).toBe(401);
  });

  it('honours Idempotency-Key', async () => {
    const resident = await newUser(['resident'], GRID);
    const item = await menuItem(resident.client);
    const body = { menuItemId: item.id, address: '状元街 2 幢', note: `幂等 ${uniq()}` };
    const key = `k-${uniq()}`;
    const first = await resident.client.request('POST', '/api/orders', body, { 'idempotency-key': key });
    const again = await resident.client.request('POST', '/api/orders', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(json(again)).toEqual(json(first));
    expect(json<{ total: number }>(await resident.client.get('/api/orders?relation=mine')).total).toBe(1);
  });

  it('scope: staff of another community get 404; lists stay in scope; unknown actions and states are 400', async () => {
    const resident = await newUser(['resident'], GRID);
    const o0 = await order(resident.client);
    const elsewhere = await newUser(['community-worker'], OTHER_COMMUNITY);
    expect((await elsewhere.client.get(`/api/orders/${o0.id}`)).statusCode).toBe(404);
    expect((await elsewhere.client.post(`/api/orders/${o0.id}/actions/cancel`, { reason: 'x' })).statusCode).toBe(404);
    const list = json<{ items: Order[] }>(await elsewhere.client.get('/api/orders?pageSize=200'));
    expect(list.items.some((i) => i.id === o0.id)).toBe(false);
    const inbox = json<{ items: Order[]; counts: Record<string, number> }>(await community.get('/api/orders?state=ordered&pageSize=200'));
    expect(inbox.items.map((i) => i.id)).toContain(o0.id);
    expect(inbox.counts.ordered).toBeGreaterThan(0);
    // The grid worker reads orders of their grid but may not dispatch.
    const grid = await t.as('grid');
    const seen = json<Order>(await grid.get(`/api/orders/${o0.id}`));
    expect(seen.allowedActions).toEqual([]);
    expect((await grid.post(`/api/orders/${o0.id}/actions/dispatch`, { memberUserId: resident.id })).statusCode).toBe(403);
    expect((await community.post(`/api/orders/${o0.id}/actions/fly`, {})).statusCode).toBe(400);
    expect((await community.get('/api/orders?state=flying')).statusCode).toBe(400);
    expect((await community.get('/api/orders/not-a-uuid')).statusCode).toBe(400);
    // A member from another community cannot be sent.
    const far = await newUser(['party-member'], `${OTHER_COMMUNITY}001`);
    const refused = await community.post(`/api/orders/${o0.id}/actions/dispatch`, { memberUserId: far.id });
    expect(refused.statusCode).toBe(400);
    expect(err(refused).code).toBe('not_a_server');
  });

  it('the demo: orders of the resident in various states; party sees what was sent to them and their teams', async () => {
    const party = await t.as('party');
    const assigned = json<{ items: Order[] }>(await party.get('/api/orders?relation=assigned&pageSize=100'));
    const states = new Set(assigned.items.map((i) => i.state));
    expect(states.has('dispatched')).toBe(true);
    expect(states.has('taken')).toBe(true);
    const resident = await t.as('resident');
    const mine = json<{ items: Order[] }>(await resident.get('/api/orders?relation=mine&pageSize=100'));
    expect(mine.items.length).toBeGreaterThanOrEqual(4);
  });
});
