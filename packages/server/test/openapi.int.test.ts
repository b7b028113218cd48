import SwaggerParser from '@apidevtools/swagger-parser';
import { CaseDetail, CreatedCase } from '@gongzhi/domain/contract';
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
  responses?: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
  'x-public-contract'?: boolean;
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([m]) => METHODS.has(m)).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })));
const declares = (op: Operation) => Object.entries(op.responses ?? {}).some(([status, r]) => /^2/.test(status) && r.content?.['application/json']?.schema);

/** Operations that must declare their responses (the slice done so far; docs/API.md "Coverage"). */
const DECLARED = [
  'GET /api/health',
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
];

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
      const error = op!.responses?.['4XX']?.content?.['application/json']?.schema as { $ref?: string } | undefined;
      expect(error?.$ref, `${key} declares the error shape`).toBe('#/components/schemas/Error');
    }
    const detail = byKey.get('GET /api/cases/{id}')!.responses!['200']!.content!['application/json']!.schema as { example?: { state?: string } };
    expect(detail.example?.state).toBe('dispatched');
    // The examples are answers the schemas accept.
    expect(CaseDetail.safeParse(detail.example).error).toBeUndefined();
    const created = byKey.get('POST /api/cases')!.responses!['201']!.content!['application/json']!.schema as { example?: unknown };
    expect(CreatedCase.safeParse(created.example).error).toBeUndefined();
    const declared = ops.filter((o) => declares(o.op)).length;
    // The figure docs/API.md quotes; it only grows (raise the floor with it).
    console.info(`response schemas: ${declared} of ${ops.length} operations (${ops.length - declared} without)`);
    expect(declared).toBeGreaterThanOrEqual(DECLARED.length);
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
