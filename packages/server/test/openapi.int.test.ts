import SwaggerParser from '@apidevtools/swagger-parser';
import {
  AreaDetail,
  BallotCast,
  Campaign,
  CampaignProgress,
  CampaignVisit,
  CaseSuggestions,
  Catalogue,
  CaseDetail,
  CONTRACT_OPERATIONS,
  CreatedCase,
  DeliberationClosed,
  DeliberationCreated,
  LoginResult,
  Me,
  Open311Created,
  Open311Discovery,
  Open311Requests,
  Open311ServiceDefinition,
  Open311Services,
  Open311Tokens,
  PointsAward,
  PointsItems,
  PointsMe,
  PointsRedemption,
  PointsRules,
  PeopleImportResult,
  Units,
  WishCreated,
  WishDetail,
  WishList,
} from '@gongzhi/domain/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';

// The OpenAPI document and the declared responses (docs/API.md). Every integration file checks the answers it produces
// against the declared schemas (test/responses.ts); this file checks the document itself, reports how many operations
// declare their responses, and walks the public contract's case calls so they are checked even when it runs alone.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Operation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
  'x-public-contract'?: boolean;
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([m]) => METHODS.has(m)).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })));
/** Whether the answer with that status declares its body: a JSON schema, or (a file such as an .xlsx template) its media type's. */
const declaresBody = (op: Operation, status: string) => Object.values(op.responses?.[status]?.content ?? {}).some((c) => !!c.schema);
/** A success answer with its schema, or a declared 204 (no body). */
const declares = (op: Operation) => Object.keys(op.responses ?? {}).some((status) => /^2/.test(status) && (status === '204' || declaresBody(op, status)));
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Operations that must declare their responses (the slice done so far; docs/API.md "Coverage"). */
const DECLARED = [
  'GET /api/health',
  'GET /api/config',
  'POST /api/cases',
  'GET /api/cases',
  'GET /api/cases/{id}',
  'GET /api/cases/{id}/similar',
  'GET /api/cases/{id}/group',
  'POST /api/cases/{id}/group/merge',
  'POST /api/cases/{id}/actions/{action}',
  'GET /api/track/{code}',
  'POST /api/track/{code}/rate',
  'POST /api/track/{code}/withdraw',
  'GET /api/notifications',
  'POST /api/notifications/read',
  'GET /api/stats/cases',
  'POST /api/auth/login',
  'GET /api/auth/challenge',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/areas/{code}',
  'GET /api/areas/{code}/children',
  'GET /api/areas/{code}/map',
  'GET /api/areas/{code}/outlines',
  'POST /api/areas/{code}/outlines',
  'GET /api/areas/{code}/households',
  'GET /api/areas',
  'POST /api/areas',
  'PATCH /api/areas/{code}',
  'GET /api/catalog',
  'PATCH /api/catalog/{code}',
  'GET /api/units',
  'GET /api/points/me',
  'GET /api/points/rules',
  'POST /api/points/awards',
  'POST /api/points/awards/{id}/approve',
  'GET /api/points/items',
  'POST /api/points/redemptions',
  'POST /api/wishes',
  'GET /api/wishes',
  'GET /api/wishes/wall',
  'GET /api/wishes/{id}',
  'POST /api/wishes/{id}/actions/{action}',
  'GET /api/imports/people/template.xlsx',
  'POST /api/imports/people',
  'POST /api/imports/people/report.xlsx',
  'GET /api/imports/people/export.xlsx',
  'GET /api/imports/hotline/template.xlsx',
  'POST /api/imports/hotline',
  'POST /api/imports/hotline/report.xlsx',
  'POST /api/cases/suggest',
  'POST /api/deliberations',
  'GET /api/deliberations',
  'GET /api/deliberations/{id}',
  'GET /api/deliberations/roll-candidates',
  'POST /api/deliberations/{id}/ballots',
  'POST /api/deliberations/{id}/actions/close',
  'POST /api/campaigns',
  'GET /api/campaigns',
  'GET /api/campaigns/{id}',
  'GET /api/campaigns/{id}/worklist',
  'POST /api/campaigns/{id}/visits',
  'GET /api/campaigns/{id}/progress',
  'POST /api/campaigns/{id}/rounds',
  'POST /api/campaigns/{id}/close',
  'PATCH /api/households/{id}/risk',
  'GET /api/households/{id}/risk-history',
  'GET /api/areas/{code}/risk-counts',
  'POST /api/activities',
  'GET /api/activities',
  'GET /api/activities/{id}',
  'POST /api/activities/{id}/cancel',
  'POST /api/activities/{id}/sign-up',
  'POST /api/activities/{id}/cancel-sign-up',
  'GET /api/activities/{id}/code',
  'POST /api/activities/{id}/check-in',
  'POST /api/activities/{id}/check-out',
  'GET /api/activities/{id}/attendance',
  'POST /api/activities/{id}/attendance/{attendanceId}/mark',
  'POST /api/activities/{id}/confirm',
  'GET /api/volunteer-teams',
  'POST /api/volunteer-teams',
  'PATCH /api/volunteer-teams/{id}',
  'GET /api/volunteers/me',
  'PUT /api/volunteers/me',
  'POST /api/volunteers/me/certificate',
  'GET /api/volunteers',
  'GET /api/volunteers/{id}',
  'PATCH /api/volunteers/{id}',
  'GET /api/volunteer-certificates/{code}',
  'GET /api/burden/meta',
  'GET /api/burden/lists',
  'POST /api/burden/lists',
  'PATCH /api/burden/lists/{id}',
  'POST /api/burden/check',
  'GET /api/burden/requests',
  'POST /api/burden/requests',
  'GET /api/burden/requests/{id}',
  'POST /api/burden/requests/{id}/transition',
  'GET /api/burden/tasks',
  'POST /api/burden/tasks/{id}/done',
  'POST /api/burden/flags',
  'GET /api/burden/forms',
  'POST /api/burden/forms',
  'GET /api/burden/forms/{id}',
  'GET /api/burden/forms/{id}/export',
  'GET /api/burden/returns',
  'GET /api/burden/returns/{id}',
  'POST /api/burden/returns/{id}/submit',
  'GET /api/burden/figures',
  'POST /api/ideas',
  'GET /api/ideas',
  'GET /api/ideas/{id}',
  'POST /api/ideas/{id}/support',
  'POST /api/ideas/{id}/decide',
  'POST /api/offers',
  'GET /api/offers',
  'POST /api/needs',
  'GET /api/needs',
  'GET /api/needs/{id}',
  'POST /api/needs/{id}/project',
  'GET /api/projects/wall',
  'GET /api/projects',
  'GET /api/projects/{id}',
  'POST /api/projects/{id}/claim',
  'POST /api/projects/{id}/milestones',
  'POST /api/projects/{id}/sign-off',
  'POST /api/projects/{id}/close',
  'GET /api/service-points',
  'GET /api/service-points/nearby',
  'GET /api/service-points/{id}',
  'POST /api/service-points',
  'PATCH /api/service-points/{id}',
  'GET /api/talents',
  'POST /api/talents',
  'PATCH /api/talents/{id}',
  'PUT /api/talents/{id}/consent',
  'POST /api/talents/{id}/reveal',
  'GET /api/cadres',
  'GET /api/cadres/attendance',
  'GET /api/cadres/me',
  'POST /api/cadres/me/checkins',
  'PATCH /api/cadres/{id}',
  'GET /api/cadre-tasks',
  'POST /api/cadre-tasks',
  'POST /api/cadre-tasks/{id}/complete',
  'POST /api/cadre-tasks/{id}/cancel',
  'GET /api/party/orgs',
  'GET /api/party/orgs/{id}',
  'GET /api/party/members',
  'GET /api/party/me',
  'GET /api/party/me/targets',
  'POST /api/party/registrations',
  'GET /api/party/posts',
  'POST /api/party/posts',
  'PUT /api/party/members/{id}/post',
  'GET /api/party/formation-check',
  'POST /api/party/orgs',
  'PATCH /api/party/orgs/{id}',
  'DELETE /api/party/orgs/{id}',
  'PUT /api/party/members/{id}/central-household',
  'POST /api/party/formation-check/branches',
  'POST /api/party/registrations/{id}/accept',
  'POST /api/party/registrations/{id}/reject',
  'GET /api/party/links',
  'POST /api/party/links/propose',
  'PUT /api/party/links/{id}',
  'GET /api/party/my/households',
  'POST /api/party/visits',
  'GET /api/party/visits',
  'POST /api/party/followups/{id}/convert',
  'GET /api/party/coverage',
  'POST /api/party/patrols',
  'GET /api/party/patrols/today',
  'GET /api/party/diary',
  'GET /api/party/members/{id}',
  'POST /api/party/members/{id}/transfer',
  'POST /api/party/members/{id}/post-reports',
  'GET /api/staff',
  'POST /api/staff',
  'POST /api/staff/{id}/end',
  'POST /api/chain/verify',
  'GET /api/chain/heads/{day}',
  'POST /api/chain/heads/verify',
  'GET /api/cases/{id}/assessments',
  'PUT /api/cases/{id}/assessments/{unitId}',
  'POST /api/cases/{id}/5321',
  'GET /api/cases/{id}/meetings',
  'POST /api/cases/{id}/meetings',
  'GET /api/calendar/{year}',
  'PUT /api/calendar/overrides/{date}',
  'DELETE /api/calendar/overrides/{date}',
  'GET /api/office-hours',
  'PUT /api/office-hours/{id}',
  'DELETE /api/office-hours/{id}',
  'GET /api/property/companies',
  'GET /api/property/companies/{id}',
  'GET /api/property/companies/{id}/collection',
  'GET /api/property/compounds',
  'GET /api/property/compounds/{id}',
  'GET /api/property/compounds/{id}/owners-roll',
  'GET /api/property/compounds/{id}/households',
  'PUT /api/property/compounds/{id}/coverage',
  'POST /api/property/contracts',
  'PATCH /api/property/contracts/{id}',
  'POST /api/property/committees',
  'PATCH /api/property/committees/{id}',
  'POST /api/property/joint-meetings',
  'GET /api/property/inspection-checklist',
  'POST /api/property/inspections',
  'POST /api/property/evaluations',
  'POST /api/property/sanctions',
  'GET /api/property/gradings',
  'POST /api/property/gradings/propose',
  'POST /api/property/gradings/{id}/confirm',
  'GET /api/property/lists',
  'GET /api/property/bills',
  'GET /api/property/bills/{id}/redemptions',
  'POST /api/property/bills',
  'POST /api/property/bills/{id}/payments',
  'POST /api/property/bills/{id}/offsets',
  'GET /api/people',
  'GET /api/people/{id}',
  'GET /api/people/{id}/profile',
  'POST /api/people/{id}/reveal',
  'POST /api/people',
  'PATCH /api/people/{id}',
  'GET /api/households/{id}',
  'POST /api/households',
  'PATCH /api/households/{id}',
  'POST /api/households/{id}/events',
  'GET /api/registry/dictionaries',
  'GET /api/places',
  'GET /api/places/{id}',
  'POST /api/places',
  'PATCH /api/places/{id}',
  'DELETE /api/places/{id}',
  'GET /api/organisations',
  'GET /api/organisations/{id}',
  'POST /api/organisations',
  'PATCH /api/organisations/{id}',
  'DELETE /api/organisations/{id}',
  'PUT /api/organisations/{id}/whitelist',
  'GET /api/users',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'POST /api/users/{id}/unlock',
  'POST /api/users/{id}/password',
  'POST /api/users/{id}/sessions/end',
  'GET /api/audit',
  'GET /api/open311/keys',
  'POST /api/open311/keys',
  'POST /api/open311/keys/{id}/revoke',
  'GET /api/reception-days',
  'GET /api/reception-days/published',
  'POST /api/reception-days',
  'GET /api/reception-days/{id}',
  'PATCH /api/reception-days/{id}',
  'DELETE /api/reception-days/{id}',
  'POST /api/reception-days/{id}/cases',
  'GET /api/reception-leaders',
  'PUT /api/reception-leaders/{id}/attachments',
  'GET /api/lead-cases',
  'GET /api/points/schemes',
  'GET /api/points/me/code',
  'GET /api/points/statement',
  'POST /api/points/rules',
  'PATCH /api/points/rules/{id}',
  'GET /api/points/factors',
  'PUT /api/points/factors/{code}',
  'GET /api/points/awards',
  'GET /api/points/awards/{id}',
  'POST /api/points/awards/{id}/reject',
  'POST /api/points/awards/{id}/reverse',
  'POST /api/points/items',
  'PATCH /api/points/items/{id}',
  'POST /api/points/items/{id}/restock',
  'GET /api/points/redemptions',
  'GET /api/points/redemptions/{id}',
  'POST /api/points/redemptions/{id}/confirm',
  'POST /api/points/redemptions/{id}/cancel',
  'GET /api/points/leaderboard',
  'GET /api/points/accounts',
  'GET /api/points/accounts/{id}/statement',
  'GET /api/points/audit',
  'GET /api/service-menu',
  'POST /api/service-menu',
  'PATCH /api/service-menu/{id}',
  'GET /api/service-teams',
  'GET /api/service-teams/servers',
  'POST /api/service-teams',
  'POST /api/service-teams/{id}/members',
  'DELETE /api/service-teams/{id}/members/{userId}',
  'POST /api/orders',
  'GET /api/orders',
  'GET /api/orders/{id}',
  'POST /api/orders/{id}/actions/{action}',
  'GET /api/exports/units.xlsx',
  'GET /api/exports/areas.xlsx',
  'GET /api/exports/categories.xlsx',
  'GET /api/exports/cases.xlsx',
  'GET /api/exports/people.xlsx',
  'POST /api/exports/people/jobs',
  'POST /api/exports/cases/jobs',
  'GET /api/exports/jobs/{id}',
  'GET /api/exports/jobs/{id}/file',
  'GET /api/exports/households.xlsx',
  'GET /api/exports/points-leaderboard.xlsx',
  'GET /api/exports/audit.xlsx',
  'GET /api/bulletins/{areaCode}/{file}',
  'POST /api/areas/{code}/actions/split',
  'POST /api/areas/actions/merge',
  'GET /api/emergencies',
  'POST /api/emergencies',
  'GET /api/emergencies/active',
  'GET /api/emergencies/{id}',
  'POST /api/emergencies/{id}/actions/end',
  'POST /api/emergencies/{id}/units',
  'POST /api/emergencies/{id}/check-ins',
  'GET /api/emergencies/{id}/tasks',
  'POST /api/emergencies/{id}/tasks',
  'POST /api/emergency-tasks/{id}/ack',
  'GET /api/emergencies/{id}/forces',
  'GET /api/emergencies/{id}/record',
  'GET /api/emergencies/{id}/record.docx',
  'GET /api/emergencies/{id}/record.xlsx',
  'GET /api/risk/map',
  'GET /api/risk/people',
  'GET /api/evacuations',
  'POST /api/evacuations',
  'GET /api/evacuations/{id}',
  'POST /api/evacuations/{id}/entries',
  'POST /api/evacuations/{id}/assign',
  'POST /api/evacuations/{id}/close',
  'GET /api/evacuations/{id}/export.xlsx',
  'GET /api/evacuation-entries/mine',
  'GET /api/evacuation-entries/{id}',
  'POST /api/evacuation-entries/{id}/actions/{action}',
  'GET /api/todo',
  'GET /api/stats/cases/breakdown',
  'GET /api/cockpit/summary',
  'GET /api/cockpit/map',
  'GET /api/cockpit/overdue',
  'GET /api/cockpit/hotspots',
  'GET /api/cockpit/staffing',
  'GET /api/cockpit/vitality',
  'GET /api/cockpit/rectification',
  'POST /api/files/upload-token',
  'POST /api/files',
  'GET /api/files/{id}',
  'GET /api/wall',
  'GET /api/public/areas/{code}',
  'GET /api/qr/{code}',
  ...CONTRACT_OPERATIONS.filter((key) => key.includes(' /open311/')),
];

