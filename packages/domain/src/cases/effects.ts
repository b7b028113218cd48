// The effects of a case action (SPEC §4, docs/CASES.md "States and actions", "Deadlines"): what a
// decided action changes on the case — state, owner, deadlines, units, suspension clock, rework
// count, rating — and the timeline entry it writes. Pure: the server's applyAction loads, authorises
// and writes what this returns; the demo case history walks its cases through the same function.
import { conflict, DomainError, invalid } from '../errors.ts';
import { warningAt, type DeadlineSpec } from '../calendar.ts';
import { chooseTier5321, recordStep5321, start5321, STEP_5321_LABELS, TIER_5321_LABELS, TIER_5321_MINUTES, type Response5321, type Step5321, type Tier5321 } from './rule-5321.ts';
import { STATE_LABELS, type CaseAction, type CaseState, type Decision, type OwnerLevel, type Rating, type RatingSource } from './workflow.ts';

/** The four step limits a catalogue type sets (accept, acknowledge, handle, verify). */
export interface StepDeadlines {
  accept: DeadlineSpec;
  acknowledge: DeadlineSpec;
  handle: DeadlineSpec;
  verify: DeadlineSpec;
}

/** Limits of a type that sets none. */
export const FALLBACK_STEP_DEADLINES: StepDeadlines = {
  accept: { unit: 'workingDays', amount: 1 },
  acknowledge: { unit: 'hours', amount: 4 },
  handle: { unit: 'workingDays', amount: 5 },
  verify: { unit: 'workingDays', amount: 2 },
};

/** Which limit a due time is computed for (`extension`: the working days an approved extension grants). */
export type DeadlineStep = keyof StepDeadlines | 'extension';

/**
 * The one deadline function: when a limit that starts at `start` ends. Every due time the
 * workflow sets goes through it (the server passes its calendar-backed helper, services/deadlines.ts).
 */
export type DueFn = (start: Date, spec: DeadlineSpec, step: DeadlineStep) => Date;

/** The current step's limit and its yellow-warning instant for a case entering `state`. */
export function stepTimesFor(state: CaseState, now: Date, deadlines: StepDeadlines, overall: Date | null, due: DueFn): { stepDueAt: Date | null; stepWarnAt: Date | null } {
  let stepDueAt: Date | null;
  switch (state) {
    case 'reported':
      stepDueAt = due(now, deadlines.accept, 'accept');
      break;
    case 'dispatched':
      stepDueAt = due(now, deadlines.acknowledge, 'acknowledge');
      break;
    case 'accepted':
    case 'acknowledged':
      stepDueAt = overall;
      break;
    case 'handled':
      stepDueAt = due(now, deadlines.verify, 'verify');
      break;
    default:
      stepDueAt = null;
  }
  return { stepDueAt, stepWarnAt: stepDueAt ? warningAt(now, stepDueAt) : null };
}

