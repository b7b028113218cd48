import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import { monthlyBulletin } from '../services/bulletin.ts';
import { requestContext, requireActor, sendAttachment } from '../http/request.ts';
import { areaCodeInput, fileResponse } from './common.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function bulletinRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/bulletins/:areaCode/:file',
    {
      schema: {
        tags: ['bulletins'],
        summary: '月度工作简报（Word）：/api/bulletins/{区划代码}/{YYYY-MM}.docx',
        params: z.object({
          areaCode: areaCodeInput,
          file: z.string().regex(/^\d{4}-\d{2}\.docx$/, '应为 YYYY-MM.docx'),
        }),
        response: { 200: fileResponse(DOCX_MIME, '月度工作简报（Word）') },
      },
    },
    async (req, reply) => {
      const res = await monthlyBulletin(ctx, requireActor(req), req.params.areaCode, req.params.file.slice(0, 7), requestContext(req));
      return sendAttachment(reply, DOCX_MIME, res.fileName, res.body);
    },
  );
}
