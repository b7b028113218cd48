// Which operations are the public contract's (API-CONTRACT.md v1.1): the one list that decides. The server marks them
// in its OpenAPI document (`x-public-contract: true`, "（公开契约）" in the summary; /api/docs shows both), and
// openapi.int.test.ts checks that each is in the document with a declared success response.
// Open311 GeoReport v2 is listed too (API-CONTRACT.md names each resource "in .json and .xml"): one operation per
// format, the JSON ones with the specification's shapes (contract/open311.ts), the XML ones by media type.

/** `METHOD /path` as the OpenAPI document writes it (`{param}`). */
export const CONTRACT_OPERATIONS = [
  // General
  'GET /api/health',
  // Authentication
  'POST /api/auth/login',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  // Areas
  'GET /api/areas/{code}',
  'GET /api/areas/{code}/children',
  'POST /api/areas',
  'PATCH /api/areas/{code}',
  'GET /api/areas/{code}/households',
  // Catalogue and units
  'GET /api/catalog',
  'GET /api/units',
  // Cases
  'POST /api/cases',
  'GET /api/cases/{id}',
  'GET /api/cases',
  'POST /api/cases/{id}/actions/{action}',
  'GET /api/stats/cases',
  // Points
  'GET /api/points/me',
  'GET /api/points/rules',
  'POST /api/points/awards',
  'POST /api/points/awards/{id}/approve',
  'GET /api/points/items',
  'POST /api/points/redemptions',
  // Micro-wishes
  'POST /api/wishes',
  'GET /api/wishes',
  'GET /api/wishes/{id}',
  'POST /api/wishes/{id}/actions/{action}',
  // Registry import
  'GET /api/imports/people/template.xlsx',
  'POST /api/imports/people',
  // Case suggestions
  'POST /api/cases/suggest',
  // Deliberation
  'POST /api/deliberations',
  'POST /api/deliberations/{id}/ballots',
  'POST /api/deliberations/{id}/actions/close',
  // Door-knocking campaigns
  'POST /api/campaigns',
  'POST /api/campaigns/{id}/visits',
  'GET /api/campaigns/{id}/progress',
  // Open311 GeoReport v2
  'GET /open311/v2/discovery.json',
  'GET /open311/v2/discovery.xml',
  'GET /open311/v2/services.json',
  'GET /open311/v2/services.xml',
  'GET /open311/v2/services/{service_code}.json',
  'GET /open311/v2/services/{service_code}.xml',
  'GET /open311/v2/requests.json',
  'GET /open311/v2/requests.xml',
  'POST /open311/v2/requests.json',
  'POST /open311/v2/requests.xml',
  'GET /open311/v2/requests/{service_request_id}.json',
  'GET /open311/v2/requests/{service_request_id}.xml',
  'GET /open311/v2/tokens/{token}.json',
  'GET /open311/v2/tokens/{token}.xml',
] as const;
export type ContractOperation = (typeof CONTRACT_OPERATIONS)[number];

const contractSet: ReadonlySet<string> = new Set(CONTRACT_OPERATIONS);

/** Fastify's `/api/areas/:code` → the document's `/api/areas/{code}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Whether `METHOD url` (Fastify's or the document's path syntax) is one of the contract's operations. */
export const isContractOperation = (method: string, url: string) => contractSet.has(`${method.toUpperCase()} ${openApiPath(url)}`);
