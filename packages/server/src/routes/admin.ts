import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROLES, type Role } from '@gongzhi/domain';
import { ApiKeyCreated, ApiKeyRevoked, ApiKeys, AuditList, NoContent, UserList, UserRow, Units } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as users from '../services/users.ts';
import * as o311 from '../services/open311.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput, isoDay, paging, text, uuidParam } from './common.ts';

const roles = z.array(z.enum(ROLES as unknown as [Role, ...Role[]])).min(1, '至少选择一个角色').max(5);

export function adminRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/users', { schema: { tags: ['users'], summary: '账号列表', querystring: z.object({ q: z.string().max(40).optional(), ...paging }), response: { 200: UserList } } }, async (req) =>
    users.listUsers(ctx, requireActor(req), req.query.q, req.query.page, req.query.pageSize),
  );
  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建账号',
        body: z.object({
          username: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名须以小写字母开头，3–32 位小写字母、数字或 ._-'),
          displayName: text(40),
          password: z.string().max(128),
          roles,
          scopeCode: areaCodeInput,
          unitId: z.uuid().nullable().optional(),
        }),
        response: { 201: UserRow },
      },
    },
    async (req, reply) => reply.status(201).send(await users.createUser(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改账号',
        params: uuidParam,
        body: z.object({ displayName: text(40).optional(), roles: roles.optional(), scopeCode: z.string().regex(/^\d{6,20}$/).optional(), active: z.boolean().optional(), unitId: z.uuid().nullable().optional() }),
        response: { 200: UserRow },
      },
    },
    async (req) => users.updateUser(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/users/:id/unlock', { schema: { tags: ['users'], summary: '解除锁定', params: uuidParam, response: { 200: UserRow } } }, async (req) =>
    users.unlockUser(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.post(
    '/api/users/:id/password',
    { schema: { tags: ['users'], summary: '重置密码', params: uuidParam, body: z.object({ password: z.string().max(128) }), response: { 204: NoContent } } },
    async (req, reply) => {
      await users.resetPassword(ctx, requireActor(req), req.params.id, req.body.password, requestContext(req));
      return reply.status(204).send(null);
    },
  );
  r.post('/api/users/:id/sessions/end', { schema: { tags: ['users'], summary: '结束账号的全部会话（安全管理员）', params: uuidParam, response: { 204: NoContent } } }, async (req, reply) => {
    await users.endSessions(ctx, requireActor(req), req.params.id, requestContext(req));
    return reply.status(204).send(null);
  });
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（仅审计管理员可读，任何人不可修改）',
        querystring: z.object({
          actor: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          entityType: z.string().max(32).optional(),
          entityId: z.string().max(64).optional(),
          from: isoDay.optional(),
          to: isoDay.optional(),
          ...paging,
        }),
        response: { 200: AuditList },
      },
    },
    async (req) => {
      const { from, to, ...rest } = req.query;
      const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
      return users.listAudit(ctx, requireActor(req), {
        ...rest,
        from: from ? day(from) : undefined,
        to: to ? new Date(day(to).getTime() + 86400_000) : undefined,
      });
    },
  );
  r.get(
    '/api/units',
    {
      schema: {
        tags: ['units'],
        summary: '单位（可派遣的部门等；all=true 时含不承办事件的单位，如区委社会工作部）',
        querystring: z.object({ type: z.string().max(32).optional(), all: z.enum(['true', 'false'], { message: 'all 应为 true 或 false' }).optional() }),
        response: { 200: Units },
      },
    },
    async (req) => {
      requireActor(req);
      return users.listUnits(ctx, req.query.type, req.query.all === 'true');
    },
  );
  r.get('/api/open311/keys', { schema: { tags: ['open311'], summary: '开放接口（Open311）密钥', response: { 200: ApiKeys } } }, async (req) => o311.listApiKeys(ctx, requireActor(req)));
  r.post('/api/open311/keys', { schema: { tags: ['open311'], summary: '新建开放接口密钥（仅此一次显示完整密钥）', body: z.object({ name: text(60) }), response: { 201: ApiKeyCreated } } }, async (req, reply) =>
    reply.status(201).send(await o311.createApiKey(ctx, requireActor(req), req.body.name, undefined, requestContext(req))),
  );
  r.post('/api/open311/keys/:id/revoke', { schema: { tags: ['open311'], summary: '停用开放接口密钥', params: uuidParam, response: { 200: ApiKeyRevoked } } }, async (req) =>
    o311.revokeApiKey(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
}
