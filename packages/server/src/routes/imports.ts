import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '@gongzhi/domain';
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
    async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) {
        return reply.status(400).send({ error: { code: 'unsupported_media_type', message: '请使用 multipart/form-data 上传文件（字段名 file）' } });
      }
      const part = await req.file({ limits: { fileSize: hotline.MAX_IMPORT_BYTES, files: 1 } });
      if (!part) return reply.status(400).send({ error: { code: 'missing_file', message: '请选择要导入的文件（字段名 file）' } });
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('too_large', 'file_too_large', '文件不能超过 5 MB');
        throw err;
      }
      if (part.file.truncated) throw new DomainError('too_large', 'file_too_large', '文件不能超过 5 MB');
      return hotline.importHotline(ctx, actor, part.filename || 'upload', data, requestContext(req));
    },
  );
  r.post('/api/imports/hotline/report.xlsx', { schema: { tags, summary: '把导入结果下载为 Excel', body: reportBody } }, async (req, reply) => {
    const actor = requireActor(req);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader('热线工单导入结果.xlsx')).send(await hotline.reportWorkbook(actor, req.body));
  });
}
