import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PROPERTY_GRADES } from '@gongzhi/domain';
import {
  Bill,
  BillList,
  BillRedemptions,
  Collection,
  BillBody,
  BillListQuery,
  CommitteeBody,
  CoverageBody,
  EvaluationBody,
  InspectionBody,
  JointMeetingBody,
  PaymentBody,
  SanctionBody,
  CommitteePatchBody,
  CommitteeRecord,
  CompanyDetail,
  CompanyList,
  CompoundDetail,
  CompoundHouseholds,
  CompoundList,
  ContractRecord,
  CoverageRecord,
  EvaluationRecord,
  Grading,
  GradingList,
  InspectionChecklist,
  InspectionRecord,
  JointMeetingRecord,
  OwnersRoll,
  PropertyContractBody,
  PropertyContractPatchBody,
  PropertyLists,
  SanctionRecord,
} from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as property from '../services/property.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput, isoMonth, optionalText, uuidParam } from './common.ts';

const year = z.coerce.number({ message: '年度（year）应为四位年份' }).int('年度（year）应为四位年份').min(2000, '年度（year）应不早于 2000').max(2100, '年度（year）应不晚于 2100');
export function propertyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['property'];
  r.get('/api/property/companies', { schema: { tags, summary: '物业服务企业及其当月信用分', querystring: z.object({ month: isoMonth.optional() }), response: { 200: CompanyList } } }, async (req) =>
    property.listCompanies(ctx, requireActor(req), req.query),
  );
  r.get('/api/property/companies/:id', { schema: { tags, summary: '物业服务企业：信用分构成、近 12 个月、合同、检查、奖惩', params: uuidParam, querystring: z.object({ month: isoMonth.optional() }), response: { 200: CompanyDetail } } }, async (req) =>
    property.getCompany(ctx, requireActor(req), req.params.id, req.query),
  );
  r.get('/api/property/companies/:id/collection', { schema: { tags, summary: '物业费收缴率（积分抵扣前后）', params: uuidParam, response: { 200: Collection } } }, async (req) =>
    property.collection(ctx, requireActor(req), req.params.id),
  );
  r.get('/api/property/compounds', { schema: { tags, summary: '小区物业情况（物业企业、黑榜标记、无物业小区覆盖、业委会、联席会议）', querystring: z.object({ area: areaCodeInput.optional() }), response: { 200: CompoundList } } }, async (req) =>
    property.listCompounds(ctx, requireActor(req), req.query),
  );
  r.get('/api/property/compounds/:id', { schema: { tags, summary: '小区物业详情', params: uuidParam, response: { 200: CompoundDetail } } }, async (req) => property.getCompound(ctx, requireActor(req), req.params.id));
  r.get('/api/property/compounds/:id/owners-roll', { schema: { tags, summary: '业主大会名册（含专有部分面积），用于发起业主大会议事', params: uuidParam, response: { 200: OwnersRoll } } }, async (req) =>
    property.ownersRoll(ctx, requireActor(req), req.params.id),
  );
  r.get('/api/property/compounds/:id/households', { schema: { tags, summary: '小区住户（开具物业费账单用）', params: uuidParam, response: { 200: CompoundHouseholds } } }, async (req) => property.compoundHouseholds(ctx, requireActor(req), req.params.id));
  r.put(
    '/api/property/compounds/:id/coverage',
    {
      schema: {
        tags,
        summary: '登记无物业小区的覆盖方式（社区）',
        params: uuidParam,
        body: CoverageBody,
        response: { 200: CoverageRecord },
      },
    },
    async (req) => property.setCoverage(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/property/contracts', { schema: { tags, summary: '登记物业服务合同及服务标准（社区、住建部门）', body: PropertyContractBody, response: { 201: ContractRecord } } }, async (req, reply) =>
    reply.status(201).send(await property.createContract(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch('/api/property/contracts/:id', { schema: { tags, summary: '修改物业服务合同（社区、住建部门）', params: uuidParam, body: PropertyContractPatchBody, response: { 200: ContractRecord } } }, async (req) =>
    property.updateContract(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/property/committees', { schema: { tags, summary: '登记业主委员会（成员、任期；社区）', body: CommitteeBody, response: { 201: CommitteeRecord } } }, async (req, reply) =>
    reply.status(201).send(await property.createCommittee(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch('/api/property/committees/:id', { schema: { tags, summary: '修改业主委员会（社区）', params: uuidParam, body: CommitteePatchBody, response: { 200: CommitteeRecord } } }, async (req) =>
    property.updateCommittee(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/property/joint-meetings',
    {
      schema: {
        tags,
        summary: '登记四位一体联席会议（社区；每季度至少一次）',
        body: JointMeetingBody,
        response: { 201: JointMeetingRecord },
      },
    },
    async (req, reply) => reply.status(201).send(await property.recordJointMeeting(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/property/inspection-checklist', { schema: { tags, summary: '社区物业检查表', response: { 200: InspectionChecklist } } }, async (req) => {
    requireActor(req);
    return property.inspectionChecklist();
  });
  r.post(
    '/api/property/inspections',
    {
      schema: {
        tags,
        summary: '社区检查小区物业（检查表 + 现场照片）',
        body: InspectionBody,
        response: { 201: InspectionRecord },
      },
    },
    async (req, reply) => reply.status(201).send(await property.createInspection(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/property/evaluations',
    {
      schema: {
        tags,
        summary: '登记业委会对物业的月度评价（0–100 分）',
        body: EvaluationBody,
        response: { 201: EvaluationRecord },
      },
    },
    async (req, reply) => reply.status(201).send(await property.recordEvaluation(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/property/sanctions',
    {
      schema: {
        tags,
        summary: '住建部门登记处罚或表扬（计入当月信用分）',
        body: SanctionBody,
        response: { 201: SanctionRecord },
      },
    },
    async (req, reply) => reply.status(201).send(await property.recordSanction(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.get('/api/property/gradings', { schema: { tags, summary: '年度信用评级', querystring: z.object({ year: year.optional() }), response: { 200: GradingList } } }, async (req) => property.listGradings(ctx, requireActor(req), req.query.year ?? Number(property.currentMonth().slice(0, 4))));
  r.post('/api/property/gradings/propose', { schema: { tags, summary: '按年度信用分生成建议等级（住建部门）', body: z.object({ year }), response: { 200: GradingList } } }, async (req) =>
    property.proposeGradings(ctx, requireActor(req), req.body.year, requestContext(req)),
  );
  r.post(
    '/api/property/gradings/:id/confirm',
    {
      schema: {
        tags,
        summary: '住建部门确认信用等级（与建议不同须填理由）',
        params: uuidParam,
        body: z.object({ grade: z.enum(PROPERTY_GRADES, { message: '信用等级（grade）应为 3A、2A、A、B、C、D 之一' }), reason: optionalText(300).optional() }),
        response: { 200: Grading },
      },
    },
    async (req) => property.confirmGrading(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get('/api/property/lists', { schema: { tags, summary: '物业企业信用红黑榜（公示）', security: [], querystring: z.object({ year: year.optional() }), response: { 200: PropertyLists } } }, async (req) => property.publicLists(ctx, req.query.year));
  r.get(
    '/api/property/bills',
    {
      schema: {
        tags,
        summary: '物业费账单（按小区、住户、月份）',
        querystring: BillListQuery,
        response: { 200: BillList },
      },
    },
    async (req) => property.listBills(ctx, requireActor(req), req.query),
  );
  r.get('/api/property/bills/:id/redemptions', { schema: { tags, summary: '该户可抵扣的积分兑换（已核销、未抵扣）', params: uuidParam, response: { 200: BillRedemptions } } }, async (req) => property.billRedemptions(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/property/bills',
    { schema: { tags, summary: '开具物业费账单（物业服务企业）', body: BillBody, response: { 201: Bill } } },
    async (req, reply) => reply.status(201).send(await property.createBill(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post('/api/property/bills/:id/payments', { schema: { tags, summary: '登记缴费', params: uuidParam, body: PaymentBody, response: { 200: Bill } } }, async (req) =>
    property.payBill(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/property/bills/:id/offsets', { schema: { tags, summary: '以积分兑换抵扣物业费（物业服务企业确认）', params: uuidParam, body: z.object({ redemptionId: z.uuid({ message: '积分兑换（redemptionId）应为 UUID' }) }), response: { 200: Bill } } }, async (req) =>
    property.offsetBill(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
}
