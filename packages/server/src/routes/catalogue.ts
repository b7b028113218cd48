import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as catalogue from '../services/catalogue.ts';
import * as files from '../services/files.ts';
import * as wall from '../services/wall.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { paging, text } from './common.ts';

const spec = z.object({ unit: z.enum(['hours', 'workingDays']), amount: z.number().positive().max(365) });

export function catalogueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/catalog', { schema: { tags: ['catalogue'], summary: '事项目录（案件类型，含时限）', security: [] } }, async (req) => catalogue.listCatalogue(ctx, req.actor));
  r.patch(
    '/api/catalog/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: '维护事项类型',
        params: z.object({ code: z.string().max(16) }),
        body: z.object({
          name: text(40).optional(),
          deadlines: z.object({ accept: spec, acknowledge: spec, handle: spec, verify: spec }).optional(),
          handlingLevel: z.enum(['village', 'town', 'district']).optional(),
          urgent: z.boolean().optional(),
          verifyOnSite: z.boolean().optional(),
          defaultUnitCode: z.string().max(64).nullable().optional(),
          active: z.boolean().optional(),
          keywords: z.array(text(20)).max(30).optional(),
        }),
      },
    },
    async (req) => catalogue.updateCatalogue(ctx, requireActor(req), req.params.code, req.body, requestContext(req)),
  );

  // Uploads: one file per request (multipart field "file"); the type is checked by content.
  r.post('/api/files', { schema: { tags: ['files'], summary: '上传照片或文件（≤ 5 MB，JPEG/PNG/WebP/GIF/HEIC/PDF）', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    if (!req.isMultipart()) {
      return reply.status(415).send({ error: { code: 'unsupported_media_type', message: '请使用 multipart/form-data 上传文件（字段名 file）' } });
    }
    const part = await req.file({ limits: { fileSize: files.MAX_FILE_BYTES, files: 1 } });
    if (!part) return reply.status(400).send({ error: { code: 'missing_file', message: '请选择要上传的文件（字段名 file）' } });
    const data = await part.toBuffer();
    if (part.file.truncated) return reply.status(413).send({ error: { code: 'file_too_large', message: '文件不能超过 5 MB' } });
    return reply.status(201).send(await files.saveUpload(ctx, req.actor, part.filename, data));
  });
  r.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: '读取文件（签名链接）',
        security: [],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ exp: z.coerce.number().int(), sig: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      const f = await files.readFile(ctx, req.params.id, req.query.exp, req.query.sig);
      return reply
        .header('Content-Type', f.mime)
        .header('Cache-Control', 'private, max-age=600')
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(f.data);
    },
  );

  r.get('/api/wall', { schema: { tags: ['wall'], summary: '回音壁：群众同意公开的已办结案件', security: [], querystring: z.object({ area: z.string().regex(/^\d{6,20}$/).optional(), ...paging }) } }, async (req) =>
    wall.listWall(ctx, req.query.area, req.query.page, req.query.pageSize),
  );
  r.get('/api/public/areas/:code', { schema: { tags: ['wall'], summary: '扫码页的位置信息（公开）', security: [], params: z.object({ code: z.string().max(40) }) } }, async (req) =>
    wall.publicArea(ctx, req.params.code),
  );
  r.get('/api/qr/:code', { schema: { tags: ['wall'], summary: '区域上报二维码（SVG）', params: z.object({ code: z.string().max(40) }), querystring: z.object({ base: z.string().url().max(200).optional() }) } }, async (req, reply) => {
    requireActor(req);
    const svg = await wall.qrSvg(ctx, requireActor(req), req.params.code, req.query.base ?? `${req.protocol}://${req.host}`);
    return reply.header('Content-Type', 'image/svg+xml; charset=utf-8').send(svg);
  });
}
