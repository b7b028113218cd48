// Life cycles of awards (four eyes: proposed by one, approved by another) and redemptions
// (held → confirmed by the merchant, or cancelled before). Pure: the server works out how the
// caller stands to the thing; these tables say what may happen next.
import { DomainError } from '../errors.ts';

export const AWARD_STATES = ['pending', 'approved', 'rejected', 'reversed'] as const;
export type AwardState = (typeof AWARD_STATES)[number];
export const AWARD_ACTIONS = ['approve', 'reject', 'reverse'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

/**
 * - proposer: proposed the award (never approves it: 四眼原则)
 * - approver: holds an approving role of the rule within the award's area
 * - recipient: receives the points (never approves or reverses their own)
 */
export type AwardRelation = 'proposer' | 'approver' | 'recipient';

export const AWARD_STATE_LABELS: Record<AwardState, string> = {
  pending: '待审核',
  approved: '已入账',
  rejected: '已驳回',
  reversed: '已冲正',
};
export const AWARD_ACTION_LABELS: Record<AwardAction, string> = { approve: '审核通过', reject: '驳回', reverse: '冲正' };

const AWARD_RULES: Record<AwardAction, { from: AwardState; to: AwardState }> = {
  approve: { from: 'pending', to: 'approved' },
  reject: { from: 'pending', to: 'rejected' },
  reverse: { from: 'approved', to: 'reversed' },
};

/** Who may do what: the caller's relations, checked before the state (403 before 409). */
function awardPermission(action: AwardAction, rel: ReadonlySet<AwardRelation>): DomainError | null {
  if (rel.has('recipient') && action !== 'reject') {
    return new DomainError('forbidden', 'self_award', '不能审核或冲正给自己的积分');
  }
  switch (action) {
    case 'approve':
      if (!rel.has('approver')) return new DomainError('forbidden', 'action_not_allowed', '您没有审核该积分的权限');
      if (rel.has('proposer')) return new DomainError('forbidden', 'self_approval', '积分须由申报人以外的第二人审核（不能审核自己申报的积分）');
      return null;
    case 'reject':
      // The proposer may withdraw their own proposal; an approver may turn it down.
      return rel.has('approver') || rel.has('proposer') ? null : new DomainError('forbidden', 'action_not_allowed', '您没有驳回该积分的权限');
    case 'reverse':
      return rel.has('approver') ? null : new DomainError('forbidden', 'action_not_allowed', '您没有冲正该积分的权限');
  }
}

export function decideAward(state: AwardState, action: AwardAction, rel: ReadonlySet<AwardRelation>): { to: AwardState } {
  const denied = awardPermission(action, rel);
  if (denied) throw denied;
  const r = AWARD_RULES[action];
  if (state !== r.from) {
    throw new DomainError('conflict', 'invalid_state', `该积分${AWARD_STATE_LABELS[state]}，不能${AWARD_ACTION_LABELS[action]}`);
  }
  return { to: r.to };
}

export function allowedAwardActions(state: AwardState, rel: ReadonlySet<AwardRelation>): AwardAction[] {
  return AWARD_ACTIONS.filter((a) => AWARD_RULES[a].from === state && awardPermission(a, rel) === null);
}

export const REDEMPTION_STATES = ['pending', 'confirmed', 'cancelled'] as const;
export type RedemptionState = (typeof REDEMPTION_STATES)[number];
export const REDEMPTION_ACTIONS = ['confirm', 'cancel'] as const;
export type RedemptionAction = (typeof REDEMPTION_ACTIONS)[number];
/** redeemer: spent the points; merchant: staff of the unit that hands the item over. */
export type RedemptionRelation = 'redeemer' | 'merchant';

export const REDEMPTION_STATE_LABELS: Record<RedemptionState, string> = {
  pending: '待商户确认',
  confirmed: '已兑换',
  cancelled: '已取消',
};

function redemptionPermission(action: RedemptionAction, rel: ReadonlySet<RedemptionRelation>): DomainError | null {
  if (action === 'confirm') {
    if (!rel.has('merchant')) return new DomainError('forbidden', 'action_not_allowed', '只有提供该商品或服务的商户可以确认兑换');
    if (rel.has('redeemer')) return new DomainError('forbidden', 'self_confirmation', '不能确认自己的兑换');
    return null;
  }
  return rel.has('redeemer') || rel.has('merchant') ? null : new DomainError('forbidden', 'action_not_allowed', '只有兑换人或商户可以取消兑换');
}

export function decideRedemption(state: RedemptionState, action: RedemptionAction, rel: ReadonlySet<RedemptionRelation>): { to: RedemptionState } {
  const denied = redemptionPermission(action, rel);
  if (denied) throw denied;
  if (state !== 'pending') {
    throw new DomainError('conflict', 'invalid_state', `该兑换${REDEMPTION_STATE_LABELS[state]}，不能${action === 'confirm' ? '确认' : '取消'}`);
  }
  return { to: action === 'confirm' ? 'confirmed' : 'cancelled' };
}

export function allowedRedemptionActions(state: RedemptionState, rel: ReadonlySet<RedemptionRelation>): RedemptionAction[] {
  if (state !== 'pending') return [];
  return REDEMPTION_ACTIONS.filter((a) => redemptionPermission(a, rel) === null);
}
