import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import type { PartyMemberKind } from '@gongzhi/domain';
import { auditLog, partyMembers, people, users } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
const TOWN = '320614103';
const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_COMMUNITY = '320614103002';
const PASSWORD = 'Party@2026pass';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(async () => t?.close());

interface OrgNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  areaCode: string;
  members: number;
  registered: number;
  totalMembers: number;
  children: OrgNode[];
}
interface Member {
  id: string;
  person: { id: string; name: string; idNumber: string | null; phone: string | null };
  kind: string;
  org: { id: string; name: string };
  localOrg: { id: string; name: string } | null;
  registrationState: string | null;
  post: { code: string; name: string } | null;
  allowedActions: string[];
}
interface Registration {
  id: string;
  state: string;
  org: { id: string; name: string };
  member: { id: string; name: string };
}

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;
const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

async function tree(c: Client, area?: string) {
  const res = await c.get(`/api/party/orgs${area ? `?area=${area}` : ''}`);
  expect(res.statusCode).toBe(200);
  return json<{ area: { code: string }; total: number; items: OrgNode[] }>(res);
}

async function orgByCode(code: string): Promise<OrgNode> {
  const found = flatten((await tree(admin, TOWN)).items).find((n) => n.code === code);
  if (!found) throw new Error(`no org ${code}`);
  return found;
}

