import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS, ACTIVITY_STATES, CANCEL_REASON_MAX, POINTS_MODES, VOLUNTEER_TEAM_KINDS } from '@gongzhi/domain';
import { Activity, ActivityList, Attendance, CheckinCode, MyVolunteer, VolunteerCertificate, VolunteerList, VolunteerRecord, VolunteerTeam, VolunteerTeams } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as activities from '../services/activities.ts';
import * as volunteers from '../services/volunteers.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { fileResponse, optionalText, paging, text, uuidParam } from './common.ts';

const csvOf = (values: readonly string[], message: string) =>
  z
    .string()
    .max(300)
    .refine((s) => s.split(',').every((x) => !x || values.includes(x)), message)
    .optional();

const when = (label: string) => z.iso.datetime({ offset: true, message: `${label}应为带时区的时间（ISO 8601）` }).transform((s) => new Date(s));

const activityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS, { message: '活动类型（kind）未知' }),
  title: text(60),
  description: optionalText(2000).optional(),
  areaCode: z.string().regex(/^\d{9,12}$/, '活动范围（areaCode）应为镇（街道）或村（社区）的区划代码'),
  place: text(100),
  startsAt: when('开始时间（startsAt）'),
  endsAt: when('结束时间（endsAt）'),
  capacity: z.number({ message: '名额（capacity）应为整数' }).int('名额（capacity）应为整数').nullable().optional(),
  audience: z.enum(ACTIVITY_AUDIENCES, { message: '参加对象（audience）应为 residents、members 或 volunteers' }).optional(),
  pointsMode: z.enum(POINTS_MODES, { message: '计分方式（pointsMode）应为 per-hour、per-attendance 或 none' }).optional(),
  points: z.number({ message: '积分（points）应为整数' }).int('积分（points）应为整数').optional(),
  ruleCode: z.string().regex(/^[a-z0-9-]{1,64}$/, '积分规则（ruleCode）格式不正确').optional(),
  serviceTeamId: z.uuid({ message: '服务队（serviceTeamId）应为 ID' }).optional(),
  volunteerTeamId: z.uuid({ message: '志愿服务队（volunteerTeamId）应为 ID' }).optional(),
  offerId: z.uuid({ message: '赋能清单事项（offerId）应为 ID' }).optional(),
});

const checkBody = z.object({
  token: z.string({ message: '签到码（token）不能为空' }).min(1, '签到码（token）不能为空').max(64, '签到码（token）无效'),
  lat: z.number({ message: '纬度（lat）应为数字' }).min(-90).max(90).optional(),
  lng: z.number({ message: '经度（lng）应为数字' }).min(-180).max(180).optional(),
});

const volunteerInput = z.object({
  teamId: z.uuid({ message: '志愿服务队（teamId）应为 ID' }).nullable().optional(),
  skills: z.array(text(20)).max(12, '特长（skills）最多 12 项').default([]),
  availability: optionalText(200).default(''),
});

const teamFields = {
  name: text(40),
  kind: z.enum(VOLUNTEER_TEAM_KINDS, { message: '队伍类型（kind）应为 sunset、women、youth、neighbour 或 other' }),
  leader: optionalText(40).optional(),
  description: optionalText(500).optional(),
};
const teamInput = z.object({ ...teamFields, areaCode: z.string().regex(/^\d{12,15}$/, '所属社区（areaCode）应为村（社区）的区划代码') });
const teamPatch = z.object({ name: teamFields.name.optional(), kind: teamFields.kind.optional(), leader: teamFields.leader, description: teamFields.description });

const recordInput = z.object({
  evaluation: optionalText(1000).optional(),
  trainings: z
    .array(
      z.object({
        title: text(60),
        on: z.iso.date({ message: '培训日期（on）应为 YYYY-MM-DD' }),
        hours: z.number({ message: '培训学时（hours）应为数字' }).min(0.5, '培训学时（hours）应为 0.5–100').max(100, '培训学时（hours）应为 0.5–100'),
      }),
    )
    .max(100, '培训（trainings）最多 100 项')
    .optional(),
  commendations: z
    .array(z.object({ title: text(60), on: z.iso.date({ message: '表彰日期（on）应为 YYYY-MM-DD' }) }))
    .max(50, '表彰（commendations）最多 50 项')
    .optional(),
});

