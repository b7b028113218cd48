import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ConventionDetail, ConventionDiffSchema, ConventionList, ConventionVersionSchema, MyConvention } from '@gongzhi/domain/contract';
import { MAX_ARTICLE_TEXT, MAX_ARTICLES, MAX_CHAPTER } from '@gongzhi/domain';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as conventions from '../services/conventions.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { isoDay, optionalText, text, uuidParam } from './common.ts';

const versionParams = z.object({ id: z.uuid({ message: '应为 UUID' }), versionId: z.uuid({ message: '版本（versionId）应为 UUID' }) });
const Opened = z.object({ id: z.string(), versionId: z.string(), versionNo: z.number().int() });

const article = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '条文编号（id）应为 1–40 位字母、数字、- 或 _').optional(),
  chapter: optionalText(MAX_CHAPTER).nullable().optional(),
  text: text(MAX_ARTICLE_TEXT, { multiline: true }),
});

const startBody = z.object({ areaCode: z.string().regex(/^\d{12}$/, '区域（areaCode）应为村或社区（12 位区划代码）'), title: text(80).optional() });
const draftBody = z.object({ deliberationId: z.uuid({ message: '议事（deliberationId）应为 UUID' }).optional() }).default({});
const patchBody = z.object({
  title: text(80).optional(),
  articles: z.array(article, { message: '条文（articles）应为列表' }).max(MAX_ARTICLES, `条文（articles）最多 ${MAX_ARTICLES} 条`).optional(),
  pointsRuleIds: z.array(z.uuid({ message: '积分规则（pointsRuleIds）应为 UUID' })).max(200, '积分规则（pointsRuleIds）最多 200 项').optional(),
  deliberationId: z.uuid({ message: '议事（deliberationId）应为 UUID' }).nullable().optional(),
});
const adoptBody = z.object({
  deliberationId: z.uuid({ message: '议事（deliberationId）应为 UUID' }).optional(),
  paperAdoptedOn: isoDay.optional(),
  paperNote: optionalText(500).optional(),
});
const diffQuery = z.object({ from: z.uuid({ message: '版本（from）应为 UUID' }).optional(), to: z.uuid({ message: '版本（to）应为 UUID' }).optional() });

export function conventionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['conventions'];
  r.get('/api/conventions', { schema: { tags, summary: '村规民约、居民公约列表（调用者范围内；居民只见本村（社区）现行版本）', response: { 200: ConventionList } } }, async (req) =>
    conventions.listConventions(ctx, requireActor(req)),
  );
  r.get('/api/conventions/mine', { schema: { tags, summary: '我们的村规民约 / 居民公约：调用者所在村（社区）的现行版本', response: { 200: MyConvention } } }, async (req) =>
    conventions.myConvention(ctx, requireActor(req)),
  );
  r.post(
    '/api/conventions',
    { schema: { tags, summary: '为本村（社区）制定村规民约或居民公约：建立公约和第 1 版草案', description: '返回 201 {id, versionId, versionNo}。已有 → 409。', body: startBody, response: { 201: Opened } } },
    async (req, reply) => reply.status(201).send(await conventions.startConvention(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/conventions/from-deliberation/:id',
    { schema: { tags, summary: '从已结束表决的议事“制定/修订公约”：打开本村（社区）公约的草案并关联该议事', description: '新建草案 → 201；已有草案则关联并返回它 → 200。', params: uuidParam, response: { 201: Opened, 200: Opened } } },
    async (req, reply) => {
      const result = await conventions.draftFromDeliberation(ctx, requireActor(req), req.params.id, requestContext(req));
      return reply.status(result.status).send(result.body);
    },
  );
  r.get('/api/conventions/:id', { schema: { tags, summary: '公约详情：各版本（居民只见现行版本）、本村（社区）的积分规则', params: uuidParam, response: { 200: ConventionDetail } } }, async (req) =>
    conventions.getConvention(ctx, requireActor(req), req.params.id),
  );
  r.get('/api/conventions/:id/diff', { schema: { tags, summary: '两个版本逐条比较（新增、删除、修改）；默认最新版本与其前一版本', params: uuidParam, querystring: diffQuery, response: { 200: ConventionDiffSchema } } }, async (req) =>
    conventions.diffVersions(ctx, requireActor(req), req.params.id, req.query.from, req.query.to),
  );
  r.post(
    '/api/conventions/:id/drafts',
    { schema: { tags, summary: '新建修订草案（复制现行版本）', description: '返回 201。已有草案 → 409 draft_exists。', params: uuidParam, body: draftBody, response: { 201: Opened } } },
    async (req, reply) => reply.status(201).send(await conventions.createDraft(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req))),
  );
  r.patch(
    '/api/conventions/:id/versions/:versionId',
    { schema: { tags, summary: '编辑草案：标题、条文（顺序即条号）、关联的积分规则和议事', description: '已通过或已废止的版本 → 409 not_draft。', params: versionParams, body: patchBody, response: { 200: ConventionVersionSchema } } },
    async (req) => conventions.editDraft(ctx, requireActor(req), req.params.id, req.params.versionId, req.body, requestContext(req)),
  );
  r.post(
    '/api/conventions/:id/versions/:versionId/actions/adopt',
    {
      schema: {
        tags,
        summary: '通过草案：依据本村（社区）表决通过的议事，或登记纸质表决（日期和说明）；原现行版本随之废止',
        description: '议事未通过、未结束，或草案已被通过 → 409。',
        params: versionParams,
        body: adoptBody,
        response: { 200: ConventionVersionSchema },
      },
    },
    async (req) => conventions.adoptDraft(ctx, requireActor(req), req.params.id, req.params.versionId, { deliberationId: req.body.deliberationId, paperAdoptedOn: req.body.paperAdoptedOn || undefined, paperNote: req.body.paperNote }, requestContext(req)),
  );
}
