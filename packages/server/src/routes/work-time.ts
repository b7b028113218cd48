import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalendarOverride, CalendarYear, NoContent, OfficeHoursList, UnitOfficeHours } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as workTime from '../services/work-time.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { isoDay, text, uuidParam } from './common.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, '时间格式应为 HH:MM');
const periods = z.array(z.object({ start: hhmm, end: hhmm })).min(1, '至少一个时段').max(4, '最多 4 个时段');
const dateParam = z.object({ date: isoDay });

export function workTimeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/calendar/:year',
    { schema: { tags: ['calendar'], summary: '工作日历：某年的节假日、调休上班日和本地调整', params: z.object({ year: z.coerce.number().int().min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间') }), response: { 200: CalendarYear } } },
    async (req) => workTime.calendarYear(ctx, requireActor(req), req.params.year),
  );
  r.put(
    '/api/calendar/overrides/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: '新增或修改一天的日历调整（放假或调休上班；系统管理员）',
        params: dateParam,
        body: z.object({ working: z.boolean(), name: text(20).nullable().optional() }),
        response: { 200: CalendarOverride },
      },
    },
    async (req) => workTime.putCalendarOverride(ctx, requireActor(req), req.params.date, req.body, requestContext(req)),
  );
  r.delete('/api/calendar/overrides/:date', { schema: { tags: ['calendar'], summary: '删除一天的日历调整（系统管理员）', params: dateParam, response: { 204: NoContent } } }, async (req, reply) => {
    await workTime.deleteCalendarOverride(ctx, requireActor(req), req.params.date, requestContext(req));
    return reply.status(204).send(null);
  });

  r.get('/api/office-hours', { schema: { tags: ['calendar'], summary: '各单位办公时间（系统管理员、指挥中心）', response: { 200: OfficeHoursList } } }, async (req) => workTime.listOfficeHours(ctx, requireActor(req)));
  r.put(
    '/api/office-hours/:id',
    { schema: { tags: ['calendar'], summary: '设置单位办公时间', params: uuidParam, body: z.object({ periods }), response: { 200: UnitOfficeHours } } },
    async (req) => workTime.putOfficeHours(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.delete('/api/office-hours/:id', { schema: { tags: ['calendar'], summary: '恢复默认办公时间', params: uuidParam, response: { 200: UnitOfficeHours } } }, async (req) =>
    workTime.deleteOfficeHours(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
}
