import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUploadedFile } from '../http/upload.ts';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as hotline from '../services/hotline-import.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { attachmentHeader, XLSX_MIME } from '../lib/xlsx.ts';

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
  r.get('/api/imports/hotline/template.xlsx', { schema: { tags, summary: '热线（12345）工单导入模板' } }, async (req, reply) => {
    requireActor(req);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader('热线工单导入模板.xlsx')).send(await hotline.hotlineTemplate(ctx));
  });
  r.post(
    '/api/imports/hotline',
    {
      schema: {
        tags,
        summary: `导入热线（12345）工单（.xlsx 或 .csv，≤ 5 MB、≤ ${hotline.MAX_IMPORT_ROWS} 行；字段名 file），逐行返回结果`,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { filename, data } = await readUploadedFile(req, hotline.MAX_IMPORT_BYTES);
      return hotline.importHotline(ctx, actor, filename, data, requestContext(req));
    },
  );
  r.post('/api/imports/hotline/report.xlsx', { schema: { tags, summary: '把导入结果下载为 Excel', body: reportBody } }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader('热线工单导入结果.xlsx')).send(await hotline.reportWorkbook(actor, req.body));
  });
}
