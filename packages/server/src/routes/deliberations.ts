import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BALLOT_CHOICES, DELIBERATION_BODIES, DELIBERATION_FORMS, DELIBERATION_STATES } from '@gongzhi/domain';
import { BallotCast, DeliberationClosed, DeliberationCreated, DeliberationDetail, DeliberationList, RollCandidates } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as deliberations from '../services/deliberations.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { paging, text, uuidParam } from './common.ts';

const areaCode = z.string().regex(/^\d{6,20}$/, '应为区划代码');
const bodyEnum = z.enum(DELIBERATION_BODIES, { message: `议事主体（body）应为 ${DELIBERATION_BODIES.join('、')} 之一` });
const formEnum = z.enum(DELIBERATION_FORMS, { message: '形式（form）应为 persons（个人）或 households（户代表）' });

const rollEntry = z.object({
  name: text(60),
  area: z.number({ message: '专有部分面积（area）应为平方米数' }).positive('专有部分面积（area）应大于 0').max(10_000_000, '专有部分面积（area）过大').optional(),
  personId: z.uuid({ message: '应为居民 ID' }).optional(),
  householdId: z.uuid({ message: '应为户 ID' }).optional(),
});

const createBody = z.object({
  title: text(80),
  description: text(2000),
  areaCode,
  body: bodyEnum,
  form: formEnum.optional(),
  matter: z.number({ message: '表决事项（matter）应为 1–9 的整数' }).int('表决事项（matter）应为 1–9 的整数').min(1, '表决事项（matter）应为 1–9').max(9, '表决事项（matter）应为 1–9').optional(),
  roll: z.array(rollEntry, { message: '名册（roll）应为列表' }).max(deliberations.MAX_ROLL, `名册（roll）最多 ${deliberations.MAX_ROLL} 项`),
});

const ballotBody = z.object({
  rollId: z.uuid({ message: '名册条目（rollId）应为 UUID' }),
  choice: z.enum(BALLOT_CHOICES, { message: '表决意见（choice）应为 yes（赞成）、no（反对）或 abstain（弃权）' }),
});

const listQuery = z.object({
  area: areaCode.optional(),
  state: z
    .string()
    .max(40)
    .refine((s) => s.split(',').every((x) => !x || (DELIBERATION_STATES as readonly string[]).includes(x)), '状态（state）应为 open 或 decided')
    .optional(),
  ...paging,
});

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
        body: createBody,
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
        // `area` is checked by the service after the caller's role, so a refused role answers 403.
        querystring: z.object({ area: z.string().max(40).optional(), form: formEnum.default('persons') }),
        response: { 200: RollCandidates },
      },
    },
    async (req) => deliberations.rollCandidates(ctx, requireActor(req), req.query.area, req.query.form),
  );
  r.get('/api/deliberations', { schema: { tags, summary: '议事协商列表（调用者范围内，及名册上有本人的）', querystring: listQuery, response: { 200: DeliberationList } } }, async (req) =>
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
        body: ballotBody,
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