/** The example of an operation's answer with that status, as the document shows it. */
const exampleOf = (op: Operation | undefined, status: string) => (op?.responses?.[status]?.content?.['application/json']?.schema as { example?: unknown } | undefined)?.example;

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const doc = json<Doc>(await t.anonymous().get('/api/openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('carries the declared responses, with the error shape and examples, and reports the coverage', async () => {
    const doc = json<Doc>(await t.anonymous().get('/api/openapi.json'));
    const ops = operations(doc);
    const byKey = new Map(ops.map((o) => [o.key, o.op]));
    for (const key of DECLARED) {
      const op = byKey.get(key);
      expect(op, key).toBeDefined();
      expect(declares(op!), `${key} declares its success response`).toBe(true);
      const errors = op!.responses?.['4XX']?.content;
      if (key.includes(' /open311/')) {
        // GeoReport's errors: its list of {code, description}, in the operation's own format.
        if (key.endsWith('.xml')) expect(Object.keys(errors ?? {}), `${key} declares its XML errors`).toEqual(['text/xml']);
        else expect((errors?.['application/json']?.schema as { $ref?: string } | undefined)?.$ref, `${key} declares GeoReport's errors`).toBe('#/components/schemas/Open311Errors');
        continue;
      }
      const error = errors?.['application/json']?.schema as { $ref?: string } | undefined;
      expect(error?.$ref, `${key} declares the error shape`).toBe('#/components/schemas/Error');
    }
    const detail = byKey.get('GET /api/cases/{id}')!.responses!['200']!.content!['application/json']!.schema as { example?: { state?: string } };
    expect(detail.example?.state).toBe('dispatched');
    // The examples are answers the schemas accept.
    expect(CaseDetail.safeParse(detail.example).error).toBeUndefined();
    const created = byKey.get('POST /api/cases')!.responses!['201']!.content!['application/json']!.schema as { example?: unknown };
    expect(CreatedCase.safeParse(created.example).error).toBeUndefined();
    // The contract's examples are answers the schemas accept.
    const examples: [string, string, { safeParse: (v: unknown) => { error?: unknown } }][] = [
      ['POST /api/auth/login', '200', LoginResult],
      ['GET /api/auth/me', '200', Me],
      ['GET /api/areas/{code}', '200', AreaDetail],
      ['POST /api/areas', '201', AreaDetail],
      ['PATCH /api/areas/{code}', '200', AreaDetail],
      ['GET /api/catalog', '200', Catalogue],
      ['GET /api/units', '200', Units],
      ['GET /api/points/me', '200', PointsMe],
      ['GET /api/points/rules', '200', PointsRules],
      ['POST /api/points/awards', '201', PointsAward],
      ['POST /api/points/awards/{id}/approve', '200', PointsAward],
      ['GET /api/points/items', '200', PointsItems],
      ['POST /api/points/redemptions', '201', PointsRedemption],
      ['POST /api/wishes', '201', WishCreated],
      ['GET /api/wishes', '200', WishList],
      ['GET /api/wishes/{id}', '200', WishDetail],
      ['POST /api/wishes/{id}/actions/{action}', '200', WishDetail],
      ['POST /api/imports/people', '200', PeopleImportResult],
      ['POST /api/cases/suggest', '200', CaseSuggestions],
      ['POST /api/deliberations', '201', DeliberationCreated],
      ['POST /api/deliberations/{id}/ballots', '201', BallotCast],
      ['POST /api/deliberations/{id}/actions/close', '200', DeliberationClosed],
      ['POST /api/campaigns', '201', Campaign],
      ['POST /api/campaigns/{id}/visits', '201', CampaignVisit],
      ['GET /api/campaigns/{id}/progress', '200', CampaignProgress],
      ['GET /open311/v2/discovery.json', '200', Open311Discovery],
      ['GET /open311/v2/services.json', '200', Open311Services],
      ['GET /open311/v2/services/{service_code}.json', '200', Open311ServiceDefinition],
      ['GET /open311/v2/requests.json', '200', Open311Requests],
      ['POST /open311/v2/requests.json', '201', Open311Created],
      ['GET /open311/v2/requests/{service_request_id}.json', '200', Open311Requests],
      ['GET /open311/v2/tokens/{token}.json', '200', Open311Tokens],
    ];
    for (const [key, status, schema] of examples) {
      const example = exampleOf(byKey.get(key), status);
      expect(example, `${key} carries the contract's example`).toBeDefined();
      expect(schema.safeParse(example).error, `${key}: the example matches the schema`).toBeUndefined();
    }
    const declared = ops.filter((o) => declares(o.op)).length;
    // The figure docs/API.md quotes; it only grows (raise the floor with it).
    console.info(`response schemas: ${declared} of ${ops.length} operations (${ops.length - declared} without)`);
    expect(declared).toBeGreaterThanOrEqual(DECLARED.length);
  });
});

