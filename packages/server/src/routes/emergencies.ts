import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EMERGENCY_STATES, type EmergencyState } from '@gongzhi/domain';
import {
  ActiveEmergencies,
  areaCodeInput,
  Emergency,
  EmergencyCheckIn,
  EmergencyCheckInBody,
  EmergencyDetail,
  EmergencyEndBody,
  EmergencyForces,
  EmergencyList,
  EmergencyRecord,
  EmergencyStartBody,
  EmergencyTask,
  EmergencyTaskAckBody,
  EmergencyTaskBody,
  EmergencyTasks,
  EmergencyUnit,
  EmergencyUnitBody,
} from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as emergencies from '../services/emergencies.ts';
import { recordDocx, recordXlsx } from '../services/emergency-record.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { fileResponse, uuidParam } from './common.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Emergency events: the switch to wartime and back (平战结合、一键转换), forces on call, the event's record. */
export function emergencyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['emergencies'];
  r.get(
    '/api/emergencies',
    {
      schema: {
        tags,
        summary: '应急事件列表（本辖区的，及覆盖本辖区的）',
        querystring: z.object({ state: z.enum(EMERGENCY_STATES as unknown as [EmergencyState, ...EmergencyState[]], { message: 'state 应为 active 或 ended' }).optional() }),
        response: { 200: EmergencyList },
      },
    },
    async (req) => emergencies.listEmergencies(ctx, requireActor(req), req.query.state),
  );
  r.post(
    '/api/emergencies',
    {
      schema: {
        tags,
        summary: '一键转入战时状态：镇（街道）、村（社区）或网格，写明类型、级别和原因',
        description: '返回 201。镇（街道）、区指挥中心在本辖区内启动；同一区域（含上下级）只能有一个进行中的事件，否则 409 emergency_overlaps。',
        body: EmergencyStartBody,
        response: { 201: Emergency },
      },
    },
    async (req, reply) => reply.status(201).send(await emergencies.switchToWartime(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get(
    '/api/emergencies/active',
    {
      schema: {
        tags,
        summary: '区域当前的战时状态（横幅用）：覆盖该区域或在其中的进行中事件',
        querystring: z.object({ areaCode: areaCodeInput.optional() }),
        response: { 200: ActiveEmergencies },
      },
    },
    async (req) => emergencies.activeFor(ctx, requireActor(req), req.query.areaCode),
  );
  r.get(
    '/api/emergencies/:id',
    { schema: { tags, summary: '应急事件详情：时间线、战时力量、各网格到岗', params: uuidParam, response: { 200: EmergencyDetail } } },
    async (req) => emergencies.getEmergency(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/emergencies/:id/actions/end',
    {
      schema: {
        tags,
        summary: '结束应急事件，恢复平时状态（须写总结）',
        params: uuidParam,
        body: EmergencyEndBody,
        response: { 200: Emergency },
      },
    },
    async (req) => emergencies.endEmergency(ctx, requireActor(req), req.params.id, req.body.summary, requestContext(req)),
  );
  r.post(
    '/api/emergencies/:id/units',
    {
      schema: {
        tags,
        summary: '组建临时党支部或党员突击队',
        params: uuidParam,
        body: EmergencyUnitBody,
        response: { 201: EmergencyUnit },
      },
    },
    async (req, reply) => reply.status(201).send(await emergencies.addUnit(ctx, requireActor(req), req.params.id, req.body, requestContext(req))),
  );
  r.post(
    '/api/emergencies/:id/check-ins',
    {
      schema: {
        tags,
        summary: '战时到岗签到（网格员、下沉干部、党员、志愿者），位置可选',
        description: '支持 Idempotency-Key：无信号时手机排队重发，只记一次；at 为点击签到的时间（不晚于现在、不早于战时开始、三天以内），不给则按到达时间。',
        params: uuidParam,
        body: EmergencyCheckInBody,
        response: { 201: EmergencyCheckIn },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      return reply.status(201).send(await emergencies.checkIn(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req), typeof key === 'string' ? key : undefined));
    },
  );
  r.get(
    '/api/emergencies/:id/tasks',
    { schema: { tags, summary: '战时任务（本辖区的，及覆盖本辖区的）与确认情况', params: uuidParam, response: { 200: EmergencyTasks } } },
    async (req) => emergencies.listTasks(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/emergencies/:id/tasks',
    {
      schema: {
        tags,
        summary: '向战时值守力量下达任务（整个战时区域，或其中的村、网格）',
        params: uuidParam,
        body: EmergencyTaskBody,
        response: { 201: EmergencyTask },
      },
    },
    async (req, reply) => reply.status(201).send(await emergencies.sendTask(ctx, requireActor(req), req.params.id, req.body, requestContext(req))),
  );
  r.post(
    '/api/emergency-tasks/:id/ack',
    {
      schema: {
        tags,
        summary: '确认收到战时任务（每人一次，重复确认不变）',
        params: uuidParam,
        body: EmergencyTaskAckBody,
        response: { 200: EmergencyTask },
      },
    },
    async (req) => emergencies.ackTask(ctx, requireActor(req), req.params.id, req.body?.note, requestContext(req)),
  );
  r.get(
    '/api/emergencies/:id/forces',
    { schema: { tags, summary: '各网格到岗人数（实时）', params: uuidParam, response: { 200: EmergencyForces } } },
    async (req) => emergencies.forces(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/emergencies/:id/record',
    { schema: { tags, summary: '事件纪实：持续时间、动员力量、各轮走访户数、期间案件、转移人数', params: uuidParam, response: { 200: EmergencyRecord } } },
    async (req) => emergencies.emergencyRecord(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/emergencies/:id/record.docx',
    { schema: { tags, summary: '事件纪实（Word 报告）', params: uuidParam, response: { 200: fileResponse(DOCX_MIME, '事件纪实（Word）') } } },
    async (req, reply) => {
      const f = await recordDocx(ctx, requireActor(req), req.params.id, requestContext(req));
      return sendAttachment(reply, DOCX_MIME, f.fileName, f.body);
    },
  );
  r.get(
    '/api/emergencies/:id/record.xlsx',
    { schema: { tags, summary: '事件台账（Excel）', params: uuidParam, response: { 200: fileResponse(XLSX_MIME, '事件台账（Excel）') } } },
    async (req, reply) => {
      const f = await recordXlsx(ctx, requireActor(req), req.params.id, requestContext(req));
      return sendAttachment(reply, XLSX_MIME, f.fileName, f.body);
    },
  );
}
