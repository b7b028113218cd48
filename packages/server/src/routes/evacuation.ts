import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EVACUATION_ACTIONS, EVACUATION_STATES, RISK_COLOURS, type EvacuationAction, type EvacuationState, type RiskColour } from '@gongzhi/domain';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as evacuation from '../services/evacuation.ts';
import * as riskMap from '../services/risk-map.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { fileResponse, optionalText, paging, text, uuidParam } from './common.ts';

const areaCode = z.string().regex(/^\d{6,20}$/, '应为区划代码');
/** `colours=red,orange` (comma-separated) in a query. */
const colourList = z
  .string()
  .max(40)
  .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
  .pipe(z.array(z.enum(RISK_COLOURS as unknown as [RiskColour, ...RiskColour[]], { message: '风险等级（colours）应为 red、orange、yellow、blue，以逗号分隔' })));
const colourArray = z.array(z.enum(RISK_COLOURS as unknown as [RiskColour, ...RiskColour[]], { message: '风险等级（colours）应为 red、orange、yellow 或 blue' })).max(4);
const state = z.enum(EVACUATION_STATES as unknown as [EvacuationState, ...EvacuationState[]], { message: '状态（state）应为 pending、moving、arrived、refused 或 returned' });
const destination = {
  destinationPlaceId: z.uuid({ message: '安置点（destinationPlaceId）应为场所 ID' }).nullable().optional(),
  destinationText: optionalText(100).nullable().optional(),
  responsibleId: z.uuid({ message: '责任人（responsibleId）应为账号 ID' }).nullable().optional(),
};
const counts = z.object({ pending: z.number(), moving: z.number(), arrived: z.number(), refused: z.number(), returned: z.number(), total: z.number() });
const colourCounts = z.object({ red: z.number(), orange: z.number(), yellow: z.number(), blue: z.number(), total: z.number() });
const entry = z.object({
  id: z.string(),
  evacuationId: z.string(),
  evacuationTitle: z.string(),
  personId: z.string(),
  name: z.string(),
  gender: z.string(),
  age: z.number().nullable(),
  phone: z.string().nullable(),
  needsHelp: z.boolean(),
  helpTags: z.array(z.string()),
  householdId: z.string().nullable(),
  areaCode: z.string(),
  address: z.string(),
  riskColour: z.string().nullable(),
  reasons: z.array(z.string()),
  destination: z.object({ placeId: z.string().nullable(), name: z.string().nullable(), text: z.string().nullable() }),
  responsible: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  state: z.string(),
  refusedReason: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  arrivedByName: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
  allowedActions: z.array(z.string()),
});
const list = z.object({
  id: z.string(),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  emergencyId: z.string().nullable(),
  colours: z.array(z.string()),
  withNeedsHelp: z.boolean(),
  state: z.string(),
  createdByName: z.string(),
  createdAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  counts,
  allowedActions: z.array(z.string()),
});
const detail = list.extend({
  items: z.array(entry),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  shelters: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), areaCode: z.string(), address: z.string().nullable() })),
});

