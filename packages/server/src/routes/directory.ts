import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CRS_VALUES, ORG_KIND_CODES, PLACE_GROUPS, PLACE_KIND_CODES, type Crs } from '@gongzhi/domain';
import { Organisation, OrganisationList, Place, PlaceList } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as directory from '../services/directory.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput, optionalText, text, uuidParam } from './common.ts';

// Places and organisations: one route pattern (list in scope with filters, read, create, edit, retire).
const areaCode = z.string().regex(/^\d{12,20}$/, '应为社区（村）、网格或更下级代码');
const listQuery = {
  area: areaCodeInput.optional(),
  q: z.string().trim().max(40).optional(),
  includeRetired: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  // The map shows a community's places at once.
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};
const crs = z.enum(CRS_VALUES as [Crs, ...Crs[]], { message: '坐标系应为 wgs84、gcj02 或 bd09' }).optional();
const lat = z.number({ message: '纬度应为数字' }).min(-90).max(90);
const lng = z.number({ message: '经度应为数字' }).min(-180).max(180);
const nullableText = (max: number) => optionalText(max).nullable().optional();
const placeKind = z.enum(PLACE_KIND_CODES, { message: '场所类型不正确' });
const orgKind = z.enum(ORG_KIND_CODES, { message: '组织类型不正确' });

export function directoryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- places -------------------------------------------------------------------------------------------
  const placeTags = ['places'];
  const placeBody = {
    kind: placeKind,
    name: text(60),
    areaCode: areaCode.nullable().optional().describe('所属网格；不填则按位置所在网格'),
    lat,
    lng,
    crs,
    outline: z.unknown().optional().describe('住宅小区的边界：GeoJSON Polygon 或 MultiPolygon'),
    address: nullableText(120),
    propertyOrgId: z.uuid('应为组织编号').nullable().optional().describe('住宅小区的物业服务企业；null 为无物业小区'),
    note: nullableText(500),
  };
  r.get(
    '/api/places',
    { schema: { tags: placeTags, summary: '场所列表（住宅小区、十小场所、公共设施）', querystring: z.object({ ...listQuery, kind: placeKind.optional(), group: z.enum(PLACE_GROUPS).optional() }), response: { 200: PlaceList } } },
    async (req) => directory.listPlaces(ctx, requireActor(req), req.query),
  );
  r.get('/api/places/:id', { schema: { tags: placeTags, summary: '场所详情', params: uuidParam, response: { 200: Place } } }, async (req) => directory.getPlace(ctx, requireActor(req), req.params.id));
  r.post('/api/places', { schema: { tags: placeTags, summary: '新增场所', body: z.object(placeBody), response: { 201: Place } } }, async (req, reply) =>
    reply.status(201).send(await directory.createPlace(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/places/:id',
    { schema: { tags: placeTags, summary: '修改场所', params: uuidParam, body: z.object({ ...placeBody, kind: placeKind.optional(), name: text(60).optional(), lat: lat.optional(), lng: lng.optional() }), response: { 200: Place } } },
    async (req) => directory.updatePlace(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.delete('/api/places/:id', { schema: { tags: placeTags, summary: '注销场所（保留历史）', params: uuidParam, response: { 200: Place } } }, async (req) =>
    directory.retirePlace(ctx, requireActor(req), req.params.id, requestContext(req)),
  );

  // ---- organisations ------------------------------------------------------------------------------------
  const orgTags = ['organisations'];
  const orgBody = {
    kind: orgKind,
    name: text(80),
    areaCode,
    contactName: nullableText(40),
    phone: z.string().trim().max(20, '联系电话过长').nullable().optional(),
    creditCode: z.string().trim().max(18, '统一社会信用代码应为 18 位').nullable().optional(),
    address: nullableText(120),
    lat: lat.nullable().optional(),
    lng: lng.nullable().optional(),
    crs,
    note: nullableText(500),
  };
  r.get(
    '/api/organisations',
    { schema: { tags: orgTags, summary: '组织列表（社会组织、物业、业委会、商户、志愿队、企业；电话脱敏）', querystring: z.object({ ...listQuery, kind: orgKind.optional() }), response: { 200: OrganisationList } } },
    async (req) => directory.listOrganisations(ctx, requireActor(req), req.query),
  );
  r.get('/api/organisations/:id', { schema: { tags: orgTags, summary: '组织详情（物业服务企业含所管小区）', params: uuidParam, response: { 200: Organisation } } }, async (req) =>
    directory.getOrganisation(ctx, requireActor(req), req.params.id),
  );
  r.post('/api/organisations', { schema: { tags: orgTags, summary: '新增组织', body: z.object(orgBody), response: { 201: Organisation } } }, async (req, reply) =>
    reply.status(201).send(await directory.createOrganisation(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/organisations/:id',
    { schema: { tags: orgTags, summary: '修改组织', params: uuidParam, body: z.object({ ...orgBody, kind: orgKind.optional(), name: text(80).optional(), areaCode: areaCode.optional() }), response: { 200: Organisation } } },
    async (req) => directory.updateOrganisation(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.delete('/api/organisations/:id', { schema: { tags: orgTags, summary: '注销组织（保留历史）', params: uuidParam, response: { 200: Organisation } } }, async (req) =>
    directory.retireOrganisation(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.put(
    '/api/organisations/:id/whitelist',
    { schema: { tags: orgTags, summary: '社会组织参与村（社区）工作白名单（区级）', params: uuidParam, body: z.object({ whitelisted: z.boolean() }), response: { 200: Organisation } } },
    async (req) => directory.setWhitelisted(ctx, requireActor(req), req.params.id, req.body.whitelisted, requestContext(req)),
  );
}
