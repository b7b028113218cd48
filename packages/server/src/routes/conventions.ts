import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ConventionAdoptBody,
  ConventionDetail,
  ConventionDiffQuery,
  ConventionDiffSchema,
  ConventionDraftBody,
  ConventionList,
  ConventionOpened,
  ConventionPatchBody,
  ConventionStartBody,
  ConventionVersionSchema,
  MyConvention,
} from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as conventions from '../services/conventions.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

const versionParams = z.object({ id: z.uuid({ message: '应为 UUID' }), versionId: z.uuid({ message: '版本（versionId）应为 UUID' }) });
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
    { schema: { tags, summary: '为本村（社区）制定村规民约或居民公约：建立公约和第 1 版草案', description: '返回 201 {id, versionId, versionNo}。已有 → 409。', body: ConventionStartBody, response: { 201: ConventionOpened } } },
    async (req, reply) => reply.status(201).send(await conventions.startConvention(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/conventions/from-deliberation/:id',
    { schema: { tags, summary: '从已结束表决的议事“制定/修订公约”：打开本村（社区）公约的草案并关联该议事', description: '新建草案 → 201；已有草案则关联并返回它 → 200。', params: uuidParam, response: { 201: ConventionOpened, 200: ConventionOpened } } },
    async (req, reply) => {
      const result = await conventions.draftFromDeliberation(ctx, requireActor(req), req.params.id, requestContext(req));
      return reply.status(result.status).send(result.body);
    },
  );
  r.get('/api/conventions/:id', { schema: { tags, summary: '公约详情：各版本（居民只见现行版本）、本村（社区）的积分规则', params: uuidParam, response: { 200: ConventionDetail } } }, async (req) =>
    conventions.getConvention(ctx, requireActor(req), req.params.id),
  );
  r.get('/api/conventions/:id/diff', { schema: { tags, summary: '两个版本逐条比较（新增、删除、修改）；默认最新版本与其前一版本', params: uuidParam, querystring: ConventionDiffQuery, response: { 200: ConventionDiffSchema } } }, async (req) =>
    conventions.diffVersions(ctx, requireActor(req), req.params.id, req.query.from, req.query.to),
  );
  r.post(
    '/api/conventions/:id/drafts',
    { schema: { tags, summary: '新建修订草案（复制现行版本）', description: '返回 201。已有草案 → 409 draft_exists。', params: uuidParam, body: ConventionDraftBody, response: { 201: ConventionOpened } } },
    async (req, reply) => reply.status(201).send(await conventions.createDraft(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req))),
  );
  r.patch(
    '/api/conventions/:id/versions/:versionId',
    { schema: { tags, summary: '编辑草案：标题、条文（顺序即条号）、关联的积分规则和议事', description: '已通过或已废止的版本 → 409 not_draft。', params: versionParams, body: ConventionPatchBody, response: { 200: ConventionVersionSchema } } },
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
        body: ConventionAdoptBody,
        response: { 200: ConventionVersionSchema },
      },
    },
    async (req) => conventions.adoptDraft(ctx, requireActor(req), req.params.id, req.params.versionId, { deliberationId: req.body.deliberationId, paperAdoptedOn: req.body.paperAdoptedOn || undefined, paperNote: req.body.paperNote }, requestContext(req)),
  );
}
