/**
 * How each API operation is bounded by the caller's scope — the declaration table of scope-matrix.int.test.ts.
 *
 * EVERY operation of /api/openapi.json has one line here, keyed `METHOD /path` exactly as the OpenAPI document
 * writes it. A new route without a line fails the matrix with the line to add. Pick the narrowest kind that is
 * true; the matrix then probes it for every demo role:
 *
 * - `public`   the same answer for everyone (or anonymous); nothing in it belongs to an area. Give `why`.
 * - `own`      answers only the caller's own rows (their account, their points, their notifications). Give `why`.
 * - `roles`    only the listed roles may call it; every other demo role must be refused (403).
 * - `area`     takes an area code in `param` (query, or the path's `{code}` or `{param}`): for every role, an area outside the
 *              caller's branch answers 403/404, or 200 holding only rows of the caller's branch (`list: true`).
 *              `level: 'grid'` probes with a grid code; `query` adds required parameters.
 * - `list`     a list with no area parameter: every `areaCode` in the answer lies on the caller's branch.
 * - `object`   the path's `{id}` (or `{code}`) names an object of a `fixture` (see FIXTURES in the test): an object
 *              of another area answers 403/404; for a write (`body`), the refusal changes nothing.
 * - `bodyArea` a create or write whose area is in the BODY (an `areaCode`, a parent, a grid, an object of an area).
 *              `body({ area, id })` builds a valid body for an area code (`level` 'village' by default, or 'grid');
 *              `id(fixture)` gives the id of a FIXTURE of the neighbour community. Every role whose scope does not
 *              hold that area (and every role outside `roles`) sends it and must get 403/404; no audited write may
 *              appear, and `check(area)` — a URL the district dispatcher reads before and after — must be byte for
 *              byte unchanged. With `via`, the body names that fixture (of the neighbour community) rather than a
 *              code, and only roles outside the neighbour community are probed. After the probes a `control` account
 *              (default `neighbour`: a community worker of the neighbour community made by the test; or a demo role)
 *              sends the same body for the neighbour community and must succeed, and the `check` (or the count of
 *              audited writes) must then differ: the body is valid, so the refusals were refusals of scope.
 * - `exempt`   not probable by the matrix (logins, file tokens, signed links…); say `why` and which test covers it.
 *
 * `area`, `list`, `object` and `bodyArea` may also set `roles`: the roles that may call it at all (others must get 403).
 */
export type Fixture = 'area' | 'case' | 'reportedCase' | 'person' | 'household' | 'partyOrg' | 'wish' | 'order' | 'award' | 'campaign' | 'place' | 'organisation' | 'idea' | 'need' | 'project' | 'activity' | 'volunteer' | 'volunteerTeam' | 'burdenTask' | 'burdenReturn' | 'propertyCompany' | 'compound' | 'servicePoint' | 'talent' | 'cadre' | 'cadreTask' | 'receptionDay' | 'receptionLeader' | 'deliberation' | 'menuItem' | 'serviceTeam' | 'pointsRule' | 'staff' | 'partyMember' | 'registration' | 'photo' | 'emergency' | 'emergencyTask' | 'evacuation' | 'evacuationEntry' | 'pointsResident' | 'merchantUnit' | 'pointsItem' | 'redemption' | 'pointsAccount' | 'followup' | 'attendance' | 'formationCompounds' | 'billHousehold' | 'bill' | 'contract' | 'committee' | 'survey' | 'meeting' | 'agendaItem' | 'convention' | 'conventionVersion';

export type Declaration =
  | { kind: 'public'; why: string }
  | { kind: 'own'; why: string }
  | { kind: 'roles'; roles: string[]; why?: string }
  | {
      kind: 'area';
      param: string;
      level?: 'village' | 'grid';
      query?: string;
      list?: boolean;
      roles?: string[];
      /** Fixed values of the path's other parameters (a file name). */
      params?: Record<string, string>;
    }
  | { kind: 'list'; query?: string; roles?: string[] }
  | {
      kind: 'object';
      fixture: Fixture;
      body?: unknown;
      query?: string;
      action?: string;
      roles?: string[];
      /** Other parameters of the path, each the id of a fixture (a sign-up of the activity); a refused write must not change the last one's read. */
      params?: Record<string, Fixture>;
    }
  | {
      kind: 'bodyArea';
      body: (p: { area: string; id: (f: Fixture) => string }) => unknown;
      /** A URL the district dispatcher reads before and after (besides the audit log of writes, always counted). */
      check?: (p: { area: string; id: (f: Fixture) => string }) => string;
      /** For a write that starts a background job: the URL of the job (from the answer), polled until it has finished. */
      settle?: (answer: { id: string }) => string;
      /** The fixture whose id fills the path's `{id}`. */
      pathFixture?: Fixture;
      level?: 'village' | 'grid';
      via?: Fixture;
      roles?: string[];
      control?: string;
      /** The control previews only (a dry run): it must succeed, but it writes nothing for `check` to see. */
      preview?: true;
    }
  | { kind: 'exempt'; why: string };