/** A fresh party member of 长兴路 (a person, their member record in their village organisation) with an account. */
async function newMember(kind: PartyMemberKind = 'in-service') {
  const name = `党员${uniq().slice(-5)}`;
  const [person] = await t.ctx.db
    .insert(people)
    .values({ areaCode: `${OTHER_COMMUNITY}001`, name, gender: 'male', birthDate: '1985-03-01', partyMember: true })
    .returning({ id: people.id });
  const village = await orgByCode(`P${OTHER_COMMUNITY}`);
  const [member] = await t.ctx.db.insert(partyMembers).values({ personId: person!.id, orgId: village.id, kind }).returning({ id: partyMembers.id });
  const username = `p${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: `${name}（党员）`, password: PASSWORD, roles: ['party-member'], scopeCode: `${OTHER_COMMUNITY}001` });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  await t.ctx.db.update(users).set({ personId: person!.id }).where(eq(users.id, json<{ id: string }>(res).id));
  return { name, personId: person!.id, memberId: member!.id, client: await t.as(username, PASSWORD) };
}

describe('the organisation tree', () => {
  it('has the five-level chain and 1+2+N+X for every village of 常乐镇', async () => {
    const t0 = await tree(admin, TOWN);
    expect(t0.items).toHaveLength(1);
    const town = t0.items[0]!;
    expect(town.kind).toBe('town-committee');
    expect(town.name).toBe('常乐镇党委');
    const villages = town.children.filter((c) => c.kind === 'village-org');
    expect(villages.length).toBeGreaterThan(5);
    for (const v of villages) {
      const functional = v.children.filter((c) => c.kind === 'functional-branch').map((c) => c.name);
      expect(functional).toHaveLength(2);
      expect(functional.some((n) => n.includes('下沉力量功能型党支部'))).toBe(true);
      expect(functional.some((n) => n.includes('社会力量功能型党支部'))).toBe(true);
      expect(v.children.filter((c) => c.kind === 'grid-branch').length).toBeGreaterThan(0);
    }
    const zyj = villages.find((v) => v.areaCode === COMMUNITY)!;
    expect(zyj.name).toBe('状元街社区党委');
    const grid1 = zyj.children.find((c) => c.areaCode === GRID)!;
    expect(grid1.kind).toBe('grid-branch');
    expect(grid1.children.filter((c) => c.kind === 'building-group').length).toBeGreaterThan(0);
    // Members counted from the registry of 状元街; the `party` account is registered in the first grid.
    expect(zyj.totalMembers).toBeGreaterThan(5);
    expect(grid1.registered).toBeGreaterThanOrEqual(1);
    expect(town.totalMembers).toBeGreaterThanOrEqual(zyj.totalMembers);
  });

  it('is scoped to the caller: a community worker sees their community, residents and members get 403', async () => {
    const community = await t.as('community');
    const mine = await tree(community);
    const all = flatten(mine.items);
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((n) => n.areaCode.startsWith(COMMUNITY))).toBe(true);
    expect(mine.items[0]!.kind).toBe('village-org');
    expect((await community.get(`/api/party/orgs?area=${OTHER_COMMUNITY}`)).statusCode).toBe(404);
    const other = await orgByCode(`P${OTHER_COMMUNITY}`);
    expect((await community.get(`/api/party/orgs/${other.id}`)).statusCode).toBe(404);
    for (const who of ['resident', 'party']) {
      const res = await (await t.as(who)).get('/api/party/orgs');
      expect(res.statusCode).toBe(403);
      expect(err(res).message).toMatch(/党/);
    }
    expect((await t.anonymous().get('/api/party/orgs')).statusCode).toBe(401);
  });

  it('shows an organisation with children, a members summary and allowed actions', async () => {
    const grid1 = await orgByCode(`P${GRID}`);
    const secretary = await t.as('secretary');
    const res = await secretary.get(`/api/party/orgs/${grid1.id}`);
    expect(res.statusCode).toBe(200);
    const org = json<{ kind: string; parent: { name: string }; children: { kind: string }[]; membersSummary: { total: number; inService: number; byPost: { name: string; count: number }[] }; allowedActions: string[] }>(res);
    expect(org.kind).toBe('grid-branch');
    expect(org.parent.name).toBe('状元街社区党委');
    expect(org.children.some((c) => c.kind === 'building-group')).toBe(true);
    expect(org.membersSummary.total).toBeGreaterThan(0);
    expect(org.membersSummary.inService).toBeGreaterThanOrEqual(1);
    expect(org.membersSummary.byPost.map((p) => p.name)).toEqual(expect.arrayContaining(['理论宣传岗', '治安联防岗', '文明劝导岗', '环境卫生督导岗', '关爱互助岗', '楼道议事岗']));
    expect(org.allowedActions).toEqual(expect.arrayContaining(['accept-registration', 'reject-registration', 'assign-post']));
    const grid = await t.as('grid');
    expect(json<{ allowedActions: string[] }>(await grid.get(`/api/party/orgs/${grid1.id}`)).allowedActions).toEqual([]);
  });
});

describe('members', () => {
  it('lists members with names from the registry and numbers masked', async () => {
    const community = await t.as('community');
    const res = await community.get(`/api/party/members?area=${COMMUNITY}&pageSize=200`);
    expect(res.statusCode).toBe(200);
    const page = json<{ total: number; items: Member[] }>(res);
    expect(page.total).toBeGreaterThan(5);
    for (const m of page.items) {
      if (m.person.idNumber) expect(m.person.idNumber).toMatch(/^\*+\d{3}[\dX]$/);
      if (m.person.phone) expect(m.person.phone).toMatch(/\*/);
    }
    expect(res.body).not.toMatch(/"idNumber":"\d/);
    expect(res.body).not.toMatch(/"phone":"\d/);
    // The `party` account: in service, own organisation kept, registered (accepted) in the first grid's branch.
    const me = json<{ member: Member }>(await (await t.as('party')).get('/api/party/me'));
    expect(me.member.kind).toBe('in-service');
    expect(me.member.registrationState).toBe('accepted');
    expect(me.member.org.name).toContain('下沉力量功能型党支部');
    const grid1 = await orgByCode(`P${GRID}`);
    expect(me.member.localOrg?.id).toBe(grid1.id);
    const inGrid = json<{ items: Member[] }>(await community.get(`/api/party/members?org=${grid1.id}&pageSize=200`));
    expect(inGrid.items.some((m) => m.id === me.member.id)).toBe(true);
    const byName = json<{ total: number; items: Member[] }>(await community.get(`/api/party/members?q=${encodeURIComponent(me.member.person.name)}`));
    expect(byName.items.map((m) => m.id)).toContain(me.member.id);
    // Out of scope and for non-staff.
    expect((await community.get(`/api/party/members?area=${OTHER_COMMUNITY}`)).statusCode).toBe(404);
    expect((await (await t.as('resident')).get('/api/party/members')).statusCode).toBe(403);
  });

  it('a resident without a member record has no membership', async () => {
    const me = json<{ member: null }>(await (await t.as('resident')).get('/api/party/me'));
    expect(me.member).toBeNull();
  });
});

describe('双报到: registration with the community of residence', () => {
  it('applies, is accepted by the secretary, appears in the local branch and keeps their own organisation', async () => {
    const m = await newMember();
    const grid1 = await orgByCode(`P${GRID}`);
    const applied = await m.client.post('/api/party/registrations', { orgId: grid1.id });
    expect(applied.statusCode).toBe(201);
    const reg = json<Registration>(applied);
    expect(reg.state).toBe('applied');
    expect(reg.org.id).toBe(grid1.id);
    // A second application while one is pending: 409.
    const again = await m.client.post('/api/party/registrations', { orgId: grid1.id });
    expect(again.statusCode).toBe(409);
    expect(err(again).code).toBe('registration_pending');

    const secretary = await t.as('secretary');
    const detail = json<{ pendingRegistrations: { id: string; member: { name: string } }[] }>(await secretary.get(`/api/party/orgs/${grid1.id}`));
    expect(detail.pendingRegistrations.map((p) => p.id)).toContain(reg.id);
    // Not yet in the local branch.
    const before = json<{ items: Member[] }>(await secretary.get(`/api/party/members?org=${grid1.id}&q=${encodeURIComponent(m.name)}`));
    expect(before.items).toHaveLength(0);

    // A grid worker cannot review; another community's staff do not see it.
    const grid = await t.as('grid');
    const denied = await grid.post(`/api/party/registrations/${reg.id}/accept`, {});
    expect(denied.statusCode).toBe(403);
    expect(err(denied).code).toBe('action_not_allowed');

    const accepted = await secretary.post(`/api/party/registrations/${reg.id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(json<Registration>(accepted).state).toBe('accepted');
    const twice = await secretary.post(`/api/party/registrations/${reg.id}/reject`, {});
    expect(twice.statusCode).toBe(409);
    expect(err(twice).code).toBe('invalid_state');

    const after = json<{ items: Member[] }>(await secretary.get(`/api/party/members?org=${grid1.id}&q=${encodeURIComponent(m.name)}`));
    expect(after.items).toHaveLength(1);
    expect(after.items[0]!.org.name).toBe('长兴路社区党委');
    expect(after.items[0]!.localOrg?.id).toBe(grid1.id);
    const me = json<{ member: Member; registrations: Registration[] }>(await m.client.get('/api/party/me'));
    expect(me.member.registrationState).toBe('accepted');
    expect(me.member.org.name).toBe('长兴路社区党委');
    expect(me.registrations.map((r) => r.state)).toEqual(['accepted']);
    const registered = await m.client.post('/api/party/registrations', { orgId: grid1.id });
    expect(registered.statusCode).toBe(409);
    expect(err(registered).code).toBe('already_registered');

    const audits = await t.ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, reg.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['party.registration.accept', 'party.registration.apply']);
  });

  it('a rejected member may apply again; own organisation and non-members are refused', async () => {
    const m = await newMember();
    const grid1 = await orgByCode(`P${GRID}`);
    const own = await orgByCode(`P${OTHER_COMMUNITY}`);
    const self = await m.client.post('/api/party/registrations', { orgId: own.id });
    expect(self.statusCode).toBe(409);
    expect(err(self).code).toBe('own_organisation');
    const group = flatten((await tree(admin, GRID)).items).find((n) => n.kind === 'building-group')!;
    const bad = await m.client.post('/api/party/registrations', { orgId: group.id });
    expect(bad.statusCode).toBe(400);
    expect(err(bad).code).toBe('invalid_org');

    const reg = json<Registration>(await m.client.post('/api/party/registrations', { orgId: grid1.id }));
    const community = await t.as('community');
    const rejected = await community.post(`/api/party/registrations/${reg.id}/reject`, { reason: '未在本社区居住' });
    expect(rejected.statusCode).toBe(200);
    expect(json<Registration>(rejected).state).toBe('rejected');
    expect(json<{ member: Member }>(await m.client.get('/api/party/me')).member.registrationState).toBe('rejected');
    expect((await m.client.post('/api/party/registrations', { orgId: grid1.id })).statusCode).toBe(201);

    const resident = await (await t.as('resident')).post('/api/party/registrations', { orgId: grid1.id });
    expect(resident.statusCode).toBe(403);
    expect(err(resident).code).toBe('not_a_member');
  });
});

