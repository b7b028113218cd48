import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid, isAreaCode, isOrderAction, ORDER_ACTIONS, ORDER_RATINGS, ORDER_STATES } from '@gongzhi/domain';
import { z } from 'zod';
import { MenuItem, OrderCreated, OrderDetail, OrderList, OrderServers, ServiceMenu, ServiceTeam, ServiceTeams } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as orders from '../services/orders.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { optionalText, paging, text, uuidParam } from './common.ts';

const community = z.string().regex(/^\d{12}$/, '应为村（社区）的 12 位区划代码');
// Reads take any area in the caller's scope: a grid stands for its community, a town or the district for its first one.
const anyArea = z.string().refine(isAreaCode, '应为区划代码（区县 6 位至单元 20 位）');
const areaQuery = z.object({ area: anyArea.optional() });

const orderInput = z.object({
  menuItemId: z.uuid({ message: '应为服务项目 ID' }),
  note: optionalText(500).optional(),
  preferredTime: optionalText(60).optional(),
  address: optionalText(200).optional(),
});

const actionBody = z
  .object({
    memberUserId: z.uuid({ message: '应为党员账号 ID' }).optional(),
    teamId: z.uuid({ message: '应为服务队 ID' }).optional(),
    reason: text(500).optional(),
    note: text(1000).optional(),
    score: z.enum(ORDER_RATINGS, { message: '评价应为 satisfied、basically-satisfied 或 unsatisfied' }).optional(),
    comment: optionalText(500).optional(),
    attachments: z.array(z.uuid({ message: '应为附件 ID' })).max(9, '最多 9 张照片').optional(),
  })
  .default({});

const listQuery = z.object({
  state: z
    .string()
    .max(120)
    .refine((s) => s.split(',').every((x) => !x || (ORDER_STATES as readonly string[]).includes(x)), '未知的服务单状态')
    .optional(),
  area: z.string().regex(/^\d{6,20}$/, '应为区划代码').optional(),
  relation: z.enum(['mine', 'assigned'], { message: 'relation 应为 mine 或 assigned' }).optional(),
  ...paging,
});

const menuInput = z.object({
  area: community.optional(),
  name: text(40),
  category: text(20),
  description: optionalText(200).optional(),
  defaultTeamId: z.uuid({ message: '应为服务队 ID' }).nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(10000).optional(),
});

export function orderRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const key = (h: unknown) => (typeof h === 'string' ? h : undefined);

  // ---- the service menu
  r.get('/api/service-menu', { schema: { tags, summary: '社区服务菜单（默认为调用者所在社区）', querystring: areaQuery, response: { 200: ServiceMenu } } }, async (req) => orders.getMenu(ctx, requireActor(req), req.query.area));
  r.post('/api/service-menu', { schema: { tags, summary: '新增服务项目（社区工作者、党组织书记）', body: menuInput, response: { 201: MenuItem } } }, async (req, reply) =>
    reply.status(201).send(await orders.createMenuItem(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch('/api/service-menu/:id', { schema: { tags, summary: '修改服务项目（含停用 active:false）', params: uuidParam, body: menuInput.partial().omit({ area: true }), response: { 200: MenuItem } } }, async (req) =>
    orders.updateMenuItem(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  // ---- service teams
  r.get('/api/service-teams', { schema: { tags, summary: '社区服务队（8 支标准服务队和自建服务队）及成员', querystring: areaQuery, response: { 200: ServiceTeams } } }, async (req) => orders.listTeams(ctx, requireActor(req), req.query.area));
  r.get('/api/service-teams/servers', { schema: { tags, summary: '可派单的党员和服务队成员（派单人）', querystring: areaQuery, response: { 200: OrderServers } } }, async (req) => orders.listServers(ctx, requireActor(req), req.query.area));
  r.post('/api/service-teams', { schema: { tags, summary: '新建自建服务队', body: z.object({ area: community.optional(), name: text(40), description: optionalText(200).optional() }), response: { 201: ServiceTeam } } }, async (req, reply) =>
    reply.status(201).send(await orders.createTeam(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/service-teams/:id/members',
    { schema: { tags, summary: '加入服务队成员（按账号）', params: uuidParam, body: z.object({ username: text(64), leader: z.boolean().optional() }), response: { 200: ServiceTeam } } },
    async (req) => orders.addTeamMember(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.delete(
    '/api/service-teams/:id/members/:userId',
    { schema: { tags, summary: '移出服务队成员', params: z.object({ id: z.uuid({ message: '应为服务队 ID' }), userId: z.uuid({ message: '应为账号 ID' }) }), response: { 200: ServiceTeam } } },
    async (req) => orders.removeTeamMember(ctx, requireActor(req), req.params.id, req.params.userId, requestContext(req)),
  );

  // ---- orders
  r.post(
    '/api/orders',
    { schema: { tags, summary: '群众点单（从所在社区的服务菜单中选择；地址默认为本人住户地址）', description: '返回 201 {id, state:"ordered"}。支持 Idempotency-Key。', body: orderInput, response: { 201: OrderCreated } } },
    async (req, reply) => {
      const result = await orders.createOrder(ctx, requireActor(req), req.body, requestContext(req), { idempotencyKey: key(req.headers['idempotency-key']) });
      return reply.status(result.status as 201).send(result.body);
    },
  );
  r.get('/api/orders', { schema: { tags, summary: '服务单列表（在调用者范围内；relation=mine 我点的，assigned 派给我的）', querystring: listQuery, response: { 200: OrderList } } }, async (req) => orders.listOrders(ctx, requireActor(req), req.query));
  r.get('/api/orders/:id', { schema: { tags, summary: '服务单详情（含时间线和可执行操作）', params: uuidParam, response: { 200: OrderDetail } } }, async (req) => orders.getOrder(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/orders/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '服务单操作',
        description: `操作：${ORDER_ACTIONS.join(', ')}。无权 → 403；状态不允许 → 409。`,
        params: z.object({ id: z.uuid({ message: '应为服务单 ID' }), action: z.string().max(40) }),
        body: actionBody,
        response: { 200: OrderDetail },
      },
    },
    async (req) => {
      const action = req.params.action;
      if (!isOrderAction(action)) throw invalid('unknown_action', `未知的服务单操作：${action.slice(0, 40)}`, { field: 'action' });
      return orders.act(ctx, requireActor(req), req.params.id, action, req.body ?? {}, requestContext(req));
    },
  );
}
