import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as party from '../services/party.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { paging, text, uuidParam } from './common.ts';
import { partyWorkRoutes } from './party-work.ts';

const areaCode = z.string().regex(/^\d{6,20}$/, '应为区划代码');

const memberQuery = z.object({
  org: z.uuid({ message: '应为党组织 ID' }).optional(),
  area: areaCode.optional(),
  q: z.string().trim().max(40, '不能超过 40 个字符').optional(),
  ...paging,
});

export function partyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['party'];
  r.get(
    '/api/party/orgs',
    { schema: { tags, summary: '党组织树（含党员人数；辖区工作人员）', querystring: z.object({ area: areaCode.optional() }) } },
    async (req) => party.orgTree(ctx, requireActor(req), req.query.area),
  );
  r.get('/api/party/orgs/:id', { schema: { tags, summary: '党组织详情（下级组织、党员概况、待审核报到、可执行操作）', params: uuidParam } }, async (req) =>
    party.getOrg(ctx, requireActor(req), req.params.id),
  );
  r.get('/api/party/members', { schema: { tags, summary: '党员名册（姓名来自人口库；身份证号、手机号脱敏）', querystring: memberQuery } }, async (req) =>
    party.listMembers(ctx, requireActor(req), req.query),
  );
  r.get('/api/party/me', { schema: { tags, summary: '我的党员档案、报到记录和可选岗位' } }, async (req) => party.myMembership(ctx, requireActor(req)));
  r.post(
    '/api/party/registrations',
    { schema: { tags, summary: '双报到：党员向居住地党组织申请报到', description: '返回 201 报到申请（state: applied）。', body: z.object({ orgId: z.uuid({ message: '应为党组织 ID' }) }) } },
    async (req, reply) => reply.status(201).send(await party.applyRegistration(ctx, requireActor(req), req.body.orgId, requestContext(req))),
  );
  for (const decision of ['accept', 'reject'] as const) {
    r.post(
      `/api/party/registrations/:id/${decision}`,
      {
        schema: {
          tags,
          summary: decision === 'accept' ? '通过报到申请（辖区社区工作者、党组织书记）' : '退回报到申请（辖区社区工作者、党组织书记）',
          params: uuidParam,
          body: z.object({ reason: text(500).optional() }).default({}),
        },
      },
      async (req) => party.reviewRegistration(ctx, requireActor(req), req.params.id, decision, req.body?.reason, requestContext(req)),
    );
  }
  r.get('/api/party/posts', { schema: { tags, summary: '岗位（5 个固定岗位和村（社区）自定义岗位）', querystring: z.object({ area: areaCode.optional() }) } }, async (req) =>
    party.listPosts(ctx, requireActor(req), req.query.area),
  );
  r.post(
    '/api/party/posts',
    { schema: { tags, summary: '新增村（社区）自定义岗位', body: z.object({ area: areaCode, name: text(20), description: text(200).optional() }) } },
    async (req, reply) => reply.status(201).send(await party.addPost(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.put(
    '/api/party/members/:id/post',
    { schema: { tags, summary: '设岗定责：党员认岗或由社区指派（postCode 为 null 表示取消）', params: uuidParam, body: z.object({ postCode: z.string().min(1).max(40).nullable() }) } },
    async (req) => party.setPost(ctx, requireActor(req), req.params.id, req.body.postCode, requestContext(req)),
  );
  r.get(
    '/api/party/formation-check',
    { schema: { tags, summary: '支部设置检查：列出不符合“小区建支部”规则的小区', querystring: z.object({ area: areaCode }) } },
    async (req) => party.formationCheck(ctx, requireActor(req), req.query.area),
  );
  partyWorkRoutes(app, ctx);
}
