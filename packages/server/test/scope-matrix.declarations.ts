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
 * - `area`     takes an area code in `param` (query, or the path's `{code}`): for every role, an area outside the
 *              caller's branch answers 403/404, or 200 holding only rows of the caller's branch (`list: true`).
 *              `level: 'grid'` probes with a grid code; `query` adds required parameters.
 * - `list`     a list with no area parameter: every `areaCode` in the answer lies on the caller's branch.
 * - `object`   the path's `{id}` (or `{code}`) names an object of a `fixture` (see FIXTURES in the test): an object
 *              of another area answers 403/404; for a write (`body`), the refusal changes nothing.
 * - `exempt`   not probable by the matrix (logins, file tokens, signed links…); say `why` and which test covers it.
 *
 * `area`, `list` and `object` may also set `roles`: the roles that may call it at all (others must get 403).
 */
export type Fixture = 'area' | 'case' | 'reportedCase' | 'person' | 'household' | 'partyOrg' | 'wish' | 'order' | 'award' | 'campaign' | 'place' | 'organisation' | 'servicePoint' | 'talent' | 'cadre' | 'cadreTask';

export type Declaration =
  | { kind: 'public'; why: string }
  | { kind: 'own'; why: string }
  | { kind: 'roles'; roles: string[]; why?: string }
  | { kind: 'area'; param: string; level?: 'village' | 'grid'; query?: string; list?: boolean; roles?: string[] }
  | { kind: 'list'; query?: string; roles?: string[] }
  | { kind: 'object'; fixture: Fixture; body?: unknown; query?: string; action?: string; roles?: string[] }
  | { kind: 'exempt'; why: string };

/** Demo usernames, grouped as the routes group them. */
const ADMINS = ['admin', 'security'];

export const DECLARATIONS: Record<string, Declaration> = {
  // ---- health, login, account ------------------------------------------------------------------------------------
  'GET /api/health': { kind: 'public', why: 'liveness' },
  'GET /api/config': { kind: 'public', why: 'map settings the web app needs before login' },
  'POST /api/auth/login': { kind: 'exempt', why: 'login (auth.int.test.ts)' },
  'GET /api/auth/challenge': { kind: 'public', why: 'login challenge' },
  'GET /api/auth/me': { kind: 'own', why: 'the caller' },
  'POST /api/auth/logout': { kind: 'own', why: 'ends the caller’s session' },
  'POST /api/auth/password': { kind: 'own', why: 'the caller’s password' },

  // ---- areas and registry ----------------------------------------------------------------------------------------
  'GET /api/areas/{code}': { kind: 'area', param: 'code' },
  'PATCH /api/areas/{code}': { kind: 'object', fixture: 'area', body: { name: '越界改名' } },
  'POST /api/areas': { kind: 'exempt', why: 'creates under a parent the service scopes (territory.int.test.ts)' },
  'GET /api/areas/{code}/outlines': { kind: 'area', param: 'code' },
  'POST /api/areas/{code}/outlines': { kind: 'object', fixture: 'area', body: { type: 'FeatureCollection', features: [] } },
  'GET /api/areas/{code}/children': { kind: 'area', param: 'code' },
  'GET /api/areas/{code}/map': { kind: 'area', param: 'code' },
  'GET /api/areas/{code}/households': { kind: 'area', param: 'code' },
  'GET /api/areas': { kind: 'list', query: 'q=常乐' },
  'GET /api/people': { kind: 'area', param: 'area', list: true },
  'POST /api/people': { kind: 'exempt', why: 'creates in a household the service scopes (people.int.test.ts)' },
  'GET /api/people/{id}': { kind: 'object', fixture: 'person' },
  'PATCH /api/people/{id}': { kind: 'object', fixture: 'person', body: { note: '越界修改' } },
  'POST /api/people/{id}/reveal': { kind: 'object', fixture: 'person', body: { field: 'phone', reason: '越界查看' } },
  'GET /api/households/{id}': { kind: 'object', fixture: 'household' },
  'POST /api/households': { kind: 'exempt', why: 'creates under an area the service scopes (households.int.test.ts)' },
  'PATCH /api/households/{id}': { kind: 'object', fixture: 'household', body: { doorplate: '越界-101' } },
  'POST /api/households/{id}/events': { kind: 'object', fixture: 'household', body: { kind: 'move-out', personId: '00000000-0000-4000-8000-000000000000', date: '2026-11-01' } },
  'GET /api/imports/people/template.xlsx': { kind: 'public', why: 'an empty template' },
  'POST /api/imports/people': { kind: 'exempt', why: 'multipart upload; rows outside the scope are refused (registry-import.int.test.ts)' },
  'POST /api/imports/people/report.xlsx': { kind: 'own', why: 'echoes the caller’s own upload result' },
  'GET /api/imports/people/export.xlsx': { kind: 'area', param: 'area' },
  'GET /api/staff': { kind: 'area', param: 'area', list: true },
  'POST /api/staff': { kind: 'exempt', why: 'appoints a person the service scopes (staffing.int.test.ts)' },
  'POST /api/staff/{id}/end': { kind: 'exempt', why: 'no appointment in the neighbour community in the seed (staffing.int.test.ts)' },
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
  'GET /api/calendar/{year}': { kind: 'exempt', why: 'the working-day calendar holds no area data; residents refused (work-time.int.test.ts)' },
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
  'GET /api/public/areas/{code}': { kind: 'public', why: 'what the QR report page shows of an area' },
  'GET /api/qr/{code}': { kind: 'area', param: 'code' },
  'GET /api/stats/cases': { kind: 'area', param: 'area' },
  'GET /api/stats/cases/breakdown': { kind: 'area', param: 'area', query: 'by=child' },
  'GET /api/bulletins/{areaCode}/{file}': { kind: 'exempt', why: 'file names come from the list of an area (bulletin.int.test.ts)' },

  // ---- points ----------------------------------------------------------------------------------------------------
  'GET /api/points/schemes': { kind: 'public', why: 'scheme definitions' },
  'GET /api/points/me': { kind: 'own', why: 'the caller’s accounts' },
  'GET /api/points/me/code': { kind: 'own', why: 'the caller’s redemption code' },
  'GET /api/points/statement': { kind: 'own', why: 'the caller’s statement' },
  'GET /api/points/rules': { kind: 'area', param: 'area', query: 'scheme=neighbourhood', list: true },
  'POST /api/points/rules': { kind: 'exempt', why: 'area in body, checked by the points service (points.int.test.ts)' },
  'PATCH /api/points/rules/{id}': { kind: 'exempt', why: 'rule ids are per area (points.int.test.ts)' },
  'GET /api/points/factors': { kind: 'public', why: 'multiplier factors' },
  'PUT /api/points/factors/{code}': { kind: 'roles', roles: ['admin', 'district'] },
  'POST /api/points/awards': { kind: 'exempt', why: 'recipient checked by the points service (points.int.test.ts)' },
  'GET /api/points/awards': { kind: 'list' },
  'GET /api/points/awards/{id}': { kind: 'object', fixture: 'award' },
  'POST /api/points/awards/{id}/approve': { kind: 'object', fixture: 'award', body: {} },
  'POST /api/points/awards/{id}/reject': { kind: 'object', fixture: 'award', body: { reason: '越界驳回' } },
  'POST /api/points/awards/{id}/reverse': { kind: 'object', fixture: 'award', body: { reason: '越界冲正' } },
  'GET /api/points/items': { kind: 'public', why: 'the redemption catalogue shown to every member' },
  'POST /api/points/items': { kind: 'exempt', why: 'merchant or area in body (points.int.test.ts)' },
  'PATCH /api/points/items/{id}': { kind: 'exempt', why: 'items belong to merchants (points.int.test.ts)' },
  'POST /api/points/items/{id}/restock': { kind: 'exempt', why: 'items belong to merchants (points.int.test.ts)' },
  'POST /api/points/redemptions': { kind: 'own', why: 'spends the caller’s own points' },
  'GET /api/points/redemptions': { kind: 'list' },
  'GET /api/points/redemptions/{id}': { kind: 'exempt', why: 'no redemption in another area in the demo (points.int.test.ts)' },
  'POST /api/points/redemptions/{id}/confirm': { kind: 'exempt', why: 'merchant-only, by the signed code (points.int.test.ts)' },
  'POST /api/points/redemptions/{id}/cancel': { kind: 'exempt', why: 'the redeemer or the merchant (points.int.test.ts)' },
  'GET /api/points/leaderboard': { kind: 'area', param: 'area', query: 'scheme=neighbourhood', list: true },
  'GET /api/points/accounts': { kind: 'area', param: 'area', query: 'scheme=neighbourhood', list: true },
  'GET /api/points/accounts/{id}/statement': { kind: 'exempt', why: 'account ids come from the scoped list (points.int.test.ts)' },
  'GET /api/points/audit': { kind: 'roles', roles: ['admin', 'district', 'leader', 'auditor'] },

  // ---- wishes, service menu, orders ------------------------------------------------------------------------------
  'POST /api/wishes': { kind: 'exempt', why: 'posted in the caller’s own area (wishes.int.test.ts)' },
  'GET /api/wishes': { kind: 'area', param: 'area', list: true },
  'GET /api/wishes/wall': { kind: 'public', why: 'the public wall of open wishes' },
  'GET /api/wishes/{id}': { kind: 'object', fixture: 'wish' },
  'POST /api/wishes/{id}/actions/{action}': { kind: 'object', fixture: 'wish', action: 'approve', body: {} },
  'GET /api/service-menu': { kind: 'area', param: 'area', list: true },
  'POST /api/service-menu': { kind: 'exempt', why: 'area in body (orders.int.test.ts)' },
  'PATCH /api/service-menu/{id}': { kind: 'exempt', why: 'no menu item in another area in the demo (orders.int.test.ts)' },
  'GET /api/service-teams': { kind: 'area', param: 'area', list: true },
  'POST /api/service-teams': { kind: 'exempt', why: 'area in body (orders.int.test.ts)' },
  'GET /api/service-teams/servers': { kind: 'area', param: 'area', list: true },
  'POST /api/service-teams/{id}/members': { kind: 'exempt', why: 'no team in another area in the demo (orders.int.test.ts)' },
  'DELETE /api/service-teams/{id}/members/{userId}': { kind: 'exempt', why: 'no team in another area in the demo (orders.int.test.ts)' },
  'POST /api/orders': { kind: 'exempt', why: 'ordered in the caller’s own area (orders.int.test.ts)' },
  'GET /api/orders': { kind: 'area', param: 'area', list: true },
  'GET /api/orders/{id}': { kind: 'object', fixture: 'order' },
  'POST /api/orders/{id}/actions/{action}': { kind: 'object', fixture: 'order', action: 'accept', body: {} },

  // ---- party work ------------------------------------------------------------------------------------------------
  'GET /api/party/orgs': { kind: 'area', param: 'area', list: true },
  'GET /api/party/orgs/{id}': { kind: 'object', fixture: 'partyOrg' },
  'POST /api/party/orgs': { kind: 'exempt', why: 'creates under a parent the service scopes (party-tree.int.test.ts)' },
  'PATCH /api/party/orgs/{id}': { kind: 'object', fixture: 'partyOrg', body: { name: '越界改名' } },
  'DELETE /api/party/orgs/{id}': { kind: 'object', fixture: 'partyOrg' },
  'GET /api/party/me/targets': { kind: 'own', why: 'organisations of the community the caller lives in' },
  'PUT /api/party/members/{id}/central-household': { kind: 'exempt', why: 'no member fixture in the seed (party-tree.int.test.ts)' },
  'POST /api/party/formation-check/branches': { kind: 'exempt', why: 'creates in an area the service scopes (party-tree.int.test.ts)' },
  'GET /api/party/members': { kind: 'area', param: 'area', list: true },
  'GET /api/party/me': { kind: 'own', why: 'the caller’s membership' },
  'POST /api/party/registrations': { kind: 'own', why: 'the caller registers themself' },
  'POST /api/party/registrations/{id}/accept': { kind: 'exempt', why: 'registrations of the secretary’s area (party.int.test.ts)' },
  'POST /api/party/registrations/{id}/reject': { kind: 'exempt', why: 'registrations of the secretary’s area (party.int.test.ts)' },
  'GET /api/party/posts': { kind: 'area', param: 'area', list: true },
  'POST /api/party/posts': { kind: 'exempt', why: 'area in body (party.int.test.ts)' },
  'PUT /api/party/members/{id}/post': { kind: 'exempt', why: 'no member in another area in the demo (party.int.test.ts)' },
  'GET /api/party/formation-check': { kind: 'area', param: 'area', list: true },
  'GET /api/party/links': { kind: 'area', param: 'grid', level: 'grid', list: true },
  'POST /api/party/links/propose': { kind: 'exempt', why: 'grid in body (party-work.int.test.ts)' },
  'PUT /api/party/links/{id}': { kind: 'exempt', why: 'link ids come from a grid’s list (party-work.int.test.ts)' },
  'GET /api/party/my/households': { kind: 'own', why: 'the households linked to the caller' },
  'POST /api/party/visits': { kind: 'own', why: 'the caller’s own visit to a household linked to them' },
  'GET /api/party/visits': { kind: 'area', param: 'area', list: true },
  'POST /api/party/followups/{id}/convert': { kind: 'exempt', why: 'follow-ups of visits in scope (party-work.int.test.ts)' },
  'GET /api/party/coverage': { kind: 'area', param: 'area', list: true },
  'POST /api/party/patrols': { kind: 'own', why: 'the caller’s own patrol' },
  'GET /api/party/patrols/today': { kind: 'own', why: 'the caller’s own patrol' },
  'GET /api/party/diary': { kind: 'own', why: 'the caller’s own diary' },
  'GET /api/party/members/{id}': { kind: 'exempt', why: 'no member in another area in the demo (party.int.test.ts)' },
  'POST /api/party/members/{id}/transfer': { kind: 'exempt', why: 'no member in another area in the demo (party.int.test.ts)' },
  'POST /api/party/members/{id}/post-reports': { kind: 'exempt', why: 'no member in another area in the demo (party.int.test.ts)' },

  // ---- cockpit and measures --------------------------------------------------------------------------------------
  'GET /api/cockpit/summary': { kind: 'area', param: 'area' },
  'GET /api/cockpit/map': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/overdue': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/hotspots': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/staffing': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/vitality': { kind: 'area', param: 'area', list: true },
  'GET /api/cockpit/rectification': { kind: 'area', param: 'area', list: true },

  // ---- exports (the same services as the lists) ------------------------------------------------------------------
  'GET /api/exports/units.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/areas.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/categories.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/cases.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/people.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/households.xlsx': { kind: 'area', param: 'area' },
  'GET /api/exports/points-leaderboard.xlsx': { kind: 'area', param: 'area', query: 'scheme=neighbourhood' },
  'GET /api/exports/audit.xlsx': { kind: 'roles', roles: ['auditor'] },
  'POST /api/exports/people/jobs': { kind: 'exempt', why: 'the filters of GET /api/exports/people.xlsx, checked when the job starts (export-jobs.int.test.ts)' },
  'POST /api/exports/cases/jobs': { kind: 'exempt', why: 'the filters of GET /api/exports/cases.xlsx, checked when the job starts (export-jobs.int.test.ts)' },
  'GET /api/exports/jobs/{id}': { kind: 'own', why: 'the caller’s own export job; another account’s answers 404 (export-jobs.int.test.ts)' },
  'GET /api/exports/jobs/{id}/file': { kind: 'own', why: 'the caller’s own export file; another account’s answers 404 (export-jobs.int.test.ts)' },

  // ---- door-knocking campaigns and four-colour risk (敲门行动, 四色分级) -------------------------------------------
  'GET /api/campaigns': { kind: 'list' },
  'POST /api/campaigns': { kind: 'exempt', why: 'creates over an area the service scopes (campaigns.int.test.ts)' },
  'GET /api/campaigns/{id}': { kind: 'object', fixture: 'campaign' },
  'GET /api/campaigns/{id}/progress': { kind: 'object', fixture: 'campaign' },
  'GET /api/campaigns/{id}/worklist': { kind: 'object', fixture: 'campaign' },
  'POST /api/campaigns/{id}/visits': { kind: 'object', fixture: 'campaign', body: { householdId: '00000000-0000-4000-8000-000000000000', result: 'visited' } },
  'POST /api/campaigns/{id}/rounds': { kind: 'object', fixture: 'campaign' },
  'POST /api/campaigns/{id}/close': { kind: 'object', fixture: 'campaign', body: {} },
  'PATCH /api/households/{id}/risk': { kind: 'object', fixture: 'household', body: { riskColour: 'red', reason: '越界修改' } },
  'GET /api/households/{id}/risk-history': { kind: 'object', fixture: 'household' },
  'GET /api/areas/{code}/risk-counts': { kind: 'area', param: 'code' },
  // ---- reception days (接待日) and leaders' cases (领导包案) ---------------------------------------------------------
  'GET /api/reception-days': { kind: 'area', param: 'area', list: true, roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary'] },
  'GET /api/reception-days/published': { kind: 'public', why: 'the published schedule of a community, a public notice (reception.int.test.ts)' },
  'POST /api/reception-days': { kind: 'exempt', why: 'the area is in the body; another area answers 404, other roles 403 (reception.int.test.ts)' },
  'GET /api/reception-days/{id}': { kind: 'exempt', why: 'no reception day fixture; another area answers 404 (reception.int.test.ts)' },
  'PATCH /api/reception-days/{id}': { kind: 'exempt', why: 'no reception day fixture; another area answers 404 (reception.int.test.ts)' },
  'DELETE /api/reception-days/{id}': { kind: 'exempt', why: 'no reception day fixture; another area answers 404 (reception.int.test.ts)' },
  'POST /api/reception-days/{id}/cases': { kind: 'exempt', why: 'no reception day fixture; another area answers 404, a department 404, a leader 403 (reception.int.test.ts)' },
  'GET /api/reception-leaders': { kind: 'roles', roles: ['admin', 'district', 'leader', 'town', 'community', 'grid', 'secretary'] },
  'PUT /api/reception-leaders/{id}/attachments': { kind: 'exempt', why: 'the areas are in the body; another area answers 404, other roles 403 (reception.int.test.ts)' },
  'GET /api/lead-cases': { kind: 'own', why: 'the cases the caller leads (领导包案)' },
  // ---- deliberation (议事协商) ----------------------------------------------------------------------------------------
  'POST /api/deliberations': { kind: 'exempt', why: 'convened in an area the service scopes; other area → 404, wrong role → 403 (deliberations.int.test.ts)' },
  'GET /api/deliberations': { kind: 'area', param: 'area', list: true },
  'GET /api/deliberations/roll-candidates': { kind: 'area', param: 'area', roles: ['admin', 'district', 'town', 'community', 'secretary'] },
  'GET /api/deliberations/{id}': { kind: 'exempt', why: 'a deliberation of another area answers 404 (deliberations.int.test.ts)' },
  'POST /api/deliberations/{id}/ballots': { kind: 'exempt', why: 'other area → 404, non-staff off the roll → 403 (deliberations.int.test.ts)' },
  'POST /api/deliberations/{id}/actions/close': { kind: 'exempt', why: 'other area → 404, wrong role → 403 (deliberations.int.test.ts)' },
  // ---- territory: split and merge of grids -----------------------------------------------------------------------
  'POST /api/areas/{code}/actions/split': { kind: 'object', fixture: 'area', body: { parts: [], dryRun: true } },
  'POST /api/areas/actions/merge': { kind: 'exempt', why: 'grid codes in the body, each checked in scope (territory-split.int.test.ts)' },
  // ---- places and organisations (places.int.test.ts) -------------------------------------------------------------
  'GET /api/places': { kind: 'area', param: 'area', list: true },
  'POST /api/places': { kind: 'exempt', why: 'creates in a grid the service scopes, given or found from the point (places.int.test.ts)' },
  'GET /api/places/{id}': { kind: 'object', fixture: 'place' },
  'PATCH /api/places/{id}': { kind: 'object', fixture: 'place', body: { name: '越界修改' } },
  'DELETE /api/places/{id}': { kind: 'object', fixture: 'place' },
  'GET /api/organisations': { kind: 'area', param: 'area', list: true },
  'POST /api/organisations': { kind: 'exempt', why: 'creates in an area the service scopes (places.int.test.ts)' },
  'GET /api/organisations/{id}': { kind: 'object', fixture: 'organisation' },
  'PATCH /api/organisations/{id}': { kind: 'object', fixture: 'organisation', body: { name: '越界修改' } },
  'DELETE /api/organisations/{id}': { kind: 'object', fixture: 'organisation' },
  'PUT /api/organisations/{id}/whitelist': { kind: 'object', fixture: 'organisation', body: { whitelisted: true } },
  'GET /api/people/{id}/profile': { kind: 'object', fixture: 'person' },
  // ---- service points, talent registry, sunk-down cadres (cadres.int.test.ts) -------------------------------------
  'GET /api/service-points': { kind: 'area', param: 'area', list: true },
  'GET /api/service-points/nearby': { kind: 'own', why: 'the public service points within 15 minutes of the caller’s home, a chosen area or the phone’s location' },
  'GET /api/service-points/{id}': { kind: 'object', fixture: 'servicePoint' },
  'POST /api/service-points': { kind: 'exempt', why: 'creates in an area of the body the service scopes (cadres.int.test.ts)' },
  'PATCH /api/service-points/{id}': { kind: 'object', fixture: 'servicePoint', body: { name: '越界修改' } },
  'GET /api/talents': { kind: 'area', param: 'area', list: true },
  'POST /api/talents': { kind: 'exempt', why: 'creates in an area of the body the service scopes (cadres.int.test.ts)' },
  'PATCH /api/talents/{id}': { kind: 'object', fixture: 'talent', body: { name: '越界修改' } },
  'PUT /api/talents/{id}/consent': { kind: 'object', fixture: 'talent', body: { given: false } },
  'POST /api/talents/{id}/reveal': { kind: 'object', fixture: 'talent' },
  'GET /api/cadres': { kind: 'area', param: 'area', list: true },
  'GET /api/cadres/attendance': { kind: 'area', param: 'area', list: true },
  'GET /api/cadres/me': { kind: 'own', why: 'the calling cadre’s own check-ins and tasks' },
  'POST /api/cadres/me/checkins': { kind: 'own', why: 'the calling cadre checks in to the community of their own account' },
  'PATCH /api/cadres/{id}': { kind: 'object', fixture: 'cadre', body: { kind: 'first-secretary' } },
  'GET /api/cadre-tasks': { kind: 'area', param: 'area', list: true },
  'POST /api/cadre-tasks': { kind: 'exempt', why: 'the cadre of the body is looked up in the caller’s scope (cadres.int.test.ts)' },
  'POST /api/cadre-tasks/{id}/complete': { kind: 'object', fixture: 'cadreTask', body: { note: '越界完成' } },
  'POST /api/cadre-tasks/{id}/cancel': { kind: 'object', fixture: 'cadreTask', body: { reason: '越界取消' } },
};
