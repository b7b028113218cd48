import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid, isOrderAction, ORDER_ACTIONS } from '@gongzhi/domain';
import { z } from 'zod';
import {
  MenuItem,
  MenuItemBody,
  MenuItemPatchBody,
  OrderActionBody,
  OrderAreaQuery,
  OrderCreateBody,
  OrderCreated,
  OrderDetail,
  OrderList,
  OrderListQuery,
  OrderServers,
  ServiceMenu,
  ServiceTeam,
  ServiceTeamBody,
  ServiceTeams,
  TeamMemberBody,
} from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as orders from '../services/orders.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

export function orderRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const key = (h: unknown) => (typeof h === 'string' ? h : undefined);

  // ---- the service menu
  r.get('/api/service-menu', { schema: { tags, summary: '社区服务菜单（默认为调用者所在社区）', querystring: OrderAreaQuery, response: { 200: ServiceMenu } } }, async (req) => orders.getMenu(ctx, requireActor(req), req.query.area));
  r.post('/api/service-menu', { schema: { tags, summary: '新增服务项目（社区工作者、党组织书记）', body: MenuItemBody, response: { 201: MenuItem } } }, async (req, reply) =>
    reply.status(201).send(await orders.createMenuItem(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch('/api/service-menu/:id', { schema: { tags, summary: '修改服务项目（含停用 active:false）', params: uuidParam, body: MenuItemPatchBody, response: { 200: MenuItem } } }, async (req) =>
    orders.updateMenuItem(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  // ---- service teams
  r.get('/api/service-teams', { schema: { tags, summary: '社区服务队（8 支标准服务队和自建服务队）及成员', querystring: OrderAreaQuery, response: { 200: ServiceTeams } } }, async (req) => orders.listTeams(ctx, requireActor(req), req.query.area));
  r.get('/api/service-teams/servers', { schema: { tags, summary: '可派单的党员和服务队成员（派单人）', querystring: OrderAreaQuery, response: { 200: OrderServers } } }, async (req) => orders.listServers(ctx, requireActor(req), req.query.area));
  r.post('/api/service-teams', { schema: { tags, summary: '新建自建服务队', body: ServiceTeamBody, response: { 201: ServiceTeam } } }, async (req, reply) =>
    reply.status(201).send(await orders.createTeam(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/service-teams/:id/members',
    { schema: { tags, summary: '加入服务队成员（按账号）', params: uuidParam, body: TeamMemberBody, response: { 200: ServiceTeam } } },
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
    { schema: { tags, summary: '群众点单（从所在社区的服务菜单中选择；地址默认为本人住户地址）', description: '返回 201 {id, state:"ordered"}。支持 Idempotency-Key。', body: OrderCreateBody, response: { 201: OrderCreated } } },
    async (req, reply) => {
      const result = await orders.createOrder(ctx, requireActor(req), req.body, requestContext(req), { idempotencyKey: key(req.headers['idempotency-key']) });
      return reply.status(result.status as 201).send(result.body);
    },
  );
  r.get('/api/orders', { schema: { tags, summary: '服务单列表（在调用者范围内；relation=mine 我点的，assigned 派给我的）', querystring: OrderListQuery, response: { 200: OrderList } } }, async (req) => orders.listOrders(ctx, requireActor(req), req.query));
  r.get('/api/orders/:id', { schema: { tags, summary: '服务单详情（含时间线和可执行操作）', params: uuidParam, response: { 200: OrderDetail } } }, async (req) => orders.getOrder(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/orders/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '服务单操作',
        description: `操作：${ORDER_ACTIONS.join(', ')}。无权 → 403；状态不允许 → 409。`,
        params: z.object({ id: z.uuid({ message: '应为服务单 ID' }), action: z.string().max(40) }),
        body: OrderActionBody,
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
