import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { insertActivity, upsertVolunteer } from '../src/repositories/activities.ts';
import { DECLARATIONS, type Declaration, type Fixture } from './scope-matrix.declarations.ts';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema.ts';
import { insertIdea } from '../src/repositories/projects.ts';

/**
 * The scope matrix: every operation of /api/openapi.json, probed for every demo role as its line in
 * scope-matrix.declarations.ts says. Other areas' objects and area filters answer 403/404, lists hold only rows
 * on the caller's branch of the area tree, refused writes change nothing, and an undeclared operation fails here.
 */

const ROLES = ['admin', 'security', 'auditor', 'district', 'leader', 'town', 'community', 'grid', 'dept-cg', 'resident', 'party', 'secretary', 'merchant', 'shgzb'];
/** The neighbour community: it has people, cases and party organisations in the test seed. */
const NEIGHBOUR = '320614103002';
const HOME_TOWN = '320614103';

interface Caller {
  name: string;
  client: Client;
  scope: string;
  /** A village and a grid outside the caller's scope (none for district-wide callers). */
  foreignVillage: string | null;
  foreignGrid: string | null;
  foreignTown: string | null;
}

interface Op {
  key: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  params: { name: string; in: string }[];
}

let t: TestApp;
let ops: Op[];
const callers: Caller[] = [];
let district: Client;
const fixtures = new Map<Fixture, { id: string; areaCode: string; readUrl: string }>();

/** On the caller's branch: inside their scope, or one of its ancestors (a village's wishes shown in its grid). */
const onBranch = (code: string, scope: string) => code.startsWith(scope) || scope.startsWith(code);

function areaCodesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) areaCodesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'areaCode' && typeof v === 'string' && /^\d{6,}$/.test(v)) out.push(v);
      else areaCodesIn(v, out);
    }
  }
  return out;
}

const withQuery = (url: string, query: string | undefined) => (query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url);
const refused = (status: number) => status === 403 || status === 404;

function suggestion(op: Op) {
  const names = op.params.map((p) => p.name);
  if (op.method === 'GET' && names.includes('area')) return `{ kind: 'area', param: 'area', list: true }`;
  if (names.includes('code') && op.path.startsWith('/api/areas')) return `{ kind: 'area', param: 'code' }`;
  if (names.includes('id')) return `{ kind: 'object', fixture: '<case|person|…>'${op.method === 'GET' ? '' : ", body: { … }"} }`;
  if (op.method === 'GET' && names.includes('page')) return `{ kind: 'list' }`;
  return `{ kind: 'public' | 'own' | 'roles' | 'exempt', … }`;
}

