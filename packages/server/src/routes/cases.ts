import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CASE_ACTIONS, invalid, isCaseAction } from '@gongzhi/domain';
import { z } from 'zod';
import {
  CaseActionBody,
  CaseCreateBody,
  CaseDetail,
  CaseGroup,
  CaseGroupMergeBody,
  CaseList,
  CaseListQuery,
  CreatedCase,
  Notifications,
  NotificationsQuery,
  NotificationsReadBody,
  SimilarCases,
  TrackQuery,
  TrackRateBody,
  TrackWithdrawBody,
  UnreadCount,
} from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as cases from '../services/cases.ts';
import * as groups from '../services/case-groups.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

/** A case as the contract shows it (API-CONTRACT "Cases"): the example of the document's case answers. */
const CASE_EXAMPLE = {
  id: '0b6f5c1e-8a51-4c1f-9d1e-3c2a7e0f4a10',
  code: 'HM20261122000123',
  state: 'dispatched',
  stateLabel: '已派遣',
  title: '楼道堆放杂物',
  description: '3 幢 2 单元楼道堆满纸箱，影响通行',
  categoryCode: '0301',
  categoryName: '楼道堆物',
  areaCode: '320614103001001',
  areaName: '第一网格',
  place: '状元街居委会 第一网格',
  channel: 'mobile',
  ownerLevel: 'village',
  urgent: false,
  deadline: '2026-11-27T17:30:00+08:00',
  stepDeadline: '2026-11-23T09:30:00+08:00',
  overdue: false,
  warning: false,
  rating: null,
  reworkCount: 0,
  createdAt: '2026-11-22T09:30:00+08:00',
  address: '状元街 3 幢 2 单元',
  location: { lat: 31.8713, lng: 121.1796, crs: 'wgs84' },
  public: false,
  ownerArea: { code: '320614103001', name: '状元街居委会' },
  villageName: '状元街居委会',
  townName: '常乐镇',
  handlerUnit: { id: '5d0c1a7e-2b8f-4c3e-9a61-0f1e2d3c4b5a', name: '区城管局' },
  pendingExtension: null,
  answer: null,
  ratingComment: null,
  mergedIntoId: null,
  closedAt: null,
  attachments: [],
  timeline: [
    { action: 'report', actionLabel: '上报', fromState: null, toState: 'reported', actor: '群众', actorUnit: null, at: '2026-11-22T09:30:00+08:00', attachments: [] },
    { action: 'accept', actionLabel: '受理', fromState: 'reported', toState: 'accepted', actor: '李社工', actorUnit: null, at: '2026-11-22T09:42:00+08:00', attachments: [] },
    { action: 'dispatch', actionLabel: '派遣', fromState: 'accepted', toState: 'dispatched', actor: '王调度', actorUnit: null, at: '2026-11-22T10:05:00+08:00', attachments: [] },
  ],
  allowedActions: ['urge'],
};

