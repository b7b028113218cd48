// The case workflow (SPEC §4): one pure state machine that says who may take which action
// in which state and what state follows. Every change of a case goes through `decide`.
import { DomainError } from '../errors.ts';

/** Where a case came in (扫码, 手机, 巡查, 12345 热线, 接待日, 走访, 信箱, Open311, 控制台). */
export const CHANNELS = ['qr', 'mobile', 'patrol', 'hotline', 'reception', 'visit', 'mailbox', 'open311', 'console'] as const;

export const CASE_STATES = [
  'reported',
  'accepted',
  'dispatched',
  'acknowledged',
  'handled',
  'closed',
  'rejected',
  'withdrawn',
  'merged',
  'suspended',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<CaseState> = new Set(['rejected', 'withdrawn', 'merged']);
/** States in which the case is still someone's work (the clock may run). */
export const OPEN_STATES: ReadonlySet<CaseState> = new Set(['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'suspended']);

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'escalate',
  'dispatch',
  'acknowledge',
  'return',
  'feedback',
  'request-extension',
  'approve-extension',
  'deny-extension',
  'handle',
  'verify-pass',
  'verify-fail',
  'rate',
  'reopen',
  'urge',
  'merge',
  'unmerge',
  'suspend',
  'resume',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * How the caller stands to this case. The server works these out from the caller's
 * roles, unit and scope; the machine only reasons about them.
 * - reporter: reported it (or follows it with the case code and phone digits)
 * - owner: staff of the command centre that currently owns the case (community, town or district)
 * - handler: member of the lead unit it was dispatched to
 * - assistant: member of an assisting unit (会商)
 * - verifier: grid worker of the grid the case is in (现场核验, 当场处置)
 * - supervisor: a centre or leader above the owner (督办)
 */
export const CASE_RELATIONS = ['reporter', 'owner', 'handler', 'assistant', 'verifier', 'supervisor'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

export type OwnerLevel = 'village' | 'town' | 'district';
export const OWNER_LEVELS: readonly OwnerLevel[] = ['village', 'town', 'district'];
export type Rating = 'satisfied' | 'basically-satisfied' | 'unsatisfied';

/** The facts about a case that decide what may happen next. */
export interface CaseFacts {
  state: CaseState;
  ownerLevel: OwnerLevel;
  hasHandlerUnit: boolean;
  pendingExtension: boolean;
  rating: Rating | null;
  /**
   * Who gave the rating: the reporter themselves, or staff recording a return visit (回访). Unknown
   * (absent) counts as the reporter's own.
   */
  ratedBy?: RatingSource | null;
  suspendedFrom: CaseState | null;
  /** merged: the state it was merged from (an unmerge returns it there). */
  mergedFrom?: CaseState | null;
}

/** 双重评价 (`000`): the reporter's own satisfaction, or one recorded by staff on a return visit. */
export type RatingSource = 'reporter' | 'visit';

/** What a decided action does, beyond the state change. */
export interface CaseEffects {
  ownerLevel?: OwnerLevel;
  clearHandler?: boolean;
  setHandler?: boolean;
  pendingExtension?: boolean;
  extensionGranted?: boolean;
  rework?: boolean;
  clearRating?: boolean;
  setRating?: boolean;
  suspendedFrom?: CaseState | null;
  /** The clock restarts for the handling step (dispatch, reopen). */
  restartClock?: boolean;
}

export interface Decision {
  action: CaseAction;
  from: CaseState;
  to: CaseState;
  effects: CaseEffects;
}

interface Rule {
  action: CaseAction;
  by: readonly CaseRelation[];
  from: readonly CaseState[];
  /** Returns a Chinese reason when the facts forbid the action (→ 409). */
  guard?: (f: CaseFacts) => string | null;
  to: (f: CaseFacts) => CaseState;
  effects?: (f: CaseFacts) => CaseEffects;
}

const same = (f: CaseFacts) => f.state;
const nextLevel = (l: OwnerLevel): OwnerLevel | null => OWNER_LEVELS[OWNER_LEVELS.indexOf(l) + 1] ?? null;

const RULES: readonly Rule[] = [
  { action: 'accept', by: ['owner'], from: ['reported'], to: () => 'accepted' },
  { action: 'reject', by: ['owner'], from: ['reported'], to: () => 'rejected' },
  {
    action: 'escalate',
    by: ['owner'],
    from: ['reported', 'accepted'],
    guard: (f) => (nextLevel(f.ownerLevel) ? null : '区级指挥中心已是最高层级，无法继续上报'),
    to: () => 'accepted',
    effects: (f) => ({ ownerLevel: nextLevel(f.ownerLevel)! }),
  },
  { action: 'dispatch', by: ['owner'], from: ['accepted'], to: () => 'dispatched', effects: () => ({ setHandler: true, restartClock: true }) },
  { action: 'acknowledge', by: ['handler'], from: ['dispatched'], to: () => 'acknowledged' },
  { action: 'return', by: ['handler'], from: ['dispatched', 'acknowledged'], to: () => 'accepted', effects: () => ({ clearHandler: true, pendingExtension: false }) },
  // Assisting units report back as soon as they are called in; the lead unit's progress notes start once
  // it has signed in (报到) — before that its only choices are to acknowledge or to return the case.
  { action: 'feedback', by: ['assistant'], from: ['dispatched', 'acknowledged'], to: same },
  { action: 'feedback', by: ['handler'], from: ['acknowledged'], to: same },
  {
    action: 'request-extension',
    by: ['handler'],
    from: ['acknowledged'],
    guard: (f) => (f.pendingExtension ? '已有延期申请等待审批' : null),
    to: same,
    effects: () => ({ pendingExtension: true }),
  },
  {
    action: 'approve-extension',
    by: ['owner'],
    from: ['acknowledged'],
    guard: (f) => (f.pendingExtension ? null : '没有待审批的延期申请'),
    to: same,
    effects: () => ({ pendingExtension: false, extensionGranted: true }),
  },
  {
    action: 'deny-extension',
    by: ['owner'],
    from: ['acknowledged'],
    guard: (f) => (f.pendingExtension ? null : '没有待审批的延期申请'),
    to: same,
    effects: () => ({ pendingExtension: false }),
  },
  { action: 'handle', by: ['handler'], from: ['acknowledged'], to: () => 'handled', effects: () => ({ pendingExtension: false }) },
  {
    // A community (or a town) resolves the matter itself, without dispatching it.
    action: 'handle',
    by: ['owner'],
    from: ['accepted'],
    guard: (f) => (f.hasHandlerUnit ? '案件已派遣给承办单位，应由承办单位办结' : null),
    to: () => 'handled',
  },
  {
    // 小事不出网格: the grid worker settles a small matter on the spot.
    action: 'handle',
    by: ['verifier'],
    from: ['reported', 'accepted'],
    guard: (f) => (f.ownerLevel !== 'village' ? '案件已上报上级，网格员不能当场处置' : f.hasHandlerUnit ? '案件已派遣给承办单位' : null),
    to: () => 'handled',
  },
  { action: 'verify-pass', by: ['verifier', 'owner'], from: ['handled'], to: () => 'closed' },
  {
    action: 'verify-fail',
    by: ['verifier', 'owner'],
    from: ['handled'],
    to: (f) => (f.hasHandlerUnit ? 'acknowledged' : 'accepted'),
    effects: () => ({ rework: true }),
  },
  {
    // The reporter's own rating supersedes one staff recorded on a return visit (双重评价, `000`).
    action: 'rate',
    by: ['reporter'],
    from: ['closed'],
    guard: (f) => (f.rating && f.ratedBy !== 'visit' ? '该案件已评价' : null),
    to: same,
    effects: () => ({ setRating: true }),
  },
  {
    action: 'rate',
    by: ['owner'],
    from: ['closed'],
    guard: (f) => (f.rating ? '该案件已评价' : null),
    to: same,
    effects: () => ({ setRating: true }),
  },
  {
    action: 'reopen',
    by: ['owner'],
    from: ['closed'],
    guard: (f) => (f.rating === 'unsatisfied' ? null : '只有群众评价为“不满意”的案件可以重办'),
    to: (f) => (f.hasHandlerUnit ? 'dispatched' : 'accepted'),
    effects: () => ({ rework: true, clearRating: true, restartClock: true }),
  },
  { action: 'urge', by: ['supervisor', 'owner'], from: ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled'], to: same },
  { action: 'merge', by: ['owner'], from: ['reported', 'accepted'], to: () => 'merged' },
  {
    // A case merged by mistake (not the same problem after all) goes back to its own life.
    action: 'unmerge',
    by: ['owner'],
    from: ['merged'],
    guard: (f) => (f.mergedFrom ? null : '无法确定合并前的状态，不能拆分'),
    to: (f) => f.mergedFrom!,
  },
  {
    action: 'suspend',
    by: ['owner'],
    from: ['accepted', 'dispatched', 'acknowledged'],
    to: () => 'suspended',
    effects: (f) => ({ suspendedFrom: f.state }),
  },
  {
    action: 'resume',
    by: ['owner'],
    from: ['suspended'],
    guard: (f) => (f.suspendedFrom ? null : '无法确定挂起前的状态'),
    to: (f) => f.suspendedFrom!,
    effects: () => ({ suspendedFrom: null }),
  },
  { action: 'withdraw', by: ['reporter'], from: ['reported', 'accepted', 'dispatched', 'acknowledged'], to: () => 'withdrawn' },
];

export const STATE_LABELS: Record<CaseState, { zh: string; en: string }> = {
  reported: { zh: '待受理', en: 'Reported' },
  accepted: { zh: '待派遣', en: 'Accepted' },
  dispatched: { zh: '待签收', en: 'Dispatched' },
  acknowledged: { zh: '处置中', en: 'In progress' },
  handled: { zh: '待核查', en: 'Awaiting verification' },
  closed: { zh: '已办结', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  merged: { zh: '已合并', en: 'Merged' },
  suspended: { zh: '已挂起', en: 'Suspended' },
};

export const ACTION_LABELS: Record<CaseAction, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  escalate: { zh: '上报上级', en: 'Escalate' },
  dispatch: { zh: '派遣（吹哨）', en: 'Dispatch' },
  acknowledge: { zh: '签收（报到）', en: 'Acknowledge' },
  return: { zh: '退回', en: 'Return' },
  feedback: { zh: '协办反馈', en: 'Feedback' },
  'request-extension': { zh: '申请延期', en: 'Request extension' },
  'approve-extension': { zh: '同意延期', en: 'Approve extension' },
  'deny-extension': { zh: '驳回延期', en: 'Deny extension' },
  handle: { zh: '办结反馈', en: 'Handle' },
  'verify-pass': { zh: '核查通过', en: 'Verify: pass' },
  'verify-fail': { zh: '核查不通过（返工）', en: 'Verify: fail' },
  rate: { zh: '评价', en: 'Rate' },
  reopen: { zh: '重办', en: 'Reopen' },
  urge: { zh: '督办催办', en: 'Urge' },
  merge: { zh: '合并', en: 'Merge' },
  unmerge: { zh: '拆分（取消合并）', en: 'Unmerge' },
  suspend: { zh: '挂起', en: 'Suspend' },
  resume: { zh: '恢复', en: 'Resume' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
};

export function isCaseAction(value: string): value is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(value);
}

const holds = (rule: Rule, relations: ReadonlySet<CaseRelation>) => rule.by.some((r) => relations.has(r));

/**
 * Decides an action: 403 (`action_not_allowed`) when none of the caller's relations may ever
 * take it, 409 (`invalid_state`) when the case's state or facts do not allow it now.
 */
export function decide(facts: CaseFacts, action: CaseAction, relations: ReadonlySet<CaseRelation>): Decision {
  const mine = RULES.filter((r) => r.action === action && holds(r, relations));
  if (mine.length === 0) {
    throw new DomainError('forbidden', 'action_not_allowed', `您在该案件中无权执行“${ACTION_LABELS[action].zh}”`);
  }
  let reason: string | null = null;
  for (const rule of mine) {
    if (!rule.from.includes(facts.state)) continue;
    const blocked = rule.guard?.(facts) ?? null;
    if (blocked) {
      reason = blocked;
      continue;
    }
    return { action, from: facts.state, to: rule.to(facts), effects: rule.effects?.(facts) ?? {} };
  }
  throw new DomainError(
    'conflict',
    'invalid_state',
    reason ?? `案件当前状态为“${STATE_LABELS[facts.state].zh}”，不能执行“${ACTION_LABELS[action].zh}”`,
  );
}

/** The actions the caller may take now, for `allowedActions` in every case response. */
export function allowedCaseActions(facts: CaseFacts, relations: ReadonlySet<CaseRelation>): CaseAction[] {
  const out: CaseAction[] = [];
  for (const action of CASE_ACTIONS) {
    const ok = RULES.some((r) => r.action === action && holds(r, relations) && r.from.includes(facts.state) && !(r.guard?.(facts) ?? null));
    if (ok) out.push(action);
  }
  return out;
}

/** Every (action, relation) pair the rules know, for exhaustive tests and documentation. */
export function ruleTable(): { action: CaseAction; by: readonly CaseRelation[]; from: readonly CaseState[] }[] {
  return RULES.map((r) => ({ action: r.action, by: r.by, from: r.from }));
}
