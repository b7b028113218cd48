import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Case5321Body, CaseAssessment, CaseAssessmentBody, CaseAssessments, CaseDetail } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as assessments from '../services/case-assessments.ts';
import { record5321 } from '../services/case-5321.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { uuidParam } from './common.ts';

/** The centre's assessment of the handling units (双重评价) and 5321 on property cases. */
export function caseAssessmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.get('/api/cases/:id/assessments', { schema: { tags, summary: '指挥中心对承办单位的考核评价（双重评价）', params: uuidParam, response: { 200: CaseAssessments } } }, async (req) =>
    assessments.listAssessments(ctx, requireActor(req), req.params.id),
  );
  r.put(
    '/api/cases/:id/assessments/:unitId',
    {
      schema: {
        tags,
        summary: '考核承办单位（结案后，案件所属指挥中心；再次提交为更正）',
        description: '时效、质量、态度各为 excellent（优）/good（良）/fair（中）/poor（差）；得分 = 0.4×时效 + 0.4×质量 + 0.2×态度（优100、良80、中60、差40）。首次 201，更正 200。',
        params: z.object({ id: z.uuid({ message: '应为案件 ID' }), unitId: z.uuid({ message: '应为单位 ID' }) }),
        body: CaseAssessmentBody,
        response: { 200: CaseAssessment, 201: CaseAssessment },
      },
    },
    async (req, reply) => {
      const out = await assessments.assessUnit(ctx, requireActor(req), req.params.id, req.params.unitId, req.body, requestContext(req));
      return reply.status(out.status as 200 | 201).send(out.body);
    },
  );
  r.post(
    '/api/cases/:id/5321',
    {
      schema: {
        tags,
        summary: '物业 5321 快速响应：承办单位记录步骤、确定问题等级；指挥中心调整等级',
        description: 'step：learn（了解情况）、plan（商定方案）、reply（答复居民，须已定级或同时给出 tier）；tier：general（一般，30 分钟）、larger（较大，2 小时）、complex（复杂，1 天）。指挥中心调整等级需 note 说明原因。',
        params: uuidParam,
        body: Case5321Body,
        response: { 200: CaseDetail },
      },
    },
    async (req) => record5321(ctx, requireActor(req), req.params.id, req.body, requestContext(req)),
  );
}