export function caseRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '登记案件（扫码上报、移动端、巡查、热线、接待日、走访、信箱、后台）',
        description: '匿名可用渠道 qr、mobile；其余渠道需登录。支持 Idempotency-Key：登录用户按本人区分；匿名上报按密钥本身并核对请求体指纹（换网络重发仍得到同一案件），同一密钥配不同请求体 → 422 idempotency_key_reused。',
        body: CaseCreateBody,
        response: { 201: CreatedCase.meta({ example: { ...CASE_EXAMPLE, state: 'reported', stateLabel: '待受理', timeline: CASE_EXAMPLE.timeline.slice(0, 1), allowedActions: ['withdraw'], duplicates: [], queryCode: 'K7P2QX' } }), 200: CreatedCase },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const result = await cases.createCase(ctx, req.actor, req.body, requestContext(req), { idempotencyKey: typeof key === 'string' ? key : undefined });
      return reply.status(result.status as 200 | 201).send(result.body);
    },
  );
  r.get('/api/cases', { schema: { tags, summary: '案件列表（在调用者范围内）', querystring: CaseListQuery, response: { 200: CaseList } } }, async (req) => cases.listCases(ctx, requireActor(req), req.query));
  r.get('/api/cases/:id', { schema: { tags, summary: '案件详情（含时间线和可执行操作）', params: uuidParam, response: { 200: CaseDetail.meta({ example: CASE_EXAMPLE }) } } }, async (req) => cases.getCase(ctx, requireActor(req), req.params.id));
  r.get('/api/cases/:id/similar', { schema: { tags, summary: '疑似重复案件', params: uuidParam, response: { 200: SimilarCases } } }, async (req) => cases.similarCases(ctx, requireActor(req), req.params.id));
  r.get(
    '/api/cases/:id/group',
    {
      schema: {
        tags,
        summary: '重复组（同一地点同一问题的多次反映）',
        description: '案件所在重复组中调用者范围内的成员：主案件（最早的未办结案件）、待确认的疑似重复、已合并的案件；不在组中时 members 为空。',
        params: uuidParam,
        response: { 200: CaseGroup },
      },
    },
    async (req) => groups.caseGroup(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/cases/:id/group/merge',
    {
      schema: {
        tags,
        summary: '一键合并重复组',
        description: '把重复组中调用者可合并的疑似重复（待受理、待派遣）全部合并到主案件，一个事务；各案件时间线和审计均有记录。不在组中 → 409 not_in_group；无未办结主案件 → 409 group_primary_closed；没有可合并的 → 409 nothing_to_merge。',
        params: uuidParam,
        body: CaseGroupMergeBody,
        response: { 200: CaseGroup },
      },
    },
    async (req) => groups.mergeGroup(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
  r.post(
    '/api/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '案件操作',
        description: `操作：${CASE_ACTIONS.join(', ')}。角色无权 → 403；状态不允许 → 409。支持 Idempotency-Key（离线排队的现场核查重发只执行一次）。`,
        params: z.object({ id: z.uuid({ message: '应为案件 ID' }), action: z.string().max(40) }),
        body: CaseActionBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => {
      const action = req.params.action;
      if (!isCaseAction(action)) throw invalid('unknown_action', `未知的案件操作：${action.slice(0, 40)}`, { field: 'action' });
      const key = req.headers['idempotency-key'];
      return cases.act(ctx, requireActor(req), req.params.id, action, req.body ?? {}, requestContext(req), typeof key === 'string' ? key : undefined);
    },
  );

  // The reporter follows a case with its code and the query code given at submission
  // (a signed-in reporter follows their own cases without it).
  const trackParams = z.object({ code: z.string().regex(/^[A-Z0-9]{6,32}$/, '案件编号格式不正确') });
  r.get(
    '/api/track/:code',
    { schema: { tags, summary: '群众凭案件编号和查询码查询进度（登录的上报人本人无需查询码）', security: [], params: trackParams, querystring: TrackQuery, response: { 200: CaseDetail } } },
    async (req) => cases.trackCase(ctx, req.actor, req.params.code, req.query.queryCode, requestContext(req)),
  );
  r.post(
    '/api/track/:code/rate',
    {
      schema: {
        tags,
        summary: '群众评价（凭查询码）',
        security: [],
        params: trackParams,
        body: TrackRateBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => cases.reporterAct(ctx, req.actor, req.params.code, req.body.queryCode, 'rate', { score: req.body.score, comment: req.body.comment }, requestContext(req)),
  );
  r.post(
    '/api/track/:code/withdraw',
    { schema: { tags, summary: '群众撤回（凭查询码）', security: [], params: trackParams, body: TrackWithdrawBody, response: { 200: CaseDetail } } },
    async (req) => cases.reporterAct(ctx, req.actor, req.params.code, req.body.queryCode, 'withdraw', { reason: req.body.reason }, requestContext(req)),
  );

  r.get('/api/notifications', { schema: { tags: ['notifications'], summary: '我的消息', querystring: NotificationsQuery, response: { 200: Notifications } } }, async (req) =>
    cases.listMyNotifications(ctx, requireActor(req), req.query.unread === 'true'),
  );
  r.post(
    '/api/notifications/read',
    { schema: { tags: ['notifications'], summary: '标记已读', body: NotificationsReadBody, response: { 200: UnreadCount } } },
    async (req) => cases.markRead(ctx, requireActor(req), req.body.ids),
  );
}
