import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CADRE_KIND_CODES, CADRE_TASK_STATES, SERVICE_POINT_KIND_CODES, TALENT_CATEGORY_CODES, TALENT_ROLE_CODES } from '@gongzhi/domain';
import { CadreAttendance, CadreCheckin, CadreList, CadreTask, CadreTaskList, Cadre, MyCadrePage, NearbyServicePoints, RevealedPhone, ServicePoint, ServicePointList, Talent, TalentList } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as svc from '../services/cadres.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { isoDay, isoMonth, optionalText, paging, text, uuidParam } from './common.ts';

const areaCode = z.string().regex(/^\d{6,20}$/, '应为区划代码');
const lat = z.coerce.number({ message: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
const lng = z.coerce.number({ message: '经度应为数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');
const phone = z.string().trim().max(20, '联系电话不能超过 20 位').nullable().optional();

const servicePointFields = {
  address: optionalText(200).nullable().optional(),
  hours: optionalText(100).nullable().optional(),
  services: z.array(text(30)).max(20, '服务项目最多 20 项').optional(),
  contactName: optionalText(40).nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .max(20, '服务电话不能超过 20 位')
    .regex(/^[\d-]*$/, '服务电话只能包含数字和短横线')
    .nullable()
    .optional(),
};
const servicePointKind = z.enum(SERVICE_POINT_KIND_CODES, { message: `服务点位类型（kind）应为 ${SERVICE_POINT_KIND_CODES.join('、')} 之一` });

const talentFields = {
  roles: z.array(z.enum(TALENT_ROLE_CODES, { message: `担任角色（roles）应为 ${TALENT_ROLE_CODES.join('、')}` })).max(4).optional(),
  workplace: optionalText(100).nullable().optional(),
  expertise: optionalText(300).nullable().optional(),
  phone,
};
const talentCategory = z.enum(TALENT_CATEGORY_CODES, { message: `类别（category）应为 ${TALENT_CATEGORY_CODES.join('、')} 之一` });

export function cadreRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- service points ----
  const sp = ['service-points'];
  r.get(
    '/api/service-points',
    { schema: { tags: sp, summary: '服务点位列表（区域工作人员，本辖区）', querystring: z.object({ area: areaCode.optional(), kind: servicePointKind.optional(), ...paging }), response: { 200: ServicePointList } } },
    async (req) => svc.listServicePoints(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/service-points/nearby',
    {
      schema: {
        tags: sp,
        summary: '15 分钟服务圈：家附近步行 15 分钟内的服务点位',
        description: '家 = 传入的位置（lat、lng），或选择的区域（area），否则为本人登记的位置或所在网格的中心。步行时间按直线距离 × 1.3 绕行系数、4.5 公里/小时估算。',
        querystring: z.object({ area: areaCode.optional(), lat: lat.optional(), lng: lng.optional() }),
        response: { 200: NearbyServicePoints },
      },
    },
    async (req) => svc.nearbyServicePoints(ctx, requireActor(req), req.query),
  );
  r.get('/api/service-points/:id', { schema: { tags: sp, summary: '服务点位详情', params: uuidParam, response: { 200: ServicePoint } } }, async (req) => svc.getServicePoint(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/service-points',
    { schema: { tags: sp, summary: '新增服务点位（社区工作者、网格员、党组织书记）', body: z.object({ areaCode, kind: servicePointKind, name: text(60), lat, lng, ...servicePointFields }), response: { 201: ServicePoint } } },
    async (req, reply) => reply.status(201).send(await svc.createServicePoint(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/service-points/:id',
    {
      schema: {
        tags: sp,
        summary: '修改或撤销服务点位（retired: true）',
        params: uuidParam,
        body: z.object({ areaCode: areaCode.optional(), kind: servicePointKind.optional(), name: text(60).optional(), lat: lat.optional(), lng: lng.optional(), retired: z.literal(true).optional(), ...servicePointFields }),
        response: { 200: ServicePoint },
      },
    },
    async (req) => svc.updateServicePoint(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  // ---- talents ----
  const tl = ['talents'];
  r.get(
    '/api/talents',
    { schema: { tags: tl, summary: '名录库（一村（社区）一库）：维护人看全部，其他人员只看同意公开的', querystring: z.object({ area: areaCode.optional(), category: talentCategory.optional(), role: z.enum(TALENT_ROLE_CODES, { message: '未知的担任角色' }).optional(), ...paging }), response: { 200: TalentList } } },
    async (req) => svc.listTalents(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/talents',
    {
      schema: {
        tags: tl,
        summary: '登记名录人员（社区工作者、党组织书记），consent 为本人是否同意公开',
        body: z.object({ areaCode, name: text(40), category: talentCategory, consent: z.boolean({ message: '请说明本人是否同意列入名录（consent）' }), consentNote: optionalText(200).nullable().optional(), ...talentFields }),
        response: { 201: Talent },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createTalent(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/talents/:id',
    { schema: { tags: tl, summary: '修改名录人员', params: uuidParam, body: z.object({ areaCode: areaCode.optional(), name: text(40).optional(), category: talentCategory.optional(), ...talentFields }), response: { 200: Talent } } },
    async (req) => svc.updateTalent(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.put(
    '/api/talents/:id/consent',
    { schema: { tags: tl, summary: '记录本人同意列入名录，或撤回同意（立即不再对他人显示）', params: uuidParam, body: z.object({ given: z.boolean({ message: '请说明同意（true）或撤回（false）' }), note: optionalText(200).nullable().optional() }), response: { 200: Talent } } },
    async (req) => svc.setTalentConsent(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/talents/:id/reveal', { schema: { tags: tl, summary: '查看完整联系电话（留痕）', params: uuidParam, response: { 200: RevealedPhone } } }, async (req) => svc.revealTalentPhone(ctx, requireActor(req), req.params.id, requestContext(req)));

  // ---- cadres ----
  const cd = ['cadres'];
  r.get('/api/cadres', { schema: { tags: cd, summary: '下沉干部、第一书记（本辖区）', querystring: z.object({ area: areaCode.optional() }), response: { 200: CadreList } } }, async (req) => svc.listCadres(ctx, requireActor(req), req.query));
  r.get(
    '/api/cadres/attendance',
    { schema: { tags: cd, summary: '下沉干部报到情况：按人、按派出单位（街道考核派出单位，占其年度绩效 40%）', querystring: z.object({ area: areaCode.optional(), month: isoMonth.optional(), year: z.string().regex(/^\d{4}$/, '年份应为 4 位数字').optional() }), response: { 200: CadreAttendance } } },
    async (req) => svc.attendance(ctx, requireActor(req), req.query),
  );
  r.get('/api/cadres/me', { schema: { tags: cd, summary: '下沉干部本人：报到和任务', response: { 200: MyCadrePage } } }, async (req) => svc.myCadrePage(ctx, requireActor(req)));
  r.post(
    '/api/cadres/me/checkins',
    { schema: { tags: cd, summary: '到社区报到（每天计一次；给出位置时记录位置）', description: '当天第一次报到 201 {counted:true, points}；再次报到 200 {counted:false}。', body: z.object({ lat: lat.optional(), lng: lng.optional(), note: optionalText(200).optional() }).default({}), response: { 200: CadreCheckin, 201: CadreCheckin } } },
    async (req, reply) => {
      const res = await svc.checkIn(ctx, requireActor(req), req.body ?? {}, requestContext(req));
      return reply.status(res.status as 200 | 201).send(res.body);
    },
  );
  r.patch(
    '/api/cadres/:id',
    { schema: { tags: cd, summary: '设置下沉干部类别（下沉干部 / 第一书记）', params: uuidParam, body: z.object({ kind: z.enum(CADRE_KIND_CODES, { message: '类别（kind）应为 sunk-down 或 first-secretary' }) }), response: { 200: Cadre } } },
    async (req) => svc.setCadreKind(ctx, requireActor(req), req.params.id, req.body.kind, requestContext(req)),
  );
  r.get(
    '/api/cadre-tasks',
    { schema: { tags: cd, summary: '下沉干部任务（社区看本辖区，干部看自己的）', querystring: z.object({ area: areaCode.optional(), state: z.enum(CADRE_TASK_STATES, { message: '未知的任务状态' }).optional(), ...paging }), response: { 200: CadreTaskList } } },
    async (req) => svc.listTasks(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/cadre-tasks',
    { schema: { tags: cd, summary: '给下沉干部交办任务（社区工作者、党组织书记）', body: z.object({ cadreId: z.uuid({ message: '应为下沉干部 ID' }), title: text(60), detail: optionalText(500).nullable().optional(), dueOn: isoDay.nullable().optional() }), response: { 201: CadreTask } } },
    async (req, reply) => reply.status(201).send(await svc.assignTask(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/cadre-tasks/:id/complete',
    { schema: { tags: cd, summary: '完成任务（被交办的干部本人，附说明和照片；自动计下沉干部积分一次）', params: uuidParam, body: z.object({ note: text(500), photoFileId: z.uuid({ message: '应为照片 ID' }).nullable().optional() }), response: { 200: CadreTask } } },
    async (req) => svc.completeTask(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/cadre-tasks/:id/cancel',
    { schema: { tags: cd, summary: '取消任务（交办社区）', params: uuidParam, body: z.object({ reason: text(200) }), response: { 200: CadreTask } } },
    async (req) => svc.cancelTask(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
}
