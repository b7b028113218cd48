import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EVACUATION_ACTIONS, EVACUATION_LIST_STATES, EVACUATION_STATES, RISK_COLOURS, type EvacuationAction, type EvacuationState, type RiskColour } from '@gongzhi/domain';
import {
  areaCodeInput,
  EvacuationAssignBody,
  EvacuationCreateBody,
  EvacuationDetail,
  EvacuationEntriesAdded,
  EvacuationEntriesBody,
  EvacuationEntry,
  EvacuationEntryActionBody,
  EvacuationEntryDetail,
  EvacuationList,
  MyEvacuationEntries,
  RiskMap,
  RiskPeople,
} from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as evacuation from '../services/evacuation.ts';
import * as riskMap from '../services/risk-map.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { XLSX_MIME } from '../lib/xlsx.ts';
import { fileResponse, paging, uuidParam } from './common.ts';

/** `colours=red,orange` (comma-separated) in a query. */
const colourList = z
  .string()
  .max(40)
  .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
  .pipe(z.array(z.enum(RISK_COLOURS as unknown as [RiskColour, ...RiskColour[]], { message: '风险等级（colours）应为 red、orange、yellow、blue，以逗号分隔' })));
const state = z.enum(EVACUATION_STATES as unknown as [EvacuationState, ...EvacuationState[]], { message: '状态（state）应为 pending、moving、arrived、refused 或 returned' });

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
        querystring: z.object({ areaCode: areaCodeInput, colours: colourList.optional() }),
        response: { 200: RiskMap },
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
        querystring: z.object({ areaCode: areaCodeInput, colours: colourList.optional(), ...paging }),
        response: { 200: RiskPeople },
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
        querystring: z.object({ state: z.enum(EVACUATION_LIST_STATES, { message: 'state 应为 open 或 closed' }).optional() }),
        response: { 200: EvacuationList },
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
        body: EvacuationCreateBody,
        response: { 201: EvacuationDetail },
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
        response: { 200: EvacuationDetail },
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
        body: EvacuationEntriesBody,
        response: { 201: EvacuationEntriesAdded },
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
        body: EvacuationAssignBody,
        response: { 200: EvacuationDetail },
      },
    },
    async (req) => evacuation.assignEntries(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/evacuations/:id/close',
    { schema: { tags, summary: '结束转移安置（人员记录保留）', params: uuidParam, response: { 200: EvacuationDetail } } },
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
        response: { 200: MyEvacuationEntries },
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
        response: { 200: EvacuationEntryDetail },
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
        body: EvacuationEntryActionBody,
        response: { 200: EvacuationEntry },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const res = await evacuation.changeEntry(ctx, requireActor(req), req.params.id, req.params.action, req.body ?? {}, requestContext(req), typeof key === 'string' ? key : undefined);
      return reply.status(200).send(res.body as never);
    },
  );
}
