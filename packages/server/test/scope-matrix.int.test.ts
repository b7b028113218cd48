import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { insertActivity, insertVolunteerTeam, upsertSignUp, upsertVolunteer } from '../src/repositories/activities.ts';
import { DECLARATIONS, type Declaration, type Fixture } from './scope-matrix.declarations.ts';
import { eq, sql } from 'drizzle-orm';
import { auditLog, users } from '../src/db/schema.ts';
import { insertIdea } from '../src/repositories/projects.ts';
import { insertMembers, insertRegistration } from '../src/repositories/party.ts';
import { insertFollowups, insertVisit } from '../src/repositories/party-work.ts';
import { findUnitByCode } from '../src/repositories/users.ts';
import { recordApprovedAward } from '../src/services/points.ts';

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
/**
 * Accounts that are not probed, only used as controls: `neighbour`, a community worker of the neighbour community;
 * `nbResident`, a resident there with points; `company`, staff of the property company serving a compound there.
 */
const controls = new Map<string, Client>();
let nbUserId = '';
/** `readUrl`: what shows the object, read before and after refused writes by `reader` (default: the district dispatcher). */
const fixtures = new Map<Fixture, { id: string; areaCode: string; readUrl: string; reader?: Client }>();

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

  // A community worker of the neighbour community: the control account of `bodyArea` probes (no demo account works there).
  const admin0 = callers.find((c) => c.name === 'admin')!.client;
  const nbUser = { username: `nb${uniq().slice(-6)}`, password: 'Linshe-Kongzhi#2026' };
  const made = await admin0.post('/api/users', { ...nbUser, displayName: '邻社区工作者', roles: ['community-worker'], scopeCode: NEIGHBOUR });
  if (made.statusCode !== 201) throw new Error(`neighbour worker: ${made.statusCode} ${made.body}`);
  controls.set('neighbour', await t.as(nbUser.username, nbUser.password));
  nbUserId = json<{ id: string }>(made).id;

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
  // The last grid of the neighbour community in wartime (平战转换): its first grid stays free for the
  // control of `POST /api/emergencies` (one event at a time per area, its ancestors and descendants).
  const nbGrids = json<{ items: { code: string }[] }>(await district.get(`/api/areas/${NEIGHBOUR}/children`)).items.map((a) => a.code);
  const wartimeGrid = nbGrids.filter((c) => c !== `${NEIGHBOUR}001`).at(-1);
  if (!wartimeGrid) throw new Error(`fixture emergency: the neighbour community has no second grid (${nbGrids.join(', ')})`);
  const emergency = await district.post('/api/emergencies', { areaCode: wartimeGrid, kind: 'flood', level: 'IV', reason: '越界防汛' });
  if (emergency.statusCode !== 201) throw new Error(`fixture emergency: ${emergency.statusCode} ${emergency.body}`);
  fixtures.set('emergency', { id: json<{ id: string }>(emergency).id, areaCode: wartimeGrid, readUrl: `/api/emergencies/${json<{ id: string }>(emergency).id}` });
  const task = await district.post(`/api/emergencies/${json<{ id: string }>(emergency).id}/tasks`, { title: '越界转移低洼住户' });
  if (task.statusCode !== 201) throw new Error(`fixture emergencyTask: ${task.statusCode} ${task.body}`);
  fixtures.set('emergencyTask', { id: json<{ id: string }>(task).id, areaCode: wartimeGrid, readUrl: `/api/emergencies/${json<{ id: string }>(emergency).id}/tasks` });
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
  const vteam = (await insertVolunteerTeam(t.ctx.db, { areaCode: NEIGHBOUR, name: '邻村夕阳美志愿服务队', kind: 'sunset' }))!;
  fixtures.set('volunteerTeam', { id: vteam.id, areaCode: NEIGHBOUR, readUrl: '/api/volunteer-teams' });
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

  // Objects the seed has nowhere outside the demo community, made here in the neighbour community.
  const nb = controls.get('neighbour')!;
  const made201 = async (what: string, res: LightMyRequestResponse) => {
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
    return json<{ id: string }>(res).id;
  };
  const set = (fixture: Fixture, id: string, readUrl: string) => fixtures.set(fixture, { id, areaCode: NEIGHBOUR, readUrl });
  // 接待日 with a leader of the district (领导接待日), and the leader as a fixture of its own (包片联系).
  const leader = json<{ items: { id: string }[] }>(await district.get('/api/reception-leaders')).items[0]!;
  set('receptionLeader', leader.id, '/api/reception-leaders');
  const day = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  const rd = await made201('receptionDay', await district.post('/api/reception-days', { areaCode: NEIGHBOUR, place: '邻社区接待室', day, startTime: '09:00', endTime: '11:30', leaderUserId: leader.id, leaderTitle: '区委常委' }));
  set('receptionDay', rd, `/api/reception-days/${rd}`);
  const dl = await made201('deliberation', await nb.post('/api/deliberations', { title: '邻社区议题', description: '是否同意修建口袋公园', areaCode: NEIGHBOUR, body: 'consultation', roll: [{ name: '居民1' }, { name: '居民2' }] }));
  set('deliberation', dl, `/api/deliberations/${dl}`);
  // A meeting of it with one agenda item (the item is a fixture of its own for the agenda routes).
  const meetingRes = await nb.post(`/api/deliberations/${dl}/meetings`, { scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), place: '邻社区议事厅', agenda: [{ source: 'text', title: '口袋公园选址' }] });
  const mt = await made201('meeting', meetingRes);
  set('meeting', mt, `/api/deliberation-meetings/${mt}`);
  set('agendaItem', json<{ agenda: { id: string }[] }>(meetingRes).agenda[0]!.id, `/api/deliberation-meetings/${mt}`);
  // The neighbour community's 居民公约 with a draft (the demo may already hold one there: then its draft, or a new one).
  let conv: { id: string; versionId: string };
  const started = await nb.post('/api/conventions', { areaCode: NEIGHBOUR });
  if (started.statusCode === 201) conv = json<{ id: string; versionId: string }>(started);
  else {
    const own = json<{ items: { id: string; areaCode: string; draft: { id: string } | null }[] }>(await nb.get('/api/conventions')).items.find((c) => c.areaCode === NEIGHBOUR)!;
    conv = { id: own.id, versionId: own.draft?.id ?? json<{ versionId: string }>(await nb.post(`/api/conventions/${own.id}/drafts`, {})).versionId };
  }
  set('convention', conv.id, `/api/conventions/${conv.id}`);
  set('conventionVersion', conv.versionId, `/api/conventions/${conv.id}`);
  const sv = await made201('survey', await nb.post('/api/surveys', { title: '邻社区意见征集', purpose: 'opinion', areaCode: NEIGHBOUR, questions: [{ kind: 'text', title: '您的意见' }] }));
  await made201('survey publish', await nb.post(`/api/surveys/${sv}/actions/publish`, {}));
  set('survey', sv, `/api/surveys/${sv}`);
  const mi = await made201('menuItem', await nb.post('/api/service-menu', { area: NEIGHBOUR, name: '邻社区上门理发', category: '生活' }));
  set('menuItem', mi, `/api/service-menu?area=${NEIGHBOUR}`);
  const team = await made201('serviceTeam', await nb.post('/api/service-teams', { area: NEIGHBOUR, name: '邻社区服务队' }));
  await made201('serviceTeam member', await nb.post(`/api/service-teams/${team}/members`, { username: nbUser.username }));
  set('serviceTeam', team, `/api/service-teams?area=${NEIGHBOUR}`);
  const rule = await made201('pointsRule', await nb.post('/api/points/rules', { code: `nb-rule-${uniq().slice(-4)}`, name: '邻社区规则', scheme: 'neighbourhood', points: 10, maxPoints: 5000, areaCode: NEIGHBOUR }));
  set('pointsRule', rule, `/api/points/rules?area=${NEIGHBOUR}&scheme=neighbourhood`);
  // A photo of the neighbour's worker, for the control of an on-site inspection (现场照片).
  set('photo', await nb.uploadPhoto(), '');
  // A staff appointment (网格队伍) of the neighbour community and a party member with a pending registration (双报到).
  const [, second] = json<{ items: { id: string }[] }>(await district.get(`/api/people?area=${NEIGHBOUR}&pageSize=2`)).items;
  const staff = await made201('staff', await callers.find((c) => c.name === 'admin')!.client.post('/api/staff', { personId: second!.id, post: 'info-worker', affiliation: '邻社区快递网点', areaCode: `${NEIGHBOUR}001`, username: `nbs${uniq().slice(-6)}`, password: nbUser.password }));
  set('staff', staff, `/api/staff?area=${NEIGHBOUR}`);
  await insertMembers(t.ctx.db, [{ personId: second!.id, orgId: fixtures.get('partyOrg')!.id, kind: 'direct' }]);
  const member = json<{ items: { id: string; personId?: string }[] }>(await district.get(`/api/party/members?area=${NEIGHBOUR}`)).items[0]!;
  set('partyMember', member.id, `/api/party/members/${member.id}`);
  const registration = await insertRegistration(t.ctx.db, { memberId: member.id, orgId: fixtures.get('partyOrg')!.id, state: 'applied' });
  set('registration', registration.id, `/api/party/members/${member.id}`);

  // Points in the neighbour community: a resident with points (no demo resident lives there), an item of the
  // love supermarket of its community office, the resident's pending redemption of it and the resident's account.
  const nbResident = { username: `nbr${uniq().slice(-6)}`, password: nbUser.password };
  const resident = await admin.post('/api/users', { ...nbResident, displayName: '邻社区居民', roles: ['resident'], scopeCode: NEIGHBOUR });
  if (resident.statusCode !== 201) throw new Error(`fixture pointsResident: ${resident.statusCode} ${resident.body}`);
  const residentId = json<{ id: string }>(resident).id;
  // Its id is the username: an award names its recipient by username.
  set('pointsResident', nbResident.username, '');
  const awarded = await t.ctx.db.transaction((tx) => recordApprovedAward(tx, { username: nbResident.username, scheme: 'neighbourhood', ruleCode: 'community-activity', note: '参加邻社区清洁家园活动', proposedBy: nbUserId, approvedBy: districtId, at: new Date() }));
  if (!awarded) throw new Error('fixture pointsResident: no points awarded');
  const office = await findUnitByCode(t.ctx.db, `office-${NEIGHBOUR}`);
  if (!office) throw new Error('fixture merchantUnit: no office of the neighbour community');
  set('merchantUnit', office.id, '');
  const item = await made201('pointsItem', await nb.post('/api/points/items', { merchantId: office.id, name: '邻社区爱心超市毛巾', scheme: 'neighbourhood', kind: 'goods', price: 1, stock: 10 }));
  set('pointsItem', item, `/api/points/items?merchantId=${office.id}`);
  const residentClient = await t.as(nbResident.username, nbResident.password);
  controls.set('nbResident', residentClient);
  const redemption = await made201('redemption', await residentClient.post('/api/points/redemptions', { itemId: item, quantity: 1 }));
  set('redemption', redemption, `/api/points/redemptions/${redemption}`);
  const accounts = json<{ items: { id: string; kind: string; name: string }[] }>(await district.get(`/api/points/accounts?area=${NEIGHBOUR}&scheme=neighbourhood&kind=person&pageSize=200`)).items;
  const account = accounts.find((a) => a.name === '邻社区居民');
  if (!account) throw new Error('fixture pointsAccount: the neighbour resident has no account');
  set('pointsAccount', account.id, `/api/points/accounts/${account.id}/statement`);

  // A party member's visit to a household of the neighbour community with an open follow-up (走访后续事项).
  const household = fixtures.get('household')!;
  const hh = json<{ areaCode: string }>(await district.get(household.readUrl));
  const visit = await insertVisit(t.ctx.db, { householdId: household.id, areaCode: hh.areaCode, visitorUserId: nbUserId, visitorName: '邻社区工作者', visitedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), duties: ['hardship'], notes: '邻社区走访' });
  const [followup] = await insertFollowups(t.ctx.db, [{ visitId: visit.id, kind: 'wish', title: '邻社区微心愿', description: '想要一台助听器', state: 'open' }]);
  set('followup', followup!.id, `/api/party/visits?area=${NEIGHBOUR}`);

  // A sign-up of the neighbour resident to the neighbour activity (考勤名单), read by its organiser.
  const signUp = await upsertSignUp(t.ctx.db, { activityId: activity.id, userId: residentId, personId: null, name: '邻社区居民' });
  // The list is the organiser's: the neighbour's worker reads it (the district dispatcher may not manage the activity).
  fixtures.set('attendance', { id: signUp.id, areaCode: NEIGHBOUR, readUrl: `/api/activities/${activity.id}/attendance`, reader: nb });

  // The compounds of the neighbour community's first grid the formation check proposes a branch for: one of its own, or
  // the first group of a joint branch (the community's buildings, 79, are too many for one request).
  const check = json<{ compounds: { code: string; expected: string; ownBranch: unknown }[]; proposal: { joint: string[][] } }>(await district.get(`/api/party/formation-check?area=${NEIGHBOUR}001`));
  const own = check.compounds.find((c) => c.expected === 'own' && !c.ownBranch);
  const group = own ? [own.code] : check.proposal.joint[0];
  if (group) set('formationCompounds', group.join(','), '');

  // 红心物业 fee bills: a staff account of the company serving the neighbour compound (the control: only a company's
  // own staff bill), a household of the compound and a bill of it.
  const compound = fixtures.get('compound')!;
  const cpd = json<{ areaCode: string; contracts: { id: string; unitId: string }[]; committee: { id: string } | null }>(await district.get(compound.readUrl));
  const company = cpd.contracts[0]?.unitId;
  fixtures.set('contract', { id: cpd.contracts[0]!.id, areaCode: cpd.areaCode, readUrl: compound.readUrl });
  if (cpd.committee) fixtures.set('committee', { id: cpd.committee.id, areaCode: cpd.areaCode, readUrl: compound.readUrl });
  if (!company) throw new Error(`fixture bill: the compound ${compound.id} has no contract`);
  const staffUser = { username: `nbp${uniq().slice(-6)}`, password: nbUser.password };
  const pm = await admin.post('/api/users', { ...staffUser, displayName: '邻社区物业收费员', roles: ['property-manager'], scopeCode: NEIGHBOUR, unitId: company });
  if (pm.statusCode !== 201) throw new Error(`fixture company: ${pm.statusCode} ${pm.body}`);
  controls.set('company', await t.as(staffUser.username, staffUser.password));
  const served = json<{ items: { id: string; areaCode: string }[] }>(await district.get(`/api/areas/${cpd.areaCode}/households?pageSize=1`)).items[0];
  if (!served) throw new Error(`fixture billHousehold: no household in ${cpd.areaCode}`);
  fixtures.set('billHousehold', { id: served.id, areaCode: served.areaCode, readUrl: `/api/households/${served.id}` });
  const bill = await made201('bill', await controls.get('company')!.post('/api/property/bills', { householdId: served.id, period: '2020-01', amount: 120 }));
  fixtures.set('bill', { id: bill, areaCode: served.areaCode, readUrl: '/api/property/bills?period=2020-01' });
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

    const id = (f: Fixture) => {
      const fx = fixtures.get(f);
      if (!fx) throw new Error(`no ${f} fixture in the neighbour community`);
      return fx.id;
    };
    /** Audit rows of successful writes: every write is audited in its own transaction, so a refused probe adds none. */
    const writes = async () => (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.outcome, 'ok')))[0]!.n;
    /** Writes with the area in the body: refused outside the scope (and for other roles), nothing written; a control succeeds. */
    const probeBodyArea = async (op: Op, decl: Extract<Declaration, { kind: 'bodyArea' }>) => {
      const neighbourArea = decl.level === 'grid' ? `${NEIGHBOUR}001` : NEIGHBOUR;
      const path = decl.pathFixture ? op.path.replace('{id}', id(decl.pathFixture)) : op.path;
      const probes: { c: Caller; area: string; allowed: boolean }[] = [];
      for (const c of callers) {
        const allowed = !decl.roles || decl.roles.includes(c.name);
        let area: string | null;
        if (!allowed) area = neighbourArea;
        else if (decl.via) area = onBranch(fixtures.get(decl.via)?.areaCode ?? NEIGHBOUR, c.scope) ? null : neighbourArea;
        else area = decl.level === 'grid' ? c.foreignGrid : c.foreignVillage;
        if (area) probes.push({ c, area, allowed });
      }
      // What the district dispatcher sees of each area named, read once before and once after all the probes.
      const urls = decl.check ? [...new Set(probes.map((p) => decl.check!({ area: p.area, id })))] : [];
      const seen = new Map<string, string>();
      for (const u of urls) seen.set(u, (await district.get(u)).body);
      const written = await writes();
      for (const { c, area, allowed } of probes) {
        const res = await call(c, op.method, path, decl.body({ area, id }));
        if (!refused(res.statusCode)) problems.push(`${op.key} as ${c.name} (scope ${c.scope}) naming ${area} in the body: ${describeRes(res)} (expected 403/404${allowed ? '' : `: not in [${decl.roles!.join(', ')}]`})`);
      }
      if ((await writes()) !== written) problems.push(`${op.key}: refused writes left ${(await writes()) - written} audited write(s)`);
      for (const u of urls) if ((await district.get(u)).body !== seen.get(u)) problems.push(`${op.key}: a refused write changed ${u}`);
      // The control: the same body for the neighbour community, sent by an account of it, succeeds and shows.
      const controlName = decl.control ?? 'neighbour';
      const control: Caller = callers.find((c) => c.name === controlName) ?? { name: controlName, client: controls.get(controlName)!, scope: NEIGHBOUR, foreignVillage: null, foreignGrid: null, foreignTown: null };
      const checkUrl = decl.check?.({ area: neighbourArea, id });
      const before = checkUrl ? (await district.get(checkUrl)).body : String(await writes());
      const res = await call(control, op.method, path, decl.body({ area: neighbourArea, id }));
      // A background job the control started finishes before the next probe (and before the database closes).
      for (let i = 0; decl.settle && res.statusCode < 300 && i < 300; i++) {
        const job = json<{ state?: string }>(await control.client.get(decl.settle(json(res))));
        if (job.state !== 'queued' && job.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (res.statusCode >= 300) problems.push(`${op.key}: the control (${control.name}, naming ${neighbourArea}) got ${describeRes(res)}: the body is not valid, so the refusals prove nothing`);
      else if (!decl.preview && (checkUrl ? (await district.get(checkUrl)).body : String(await writes())) === before) problems.push(`${op.key}: the control’s write did not show in ${checkUrl ?? 'the audit log'}: the check cannot see a leak`);
    };

    for (const op of ops) {
      const decl: Declaration | undefined = DECLARATIONS[op.key];
      if (!decl) continue;
      const roles = 'roles' in decl ? decl.roles : undefined;
      if (decl.kind === 'bodyArea') {
        await probeBodyArea(op, decl);
        continue;
      }
      let unchanged: { fixture: Fixture; readUrl: string; reader: Client; id: string; body: string; by: string[] } | null = null;
      for (const c of callers) {
        if (roles && !roles.includes(c.name)) {
          // Only some roles may call it at all.
          const url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'code' ? NEIGHBOUR : n === 'day' ? '2026-12-01' : n === 'year' ? '2026' : n === 'action' ? 'accept' : '00000000-0000-4000-8000-000000000000'));
          const res = await call(c, op.method, withQuery(url, 'query' in decl ? decl.query : undefined));
          if (!(refused(res.statusCode) || (op.method !== 'GET' && res.statusCode === 400))) problems.push(`${op.key} as ${c.name}: a role not in [${roles.join(', ')}] got ${describeRes(res)}`);
          continue;
        }
        if (decl.kind === 'area') {
          const foreign = decl.level === 'grid' ? c.foreignGrid : c.foreignVillage;
          let path = op.path;
          for (const [name, value] of Object.entries(decl.params ?? {})) path = path.replace(`{${name}}`, value);
          const url = (code: string) => (path.includes(`{${decl.param}}`) ? path.replace(`{${decl.param}}`, code) : withQuery(path, `${decl.param}=${code}`));
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
          let path = op.path.replace(/\{(id|code)\}/, f.id).replace('{action}', decl.action ?? '').replace('{userId}', nbUserId);
          for (const [name, sub] of Object.entries(decl.params ?? {})) path = path.replace(`{${name}}`, id(sub));
          const u = withQuery(path, decl.query);
          // A write: the object (the last one the path names) is read once before the first refused write and once after the last (below).
          const readFixture = Object.values(decl.params ?? {}).at(-1) ?? decl.fixture;
          const read = fixtures.get(readFixture)!;
          if (op.method !== 'GET' && !unchanged) unchanged = { fixture: readFixture, readUrl: read.readUrl, reader: read.reader ?? district, id: read.id, body: (await (read.reader ?? district).get(read.readUrl)).body, by: [] };
          const res = await call(c, op.method, u, decl.body);
          if (!refused(res.statusCode) && !(op.method !== 'GET' && res.statusCode === 400)) problems.push(`${op.key} as ${c.name} (scope ${c.scope}) on a ${decl.fixture} of ${f.areaCode}: ${describeRes(res)} (expected 403/404)`);
          unchanged?.by.push(c.name);
        }
      }
      if (unchanged && (await unchanged.reader.get(unchanged.readUrl)).body !== unchanged.body) problems.push(`${op.key} as one of ${unchanged.by.join(', ')}: a refused write changed the ${unchanged.fixture} ${unchanged.id}`);
    }
    // A refused write is seen only if the object's read shows it: every read URL answers its reader.
    const unreadable: string[] = [];
    for (const [name, f] of fixtures) {
      if (!f.readUrl) continue;
      const res = await (f.reader ?? district).get(f.readUrl);
      if (res.statusCode !== 200) unreadable.push(`${name}: ${f.readUrl} → ${res.statusCode}`);
    }
    expect(unreadable, 'fixtures whose read URL does not answer its reader (a refused write could change them unseen)').toEqual([]);
    const missingFixtures = (['case', 'reportedCase', 'person', 'household', 'partyOrg', 'burdenTask', 'burdenReturn', 'servicePoint', 'talent', 'cadre', 'cadreTask', 'compound', 'receptionDay', 'deliberation', 'menuItem', 'serviceTeam', 'pointsRule', 'staff', 'partyMember', 'registration'] as Fixture[]).filter((f) => !fixtures.has(f));
    expect(missingFixtures, 'the seed no longer has these objects in the neighbour community').toEqual([]);
    expect(probes).toBeGreaterThan(500);
    expect(problems, `Scope leaks (${problems.length}):\n${problems.join('\n')}\n`).toEqual([]);
  }, 240_000);
});
