import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BallotBody, BallotCast, DeliberationClosed, DeliberationCreateBody, DeliberationCreated, DeliberationDetail, DeliberationList, DeliberationListQuery, RollCandidates, RollCandidatesQuery } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as deliberations from '../services/deliberations.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

const idempotencyKey = (h: unknown) => (typeof h === 'string' ? h : undefined);

export function deliberationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['deliberations'];
  r.post(
    '/api/deliberations',
    {
      schema: {
        tags,
        summary: '发起议事协商（村民会议、村民代表会议、村民小组会议、居民会议、业主大会、议事协商会）',
        description: '返回 201 {id, state:"open", roll}。镇（街道）和村（社区）工作人员在其范围内发起。支持 Idempotency-Key。',
        body: DeliberationCreateBody,
        response: { 201: DeliberationCreated },
      },
    },
    async (req, reply) => {
      const result = await deliberations.createDeliberation(ctx, requireActor(req), req.body, requestContext(req), { idempotencyKey: idempotencyKey(req.headers['idempotency-key']) });
      return reply.status(result.status as 201).send(result.body);
    },
  );
  r.get(
    '/api/deliberations/roll-candidates',
    {
      schema: {
        tags,
        summary: '从人口信息生成名册：区域内 18 周岁以上居民（persons）或各户（households）',
        querystring: RollCandidatesQuery,
        response: { 200: RollCandidates },
      },
    },
    async (req) => deliberations.rollCandidates(ctx, requireActor(req), req.query.area, req.query.form),
  );
  r.get('/api/deliberations', { schema: { tags, summary: '议事协商列表（调用者范围内，及名册上有本人的）', querystring: DeliberationListQuery, response: { 200: DeliberationList } } }, async (req) =>
    deliberations.listDeliberations(ctx, requireActor(req), req.query),
  );
  r.get('/api/deliberations/:id', { schema: { tags, summary: '议事协商详情（名册、投票情况、结果及理由）', params: uuidParam, response: { 200: DeliberationDetail } } }, async (req) =>
    deliberations.getDeliberation(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/deliberations/:id/ballots',
    {
      schema: {
        tags,
        summary: '投票：工作人员登记纸质表决票，或名册上的居民本人在线投票',
        description: '返回 201。每个名册条目一票（再投 → 409）；已结束 → 409。支持 Idempotency-Key。',
        params: uuidParam,
        body: BallotBody,
        response: { 201: BallotCast },
      },
    },
    async (req, reply) => {
      const result = await deliberations.castBallot(ctx, requireActor(req), req.params.id, req.body, requestContext(req), { idempotencyKey: idempotencyKey(req.headers['idempotency-key']) });
      return reply.status(result.status as 201).send(result.body);
    },
  );
  r.post(
    '/api/deliberations/:id/actions/close',
    { schema: { tags, summary: '结束表决，按议事主体的法定规则计算结果', description: '返回 200 {id, state:"decided", result}。已结束 → 409。', params: uuidParam, response: { 200: DeliberationClosed } } },
    async (req) => deliberations.closeDeliberation(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
}
