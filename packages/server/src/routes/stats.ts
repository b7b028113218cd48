import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseStats, CaseStatsBreakdown } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as stats from '../services/stats.ts';
import { requireActor } from '../http/request.ts';
import { isoDay } from './common.ts';

const query = {
  area: z.string().max(24).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
};

export function statsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/stats/cases',
    {
      schema: {
        tags: ['stats'],
        summary: '案件统计（结案率、按期结案率、返工率、三率等，公式见 docs/MEASURES.md）',
        querystring: z.object(query),
        response: { 200: CaseStats },
      },
    },
    async (req) => stats.caseStats(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/stats/cases/breakdown',
    {
      schema: {
        tags: ['stats'],
        summary: '按下级区域、承办单位、事项类型、渠道或受理日/月分列的案件统计',
        querystring: z.object({ ...query, by: z.enum(stats.BREAKDOWNS) }),
        response: { 200: CaseStatsBreakdown },
      },
    },
    async (req) => stats.caseStatsBreakdown(ctx, requireActor(req), req.query),
  );
}
