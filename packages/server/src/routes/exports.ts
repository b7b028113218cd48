import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { POINT_SCHEMES, RESIDENCE_TYPES, SPECIAL_GROUPS } from '@gongzhi/domain';
import { z } from 'zod';
import { CaseListQuery, ExportJob, queryFlag } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as exports from '../services/exports.ts';
import * as jobs from '../services/export-jobs.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { areaCodeInput as areaCode, fileResponse, isoDay } from './common.ts';

const xlsx = (description: string) => ({ 200: fileResponse(XLSX_MIME, description) });

/** Links built from templates (`?area=&from=`) send empty parameters: they mean "not given". */
const dropBlanks = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '')) : v), schema);
const blankToUndefined = (shape: z.ZodRawShape) => dropBlanks(z.object(shape));
const statsQuery = blankToUndefined({ area: areaCode.optional(), from: isoDay.optional(), to: isoDay.optional() });
const tagCodes = SPECIAL_GROUPS.map((g) => g.code) as [string, ...string[]];
const residenceCodes = RESIDENCE_TYPES.map((t) => t.code) as [string, ...string[]];

// The case list's filters (the list's query without its page and order): one definition for the list and its export.
const caseQuery = dropBlanks(CaseListQuery.omit({ sort: true, page: true, pageSize: true }));

const peopleQuery = blankToUndefined({ area: areaCode.optional(), q: z.string().trim().max(40).optional(), tag: z.enum(tagCodes).optional(), residenceType: z.enum(residenceCodes).optional(), partyMember: queryFlag.optional(), status: z.enum(['active', 'moved-out', 'deceased', 'all']).optional() });
const jobParams = z.object({ id: z.uuid({ message: '应为导出任务 ID' }) });

/** Streams a prepared export to the response as it is written. */
function sendStream(reply: FastifyReply, prepared: exports.PreparedExport) {
  const out = new PassThrough();
  prepared.write(out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return sendAttachment(reply, XLSX_MIME, prepared.fileName, out);
}

const sendFile = (reply: FastifyReply, file: exports.ExportFile) =>
  sendAttachment(reply, XLSX_MIME, file.fileName, file.body);

export function exportRoutes(app: FastifyInstance, ctx: AppContext) {
  // A job started just before the server closes writes its file before the database connections close.
  app.addHook('onClose', () => jobs.settleExportJobs());
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];
  const measures = [
    ['units', '部门（承办单位）考核排名 Excel：按综合评分排序'],
    ['areas', '各下级区域案件统计 Excel（含合计行）'],
    ['categories', '各事项类型案件统计 Excel'],
  ] as const;
  for (const [list, summary] of measures) {
    r.get(`/api/exports/${list}.xlsx`, { schema: { tags, summary, querystring: statsQuery, response: xlsx(summary) } }, async (req, reply) =>
      sendFile(reply, await exports.exportMeasures(ctx, requireActor(req), list, req.query, requestContext(req))),
    );
  }
  r.get(
    '/api/exports/cases.xlsx',
    { schema: { tags, summary: `案件台账 Excel（筛选条件同 GET /api/cases，最多 ${exports.MAX_EXPORT_ROWS} 行）`, querystring: caseQuery, response: xlsx('案件台账（Excel）') } },
    async (req, reply) => sendStream(reply, await exports.prepareCaseExport(ctx, requireActor(req), req.query, requestContext(req))),
  );
  r.get(
    '/api/exports/people.xlsx',
    { schema: { tags, summary: `人口信息 Excel（筛选条件同 GET /api/people；证件号、手机号脱敏；最多 ${exports.MAX_EXPORT_ROWS} 行）`, querystring: peopleQuery, response: xlsx('人口信息（Excel）') } },
    async (req, reply) => sendStream(reply, await exports.preparePeopleExport(ctx, requireActor(req), req.query, requestContext(req))),
  );

  // Large exports as background jobs: started here, watched with GET /api/exports/jobs/{id}, then downloaded.
  const jobDescription = '后台生成 Excel：立即返回 202 和导出任务（state、done/total、percent），用 GET /api/exports/jobs/{id} 查看进度，完成后从 downloadUrl 下载（保留 1 小时，仅本人可下载）。';
  r.post(
    '/api/exports/people/jobs',
    { schema: { tags, summary: '后台导出人口信息 Excel（筛选条件同 GET /api/exports/people.xlsx）', description: jobDescription, body: peopleQuery, response: { 202: ExportJob } } },
    async (req, reply) => {
      const actor = requireActor(req);
      jobs.assertCanStartExport(actor);
      const prepared = await exports.preparePeopleExport(ctx, actor, req.body, requestContext(req));
      return reply.code(202).send(await jobs.startExportJob(actor, 'people', prepared));
    },
  );
  r.post(
    '/api/exports/cases/jobs',
    { schema: { tags, summary: '后台导出案件台账 Excel（筛选条件同 GET /api/exports/cases.xlsx）', description: jobDescription, body: caseQuery, response: { 202: ExportJob } } },
    async (req, reply) => {
      const actor = requireActor(req);
      jobs.assertCanStartExport(actor);
      const prepared = await exports.prepareCaseExport(ctx, actor, req.body, requestContext(req));
      return reply.code(202).send(await jobs.startExportJob(actor, 'cases', prepared));
    },
  );
  r.get('/api/exports/jobs/:id', { schema: { tags, summary: '导出任务的进度（仅本人）', params: jobParams, response: { 200: ExportJob } } }, async (req) => jobs.getExportJob(requireActor(req), req.params.id));
  r.get('/api/exports/jobs/:id/file', { schema: { tags, summary: '下载已完成的导出文件（仅本人；未完成 409）', params: jobParams, response: xlsx('导出文件（Excel）') } }, async (req, reply) => {
    const file = await jobs.exportJobFile(requireActor(req), req.params.id);
    return sendAttachment(reply.header('content-length', file.size), XLSX_MIME, file.fileName, file.stream);
  });
  r.get(
    '/api/exports/households.xlsx',
    { schema: { tags, summary: '住户 Excel（同 GET /api/areas/{code}/households）', querystring: blankToUndefined({ area: areaCode.optional() }), response: xlsx('住户（Excel）') } },
    async (req, reply) => sendFile(reply, await exports.exportHouseholds(ctx, requireActor(req), req.query, requestContext(req))),
  );
  r.get(
    '/api/exports/points-leaderboard.xlsx',
    {
      schema: {
        tags,
        summary: '积分排行榜 Excel（参数同 GET /api/points/leaderboard）',
        querystring: z.object({
          scheme: z.enum(POINT_SCHEMES),
          area: areaCode.optional(),
          month: z.string().max(7).optional(),
          by: z.enum(['person', 'area']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(200),
        }),
        response: xlsx('积分排行榜（Excel）'),
      },
    },
    async (req, reply) => sendFile(reply, await exports.exportLeaderboard(ctx, requireActor(req), req.query, requestContext(req))),
  );
  r.get(
    '/api/exports/audit.xlsx',
    {
      schema: {
        tags,
        summary: '审计日志 Excel（筛选条件同 GET /api/audit）',
        querystring: z.object({ actor: z.string().max(64).optional(), action: z.string().max(64).optional(), entityType: z.string().max(32).optional(), entityId: z.string().max(64).optional(), from: isoDay.optional(), to: isoDay.optional() }),
        response: xlsx('审计日志（Excel）'),
      },
    },
    async (req, reply) => sendFile(reply, await exports.exportAudit(ctx, requireActor(req), req.query, requestContext(req))),
  );
}
