import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FIELD_TYPES, FORM_BINDINGS, LIST_KINDS, MAX_FORM_FIELDS, MAX_REQUEST_HOURS, MAX_REQUEST_WORKING_DAYS, REQUEST_KINDS, REQUEST_STATES } from '@gongzhi/domain';
import { BurdenCheck, BurdenFigures, BurdenFormDetail, BurdenFormList, BurdenListEntry, BurdenLists, BurdenMeta, BurdenRequest, BurdenRequestList, BurdenTask, BurdenTaskList, FormReturn, FormReturnList } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as burden from '../services/burden.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { fileResponse, isoDay, isoMonth, optionalText, paging, text, uuidParam } from './common.ts';

const kind = z.enum(REQUEST_KINDS, { message: '事项类型（kind）应为 task、survey、report、campaign、sign 或 inspection' });
const areaCodes = z.array(z.string().max(24), { message: '涉及区域（areaCodes）应为区划代码列表' }).max(200, '涉及区域不能超过 200 个');
const requestBody = z.object({
  kind,
  title: text(100),
  description: text(2000),
  legalBasis: text(500),
  support: optionalText(500).optional(),
  workloadHours: z.number({ message: '工作量（workloadHours）应为数字（小时）' }).min(0.5, '工作量（workloadHours）至少 0.5 小时').max(MAX_REQUEST_HOURS, `工作量（workloadHours）不能超过 ${MAX_REQUEST_HOURS} 小时`),
  workingDays: z.number({ message: '完成时限（workingDays）应为工作日数' }).int('完成时限（workingDays）应为整数').min(1, '完成时限（workingDays）至少 1 个工作日').max(MAX_REQUEST_WORKING_DAYS, `完成时限（workingDays）不能超过 ${MAX_REQUEST_WORKING_DAYS} 个工作日`),
  areaCodes,
});
const field = z.object({
  key: z.string().max(48, '字段标识不能超过 48 个字符'),
  label: text(60),
  type: z.enum(FIELD_TYPES, { message: '字段类型（type）应为 number 或 text' }),
  binding: z.enum(FORM_BINDINGS, { message: '绑定数据（binding）不是平台提供的数据项' }).nullable(),
});

