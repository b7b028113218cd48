import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid, isSurveyAction, MAX_SURVEY_CHOICES, MAX_SURVEY_QUESTIONS, MAX_SURVEY_TEXT_ANSWER, QUESTION_KINDS, SURVEY_ACTIONS, SURVEY_PURPOSES, SURVEY_STATES } from '@gongzhi/domain';
import { SurveyDetail, SurveyList, SurveyReceipt, SurveyResultsView, SurveyTextAnswers } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as surveys from '../services/surveys.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { optionalText, paging, text, uuidParam } from './common.ts';

const areaCode = z.string().regex(/^\d{6}(\d{3}){0,3}$/, '调查范围（areaCode）应为区、镇（街道）、村（社区）或网格的区划代码');
const time = z.iso.datetime({ offset: true, message: '应为带时区的时间，如 2026-12-04T09:00:00+08:00' });

const question = z.object({
  kind: z.enum(QUESTION_KINDS, { message: '题型（kind）应为 single（单选）、multiple（多选）、rating（满意度评分）或 text（简答）' }),
  title: text(200),
  required: z.boolean().optional(),
  choices: z.array(text(60), { message: '选项（choices）应为列表' }).max(MAX_SURVEY_CHOICES, `选项最多 ${MAX_SURVEY_CHOICES} 个`).optional(),
  maxPicks: z.number().int('最多选几项（maxPicks）应为整数').min(1).max(MAX_SURVEY_CHOICES).nullable().optional(),
});

const surveyBody = z.object({
  title: text(80),
  purpose: z.enum(SURVEY_PURPOSES, { message: '问卷类型（purpose）应为 opinion（意见征集）或 satisfaction（满意度测评）' }),
  intro: optionalText(2000).optional(),
  areaCode,
  opensAt: time.nullable().optional(),
  closesAt: time.nullable().optional(),
  anonymous: z.boolean().optional(),
  publicResults: z.boolean().optional(),
  questions: z.array(question, { message: '题目（questions）应为列表' }).max(MAX_SURVEY_QUESTIONS, `问卷最多 ${MAX_SURVEY_QUESTIONS} 道题`),
});

const answerBody = z.object({
  answers: z
    .array(
      z.object({
        questionId: z.uuid({ message: '题目 ID（questionId）应为 UUID' }),
        choices: z.array(z.number().int('选项应为序号').min(0).max(MAX_SURVEY_CHOICES)).max(MAX_SURVEY_CHOICES).optional(),
        rating: z.number().optional(),
        text: z.string().max(MAX_SURVEY_TEXT_ANSWER, `回答不能超过 ${MAX_SURVEY_TEXT_ANSWER} 个字`).optional(),
      }),
      { message: '答案（answers）应为列表' },
    )
    .max(MAX_SURVEY_QUESTIONS),
});

const listQuery = z.object({
  area: areaCode.optional(),
  state: z
    .string()
    .max(40)
    .refine((s) => s.split(',').every((x) => !x || (SURVEY_STATES as readonly string[]).includes(x)), '状态（state）应为 draft、open 或 closed')
    .optional(),
  ...paging,
});

export function surveyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  r.get('/api/surveys', { schema: { tags, summary: '问卷列表（辖区工作人员，范围内全部问卷）', querystring: listQuery, response: { 200: SurveyList } } }, async (req) =>
    surveys.listForStaff(ctx, requireActor(req), req.query),
  );
  r.get('/api/surveys/available', { schema: { tags, summary: '我可参与的问卷（居民：本人所在区域已发布的问卷）', querystring: z.object(paging), response: { 200: SurveyList } } }, async (req) =>
    surveys.listForResident(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/surveys',
    { schema: { tags, summary: '新建问卷草稿（社区、村、镇、区工作人员在其范围内）', body: surveyBody, response: { 201: SurveyDetail } } },
    async (req, reply) => reply.status(201).send(await surveys.createSurvey(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/surveys/:id', { schema: { tags, summary: '问卷详情（含题目、本人答案和可执行操作）', params: uuidParam, response: { 200: SurveyDetail } } }, async (req) =>
    surveys.getSurvey(ctx, requireActor(req), req.params.id),
  );
  r.put(
    '/api/surveys/:id',
    { schema: { tags, summary: '修改问卷草稿（题目整体替换；发布后不能修改 → 409）', params: uuidParam, body: surveyBody, response: { 200: SurveyDetail } } },
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
        body: answerBody,
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
        querystring: z.object({ questionId: z.uuid({ message: '题目 ID（questionId）应为 UUID' }), ...paging }),
        response: { 200: SurveyTextAnswers },
      },
    },
    async (req) => surveys.textAnswers(ctx, requireActor(req), req.params.id, req.query.questionId, req.query.page, req.query.pageSize),
  );
}
