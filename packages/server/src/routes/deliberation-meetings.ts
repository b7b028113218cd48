import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgendaItemBody, IdeaTopicBody, IdeaTopicResult, MeetingCode, MeetingCreateBody, MeetingDetail, MeetingList, MeetingPatchBody, MinutesBody, ScheduledMeetings, SourceTopics } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as meetings from '../services/deliberation-meetings.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

const itemParams = z.object({ id: z.uuid({ message: '应为 UUID' }), itemId: z.uuid({ message: '议题（itemId）应为 UUID' }) });

export function deliberationMeetingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['deliberation-meetings'];
  r.get('/api/deliberations/:id/meetings', { schema: { tags, summary: '议事协商的会议（时间、地点、议程、到会人数）', params: uuidParam, response: { 200: MeetingList } } }, async (req) =>
    meetings.listMeetings(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/deliberations/:id/meetings',
    { schema: { tags, summary: '安排会议（组织议事的本区域工作人员）', params: uuidParam, body: MeetingCreateBody, response: { 201: MeetingDetail } } },
    async (req, reply) => reply.status(201).send(await meetings.scheduleMeeting(ctx, requireActor(req), req.params.id, req.body, requestContext(req))),
  );
  r.get('/api/deliberation-meetings/scheduled', { schema: { tags, summary: '本区域待召开的会议（把议题加入议程时选择）', response: { 200: ScheduledMeetings } } }, async (req) =>
    meetings.scheduledMeetings(ctx, requireActor(req)),
  );
  r.get('/api/deliberation-meetings/:id', { schema: { tags, summary: '会议详情：议程、到会（对照法定人数）、纪要、附件', params: uuidParam, response: { 200: MeetingDetail } } }, async (req) =>
    meetings.getMeeting(ctx, requireActor(req), req.params.id),
  );
  r.patch(
    '/api/deliberation-meetings/:id',
    { schema: { tags, summary: '修改会议时间、地点（召开前）', params: uuidParam, body: MeetingPatchBody, response: { 200: MeetingDetail } } },
    async (req) => meetings.updateMeeting(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/deliberation-meetings/:id/agenda', { schema: { tags, summary: '添加议题（来源：案件、需求、金点子或自拟）', params: uuidParam, body: AgendaItemBody, response: { 200: MeetingDetail } } }, async (req) =>
    meetings.addAgendaItem(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.delete('/api/deliberation-meetings/:id/agenda/:itemId', { schema: { tags, summary: '删除议题', params: itemParams, response: { 200: MeetingDetail } } }, async (req) =>
    meetings.removeAgendaItem(ctx, requireActor(req), req.params.id, req.params.itemId, requestContext(req)),
  );
  r.post(
    '/api/deliberation-meetings/:id/agenda/:itemId/move',
    { schema: { tags, summary: '调整议题顺序（上移、下移）', params: itemParams, body: z.object({ direction: z.enum(['up', 'down'], { message: '方向（direction）应为 up 或 down' }) }), response: { 200: MeetingDetail } } },
    async (req) => meetings.moveAgendaItem(ctx, requireActor(req), req.params.id, req.params.itemId, req.body.direction, requestContext(req)),
  );
  r.get('/api/deliberation-meetings/:id/code', { schema: { tags, summary: '现场签到码（6 位数字，每 30 秒更新；组织者）', params: uuidParam, response: { 200: MeetingCode } } }, async (req) =>
    meetings.currentCode(ctx, requireActor(req), req.params.id, `${req.protocol}://${req.host}`),
  );
  r.post(
    '/api/deliberation-meetings/:id/check-in',
    {
      schema: {
        tags,
        summary: '名册上的居民扫码或输入签到码签到（过期 → 400 code_expired；重复签到只记一次）',
        params: uuidParam,
        body: z.object({ code: z.string({ message: '签到码（code）不能为空' }).min(1, '签到码（code）不能为空').max(16, '签到码（code）应为 6 位数字') }),
        response: { 200: MeetingDetail },
      },
    },
    async (req) => meetings.checkIn(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/deliberation-meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: '工作人员登记到会（present=false 撤销）',
        params: uuidParam,
        body: z.object({ rollId: z.uuid({ message: '名册条目（rollId）应为 UUID' }), present: z.boolean({ message: '是否到会（present）应为 true 或 false' }) }),
        response: { 200: MeetingDetail },
      },
    },
    async (req) => meetings.markAttendance(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.put(
    '/api/deliberation-meetings/:id/minutes',
    { schema: { tags, summary: '记录会议纪要（会后；会议随之记为已召开）', params: uuidParam, body: MinutesBody, response: { 200: MeetingDetail } } },
    async (req) => meetings.recordMinutes(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/deliberation-meetings/:id/files',
    { schema: { tags, summary: '附上已上传的文件（POST /api/files 上传后）', params: uuidParam, body: z.object({ fileId: z.uuid({ message: '文件（fileId）应为 UUID' }) }), response: { 200: MeetingDetail } } },
    async (req) => meetings.attachFile(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/ideas/:id/to-topic',
    {
      schema: {
        tags,
        summary: '金点子转为议题：加入待召开会议的议程（meetingId），或发起新的议事协商会并安排会议（scheduledAt、place）',
        params: uuidParam,
        body: IdeaTopicBody,
        response: { 200: IdeaTopicResult },
      },
    },
    async (req) => meetings.ideaToTopic(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get('/api/ideas/:id/topics', { schema: { tags, summary: '金点子的去向：列入了哪些会议的议程', params: uuidParam, response: { 200: SourceTopics } } }, async (req) =>
    meetings.ideaTopics(ctx, requireActor(req), req.params.id),
  );
}
