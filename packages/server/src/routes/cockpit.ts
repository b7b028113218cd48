import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CockpitHotspots, CockpitMap, CockpitOverdue, CockpitParticipation, CockpitRectification, CockpitStaffing, CockpitSummary, CockpitVitality } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as cockpit from '../services/cockpit.ts';
import { requireActor } from '../http/request.ts';
import { isoDay, paging } from './common.ts';

const area = z.string().max(24).optional().describe('区划代码（默认：本人辖区）');
const periodQuery = z.object({
  area,
  from: isoDay.optional().describe('开始日期 YYYY-MM-DD（北京时间，默认本月 1 日）'),
  to: isoDay.optional().describe('结束日期 YYYY-MM-DD（含当日，默认今天）'),
});

export function cockpitRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cockpit'];
  r.get(
    '/api/cockpit/summary',
    { schema: { tags, summary: '驾驶舱概览：区域路径、统计区间、关键指标及上一等长区间的指标', querystring: periodQuery, response: { 200: CockpitSummary } } },
    async (req) => cockpit.summary(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/cockpit/map',
    { schema: { tags, summary: '下级区域边界（GeoJSON）及案件量、在办、超期数', querystring: periodQuery, response: { 200: CockpitMap } } },
    async (req) => cockpit.map(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/cockpit/overdue',
    { schema: { tags, summary: '超期未办结案件（当前环节已过时限），超期最久的在前', querystring: z.object({ area, ...paging }), response: { 200: CockpitOverdue } } },
    async (req) => cockpit.overdue(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/cockpit/hotspots',
    { schema: { tags, summary: '热点：同一地点同类问题重复反映，及案件最多的地点', querystring: periodQuery, response: { 200: CockpitHotspots } } },
    async (req) => cockpit.hotspots(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/cockpit/staffing',
    { schema: { tags, summary: '社区工作者与网格员配备（每万名居民，标准不少于 18 人）', querystring: z.object({ area }), response: { 200: CockpitStaffing } } },
    async (req) => cockpit.staffing(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/cockpit/vitality',
    { schema: { tags, summary: '区域活力指数（定义见 docs/COCKPIT.md）', querystring: periodQuery, response: { 200: CockpitVitality } } },
    async (req) => cockpit.vitality(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/cockpit/rectification',
    { schema: { tags, summary: '满意率低于 60% 的社区（村）整改名单', querystring: periodQuery, response: { 200: CockpitRectification } } },
    async (req) => cockpit.rectification(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/cockpit/participation',
    {
      schema: {
        tags,
        summary: '参与共治：本期需求及满足比例、销号项目及按期比例、参与居民人数（本期与本季度）及逐月趋势',
        querystring: periodQuery,
        response: { 200: CockpitParticipation },
      },
    },
    async (req) => cockpit.participation(ctx, requireActor(req), req.query),
  );
}