describe("the public contract's operations", () => {
  it('are all in the document, marked, and each declares its answer: a 200/201 schema, or a 204', async () => {
    const doc = json<Doc>(await t.anonymous().get('/api/openapi.json'));
    const ops = operations(doc);
    const byKey = new Map(ops.map((o) => [o.key, o.op]));
    const unmarked: string[] = [];
    const undeclared: string[] = [];
    for (const key of CONTRACT_OPERATIONS) {
      const op = byKey.get(key);
      expect(op, `${key} is in the document`).toBeDefined();
      if (op!['x-public-contract'] !== true || !op!.summary?.endsWith('（公开契约）')) unmarked.push(key);
      // A 200/201 with its schema (JSON, or the template's .xlsx), or the declared 204 of an answer without a body (logout).
      const success = ['200', '201'].some((s) => declaresBody(op!, s)) || !!op!.responses?.['204'];
      if (!success) undeclared.push(key);
    }
    expect(unmarked).toEqual([]);
    expect(undeclared).toEqual([]);
    // The template is a file: the document says which.
    expect(Object.keys(byKey.get('GET /api/imports/people/template.xlsx')!.responses!['200']!.content!)).toEqual([XLSX_MIME]);
    // Nothing else is marked as the contract's.
    const marked = ops.filter((o) => o.op['x-public-contract']).map((o) => o.key);
    expect(marked.sort()).toEqual([...CONTRACT_OPERATIONS].sort());
    console.info(`contract operations: ${CONTRACT_OPERATIONS.length - undeclared.length} of ${CONTRACT_OPERATIONS.length} declare their answers`);
  });

  it('walks the contract calls of auth, areas and the catalogue, each answer checked against its schema', async () => {
    const login = await t.anonymous().post('/api/auth/login', { username: 'community', password: 'Gongzhi@2026' });
    expect(login.statusCode).toBe(200);
    const community = await t.as('community');
    expect((await community.get('/api/auth/me')).statusCode).toBe(200);
    expect((await community.get('/api/areas/320614103001')).statusCode).toBe(200);
    expect((await community.get('/api/areas/320614103001/children')).statusCode).toBe(200);
    expect((await community.get('/api/areas/320614103001001/households?pageSize=5')).statusCode).toBe(200);
    expect((await community.get('/api/areas/320614')).statusCode).toBe(404);
    expect((await community.get('/api/catalog')).statusCode).toBe(200);
    expect((await community.get('/api/units?type=department')).statusCode).toBe(200);
    // The template answers its file, declared by media type; a suggestion without an account has no similar cases.
    const template = await community.get('/api/imports/people/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain(XLSX_MIME);
    const suggested = await t.anonymous().post('/api/cases/suggest', { title: '路灯不亮', description: '状元街3幢门口的路灯晚上不亮。', areaCode: '320614103001001' });
    expect(suggested.statusCode).toBe(200);
    expect(json<{ similar: unknown[] }>(suggested).similar).toEqual([]);
    expect(t.responses.mismatches).toEqual([]);
  });
});

describe('declared responses on the wire', () => {
  it('serialises through the schema: an error in the one shape, a case without fields the schema does not name', async () => {
    const community = await t.as('community');
    const missing = await community.get('/api/cases/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(Object.keys(json(missing))).toEqual(['error']);

    const created = await t.anonymous().post('/api/cases', {
      title: `路灯不亮 ${uniq()}`,
      description: '状元街3幢门口的路灯连续三天晚上不亮。',
      categoryCode: 'G0101',
      channel: 'qr',
      areaCode: '320614103001001',
    });
    expect(created.statusCode).toBe(201);
    const id = json<{ id: string; queryCode?: string; code: string }>(created).id;
    const detail = await community.get(`/api/cases/${id}`);
    expect(detail.statusCode).toBe(200);
    const list = await community.get('/api/cases?pageSize=5');
    expect(json<{ items: unknown[] }>(list).items.length).toBeGreaterThan(0);
    expect((await community.post(`/api/cases/${id}/actions/accept`, {})).statusCode).toBe(200);
    expect((await community.get(`/api/cases/${id}/similar`)).statusCode).toBe(200);
    expect((await community.get(`/api/cases/${id}/group`)).statusCode).toBe(200);
    expect((await community.get('/api/notifications')).statusCode).toBe(200);
    // Every answer above was checked against its schema as it went out.
    expect(t.responses.checked).toBeGreaterThanOrEqual(7);
    expect(t.responses.mismatches).toEqual([]);
  });
});