describe('posts (设岗定责)', () => {
  it('lists the five fixed posts and the village custom posts; a manager adds one', async () => {
    const community = await t.as('community');
    const posts = json<{ items: { code: string; name: string; custom: boolean }[] }>(await community.get(`/api/party/posts?area=${COMMUNITY}`));
    expect(posts.items.filter((p) => !p.custom).map((p) => p.name)).toEqual(['理论宣传岗', '治安联防岗', '文明劝导岗', '环境卫生督导岗', '关爱互助岗']);
    expect(posts.items.some((p) => p.custom && p.name === '楼道议事岗')).toBe(true);
    const name = `岗${uniq().slice(-6)}`;
    const added = await community.post('/api/party/posts', { area: COMMUNITY, name });
    expect(added.statusCode).toBe(201);
    expect(json<{ custom: boolean }>(added).custom).toBe(true);
    expect((await community.post('/api/party/posts', { area: COMMUNITY, name })).statusCode).toBe(409);
    expect((await community.post('/api/party/posts', { area: OTHER_COMMUNITY, name })).statusCode).toBe(403);
    // Another village does not see this village's custom posts.
    const other = json<{ items: { name: string }[] }>(await admin.get(`/api/party/posts?area=${OTHER_COMMUNITY}`));
    expect(other.items.some((p) => p.name === name)).toBe(false);
  });

  it('a member chooses a post; a manager assigns one; others may not', async () => {
    const m = await newMember('direct');
    const chosen = await m.client.request('PUT', `/api/party/members/${m.memberId}/post`, { postCode: 'care' });
    expect(chosen.statusCode).toBe(200);
    expect(json<Member>(chosen).post).toEqual({ code: 'care', name: '关爱互助岗' });
    // 状元街's custom post does not apply to a member of 长兴路.
    const foreign = await m.client.request('PUT', `/api/party/members/${m.memberId}/post`, { postCode: `x-${COMMUNITY}-1` });
    expect(foreign.statusCode).toBe(400);
    expect(err(foreign).code).toBe('unknown_post');
    // 状元街's secretary does not see a member of 长兴路.
    expect((await (await t.as('secretary')).request('PUT', `/api/party/members/${m.memberId}/post`, { postCode: 'patrol' })).statusCode).toBe(404);
    const assigned = await admin.request('PUT', `/api/party/members/${m.memberId}/post`, { postCode: 'patrol' });
    expect(assigned.statusCode).toBe(200);
    expect(json<Member>(assigned).post?.name).toBe('治安联防岗');
    const cleared = await admin.request('PUT', `/api/party/members/${m.memberId}/post`, { postCode: null });
    expect(json<Member>(cleared).post).toBeNull();
    const audits = await t.ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, m.memberId));
    expect(audits.filter((a) => a.action === 'party.member.post')).toHaveLength(3);

    const community = await t.as('community');
    const zyj = json<{ items: Member[] }>(await community.get(`/api/party/members?area=${GRID}&pageSize=5`)).items[0]!;
    expect(zyj.allowedActions).toContain('set-post');
    const res = await community.request('PUT', `/api/party/members/${zyj.id}/post`, { postCode: `x-${COMMUNITY}-1` });
    expect(res.statusCode).toBe(200);
    const grid = await t.as('grid');
    const denied = await grid.request('PUT', `/api/party/members/${zyj.id}/post`, { postCode: 'theory' });
    expect(denied.statusCode).toBe(403);
  });
});

