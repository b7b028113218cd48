import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid, isWishAction, WISH_ACTIONS } from '@gongzhi/domain';
import { WishActionBody, WishCreateBody, WishCreated, WishDetailAnswer, WishList, WishListQuery, WishWall, WishWallQuery } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as wishes from '../services/wishes.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

export function wishRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['wishes'];
  r.post(
    '/api/wishes',
    {
      schema: {
        tags,
        summary: '提交微心愿（居民本人，或网格员代居民提交 forPersonId）',
        description: '返回 201 {id, state:"submitted"}。支持 Idempotency-Key。',
        body: WishCreateBody,
        response: { 201: WishCreated },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const result = await wishes.createWish(ctx, requireActor(req), req.body, requestContext(req), { idempotencyKey: typeof key === 'string' ? key : undefined });
      return reply.status(result.status as 201).send(result.body as WishCreated);
    },
  );
  r.get(
    '/api/wishes/wall',
    { schema: { tags, summary: '心愿墙（无需登录；心愿人姓名脱敏，只含待认领、已认领、待确认的心愿）', querystring: WishWallQuery, response: { 200: WishWall } } },
    async (req) => wishes.wishWall(ctx, req.query.area),
  );
  r.get('/api/wishes', { schema: { tags, summary: '微心愿列表（在调用者范围内）', querystring: WishListQuery, response: { 200: WishList } } }, async (req) => wishes.listWishes(ctx, requireActor(req), req.query));
  r.get('/api/wishes/:id', { schema: { tags, summary: '微心愿详情（含时间线和可执行操作）', params: uuidParam, response: { 200: WishDetailAnswer } } }, async (req) => wishes.getWish(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/wishes/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '微心愿操作',
        description: `操作：${WISH_ACTIONS.join(', ')}。无权 → 403；状态不允许 → 409。`,
        params: z.object({ id: z.uuid({ message: '应为微心愿 ID' }), action: z.string().max(40) }),
        body: WishActionBody,
        response: { 200: WishDetailAnswer },
      },
    },
    async (req) => {
      const action = req.params.action;
      if (!isWishAction(action)) throw invalid('unknown_action', `未知的微心愿操作：${action.slice(0, 40)}`, { field: 'action' });
      return wishes.act(ctx, requireActor(req), req.params.id, action, req.body ?? {}, requestContext(req));
    },
  );
}
