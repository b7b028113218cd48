// Lists and projects: 金点子, 赋能清单, 需求清单, 治理项目 (docs/PARTICIPATION.md). Thin routes: Zod input, one service call.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Idea,
  IdeaBody,
  IdeaCreated,
  IdeaDecideBody,
  IdeaDecided,
  IdeaList,
  IdeaListQuery,
  MilestoneBody,
  NeedBody,
  NeedCreated,
  NeedDetail,
  NeedList,
  NeedListQuery,
  OfferBody,
  OfferCreated,
  OfferList,
  OfferListQuery,
  ProjectClaimBody,
  ProjectCloseBody,
  ProjectCreateBody,
  ProjectCreated,
  ProjectDetail,
  ProjectList,
  ProjectListQuery,
  ProjectWall,
  ProjectWallQuery,
  SignOffBody,
} from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as svc from '../services/projects.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

const idKey = (h: unknown) => (typeof h === 'string' ? h : undefined);

export function projectRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- 金点子 ----
  const ideaTags = ['ideas'];
  r.post(
    '/api/ideas',
    { schema: { tags: ideaTags, summary: '提出金点子（居民本人，计入本季度本村（社区）的征集）', body: IdeaBody, response: { 201: IdeaCreated } } },
    async (req, reply) => {
      const res = await svc.createIdea(ctx, requireActor(req), req.body, requestContext(req), idKey(req.headers['idempotency-key']));
      return reply.status(res.status as 201).send(res.body);
    },
  );
  r.get(
    '/api/ideas',
    {
      schema: {
        tags: ideaTags,
        summary: '金点子列表（工作人员：本辖区；居民：本村（社区）），按支持数排序',
        querystring: IdeaListQuery,
        response: { 200: IdeaList },
      },
    },
    async (req) => svc.listIdeas(ctx, requireActor(req), req.query),
  );
  r.get('/api/ideas/:id', { schema: { tags: ideaTags, summary: '金点子详情', params: uuidParam, response: { 200: Idea } } }, async (req) => svc.getIdea(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/ideas/:id/support',
    { schema: { tags: ideaTags, summary: '支持金点子（本村（社区）居民，每人一次；重复 → 409 already_supported）', params: uuidParam, response: { 200: Idea } } },
    async (req) => svc.supportIdea(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.post(
    '/api/ideas/:id/decide',
    {
      schema: {
        tags: ideaTags,
        summary: '采纳金点子：转为需求（as=need，生成需求并链接来源）、转为议题（as=topic）或结束征集（as=close）',
        params: uuidParam,
        body: IdeaDecideBody,
        response: { 200: IdeaDecided },
      },
    },
    async (req) => svc.decideIdea(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  // ---- 赋能清单 ----
  const offerTags = ['offers'];
  r.post(
    '/api/offers',
    {
      schema: {
        tags: offerTags,
        summary: '发布赋能清单项（区级部门发布本单位的；区指挥中心可代任一部门发布，须给 unitId）',
        body: OfferBody,
        response: { 201: OfferCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createOffer(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get(
    '/api/offers',
    {
      schema: {
        tags: offerTags,
        summary: '赋能清单（本区各部门，按年度）；mine=true 只看本单位的',
        querystring: OfferListQuery,
        response: { 200: OfferList },
      },
    },
    async (req) => svc.listOffers(ctx, requireActor(req), req.query),
  );

  // ---- 需求清单 ----
  const needTags = ['needs'];
  r.post(
    '/api/needs',
    {
      schema: {
        tags: needTags,
        summary: '列入需求清单（村（社区）按月编制；sources 链接金点子、微心愿、走访、事件、议事决定）',
        body: NeedBody,
        response: { 201: NeedCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createNeed(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get(
    '/api/needs',
    {
      schema: {
        tags: needTags,
        summary: '需求清单（本辖区）',
        querystring: NeedListQuery,
        response: { 200: NeedList },
      },
    },
    async (req) => svc.listNeeds(ctx, requireActor(req), req.query),
  );
  r.get('/api/needs/:id', { schema: { tags: needTags, summary: '需求详情，附赋能清单对接建议（含评分理由）', params: uuidParam, response: { 200: NeedDetail } } }, async (req) => svc.getNeed(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/needs/:id/project',
    {
      schema: {
        tags: needTags,
        summary: '由需求立项（可选对接的赋能清单项），并组建群众督导小组（一事一组）',
        params: uuidParam,
        body: ProjectCreateBody,
        response: { 201: ProjectCreated },
      },
    },
    async (req, reply) => {
      const res = await svc.createProject(ctx, requireActor(req), req.params.id, req.body, requestContext(req), idKey(req.headers['idempotency-key']));
      return reply.status(res.status as 201).send(res.body);
    },
  );

  // ---- 治理项目 ----
  const tags = ['projects'];
  r.get(
    '/api/projects/wall',
    { schema: { tags, summary: '民生小事小黑板上的治理项目及进度（无需登录；不含个人信息）', querystring: ProjectWallQuery, response: { 200: ProjectWall } } },
    async (req) => svc.projectWall(ctx, req.query.area),
  );
  r.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: '治理项目（工作人员：本辖区；部门：对接本单位赋能清单的；居民：所督导的；党员、下沉干部：可领办的）',
        querystring: ProjectListQuery,
        response: { 200: ProjectList },
      },
    },
    async (req) => svc.listProjects(ctx, requireActor(req), req.query),
  );
  r.get('/api/projects/:id', { schema: { tags, summary: '治理项目详情：督导小组、里程碑、时间线与可执行操作', params: uuidParam, response: { 200: ProjectDetail } } }, async (req) => svc.getProject(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/projects/:id/claim',
    { schema: { tags, summary: '领办（党员、下沉干部本人；或工作人员安排服务团队 teamId）', params: uuidParam, body: ProjectClaimBody, response: { 200: ProjectDetail } } },
    async (req) => svc.claimProject(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
  r.post(
    '/api/projects/:id/milestones',
    {
      schema: {
        tags,
        summary: '报告进展：里程碑、进度（只增不减）、支出与照片',
        params: uuidParam,
        body: MilestoneBody,
        response: { 200: ProjectDetail },
      },
    },
    async (req) => svc.addMilestone(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/projects/:id/sign-off',
    {
      schema: {
        tags,
        summary: '群众督导小组成员签字确认（本人；或工作人员凭 supervisorId 登记纸质签字）；非成员 → 403 not_supervisor',
        params: uuidParam,
        body: SignOffBody,
        response: { 200: ProjectDetail },
      },
    },
    async (req) => svc.signOffProject(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
  r.post(
    '/api/projects/:id/close',
    { schema: { tags, summary: '销号：进度 100% 且督导小组全部签字确认后；否则 409 cannot_close', params: uuidParam, body: ProjectCloseBody, response: { 200: ProjectDetail } } },
    async (req) => svc.closeProject(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
}
