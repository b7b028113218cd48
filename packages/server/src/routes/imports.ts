import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUploadedFile } from '../http/upload.ts';
import { HotlineImportReport, PeopleImportResult } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as hotline from '../services/hotline-import.ts';
import * as registry from '../services/registry-import.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { areaCodeInput, fileResponse } from './common.ts';

const reportBody = z.object({
  fileName: z.string().max(200),
  rows: z
    .array(
      z.object({
        row: z.number().int().min(1).max(100_000),
        orderNo: z.string().max(100).nullable(),
        status: z.enum(['created', 'updated', 'unchanged', 'refused']),
        caseId: z.string().max(40).optional(),
        caseCode: z.string().max(40).optional(),
        field: z.string().max(40).optional(),
        message: z.string().max(500),
      }),
    )
    .max(hotline.MAX_IMPORT_ROWS),
});

export function importRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  r.get('/api/imports/hotline/template.xlsx', { schema: { tags, summary: '热线（12345）工单导入模板', response: { 200: fileResponse(XLSX_MIME, '热线工单导入模板（Excel）') } } }, async (req, reply) => {
    requireActor(req);
    return sendAttachment(reply, XLSX_MIME, '热线工单导入模板.xlsx', await hotline.hotlineTemplate(ctx));
  });
  r.post(
    '/api/imports/hotline',
    {
      schema: {
        tags,
        summary: `导入热线（12345）工单（.xlsx 或 .csv，≤ 5 MB、≤ ${hotline.MAX_IMPORT_ROWS} 行；字段名 file），逐行返回结果`,
        consumes: ['multipart/form-data'],
        response: { 200: HotlineImportReport },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { filename, data } = await readUploadedFile(req, hotline.MAX_IMPORT_BYTES);
      return hotline.importHotline(ctx, actor, filename, data, requestContext(req));
    },
  );
  r.post('/api/imports/hotline/report.xlsx', { schema: { tags, summary: '把导入结果下载为 Excel', body: reportBody, response: { 200: fileResponse(XLSX_MIME, '热线工单导入结果（Excel）') } } }, async (req, reply) => {
    const actor = requireActor(req);
    return sendAttachment(reply, XLSX_MIME, '热线工单导入结果.xlsx', await hotline.reportWorkbook(actor, req.body));
  });

  r.get('/api/imports/people/template.xlsx', { schema: { tags, summary: '人口信息导入模板', response: { 200: fileResponse(XLSX_MIME, '人口信息导入模板（Excel）') } } }, async (req, reply) => {
    const body = await registry.peopleTemplate(requireActor(req));
    return sendAttachment(reply, XLSX_MIME, '人口信息导入模板.xlsx', body);
  });
  r.post(
    '/api/imports/people',
    {
      schema: {
        tags,
        summary: `导入人口信息（.xlsx，或 UTF-8 / GB18030 编码的 .csv；≤ 10 MB、≤ ${registry.MAX_PEOPLE_ROWS} 行；字段名 file）`,
        consumes: ['multipart/form-data'],
        response: { 200: PeopleImportResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { filename, data } = await readUploadedFile(req, registry.MAX_PEOPLE_BYTES);
      return registry.importPeople(ctx, actor, filename, data, requestContext(req));
    },
  );
  r.post(
    '/api/imports/people/report.xlsx',
    {
      schema: {
        tags,
        summary: '把人口信息导入结果下载为 Excel',
        body: z.object({
          fileName: z.string().max(200),
          created: z.number().int().min(0),
          updated: z.number().int().min(0),
          unchanged: z.number().int().min(0),
          refused: z.array(z.object({ row: z.number().int().min(1).max(1_000_000), reason: z.string().max(500) })).max(registry.MAX_PEOPLE_ROWS),
        }),
        response: { 200: fileResponse(XLSX_MIME, '人口信息导入结果（Excel）') },
      },
    },
    async (req, reply) => {
      const body = await registry.peopleReportWorkbook(requireActor(req), req.body);
      return sendAttachment(reply, XLSX_MIME, '人口信息导入结果.xlsx', body);
    },
  );
  r.get(
    '/api/imports/people/export.xlsx',
    {
      schema: {
        tags,
        summary: '按导入模板导出辖区人员（完整号码，留痕），修改后可再次导入',
        querystring: z.object({ area: areaCodeInput.optional() }),
        response: { 200: fileResponse(XLSX_MIME, '辖区人员（导入模板格式，Excel）') },
      },
    },
    async (req, reply) => {
      const file = await registry.exportPeopleTemplate(ctx, requireActor(req), req.query.area || undefined, requestContext(req));
      return sendAttachment(reply, XLSX_MIME, file.fileName, file.body);
    },
  );
}
