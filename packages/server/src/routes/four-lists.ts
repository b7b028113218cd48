// Nanjing's four lists (四张清单: 信息、资源、需求、风险, `001`) as views of the data the product holds (docs/PARTICIPATION.md).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FourList, FourListQuery } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import { fourList } from '../services/four-lists.ts';
import { requireActor } from '../http/request.ts';

export function fourListRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/lists/four',
    {
      schema: {
        tags: ['lists'],
        summary: '四张清单（信息、资源、需求、风险）：本辖区某区域的一张清单，各项附数量、前 50 条及所在页面',
        querystring: FourListQuery,
        response: { 200: FourList },
      },
    },
    async (req) => fourList(ctx, requireActor(req), req.query),
  );
}
