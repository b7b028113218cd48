import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EMERGENCY_KINDS, EMERGENCY_LEVELS, EMERGENCY_STATES, EMERGENCY_UNIT_KINDS, type EmergencyKind, type EmergencyLevel, type EmergencyState, type EmergencyUnitKind } from '@gongzhi/domain';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as emergencies from '../services/emergencies.ts';
import { recordDocx, recordXlsx } from '../services/emergency-record.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { fileResponse, text, uuidParam } from './common.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const areaCode = z.string().regex(/^\d{6,20}$/, '应为区划代码');
const nullable = z.string().nullable();

const eventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  level: z.string(),
  levelName: z.string(),
  reason: z.string(),
  areaCode: z.string(),
  areaName: nullable,
  state: z.string(),
  startedAt: z.string(),
  startedByName: z.string(),
  endedAt: nullable,
  endedByName: nullable,
  summary: nullable,
  durationMinutes: z.number().int().nullable(),
  allowedActions: z.array(z.string()),
});
const unitSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  name: z.string(),
  areaCode: z.string(),
  leaderName: nullable,
  members: z.array(z.string()),
  partyOrgId: nullable,
  createdByName: z.string(),
  createdAt: z.string(),
});
const gridForces = z.object({
  gridCode: z.string(),
  gridName: z.string(),
  gridWorkers: z.number().int(),
  cadres: z.number().int(),
  partyMembers: z.number().int(),
  volunteers: z.number().int(),
  total: z.number().int(),
});
const forcesSchema = z.object({
  checkedIn: z.number().int(),
  byGrid: z.array(gridForces),
  recent: z.array(z.object({ id: z.string(), userName: z.string(), kind: z.string(), kindName: z.string(), gridCode: z.string(), post: nullable, at: z.string() })),
  myCheckIn: z.object({ gridCode: z.string(), at: z.string() }).nullable(),
});
const taskSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  detail: nullable,
  areaCode: z.string(),
  areaName: nullable,
  createdByName: z.string(),
  createdAt: z.string(),
  acks: z.number().int(),
  ackedBy: z.array(z.object({ userName: z.string(), note: nullable, at: z.string() })),
  myAck: nullable,
  allowedActions: z.array(z.string()),
});
const detailSchema = eventSchema.extend({
  timeline: z.array(z.object({ id: z.string(), action: z.string(), actorName: z.string(), note: nullable, at: z.string() })),
  units: z.array(unitSchema),
  forces: forcesSchema,
});
const countItem = z.object({ name: z.string(), count: z.number().int() });
const recordSchema = z.object({
  event: eventSchema,
  duration: z.object({ minutes: z.number().int(), text: z.string() }),
  forces: z.object({ tempBranches: z.number().int(), commandoTeams: z.number().int(), unitMembers: z.number().int(), checkedIn: z.number().int(), byGrid: z.array(gridForces) }),
  campaigns: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      areaCode: z.string(),
      state: z.string(),
      round: z.number().int(),
      households: z.number().int(),
      reached: z.number().int(),
      rounds: z.array(z.object({ round: z.number().int(), reached: z.number().int() })),
    }),
  ),
  cases: z.object({
    total: z.number().int(),
    byCategory: z.array(countItem.extend({ code: z.string() })),
    byState: z.array(countItem.extend({ state: z.string() })),
    latest: z.array(
      z.object({ id: z.string(), code: z.string(), title: z.string(), state: z.string(), stateName: z.string(), categoryName: z.string(), place: z.string(), createdAt: z.string() }),
    ),
  }),
  peopleMoved: z.object({ count: z.number().int() }),
  units: z.array(unitSchema),
});
const activeSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), kind: z.string(), kindName: z.string(), level: z.string(), levelName: z.string(), areaCode: z.string(), areaName: nullable, startedAt: z.string() }),
  ),
});

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
        response: { 200: z.object({ items: z.array(eventSchema), total: z.number().int() }) },
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
        body: z.object({
          areaCode,
          kind: z.enum(EMERGENCY_KINDS as unknown as [EmergencyKind, ...EmergencyKind[]], { message: '类型（kind）应为 flood、typhoon、epidemic、fire 或 other' }),
          level: z.enum(EMERGENCY_LEVELS as unknown as [EmergencyLevel, ...EmergencyLevel[]], { message: '级别（level）应为 I、II、III 或 IV' }),
          reason: text(500),
        }),
        response: { 201: eventSchema },
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
        querystring: z.object({ areaCode: areaCode.optional() }),
        response: { 200: activeSchema },
      },
    },
    async (req) => emergencies.activeFor(ctx, requireActor(req), req.query.areaCode),
  );
  r.get(
    '/api/emergencies/:id',
    { schema: { tags, summary: '应急事件详情：时间线、战时力量、各网格到岗', params: uuidParam, response: { 200: detailSchema } } },
    async (req) => emergencies.getEmergency(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/emergencies/:id/actions/end',
    {
      schema: {
        tags,
        summary: '结束应急事件，恢复平时状态（须写总结）',
        params: uuidParam,
        body: z.object({ summary: text(2000) }),
        response: { 200: eventSchema },
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
        body: z.object({
          kind: z.enum(EMERGENCY_UNIT_KINDS as unknown as [EmergencyUnitKind, ...EmergencyUnitKind[]], { message: '类型（kind）应为 temp-branch 或 commando' }),
          name: text(60),
          areaCode: areaCode.optional(),
          leaderName: text(40).optional(),
          members: z.array(text(40)).max(200).optional(),
          partyOrgId: z.uuid({ message: '党组织（partyOrgId）应为 UUID' }).optional(),
        }),
        response: { 201: unitSchema },
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
        body: z
          .object({
            gridCode: areaCode.optional(),
            post: text(60).optional(),
            lat: z.number().min(-90).max(90).optional(),
            lng: z.number().min(-180).max(180).optional(),
            at: z.iso.datetime({ offset: true, message: '签到时间应为带时区的 ISO 8601 时间' }).optional(),
          })
          .default({}),
        response: { 201: z.object({ id: z.string(), eventId: z.string(), kind: z.string(), kindName: z.string(), gridCode: z.string(), post: nullable, at: z.string() }) },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      return reply.status(201).send(await emergencies.checkIn(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req), typeof key === 'string' ? key : undefined));
    },
  );
  r.get(
    '/api/emergencies/:id/tasks',
    { schema: { tags, summary: '战时任务（本辖区的，及覆盖本辖区的）与确认情况', params: uuidParam, response: { 200: z.object({ items: z.array(taskSchema) }) } } },
    async (req) => emergencies.listTasks(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/emergencies/:id/tasks',
    {
      schema: {
        tags,
        summary: '向战时值守力量下达任务（整个战时区域，或其中的村、网格）',
        params: uuidParam,
        body: z.object({ title: text(100), detail: text(1000).optional(), areaCode: areaCode.optional() }),
        response: { 201: taskSchema },
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
        body: z.object({ note: text(200).optional() }).default({}),
        response: { 200: taskSchema },
      },
    },
    async (req) => emergencies.ackTask(ctx, requireActor(req), req.params.id, req.body?.note, requestContext(req)),
  );
  r.get(
    '/api/emergencies/:id/forces',
    { schema: { tags, summary: '各网格到岗人数（实时）', params: uuidParam, response: { 200: forcesSchema } } },
    async (req) => emergencies.forces(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/emergencies/:id/record',
    { schema: { tags, summary: '事件纪实：持续时间、动员力量、各轮走访户数、期间案件、转移人数', params: uuidParam, response: { 200: recordSchema } } },
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