export function activityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  r.post('/api/activities', { schema: { tags, summary: '发布活动（社区工作者、党组织书记，在其范围内）', body: activityInput, response: { 201: Activity } } }, async (req, reply) => {
    const out = await activities.publishActivity(ctx, requireActor(req), req.body, requestContext(req));
    return reply.status(201).send(out);
  });
  r.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: '活动列表（工作人员：范围内；居民：本社区和本镇的活动及本人报名的活动）',
        querystring: z.object({
          state: csvOf(ACTIVITY_STATES, '未知的活动状态'),
          kind: csvOf(ACTIVITY_KINDS, '未知的活动类型'),
          relation: z.enum(['mine'], { message: 'relation 应为 mine' }).optional(),
          upcoming: z.enum(['true', 'false'], { message: 'upcoming 应为 true 或 false' }).optional(),
          ...paging,
        }),
        response: { 200: ActivityList },
      },
    },
    async (req) => activities.listActivities(ctx, requireActor(req), { ...req.query, upcoming: req.query.upcoming === 'true' }),
  );
  r.get('/api/activities/:id', { schema: { tags, summary: '活动详情（含本人报名、签到情况和可执行操作）', params: uuidParam, response: { 200: Activity } } }, async (req) => activities.getActivity(ctx, requireActor(req), req.params.id));
  r.post(
    '/api/activities/:id/cancel',
    { schema: { tags, summary: '取消活动（组织者，须填原因；已确认考勤的活动不能取消）', params: uuidParam, body: z.object({ reason: text(CANCEL_REASON_MAX) }), response: { 200: Activity } } },
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
    { schema: { tags, summary: '现场签到码（每 30 秒更新；组织者）', params: uuidParam, querystring: z.object({ purpose: z.enum(['in', 'out'], { message: 'purpose 应为 in 或 out' }).default('in') }), response: { 200: CheckinCode } } },
    async (req) => activities.currentCode(ctx, requireActor(req), req.params.id, req.query.purpose, `${req.protocol}://${req.host}`),
  );
  r.post('/api/activities/:id/check-in', { schema: { tags, summary: '扫码签到（过期的码 → 400 code_expired；可附位置）', params: uuidParam, body: checkBody, response: { 200: Activity } } }, async (req) =>
    activities.checkInOut(ctx, requireActor(req), req.params.id, 'in', req.body, requestContext(req)),
  );
  r.post('/api/activities/:id/check-out', { schema: { tags, summary: '扫码签退', params: uuidParam, body: checkBody, response: { 200: Activity } } }, async (req) =>
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
        body: z.object({ mark: z.enum(['present', 'absent'], { message: '标记（mark）应为 present 或 absent' }).nullable() }),
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
  r.post('/api/volunteer-teams', { schema: { tags: vtags, summary: '建立志愿服务队（社区工作者、党组织书记，本社区）', body: teamInput, response: { 201: VolunteerTeam } } }, async (req, reply) =>
    reply.status(201).send(await volunteers.createVolunteerTeam(ctx, requireActor(req), req.body, requestContext(req))),
  );
  r.patch('/api/volunteer-teams/:id', { schema: { tags: vtags, summary: '修改志愿服务队（名称、类型、队长、简介）', params: uuidParam, body: teamPatch, response: { 200: VolunteerTeam } } }, async (req) =>
    volunteers.updateVolunteerTeam(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get('/api/volunteers/me', { schema: { tags: vtags, summary: '本人的志愿者登记和服务记录', response: { 200: MyVolunteer } } }, async (req) => volunteers.myVolunteer(ctx, requireActor(req)));
  r.put('/api/volunteers/me', { schema: { tags: vtags, summary: '登记为志愿者或修改本人登记（队伍、特长、可服务时间）', body: volunteerInput, response: { 200: VolunteerRecord } } }, async (req) =>
    volunteers.registerVolunteer(ctx, requireActor(req), req.body, requestContext(req)),
  );
  r.post('/api/volunteers/me/certificate', { schema: { tags: vtags, summary: '开具志愿服务记录证明（PDF，免费）', response: { 200: fileResponse('application/pdf', '志愿服务记录证明（PDF；验证码在 X-Certificate-Code 头中）') } } }, async (req, reply) => {
    const origin = `${req.protocol}://${req.host}`;
    const out = await volunteers.issueCertificate(ctx, requireActor(req), requestContext(req), origin);
    return sendAttachment(reply.header('x-certificate-code', out.code), 'application/pdf', out.fileName, out.pdf);
  });
  r.get(
    '/api/volunteers',
    { schema: { tags: vtags, summary: '志愿者名册（工作人员，范围内）', querystring: z.object({ teamId: z.uuid({ message: 'teamId 应为 ID' }).optional(), ...paging }), response: { 200: VolunteerList } } },
    async (req) => volunteers.listVolunteers(ctx, requireActor(req), req.query),
  );
  r.get('/api/volunteers/:id', { schema: { tags: vtags, summary: '志愿服务记录（本人或范围内工作人员）', params: uuidParam, response: { 200: VolunteerRecord } } }, async (req) => volunteers.getVolunteer(ctx, requireActor(req), req.params.id));
  r.patch('/api/volunteers/:id', { schema: { tags: vtags, summary: '填写培训、表彰和服务评价（社区工作者、党组织书记）', params: uuidParam, body: recordInput, response: { 200: VolunteerRecord } } }, async (req) =>
    volunteers.updateVolunteerRecord(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
  r.get(
    '/api/volunteer-certificates/:code',
    { schema: { tags: vtags, summary: '查验志愿服务记录证明（无需登录）', params: z.object({ code: z.string().max(20, '验证码（code）无效') }), response: { 200: VolunteerCertificate } } },
    async (req) => volunteers.verifyCertificate(ctx, req.params.code),
  );
}
