// 我的待办 (`GET /api/todo`): how many things wait for the caller's own action, by kind.
import { z } from 'zod';
import { TODO_KINDS } from '../todo.ts';

export const TodoKind = z.enum(TODO_KINDS);
export type TodoKind = z.infer<typeof TodoKind>;

/** `GET /api/todo` */
export const Todo = z.object({
  total: z.number().int(),
  items: z.array(z.object({ kind: TodoKind, label: z.string(), count: z.number().int() })),
});
export type Todo = z.infer<typeof Todo>;
