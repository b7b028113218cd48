import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CASE_STATES, POINT_SCHEMES, RESIDENCE_TYPES, SPECIAL_GROUPS } from '@gongzhi/domain';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as exports from '../services/exports.ts';
import { CHANNELS } from '../services/cases.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { attachmentHeader, XLSX_MIME } from '../lib/xlsx.ts';
import { isoDay } from './common.ts';

const areaCode = z.string().regex(/^\d{6,20}$/, '应为区划代码');
/** Links built from templates (`?area=&from=`) send empty parameters: they mean "not given". */
const blankToUndefined = (shape: z.ZodRawShape) => z.preprocess((v) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '')) : v), z.object(shape));
const statsQuery = blankToUndefined({ area: areaCode.optional(), from: isoDay.optional(), to: isoDay.optional() });
const tagCodes = SPECIAL_GROUPS.map((g) => g.code) as [string, ...string[]];
const residenceCodes = RESIDENCE_TYPES.map((t) => t.code) as [string, ...string[]];
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const caseQuery = blankToUndefined({
  state: z
    .string()
    .max(200)
    .refine((s) => s.split(',').every((x) => !x || (CASE_STATES as readonly string[]).includes(x)), '未知的案件状态')
    .optional(),
  area: areaCode.optional(),
  category: z.string().max(16).optional(),
  channel: z.enum(CHANNELS).optional(),
  overdue: bool.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  q: z.string().trim().max(60).optional(),
  box: z.enum(['mine', 'revisit', 'all']).optional(),
});

const sendFile = (reply: FastifyReply, file: exports.ExportFile) =>
  reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(file.fileName)).send(file.body);

export function exportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];
  const measures = [
    ['units', '部门（承办单位）考核排名 Excel：按综合评分排序'],
    ['areas', '各下级区域案件统计 Excel（含合计行）'],
    ['categories', '各事项类型案件统计 Excel'],
  ] as const;
  for (const [list, summary] of measures) {
    r.get(`/api/exports/${list}.xlsx`, { schema: { tags, summary, querystring: statsQuery } }, async (req, reply) =>
      sendFile(reply, await exports.exportMeasures(ctx, requireActor(req), list, req.query, requestContext(req))),
    );
  }
  r.get(
    '/api/exports/cases.xlsx',
    { schema: { tags, summary: `案件台账 Excel（筛选条件同 GET /api/cases，最多 ${exports.MAX_EXPORT_ROWS} 行）`, querystring: caseQuery } },
    async (req, reply) => {
      const prepared = await exports.prepareCaseExport(ctx, requireActor(req), req.query, requestContext(req));
      const out = new PassThrough();
      prepared.write(out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(prepared.fileName)).send(out);
    },
  );
  r.get(
    '/api/exports/people.xlsx',
    {
      schema: {
        tags,
        summary: '人口信息 Excel（筛选条件同 GET /api/people；证件号、手机号脱敏）',
        querystring: blankToUndefined({ area: areaCode.optional(), q: z.string().trim().max(40).optional(), tag: z.enum(tagCodes).optional(), residenceType: z.enum(residenceCodes).optional(), partyMember: bool.optional() }),
      },
    },
    async (req, reply) => sendFile(reply, await exports.exportPeople(ctx, requireActor(req), req.query, requestContext(req))),
  );
  r.get(
    '/api/exports/households.xlsx',
    { schema: { tags, summary: '住户 Excel（同 GET /api/areas/{code}/households）', querystring: blankToUndefined({ area: areaCode.optional() }) } },
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
      },
    },
    async (req, reply) => sendFile(reply, await exports.exportAudit(ctx, requireActor(req), req.query, requestContext(req))),
  );
}
