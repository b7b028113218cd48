import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { STAFF_POSTS, type StaffPost } from '@gongzhi/domain';
import { StaffEntry, StaffRoster } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as staffing from '../services/staffing.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput as areaCode, isoDay, paging, text, uuidParam } from './common.ts';

const post = z.enum(STAFF_POSTS as unknown as [StaffPost, ...StaffPost[]], { message: '职务（post）应为 grid-leader、grid-worker、grid-worker-part、info-worker、building-leader、unit-leader、sunk-cadre 或 community-worker' });

export function staffingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['staffing'];
  r.get(
    '/api/staff',
    {
      schema: {
        tags,
        summary: '网格队伍名册（一格多员：网格长、专兼职网格员、网格信息员、楼栋长、单元长、下沉干部）',
        querystring: z.object({
          area: areaCode.optional(),
          post: post.optional(),
          state: z.enum(['active', 'ended', 'all'], { message: 'state 应为 active、ended 或 all' }).optional(),
          q: z.string().trim().max(40, '不能超过 40 个字符').optional(),
          ...paging,
        }),
        response: { 200: StaffRoster },
      },
    },
    async (req) => staffing.listRoster(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/staff',
    {
      schema: {
        tags,
        summary: '从人口库任命网格队伍人员，并开设相应权限和数据范围的账号',
        description: '返回 201 任命记录。支持 Idempotency-Key。账号首次登录须修改密码。',
        body: z.object({
          personId: z.uuid({ message: '应为人员 ID' }),
          post,
          areaCode,
          username: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名须以小写字母开头，3–32 位小写字母、数字或 ._-'),
          password: z.string().max(128),
          affiliation: text(60).optional(),
          startedOn: isoDay.optional(),
        }),
        response: { 201: StaffEntry },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const res = await staffing.appoint(ctx, requireActor(req), req.body, requestContext(req), typeof key === 'string' ? key : undefined);
      return reply.status(res.status as 201).send(res.body);
    },
  );
  r.post(
    '/api/staff/:id/end',
    { schema: { tags, summary: '免去职务（停用其账号）', params: uuidParam, body: z.object({ reason: text(200).optional() }).default({}), response: { 200: StaffEntry } } },
    async (req) => staffing.endAppointment(ctx, requireActor(req), req.params.id, req.body?.reason, requestContext(req)),
  );
}
