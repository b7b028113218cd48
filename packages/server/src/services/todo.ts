// 我的待办 across modules: how many things wait for the caller's own action, by kind. Each count
// comes from the same list query (and therefore the same scope and policy) as the page it links to.
import { POINT_SCHEMES, SCHEMES, type TodoKind } from '@gongzhi/domain';
import { hasAnyRole, type Actor } from '../policies/actor.ts';
import { MERCHANT_ROLES } from '../policies/points.ts';
import { ORDER_MANAGERS } from '../policies/orders.ts';
import { PARTY_REVIEWERS } from '../policies/party.ts';
import { WISH_REVIEWERS } from '../policies/wishes.ts';
import { listCases } from './cases.ts';
import { listOrders } from './orders.ts';
import { registrationsToReview } from './party.ts';
import { listAwards, listRedemptions } from './points.ts';
import { listWishes } from './wishes.ts';
import { todoCounts as burdenTodo } from './burden.ts';
import type { AppContext } from './context.ts';


export const TODO_LABELS: Record<TodoKind, string> = {
  cases: '待办案件',
  wishes: '待审核微心愿',
  registrations: '待审核双报到申请',
  awards: '待审批积分申报',
  orders: '待派单服务',
  'order-tasks': '待完成服务单',
  'wish-tasks': '待实现微心愿',
  redemptions: '待核销兑换',
  'burden-tasks': '待办理的准入任务',
  'burden-forms': '待填报的一表通报表',
  'burden-requests': '待审核的事项准入申请',
};

const ONE = { page: 1, pageSize: 1 };

export async function myTodo(ctx: AppContext, actor: Actor) {
  const jobs: [TodoKind, Promise<number>][] = [];
  const add = (kind: TodoKind, n: Promise<number>) => jobs.push([kind, n]);
  add('cases', listCases(ctx, actor, { ...ONE, box: 'mine' }).then((r) => r.total));
  if (hasAnyRole(actor, WISH_REVIEWERS)) add('wishes', listWishes(ctx, actor, { ...ONE, state: 'submitted' }).then((r) => r.total));
  if (hasAnyRole(actor, PARTY_REVIEWERS)) add('registrations', registrationsToReview(ctx, actor));
  if (POINT_SCHEMES.some((s) => hasAnyRole(actor, SCHEMES[s].defaultApprovers))) add('awards', listAwards(ctx, actor, { ...ONE, box: 'approve' }).then((r) => r.total));
  if (hasAnyRole(actor, ORDER_MANAGERS)) add('orders', listOrders(ctx, actor, { ...ONE, state: 'ordered' }).then((r) => r.total));
  // Orders sent to the caller (or their team) to take, and taken ones to complete.
  add('order-tasks', listOrders(ctx, actor, { ...ONE, relation: 'assigned', state: 'dispatched,taken' }).then((r) => r.total));
  add('wish-tasks', listWishes(ctx, actor, { ...ONE, relation: 'claimed', state: 'claimed' }).then((r) => r.total));
  if (actor.unitId && hasAnyRole(actor, MERCHANT_ROLES)) add('redemptions', listRedemptions(ctx, actor, { ...ONE, box: 'merchant', state: 'pending' }).then((r) => r.total));
  const burden = await burdenTodo(ctx, actor);
  if (burden.tasks !== undefined) add('burden-tasks', Promise.resolve(burden.tasks));
  if (burden.forms !== undefined) add('burden-forms', Promise.resolve(burden.forms));
  if (burden.requests !== undefined) add('burden-requests', Promise.resolve(burden.requests));
  const counts = await Promise.all(jobs.map(([, n]) => n));
  const items = jobs.map(([kind], i) => ({ kind, label: TODO_LABELS[kind], count: counts[i]! }));
  return { total: counts.reduce((a, b) => a + b, 0), items };
}