/** ISO 8601 with the +08:00 offset, to the second, as timeline details carry times. */
export function isoCst(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export interface PendingExtension {
  workingDays: number;
  reason: string;
  requestedBy: string | null;
  requestedAt: string;
}

/** What the effects read of a case. `handlerUnit` is the lead unit's key (an id live, a code in the demo). */
export interface CaseSnapshot {
  id: string;
  code: string;
  state: CaseState;
  areaCode: string;
  ownerLevel: OwnerLevel;
  ownerAreaCode: string;
  handlerUnit: string | null;
  acceptedAt: Date | null;
  dueAt: Date | null;
  stepDueAt: Date | null;
  stepWarnAt: Date | null;
  suspendedAt: Date | null;
  pendingExtension: { workingDays: number } | null;
  rating: Rating | null;
  ratedBy?: RatingSource | null;
  reworkCount: number;
  /** 5321 (property types): its clock, once dispatched. */
  response5321?: Response5321 | null;
}

/** The action's input, after the caller has loaded what it names (units, the merge target). */
export interface EffectInput {
  note?: string | null;
  reason?: string | null;
  comment?: string | null;
  /** dispatch: the lead unit and the assisting units. */
  unit?: { id: string; name: string };
  assistUnits?: { id: string; name: string }[];
  workingDays?: number;
  score?: Rating;
  /** merge: the case to merge into (and its duplicate group); unmerge: the case it was merged into. */
  into?: { id: string; code: string; state: CaseState; groupId?: string | null };
  /** Who acts: their name (extension requests), their unit (feedback), whether they act as the lead unit (handle). */
  actorName?: string | null;
  actorUnitId?: string | null;
  asHandler?: boolean;
  /** rate: the reporter rates (else staff record a return visit). */
  asReporter?: boolean;
  /** verify-pass: photos attached to the verification itself, and where the verifier stood (WGS84). */
  photos?: number;
  location?: { lat: number; lng: number } | null;
  /** verify-pass right after a grid worker settled the matter on the spot (当场处置): that visit is the check. */
  onSpot?: boolean;
}

/** Columns to change; keys absent stay as they are. */
export interface CasePatch {
  state: CaseState;
  ownerLevel?: OwnerLevel;
  ownerAreaCode?: string;
  handlerUnit?: string | null;
  acceptedAt?: Date | null;
  dispatchedAt?: Date | null;
  acknowledgedAt?: Date | null;
  handledAt?: Date | null;
  closedAt?: Date | null;
  dueAt?: Date | null;
  stepDueAt?: Date | null;
  stepWarnAt?: Date | null;
  pendingExtension?: PendingExtension | null;
  answer?: string | null;
  reworkCount?: number;
  rating?: Rating | null;
  ratedBy?: RatingSource | null;
  ratingComment?: string | null;
  ratedAt?: Date | null;
  mergedInto?: string | null;
  mergedFromState?: CaseState | null;
  /** Duplicate group (set by the server: merge joins the target's group, unmerge leaves it). */
  groupId?: string | null;
  suspendedFrom?: CaseState | null;
  suspendedAt?: Date | null;
  verifyLat?: number | null;
  verifyLng?: number | null;
  response5321?: Response5321 | null;
}

/** A unit's part in a case (case_units.role): the one that leads, or one that assists (协办). */
export const CASE_UNIT_ROLES = ['lead', 'assist'] as const;
export type CaseUnitRole = (typeof CASE_UNIT_ROLES)[number];
/** Where a unit stands with a case (case_units.status). */
export const UNIT_STATUSES = ['dispatched', 'acknowledged', 'feedback', 'returned', 'done'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Changes to the case's unit assignments (case_units), in order. */
export type UnitChange =
  /** A re-dispatch replaces earlier assignments that are still open. */
  | { kind: 'close-open'; statuses: UnitStatus[]; to: 'returned' }
  | { kind: 'assign'; unitId: string; role: CaseUnitRole }
  /** `note` undefined leaves the assignment's note as it is. */
  | { kind: 'status'; unitId: string; status: UnitStatus; note?: string | null };

export interface TimelineEntry {
  action: string;
  fromState: CaseState;
  toState: CaseState;
  note: string | null;
  detail: Record<string, unknown> | null;
}

export interface ActionEffects {
  patch: CasePatch;
  units: UnitChange[];
  event: TimelineEntry;
  /** merge: the entry the target's timeline gets (unmerge: the entry the former primary gets). */
  mergedFrom?: { caseId: string; note: string; detail: Record<string, unknown>; action?: string };
}

export interface EffectEnv {
  now: Date;
  deadlines: StepDeadlines;
  due: DueFn;
  /** The case type's rules beyond its limits. */
  type?: { verifyOnSite?: boolean; rule5321?: boolean };
}

/**
 * 现场核验: for a type flagged for an on-site check, closing needs at least one photo taken at the
 * verification (SPEC §4 and `000`: the grid worker checks the result where the problem was, 核查
 * 销号 with evidence) — unless the grid worker settled it on the spot, which is that visit. Throws
 * 422 `verification_photo_required`.
 */
export function checkVerification(type: { verifyOnSite?: boolean } | undefined, input: Pick<EffectInput, 'photos' | 'onSpot'>): void {
  if (!type?.verifyOnSite || input.onSpot) return;
  if ((input.photos ?? 0) < 1) {
    throw new DomainError('unprocessable', 'verification_photo_required', '该类事项需现场核验：请上传至少 1 张核验现场照片（attachments）', { field: 'attachments' });
  }
}

const LEVEL_CODE_LENGTH: Record<OwnerLevel, number> = { village: 12, town: 9, district: 6 };

/**
 * The effects of a decided action (`decide` in workflow.ts has checked who and when). Throws the
 * domain's 400/409 errors for input the rules refuse (working days out of range, a merge into
 * itself or into a case that cannot take it, an area too coarse for the next centre).
 */
export function actionEffects(c: CaseSnapshot, decision: Decision, input: EffectInput, env: EffectEnv): ActionEffects {
  const { now, deadlines, due } = env;
  const action: CaseAction = decision.action;
  const handleDue = () => due(now, deadlines.handle, 'handle');
  const patch: CasePatch = { state: decision.to };
  const units: UnitChange[] = [];
  const detail: Record<string, unknown> = {};
  let note = input.note ?? input.reason ?? input.comment ?? null;
  let mergedFrom: ActionEffects['mergedFrom'];
  // An extension request no longer waits once it is decided, the case is returned or handled.
  if (decision.effects.pendingExtension === false) patch.pendingExtension = null;

  switch (action) {
    case 'accept':
      patch.acceptedAt = now;
      patch.dueAt = c.dueAt ?? handleDue();
      break;
    case 'escalate': {
      const level = decision.effects.ownerLevel!;
      const len = LEVEL_CODE_LENGTH[level];
      if (c.areaCode.length < len) throw conflict('invalid_state', '案件区域不足以确定上级指挥中心');
      patch.ownerLevel = level;
      patch.ownerAreaCode = c.areaCode.slice(0, len);
      patch.acceptedAt = c.acceptedAt ?? now;
      patch.dueAt = c.dueAt ?? handleDue();
      detail.toLevel = level;
      detail.toArea = patch.ownerAreaCode;
      break;
    }
    case 'dispatch': {
      const lead = input.unit!;
      const assists = (input.assistUnits ?? []).filter((u, i, all) => u.id !== lead.id && all.findIndex((x) => x.id === u.id) === i);
      units.push({ kind: 'close-open', statuses: ['dispatched', 'acknowledged', 'feedback'], to: 'returned' });
      units.push({ kind: 'assign', unitId: lead.id, role: 'lead' });
      for (const u of assists) units.push({ kind: 'assign', unitId: u.id, role: 'assist' });
      patch.handlerUnit = lead.id;
      patch.dispatchedAt = now;
      patch.dueAt = c.dueAt ?? handleDue();
      detail.unit = lead.name;
      detail.assistUnits = assists.map((u) => u.name);
      // 5321 (`002`): a property matter's minutes start when it reaches the handling unit.
      if (env.type?.rule5321) {
        patch.response5321 = start5321(now);
        detail.rule5321 = true;
      }
      note = input.note ?? null;
      break;
    }
    case 'acknowledge':
      patch.acknowledgedAt = now;
      units.push({ kind: 'status', unitId: c.handlerUnit!, status: 'acknowledged' });
      break;
    case 'return':
      units.push({ kind: 'status', unitId: c.handlerUnit!, status: 'returned', note: input.reason ?? input.note ?? null });
      patch.handlerUnit = null;
      break;
    case 'feedback':
      if (input.actorUnitId) units.push({ kind: 'status', unitId: input.actorUnitId, status: 'feedback', note: input.note ?? null });
      break;
    case 'request-extension': {
      const days = input.workingDays!;
      if (!Number.isInteger(days) || days < 1 || days > 30) throw invalid('invalid_working_days', '延期天数应为 1–30 个工作日', { field: 'workingDays' });
      patch.pendingExtension = { workingDays: days, reason: input.reason ?? input.note ?? '', requestedBy: input.actorName ?? null, requestedAt: isoCst(now) };
      detail.workingDays = days;
      break;
    }
    case 'approve-extension': {
      const days = c.pendingExtension?.workingDays ?? 0;
      const newDue = due(c.dueAt ?? now, { unit: 'workingDays', amount: days }, 'extension');
      patch.dueAt = newDue;
      detail.workingDays = days;
      detail.newDeadline = isoCst(newDue);
      break;
    }
    case 'deny-extension':
      break;
    case 'handle':
      patch.handledAt = now;
      patch.answer = input.note ?? null;
      if (c.handlerUnit && input.asHandler) units.push({ kind: 'status', unitId: c.handlerUnit, status: 'done', note: input.note ?? null });
      // Settled on the spot without acceptance: it was taken on now, with its time limit from now.
      if (!c.acceptedAt) patch.acceptedAt = now;
      if (!c.dueAt) patch.dueAt = handleDue();
      break;
    case 'verify-pass':
      checkVerification(env.type, input);
      patch.closedAt = now;
      if (input.location) {
        patch.verifyLat = input.location.lat;
        patch.verifyLng = input.location.lng;
        detail.location = { lat: input.location.lat, lng: input.location.lng };
      }
      if (input.photos) detail.photos = input.photos;
      break;
    case 'verify-fail':
      patch.reworkCount = c.reworkCount + 1;
      if (c.handlerUnit) units.push({ kind: 'status', unitId: c.handlerUnit, status: 'acknowledged' });
      break;
    case 'rate':
      patch.rating = input.score!;
      patch.ratedBy = input.asReporter ? 'reporter' : 'visit';
      patch.ratingComment = input.comment ?? null;
      patch.ratedAt = now;
      detail.score = input.score;
      detail.by = patch.ratedBy;
      // The reporter's own word replaces the one recorded for them; the timeline keeps both.
      if (c.rating && input.asReporter) detail.supersedes = c.rating;
      note = input.comment ?? null;
      break;
    case 'reopen':
      patch.reworkCount = c.reworkCount + 1;
      patch.rating = null;
      patch.ratedBy = null;
      patch.ratingComment = null;
      patch.ratedAt = null;
      patch.closedAt = null;
      patch.dueAt = handleDue();
      if (c.handlerUnit) units.push({ kind: 'status', unitId: c.handlerUnit, status: 'dispatched' });
      detail.previousRating = c.rating;
      break;
    case 'merge': {
      const target = input.into!;
      if (target.id === c.id) throw invalid('invalid_merge', '不能合并到案件本身', { field: 'intoCaseId' });
      if (!['reported', 'accepted', 'dispatched', 'acknowledged', 'handled'].includes(target.state)) {
        throw conflict('invalid_merge', `案件 ${target.code} 当前状态为“${STATE_LABELS[target.state]?.zh ?? target.state}”，不能合并进去`);
      }
      patch.mergedInto = target.id;
      patch.mergedFromState = c.state;
      detail.intoCode = target.code;
      mergedFrom = { caseId: target.id, note: `合并了重复案件 ${c.code}`, detail: { fromCode: c.code, fromId: c.id } };
      break;
    }
    case 'unmerge': {
      const from = input.into;
      patch.mergedInto = null;
      patch.mergedFromState = null;
      if (from) {
        detail.fromCode = from.code;
        mergedFrom = { caseId: from.id, action: 'unmerged-from', note: `拆分出案件 ${c.code}，该案件恢复单独办理`, detail: { caseCode: c.code, caseId: c.id } };
      }
      break;
    }
    case 'suspend':
      patch.suspendedFrom = c.state;
      patch.suspendedAt = now;
      break;
    case 'resume': {
      // Suspension stops the clock: every deadline moves by the time spent suspended.
      const paused = now.getTime() - (c.suspendedAt?.getTime() ?? now.getTime());
      const shift = (d: Date | null) => (d ? new Date(d.getTime() + paused) : null);
      patch.suspendedFrom = null;
      patch.suspendedAt = null;
      if (c.dueAt) patch.dueAt = shift(c.dueAt);
      patch.stepDueAt = shift(c.stepDueAt);
      patch.stepWarnAt = shift(c.stepWarnAt);
      detail.pausedMs = paused;
      break;
    }
    case 'urge':
    case 'withdraw':
      break;
  }

  // The step limit of the state the case enters (resume has restored its own; suspension stops the clock).
  if ((decision.to !== c.state || action === 'approve-extension') && action !== 'resume' && decision.to !== 'suspended') {
    const overall = patch.dueAt !== undefined ? patch.dueAt : c.dueAt;
    Object.assign(patch, stepTimesFor(decision.to, now, deadlines, overall ?? null, due));
  }

  return {
    patch,
    units,
    event: { action, fromState: c.state, toState: decision.to, note, detail: Object.keys(detail).length ? detail : null },
    ...(mergedFrom ? { mergedFrom } : {}),
  };
}

/**
 * 超期自动上报: a community that lets a case wait (reported or accepted, not dispatched) past its
 * step limit loses it to the town centre. Null when the rule does not apply.
 */
export function autoEscalationEffects(c: CaseSnapshot, env: EffectEnv): ActionEffects | null {
  if (c.ownerLevel !== 'village' || (c.state !== 'reported' && c.state !== 'accepted') || c.handlerUnit) return null;
  if (c.areaCode.length < LEVEL_CODE_LENGTH.town) return null;
  const { now, deadlines, due } = env;
  const dueAt = c.dueAt ?? due(now, deadlines.handle, 'handle');
  const ownerAreaCode = c.areaCode.slice(0, LEVEL_CODE_LENGTH.town);
  return {
    patch: { state: 'accepted', ownerLevel: 'town', ownerAreaCode, acceptedAt: c.acceptedAt ?? now, dueAt, ...stepTimesFor('accepted', now, deadlines, dueAt, due) },
    units: [],
    event: { action: 'auto-escalate', fromState: c.state, toState: 'accepted', note: '社区超期未处理，自动上报镇（街道）指挥中心', detail: { toLevel: 'town', toArea: ownerAreaCode } },
  };
}

/** A 5321 entry: a step the handler did, or the tier chosen or changed. */
export interface Response5321Input {
  step?: Step5321;
  tier?: Tier5321;
  /** The handler records steps and picks the tier; the centre may change the tier (with a reason). */
  by: 'handler' | 'centre';
  note?: string | null;
}

/**
 * 5321 (`002`, rule-5321.ts): records a step or the tier on a property case the unit is working on.
 * The tier's limit becomes the case's overall deadline (and the step deadline once signed), so
 * the warnings, the overdue mark, the chain and the measures count it like any other limit.
 * Throws 409 `not_5321` (not a 5321 case, or not at a unit), `invalid_state`, the rule's own 409s,
 * `tier_set_by_centre` (the handler may not undo the centre's change) and 400 `tier_required`.
 */
export function response5321Effects(c: CaseSnapshot, input: Response5321Input, env: { now: Date }): ActionEffects {
  const r = c.response5321;
  if (!r) throw conflict('not_5321', '该案件不适用 5321 快速响应，或尚未派遣到承办单位');
  if (c.state !== 'dispatched' && c.state !== 'acknowledged') {
    throw conflict('invalid_state', `案件当前状态为“${STATE_LABELS[c.state]?.zh ?? c.state}”，不能记录 5321`);
  }
  const { now } = env;
  let next: Response5321;
  let note: string;
  if (input.step) {
    if (input.by !== 'handler') throw conflict('invalid_state', '5321 的步骤由承办单位记录');
    if (input.tier && r.tierBy === 'centre' && input.tier !== r.tier) throw conflict('tier_set_by_centre', '问题等级已由指挥中心调整，承办单位不能再改');
    next = recordStep5321(r, input.step, now, input.tier ?? null);
    const minute = Math.max(1, Math.ceil((now.getTime() - new Date(r.startedAt).getTime()) / 60_000));
    const late = now.getTime() > new Date(r.steps[input.step].dueAt).getTime();
    note = `5321 ${STEP_5321_LABELS[input.step]}：第 ${minute} 分钟${late ? '（超时）' : ''}${input.note ? `，${input.note}` : ''}`;
  } else if (input.tier) {
    if (input.by === 'handler' && r.tierBy === 'centre') throw conflict('tier_set_by_centre', '问题等级已由指挥中心调整，承办单位不能再改');
    next = chooseTier5321(r, input.tier, input.by);
    note = `5321 ${input.by === 'centre' ? '指挥中心调整' : '承办单位确定'}问题等级：${TIER_5321_LABELS[input.tier]}（${limitText(TIER_5321_MINUTES[input.tier])}内解决）${input.note ? `，${input.note}` : ''}`;
  } else {
    throw invalid('missing_field', '请填写 5321 的步骤（step）或问题等级（tier）', { field: 'step' });
  }
  const patch: CasePatch = { state: c.state, response5321: next };
  if (next.resolveDueAt && next.resolveDueAt !== r.resolveDueAt) {
    const due = new Date(next.resolveDueAt);
    patch.dueAt = due;
    if (c.state === 'acknowledged') {
      patch.stepDueAt = due;
      patch.stepWarnAt = warningAt(new Date(next.startedAt), due);
    }
  }
  const detail: Record<string, unknown> = { rule5321: true, by: input.by };
  if (input.step) detail.step = input.step;
  if (next.tier !== r.tier || input.tier) detail.tier = next.tier;
  if (r.tier && next.tier !== r.tier) detail.previousTier = r.tier;
  if (next.resolveDueAt) detail.resolveDueAt = isoCst(new Date(next.resolveDueAt));
  return { patch, units: [], event: { action: input.step ? 'response-step' : 'response-tier', fromState: c.state, toState: c.state, note, detail } };
}

const limitText = (minutes: number) => (minutes >= 1440 ? `${minutes / 1440} 天` : minutes >= 60 ? `${minutes / 60} 小时` : `${minutes} 分钟`);

const CENTRE_NAME: Record<OwnerLevel, string> = { village: '村（社区）', town: '镇（街道）指挥中心', district: '区指挥中心' };

/**
 * The overdue chain at a handling unit (docs/CASES.md "Supervision and escalation"; the rule of
 * when each step is due is `overdueStepsDue` in overdue-chain.ts): what one step changes and the
 * timeline entry it writes, by 系统.
 * - `supervise` (督办): the dispatching centre urges the unit; nothing on the case changes.
 * - `escalate`: the district centre becomes the owner; the unit keeps handling it.
 * Null when the step does not apply (the case left the unit, or escalation and the district owns it).
 */
export function overdueChainEffects(c: CaseSnapshot, step: 'supervise' | 'escalate', facts: { unitName: string | null }): ActionEffects | null {
  if (!c.handlerUnit || !c.stepDueAt || (c.state !== 'dispatched' && c.state !== 'acknowledged')) return null;
  const due = isoCst(c.stepDueAt);
  if (step === 'supervise') {
    return {
      patch: { state: c.state },
      units: [],
      event: {
        action: 'urge',
        fromState: c.state,
        toState: c.state,
        note: `超期自动督办：${facts.unitName ?? '承办单位'}已超过${c.state === 'dispatched' ? '签收' : '办理'}时限（${due}），由${CENTRE_NAME[c.ownerLevel] ?? '指挥中心'}督办`,
        detail: { automatic: true, step: c.state, dueAt: due, unitId: c.handlerUnit, by: c.ownerLevel },
      },
    };
  }
  if (c.ownerLevel === 'district' || c.areaCode.length < LEVEL_CODE_LENGTH.district) return null;
  const district = c.areaCode.slice(0, LEVEL_CODE_LENGTH.district);
  return {
    patch: { state: c.state, ownerLevel: 'district', ownerAreaCode: district },
    units: [],
    event: {
      action: 'auto-escalate',
      fromState: c.state,
      toState: c.state,
      note: `督办后仍超期未办，自动上报区指挥中心（原时限 ${due}）`,
      detail: { automatic: true, fromLevel: c.ownerLevel, fromArea: c.ownerAreaCode, toLevel: 'district', toArea: district },
    },
  };
}

/** What intake needs to know of a catalogue type to route it. */
export interface RoutingType {
  handlingLevel: OwnerLevel;
  urgent: boolean;
}

/**
 * The centre a new case lands with (属地管理、分级处置). `002`: "小事不出村、大事不出镇、难事不出县" — a
 * village-level type with the community (村/社区) of its place, a town-level type with the town
 * (镇/街道) centre, a district-level or urgent (急难险重) type with the district centre; a place
 * coarser than the type's level lands with the centre of that place. A grid worker who settles a
 * matter on the spot (小事不出网格) keeps it in the community. The community still sees every case of
 * its area: reading is by area, not by owner.
 */
export function intakeOwner(areaCode: string, type: RoutingType, opts: { onSpot?: boolean } = {}): { level: OwnerLevel; area: string } {
  const placeLevel: OwnerLevel = areaCode.length >= LEVEL_CODE_LENGTH.village ? 'village' : areaCode.length >= LEVEL_CODE_LENGTH.town ? 'town' : 'district';
  const typeLevel: OwnerLevel = type.urgent ? 'district' : opts.onSpot ? 'village' : type.handlingLevel;
  const order: OwnerLevel[] = ['village', 'town', 'district'];
  const level = order[Math.max(order.indexOf(placeLevel), order.indexOf(typeLevel))]!;
  return { level, area: areaCode.slice(0, LEVEL_CODE_LENGTH[level]) };
}

/**
 * Whether a new case is dispatched at intake to its type's default unit (自动派遣): the type says so,
 * names a unit, and the case lands with a town or district centre (a community dispatches only to
 * its property company, chosen by hand).
 */
export function autoDispatches(type: { autoDispatch: boolean; defaultUnitCode: string | null }, ownerLevel: OwnerLevel): boolean {
  return type.autoDispatch && !!type.defaultUnitCode && ownerLevel !== 'village';
}
