import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Campaign,
  CampaignCloseBody,
  CampaignCreateBody,
  CampaignList,
  CampaignListQuery,
  CampaignProgress,
  CampaignVisit,
  CampaignVisitBody,
  HouseholdRisk,
  RiskChangeBody,
  RiskCounts,
  RiskHistory,
  Worklist,
  WorklistQuery,
} from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as campaigns from '../services/campaigns.ts';
import * as risk from '../services/risk.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeParam, uuidParam } from './common.ts';

/** A risk colour as a request gives it (also the households' filter, routes/areas.ts). */
export { RiskColourInput as riskColour } from '@gongzhi/domain/contract';

/** Door-knocking campaigns (敲门行动) and four-colour risk (四色分级). */
export function campaignRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  r.get(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: '敲门行动列表（本辖区发起的，及覆盖本辖区的）',
        querystring: CampaignListQuery,
        response: { 200: CampaignList },
      },
    },
    async (req) => campaigns.listCampaigns(ctx, requireActor(req), req.query.state),
  );
  r.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: '发起敲门行动：区域内每一户都要走访',
        description: '返回 201 {"id","state":"active",…}。区、镇（街道）指挥中心和社区（村）工作人员在本辖区内发起。',
        body: CampaignCreateBody,
        response: { 201: Campaign },
      },
    },
    async (req, reply) => reply.status(201).send(await campaigns.createCampaign(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/campaigns/:id', { schema: { tags, summary: '敲门行动详情', params: uuidParam, response: { 200: Campaign } } }, async (req) => campaigns.getCampaign(ctx, requireActor(req), req.params.id));
  r.get(
    '/api/campaigns/:id/progress',
    { schema: { tags, summary: '走访进度：已走访（去重）户数，按下级区域', params: uuidParam, response: { 200: CampaignProgress } } },
    async (req) => campaigns.campaignProgress(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/campaigns/:id/worklist',
    {
      schema: {
        tags,
        summary: '尚未走访到的住户（独居老人、残疾人、失能卧床人员所在户优先）',
        params: uuidParam,
        querystring: WorklistQuery,
        response: { 200: Worklist },
      },
    },
    async (req) => campaigns.worklist(ctx, requireActor(req), req.params.id, req.query),
  );
  r.post(
    '/api/campaigns/:id/visits',
    {
      schema: {
        tags,
        summary: '登记一次入户走访（已走访、无人在家、拒绝走访），可同时调整风险等级',
        description: '返回 201。只有辖区包含该住户的账号可以登记（否则 404）。支持 Idempotency-Key：手机重发得到第一次的结果，不重复计数。',
        params: uuidParam,
        body: CampaignVisitBody,
        response: { 201: CampaignVisit },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const res = await campaigns.recordVisit(ctx, requireActor(req), req.params.id, req.body, requestContext(req), typeof key === 'string' ? key : undefined);
      return reply.status(res.status as 201).send(res.body);
    },
  );
  r.post(
    '/api/campaigns/:id/rounds',
    { schema: { tags, summary: '开始新一轮：对尚未走访到的住户再次敲门', params: uuidParam, response: { 200: Campaign } } },
    async (req) => campaigns.nextRound(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.post(
    '/api/campaigns/:id/close',
    { schema: { tags, summary: '结束敲门行动（走访记录保留）', params: uuidParam, body: CampaignCloseBody, response: { 200: Campaign } } },
    async (req) => campaigns.closeCampaign(ctx, requireActor(req), req.params.id, req.body?.summary, requestContext(req)),
  );

  // ---- four-colour risk (四色分级) ----
  r.patch(
    '/api/households/:id/risk',
    {
      schema: {
        tags,
        summary: '调整住户风险等级（红、橙、黄、蓝），须写明原因；每次调整留痕',
        params: uuidParam,
        body: RiskChangeBody,
        response: { 200: HouseholdRisk },
      },
    },
    async (req) => risk.changeRiskColour(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get(
    '/api/households/:id/risk-history',
    { schema: { tags, summary: '住户风险等级调整记录（谁、何时、由何到何、原因）', params: uuidParam, response: { 200: RiskHistory } } },
    async (req) => risk.riskHistory(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/api/areas/:code/risk-counts',
    { schema: { tags, summary: '各下级区域（如各网格）按风险等级的住户数', params: areaCodeParam, response: { 200: RiskCounts } } },
    async (req) => risk.riskCountsOf(ctx, requireActor(req), req.params.code),
  );
}
