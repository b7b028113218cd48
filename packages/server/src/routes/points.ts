import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ACCOUNT_KINDS, AWARD_STATES, ITEM_KINDS, POINT_SCHEMES, REDEMPTION_STATES, ROLES, type Role } from '@gongzhi/domain';
import {
  LedgerReport,
  PointsAccounts,
  PointsAward,
  PointsAwardApproved,
  PointsAwardCreated,
  PointsAwardList,
  PointsCode,
  PointsFactor,
  PointsFactors,
  PointsItem,
  PointsItems,
  PointsLeaderboard,
  PointsMe,
  PointsRedemption,
  PointsRedemptionCreated,
  PointsRedemptionList,
  PointsRule,
  PointsRules,
  PointsSchemes,
  PointsStatement,
} from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as points from '../services/points.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput as areaCode, fileResponse, paging, text, uuidParam } from './common.ts';

const scheme = z.enum(POINT_SCHEMES);
const roles = z.array(z.enum(ROLES as unknown as [Role, ...Role[]])).max(10);
const positive = (max: number) => z.number().int('应为整数').min(1, '应为正整数').max(max, `不能超过 ${max}`);
const stateList = (states: readonly string[], label: string) =>
  z
    .string()
    .max(100)
    .refine((s) => s.split(',').every((x) => !x || states.includes(x)), `未知的${label}状态`)
    .optional();

const idempotencyKey = (req: FastifyRequest) => {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
};

const awardInput = z.object({
  username: z.string().trim().min(1, '不能为空').max(64),
  scheme,
  ruleCode: z.string().trim().min(1, '不能为空').max(40),
  points: positive(10000).optional(),
  factors: z.array(z.string().max(32)).max(5).optional(),
  note: text(500),
});

const ruleInput = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '规则编码为 2–40 位小写字母、数字或连字符'),
  name: text(60),
  scheme,
  points: positive(1000),
  maxPoints: positive(10000).optional(),
  areaCode: areaCode.optional(),
  dailyLimit: positive(100000).nullable().optional(),
  monthlyLimit: positive(100000).nullable().optional(),
  proposerRoles: roles.optional(),
  approverRoles: roles.min(1, '至少指定一个审核角色').optional(),
  auto: z.boolean().optional(),
  basis: text(200).nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
const rulePatch = ruleInput.omit({ code: true, scheme: true, areaCode: true }).partial();

const itemInput = z.object({
  merchantId: z.uuid({ message: '应为商户 ID' }).optional(),
  name: text(60),
  description: text(300).nullable().optional(),
  scheme,
  kind: z.enum(ITEM_KINDS),
  price: positive(100000),
  stock: z.number().int('应为整数').min(0, '不能为负').max(100000),
  sort: z.number().int().min(0).max(100000).optional(),
});
const itemPatch = z.object({
  name: text(60).optional(),
  description: text(300).nullable().optional(),
  price: positive(100000).optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});

const reasonBody = z.object({ reason: text(500).optional() }).default({});