beforeAll(async () => {
  t = await createTestApp();
  const doc = json<{ paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }>(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
  ops = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase() as Op['method'], path, params: op.parameters ?? [] })),
    );

  district = await t.as('district');
  const towns = json<{ items: { code: string }[] }>(await district.get('/api/areas/320614/children')).items.map((a) => a.code);
  const otherTown = towns.find((c) => c !== HOME_TOWN)!;
  const otherVillage = json<{ items: { code: string }[] }>(await district.get(`/api/areas/${otherTown}/children`)).items[0]!.code;
  const otherGrid = json<{ items: { code: string }[] }>(await district.get(`/api/areas/${otherVillage}/children`)).items[0]?.code ?? `${otherVillage}001`;
  for (const name of ROLES) {
    const client = name === 'district' ? district : await t.as(name);
    const scope = json<{ scope: { code: string } }>(await client.get('/api/auth/me')).scope.code;
    const deep = scope.length >= NEIGHBOUR.length;
    const townLevel = scope.length === HOME_TOWN.length;
    callers.push({
      name,
      client,
      scope,
      foreignVillage: deep ? NEIGHBOUR : townLevel ? otherVillage : null,
      foreignGrid: deep ? `${NEIGHBOUR}001` : townLevel ? otherGrid : null,
      foreignTown: deep || townLevel ? otherTown : null,
    });
  }

  // A custom party post of the neighbour community: the lists of posts must not show it to anyone outside.
  const admin = callers.find((c) => c.name === 'admin')!.client;
  const post = await admin.post('/api/party/posts', { area: NEIGHBOUR, name: `护河岗${uniq().slice(-4)}` });
  if (post.statusCode !== 201) throw new Error(`fixture post: ${post.statusCode} ${post.body}`);

  // Objects of the neighbour community, found as the district dispatcher (who sees the whole district).
  const first = async (fixture: Fixture, listUrl: string, readUrl: (id: string) => string, pick: (items: Record<string, unknown>[]) => Record<string, unknown> | undefined = (i) => i[0]) => {
    const res = await district.get(listUrl);
    if (res.statusCode !== 200) throw new Error(`fixture ${fixture}: ${listUrl} answered ${res.statusCode}`);
    const item = pick(json<{ items: Record<string, unknown>[] }>(res).items ?? []);
    if (item) fixtures.set(fixture, { id: String(item.id), areaCode: String(item.areaCode ?? NEIGHBOUR), readUrl: readUrl(String(item.id)) });
  };
  fixtures.set('area', { id: NEIGHBOUR, areaCode: NEIGHBOUR, readUrl: `/api/areas/${NEIGHBOUR}` });
  await first('case', `/api/cases?area=${NEIGHBOUR}&pageSize=1`, (id) => `/api/cases/${id}`);
  await first('reportedCase', `/api/cases?area=${NEIGHBOUR}&state=reported&pageSize=1`, (id) => `/api/cases/${id}`);
  await first('person', `/api/people?area=${NEIGHBOUR}&pageSize=1`, (id) => `/api/people/${id}`);
  await first('household', `/api/areas/${NEIGHBOUR}/households?pageSize=1`, (id) => `/api/households/${id}`);
  await first('partyOrg', `/api/party/orgs?area=${NEIGHBOUR}`, (id) => `/api/party/orgs/${id}`);
  await first('wish', `/api/wishes?area=${NEIGHBOUR}&pageSize=1`, (id) => `/api/wishes/${id}`);
  await first('order', `/api/orders?area=${NEIGHBOUR}&pageSize=1`, (id) => `/api/orders/${id}`);
  // A door-knocking campaign over the neighbour community (敲门行动).
  const campaign = await district.post('/api/campaigns', { title: '越界敲门行动', areaCode: NEIGHBOUR, kind: 'door-knock' });
  if (campaign.statusCode !== 201) throw new Error(`fixture campaign: ${campaign.statusCode} ${campaign.body}`);
  fixtures.set('campaign', { id: json<{ id: string }>(campaign).id, areaCode: NEIGHBOUR, readUrl: `/api/campaigns/${json<{ id: string }>(campaign).id}` });
  // An evacuation list over the neighbour community (转移安置), with its first person.
  const evac = await district.post('/api/evacuations', { title: '越界转移名单', areaCode: NEIGHBOUR, colours: ['red', 'orange', 'yellow', 'blue'] });
  if (evac.statusCode !== 201) throw new Error(`fixture evacuation: ${evac.statusCode} ${evac.body}`);
  const evacBody = json<{ id: string; items: { id: string; areaCode: string }[] }>(evac);
  fixtures.set('evacuation', { id: evacBody.id, areaCode: NEIGHBOUR, readUrl: `/api/evacuations/${evacBody.id}` });
  const evacEntry = evacBody.items[0];
  if (evacEntry) fixtures.set('evacuationEntry', { id: evacEntry.id, areaCode: evacEntry.areaCode, readUrl: `/api/evacuation-entries/${evacEntry.id}` });
  await first('place', `/api/places?area=${NEIGHBOUR}&pageSize=1`, (id) => `/api/places/${id}`);
  await first('organisation', `/api/organisations?area=${NEIGHBOUR}&pageSize=1`, (id) => `/api/organisations/${id}`);
  // Lists and projects of the neighbour community: an idea (written straight, since no demo resident lives
  // there), a need compiled by the district's centre and a project made from it.
  const [author] = await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'district'));
  const idea = await insertIdea(t.ctx.db, { areaCode: NEIGHBOUR, quarter: '2026-Q4', title: '越界金点子', content: '邻社区的金点子', authorUserId: author!.id, authorName: '邻居' });
  fixtures.set('idea', { id: idea.id, areaCode: NEIGHBOUR, readUrl: `/api/ideas/${idea.id}` });
  const need = await district.post('/api/needs', { areaCode: NEIGHBOUR, title: '越界需求', content: '邻社区的需求' });
  if (need.statusCode !== 201) throw new Error(`fixture need: ${need.statusCode} ${need.body}`);
  const needId = json<{ id: string }>(need).id;
  fixtures.set('need', { id: needId, areaCode: NEIGHBOUR, readUrl: `/api/needs/${needId}` });
  const neighbour = json<{ items: { id: string }[] }>(await district.get(`/api/people?area=${NEIGHBOUR}&pageSize=1`)).items[0]!;
  const need2 = await district.post('/api/needs', { areaCode: NEIGHBOUR, title: '越界项目的需求', content: '邻社区的需求' });
  const project = await district.post(`/api/needs/${json<{ id: string }>(need2).id}/project`, { supervisors: [neighbour.id] });
  if (project.statusCode !== 201) throw new Error(`fixture project: ${project.statusCode} ${project.body}`);
  const projectId = json<{ id: string }>(project).id;
  fixtures.set('project', { id: projectId, areaCode: NEIGHBOUR, readUrl: `/api/projects/${projectId}` });
  // An activity and a volunteer of the neighbour community (活动与志愿者).
  const districtId = json<{ id: string }>(await district.get('/api/auth/me')).id;
  const hour = 3_600_000;
  const activity = await insertActivity(t.ctx.db, { kind: 'volunteer', title: '越界志愿服务', areaCode: NEIGHBOUR, place: '邻村广场', startsAt: new Date(Date.now() - hour), endsAt: new Date(Date.now() + hour), audience: 'residents', pointsMode: 'none', organiserId: districtId });
  fixtures.set('activity', { id: activity.id, areaCode: NEIGHBOUR, readUrl: `/api/activities/${activity.id}` });
  const volunteer = await upsertVolunteer(t.ctx.db, { userId: districtId, name: '越界志愿者', areaCode: NEIGHBOUR });
  fixtures.set('volunteer', { id: volunteer.id, areaCode: NEIGHBOUR, readUrl: `/api/volunteers/${volunteer.id}` });
  // 红心物业: a compound with a property company, and a company registered in the neighbour community.
  await first('compound', `/api/property/compounds?area=${NEIGHBOUR}`, (id) => `/api/property/compounds/${id}`, (items) => items.find((c) => c.hasProperty));
  await first('propertyCompany', '/api/property/companies', (id) => `/api/property/companies/${id}`, (items) => items.find((c) => String(c.areaCode).startsWith(NEIGHBOUR)));
  await first('servicePoint', `/api/service-points?area=${NEIGHBOUR}&pageSize=1`, (id) => `/api/service-points/${id}`);
  await first('talent', `/api/talents?area=${NEIGHBOUR}&pageSize=1`, () => `/api/talents?area=${NEIGHBOUR}&pageSize=200`);
  await first('cadre', `/api/cadres?area=${NEIGHBOUR}`, () => `/api/cadres?area=${NEIGHBOUR}`);
  await first('cadreTask', `/api/cadre-tasks?area=${NEIGHBOUR}&state=open&pageSize=1`, () => `/api/cadre-tasks?area=${NEIGHBOUR}&pageSize=200`);
  await first('award', `/api/points/awards?pageSize=200`, (id) => `/api/points/awards/${id}`, (items) => items.find((a) => String(a.areaCode).startsWith(NEIGHBOUR)));
  // 准入 tasks and 一表通 returns of the neighbour community (seeded by seed/burden.ts).
  await first('burdenTask', '/api/burden/tasks?admitted=true&state=open&pageSize=200', () => '/api/burden/tasks?pageSize=200', (items) => items.find((x) => String(x.areaCode).startsWith(NEIGHBOUR)));
  await first('burdenReturn', '/api/burden/returns?state=pending&pageSize=200', (id) => `/api/burden/returns/${id}`, (items) => items.find((x) => String(x.areaCode).startsWith(NEIGHBOUR)));
}, 180_000);
afterAll(async () => t?.close());

