// 我的待办: the kinds of work that wait for an account's own action across modules (GET /api/todo).
export const TODO_KINDS = ['cases', 'wishes', 'registrations', 'awards', 'orders', 'order-tasks', 'wish-tasks', 'redemptions', 'burden-tasks', 'burden-forms', 'burden-requests'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];
