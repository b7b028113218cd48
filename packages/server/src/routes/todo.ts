import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Todo } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import { myTodo } from '../services/todo.ts';
import { requireActor } from '../http/request.ts';

export function todoRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/todo',
    {
      schema: {
        tags: ['cases'],
        summary: '我的待办：各模块等待本人办理的事项数（案件、微心愿审核、双报到审核、积分审批、服务单、兑换核销）',
        response: { 200: Todo },
      },
    },
    async (req) => myTodo(ctx, requireActor(req)),
  );
}