/** The four-colour map (风险地图) and evacuation lists (转移安置). */
export function evacuationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evacuation'];
  r.get(
    '/api/risk/map',
    {
      schema: {
        tags,
        summary: '风险地图：各网格、各楼栋按风险等级（红橙黄蓝）的住户数，及落图位置',
        description: '村（社区）及以下按楼栋落图；没有坐标或边界的楼栋在所在网格中心合为一个聚合点（level=cluster，placedBy=grid，位置仅供参考）。镇（街道）及以上按网格汇总。colours 以逗号分隔筛选。',
        querystring: z.object({ areaCode, colours: colourList.optional() }),
        response: {
          200: z.object({
            area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
            by: z.enum(['building', 'grid']),
            colours: z.array(z.string()),
            total: colourCounts,
            grids: z.array(z.object({ code: z.string(), name: z.string(), centre: z.tuple([z.number(), z.number()]).nullable(), counts: colourCounts, worst: z.string().nullable() })),
            markers: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                level: z.string(),
                gridCode: z.string(),
                gridName: z.string(),
                lat: z.number(),
                lng: z.number(),
                placedBy: z.enum(['building', 'grid']),
                worst: z.string().nullable(),
                buildings: z.number(),
                counts: colourCounts,
              }),
            ),
            approximate: z.number(),
            unplaced: z.number(),
          }),
        },
      },
    },
    async (req) => riskMap.riskMap(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/risk/people',
    {
      schema: {
        tags,
        summary: '某风险等级住户中的人员（电话脱敏），默认红色和橙色',
        querystring: z.object({ areaCode, colours: colourList.optional(), ...paging }),
        response: {
          200: z.object({
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                gender: z.string(),
                age: z.number().nullable(),
                phone: z.string().nullable(),
                tags: z.array(z.string()),
                householdId: z.string(),
                areaCode: z.string(),
                address: z.string(),
                riskColour: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => riskMap.riskPeople(ctx, requireActor(req), req.query),
  );

  r.get(
    '/api/evacuations',
    {
      schema: {
        tags,
        summary: '转移安置名单（本辖区的，及覆盖本辖区的），含各状态人数',
        querystring: z.object({ state: z.enum(['open', 'closed'], { message: 'state 应为 open 或 closed' }).optional() }),
        response: { 200: z.object({ items: z.array(list), total: z.number() }) },
      },
    },
    async (req) => evacuation.listEvacuations(ctx, requireActor(req), req.query.state),
  );
  r.post(
    '/api/evacuations',
    {
      schema: {
        tags,
        summary: '按风险等级一键生成区域的转移安置名单（红、橙色住户人员及独居老人、残疾人、失能卧床人员）',
        description: '返回 201 名单详情。区、镇（街道）指挥中心和社区（村）工作人员在本辖区内生成。emergencyId 可关联应急事件。',
        body: z.object({
          title: text(60),
          areaCode,
          emergencyId: z.string().max(64).nullable().optional(),
          colours: colourArray.optional(),
          withNeedsHelp: z.boolean({ message: 'withNeedsHelp 应为 true 或 false' }).optional(),
          ...destination,
        }),
        response: { 201: detail },
      },
    },
    async (req, reply) => reply.status(201).send(await evacuation.createEvacuation(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get(
    '/api/evacuations/:id',
    {
      schema: {
        tags,
        summary: '转移安置名单详情：各状态人数、人员（电话脱敏）、可选责任人和安置点',
        params: uuidParam,
        querystring: z.object({ state: state.optional(), mine: z.enum(['true', 'false']).optional() }),
        response: { 200: detail },
      },
    },
    async (req) => evacuation.getEvacuation(ctx, requireActor(req), req.params.id, { state: req.query.state, mine: req.query.mine === 'true' }),
  );
  r.post(
    '/api/evacuations/:id/entries',
    {
      schema: {
        tags,
        summary: '把人员加入转移名单（名单区域内、本辖区的人员）',
        params: uuidParam,
        body: z.object({ personIds: z.array(z.uuid({ message: '人员（personIds）应为 UUID' })).min(1, '至少选择一人').max(200, '一次最多 200 人'), note: optionalText(200).optional(), ...destination }),
        response: { 201: z.object({ added: z.number(), items: z.array(entry) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await evacuation.addEntries(ctx, requireActor(req), req.params.id, req.body, requestContext(req))),
  );
  r.post(
    '/api/evacuations/:id/assign',
    {
      schema: {
        tags,
        summary: '为选中的人员指定责任人和/或安置点',
        params: uuidParam,
        body: z.object({ entryIds: z.array(z.uuid({ message: '人员（entryIds）应为 UUID' })).min(1, '至少选择一人').max(5000), ...destination }),
        response: { 200: detail },
      },
    },
    async (req) => evacuation.assignEntries(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/evacuations/:id/close',
    { schema: { tags, summary: '结束转移安置（人员记录保留）', params: uuidParam, response: { 200: detail } } },
    async (req) => evacuation.closeEvacuation(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.get(
    '/api/evacuations/:id/export.xlsx',
    { schema: { tags, summary: '导出转移安置名单 Excel（电话脱敏）', params: uuidParam, response: { 200: fileResponse(XLSX_MIME, '转移安置名单（Excel）') } } },
    async (req, reply) => {
      const file = await evacuation.exportEvacuation(ctx, requireActor(req), req.params.id, requestContext(req));
      return sendAttachment(reply, XLSX_MIME, file.fileName, file.body);
    },
  );
  r.get(
    '/api/evacuation-entries/mine',
    {
      schema: {
        tags,
        summary: '我负责转移的人员（未结束的名单）',
        response: { 200: z.object({ items: z.array(entry), total: z.number(), counts }) },
      },
    },
    async (req) => evacuation.myEntries(ctx, requireActor(req)),
  );
  r.get(
    '/api/evacuation-entries/:id',
    {
      schema: {
        tags,
        summary: '一名转移人员的情况及记录（谁、何时、由何到何）',
        params: uuidParam,
        response: {
          200: entry.extend({
            history: z.array(z.object({ id: z.string(), action: z.string(), fromState: z.string().nullable(), toState: z.string().nullable(), note: z.string().nullable(), actorName: z.string(), createdAt: z.string().nullable() })),
          }),
        },
      },
    },
    async (req) => evacuation.getEntry(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/evacuation-entries/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '登记转移：开始转移（start）、确认到达（arrive）、拒绝转移（refuse，须写原因）、已返回（return）',
        description: '支持 Idempotency-Key：手机重发得到第一次的结果，不重复登记。状态不允许时 409 invalid_transition。',
        params: z.object({ id: z.uuid({ message: '应为 UUID' }), action: z.enum(EVACUATION_ACTIONS as unknown as [EvacuationAction, ...EvacuationAction[]], { message: '操作应为 start、arrive、refuse 或 return' }) }),
        body: z.object({ reason: optionalText(200).optional(), note: optionalText(200).optional() }).default({}),
        response: { 200: entry },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const res = await evacuation.changeEntry(ctx, requireActor(req), req.params.id, req.params.action, req.body ?? {}, requestContext(req), typeof key === 'string' ? key : undefined);
      return reply.status(200).send(res.body as never);
    },
  );
}
