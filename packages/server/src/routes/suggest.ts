import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaseSuggestions, SuggestBody } from '@gongzhi/domain/contract';
import { requestContext } from '../http/request.ts';
import type { AppContext } from '../services/context.ts';
import * as suggestions from '../services/suggest.ts';

export function suggestRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/cases/suggest',
    {
      schema: {
        tags: ['cases'],
        summary: '智能分派：按标题和描述推荐事项类型、承办单位和疑似重复案件',
        description:
          '返回至多 5 个叶子事项类型、5 个可派遣单位和 5 个调用者范围内的未办结相似案件，按分值（0~1）从高到低；words 为决定推荐的词。未登录（扫码上报页）须提供 areaCode，similar 恒为空。',
        security: [],
        body: SuggestBody,
        response: { 200: CaseSuggestions },
      },
    },
    async (req) => suggestions.suggest(ctx, req.actor, req.body, requestContext(req)),
  );
}
