// Editing the party organisation tree: create, rename, set the secretary, move and remove
// organisations; mark central households; act on the branch formation check. Right roles only,
// another area → 404, nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, like, sql } from 'drizzle-orm';
import { areas, auditLog, partyOrgs } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let community: Client;
let secretary: Client;
const TOWN = '320614103';
const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_COMMUNITY = '320614103002';

interface Org {
  id: string;
  name: string;
  kind: string;
  area: { code: string };
  secretaryName: string | null;
  parent: { id: string } | null;
  children: { id: string; name: string; kind: string }[];
  allowedActions: string[];
}
interface Check {
  compounds: { code: string; name: string; expected: 'own' | 'joint'; ownBranch: { id: string } | null; ok: boolean }[];
  violations: { code: string }[];
  proposal: { own: string[]; joint: string[][] };
}

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;
const orgCount = async () => (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(partyOrgs))[0]!.n;
const byCode = async (code: string) => (await t.ctx.db.select().from(partyOrgs).where(eq(partyOrgs.code, code)))[0]!;

let building = '';
beforeAll(async () => {
  t = await createTestApp();
  [admin, community, secretary] = await Promise.all([t.as('admin'), t.as('community'), t.as('secretary')]);
  building = (await t.ctx.db.select({ code: areas.code }).from(areas).where(and(eq(areas.level, 'building'), like(areas.code, `${GRID}%`))).orderBy(areas.code).limit(1))[0]!.code;
});
afterAll(async () => t?.close());

