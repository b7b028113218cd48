import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChainHeadsCheck, ChainHeadsFile, ChainVerifyReport } from '@gongzhi/domain/contract';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import * as chains from '../services/chains.ts';
import { requestContext, requireActor } from '../http/request.ts';
import { attachmentHeader } from '../lib/xlsx.ts';

export function chainRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/chain/verify', { schema: { tags: ['audit'], summary: '校验防篡改历史（案件流转记录、积分账本、审计日志的哈希链）', response: { 200: ChainVerifyReport } } }, async (req) =>
    chains.verifyForActor(ctx, requireActor(req), requestContext(req)),
  );
  r.get(
    '/api/chain/heads/:day',
    {
      schema: {
        tags: ['audit'],
        summary: '下载某日（北京时间）的日终链头哈希文件',
        params: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') }),
        // A download: the JSON text is sent as it is written, declared by its media type with its shape.
        response: { 200: { description: '日终链头哈希文件（附件）', content: { 'application/json': { schema: ChainHeadsFile } } } },
      },
    },
    async (req, reply) => {
      const file = await chains.headsForActor(ctx, requireActor(req), req.params.day, requestContext(req));
      // The JSON text goes out as written (a string is not serialised again); the schema documents its shape.
      return (reply as FastifyReply)
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', attachmentHeader(`共治-日终哈希-${file.day}.json`))
        .send(JSON.stringify(file, null, 1));
    },
  );
  r.post(
    '/api/chain/heads/verify',
    {
      // A day's file lists one head per chain that grew that day: a busy county's is a few megabytes.
      bodyLimit: 32 * 1024 * 1024,
      // Refuse strangers before reading a large body.
      onRequest: async (req) => {
        requireActor(req);
      },
      schema: { tags: ['audit'], summary: '以保存在别处的日终链头哈希文件核对历史未被改写', body: z.unknown(), response: { 200: ChainHeadsCheck } },
    },
    async (req) => chains.verifyHeadsForActor(ctx, requireActor(req), req.body, requestContext(req)),
  );
}
