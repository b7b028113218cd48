import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BurdenCheck,
  BurdenCheckBody,
  BurdenFigures,
  BurdenFiguresQuery,
  BurdenFlagBody,
  BurdenFormBody,
  BurdenFormDetail,
  BurdenFormList,
  BurdenFormListQuery,
  BurdenListEntry,
  BurdenListEntryBody,
  BurdenListEntryPatchBody,
  BurdenLists,
  BurdenMeta,
  BurdenRequest,
  BurdenRequestBody,
  BurdenRequestList,
  BurdenRequestListQuery,
  BurdenTask,
  BurdenTaskList,
  BurdenTaskListQuery,
  BurdenTransitionBody,
  FormReturn,
  FormReturnList,
  FormReturnListQuery,
  FormReturnSubmitBody,
} from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as burden from '../services/burden.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { fileResponse, uuidParam } from './common.ts';

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
        body: BurdenListEntryBody,
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
        body: BurdenListEntryPatchBody,
        response: { 200: BurdenListEntry },
      },
    },
    async (req) => burden.updateEntry(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  r.post(
    '/api/burden/check',
    { schema: { tags, summary: '预检：事项是否命中负面清单或属于准入事项清单（不保存）', body: BurdenCheckBody, response: { 200: BurdenCheck } } },
    async (req) => burden.dryCheck(ctx, requireActor(req), req.body),
  );
  r.get(
    '/api/burden/requests',
    { schema: { tags, summary: '事项准入申请（部门看本部门的，区委社会工作部和区级看全部）', querystring: BurdenRequestListQuery, response: { 200: BurdenRequestList } } },
    async (req) => burden.listRequests(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/burden/requests',
    { schema: { tags, summary: '区职能部门提交事项准入申请；命中负面清单的当即不予准入并写明所命中的清单事项', body: BurdenRequestBody, response: { 201: BurdenRequest } } },
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
        body: BurdenTransitionBody,
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
        querystring: BurdenTaskListQuery,
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
        body: BurdenFlagBody,
        response: { 201: BurdenTask },
      },
    },
    async (req, reply) => reply.status(201).send(await burden.flagTask(ctx, requireActor(req), req.body, requestContext(req))),
  );

  r.get('/api/burden/forms', { schema: { tags, summary: '一表通报表（部门看本部门设计的）', querystring: BurdenFormListQuery, response: { 200: BurdenFormList } } }, async (req) => burden.listForms(ctx, requireActor(req), req.query));
  r.post(
    '/api/burden/forms',
    {
      schema: {
        tags,
        summary: '设计一表通报表并下发：须依据本部门已准入的申请、只发往其所列社区；绑定平台数据的字段为各社区自动预填，本期已报过的字段沿用',
        body: BurdenFormBody,
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
    { schema: { tags, summary: '社区收到的报表', querystring: FormReturnListQuery, response: { 200: FormReturnList } } },
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
        body: FormReturnSubmitBody,
        response: { 200: FormReturn },
      },
    },
    async (req) => burden.submitReturn(ctx, requireActor(req), req.params.id, req.body.values, requestContext(req)),
  );
  r.get(
    '/api/burden/figures',
    { schema: { tags, summary: '基层减负统计：各社区每月收到任务（准入/未准入）、报表、预填与填写字段、估算节省工时；各部门申请与不予准入数', querystring: BurdenFiguresQuery, response: { 200: BurdenFigures } } },
    async (req) => burden.figures(ctx, requireActor(req), req.query),
  );
}
