import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid, isSurveyAction, SURVEY_ACTIONS } from '@gongzhi/domain';
import { SurveyAnswerBody, SurveyBody, SurveyDetail, SurveyList, SurveyListQuery, SurveyPageQuery, SurveyReceipt, SurveyResultsView, SurveyTextAnswers, SurveyTextsQuery } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as surveys from '../services/surveys.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

export function surveyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  r.get('/api/surveys', { schema: { tags, summary: '问卷列表（辖区工作人员，范围内全部问卷）', querystring: SurveyListQuery, response: { 200: SurveyList } } }, async (req) =>
    surveys.listForStaff(ctx, requireActor(req), req.query),
  );
  r.get('/api/surveys/available', { schema: { tags, summary: '我可参与的问卷（居民：本人所在区域已发布的问卷）', querystring: SurveyPageQuery, response: { 200: SurveyList } } }, async (req) =>
    surveys.listForResident(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/surveys',
    { schema: { tags, summary: '新建问卷草稿（社区、村、镇、区工作人员在其范围内）', body: SurveyBody, response: { 201: SurveyDetail } } },
    async (req, reply) => reply.status(201).send(await surveys.createSurvey(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/surveys/:id', { schema: { tags, summary: '问卷详情（含题目、本人答案和可执行操作）', params: uuidParam, response: { 200: SurveyDetail } } }, async (req) =>
    surveys.getSurvey(ctx, requireActor(req), req.params.id),
  );
  r.put(
    '/api/surveys/:id',
    { schema: { tags, summary: '修改问卷草稿（题目整体替换；发布后不能修改 → 409）', params: uuidParam, body: SurveyBody, response: { 200: SurveyDetail } } },
    async (req) => surveys.updateSurvey(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/surveys/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '问卷操作',
        description: `操作：${SURVEY_ACTIONS.join(', ')}（发布、结束）。无权 → 403；状态不允许 → 409。`,
        params: z.object({ id: z.uuid({ message: '应为问卷 ID' }), action: z.string().max(40) }),
        response: { 200: SurveyDetail },
      },
    },
    async (req) => {
      const action = req.params.action;
      if (!isSurveyAction(action)) throw invalid('unknown_action', `未知的问卷操作：${action.slice(0, 40)}`, { field: 'action' });
      return surveys.act(ctx, requireActor(req), req.params.id, action, requestContext(req));
    },
  );
  r.post(
    '/api/surveys/:id/responses',
    {
      schema: {
        tags,
        summary: '填写问卷（每个居民账号一次；再次提交 → 409 already_answered）',
        description: '返回 201 回执。支持 Idempotency-Key：相同的键重放第一次的回执。',
        params: uuidParam,
        body: SurveyAnswerBody,
        response: { 201: SurveyReceipt },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const result = await surveys.answer(ctx, requireActor(req), req.params.id, req.body.answers, requestContext(req), typeof key === 'string' ? key : undefined);
      return reply.status(result.status as 201).send(result.body as z.infer<typeof SurveyReceipt>);
    },
  );
  r.get(
    '/api/surveys/:id/results',
    { schema: { tags, summary: '问卷结果（工作人员；公开结果的问卷在结束后本区域居民也可查看）', params: uuidParam, response: { 200: SurveyResultsView } } },
    async (req) => surveys.results(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/surveys/:id/texts',
    {
      schema: {
        tags,
        summary: '简答题的回答（分页）',
        params: uuidParam,
        querystring: SurveyTextsQuery,
        response: { 200: SurveyTextAnswers },
      },
    },
    async (req) => surveys.textAnswers(ctx, requireActor(req), req.params.id, req.query.questionId, req.query.page, req.query.pageSize),
  );
}