describe('scope matrix', () => {
  it('has a declaration for every operation of the OpenAPI document, and none for a removed one', () => {
    const missing = ops.filter((op) => !DECLARATIONS[op.key]).map((op) => `  '${op.key}': ${suggestion(op)},`);
    expect(
      missing,
      `Operations the scope matrix cannot classify. Add a line for each to DECLARATIONS in packages/server/test/scope-matrix.declarations.ts (the kinds are explained at the top of that file):\n${missing.join('\n')}\n`,
    ).toEqual([]);
    const known = new Set(ops.map((op) => op.key));
    const stale = Object.keys(DECLARATIONS).filter((k) => !known.has(k));
    expect(stale, 'Declarations for operations that no longer exist: remove them from scope-matrix.declarations.ts').toEqual([]);
  });

  it('refuses other areas, keeps lists on the caller’s branch and changes nothing on a refused write', async () => {
    const problems: string[] = [];
    const describeRes = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 160)}`;
    let probes = 0;
    const call = (c: Caller, method: Op['method'], url: string, body?: unknown) => {
      probes++;
      return c.client.request(method, url, body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
    };
    const checkRows = (c: Caller, key: string, url: string, res: LightMyRequestResponse) => {
      if (res.statusCode >= 500) return problems.push(`${key} as ${c.name}: ${url} → ${describeRes(res)}`);
      if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) return;
      const outside = areaCodesIn(json(res)).filter((code) => !onBranch(code, c.scope));
      if (outside.length) problems.push(`${key} as ${c.name} (scope ${c.scope}): ${url} lists rows of ${[...new Set(outside)].slice(0, 5).join(', ')}`);
    };

    for (const op of ops) {
      const decl: Declaration | undefined = DECLARATIONS[op.key];
      if (!decl) continue;
      const roles = 'roles' in decl ? decl.roles : undefined;
      for (const c of callers) {
        if (roles && !roles.includes(c.name)) {
          // Only some roles may call it at all.
          const url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'code' ? NEIGHBOUR : n === 'day' ? '2026-12-01' : n === 'action' ? 'accept' : '00000000-0000-4000-8000-000000000000'));
          const res = await call(c, op.method, withQuery(url, 'query' in decl ? decl.query : undefined));
          if (!(refused(res.statusCode) || (op.method !== 'GET' && res.statusCode === 400))) problems.push(`${op.key} as ${c.name}: a role not in [${roles.join(', ')}] got ${describeRes(res)}`);
          continue;
        }
        if (decl.kind === 'area') {
          const foreign = decl.level === 'grid' ? c.foreignGrid : c.foreignVillage;
          const url = (code: string) => (decl.param === 'code' ? op.path.replace('{code}', code) : withQuery(op.path, `${decl.param}=${code}`));
          for (const code of [foreign, decl.level === 'grid' ? null : c.foreignTown].filter((x): x is string => !!x)) {
            const u = withQuery(url(code), decl.query);
            const res = await call(c, 'GET', u);
            if (refused(res.statusCode)) continue;
            if (decl.list && res.statusCode === 200) checkRows(c, op.key, u, res);
            else problems.push(`${op.key} as ${c.name} (scope ${c.scope}): ${u} → ${describeRes(res)} (expected 403/404)`);
          }
          if (decl.list && decl.param !== 'code') {
            const u = withQuery(op.path, decl.query);
            checkRows(c, op.key, u, await call(c, 'GET', u));
          }
        } else if (decl.kind === 'list') {
          const u = withQuery(op.path, decl.query);
          checkRows(c, op.key, u, await call(c, 'GET', u));
        } else if (decl.kind === 'object') {
          const f = fixtures.get(decl.fixture);
          if (!f || onBranch(f.areaCode, c.scope)) continue;
          const u = withQuery(op.path.replace(/\{(id|code)\}/, f.id).replace('{action}', decl.action ?? ''), decl.query);
          const before = op.method === 'GET' ? null : (await district.get(f.readUrl)).body;
          const res = await call(c, op.method, u, decl.body);
          if (!refused(res.statusCode) && !(op.method !== 'GET' && res.statusCode === 400)) problems.push(`${op.key} as ${c.name} (scope ${c.scope}) on a ${decl.fixture} of ${f.areaCode}: ${describeRes(res)} (expected 403/404)`);
          if (before !== null) {
            const after = (await district.get(f.readUrl)).body;
            if (after !== before) problems.push(`${op.key} as ${c.name}: a refused write changed the ${decl.fixture} ${f.id}`);
          }
        }
      }
    }
    const missingFixtures = (['case', 'reportedCase', 'person', 'household', 'partyOrg', 'burdenTask', 'burdenReturn', 'servicePoint', 'talent', 'cadre', 'cadreTask'] as Fixture[]).filter((f) => !fixtures.has(f));
    expect(missingFixtures, 'the seed no longer has these objects in the neighbour community').toEqual([]);
    expect(probes).toBeGreaterThan(500);
    expect(problems, `Scope leaks (${problems.length}):\n${problems.join('\n')}\n`).toEqual([]);
  }, 240_000);
});