export function pointsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['points'];

  r.get('/api/points/schemes', { schema: { tags, summary: '积分类别、星级标准和乘数系数', response: { 200: PointsSchemes } } }, async (req) => {
    requireActor(req);
    return points.listSchemes(ctx);
  });
  r.get('/api/points/me', { schema: { tags, summary: '我的积分（可用余额已扣除待确认兑换的冻结积分）', response: { 200: PointsMe } } }, async (req) => points.myPoints(ctx, requireActor(req)));
  r.get('/api/points/me/code', { schema: { tags, summary: '我的兑换码（短时有效的签名码，商户扫码确认兑换）', response: { 200: PointsCode } } }, async (req) => points.myCode(ctx, requireActor(req)));
  r.get(
    '/api/points/statement',
    { schema: { tags, summary: '我的积分明细（每笔流水、余额、对方账户、授权人、说明）', querystring: z.object({ scheme, ...paging }), response: { 200: PointsStatement } } },
    async (req) => points.myStatement(ctx, requireActor(req), req.query),
  );

  // ---- rules and factors
  r.get(
    '/api/points/rules',
    {
      schema: {
        tags,
        summary: '积分规则（本区域生效的规则；all=true 时为可管理的全部规则）',
        querystring: z.object({ scheme: scheme.optional(), area: areaCode.optional(), all: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
        response: { 200: PointsRules },
      },
    },
    async (req) => points.listRules(ctx, requireActor(req), req.query),
  );
  r.post('/api/points/rules', { schema: { tags, summary: '新建积分规则（村规民约可覆盖上级同编码规则）', description: '支持 Idempotency-Key。', body: ruleInput, response: { 201: PointsRule } } }, async (req, reply) => {
    const res = await points.createRule(ctx, requireActor(req), req.body, requestContext(req), idempotencyKey(req));
    return reply.status(res.status as 201).send(res.body);
  });
  r.patch('/api/points/rules/:id', { schema: { tags, summary: '修改积分规则', params: uuidParam, body: rulePatch, response: { 200: PointsRule } } }, async (req) =>
    points.updateRule(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get('/api/points/factors', { schema: { tags, summary: '先锋模范积分乘数系数', response: { 200: PointsFactors } } }, async (req) => points.listFactors(ctx, requireActor(req)));
  r.put(
    '/api/points/factors/:code',
    {
      schema: {
        tags,
        summary: '设置乘数系数（percent：150 即 ×1.5）',
        params: z.object({ code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/, '系数编码为 2–32 位小写字母、数字或连字符') }),
        body: z.object({ name: text(60), percent: z.number().int('应为整数').min(100, '系数不能小于 ×1').max(500, '系数不能大于 ×5'), active: z.boolean().optional() }),
        response: { 200: PointsFactor },
      },
    },
    async (req) => points.saveFactor(ctx, requireActor(req), req.params.code, req.body, requestContext(req)),
  );

  // ---- awards
  r.post(
    '/api/points/awards',
    { schema: { tags, summary: '申报积分（须由第二人审核后入账）', description: '支持 Idempotency-Key。factors 仅用于先锋模范积分的乘数计分。', body: awardInput, response: { 201: PointsAwardCreated } } },
    async (req, reply) => {
      const res = await points.proposeAward(ctx, requireActor(req), req.body, requestContext(req), idempotencyKey(req));
      return reply.status(res.status as 201).send(res.body);
    },
  );
  r.get(
    '/api/points/awards',
    {
      schema: {
        tags,
        summary: '积分申报列表（box=approve 待我审核，mine 我获得的，proposed 我申报的，all 辖区全部）',
        querystring: z.object({ box: z.enum(['approve', 'mine', 'proposed', 'all']).optional(), state: stateList(AWARD_STATES, '积分'), scheme: scheme.optional(), ...paging }),
        response: { 200: PointsAwardList },
      },
    },
    async (req) => points.listAwards(ctx, requireActor(req), req.query),
  );
  r.get('/api/points/awards/:id', { schema: { tags, summary: '积分申报详情', params: uuidParam, response: { 200: PointsAward } } }, async (req) => points.getAward(ctx, requireActor(req), req.params.id));
  r.post('/api/points/awards/:id/approve', { schema: { tags, summary: '审核通过并入账（申报人本人不能审核）', params: uuidParam, body: z.object({ note: text(500).optional() }).default({}), response: { 200: PointsAwardApproved } } }, async (req) =>
    points.actOnAward(ctx, requireActor(req), req.params.id, 'approve', {}, requestContext(req)),
  );
  r.post('/api/points/awards/:id/reject', { schema: { tags, summary: '驳回积分申报', params: uuidParam, body: reasonBody, response: { 200: PointsAward } } }, async (req) =>
    points.actOnAward(ctx, requireActor(req), req.params.id, 'reject', req.body ?? {}, requestContext(req)),
  );
  r.post('/api/points/awards/:id/reverse', { schema: { tags, summary: '冲正已入账的积分（以反向流水更正，原流水不变）', params: uuidParam, body: reasonBody, response: { 200: PointsAward } } }, async (req) =>
    points.actOnAward(ctx, requireActor(req), req.params.id, 'reverse', req.body ?? {}, requestContext(req)),
  );

  // ---- items
  r.get(
    '/api/points/items',
    {
      schema: {
        tags,
        summary: '可兑换的商品和服务（stock 已扣除待确认兑换占用的数量）',
        querystring: z.object({ scheme: scheme.optional(), merchantId: z.uuid().optional(), all: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
        response: { 200: PointsItems },
      },
    },
    async (req) => points.listItems(ctx, requireActor(req), req.query),
  );
  r.post('/api/points/items', { schema: { tags, summary: '上架兑换商品或服务', description: '支持 Idempotency-Key。', body: itemInput, response: { 201: PointsItem } } }, async (req, reply) => {
    const res = await points.createItem(ctx, requireActor(req), req.body, requestContext(req), idempotencyKey(req));
    return reply.status(res.status as 201).send(res.body);
  });
  r.patch('/api/points/items/:id', { schema: { tags, summary: '修改兑换商品（名称、价格、上下架）', params: uuidParam, body: itemPatch, response: { 200: PointsItem } } }, async (req) =>
    points.updateItem(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/points/items/:id/restock', { schema: { tags, summary: '补充库存', params: uuidParam, body: z.object({ quantity: positive(100000) }), response: { 200: PointsItem } } }, async (req) =>
    points.restockItem(ctx, requireActor(req), req.params.id, req.body.quantity, requestContext(req)),
  );

  // ---- redemptions
  r.post(
    '/api/points/redemptions',
    {
      schema: {
        tags,
        summary: '兑换（积分冻结、库存占用，待商户确认）',
        description: '余额不足 → 409 insufficient_points；库存不足 → 409 out_of_stock。支持 Idempotency-Key。',
        body: z.object({ itemId: z.uuid({ message: '应为商品 ID' }), quantity: positive(99), note: text(200).optional() }),
        response: { 201: PointsRedemptionCreated },
      },
    },
    async (req, reply) => {
      const res = await points.redeem(ctx, requireActor(req), req.body, requestContext(req), idempotencyKey(req));
      return reply.status(res.status as 201).send(res.body);
    },
  );
  r.get(
    '/api/points/redemptions',
    {
      schema: {
        tags,
        summary: '兑换记录（box=mine 我的，merchant 本商户，all 辖区；商户可用 code 查扫码居民的待确认兑换）',
        querystring: z.object({ box: z.enum(['mine', 'merchant', 'all']).optional(), state: stateList(REDEMPTION_STATES, '兑换'), code: z.string().max(120).optional(), ...paging }),
        response: { 200: PointsRedemptionList },
      },
    },
    async (req) => points.listRedemptions(ctx, requireActor(req), req.query),
  );
  r.get('/api/points/redemptions/:id', { schema: { tags, summary: '兑换详情', params: uuidParam, response: { 200: PointsRedemption } } }, async (req) => points.getRedemption(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/points/redemptions/:id/confirm',
    { schema: { tags, summary: '商户凭居民兑换码确认兑换（爱心捐赠确认后积分返还）', params: uuidParam, body: z.object({ code: z.string().trim().max(120).optional() }).default({}), response: { 200: PointsRedemption } } },
    async (req) => points.confirmRedemption(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );
  r.post('/api/points/redemptions/:id/cancel', { schema: { tags, summary: '确认前取消兑换（积分解冻、库存退回）', params: uuidParam, body: reasonBody, response: { 200: PointsRedemption } } }, async (req) =>
    points.cancelRedemption(ctx, requireActor(req), req.params.id, req.body ?? {}, requestContext(req)),
  );

  // ---- publication, accounts, audit
  r.get(
    '/api/points/leaderboard',
    {
      schema: {
        tags,
        summary: '月度积分排行榜与星级（by=person 个人/家庭，by=area 下级区域；format=csv 导出 Excel 可打开的表格）',
        querystring: z.object({
          scheme,
          area: areaCode.optional(),
          month: z.string().max(7).optional(),
          by: z.enum(['person', 'area']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          format: z.enum(['json', 'csv']).optional(),
        }),
        response: { 200: { description: '排行榜（format=csv 时为 CSV 文件）', content: { 'application/json': { schema: PointsLeaderboard }, 'text/csv': fileResponse('text/csv', '').content['text/csv'] } } },
      },
    },
    async (req, reply) => {
      const board = await points.leaderboard(ctx, requireActor(req), req.query);
      if (req.query.format !== 'csv') return board;
      const file = encodeURIComponent(`积分排行榜-${board.area.name}-${board.month}.csv`);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${file}`).send(points.leaderboardCsv(board));
    },
  );
  r.get(
    '/api/points/accounts',
    {
      schema: {
        tags,
        summary: '积分账户（辖区内）',
        querystring: z.object({ scheme: scheme.optional(), kind: z.enum(ACCOUNT_KINDS).optional(), area: areaCode.optional(), q: z.string().trim().max(40).optional(), ...paging }),
        response: { 200: PointsAccounts },
      },
    },
    async (req) => points.listAccounts(ctx, requireActor(req), req.query),
  );
  r.get('/api/points/accounts/:id/statement', { schema: { tags, summary: '账户明细', params: uuidParam, querystring: z.object(paging), response: { 200: PointsStatement } } }, async (req) =>
    points.accountStatement(ctx, requireActor(req), req.params.id, req.query),
  );
  r.get('/api/points/audit', { schema: { tags, summary: '积分账本核对（由流水重算余额，检查各类积分合计为零、无负余额、库存一致）', response: { 200: LedgerReport } } }, async (req) =>
    points.auditLedgerFor(ctx, requireActor(req)),
  );
}
