import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@gongzhi/domain';
import { Catalogue, CATALOGUE_EXAMPLE, CatalogueType, CaseWall, PublicArea, UploadedFile, UploadToken, WallDecisions } from '@gongzhi/domain/contract';
import { readUploadedFile } from '../http/upload.ts';
import type { AppContext } from '../services/context.ts';
import * as catalogue from '../services/catalogue.ts';
import * as files from '../services/files.ts';
import * as wall from '../services/wall.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { fileResponse, paging, text } from './common.ts';

/** What a stored file may be (the upload checks the content): its media type is the answer's. */
const STORED_FILE = { description: '文件内容', content: Object.assign({}, ...files.FILE_TYPES.map((mime) => fileResponse(mime, '').content)) as Record<string, { schema: z.ZodType }> };

const spec = z.object({ unit: z.enum(['hours', 'workingDays']), amount: z.number().positive().max(365) });

export function catalogueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/catalog', { schema: { tags: ['catalogue'], summary: '事项目录（案件类型，含时限）', security: [], response: { 200: Catalogue } } }, async (req) => catalogue.listCatalogue(ctx, req.actor));
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
          autoDispatch: z.boolean().optional(),
          roundTheClock: z.boolean().optional(),
          rule5321: z.boolean().optional(),
          overdueChain: z
            .object({ supervise: z.boolean(), escalateAfterWorkingDays: z.number().int().min(0, '应为 0–30 个工作日').max(30, '应为 0–30 个工作日').nullable() })
            .nullable()
            .optional(),
          defaultUnitCode: z.string().max(64).nullable().optional(),
          active: z.boolean().optional(),
          keywords: z.array(text(20)).max(30).optional(),
        }),
        response: { 200: CatalogueType.meta({ example: CATALOGUE_EXAMPLE }) },
      },
    },
    async (req) => catalogue.updateCatalogue(ctx, requireActor(req), req.params.code, req.body, requestContext(req)),
  );

  // Uploads: one file per request (multipart field "file"); the type is checked by content.
  // Anonymous callers upload only inside a QR report in progress, with that form's upload token.
  r.post(
    '/api/files/upload-token',
    {
      schema: {
        tags: ['files'],
        summary: '扫码上报页申请上传凭证（匿名可用，按来源限流；30 分钟内最多上传 9 个文件）',
        security: [],
        response: { 201: UploadToken },
      },
    },
    async (req, reply) => reply.status(201).send(files.issueUploadToken(ctx, req.ip ?? 'unknown')),
  );
  r.post(
    '/api/files',
    {
      schema: {
        tags: ['files'],
        summary: '上传照片或文件（≤ 5 MB，JPEG/PNG/WebP/GIF/HEIC/PDF，按内容识别类型）',
        description: '登录用户直接上传；未登录时须带扫码上报页的上传凭证（请求头 X-Upload-Token，见 POST /api/files/upload-token）。',
        consumes: ['multipart/form-data'],
        response: { 201: UploadedFile },
      },
    },
    async (req, reply) => {
      const token = req.headers['x-upload-token'];
      // Refuse an anonymous upload without a token before reading its body.
      if (!req.actor && typeof token !== 'string') {
        throw new DomainError('unauthenticated', 'upload_token_required', '请先登录，或在扫码上报页面内上传照片（缺少上传凭证）');
      }
      const { filename, data } = await readUploadedFile(req, files.MAX_FILE_BYTES);
      return reply.status(201).send(await files.saveUpload(ctx, req.actor, filename, data, { uploadToken: typeof token === 'string' ? token : undefined, source: req.ip ?? 'unknown' }));
    },
  );
  r.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: '读取文件（签名链接；图片在页面内显示，其他文件只下载）',
        security: [],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ exp: z.coerce.number().int(), sig: z.string().max(100) }),
        response: { 200: STORED_FILE },
      },
    },
    async (req, reply) => {
      const f = await files.readFile(ctx, req.params.id, req.query.exp, req.query.sig);
      const disposition = files.isInlineType(f.mime) ? 'inline' : 'attachment';
      return reply
        .header('Content-Type', f.mime)
        .header('Cache-Control', 'private, max-age=600')
        .header('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('X-Content-Type-Options', 'nosniff')
        // A stored file never runs as a page of this origin, even when opened directly.
        .header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .send(f.data);
    },
  );

  r.get('/api/wall', { schema: { tags: ['wall'], summary: '回音壁：群众同意公开的已办结案件', security: [], querystring: z.object({ area: z.string().regex(/^\d{6,20}$/).optional(), ...paging }), response: { 200: CaseWall } } }, async (req) =>
    wall.listWall(ctx, req.query.area, req.query.page, req.query.pageSize),
  );
  r.get(
    '/api/wall/decisions',
    {
      schema: {
        tags: ['wall'],
        summary: '民生小事小黑板：本区域已作出决定的议事协商（议题、表决结果、日期；不含个人信息）',
        security: [],
        querystring: z.object({ area: z.string().regex(/^\d{6,20}$/, '区域（area）应为区划代码').optional(), ...paging }),
        response: { 200: WallDecisions },
      },
    },
    async (req) => wall.listDecisions(ctx, req.query.area, req.query.page, req.query.pageSize),
  );
  r.get('/api/public/areas/:code', { schema: { tags: ['wall'], summary: '扫码页的位置信息（公开）', security: [], params: z.object({ code: z.string().max(40) }), response: { 200: PublicArea } } }, async (req) =>
    wall.publicArea(ctx, req.params.code),
  );
  r.get('/api/qr/:code', { schema: { tags: ['wall'], summary: '区域上报二维码（SVG）', params: z.object({ code: z.string().max(40) }), querystring: z.object({ base: z.string().url().max(200).optional() }), response: { 200: fileResponse('image/svg+xml', '上报二维码（SVG）') } } }, async (req, reply) => {
    requireActor(req);
    const svg = await wall.qrSvg(ctx, requireActor(req), req.params.code, req.query.base ?? `${req.protocol}://${req.host}`);
    return reply.header('Content-Type', 'image/svg+xml; charset=utf-8').send(svg);
  });
}