describe('the branch formation rule', () => {
  it('lists the compounds of a grid, the proposal and those that break the rule', async () => {
    const secretary = await t.as('secretary');
    const res = await secretary.get(`/api/party/formation-check?area=${GRID}`);
    expect(res.statusCode).toBe(200);
    const check = json<{
      rule: string;
      compounds: { code: string; hasProperty: boolean; fenced: boolean; members: number; ownBranch: unknown; expected: string; ok: boolean }[];
      violations: { code: string; problem: { code: string; message: string } }[];
      proposal: { own: string[]; joint: string[][] };
    }>(res);
    expect(check.rule).toContain('3');
    expect(check.compounds.length).toBeGreaterThan(0);
    for (const c of check.compounds) {
      expect(c.code.startsWith(GRID)).toBe(true);
      const qualifies = c.hasProperty && c.fenced && c.members >= 3;
      expect(c.expected).toBe(qualifies ? 'own' : 'joint');
      expect(c.ok).toBe(qualifies === !!c.ownBranch);
    }
    for (const v of check.violations) expect(v.problem.message.length).toBeGreaterThan(0);
    // The demo: the first qualifying building has its own branch; other qualifying buildings are listed.
    expect(check.compounds.filter((c) => c.ownBranch).every((c) => c.ok)).toBe(true);
    expect(check.violations.some((v) => v.problem.code === 'missing_own_branch')).toBe(true);
    const planned = [...check.proposal.own, ...check.proposal.joint.flat()].sort();
    expect(planned).toEqual(check.compounds.map((c) => c.code).sort());
    expect((await secretary.get(`/api/party/formation-check?area=${OTHER_COMMUNITY}`)).statusCode).toBe(404);
    expect((await (await t.as('party')).get(`/api/party/formation-check?area=${GRID}`)).statusCode).toBe(403);
  });
});
