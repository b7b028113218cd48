import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as areas from '../services/areas.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeParam, paging, text } from './common.ts';

export function areaRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['areas'];
  r.get('/api/areas/:code', { schema: { tags, summary: '区域详情（含下级数量与边界）', params: areaCodeParam } }, async (req) =>
    areas.getArea(ctx, requireActor(req), req.params.code),
  );
  r.get('/api/areas/:code/children', { schema: { tags, summary: '下级区域', params: areaCodeParam } }, async (req) =>
    areas.getChildren(ctx, requireActor(req), req.params.code),
  );
  r.get('/api/areas/:code/map', { schema: { tags, summary: '区域内网格边界（GeoJSON）', params: areaCodeParam } }, async (req) =>
    areas.getGridMap(ctx, requireActor(req), req.params.code),
  );
  r.get(
    '/api/areas/:code/households',
    { schema: { tags, summary: '区域内住户', params: areaCodeParam, querystring: z.object(paging) } },
    async (req) => areas.getHouseholds(ctx, requireActor(req), req.params.code, req.query.page, req.query.pageSize),
  );
  r.get(
    '/api/areas',
    { schema: { tags, summary: '按名称搜索区域', querystring: z.object({ q: text(40) }) } },
    async (req) => areas.searchAreas(ctx, requireActor(req), req.query.q),
  );
  r.patch(
    '/api/areas/:code',
    { schema: { tags, summary: '修改区域名称', params: areaCodeParam, body: z.object({ name: text(60) }) } },
    async (req) => {
      const row = await areas.renameArea(ctx, requireActor(req), req.params.code, req.body.name, requestContext(req));
      return areas.getArea(ctx, requireActor(req), row.code);
    },
  );
}
