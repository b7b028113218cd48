import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HOUSEHOLD_EVENT_KINDS, RESIDENCE_TYPES, SPECIAL_GROUPS } from '@gongzhi/domain';
import { Dictionaries, Household, HouseholdEvent, HouseholdRecord, PeopleList, Person, PersonDetail, PersonProfile, RevealedNumber } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as people from '../services/people.ts';
import * as households from '../services/households.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { areaCodeInput, isoDay, paging, text, uuidParam } from './common.ts';

const tagCodes = SPECIAL_GROUPS.map((g) => g.code) as [string, ...string[]];
const residenceCodes = RESIDENCE_TYPES.map((t) => t.code) as [string, ...string[]];
const relation = z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'other']);
const isoDate = isoDay;

const personFields = {
  householdId: z.uuid().nullable().optional(),
  name: text(40),
  gender: z.enum(['male', 'female']),
  birthDate: isoDate.nullable().optional(),
  ethnicity: text(20).optional(),
  idNumber: z.string().trim().max(18, '身份证号码应为 18 位').nullable().optional(),
  phone: z.string().trim().max(11, '手机号码应为 11 位').nullable().optional(),
  relation: relation.optional(),
  residenceType: z.enum(residenceCodes).optional(),
  tags: z.array(z.enum(tagCodes)).max(20).optional(),
  partyMember: z.boolean().optional(),
  note: z.string().max(500).nullable().optional(),
};

export function peopleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  r.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: '人口信息列表（证件号、手机号脱敏）',
        querystring: z.object({
          area: areaCodeInput.optional(),
          q: z.string().trim().max(40).optional(),
          tag: z.enum(tagCodes).optional(),
          residenceType: z.enum(residenceCodes).optional(),
          partyMember: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          status: z.enum(['active', 'moved-out', 'deceased', 'all'], { message: '状态应为 active、moved-out、deceased 或 all' }).optional().describe('默认只列在册人员（active）'),
          ...paging,
        }),
        response: { 200: PeopleList },
      },
    },
    async (req) => people.listPeople(ctx, requireActor(req), req.query),
  );
  r.get('/api/people/:id', { schema: { tags, summary: '人员详情', params: uuidParam, response: { 200: PersonDetail } } }, async (req) =>
    people.getPerson(ctx, requireActor(req), req.params.id),
  );
  r.get('/api/people/:id/profile', { schema: { tags, summary: '人员一页通：住户、楼栋网格、党员、积分、案件、走访', params: uuidParam, response: { 200: PersonProfile } } }, async (req) =>
    people.getPersonPage(ctx, requireActor(req), req.params.id),
  );
  r.post(
    '/api/people/:id/reveal',
    { schema: { tags, summary: '查看完整证件号或手机号（留痕）', params: uuidParam, body: z.object({ field: z.enum(['idNumber', 'phone']) }), response: { 200: RevealedNumber } } },
    async (req) => people.revealNumber(ctx, requireActor(req), req.params.id, req.body.field, requestContext(req)),
  );
  r.post(
    '/api/people',
    { schema: { tags, summary: '录入人员', body: z.object({ areaCode: z.string().regex(/^\d{15,20}$/, '应为网格、楼栋或单元代码'), ...personFields }), response: { 201: Person } } },
    async (req, reply) => reply.status(201).send(await people.createPerson(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: '修改人员信息',
        params: uuidParam,
        body: z.object({ areaCode: z.string().regex(/^\d{15,20}$/).optional(), ...personFields, name: text(40).optional(), gender: z.enum(['male', 'female']).optional() }),
        response: { 200: Person },
      },
    },
    async (req) => people.updatePerson(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get('/api/households/:id', { schema: { tags, summary: '住户及成员', params: uuidParam, response: { 200: Household } } }, async (req) =>
    people.getHousehold(ctx, requireActor(req), req.params.id),
  );
  const doorplate = z.string().trim().min(1, '门牌号不能为空').max(20, '门牌号不能超过 20 个字符');
  r.post(
    '/api/households',
    { schema: { tags, summary: '新建住户（网格、楼栋或单元下的一个门牌号）', body: z.object({ areaCode: z.string().regex(/^\d{15,20}$/, '应为网格、楼栋或单元代码'), doorplate }), response: { 201: HouseholdRecord } } },
    async (req, reply) => reply.status(201).send(await households.createHousehold(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/households/:id',
    { schema: { tags, summary: '修改住户门牌号', params: uuidParam, body: z.object({ doorplate }), response: { 200: HouseholdRecord } } },
    async (req) => households.updateHousehold(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/households/:id/events',
    {
      schema: {
        tags,
        summary: '登记迁入、迁出或死亡（带日期，住户历史保留）',
        params: uuidParam,
        body: z.object({ kind: z.enum(HOUSEHOLD_EVENT_KINDS), personId: z.uuid('应为人员编号'), date: isoDate, note: z.string().trim().max(200, '说明不能超过 200 字').nullable().optional() }),
        response: { 201: HouseholdEvent },
      },
    },
    async (req, reply) => reply.status(201).send(await households.recordHouseholdEvent(ctx, requireActor(req), req.params.id, req.body, requestContext(req))),
  );
  r.get('/api/registry/dictionaries', { schema: { tags, summary: '特殊人群、人口类型字典', response: { 200: Dictionaries } } }, async (req) => {
    requireActor(req);
    return { specialGroups: [...SPECIAL_GROUPS], residenceTypes: [...RESIDENCE_TYPES] };
  });
}
