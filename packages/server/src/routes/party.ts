import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FormationCheck, NoContent, PartyMe, PartyMember, PartyMemberDetail, PartyMemberList, PartyOrgDetail, PartyOrgTree, PartyPost, PartyPostList, PartyRegistration, RegistrationTargets } from '@gongzhi/domain/contract';
import { z } from 'zod';
import { PARTY_ORG_KINDS, type PartyOrgKind } from '@gongzhi/domain';
import type { AppContext } from '../services/context.ts';
import * as party from '../services/party.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput as areaCode, paging, text, uuidParam } from './common.ts';
import { partyWorkRoutes } from './party-work.ts';

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
    { schema: { tags, summary: '党组织树（含党员人数；辖区工作人员）', querystring: z.object({ area: areaCode.optional() }), response: { 200: PartyOrgTree } } },
    async (req) => party.orgTree(ctx, requireActor(req), req.query.area),
  );
  r.get('/api/party/orgs/:id', { schema: { tags, summary: '党组织详情（下级组织、党员概况、待审核报到、可执行操作）', params: uuidParam, response: { 200: PartyOrgDetail } } }, async (req) =>
    party.getOrg(ctx, requireActor(req), req.params.id),
  );
  r.get('/api/party/members', { schema: { tags, summary: '党员名册（姓名来自人口库；身份证号、手机号脱敏）', querystring: memberQuery, response: { 200: PartyMemberList } } }, async (req) =>
    party.listMembers(ctx, requireActor(req), req.query),
  );
  r.get('/api/party/me', { schema: { tags, summary: '我的党员档案、报到记录和可选岗位', response: { 200: PartyMe } } }, async (req) => party.myMembership(ctx, requireActor(req)));
  r.get('/api/party/me/targets', { schema: { tags, summary: '可报到的党组织（党员居住地所在村（社区）；覆盖本人住址的排在前面）', response: { 200: RegistrationTargets } } }, async (req) => party.registrationTargets(ctx, requireActor(req)));
  r.post(
    '/api/party/registrations',
    { schema: { tags, summary: '双报到：党员向居住地党组织申请报到', description: '返回 201 报到申请（state: applied）。', body: z.object({ orgId: z.uuid({ message: '应为党组织 ID' }) }), response: { 201: PartyRegistration } } },
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
          response: { 200: PartyRegistration },
        },
      },
      async (req) => party.reviewRegistration(ctx, requireActor(req), req.params.id, decision, req.body?.reason, requestContext(req)),
    );
  }
  r.get('/api/party/posts', { schema: { tags, summary: '岗位（5 个固定岗位和村（社区）自定义岗位）', querystring: z.object({ area: areaCode.optional() }), response: { 200: PartyPostList } } }, async (req) =>
    party.listPosts(ctx, requireActor(req), req.query.area),
  );
  r.post(
    '/api/party/posts',
    { schema: { tags, summary: '新增村（社区）自定义岗位', body: z.object({ area: areaCode, name: text(20), description: text(200).optional() }), response: { 201: PartyPost } } },
    async (req, reply) => reply.status(201).send(await party.addPost(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.put(
    '/api/party/members/:id/post',
    { schema: { tags, summary: '设岗定责：党员认岗或由社区指派（postCode 为 null 表示取消）', params: uuidParam, body: z.object({ postCode: z.string().min(1).max(40).nullable() }), response: { 200: PartyMember } } },
    async (req) => party.setPost(ctx, requireActor(req), req.params.id, req.body.postCode, requestContext(req)),
  );
  r.get(
    '/api/party/formation-check',
    { schema: { tags, summary: '支部设置检查：列出不符合“小区建支部”规则的小区', querystring: z.object({ area: areaCode }), response: { 200: FormationCheck } } },
    async (req) => party.formationCheck(ctx, requireActor(req), req.query.area),
  );
  const orgKind = z.enum(PARTY_ORG_KINDS as unknown as [PartyOrgKind, ...PartyOrgKind[]], { message: '组织类型（kind）不正确' });
  const idemKey = (h: unknown) => (typeof h === 'string' ? h : undefined);
  r.post(
    '/api/party/orgs',
    {
      schema: {
        tags,
        summary: '新建党组织（镇党委 → 村（社区）党组织 → 网格党支部 → 楼栋党小组；功能型、小区、联合党支部）',
        description: '返回 201 党组织详情。支持 Idempotency-Key。',
        body: z.object({
          name: text(60),
          kind: orgKind,
          parentId: z.uuid({ message: '应为党组织 ID' }).nullable().optional(),
          areaCode,
          secretaryName: text(20).nullable().optional(),
          sort: z.number().int().min(0).max(100000).optional(),
        }),
        response: { 201: PartyOrgDetail },
      },
    },
    async (req, reply) => {
      const res = await party.createOrg(ctx, requireActor(req), req.body, requestContext(req), idemKey(req.headers['idempotency-key']));
      return reply.status(res.status as 201).send(res.body);
    },
  );
  r.patch(
    '/api/party/orgs/:id',
    {
      schema: {
        tags,
        summary: '修改党组织：名称、书记、排序，或移到另一上级组织下',
        params: uuidParam,
        body: z.object({ name: text(60).optional(), secretaryName: text(20).nullable().optional(), parentId: z.uuid({ message: '应为党组织 ID' }).optional(), sort: z.number().int().min(0).max(100000).optional() }),
        response: { 200: PartyOrgDetail },
      },
    },
    async (req) => party.updateOrg(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.delete('/api/party/orgs/:id', { schema: { tags, summary: '撤销党组织（无下级组织、无党员、无历史记录时）', params: uuidParam, response: { 204: NoContent } } }, async (req, reply) => {
    await party.deleteOrg(ctx, requireActor(req), req.params.id, requestContext(req));
    return reply.status(204).send(null);
  });
  r.put(
    '/api/party/members/:id/central-household',
    { schema: { tags, summary: '设置或取消党员中心户', params: uuidParam, body: z.object({ centralHousehold: z.boolean({ message: 'centralHousehold 应为 true 或 false' }) }), response: { 200: PartyMemberDetail } } },
    async (req) => party.setCentralHousehold(ctx, requireActor(req), req.params.id, req.body.centralHousehold, requestContext(req)),
  );
  r.post(
    '/api/party/formation-check/branches',
    {
      schema: {
        tags,
        summary: '按支部设置检查的提议建立小区党支部（单个符合条件的小区）或联合党支部（提议的一组小区）',
        description: '返回 201 新建的党组织详情。支持 Idempotency-Key。',
        body: z.object({ area: areaCode, compounds: z.array(z.string().regex(/^\d{18}$/, '应为楼栋（小区）代码')).min(1, '至少选择一个小区').max(50), name: text(60).optional() }),
        response: { 201: PartyOrgDetail },
      },
    },
    async (req, reply) => {
      const res = await party.formBranch(ctx, requireActor(req), req.body, requestContext(req), idemKey(req.headers['idempotency-key']));
      return reply.status(res.status as 201).send(res.body);
    },
  );
  partyWorkRoutes(app, ctx);
}
