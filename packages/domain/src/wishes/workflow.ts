// The micro-wish workflow (微心愿, SPEC §6): a resident posts a small wish, the community reviews
// and publishes it on the wish wall, a party member or a unit claims and fulfils it, the wisher
// confirms. One pure state machine says who may take which action in which state.
import { DomainError } from '../errors.ts';

export const WISH_STATES = ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'cancelled'] as const;
export type WishState = (typeof WISH_STATES)[number];

/** States shown on the wish wall (心愿墙). */
export const WALL_STATES: readonly WishState[] = ['published', 'claimed', 'fulfilled'];
export const TERMINAL_WISH_STATES: ReadonlySet<WishState> = new Set(['confirmed', 'rejected', 'cancelled']);

export const WISH_ACTIONS = ['approve', 'reject', 'claim', 'fulfil', 'confirm', 'cancel'] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

/**
 * How the caller stands to a wish. The server works these out from roles, unit and scope.
 * - wisher: the resident whose wish it is (or the grid worker who posted it for a resident without an account)
 * - reviewer: a community worker or party secretary whose scope contains the wish
 * - helper: someone who may claim wishes on this wall: a party member or cadre, or a unit's staff
 * - claimant: the member (or a member of the unit) who claimed it
 */
export const WISH_RELATIONS = ['wisher', 'reviewer', 'helper', 'claimant'] as const;
export type WishRelation = (typeof WISH_RELATIONS)[number];

export interface WishDecision {
  action: WishAction;
  from: WishState;
  to: WishState;
}

interface Rule {
  action: WishAction;
  by: readonly WishRelation[];
  from: readonly WishState[];
  to: WishState;
}

const RULES: readonly Rule[] = [
  { action: 'approve', by: ['reviewer'], from: ['submitted'], to: 'published' },
  { action: 'reject', by: ['reviewer'], from: ['submitted'], to: 'rejected' },
  { action: 'claim', by: ['helper'], from: ['published'], to: 'claimed' },
  { action: 'fulfil', by: ['claimant'], from: ['claimed'], to: 'fulfilled' },
  { action: 'confirm', by: ['wisher'], from: ['fulfilled'], to: 'confirmed' },
  { action: 'cancel', by: ['wisher'], from: ['submitted', 'published'], to: 'cancelled' },
  { action: 'cancel', by: ['reviewer'], from: ['submitted', 'published', 'claimed'], to: 'cancelled' },
];

export const WISH_STATE_LABELS: Record<WishState, { zh: string; en: string }> = {
  submitted: { zh: '待审核', en: 'Submitted' },
  published: { zh: '待认领', en: 'Published' },
  claimed: { zh: '已认领', en: 'Claimed' },
  fulfilled: { zh: '待确认', en: 'Fulfilled' },
  confirmed: { zh: '已圆梦', en: 'Confirmed' },
  rejected: { zh: '未通过', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const WISH_ACTION_LABELS: Record<WishAction, { zh: string; en: string }> = {
  approve: { zh: '审核发布', en: 'Approve' },
  reject: { zh: '审核不通过', en: 'Reject' },
  claim: { zh: '认领', en: 'Claim' },
  fulfil: { zh: '完成心愿', en: 'Fulfil' },
  confirm: { zh: '确认圆梦', en: 'Confirm' },
  cancel: { zh: '取消', en: 'Cancel' },
};

/** Fields each action requires (→ 400 naming the field when missing). */
export const WISH_REQUIRED_FIELDS: Partial<Record<WishAction, readonly ('reason' | 'note')[]>> = {
  reject: ['reason'],
  fulfil: ['note'],
  cancel: ['reason'],
};

export function isWishAction(value: string): value is WishAction {
  return (WISH_ACTIONS as readonly string[]).includes(value);
}

const holds = (rule: Rule, relations: ReadonlySet<WishRelation>) => rule.by.some((r) => relations.has(r));

/**
 * Decides an action: 403 when none of the caller's relations may ever take it (and always
 * when the wisher tries to claim their own wish), 409 when the wish's state does not allow it.
 */
export function decideWish(state: WishState, action: WishAction, relations: ReadonlySet<WishRelation>): WishDecision {
  if (action === 'claim' && relations.has('wisher')) {
    throw new DomainError('forbidden', 'self_claim', '不能认领自己的微心愿');
  }
  const mine = RULES.filter((r) => r.action === action && holds(r, relations));
  if (mine.length === 0) {
    throw new DomainError('forbidden', 'action_not_allowed', `您无权对该微心愿执行“${WISH_ACTION_LABELS[action].zh}”`);
  }
  const rule = mine.find((r) => r.from.includes(state));
  if (!rule) {
    const reason =
      action === 'claim' && state === 'submitted'
        ? '该微心愿尚未经社区审核发布，不能认领'
        : `微心愿当前状态为“${WISH_STATE_LABELS[state].zh}”，不能执行“${WISH_ACTION_LABELS[action].zh}”`;
    throw new DomainError('conflict', 'invalid_state', reason);
  }
  return { action, from: state, to: rule.to };
}

/** The actions the caller may take now, for `allowedActions`. */
export function allowedWishActions(state: WishState, relations: ReadonlySet<WishRelation>): WishAction[] {
  return WISH_ACTIONS.filter((action) => {
    if (action === 'claim' && relations.has('wisher')) return false;
    return RULES.some((r) => r.action === action && holds(r, relations) && r.from.includes(state));
  });
}

/** The rule table, for documentation and exhaustive tests. */
export function wishRuleTable(): { action: WishAction; by: readonly WishRelation[]; from: readonly WishState[]; to: WishState }[] {
  return RULES.map((r) => ({ ...r }));
}