describe('creating and editing organisations', () => {
  it('the community creates a grid branch and a building group under it, renames it and sets its secretary', async () => {
    const village = await byCode(`P${COMMUNITY}`);
    const grid2 = `${COMMUNITY}002`;
    const res = await community.post('/api/party/orgs', { name: `第二网格联合党支部${uniq().slice(-3)}`, kind: 'joint-branch', parentId: village.id, areaCode: grid2, secretaryName: '陆建华' });
    expect(res.statusCode, res.body).toBe(201);
    const branch = json<Org>(res);
    expect(branch).toMatchObject({ kind: 'joint-branch', area: { code: grid2 }, secretaryName: '陆建华', parent: { id: village.id } });
    expect(branch.allowedActions).toEqual(expect.arrayContaining(['edit', 'delete', 'add-child']));
    const b = (await t.ctx.db.select({ code: areas.code }).from(areas).where(and(eq(areas.level, 'building'), like(areas.code, `${grid2}%`))).limit(1))[0]!.code;
    const group = await secretary.post('/api/party/orgs', { name: '1幢党小组', kind: 'building-group', parentId: branch.id, areaCode: b });
    expect(group.statusCode, group.body).toBe(201);
    const renamed = `状元街第二网格党支部（${uniq().slice(-4)}）`;
    const patched = await community.patch(`/api/party/orgs/${branch.id}`, { name: renamed, secretaryName: '顾海燕' });
    expect(patched.statusCode).toBe(200);
    expect(json<Org>(patched)).toMatchObject({ name: renamed, secretaryName: '顾海燕' });
    expect(json<Org>(patched).children.map((c) => c.name)).toContain('1幢党小组');
    const rows = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, branch.id));
    expect(rows.map((r) => r.action).sort()).toEqual(['party.org.create', 'party.org.update']);
    // The tree shows it.
    const tree = await community.get('/api/party/orgs');
    expect(tree.body).toContain(renamed);
  });

  it('moves a building group under another branch of the same grid, never under itself', async () => {
    const gridBranch = await byCode(`P${GRID}`);
    const made = json<Org>(await community.post('/api/party/orgs', { name: `临时党小组${uniq().slice(-4)}`, kind: 'building-group', parentId: gridBranch.id, areaCode: building }));
    const compound = json<Org>(await community.post('/api/party/orgs', { name: `试点小区党支部${uniq().slice(-4)}`, kind: 'compound-branch', parentId: gridBranch.id, areaCode: building }));
    const moved = await community.patch(`/api/party/orgs/${made.id}`, { parentId: compound.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json<Org>(moved).parent!.id).toBe(compound.id);
    const loop = await community.patch(`/api/party/orgs/${compound.id}`, { parentId: compound.id });
    expect(loop.statusCode).toBe(400);
    // Removed once empty: the group first, then the branch.
    expect((await community.request('DELETE', `/api/party/orgs/${compound.id}`)).statusCode).toBe(409);
    expect((await community.request('DELETE', `/api/party/orgs/${made.id}`)).statusCode).toBe(204);
    expect((await community.request('DELETE', `/api/party/orgs/${compound.id}`)).statusCode).toBe(204);
  });

  it('the administrator creates a town committee and a village organisation under it', async () => {
    const town = await admin.post('/api/party/orgs', { name: `试点镇党委${uniq().slice(-4)}`, kind: 'town-committee', areaCode: '320614106' });
    expect(town.statusCode, town.body).toBe(201);
    const v = (await t.ctx.db.select({ code: areas.code }).from(areas).where(and(eq(areas.level, 'village'), like(areas.code, '320614106%'))).limit(1))[0]!.code;
    const village = await admin.post('/api/party/orgs', { name: '试点社区党委', kind: 'village-org', parentId: json<Org>(town).id, areaCode: v });
    expect(village.statusCode, village.body).toBe(201);
  });

  it('refuses the wrong role (403), another area (404), a wrong placement (400), a non-empty organisation (409) — and changes nothing', async () => {
    const village = await byCode(`P${COMMUNITY}`);
    const other = await byCode(`P${OTHER_COMMUNITY}`);
    const gridBranch = await byCode(`P${GRID}`);
    const town = await byCode(`P${TOWN}`);
    const before = await orgCount();
    const grid = await t.as('grid');
    const posts: [Client, Record<string, unknown>, number, string?][] = [
      [grid, { name: '某党小组', kind: 'building-group', parentId: gridBranch.id, areaCode: building }, 403, 'action_not_allowed'],
      [await t.as('party'), { name: '某党支部', kind: 'grid-branch', parentId: village.id, areaCode: `${COMMUNITY}003` }, 403],
      [await t.as('town'), { name: '某党支部', kind: 'grid-branch', parentId: village.id, areaCode: `${COMMUNITY}003` }, 403, 'action_not_allowed'],
      // A community worker under the town committee, in another community, or making a root.
      [community, { name: '某社区党委', kind: 'village-org', parentId: town.id, areaCode: COMMUNITY }, 404],
      [community, { name: '某党支部', kind: 'grid-branch', parentId: other.id, areaCode: `${OTHER_COMMUNITY}001` }, 404],
      [community, { name: '某党支部', kind: 'grid-branch', parentId: village.id, areaCode: `${OTHER_COMMUNITY}001` }, 404],
      [community, { name: '某镇党委', kind: 'town-committee', areaCode: COMMUNITY }, 403, 'action_not_allowed'],
      [admin, { name: '某镇党委', kind: 'town-committee', areaCode: COMMUNITY }, 400, 'invalid_placement'],
      // Placement: a grid branch under a grid branch, a building group at village level.
      [community, { name: '某党支部', kind: 'grid-branch', parentId: gridBranch.id, areaCode: GRID }, 400, 'invalid_placement'],
      [community, { name: '某党小组', kind: 'building-group', parentId: gridBranch.id, areaCode: COMMUNITY }, 400, 'invalid_placement'],
      [community, { name: '某党支部', kind: 'party-cell', parentId: village.id, areaCode: GRID }, 400],
      [community, { name: '', kind: 'grid-branch', parentId: village.id, areaCode: GRID }, 400],
      [community, { name: '某党支部', kind: 'grid-branch', parentId: 'not-a-uuid', areaCode: GRID }, 400],
    ];
    for (const [c, body, status, code] of posts) {
      const res = await c.post('/api/party/orgs', body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
      if (code) expect(err(res).code).toBe(code);
    }
    expect(await orgCount()).toBe(before);
    // Edits: another community's organisation is not found; a grid worker may not; removing a populated one is refused.
    expect((await community.patch(`/api/party/orgs/${other.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await grid.patch(`/api/party/orgs/${gridBranch.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await community.request('DELETE', `/api/party/orgs/${other.id}`)).statusCode).toBe(404);
    const populated = await community.request('DELETE', `/api/party/orgs/${village.id}`);
    expect(populated.statusCode).toBe(409);
    expect(err(populated).code).toBe('org_has_children');
    expect((await community.patch(`/api/party/orgs/${gridBranch.id}`, { parentId: town.id })).statusCode).toBe(404);
    expect(await orgCount()).toBe(before);
    expect((await byCode(`P${GRID}`)).name).toBe(gridBranch.name);
  });
});

describe('acting on the branch formation check', () => {
  it('creates the compound branch a qualifying compound lacks and a proposed joint branch; refuses what was not proposed', async () => {
    const check = async () => json<Check>(await community.get(`/api/party/formation-check?area=${GRID}`));
    const c0 = await check();
    const missing = c0.compounds.find((c) => c.expected === 'own' && !c.ownBranch);
    if (missing) {
      const res = await community.post('/api/party/formation-check/branches', { area: GRID, compounds: [missing.code] });
      expect(res.statusCode, res.body).toBe(201);
      expect(json<Org>(res)).toMatchObject({ kind: 'compound-branch', area: { code: missing.code } });
      const c1 = await check();
      expect(c1.violations.some((v) => v.code === missing.code)).toBe(false);
      expect((await community.post('/api/party/formation-check/branches', { area: GRID, compounds: [missing.code] })).statusCode).toBe(409);
      // Removed again, so that a re-run on a shared database finds the same check.
      expect((await community.request('DELETE', `/api/party/orgs/${json<Org>(res).id}`)).statusCode).toBe(204);
    }
    const group = c0.proposal.joint[0]!;
    const joint = await secretary.post('/api/party/formation-check/branches', { area: GRID, compounds: group });
    expect(joint.statusCode, joint.body).toBe(201);
    expect(json<Org>(joint)).toMatchObject({ kind: 'joint-branch', area: { code: GRID } });
    expect(json<Org>(joint).name).toMatch(/联合党支部$/);
    const before = await orgCount();
    const notProposed = await community.post('/api/party/formation-check/branches', { area: GRID, compounds: group.slice(0, 1).concat(c0.proposal.own.slice(0, 1)) });
    expect(notProposed.statusCode).toBe(400);
    expect((await community.post('/api/party/formation-check/branches', { area: `${OTHER_COMMUNITY}001`, compounds: group })).statusCode).toBe(404);
    expect((await (await t.as('grid')).post('/api/party/formation-check/branches', { area: GRID, compounds: group })).statusCode).toBe(403);
    expect(await orgCount()).toBe(before);
    expect((await community.request('DELETE', `/api/party/orgs/${json<Org>(joint).id}`)).statusCode).toBe(204);
  });
});

describe('central households (党员中心户)', () => {
  it('the community marks a member household; another community cannot', async () => {
    const list = json<{ items: { id: string; centralHousehold: boolean }[] }>(await community.get(`/api/party/members?area=${COMMUNITY}&pageSize=100`));
    const m = list.items.find((i) => !i.centralHousehold)!;
    const res = await community.request('PUT', `/api/party/members/${m.id}/central-household`, { centralHousehold: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ centralHousehold: boolean }>(res).centralHousehold).toBe(true);
    expect((await (await t.as('grid')).request('PUT', `/api/party/members/${m.id}/central-household`, { centralHousehold: false })).statusCode).toBe(403);
    expect((await community.request('PUT', `/api/party/members/${m.id}/central-household`, { centralHousehold: 'yes' })).statusCode).toBe(400);
    // And back, so that a re-run on a shared database finds the same members.
    expect((await community.request('PUT', `/api/party/members/${m.id}/central-household`, { centralHousehold: false })).statusCode).toBe(200);
  });
});

describe('registration targets for a member on the phone', () => {
  it('lists the organisations of the village the member lives in, the one covering their home first; others get 403', async () => {
    const res = await (await t.as('party')).get('/api/party/me/targets');
    expect(res.statusCode).toBe(200);
    const body = json<{ area: { code: string }; items: { name: string; kind: string; coversHome: boolean }[] }>(res);
    expect(body.area.code).toBe(COMMUNITY);
    expect(body.items.length).toBeGreaterThan(1);
    expect(body.items[0]!.coversHome).toBe(true);
    expect(body.items.every((o) => ['village-org', 'grid-branch', 'compound-branch', 'joint-branch'].includes(o.kind))).toBe(true);
    expect((await (await t.as('resident')).get('/api/party/me/targets')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/party/me/targets')).statusCode).toBe(401);
  });
});
