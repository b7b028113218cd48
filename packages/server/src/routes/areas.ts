import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRS_VALUES, type Crs } from '@gongzhi/domain';
import { AREA_EXAMPLE, AreaChildren, AreaDetail, AreaHouseholds, AreaSearch, GridMap, GridSplitReport, OutlineImport, Outlines } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as areas from '../services/areas.ts';
import * as territorySplit from '../services/territory-split.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeParam, paging, text } from './common.ts';
import { riskColour } from './campaigns.ts';

export function areaRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['areas'];
  r.get('/api/areas/:code', { schema: { tags, summary: '区域详情（含下级数量与边界）', params: areaCodeParam, response: { 200: AreaDetail.meta({ example: AREA_EXAMPLE }) } } }, async (req) =>
    areas.getArea(ctx, requireActor(req), req.params.code),
  );
  r.get('/api/areas/:code/children', { schema: { tags, summary: '下级区域', params: areaCodeParam, response: { 200: AreaChildren } } }, async (req) =>
    areas.getChildren(ctx, requireActor(req), req.params.code),
  );
  r.get('/api/areas/:code/map', { schema: { tags, summary: '区域内网格边界（GeoJSON）', params: areaCodeParam, response: { 200: GridMap } } }, async (req) =>
    areas.getGridMap(ctx, requireActor(req), req.params.code),
  );
  r.get('/api/areas/:code/outlines', { schema: { tags, summary: '区域及其下级的边界（GeoJSON，供地图编辑）', params: areaCodeParam, response: { 200: Outlines } } }, async (req) =>
    areas.getOutlines(ctx, requireActor(req), req.params.code),
  );
  r.get(
    '/api/areas/:code/households',
    { schema: { tags, summary: '区域内住户（可按风险等级筛选）', params: areaCodeParam, querystring: z.object({ ...paging, riskColour: riskColour.optional() }), response: { 200: AreaHouseholds } } },
    async (req) => areas.getHouseholds(ctx, requireActor(req), req.params.code, req.query.page, req.query.pageSize, req.query.riskColour),
  );
  r.get(
    '/api/areas',
    { schema: { tags, summary: '按名称搜索区域', querystring: z.object({ q: text(40) }), response: { 200: AreaSearch } } },
    async (req) => areas.searchAreas(ctx, requireActor(req), req.query.q),
  );
  const crs = z.enum(CRS_VALUES as [Crs, ...Crs[]], { message: '坐标系应为 wgs84、gcj02 或 bd09' }).optional().describe('geometry 的坐标系，默认 wgs84');
  const geometry = z.unknown().optional().describe('GeoJSON Polygon 或 MultiPolygon（楼栋、单元也可为 Point）；null 清除边界');
  r.post(
    '/api/areas',
    {
      schema: {
        tags,
        summary: '新增下级区域（编码为上级编码加下一个序号）',
        body: z.object({ parentCode: z.string().max(40).describe('上级区划代码'), name: text(60), geometry, crs }),
        response: { 201: AreaDetail.meta({ example: AREA_EXAMPLE }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const row = await areas.createArea(ctx, actor, req.body, requestContext(req));
      return reply.code(201).send(await areas.getArea(ctx, actor, row.code));
    },
  );
  r.post(
    '/api/areas/:code/outlines',
    {
      // Shapes of a whole village can be large: up to 20 MB of GeoJSON.
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: '批量导入下级区域边界（GeoJSON 要素集合；KML、Shapefile 由浏览器转换）',
        params: areaCodeParam,
        body: z.object({
          type: z.literal('FeatureCollection', { message: '应为 GeoJSON FeatureCollection' }).optional(),
          features: z.array(z.unknown(), { message: '应为要素数组' }),
          crs,
          dryRun: z.boolean().optional().describe('只预览，不写入'),
        }),
        response: { 200: OutlineImport },
      },
    },
    async (req) => areas.importOutlines(ctx, requireActor(req), req.params.code, req.body, requestContext(req)),
  );
  r.patch(
    '/api/areas/:code',
    {
      schema: {
        tags,
        summary: '修改区域名称或边界',
        params: areaCodeParam,
        body: z.object({ name: text(60).optional(), geometry, crs }),
        response: { 200: AreaDetail.meta({ example: AREA_EXAMPLE }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await areas.updateArea(ctx, actor, req.params.code, req.body, requestContext(req));
      return areas.getArea(ctx, actor, row.code);
    },
  );
  // ---- Split and merge of grids (docs/TERRITORY.md) ----
  r.post(
    '/api/areas/:code/actions/split',
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: '拆分网格（按新边界划为两个及以上新网格，原网格保留为已撤销）',
        params: areaCodeParam,
        body: z.object({
          parts: z
            .array(z.object({ name: text(60), geometry: z.unknown().describe('新网格的 GeoJSON Polygon 或 MultiPolygon') }), { message: '应为新网格数组' })
            .max(20, { message: '至多拆分为 20 个网格' }),
          crs,
          fallbackPart: z.number().int().min(0).max(19).optional().describe('未能按位置归入的楼栋、住户、案件归入第几个新网格（从 0 起），默认 0'),
          holders: z
            .array(
              z.object({
                kind: z.enum(['account', 'post', 'party-org'], { message: '类型（kind）应为 account、post 或 party-org' }),
                id: z.uuid({ message: '应为账号、任职或党组织的 ID' }),
                part: z.number({ message: '新网格序号（part）应为数字' }).int().min(0).max(19),
              }),
              { message: '应为数组' },
            )
            .max(200, { message: '至多 200 项' })
            .optional()
            .describe('网格本级的账号、任职和党组织各归入第几个新网格；未列出的任职随其账号，其余归入 fallbackPart'),
          dryRun: z.boolean().optional().describe('只预览迁移结果，不写入'),
        }),
        response: { 200: GridSplitReport },
      },
    },
    async (req) => territorySplit.splitGrid(ctx, requireActor(req), req.params.code, req.body, requestContext(req)),
  );
  r.post(
    '/api/areas/actions/merge',
    {
      schema: {
        tags,
        summary: '合并同一村（社区）的相邻网格为一个新网格，原网格保留为已撤销',
        body: z.object({
          codes: z.array(z.string().max(40), { message: '应为网格编码数组' }).max(20, { message: '一次至多合并 20 个网格' }),
          name: text(60),
          dryRun: z.boolean().optional().describe('只预览迁移结果，不写入'),
        }),
        response: { 200: GridSplitReport },
      },
    },
    async (req) => territorySplit.mergeGrids(ctx, requireActor(req), req.body, requestContext(req)),
  );
}
