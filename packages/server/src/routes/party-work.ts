// HTTP of party members at work: linked households, visits, coverage, patrols, the 民情日记,
// one member's page, transfers and post reports.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { GridLinks, LinkMoved, LinkProposal, MyHouseholds, PartyCoverage, PartyDiary, PartyMemberDetail, PartyVisit, PartyVisitList, PartyVisitRecorded, PatrolCheckIn, PatrolStatus } from '@gongzhi/domain/contract';
import { z } from 'zod';
import { VISIT_DUTIES } from '@gongzhi/domain';
import type { AppContext } from '../services/context.ts';
import * as party from '../services/party.ts';
import * as work from '../services/party-work.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput as areaCode, isoDay, isoMonth, text, uuidParam } from './common.ts';

const month = isoMonth;
const idemKey = (h: unknown) => (typeof h === 'string' ? h : undefined);

const followup = z.object({
  kind: z.enum(['case', 'wish'], { message: '应为 case 或 wish' }),
  title: text(60),
  description: text(1000),
  categoryCode: z.string().min(1).max(40).optional(),
});

const visitBody = z.object({
  householdId: z.uuid({ message: '应为住户 ID' }),
  visitedOn: isoDay.optional(),
  duties: z.array(z.enum(VISIT_DUTIES, { message: '应为 policy、hardship、dispute 或 civility' })).min(1, '至少选择一项走访内容').max(4),
  notes: text(1000).optional(),
  followups: z.array(followup).max(5, '后续事项最多 5 条').optional(),
});

const patrolBody = z.object({
  location: z.object({ lat: z.number(), lng: z.number(), crs: z.enum(['wgs84', 'gcj02', 'bd09']).optional() }).optional(),
  buildingCode: z.string().max(24).optional(),
  note: text(500).optional(),
});

export function partyWorkRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['party'];
  r.get('/api/party/links', { schema: { tags, summary: '一户十联：网格的住户与联系党员', querystring: z.object({ grid: areaCode }), response: { 200: GridLinks } } }, async (req) => work.gridLinks(ctx, requireActor(req), req.query.grid));
  r.post(
    '/api/party/links/propose',
    { schema: { tags, summary: '自动分配联系户（apply 为 true 时替换该网格的联系户）', body: z.object({ grid: areaCode, apply: z.boolean().default(false) }), response: { 200: LinkProposal } } },
    async (req) => work.proposeGridLinks(ctx, requireActor(req), req.body.grid, req.body.apply, requestContext(req)),
  );
  r.put(
    '/api/party/links/:id',
    { schema: { tags, summary: '调整联系户：把住户改由另一名党员联系', params: uuidParam, body: z.object({ memberId: z.uuid({ message: '应为党员 ID' }) }), response: { 200: LinkMoved } } },
    async (req) => work.moveLink(ctx, requireActor(req), req.params.id, req.body.memberId, requestContext(req)),
  );
  r.get('/api/party/my/households', { schema: { tags, summary: '我的联系户（本月是否已走访）', response: { 200: MyHouseholds } } }, async (req) => work.myHouseholds(ctx, requireActor(req)));
  r.post('/api/party/visits', { schema: { tags, summary: '登记走访（四项职责；后续事项可转为案件或微心愿）', description: '支持 Idempotency-Key：离线时排队的走访重发得到第一次的结果，不重复登记。', body: visitBody, response: { 201: PartyVisitRecorded } } }, async (req, reply) =>
    reply.status(201).send(await work.recordVisit(ctx, requireActor(req), req.body, requestContext(req), idemKey(req.headers['idempotency-key']))),
  );
  r.get(
    '/api/party/visits',
    { schema: { tags, summary: '走访记录', querystring: z.object({ area: areaCode.optional(), household: z.uuid().optional(), month: month.optional(), mine: z.coerce.boolean().optional() }), response: { 200: PartyVisitList } } },
    async (req) => work.listVisits(ctx, requireActor(req), req.query),
  );
  r.post('/api/party/followups/:id/convert', { schema: { tags, summary: '把走访的后续事项转为案件或微心愿（网格员、社区工作者）', params: uuidParam, response: { 200: PartyVisit } } }, async (req) =>
    work.convertOpenFollowup(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.get('/api/party/coverage', { schema: { tags, summary: '走访月全覆盖：按党员、网格、社区', querystring: z.object({ area: areaCode.optional(), month: month.optional() }), response: { 200: PartyCoverage } } }, async (req) =>
    work.coverageOf(ctx, requireActor(req), req.query.area, req.query.month),
  );
  r.post('/api/party/patrols', { schema: { tags, summary: '巡查打卡（一日两巡；GCJ-02 坐标转换为 WGS84 并落入网格）', description: '支持 Idempotency-Key：离线时排队的打卡重发得到第一次的结果。', body: patrolBody, response: { 201: PatrolCheckIn } } }, async (req, reply) =>
    reply.status(201).send(await work.checkIn(ctx, requireActor(req), req.body, requestContext(req), idemKey(req.headers['idempotency-key']))),
  );
  r.get('/api/party/patrols/today', { schema: { tags, summary: '今日巡查（两巡）和本月楼栋覆盖', response: { 200: PatrolStatus } } }, async (req) => work.patrolStatus(ctx, requireActor(req)));
  r.get('/api/party/diary', { schema: { tags, summary: '民情日记：本人的走访和巡查，按日', querystring: z.object({ month: month.optional() }), response: { 200: PartyDiary } } }, async (req) =>
    work.diary(ctx, requireActor(req), req.query.month),
  );
  r.get('/api/party/members/:id', { schema: { tags, summary: '党员详情（先锋指数、星级、转接和履岗反馈记录）', params: uuidParam, response: { 200: PartyMemberDetail } } }, async (req) => party.getMember(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/party/members/:id/transfer',
    { schema: { tags, summary: '组织关系转接（留记录）', params: uuidParam, body: z.object({ toOrgId: z.uuid({ message: '应为党组织 ID' }), reason: text(500) }), response: { 200: PartyMemberDetail } } },
    async (req) => party.transferMember(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/party/members/:id/post-reports',
    { schema: { tags, summary: '小区党支部吹哨、党员报到：向党员所在党组织反馈未履岗情况', params: uuidParam, body: z.object({ reason: text(500) }), response: { 201: PartyMemberDetail } } },
    async (req, reply) => reply.status(201).send(await party.reportPost(ctx, requireActor(req), req.params.id, req.body.reason, requestContext(req))),
  );
}
