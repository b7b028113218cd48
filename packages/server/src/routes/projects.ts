// Lists and projects: 金点子, 赋能清单, 需求清单, 治理项目 (docs/PARTICIPATION.md). Thin routes: Zod input, one service call.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NEED_SOURCE_TYPES } from '@gongzhi/domain';
import { Idea, IdeaCreated, IdeaDecided, IdeaList, NeedCreated, NeedDetail, NeedList, OfferCreated, OfferList, ProjectCreated, ProjectDetail, ProjectList, ProjectWall } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as svc from '../services/projects.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { isoDay, isoMonth, optionalText, paging, text, uuidParam } from './common.ts';

const areaCode = z.string().regex(/^\d{6,20}$/, '应为区划代码');
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, '应为 YYYY-Qn（n 为 1–4）');
const money = (what: string) => z.number({ message: `${what}应为数字（元）` }).min(0, `${what}不能为负`).max(100_000_000, `${what}过大`).multipleOf(0.01, `${what}最多两位小数`);
const idKey = (h: unknown) => (typeof h === 'string' ? h : undefined);
const flag = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');

export function projectRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- 金点子 ----
  const ideaTags = ['ideas'];
  r.post(
    '/api/ideas',
    { schema: { tags: ideaTags, summary: '提出金点子（居民本人，计入本季度本村（社区）的征集）', body: z.object({ title: text(60), content: text(1000) }), response: { 201: IdeaCreated } } },
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
        querystring: z.object({ area: areaCode.optional(), quarter: quarter.optional(), state: z.enum(['open', 'need', 'topic', 'closed'], { message: '未知的金点子状态' }).optional(), ...paging }),
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
        body: z.object({ as: z.enum(['need', 'topic', 'close'], { message: 'as 应为 need、topic 或 close' }), title: text(60).optional(), content: text(1000).optional() }),
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
        body: z.object({
          year: z.number({ message: '年度（year）应为数字' }).int().min(2020, '年度（year）不早于 2020').max(2100, '年度（year）过大'),
          title: text(60),
          content: text(1000),
          contact: text(60),
          conditions: optionalText(500).optional(),
          capacity: z.number({ message: '可承接数（capacity）应为数字' }).int('可承接数（capacity）应为整数').min(1, '可承接数（capacity）至少为 1').max(1000, '可承接数（capacity）不超过 1000'),
          unitId: z.uuid({ message: '应为部门 ID' }).optional(),
        }),
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
        querystring: z.object({ year: z.coerce.number().int().min(2020, '年度（year）不早于 2020').max(2100, '年度（year）过大').optional(), mine: flag.optional() }),
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
        body: z.object({
          areaCode,
          title: text(60),
          content: text(1000),
          month: isoMonth.optional(),
          sources: z
            .array(z.object({ type: z.enum(NEED_SOURCE_TYPES, { message: `来源类型应为 ${NEED_SOURCE_TYPES.join('、')}` }), id: z.uuid({ message: '应为来源 ID' }) }))
            .max(20, '来源（sources）最多 20 项')
            .optional(),
        }),
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
        querystring: z.object({ area: areaCode.optional(), month: isoMonth.optional(), state: z.enum(['open', 'project', 'met'], { message: '未知的需求状态' }).optional(), ...paging }),
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
        body: z.object({
          offerId: z.uuid({ message: '应为赋能清单项 ID' }).optional(),
          title: text(60).optional(),
          content: text(1000).optional(),
          secretaryProject: z.boolean().optional(),
          ledger: z.boolean().optional(),
          budget: money('预算（budget）').optional(),
          dueDate: isoDay.optional(),
          supervisors: z.array(z.uuid({ message: '督导小组成员应为居民 ID' }), { message: '请选择群众督导小组成员（supervisors）' }).max(20, '督导小组（supervisors）人数过多'),
        }),
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
    { schema: { tags, summary: '民生小事小黑板上的治理项目及进度（无需登录；不含个人信息）', querystring: z.object({ area: areaCode }), response: { 200: ProjectWall } } },
    async (req) => svc.projectWall(ctx, req.query.area),
  );
  r.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: '治理项目（工作人员：本辖区；部门：对接本单位赋能清单的；居民：所督导的；党员、下沉干部：可领办的）',
        querystring: z.object({
          area: areaCode.optional(),
          state: z
            .string()
            .max(40)
            .refine((s) => s.split(',').every((x) => ['open', 'claimed', 'closed'].includes(x)), '未知的项目状态')
            .optional(),
          relation: z.enum(['supervising'], { message: 'relation 应为 supervising' }).optional(),
          secretary: flag.optional(),
          ledger: flag.optional(),
          ...paging,
        }),
        response: { 200: ProjectList },
      },
    },
    async (req) => svc.listProjects(ctx, requireActor(req), req.query),
  );
  r.get('/api/projects/:id', { schema: { tags, summary: '治理项目详情：督导小组、里程碑、时间线与可执行操作', params: uuidParam, response: { 200: ProjectDetail } } }, async (req) => svc.getProject(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/projects/:id/claim',
    { schema: { tags, summary: '领办（党员、下沉干部本人；或工作人员安排服务团队 teamId）', params: uuidParam, body: z.object({ teamId: z.uuid({ message: '应为服务团队 ID' }).optional() }).default({}), response: { 200: ProjectDetail } } },
    async (req) => svc.claimProject(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
  r.post(
    '/api/projects/:id/milestones',
    {
      schema: {
        tags,
        summary: '报告进展：里程碑、进度（只增不减）、支出与照片',
        params: uuidParam,
        body: z.object({
          title: text(60),
          note: optionalText(1000).optional(),
          percent: z.number({ message: '进度（percent）应为数字' }),
          spent: money('本次支出（spent）').optional(),
          photos: z.array(z.uuid({ message: '应为照片 ID' })).max(9, '最多 9 张照片（photos）').optional(),
        }),
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
        body: z.object({ supervisorId: z.uuid({ message: '应为督导小组成员 ID' }).optional(), note: optionalText(500).optional() }).default({}),
        response: { 200: ProjectDetail },
      },
    },
    async (req) => svc.signOffProject(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
  r.post(
    '/api/projects/:id/close',
    { schema: { tags, summary: '销号：进度 100% 且督导小组全部签字确认后；否则 409 cannot_close', params: uuidParam, body: z.object({ note: optionalText(500).optional() }).default({}), response: { 200: ProjectDetail } } },
    async (req) => svc.closeProject(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
}
