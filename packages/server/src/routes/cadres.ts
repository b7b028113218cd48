import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Cadre,
  CadreAttendance,
  CadreAttendanceQuery,
  CadreCheckin,
  CadreCheckinBody,
  CadreKindBody,
  CadreList,
  CadreListQuery,
  CadreTask,
  CadreTaskBody,
  CadreTaskCancelBody,
  CadreTaskCompleteBody,
  CadreTaskList,
  CadreTaskListQuery,
  MyCadrePage,
  NearbyQuery,
  NearbyServicePoints,
  RevealedPhone,
  ServicePoint,
  ServicePointCreateBody,
  ServicePointList,
  ServicePointListQuery,
  ServicePointPatchBody,
  Talent,
  TalentConsentBody,
  TalentCreateBody,
  TalentList,
  TalentListQuery,
  TalentPatchBody,
} from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as svc from '../services/cadres.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

export function cadreRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- service points ----
  const sp = ['service-points'];
  r.get(
    '/api/service-points',
    { schema: { tags: sp, summary: '服务点位列表（区域工作人员，本辖区）', querystring: ServicePointListQuery, response: { 200: ServicePointList } } },
    async (req) => svc.listServicePoints(ctx, requireActor(req), req.query),
  );
  r.get(
    '/api/service-points/nearby',
    {
      schema: {
        tags: sp,
        summary: '15 分钟服务圈：家附近步行 15 分钟内的服务点位',
        description: '家 = 传入的位置（lat、lng），或选择的区域（area），否则为本人登记的位置或所在网格的中心。步行时间按直线距离 × 1.3 绕行系数、4.5 公里/小时估算。',
        querystring: NearbyQuery,
        response: { 200: NearbyServicePoints },
      },
    },
    async (req) => svc.nearbyServicePoints(ctx, requireActor(req), req.query),
  );
  r.get('/api/service-points/:id', { schema: { tags: sp, summary: '服务点位详情', params: uuidParam, response: { 200: ServicePoint } } }, async (req) => svc.getServicePoint(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/service-points',
    { schema: { tags: sp, summary: '新增服务点位（社区工作者、网格员、党组织书记）', body: ServicePointCreateBody, response: { 201: ServicePoint } } },
    async (req, reply) => reply.status(201).send(await svc.createServicePoint(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/service-points/:id',
    {
      schema: {
        tags: sp,
        summary: '修改或撤销服务点位（retired: true）',
        params: uuidParam,
        body: ServicePointPatchBody,
        response: { 200: ServicePoint },
      },
    },
    async (req) => svc.updateServicePoint(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );

  // ---- talents ----
  const tl = ['talents'];
  r.get(
    '/api/talents',
    { schema: { tags: tl, summary: '名录库（一村（社区）一库）：维护人看全部，其他人员只看同意公开的', querystring: TalentListQuery, response: { 200: TalentList } } },
    async (req) => svc.listTalents(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/talents',
    {
      schema: {
        tags: tl,
        summary: '登记名录人员（社区工作者、党组织书记），consent 为本人是否同意公开',
        body: TalentCreateBody,
        response: { 201: Talent },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createTalent(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch(
    '/api/talents/:id',
    { schema: { tags: tl, summary: '修改名录人员', params: uuidParam, body: TalentPatchBody, response: { 200: Talent } } },
    async (req) => svc.updateTalent(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.put(
    '/api/talents/:id/consent',
    { schema: { tags: tl, summary: '记录本人同意列入名录，或撤回同意（立即不再对他人显示）', params: uuidParam, body: TalentConsentBody, response: { 200: Talent } } },
    async (req) => svc.setTalentConsent(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post('/api/talents/:id/reveal', { schema: { tags: tl, summary: '查看完整联系电话（留痕）', params: uuidParam, response: { 200: RevealedPhone } } }, async (req) => svc.revealTalentPhone(ctx, requireActor(req), req.params.id, requestContext(req)));

  // ---- cadres ----
  const cd = ['cadres'];
  r.get('/api/cadres', { schema: { tags: cd, summary: '下沉干部、第一书记（本辖区）', querystring: CadreListQuery, response: { 200: CadreList } } }, async (req) => svc.listCadres(ctx, requireActor(req), req.query));
  r.get(
    '/api/cadres/attendance',
    { schema: { tags: cd, summary: '下沉干部报到情况：按人、按派出单位（街道考核派出单位，占其年度绩效 40%）', querystring: CadreAttendanceQuery, response: { 200: CadreAttendance } } },
    async (req) => svc.attendance(ctx, requireActor(req), req.query),
  );
  r.get('/api/cadres/me', { schema: { tags: cd, summary: '下沉干部本人：报到和任务', response: { 200: MyCadrePage } } }, async (req) => svc.myCadrePage(ctx, requireActor(req)));
  r.post(
    '/api/cadres/me/checkins',
    { schema: { tags: cd, summary: '到社区报到（每天计一次；给出位置时记录位置）', description: '当天第一次报到 201 {counted:true, points}；再次报到 200 {counted:false}。', body: CadreCheckinBody, response: { 200: CadreCheckin, 201: CadreCheckin } } },
    async (req, reply) => {
      const res = await svc.checkIn(ctx, requireActor(req), req.body ?? {}, requestContext(req));
      return reply.status(res.status as 200 | 201).send(res.body);
    },
  );
  r.patch(
    '/api/cadres/:id',
    { schema: { tags: cd, summary: '设置下沉干部类别（下沉干部 / 第一书记）', params: uuidParam, body: CadreKindBody, response: { 200: Cadre } } },
    async (req) => svc.setCadreKind(ctx, requireActor(req), req.params.id, req.body.kind, requestContext(req)),
  );
  r.get(
    '/api/cadre-tasks',
    { schema: { tags: cd, summary: '下沉干部任务（社区看本辖区，干部看自己的）', querystring: CadreTaskListQuery, response: { 200: CadreTaskList } } },
    async (req) => svc.listTasks(ctx, requireActor(req), req.query),
  );
  r.post(
    '/api/cadre-tasks',
    { schema: { tags: cd, summary: '给下沉干部交办任务（社区工作者、党组织书记）', body: CadreTaskBody, response: { 201: CadreTask } } },
    async (req, reply) => reply.status(201).send(await svc.assignTask(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.post(
    '/api/cadre-tasks/:id/complete',
    { schema: { tags: cd, summary: '完成任务（被交办的干部本人，附说明和照片；自动计下沉干部积分一次）', params: uuidParam, body: CadreTaskCompleteBody, response: { 200: CadreTask } } },
    async (req) => svc.completeTask(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.post(
    '/api/cadre-tasks/:id/cancel',
    { schema: { tags: cd, summary: '取消任务（交办社区）', params: uuidParam, body: CadreTaskCancelBody, response: { 200: CadreTask } } },
    async (req) => svc.cancelTask(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
}
