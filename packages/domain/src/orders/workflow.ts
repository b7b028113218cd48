// Service orders (群众点单、社区派单、党员接单, SPEC §6): a resident orders a service from the
// community's menu, the community dispatches it to a party member or a service team, the member
// (or a member of the team) takes and completes it, the resident rates it. One pure state machine
// says who may take which action in which state.
import { DomainError } from '../errors.ts';

export const ORDER_STATES = ['ordered', 'dispatched', 'taken', 'completed', 'rated', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const TERMINAL_ORDER_STATES: ReadonlySet<OrderState> = new Set(['rated', 'cancelled']);

export const ORDER_ACTIONS = ['dispatch', 'reassign', 'take', 'decline', 'complete', 'rate', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/**
 * How the caller stands to an order (worked out by the server):
 * - orderer: the resident who ordered it (or the worker who ordered it for a resident without an account)
 * - manager: community staff whose scope contains the order (派单)
 * - assignee: the member it is dispatched to, or a member of the team it is dispatched to
 * - taker: the member who took it (接单)
 */
export const ORDER_RELATIONS = ['orderer', 'manager', 'assignee', 'taker'] as const;
export type OrderRelation = (typeof ORDER_RELATIONS)[number];

export const ORDER_RATINGS = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type OrderRating = (typeof ORDER_RATINGS)[number];
export const ORDER_RATING_LABELS: Record<OrderRating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  'basically-satisfied': { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};
/** Ratings that earn the member points (an unsatisfied service earns none). */
export const POINTED_RATINGS: ReadonlySet<OrderRating> = new Set(['satisfied', 'basically-satisfied']);

export interface OrderDecision {
  action: OrderAction;
  from: OrderState;
  to: OrderState;
}

interface Rule {
  action: OrderAction;
  by: readonly OrderRelation[];
  from: readonly OrderState[];
  to: OrderState;
}

const RULES: readonly Rule[] = [
  { action: 'dispatch', by: ['manager'], from: ['ordered'], to: 'dispatched' },
  { action: 'reassign', by: ['manager'], from: ['dispatched', 'taken'], to: 'dispatched' },
  { action: 'take', by: ['assignee'], from: ['dispatched'], to: 'taken' },
  { action: 'decline', by: ['assignee'], from: ['dispatched'], to: 'ordered' },
  { action: 'complete', by: ['taker'], from: ['taken'], to: 'completed' },
  { action: 'rate', by: ['orderer'], from: ['completed'], to: 'rated' },
  { action: 'cancel', by: ['orderer'], from: ['ordered', 'dispatched'], to: 'cancelled' },
  { action: 'cancel', by: ['manager'], from: ['ordered', 'dispatched', 'taken'], to: 'cancelled' },
];

export const ORDER_STATE_LABELS: Record<OrderState, { zh: string; en: string }> = {
  ordered: { zh: '待派单', en: 'To dispatch' },
  dispatched: { zh: '待接单', en: 'Dispatched' },
  taken: { zh: '服务中', en: 'Taken' },
  completed: { zh: '待评价', en: 'Completed' },
  rated: { zh: '已评价', en: 'Rated' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const ORDER_ACTION_LABELS: Record<OrderAction, { zh: string; en: string }> = {
  dispatch: { zh: '派单', en: 'Dispatch' },
  reassign: { zh: '改派', en: 'Reassign' },
  take: { zh: '接单', en: 'Take' },
  decline: { zh: '退单', en: 'Decline' },
  complete: { zh: '完成服务', en: 'Complete' },
  rate: { zh: '评价', en: 'Rate' },
  cancel: { zh: '取消', en: 'Cancel' },
};

export type OrderField = 'reason' | 'note' | 'score' | 'assignee';
/** Fields each action requires (→ 400 naming the field when missing). */
export const ORDER_REQUIRED_FIELDS: Record<OrderAction, readonly OrderField[]> = {
  dispatch: ['assignee'],
  reassign: ['assignee', 'reason'],
  take: [],
  decline: ['reason'],
  complete: ['note'],
  rate: ['score'],
  cancel: ['reason'],
};

export function isOrderAction(value: string): value is OrderAction {
  return (ORDER_ACTIONS as readonly string[]).includes(value);
}

const holds = (rule: Rule, relations: ReadonlySet<OrderRelation>) => rule.by.some((r) => relations.has(r));
/** Nobody serves their own order: the orderer never takes it, whatever else they are. */
const selfTake = (action: OrderAction, relations: ReadonlySet<OrderRelation>) => action === 'take' && relations.has('orderer');

/**
 * Decides an action: 403 when none of the caller's relations may ever take it (and always when the
 * orderer tries to take their own order), 409 when the order's state does not allow it.
 */
export function decideOrder(state: OrderState, action: OrderAction, relations: ReadonlySet<OrderRelation>): OrderDecision {
  if (selfTake(action, relations)) throw new DomainError('forbidden', 'self_take', '不能承接自己点的服务');
  const mine = RULES.filter((r) => r.action === action && holds(r, relations));
  if (mine.length === 0) {
    throw new DomainError('forbidden', 'action_not_allowed', `您无权对该服务单执行“${ORDER_ACTION_LABELS[action].zh}”`);
  }
  const rule = mine.find((r) => r.from.includes(state));
  if (!rule) {
    throw new DomainError('conflict', 'invalid_state', `服务单当前状态为“${ORDER_STATE_LABELS[state].zh}”，不能执行“${ORDER_ACTION_LABELS[action].zh}”`);
  }
  return { action, from: state, to: rule.to };
}

/** The actions the caller may take now, for `allowedActions`. */
export function allowedOrderActions(state: OrderState, relations: ReadonlySet<OrderRelation>): OrderAction[] {
  return ORDER_ACTIONS.filter((action) => !selfTake(action, relations) && RULES.some((r) => r.action === action && holds(r, relations) && r.from.includes(state)));
}

/** The rule table, for documentation and exhaustive tests. */
export function orderRuleTable(): { action: OrderAction; by: readonly OrderRelation[]; from: readonly OrderState[]; to: OrderState }[] {
  return RULES.map((r) => ({ ...r }));
}

/** The eight standard service teams of a village's 基层治理服务团 (seeds/000). */
export const STANDARD_SERVICE_TEAMS: readonly { code: string; name: string; description: string }[] = [
  { code: 'policy', name: '政策理论宣讲服务队', description: '宣讲党的理论和惠民惠企政策' },
  { code: 'prosperity', name: '发展富民指导服务队', description: '产业发展、就业创业和技术技能指导' },
  { code: 'law', name: '平安法治服务队', description: '治安联防、法律咨询和普法宣传' },
  { code: 'mediation', name: '矛盾纠纷调解服务队', description: '邻里、家庭和物业纠纷调解' },
  { code: 'environment', name: '城乡环境整治服务队', description: '环境卫生、乱堆乱放和绿化整治' },
  { code: 'civility', name: '文明新风传播服务队', description: '移风易俗、文明劝导和文化活动' },
  { code: 'errands', name: '为民事项代办服务队', description: '证照办理、跑腿代办和上门服务' },
  { code: 'welfare', name: '民生公益保障服务队', description: '“一老一小”、助老助残、维修和健康服务' },
];

/** The default service menu of a community (editable by its staff). */
export const DEFAULT_SERVICE_MENU: readonly { code: string; name: string; category: string; description: string; team: string }[] = [
  { code: 'repair', name: '家电水电维修', category: '维修', description: '水龙头、电灯、插座、小家电等简单维修', team: 'welfare' },
  { code: 'companion', name: '陪伴聊天', category: '陪伴', description: '上门陪伴独居、高龄老人聊天读报', team: 'welfare' },
  { code: 'escort', name: '陪同就医', category: '陪伴', description: '陪同老人到医院挂号、就诊、取药', team: 'welfare' },
  { code: 'errand', name: '代办跑腿', category: '代办跑腿', description: '代缴费用、代购药品和生活用品', team: 'errands' },
  { code: 'paperwork', name: '证照代办', category: '代办跑腿', description: '社保、医保、证明材料等代办', team: 'errands' },
  { code: 'health', name: '健康咨询', category: '健康', description: '测血压血糖、用药指导和健康讲座预约', team: 'welfare' },
  { code: 'legal', name: '法律咨询', category: '法律咨询', description: '婚姻家庭、劳动、邻里纠纷的法律咨询', team: 'law' },
  { code: 'mediation', name: '纠纷调解', category: '法律咨询', description: '邻里、家庭矛盾纠纷上门调解', team: 'mediation' },
];
