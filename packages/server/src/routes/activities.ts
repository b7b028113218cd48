import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Activity,
  ActivityBody,
  ActivityCancelBody,
  ActivityList,
  ActivityListQuery,
  Attendance,
  AttendanceMarkBody,
  CheckBody,
  CheckinCode,
  CheckinCodeQuery,
  MyVolunteer,
  VolunteerBody,
  VolunteerCertificate,
  VolunteerList,
  VolunteerListQuery,
  VolunteerRecord,
  VolunteerRecordBody,
  VolunteerTeam,
  VolunteerTeamBody,
  VolunteerTeamPatchBody,
  VolunteerTeams,
} from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as activities from '../services/activities.ts';
import * as volunteers from '../services/volunteers.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { fileResponse, uuidParam } from './common.ts';

export function activityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  r.post('/api/activities', { schema: { tags, summary: '发布活动（社区工作者、党组织书记，在其范围内）', body: ActivityBody, response: { 201: Activity } } }, async (req, reply) => {
    const out = await activities.publishActivity(ctx, requireActor(req), req.body, requestContext(req));
    return reply.status(201).send(out);
  });
  r.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: '活动列表（工作人员：范围内；居民：本社区和本镇的活动及本人报名的活动）',
        querystring: ActivityListQuery,
        response: { 200: ActivityList },
      },
    },
    async (req) => activities.listActivities(ctx, requireActor(req), { ...req.query, upcoming: req.query.upcoming === 'true' }),
  );
  r.get('/api/activities/:id', { schema: { tags, summary: '活动详情（含本人报名、签到情况和可执行操作）', params: uuidParam, response: { 200: Activity } } }, async (req) => activities.getActivity(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/activities/:id/cancel',
    { schema: { tags, summary: '取消活动（组织者，须填原因；已确认考勤的活动不能取消）', params: uuidParam, body: ActivityCancelBody, response: { 200: Activity } } },
    async (req) => activities.cancelActivity(ctx, requireActor(req), req.params.id, req.body.reason, requestContext(req)),
  );
  r.post('/api/activities/:id/sign-up', { schema: { tags, summary: '报名（重复报名无变化；名额已满 → 409）', params: uuidParam, response: { 200: Activity } } }, async (req) =>
    activities.signUp(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.post('/api/activities/:id/cancel-sign-up', { schema: { tags, summary: '取消报名（签到前）', params: uuidParam, response: { 200: Activity } } }, async (req) =>
    activities.cancelSignUp(ctx, requireActor(req), req.params.id, requestContext(req)),
  );
  r.get(
    '/api/activities/:id/code',
    { schema: { tags, summary: '现场签到码（每 30 秒更新；组织者）', params: uuidParam, querystring: CheckinCodeQuery, response: { 200: CheckinCode } } },
    async (req) => activities.currentCode(ctx, requireActor(req), req.params.id, req.query.purpose, `${req.protocol}://${req.host}`),
  );
  r.post('/api/activities/:id/check-in', { schema: { tags, summary: '扫码签到（过期的码 → 400 code_expired；可附位置）', params: uuidParam, body: CheckBody, response: { 200: Activity } } }, async (req) =>
    activities.checkInOut(ctx, requireActor(req), req.params.id, 'in', req.body, requestContext(req)),
  );
  r.post('/api/activities/:id/check-out', { schema: { tags, summary: '扫码签退', params: uuidParam, body: CheckBody, response: { 200: Activity } } }, async (req) =>
    activities.checkInOut(ctx, requireActor(req), req.params.id, 'out', req.body, requestContext(req)),
  );
  r.get('/api/activities/:id/attendance', { schema: { tags, summary: '考勤名单（组织者）', params: uuidParam, response: { 200: Attendance } } }, async (req) => activities.attendanceList(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/activities/:id/attendance/:attendanceId/mark',
    {
      schema: {
        tags,
        summary: '组织者标记出席或缺席（扫码的补充）',
        params: z.object({ id: z.uuid({ message: '应为活动 ID' }), attendanceId: z.uuid({ message: '应为报名记录 ID' }) }),
        body: AttendanceMarkBody,
        response: { 200: Attendance },
      },
    },
    async (req) => activities.markAttendance(ctx, requireActor(req), req.params.id, req.params.attendanceId, req.body.mark, requestContext(req)),
  );
  r.post('/api/activities/:id/confirm', { schema: { tags, summary: '确认考勤：按活动规则自动记录时长和积分（只记一次）', params: uuidParam, response: { 200: Attendance } } }, async (req) =>
    activities.confirmAttendance(ctx, requireActor(req), req.params.id, requestContext(req)),
  );

  const vtags = ['volunteers'];
  r.get('/api/volunteer-teams', { schema: { tags: vtags, summary: '志愿服务队（居民：本社区；工作人员：范围内）', response: { 200: VolunteerTeams } } }, async (req) => volunteers.volunteerTeams(ctx, requireActor(req)));
  r.post('/api/volunteer-teams', { schema: { tags: vtags, summary: '建立志愿服务队（社区工作者、党组织书记，本社区）', body: VolunteerTeamBody, response: { 201: VolunteerTeam } } }, async (req, reply) =>
    reply.status(201).send(await volunteers.createVolunteerTeam(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch('/api/volunteer-teams/:id', { schema: { tags: vtags, summary: '修改志愿服务队（名称、类型、队长、简介）', params: uuidParam, body: VolunteerTeamPatchBody, response: { 200: VolunteerTeam } } }, async (req) =>
    volunteers.updateVolunteerTeam(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get('/api/volunteers/me', { schema: { tags: vtags, summary: '本人的志愿者登记和服务记录', response: { 200: MyVolunteer } } }, async (req) => volunteers.myVolunteer(ctx, requireActor(req)));
  r.put('/api/volunteers/me', { schema: { tags: vtags, summary: '登记为志愿者或修改本人登记（队伍、特长、可服务时间）', body: VolunteerBody, response: { 200: VolunteerRecord } } }, async (req) =>
    volunteers.registerVolunteer(ctx, requireActor(req), req.body, requestContext(req)),
  );
  r.post('/api/volunteers/me/certificate', { schema: { tags: vtags, summary: '开具志愿服务记录证明（PDF，免费）', response: { 200: fileResponse('application/pdf', '志愿服务记录证明（PDF；验证码在 X-Certificate-Code 头中）') } } }, async (req, reply) => {
    const origin = `${req.protocol}://${req.host}`;
    const out = await volunteers.issueCertificate(ctx, requireActor(req), requestContext(req), origin);
    return sendAttachment(reply.header('x-certificate-code', out.code), 'application/pdf', out.fileName, out.pdf);
  });
  r.get(
    '/api/volunteers',
    { schema: { tags: vtags, summary: '志愿者名册（工作人员，范围内）', querystring: VolunteerListQuery, response: { 200: VolunteerList } } },
    async (req) => volunteers.listVolunteers(ctx, requireActor(req), req.query),
  );
  r.get('/api/volunteers/:id', { schema: { tags: vtags, summary: '志愿服务记录（本人或范围内工作人员）', params: uuidParam, response: { 200: VolunteerRecord } } }, async (req) => volunteers.getVolunteer(ctx, requireActor(req), req.params.id));
  r.patch('/api/volunteers/:id', { schema: { tags: vtags, summary: '填写培训、表彰和服务评价（社区工作者、党组织书记）', params: uuidParam, body: VolunteerRecordBody, response: { 200: VolunteerRecord } } }, async (req) =>
    volunteers.updateVolunteerRecord(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get(
    '/api/volunteer-certificates/:code',
    { schema: { tags: vtags, summary: '查验志愿服务记录证明（无需登录）', params: z.object({ code: z.string().max(20, '验证码（code）无效') }), response: { 200: VolunteerCertificate } } },
    async (req) => volunteers.verifyCertificate(ctx, req.params.code),
  );
}