export function burdenRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['burden'];
  r.get('/api/burden/meta', { schema: { tags, summary: '基层减负：本人可做的事、事项类型、可绑定的平台数据、区职能部门', response: { 200: BurdenMeta } } }, async (req) => burden.meta(ctx, requireActor(req)));

  r.get('/api/burden/lists', { schema: { tags, summary: '准入事项清单与负面清单（含每项来源）', response: { 200: BurdenLists } } }, async (req) => burden.listLists(ctx, requireActor(req)));
  r.post(
    '/api/burden/lists',
    {
      schema: {
        tags,
        summary: '新增清单事项（区委社会工作部）',
        body: z.object({ kind: z.enum(LIST_KINDS, { message: '清单（kind）应为 admission 或 negative' }), title: text(100), keywords: z.array(z.string().max(20, '关键词不能超过 20 个字符')).max(20, '关键词不能超过 20 个'), source: text(300) }),
        response: { 201: BurdenListEntry },
      },
    },
    async (req, reply) => reply.status(201).send(await burden.createEntry(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/burden/lists/:id',
    {
      schema: {
        tags,
        summary: '修改或停用清单事项（区委社会工作部）',
        params: uuidParam,
        body: z.object({ title: text(100).optional(), keywords: z.array(z.string().max(20, '关键词不能超过 20 个字符')).max(20, '关键词不能超过 20 个').optional(), source: text(300).optional(), active: z.boolean().optional() }),
        response: { 200: BurdenListEntry },
      },
    },
    async (req) => burden.updateEntry(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  r.post(
    '/api/burden/check',
    { schema: { tags, summary: '预检：事项是否命中负面清单或属于准入事项清单（不保存）', body: z.object({ kind, title: text(100), description: optionalText(2000).default('') }), response: { 200: BurdenCheck } } },
    async (req) => burden.dryCheck(ctx, requireActor(req), req.body),
  );
  r.get(
    '/api/burden/requests',
    { schema: { tags, summary: '事项准入申请（部门看本部门的，区委社会工作部和区级看全部）', querystring: z.object({ state: z.enum(REQUEST_STATES, { message: '状态（state）不正确' }).optional(), ...paging }), response: { 200: BurdenRequestList } } },
    async (req) => burden.listRequests(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/burden/requests',
    { schema: { tags, summary: '区职能部门提交事项准入申请；命中负面清单的当即不予准入并写明所命中的清单事项', body: requestBody, response: { 201: BurdenRequest } } },
    async (req, reply) => reply.status(201).send(await burden.fileRequest(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/burden/requests/:id', { schema: { tags, summary: '准入申请详情（含已下达的社区）', params: uuidParam, response: { 200: BurdenRequest } } }, async (req) => burden.getRequest(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/burden/requests/:id/transition',
    {
      schema: {
        tags,
        summary: '审核（同意准入、不予准入、退回修改）或部门重新提交、撤回；同意准入后任务下达到所列社区',
        params: uuidParam,
        body: z.object({
          action: z.enum(['admit', 'refuse', 'return', 'resubmit', 'withdraw'], { message: '操作（action）应为 admit、refuse、return、resubmit 或 withdraw' }),
          note: optionalText(500).optional(),
          amend: requestBody.optional(),
        }),
        response: { 200: BurdenRequest },
      },
    },
    async (req) => burden.transitionRequest(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  r.get(
    '/api/burden/tasks',
    {
      schema: {
        tags,
        summary: '社区收到的任务（经准入下达的，及登记的未经准入下派的）',
        querystring: z.object({
          state: z.enum(['open', 'done'], { message: '状态（state）应为 open 或 done' }).optional(),
          admitted: z.enum(['true', 'false'], { message: 'admitted 应为 true 或 false' }).transform((s) => s === 'true').optional(),
          ...paging,
        }),
        response: { 200: BurdenTaskList },
      },
    },
    async (req) => burden.listTasks(ctx, requireActor(req), req.query),
  );
  r.post('/api/burden/tasks/:id/done', { schema: { tags, summary: '办结经准入下达的任务', params: uuidParam, response: { 200: BurdenTask } } }, async (req) => burden.completeTask(ctx, requireActor(req), req.params.id, requestContext(req)));
  r.post(
    '/api/burden/flags',
    {
      schema: {
        tags,
        summary: '社区登记未经准入下派的任务（计入对部门的评价）',
        body: z.object({ title: text(100), unitId: z.uuid({ message: '下派部门（unitId）应为 UUID' }).optional(), channel: text(60), note: optionalText(500).optional() }),
        response: { 201: BurdenTask },
      },
    },
    async (req, reply) => reply.status(201).send(await burden.flagTask(ctx, requireActor(req), req.body, requestContext(req))),
  );

  r.get('/api/burden/forms', { schema: { tags, summary: '一表通报表（部门看本部门设计的）', querystring: z.object({ ...paging }), response: { 200: BurdenFormList } } }, async (req) => burden.listForms(ctx, requireActor(req), req.query));
  r.post(
    '/api/burden/forms',
    {
      schema: {
        tags,
        summary: '设计一表通报表并下发：须依据本部门已准入的申请、只发往其所列社区；绑定平台数据的字段为各社区自动预填，本期已报过的字段沿用',
        body: z.object({
          requestId: z.uuid({ message: '依据的准入申请（requestId）应为 UUID' }),
          title: text(100),
          period: isoMonth,
          dueOn: isoDay.optional(),
          areaCodes,
          fields: z.array(field).min(1, '表单至少应有一个字段').max(MAX_FORM_FIELDS, `表单字段不能超过 ${MAX_FORM_FIELDS} 个`),
        }),
        response: { 201: BurdenFormDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await burden.createForm(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/burden/forms/:id', { schema: { tags, summary: '报表及各社区报送情况', params: uuidParam, response: { 200: BurdenFormDetail } } }, async (req) => burden.getForm(ctx, requireActor(req), req.params.id));
  r.get(
    '/api/burden/forms/:id/export',
    { schema: { tags, summary: '导出各社区报送的报表（Excel）', params: uuidParam, response: { 200: fileResponse(XLSX_MIME, '各社区报送的报表（Excel）') } } },
    async (req, reply) => {
      const file = await burden.exportForm(ctx, requireActor(req), req.params.id, requestContext(req));
      return sendAttachment(reply, XLSX_MIME, file.fileName, file.body);
    },
  );
  r.get(
    '/api/burden/returns',
    { schema: { tags, summary: '社区收到的报表', querystring: z.object({ state: z.enum(['pending', 'submitted'], { message: '状态（state）应为 pending 或 submitted' }).optional(), ...paging }), response: { 200: FormReturnList } } },
    async (req) => burden.listReturns(ctx, requireActor(req), req.query),
  );
  r.get('/api/burden/returns/:id', { schema: { tags, summary: '社区的报表：已预填的字段和待填写的字段', params: uuidParam, response: { 200: FormReturn } } }, async (req) => burden.getReturn(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/burden/returns/:id/submit',
    {
      schema: {
        tags,
        summary: '填写未预填的字段并报送',
        params: uuidParam,
        body: z.object({ values: z.record(z.string().max(48), z.string().max(500, '填写内容不能超过 500 个字符'), { message: '填写内容（values）应为字段标识到文字的对照' }) }),
        response: { 200: FormReturn },
      },
    },
    async (req) => burden.submitReturn(ctx, requireActor(req), req.params.id, req.body.values, requestContext(req)),
  );
  r.get(
    '/api/burden/figures',
    { schema: { tags, summary: '基层减负统计：各社区每月收到任务（准入/未准入）、报表、预填与填写字段、估算节省工时；各部门申请与不予准入数', querystring: z.object({ from: isoMonth.optional(), to: isoMonth.optional() }), response: { 200: BurdenFigures } } },
    async (req) => burden.figures(ctx, requireActor(req), req.query),
  );
}
