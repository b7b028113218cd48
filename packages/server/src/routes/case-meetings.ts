import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaseMeeting, CaseMeetings } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as meetings from '../services/case-meetings.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { text, uuidParam } from './common.ts';

export function caseMeetingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/cases/:id/meetings', { schema: { tags: ['cases'], summary: '案件的会商记录', params: uuidParam, response: { 200: CaseMeetings } } }, async (req) =>
    meetings.listMeetings(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/meetings',
    {
      schema: {
        tags: ['cases'],
        summary: '登记会商（有协办单位的案件；主办单位或所属指挥中心）',
        params: uuidParam,
        body: z.object({
          heldAt: z.iso.datetime({ offset: true, message: '应为带时区的时间，如 2026-11-22T09:30:00+08:00' }),
          place: text(100).nullable().optional(),
          unitIds: z.array(z.uuid({ message: '应为单位 ID' })).min(2, '至少两个参与单位').max(20),
          participants: text(500),
          minutes: text(4000),
          decisions: text(2000),
          attachments: z.array(z.uuid({ message: '应为文件 ID' })).max(9, '最多 9 个附件').optional(),
        }),
        response: { 201: CaseMeeting },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.recordMeeting(ctx, requireActor(req), req.params.id, req.body, requestContext(req))),
  );
}