/** A name no earlier probe used (creates must not collide with each other). */
let serial = 0;
const fresh = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-4)}${++serial}`;
/** A calendar day in China, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const inAnHour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** Demo usernames, grouped as the routes group them. */
const ADMINS = ['admin', 'security'];
/** Burden reduction: district-wide (the social work department, departments for their own unit, the centre, leaders); community inboxes. */
const BURDEN_DISTRICT = ['shgzb', 'dept-cg', 'district', 'leader'];
const BURDEN_INBOX = ['district', 'leader', 'town', 'community', 'secretary'];
const BURDEN_LIST_READERS = ['shgzb', 'dept-cg', 'district', 'leader', 'town', 'community', 'secretary'];

export const DECLARATIONS: Record<string, Declaration> = {
  // ---- health, login, account ------------------------------------------------------------------------------------
  'GET /api/health': { kind: 'public', why: 'liveness' },
  'GET /api/config': { kind: 'public', why: 'map settings the web app needs before login' },
  'POST /api/auth/login': { kind: 'exempt', why: 'login (auth.int.test.ts)' },
  'GET /api/auth/challenge': { kind: 'public', why: 'login challenge' },
  'GET /api/auth/session': { kind: 'own', why: 'the caller, or null for nobody' },
  'GET /api/auth/me': { kind: 'own', why: 'the caller' },
  'POST /api/auth/logout': { kind: 'own', why: 'ends the caller’s session' },
  'POST /api/auth/password': { kind: 'own', why: 'the caller’s password' },

  // ---- areas and registry ----------------------------------------------------------------------------------------
  'GET /api/areas/{code}': { kind: 'area', param: 'code' },
  'PATCH /api/areas/{code}': { kind: 'object', fixture: 'area', body: { name: '越界改名' } },
  'POST /api/areas': { kind: 'bodyArea', control: 'district', body: ({ area }) => ({ parentCode: area, name: fresh('越界网格') }), check: ({ area }) => `/api/areas/${area}/children` },
  'GET /api/areas/{code}/outlines': { kind: 'area', param: 'code' },
  'POST /api/areas/{code}/outlines': { kind: 'object', fixture: 'area', body: { type: 'FeatureCollection', features: [] } },
  'GET /api/areas/{code}/children': { kind: 'area', param: 'code' },
  'GET /api/areas/{code}/map': { kind: 'area', param: 'code' },
  'GET /api/areas/{code}/households': { kind: 'area', param: 'code' },
  'GET /api/areas': { kind: 'list', query: 'q=常乐' },
  'GET /api/people': { kind: 'area', param: 'area', list: true },
  'POST /api/people': { kind: 'bodyArea', level: 'grid', body: ({ area }) => ({ areaCode: area, name: fresh('越界'), gender: 'male' }), check: ({ area }) => `/api/people?area=${area}&pageSize=1` },
  'GET /api/people/{id}': { kind: 'object', fixture: 'person' },
  'PATCH /api/people/{id}': { kind: 'object', fixture: 'person', body: { note: '越界修改' } },
  'POST /api/people/{id}/reveal': { kind: 'object', fixture: 'person', body: { field: 'phone', reason: '越界查看' } },
  'GET /api/households/{id}': { kind: 'object', fixture: 'household' },
  'POST /api/households': { kind: 'bodyArea', level: 'grid', body: ({ area }) => ({ areaCode: area, doorplate: fresh('越界') }), check: ({ area }) => `/api/areas/${area}/households?pageSize=1` },
  'PATCH /api/households/{id}': { kind: 'object', fixture: 'household', body: { doorplate: '越界-101' } },
  'POST /api/households/{id}/events': { kind: 'object', fixture: 'household', body: { kind: 'move-out', personId: '00000000-0000-4000-8000-000000000000', date: '2026-11-01' } },
  'GET /api/imports/people/template.xlsx': { kind: 'public', why: 'an empty template' },
  'POST /api/imports/people': { kind: 'exempt', why: 'multipart upload; rows outside the scope are refused (registry-import.int.test.ts)' },
  'POST /api/imports/people/report.xlsx': { kind: 'own', why: 'echoes the caller’s own upload result' },
  'GET /api/imports/people/export.xlsx': { kind: 'area', param: 'area' },
  'GET /api/staff': { kind: 'area', param: 'area', list: true },
  'POST /api/staff': { kind: 'bodyArea', level: 'grid', via: 'person', control: 'admin', body: ({ area, id }) => ({ personId: id('person'), post: 'grid-worker', areaCode: area, username: fresh('yj'), password: 'Yuejie-2026!pass' }), check: ({ area }) => `/api/staff?area=${area}` },
  'POST /api/staff/{id}/end': { kind: 'object', fixture: 'staff', body: { reason: '越界免职' } },
  'GET /api/registry/dictionaries': { kind: 'public', why: 'code lists' },
  'POST /api/imports/hotline': { kind: 'exempt', why: 'multipart upload (imports.int.test.ts)' },
  'GET /api/imports/hotline/template.xlsx': { kind: 'public', why: 'an empty template' },
  'POST /api/imports/hotline/report.xlsx': { kind: 'own', why: 'echoes the caller’s own upload result' },

  // ---- accounts and audit ----------------------------------------------------------------------------------------
  'GET /api/users': { kind: 'roles', roles: ADMINS },
  'POST /api/users': { kind: 'roles', roles: ADMINS },
  'PATCH /api/users/{id}': { kind: 'roles', roles: ADMINS },
  'POST /api/users/{id}/unlock': { kind: 'roles', roles: ['security'] },
  'POST /api/users/{id}/password': { kind: 'roles', roles: ['security'] },
  'POST /api/users/{id}/sessions/end': { kind: 'roles', roles: ['security'] },
  'GET /api/audit': { kind: 'roles', roles: ['auditor'] },
  'GET /api/units': { kind: 'public', why: 'the directory of handling units' },
  'GET /api/open311/keys': { kind: 'roles', roles: ['admin'] },
  'POST /api/open311/keys': { kind: 'roles', roles: ['admin'] },
  'POST /api/open311/keys/{id}/revoke': { kind: 'roles', roles: ['admin'] },
  'POST /api/chain/verify': { kind: 'roles', roles: ['auditor'] },
  'GET /api/chain/heads/{day}': { kind: 'roles', roles: ['auditor'] },
  'POST /api/chain/heads/verify': { kind: 'roles', roles: ['auditor'] },

  // ---- working calendar and office hours ---------------------------------------------------------------------------
  // the working-day calendar holds no area data: staff read it, residents and unit accounts are refused
  'GET /api/calendar/{year}': { kind: 'roles', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-cg', 'shgzb'] },
  'PUT /api/calendar/overrides/{date}': { kind: 'roles', roles: ['admin'] },
  'DELETE /api/calendar/overrides/{date}': { kind: 'roles', roles: ['admin'] },
  'GET /api/office-hours': { kind: 'roles', roles: ['admin', 'district', 'town'] },
  'PUT /api/office-hours/{id}': { kind: 'roles', roles: ['admin', 'district', 'town'] },
  'DELETE /api/office-hours/{id}': { kind: 'roles', roles: ['admin', 'district', 'town'] },

  // ---- cases -----------------------------------------------------------------------------------------------------
  'POST /api/cases': { kind: 'exempt', why: 'anyone may report anywhere (QR); intake.int.test.ts' },
  'GET /api/cases': { kind: 'area', param: 'area', list: true },
  'GET /api/cases/{id}': { kind: 'object', fixture: 'case' },
  'GET /api/cases/{id}/meetings': { kind: 'object', fixture: 'case' },
  'POST /api/cases/{id}/meetings': {
    kind: 'object',
    fixture: 'case',
    body: { heldAt: '2026-11-22T09:30:00+08:00', unitIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'], participants: '越界', minutes: '越界', decisions: '越界' },
  },
  'GET /api/cases/{id}/similar': { kind: 'object', fixture: 'case' },
  'GET /api/cases/{id}/group': { kind: 'object', fixture: 'case' },
  'POST /api/cases/{id}/group/merge': { kind: 'object', fixture: 'case', body: {} },
  // the centre's assessment of the handling units (双重评价) and 5321 on property cases
  'GET /api/cases/{id}/assessments': { kind: 'object', fixture: 'case' },
  'PUT /api/cases/{id}/assessments/{unitId}': { kind: 'object', fixture: 'case', body: { timeliness: 'poor', quality: 'poor', attitude: 'poor' } },
  'POST /api/cases/{id}/5321': { kind: 'object', fixture: 'case', body: { tier: 'complex', note: '越界调整' } },
  // intake suggestions
  'POST /api/cases/suggest': { kind: 'exempt', why: 'anyone may ask (QR page, with areaCode); similar cases are filtered to the caller’s scope (suggest.int.test.ts)' },
  'POST /api/cases/{id}/actions/{action}': { kind: 'object', fixture: 'reportedCase', action: 'accept', body: { note: '越界受理' } },
  'GET /api/track/{code}': { kind: 'exempt', why: 'needs the case’s query code (cases.int.test.ts)' },
  'POST /api/track/{code}/rate': { kind: 'exempt', why: 'needs the case’s query code (cases.int.test.ts)' },
  'POST /api/track/{code}/withdraw': { kind: 'exempt', why: 'needs the case’s query code (cases.int.test.ts)' },
  'GET /api/notifications': { kind: 'own', why: 'the caller’s notifications' },
  'POST /api/notifications/read': { kind: 'own', why: 'the caller’s notifications' },
  'GET /api/todo': { kind: 'list' },
  'GET /api/catalog': { kind: 'public', why: 'the case type catalogue' },
  'PATCH /api/catalog/{code}': { kind: 'roles', roles: ['admin', 'district'] },
  'POST /api/files/upload-token': { kind: 'exempt', why: 'a signed upload token' },
  'POST /api/files': { kind: 'exempt', why: 'upload with a signed token' },
  'GET /api/files/{id}': { kind: 'exempt', why: 'signed link (exp, sig)' },
  'GET /api/wall': { kind: 'public', why: 'the public wall of closed cases (no personal data)' },
  'GET /api/wall/decisions': { kind: 'public', why: 'decided deliberations of an area: topic, result and counts, no names' },
  'GET /api/public/areas/{code}': { kind: 'public', why: 'what the QR report page shows of an area' },
  'GET /api/qr/{code}': { kind: 'area', param: 'code' },
  'GET /api/stats/cases': { kind: 'area', param: 'area' },
  'GET /api/stats/cases/breakdown': { kind: 'area', param: 'area', query: 'by=child' },
  'GET /api/bulletins/{areaCode}/{file}': { kind: 'area', param: 'areaCode', params: { file: '2026-11.docx' } },

  // ---- points ----------------------------------------------------------------------------------------------------
  'GET /api/points/schemes': { kind: 'public', why: 'scheme definitions' },
  'GET /api/points/me': { kind: 'own', why: 'the caller’s accounts' },
  'GET /api/points/me/code': { kind: 'own', why: 'the caller’s redemption code' },
  'GET /api/points/statement': { kind: 'own', why: 'the caller’s statement' },
  'GET /api/points/rules': { kind: 'area', param: 'area', query: 'scheme=neighbourhood', list: true },
  'POST /api/points/rules': { kind: 'bodyArea', body: ({ area }) => ({ code: fresh('yuejie-'), name: fresh('越界规则'), scheme: 'neighbourhood', points: 10, maxPoints: 5000, areaCode: area }), check: ({ area }) => `/api/points/rules?area=${area}&scheme=neighbourhood` },
  'PATCH /api/points/rules/{id}': { kind: 'object', fixture: 'pointsRule', body: { name: '越界修改' } },
  'GET /api/points/factors': { kind: 'public', why: 'multiplier factors' },
  'PUT /api/points/factors/{code}': { kind: 'roles', roles: ['admin', 'district'] },
  // the recipient (by username) lives in the neighbour community; the control, a worker there, proposes for them
  'POST /api/points/awards': { kind: 'bodyArea', via: 'pointsResident', body: ({ id }) => ({ username: id('pointsResident'), scheme: 'neighbourhood', ruleCode: 'community-activity', points: 1, note: '越界申报' }) },
  'GET /api/points/awards': { kind: 'list' },
  'GET /api/points/awards/{id}': { kind: 'object', fixture: 'award' },
  'POST /api/points/awards/{id}/approve': { kind: 'object', fixture: 'award', body: {} },
  'POST /api/points/awards/{id}/reject': { kind: 'object', fixture: 'award', body: { reason: '越界驳回' } },
  'POST /api/points/awards/{id}/reverse': { kind: 'object', fixture: 'award', body: { reason: '越界冲正' } },
  'GET /api/points/items': { kind: 'public', why: 'the redemption catalogue shown to every member' },
  // the merchant is the love supermarket of the neighbour community's office
  'POST /api/points/items': { kind: 'bodyArea', via: 'merchantUnit', body: ({ id }) => ({ merchantId: id('merchantUnit'), name: fresh('越界商品'), scheme: 'neighbourhood', kind: 'goods', price: 1, stock: 1 }) },
  'PATCH /api/points/items/{id}': { kind: 'object', fixture: 'pointsItem', body: { name: '越界修改', price: 9999 } },
  'POST /api/points/items/{id}/restock': { kind: 'object', fixture: 'pointsItem', body: { quantity: 100 } },
  // spends the caller's own points on an item they may see (of their area or above): the neighbour's item is refused
  'POST /api/points/redemptions': { kind: 'bodyArea', via: 'pointsItem', control: 'nbResident', body: ({ id }) => ({ itemId: id('pointsItem'), quantity: 1 }) },
  'GET /api/points/redemptions': { kind: 'list' },
  'GET /api/points/redemptions/{id}': { kind: 'object', fixture: 'redemption' },
  'POST /api/points/redemptions/{id}/confirm': { kind: 'object', fixture: 'redemption', body: { code: 'ABCD-EFGH' } },
  'POST /api/points/redemptions/{id}/cancel': { kind: 'object', fixture: 'redemption', body: { reason: '越界取消' } },
  'GET /api/points/leaderboard': { kind: 'area', param: 'area', query: 'scheme=neighbourhood', list: true },
  'GET /api/points/accounts': { kind: 'area', param: 'area', query: 'scheme=neighbourhood', list: true },
  'GET /api/points/accounts/{id}/statement': { kind: 'object', fixture: 'pointsAccount' },
  'GET /api/points/audit': { kind: 'roles', roles: ['admin', 'district', 'leader', 'auditor'] },

  // ---- activities and volunteers -------------------------------------------------------------------------------
  'POST /api/activities': { kind: 'bodyArea', body: ({ area }) => ({ kind: 'volunteer', title: fresh('越界活动'), areaCode: area, place: '邻村广场', startsAt: inAnHour(24), endsAt: inAnHour(26), pointsMode: 'none' }), check: () => '/api/activities?pageSize=1' },
  'GET /api/activities': { kind: 'list' },
  'GET /api/activities/{id}': { kind: 'object', fixture: 'activity' },
  'POST /api/activities/{id}/cancel': { kind: 'object', fixture: 'activity', body: { reason: '越界取消' } },
  'POST /api/activities/{id}/sign-up': { kind: 'object', fixture: 'activity', body: {} },
  'POST /api/activities/{id}/cancel-sign-up': { kind: 'object', fixture: 'activity', body: {} },
  'GET /api/activities/{id}/code': { kind: 'object', fixture: 'activity' },
  'POST /api/activities/{id}/check-in': { kind: 'object', fixture: 'activity', body: { token: '1.AAAAAAAAAAAAAAAA' } },
  'POST /api/activities/{id}/check-out': { kind: 'object', fixture: 'activity', body: { token: '1.AAAAAAAAAAAAAAAA' } },
  'GET /api/activities/{id}/attendance': { kind: 'object', fixture: 'activity' },
  'POST /api/activities/{id}/attendance/{attendanceId}/mark': { kind: 'object', fixture: 'activity', params: { attendanceId: 'attendance' }, body: { mark: 'present' } },
  'POST /api/activities/{id}/confirm': { kind: 'object', fixture: 'activity', body: {} },
  'GET /api/volunteer-teams': { kind: 'list' },
  'POST /api/volunteer-teams': { kind: 'bodyArea', body: ({ area }) => ({ name: fresh('越界服务队'), kind: 'other', areaCode: area }), check: () => '/api/volunteer-teams' },
  'PATCH /api/volunteer-teams/{id}': { kind: 'object', fixture: 'volunteerTeam', body: { leader: '越界队长' } },
  'GET /api/volunteers/me': { kind: 'own', why: 'the caller’s own volunteer record' },
  'PUT /api/volunteers/me': { kind: 'own', why: 'registers the caller in their own community' },
  'POST /api/volunteers/me/certificate': { kind: 'own', why: 'a certificate of the caller’s own record' },
  'GET /api/volunteers': { kind: 'list', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary'] },
  'GET /api/volunteers/{id}': { kind: 'object', fixture: 'volunteer' },
  'PATCH /api/volunteers/{id}': { kind: 'object', fixture: 'volunteer', body: { evaluation: '越界评价' } },
  'GET /api/volunteer-certificates/{code}': { kind: 'public', why: 'verification of a certificate by its code; names masked' },

  // ---- wishes, service menu, orders ------------------------------------------------------------------------------
  'POST /api/wishes': { kind: 'exempt', why: 'the body names no area: the wish is filed in the caller’s own home area (wishes.int.test.ts)' },
  'GET /api/wishes': { kind: 'area', param: 'area', list: true },
  'GET /api/wishes/wall': { kind: 'public', why: 'the public wall of open wishes' },
  'GET /api/wishes/{id}': { kind: 'object', fixture: 'wish' },
  'POST /api/wishes/{id}/actions/{action}': { kind: 'object', fixture: 'wish', action: 'approve', body: {} },
  'GET /api/service-menu': { kind: 'area', param: 'area', list: true },
  'POST /api/service-menu': { kind: 'bodyArea', body: ({ area }) => ({ area, name: fresh('越界服务'), category: '生活' }), check: ({ area }) => `/api/service-menu?area=${area}` },
  'PATCH /api/service-menu/{id}': { kind: 'object', fixture: 'menuItem', body: { name: '越界修改' } },
  'GET /api/service-teams': { kind: 'area', param: 'area', list: true },
  'POST /api/service-teams': { kind: 'bodyArea', body: ({ area }) => ({ area, name: fresh('越界服务队') }), check: ({ area }) => `/api/service-teams?area=${area}` },
  'GET /api/service-teams/servers': { kind: 'area', param: 'area', list: true },
  'POST /api/service-teams/{id}/members': { kind: 'object', fixture: 'serviceTeam', body: { username: 'community' } },
  'DELETE /api/service-teams/{id}/members/{userId}': { kind: 'object', fixture: 'serviceTeam' },
  'POST /api/orders': { kind: 'exempt', why: 'only a resident orders, from the menu of their own community: another community’s item is a 400 unknown_service by contract (the menu item is validated as part of the body), not a 403/404 (orders.int.test.ts)' },
  'GET /api/orders': { kind: 'area', param: 'area', list: true },
  'GET /api/orders/{id}': { kind: 'object', fixture: 'order' },
  'POST /api/orders/{id}/actions/{action}': { kind: 'object', fixture: 'order', action: 'accept', body: {} },

  // ---- lists and projects (金点子, 赋能清单, 需求清单, 治理项目) -------------------------------------------------------
  'POST /api/ideas': { kind: 'exempt', why: 'the body names no area: the idea is filed in the caller’s own community (projects.int.test.ts)' },
  'GET /api/ideas': { kind: 'area', param: 'area', list: true },
  'GET /api/ideas/{id}': { kind: 'object', fixture: 'idea' },
  'POST /api/ideas/{id}/support': { kind: 'object', fixture: 'idea', body: {} },
  'POST /api/ideas/{id}/decide': { kind: 'object', fixture: 'idea', body: { as: 'close' } },
  'POST /api/offers': { kind: 'roles', roles: ['admin', 'district', 'dept-cg'] },
  // 赋能清单 are published: every department reads them (the district's social work department is one).
  'GET /api/offers': { kind: 'list', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-cg', 'shgzb'] },
  'POST /api/needs': { kind: 'bodyArea', control: 'district', body: ({ area }) => ({ areaCode: area, title: fresh('越界需求'), content: '越界' }), check: ({ area }) => `/api/needs?area=${area}` },
  'GET /api/needs': { kind: 'area', param: 'area', list: true },
  'GET /api/needs/{id}': { kind: 'object', fixture: 'need' },
  'POST /api/needs/{id}/project': { kind: 'object', fixture: 'need', body: { supervisors: ['00000000-0000-4000-8000-000000000000'] } },
  'GET /api/projects/wall': { kind: 'public', why: 'the public wall (民生小事小黑板) of projects and their progress, no personal details' },
  'GET /api/projects': { kind: 'area', param: 'area', list: true },
  'GET /api/projects/{id}': { kind: 'object', fixture: 'project' },
  'POST /api/projects/{id}/claim': { kind: 'object', fixture: 'project', body: {} },
  'POST /api/projects/{id}/milestones': { kind: 'object', fixture: 'project', body: { title: '越界进展', percent: 100 } },
  'POST /api/projects/{id}/sign-off': { kind: 'object', fixture: 'project', body: {} },
  'POST /api/projects/{id}/close': { kind: 'object', fixture: 'project', body: {} },
  'GET /api/lists/four': { kind: 'area', param: 'area', list: true, query: 'kind=risks', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary'] },

  // ---- party work ------------------------------------------------------------------------------------------------
  'GET /api/party/orgs': { kind: 'area', param: 'area', list: true },
  'GET /api/party/orgs/{id}': { kind: 'object', fixture: 'partyOrg' },
  'POST /api/party/orgs': { kind: 'bodyArea', level: 'grid', via: 'partyOrg', control: 'admin', body: ({ area, id }) => ({ name: fresh('越界联合党支部'), kind: 'joint-branch', parentId: id('partyOrg'), areaCode: area }), check: () => '/api/party/orgs?area=320614103002' },
  'PATCH /api/party/orgs/{id}': { kind: 'object', fixture: 'partyOrg', body: { name: '越界改名' } },
  'DELETE /api/party/orgs/{id}': { kind: 'object', fixture: 'partyOrg' },
  'GET /api/party/me/targets': { kind: 'own', why: 'organisations of the community the caller lives in' },
  'PUT /api/party/members/{id}/central-household': { kind: 'object', fixture: 'partyMember', body: { centralHousehold: true } },
  'POST /api/party/formation-check/branches': { kind: 'bodyArea', level: 'grid', control: 'admin', body: ({ area, id }) => ({ area, compounds: id('formationCompounds').split(',') }), check: ({ area }) => `/api/party/orgs?area=${area}` },
  'GET /api/party/members': { kind: 'area', param: 'area', list: true },
  'GET /api/party/me': { kind: 'own', why: 'the caller’s membership' },
  'POST /api/party/registrations': { kind: 'own', why: 'the caller registers themself' },
  'POST /api/party/registrations/{id}/accept': { kind: 'object', fixture: 'registration', body: {} },
  'POST /api/party/registrations/{id}/reject': { kind: 'object', fixture: 'registration', body: { reason: '越界退回' } },
  'GET /api/party/posts': { kind: 'area', param: 'area', list: true },
  'POST /api/party/posts': { kind: 'bodyArea', body: ({ area }) => ({ area, name: fresh('越界岗') }), check: ({ area }) => `/api/party/posts?area=${area}` },
  'PUT /api/party/members/{id}/post': { kind: 'object', fixture: 'partyMember', body: { postCode: null } },
  'GET /api/party/formation-check': { kind: 'area', param: 'area', list: true },
  'GET /api/party/links': { kind: 'area', param: 'grid', level: 'grid', list: true },
  'POST /api/party/links/propose': { kind: 'bodyArea', level: 'grid', preview: true, control: 'district', body: ({ area }) => ({ grid: area, apply: false }), check: ({ area }) => `/api/party/links?grid=${area}` },
  // the path names the household whose link moves
  'PUT /api/party/links/{id}': { kind: 'object', fixture: 'household', body: { memberId: '00000000-0000-4000-8000-000000000000' } },
  'GET /api/party/my/households': { kind: 'own', why: 'the households linked to the caller' },
  'POST /api/party/visits': { kind: 'own', why: 'the caller’s own visit to a household linked to them' },
  'GET /api/party/visits': { kind: 'area', param: 'area', list: true },
  'POST /api/party/followups/{id}/convert': { kind: 'object', fixture: 'followup', body: {} },
  'GET /api/party/coverage': { kind: 'area', param: 'area', list: true },
  'POST /api/party/patrols': { kind: 'own', why: 'the caller’s own patrol' },
  'GET /api/party/patrols/today': { kind: 'own', why: 'the caller’s own patrol' },
  'GET /api/party/diary': { kind: 'own', why: 'the caller’s own diary' },
  'GET /api/party/members/{id}': { kind: 'object', fixture: 'partyMember' },
  'POST /api/party/members/{id}/transfer': { kind: 'object', fixture: 'partyMember', body: { toOrgId: '00000000-0000-4000-8000-000000000000', reason: '越界转接' } },
  'POST /api/party/members/{id}/post-reports': { kind: 'object', fixture: 'partyMember', body: { reason: '越界反馈' } },

  // ---- cockpit and measures --------------------------------------------------------------------------------------
  'GET /api/cockpit/summary': { kind: 'area', param: 'area' },
  'GET /api/cockpit/map': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/overdue': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/hotspots': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/staffing': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/vitality': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/rectification': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/participation': { kind: 'area', param: 'area' },

  // ---- exports (the same services as the lists) ------------------------------------------------------------------
  'GET /api/exports/units.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/areas.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/categories.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/cases.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/people.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/households.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/points-leaderboard.xlsx': { kind: 'area', param: 'area', query: 'scheme=neighbourhood' },
  'GET /api/exports/audit.xlsx': { kind: 'roles', roles: ['auditor'] },
  // a name nobody has: the control's export is short (the scope is checked before any row is read)
  'POST /api/exports/people/jobs': { kind: 'bodyArea', preview: true, control: 'district', body: ({ area }) => ({ area, q: '越界无此人' }), settle: (job) => `/api/exports/jobs/${job.id}` },
  'POST /api/exports/cases/jobs': { kind: 'bodyArea', preview: true, control: 'district', body: ({ area }) => ({ area }), settle: (job) => `/api/exports/jobs/${job.id}` },
  'GET /api/exports/jobs/{id}': { kind: 'own', why: 'the caller’s own export job; another account’s answers 404 (export-jobs.int.test.ts)' },
  'GET /api/exports/jobs/{id}/file': { kind: 'own', why: 'the caller’s own export file; another account’s answers 404 (export-jobs.int.test.ts)' },

  // ---- door-knocking campaigns and four-colour risk (敲门行动, 四色分级) -------------------------------------------
  'GET /api/campaigns': { kind: 'list' },
  'POST /api/campaigns': { kind: 'bodyArea', control: 'district', body: ({ area }) => ({ title: fresh('越界敲门'), areaCode: area, kind: 'door-knock' }), check: () => '/api/campaigns' },
  'GET /api/campaigns/{id}': { kind: 'object', fixture: 'campaign' },
  'GET /api/campaigns/{id}/progress': { kind: 'object', fixture: 'campaign' },
  'GET /api/campaigns/{id}/worklist': { kind: 'object', fixture: 'campaign' },
  'POST /api/campaigns/{id}/visits': { kind: 'object', fixture: 'campaign', body: { householdId: '00000000-0000-4000-8000-000000000000', result: 'visited' } },
  'POST /api/campaigns/{id}/rounds': { kind: 'object', fixture: 'campaign' },
  'POST /api/campaigns/{id}/close': { kind: 'object', fixture: 'campaign', body: {} },

  // ---- emergency events (平战转换, 战时力量, 事件纪实) ---------------------------------------------------------------
  'GET /api/emergencies': { kind: 'list' },
  // a grid: the fixture's event holds another grid of the neighbour community, and events may not overlap
  'POST /api/emergencies': { kind: 'bodyArea', level: 'grid', control: 'district', body: ({ area }) => ({ areaCode: area, kind: 'flood', level: 'IV', reason: fresh('越界防汛') }), check: () => '/api/emergencies' },
  'GET /api/emergencies/active': { kind: 'area', param: 'areaCode', list: true },
  'GET /api/emergencies/{id}': { kind: 'object', fixture: 'emergency' },
  'POST /api/emergencies/{id}/actions/end': { kind: 'object', fixture: 'emergency', body: { summary: '越界结束' } },
  'POST /api/emergencies/{id}/units': { kind: 'object', fixture: 'emergency', body: { kind: 'commando', name: '越界突击队' } },
  'POST /api/emergencies/{id}/check-ins': { kind: 'object', fixture: 'emergency', body: {} },
  'GET /api/emergencies/{id}/forces': { kind: 'object', fixture: 'emergency' },
  'GET /api/emergencies/{id}/tasks': { kind: 'object', fixture: 'emergency' },
  'POST /api/emergencies/{id}/tasks': { kind: 'object', fixture: 'emergency', body: { title: '越界任务' } },
  'POST /api/emergency-tasks/{id}/ack': { kind: 'object', fixture: 'emergencyTask', body: {} },
  'GET /api/emergencies/{id}/record': { kind: 'object', fixture: 'emergency' },
  'GET /api/emergencies/{id}/record.docx': { kind: 'object', fixture: 'emergency' },
  'GET /api/emergencies/{id}/record.xlsx': { kind: 'object', fixture: 'emergency' },
  // ---- four-colour map and evacuation lists (风险地图, 转移安置) -----------------------------------------------------
  'GET /api/risk/map': { kind: 'area', param: 'areaCode' },
  'GET /api/risk/people': { kind: 'area', param: 'areaCode', list: true },
  'GET /api/evacuations': { kind: 'list' },
  'POST /api/evacuations': { kind: 'bodyArea', body: ({ area }) => ({ title: fresh('越界转移'), areaCode: area }), check: () => '/api/evacuations' },
  'GET /api/evacuations/{id}': { kind: 'object', fixture: 'evacuation' },
  'POST /api/evacuations/{id}/entries': { kind: 'object', fixture: 'evacuation', body: { personIds: ['00000000-0000-4000-8000-000000000000'] } },
  'POST /api/evacuations/{id}/assign': { kind: 'object', fixture: 'evacuation', body: { entryIds: ['00000000-0000-4000-8000-000000000000'], destinationText: '越界安置点' } },
  'POST /api/evacuations/{id}/close': { kind: 'object', fixture: 'evacuation' },
  'GET /api/evacuations/{id}/export.xlsx': { kind: 'object', fixture: 'evacuation' },
  'GET /api/evacuation-entries/mine': { kind: 'own', why: 'the people the caller is responsible for' },
  'GET /api/evacuation-entries/{id}': { kind: 'object', fixture: 'evacuationEntry' },
  'POST /api/evacuation-entries/{id}/actions/{action}': { kind: 'object', fixture: 'evacuationEntry', action: 'arrive', body: {} },
  'PATCH /api/households/{id}/risk': { kind: 'object', fixture: 'household', body: { riskColour: 'red', reason: '越界修改' } },
  'GET /api/households/{id}/risk-history': { kind: 'object', fixture: 'household' },
  'GET /api/areas/{code}/risk-counts': { kind: 'area', param: 'code' },
  // ---- reception days (接待日) and leaders' cases (领导包案) ---------------------------------------------------------
  'GET /api/reception-days': { kind: 'area', param: 'area', list: true, roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary'] },
  'GET /api/reception-days/published': { kind: 'public', why: 'the published schedule of a community, a public notice (reception.int.test.ts)' },
  'POST /api/reception-days': { kind: 'bodyArea', control: 'district', roles: ['admin', 'district', 'town'], body: ({ area, id }) => ({ areaCode: area, place: '越界接待室', day: new Date(Date.now() + 8 * 3_600_000 + 8 * 86_400_000).toISOString().slice(0, 10), startTime: '14:00', endTime: '16:00', leaderUserId: id('receptionLeader'), leaderTitle: '区委常委' }), check: ({ area }) => `/api/reception-days?area=${area}&from=${day(-1)}&to=${day(60)}` },
  'GET /api/reception-days/{id}': { kind: 'object', fixture: 'receptionDay' },
  'PATCH /api/reception-days/{id}': { kind: 'object', fixture: 'receptionDay', body: { place: '越界修改' } },
  'DELETE /api/reception-days/{id}': { kind: 'object', fixture: 'receptionDay' },
  'POST /api/reception-days/{id}/cases': { kind: 'object', fixture: 'receptionDay', body: { title: '越界登记', description: '越界登记的案件', categoryCode: 'G0101' } },
  'GET /api/reception-leaders': { kind: 'roles', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary'] },
  'PUT /api/reception-leaders/{id}/attachments': { kind: 'bodyArea', pathFixture: 'receptionLeader', control: 'district', body: ({ area }) => ({ areaCodes: [area] }), check: () => '/api/reception-leaders' },
  'GET /api/lead-cases': { kind: 'own', why: 'the cases the caller leads (领导包案)' },
  // ---- deliberation (议事协商) ----------------------------------------------------------------------------------------
  'POST /api/deliberations': { kind: 'bodyArea', body: ({ area }) => ({ title: fresh('越界议题'), description: '越界', areaCode: area, body: 'consultation', roll: [{ name: '村民1' }, { name: '村民2' }] }), check: ({ area }) => `/api/deliberations?area=${area}` },
  'GET /api/deliberations': { kind: 'area', param: 'area', list: true },
  'GET /api/deliberations/roll-candidates': { kind: 'area', param: 'area', roles: ['admin', 'district', 'town', 'community', 'secretary'] },
  'GET /api/deliberations/{id}': { kind: 'object', fixture: 'deliberation' },
  'POST /api/deliberations/{id}/ballots': { kind: 'object', fixture: 'deliberation', body: { rollId: '00000000-0000-4000-8000-000000000000', choice: 'yes' } },
  'POST /api/deliberations/{id}/actions/close': { kind: 'object', fixture: 'deliberation', body: {} },
  'GET /api/deliberations/{id}/meetings': { kind: 'object', fixture: 'deliberation' },
  'POST /api/deliberations/{id}/meetings': { kind: 'object', fixture: 'deliberation', body: { scheduledAt: '2030-01-01T19:00:00+08:00', place: '越界议事厅' } },
  'GET /api/deliberation-meetings/scheduled': { kind: 'list' },
  'GET /api/deliberation-meetings/{id}': { kind: 'object', fixture: 'meeting' },
  'PATCH /api/deliberation-meetings/{id}': { kind: 'object', fixture: 'meeting', body: { place: '越界改址' } },
  'POST /api/deliberation-meetings/{id}/agenda': { kind: 'object', fixture: 'meeting', body: { source: 'text', title: '越界议题' } },
  'DELETE /api/deliberation-meetings/{id}/agenda/{itemId}': { kind: 'object', fixture: 'meeting', params: { itemId: 'agendaItem' } },
  'POST /api/deliberation-meetings/{id}/agenda/{itemId}/move': { kind: 'object', fixture: 'meeting', params: { itemId: 'agendaItem' }, body: { direction: 'down' } },
  'GET /api/deliberation-meetings/{id}/code': { kind: 'object', fixture: 'meeting' },
  'POST /api/deliberation-meetings/{id}/check-in': { kind: 'object', fixture: 'meeting', body: { code: '000000' } },
  'POST /api/deliberation-meetings/{id}/attendance': { kind: 'object', fixture: 'meeting', body: { rollId: '00000000-0000-4000-8000-000000000000', present: true } },
  'PUT /api/deliberation-meetings/{id}/minutes': { kind: 'object', fixture: 'meeting', body: { minutes: '越界纪要' } },
  'POST /api/deliberation-meetings/{id}/files': { kind: 'object', fixture: 'meeting', body: { fileId: '00000000-0000-4000-8000-000000000000' } },
  'POST /api/ideas/{id}/to-topic': { kind: 'object', fixture: 'idea', body: {} },
  'GET /api/ideas/{id}/topics': { kind: 'object', fixture: 'idea' },
  'GET /api/conventions': { kind: 'list' },
  'POST /api/conventions': { kind: 'exempt', why: 'one convention per village: the matrix’s control cannot create a second for the neighbour; conventions.int.test.ts refuses it outside the writer’s area and to residents' },
  'GET /api/conventions/mine': { kind: 'own', why: 'the convention in force of the caller’s own village or community' },
  'POST /api/conventions/from-deliberation/{id}': { kind: 'object', fixture: 'deliberation', body: {} },
  'GET /api/conventions/{id}': { kind: 'object', fixture: 'convention' },
  'GET /api/conventions/{id}/diff': { kind: 'object', fixture: 'convention' },
  'POST /api/conventions/{id}/drafts': { kind: 'object', fixture: 'convention', body: {} },
  'PATCH /api/conventions/{id}/versions/{versionId}': { kind: 'object', fixture: 'convention', params: { versionId: 'conventionVersion' }, body: { title: '越界修改' } },
  'POST /api/conventions/{id}/versions/{versionId}/actions/adopt': { kind: 'object', fixture: 'convention', params: { versionId: 'conventionVersion' }, body: { paperAdoptedOn: '2026-01-01', paperNote: '越界通过' } },
  // ---- questionnaires (问卷) ------------------------------------------------------------------------------------------
  'GET /api/surveys': { kind: 'area', param: 'area', list: true, roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary'] },
  'GET /api/surveys/available': { kind: 'own', why: 'the published questionnaires of the caller’s own home area (surveys.int.test.ts)' },
  'POST /api/surveys': {
    kind: 'bodyArea',
    roles: ['admin', 'district', 'town', 'community', 'secretary'],
    body: ({ area }) => ({ title: fresh('越界问卷'), purpose: 'opinion', areaCode: area, questions: [{ kind: 'text', title: '意见' }] }),
    check: ({ area }) => `/api/surveys?area=${area}`,
  },
  'GET /api/surveys/{id}': { kind: 'object', fixture: 'survey' },
  'PUT /api/surveys/{id}': { kind: 'object', fixture: 'survey', body: { title: '越界修改', purpose: 'opinion', areaCode: '320614103002', questions: [] } },
  'POST /api/surveys/{id}/actions/{action}': { kind: 'object', fixture: 'survey', action: 'close', body: {} },
  'POST /api/surveys/{id}/responses': { kind: 'object', fixture: 'survey', body: { answers: [] } },
  'GET /api/surveys/{id}/results': { kind: 'object', fixture: 'survey' },
  'GET /api/surveys/{id}/texts': { kind: 'object', fixture: 'survey', query: 'questionId=00000000-0000-4000-8000-000000000000' },
  // ---- territory: split and merge of grids -----------------------------------------------------------------------
  'POST /api/areas/{code}/actions/split': { kind: 'object', fixture: 'area', body: { parts: [], dryRun: true } },
  'POST /api/areas/actions/merge': { kind: 'bodyArea', preview: true, control: 'district', body: ({ area }) => ({ codes: [`${area}001`, `${area}002`], name: '越界合并', dryRun: true }), check: ({ area }) => `/api/areas/${area}/children` },
  // ---- places and organisations (places.int.test.ts) -------------------------------------------------------------
  'GET /api/places': { kind: 'area', param: 'area', list: true },
  'POST /api/places': { kind: 'bodyArea', level: 'grid', body: ({ area }) => ({ kind: 'restaurant', name: fresh('越界面馆'), areaCode: area, lat: 31.87, lng: 121.17 }), check: ({ area }) => `/api/places?area=${area}&pageSize=1` },
  'GET /api/places/{id}': { kind: 'object', fixture: 'place' },
  'PATCH /api/places/{id}': { kind: 'object', fixture: 'place', body: { name: '越界修改' } },
  'DELETE /api/places/{id}': { kind: 'object', fixture: 'place' },
  'GET /api/organisations': { kind: 'area', param: 'area', list: true },
  'POST /api/organisations': { kind: 'bodyArea', body: ({ area }) => ({ kind: 'enterprise', name: fresh('越界企业'), areaCode: area }), check: ({ area }) => `/api/organisations?area=${area}` },
  'GET /api/organisations/{id}': { kind: 'object', fixture: 'organisation' },
  'PATCH /api/organisations/{id}': { kind: 'object', fixture: 'organisation', body: { name: '越界修改' } },
  'DELETE /api/organisations/{id}': { kind: 'object', fixture: 'organisation' },
  'PUT /api/organisations/{id}/whitelist': { kind: 'object', fixture: 'organisation', body: { whitelisted: true } },
  'GET /api/people/{id}/profile': { kind: 'object', fixture: 'person' },

  // ---- burden reduction: admission (准入) and forms filled once (一表通) ------------------------------------------
  'GET /api/burden/meta': { kind: 'own', why: 'the caller’s abilities in burden reduction and code lists' },
  'GET /api/burden/lists': { kind: 'roles', roles: BURDEN_LIST_READERS },
  'POST /api/burden/lists': { kind: 'roles', roles: ['shgzb'] },
  'PATCH /api/burden/lists/{id}': { kind: 'roles', roles: ['shgzb'] },
  'POST /api/burden/check': { kind: 'roles', roles: ['shgzb', 'dept-cg'] },
  'GET /api/burden/requests': { kind: 'roles', roles: BURDEN_DISTRICT },
  'POST /api/burden/requests': { kind: 'roles', roles: ['dept-cg'] },
  'GET /api/burden/requests/{id}': { kind: 'roles', roles: BURDEN_DISTRICT },
  'POST /api/burden/requests/{id}/transition': { kind: 'roles', roles: BURDEN_DISTRICT },
  'GET /api/burden/tasks': { kind: 'list', query: 'pageSize=200', roles: BURDEN_INBOX },
  'POST /api/burden/tasks/{id}/done': { kind: 'object', fixture: 'burdenTask', roles: BURDEN_INBOX },
  'POST /api/burden/flags': { kind: 'roles', roles: ['community', 'secretary'] },
  'GET /api/burden/forms': { kind: 'roles', roles: BURDEN_DISTRICT },
  'POST /api/burden/forms': { kind: 'roles', roles: ['dept-cg'] },
  'GET /api/burden/forms/{id}': { kind: 'roles', roles: BURDEN_DISTRICT },
  'GET /api/burden/forms/{id}/export': { kind: 'roles', roles: BURDEN_DISTRICT },
  'GET /api/burden/returns': { kind: 'list', query: 'pageSize=200', roles: BURDEN_INBOX },
  'GET /api/burden/returns/{id}': { kind: 'object', fixture: 'burdenReturn', roles: BURDEN_INBOX },
  'POST /api/burden/returns/{id}/submit': { kind: 'object', fixture: 'burdenReturn', body: { values: { 'sorting-volunteers': '1', 'sorting-points': '1' } }, roles: BURDEN_INBOX },
  'GET /api/burden/figures': { kind: 'roles', roles: ['shgzb', 'district', 'leader'] },
  // ---- 红心物业 (property.int.test.ts) -------------------------------------------------------------------------------
  'GET /api/property/companies': { kind: 'roles', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  'GET /api/property/companies/{id}': { kind: 'object', fixture: 'propertyCompany', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  'GET /api/property/companies/{id}/collection': { kind: 'object', fixture: 'propertyCompany', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  'GET /api/property/compounds': { kind: 'area', param: 'area', list: true, roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  'GET /api/property/compounds/{id}': { kind: 'object', fixture: 'compound', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  'GET /api/property/compounds/{id}/owners-roll': { kind: 'object', fixture: 'compound', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  'GET /api/property/inspection-checklist': { kind: 'public', why: 'the checklist’s items, the same for everyone' },
  'POST /api/property/inspections': { kind: 'bodyArea', via: 'compound', body: ({ id }) => ({ placeId: id('compound'), results: { cleaning: true, greenery: true, facilities: true, order: true, 'fire-safety': true, disclosure: true }, photoIds: [id('photo')] }) },
  'POST /api/property/evaluations': { kind: 'bodyArea', via: 'compound', body: ({ id }) => ({ placeId: id('compound'), month: new Date().toISOString().slice(0, 7), score: 80 }) },
  'POST /api/property/sanctions': { kind: 'roles', roles: ['admin', 'dept-zj'] },
  'GET /api/property/gradings': { kind: 'roles', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  'POST /api/property/gradings/propose': { kind: 'roles', roles: ['admin', 'dept-zj'] },
  'POST /api/property/gradings/{id}/confirm': { kind: 'roles', roles: ['admin', 'dept-zj'] },
  'GET /api/property/lists': { kind: 'public', why: 'the red and black lists are published (公示): names and grades only' },
  'GET /api/property/bills': { kind: 'list', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  // only a company's own staff bill (no demo account is one: every demo role is refused); the control is the staff of the company serving the compound
  'POST /api/property/bills': { kind: 'bodyArea', via: 'billHousehold', control: 'company', body: ({ id }) => ({ householdId: id('billHousehold'), period: '2020-02', amount: 100 }) },
  'POST /api/property/bills/{id}/payments': { kind: 'object', fixture: 'bill', body: { amount: 10 } },
  'POST /api/property/bills/{id}/offsets': { kind: 'object', fixture: 'bill', body: { redemptionId: '00000000-0000-4000-8000-000000000000' } },
  // only a company's own staff see what a household may offset (no demo role is one)
  'GET /api/property/bills/{id}/redemptions': { kind: 'object', fixture: 'bill', roles: [] },
  'GET /api/property/compounds/{id}/households': { kind: 'object', fixture: 'compound', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary', 'dept-zj'] },
  // the community keeps a compound's committee, cover and joint meetings; contracts are filed with it and with 住建
  'PUT /api/property/compounds/{id}/coverage': { kind: 'object', fixture: 'compound', body: { mode: 'community' }, roles: ['community', 'secretary'] },
  'POST /api/property/contracts': {
    kind: 'bodyArea',
    via: 'compound',
    roles: ['community', 'secretary', 'dept-zj'],
    body: ({ id }) => ({ placeId: id('compound'), households: 10, feePerM2: 1, serviceStandard: '越界合同', startsOn: '2020-01-01', endsOn: '2020-12-31' }),
  },
  'PATCH /api/property/contracts/{id}': { kind: 'object', fixture: 'contract', body: { households: 1 }, roles: ['community', 'secretary', 'dept-zj'] },
  'POST /api/property/committees': {
    kind: 'bodyArea',
    via: 'compound',
    roles: ['community', 'secretary'],
    body: ({ id }) => ({ placeId: id('compound'), termStart: '2020-01-01', termEnd: '2024-12-31', members: [{ name: '越界甲', post: '主任' }, { name: '越界乙', post: '委员' }, { name: '越界丙', post: '委员' }] }),
  },
  'PATCH /api/property/committees/{id}': { kind: 'object', fixture: 'committee', body: { termEnd: '2099-05-31' }, roles: ['community', 'secretary'] },
  'POST /api/property/joint-meetings': { kind: 'bodyArea', via: 'compound', roles: ['community', 'secretary'], body: ({ id }) => ({ placeId: id('compound'), heldOn: '2020-03-01', attendees: '越界', topics: '越界会议' }) },
  // ---- service points, talent registry, sunk-down cadres (cadres.int.test.ts) -------------------------------------
  'GET /api/service-points': { kind: 'area', param: 'area', list: true },
  'GET /api/service-points/nearby': { kind: 'own', why: 'the public service points within 15 minutes of the caller’s home, a chosen area or the phone’s location' },
  'GET /api/service-points/{id}': { kind: 'object', fixture: 'servicePoint' },
  'POST /api/service-points': { kind: 'bodyArea', body: ({ area }) => ({ areaCode: area, kind: 'grid-station', name: fresh('越界驿站'), lat: 31.87, lng: 121.17 }), check: ({ area }) => `/api/service-points?area=${area}&pageSize=1` },
  'PATCH /api/service-points/{id}': { kind: 'object', fixture: 'servicePoint', body: { name: '越界修改' } },
  'GET /api/talents': { kind: 'area', param: 'area', list: true },
  'POST /api/talents': { kind: 'bodyArea', body: ({ area }) => ({ areaCode: area, name: fresh('越界'), category: 'other', consent: true }), check: ({ area }) => `/api/talents?area=${area}&pageSize=1` },
  'PATCH /api/talents/{id}': { kind: 'object', fixture: 'talent', body: { name: '越界修改' } },
  'PUT /api/talents/{id}/consent': { kind: 'object', fixture: 'talent', body: { given: false } },
  'POST /api/talents/{id}/reveal': { kind: 'object', fixture: 'talent' },
  'GET /api/cadres': { kind: 'area', param: 'area', list: true },
  'GET /api/cadres/attendance': { kind: 'area', param: 'area', list: true },
  'GET /api/cadres/me': { kind: 'own', why: 'the calling cadre’s own check-ins and tasks' },
  'POST /api/cadres/me/checkins': { kind: 'own', why: 'the calling cadre checks in to the community of their own account' },
  'PATCH /api/cadres/{id}': { kind: 'object', fixture: 'cadre', body: { kind: 'first-secretary' } },
  'GET /api/cadre-tasks': { kind: 'area', param: 'area', list: true },
  'POST /api/cadre-tasks': { kind: 'bodyArea', via: 'cadre', body: ({ id }) => ({ cadreId: id('cadre'), title: fresh('越界交办') }), check: () => '/api/cadre-tasks?area=320614103002&pageSize=1' },
  'POST /api/cadre-tasks/{id}/complete': { kind: 'object', fixture: 'cadreTask', body: { note: '越界完成' } },
  'POST /api/cadre-tasks/{id}/cancel': { kind: 'object', fixture: 'cadreTask', body: { reason: '越界取消' } },
};
