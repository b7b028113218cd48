// Reception days (接待日) and leaders' cases (领导包案): docs/CASES.md, "Reception days".
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaseCreateBody, CreatedCase, LeadCaseList, NoContent, PublishedReceptionDays, ReceptionDay, ReceptionDayDetail, ReceptionLeader, ReceptionLeaders, ReceptionList } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as reception from '../services/reception.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput as areaCode, isoDay, text, uuidParam } from './common.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM，如 09:00');

const dayBody = z.object({
  areaCode,
  place: text(100),
  day: isoDay,
  startTime: hhmm,
  endTime: hhmm,
  leaderUserId: z.uuid({ message: '应为领导账号 ID' }).nullable().optional(),
  leaderName: text(40).nullable().optional(),
  leaderTitle: text(60).nullable().optional(),
  note: text(500).nullable().optional(),
});

export function receptionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/reception-days',
    {
      schema: {
        tags: ['reception'],
        summary: '接待日安排（本辖区；mine=true 只看本人接待）',
        querystring: z.object({ from: isoDay.optional(), to: isoDay.optional(), area: areaCode.optional(), mine: z.enum(['true', 'false']).optional() }),
        response: { 200: ReceptionList },
      },
    },
    async (req) => reception.listReceptionDays(ctx, requireActor(req), { ...req.query, mine: req.query.mine === 'true' }),
  );
  r.get(
    '/api/reception-days/published',
    { schema: { tags: ['reception'], summary: '村（社区）近期接待日（公开，居民查看）', security: [], querystring: z.object({ area: areaCode }), response: { 200: PublishedReceptionDays } } },
    async (req) => reception.publishedReceptionDays(ctx, req.query.area),
  );
  r.post('/api/reception-days', { schema: { tags: ['reception'], summary: '安排接待日（区、镇（街道）指挥中心）', body: dayBody, response: { 201: ReceptionDay } } }, async (req, reply) =>
    reply.status(201).send(await reception.createReceptionDay(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/reception-days/:id', { schema: { tags: ['reception'], summary: '接待日详情及登记的案件', params: uuidParam, response: { 200: ReceptionDayDetail } } }, async (req) =>
    reception.getReceptionDay(ctx, requireActor(req), req.params.id),
  );
  r.patch('/api/reception-days/:id', { schema: { tags: ['reception'], summary: '修改接待日', params: uuidParam, body: dayBody.partial(), response: { 200: ReceptionDay } } }, async (req) =>
    reception.updateReceptionDay(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.delete('/api/reception-days/:id', { schema: { tags: ['reception'], summary: '取消接待日（尚未登记案件时）', params: uuidParam, response: { 204: NoContent } } }, async (req, reply) => {
    await reception.deleteReceptionDay(ctx, requireActor(req), req.params.id, requestContext(req));
    return reply.status(204).send(null);
  });
  r.post(
    '/api/reception-days/:id/cases',
    {
      schema: {
        tags: ['reception'],
        summary: '登记接待日受理的案件（渠道：接待日；接待领导包案）',
        params: uuidParam,
        body: CaseCreateBody.omit({ channel: true, onSpot: true, urgent: true }),
        response: { 201: CreatedCase, 200: CreatedCase },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const result = await reception.recordReceptionCase(ctx, requireActor(req), req.params.id, req.body, requestContext(req), typeof key === 'string' ? key : undefined);
      return reply.status(result.status as 200 | 201).send(result.body);
    },
  );
  r.get('/api/reception-leaders', { schema: { tags: ['reception'], summary: '本辖区接待领导及其包片联系的镇村', response: { 200: ReceptionLeaders } } }, async (req) => reception.listLeaders(ctx, requireActor(req)));
  r.put(
    '/api/reception-leaders/:id/attachments',
    {
      schema: {
        tags: ['reception'],
        summary: '设置领导包片联系的镇（街道）、村（社区）（本辖区内）',
        params: uuidParam,
        body: z.object({ areaCodes: z.array(areaCode).max(50, '最多 50 个') }),
        response: { 200: ReceptionLeader },
      },
    },
    async (req) => reception.setLeaderAttachments(ctx, requireActor(req), req.params.id, req.body.areaCodes, requestContext(req)),
  );
  r.get('/api/lead-cases', { schema: { tags: ['reception'], summary: '领导包案：本人包案的案件', response: { 200: LeadCaseList } } }, async (req) => reception.leadCaseList(ctx, requireActor(req)));
}
