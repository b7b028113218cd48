// Activities (活动, SPEC §9): publish, sign up and cancel, check in and out with the rotating code
// shown at the venue, the organiser's list, and the one confirmation that turns attendance into
// hours and points (posted once per attendance through the points ledger; its limits apply).
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import {
  offerLinkProblem,
  ACTIVITY_AUDIENCE_LABELS,
  ACTIVITY_KIND_INFO,
  ACTIVITY_STATE_LABELS,
  attendanceFigures,
  attendanceOutcome,
  attendancePoints,
  cancelProblem,
  CHECKIN_PERIOD_SECONDS,
  checkActivityDraft,
  checkinOpen,
  codeWindowOf,
  conflict,
  forbidden,
  hasRoom,
  invalid,
  isAreaCode,
  isCodeWindowFresh,
  maskName,
  notFound,
  POINTS_MODE_LABELS,
  servedMinutes,
  type ActivityAudience,
  type ActivityKind,
  type ActivityState,
  type PointsMode,
} from '@gongzhi/domain';
import type { Activity, ActivityViewAction, Attendance, AttendanceOutcome, AttendanceState } from '@gongzhi/domain/contract';
import { hasAnyRole, type Actor, type RequestContext } from '../policies/actor.ts';
import { activityScopeOf, canPublishIn, organises, signUpProblem, type ActivityViewer } from '../policies/activities.ts';
import * as repo from '../repositories/activities.ts';
import { personForWish } from '../repositories/wishes.ts';
import { ruleFor } from '../repositories/points.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { awardAutomatically } from './points.ts';

const plainName = (name: string) => name.replace(/（[^）]*）$/, '').trim() || name;

export async function viewerOf(ctx: AppContext, actor: Actor): Promise<ActivityViewer> {
  const person = actor.personId ? await personForWish(ctx.db, actor.personId) : null;
  const volunteer = await repo.volunteerOfUser(ctx.db, actor.id);
  const home = person?.areaCode ?? (hasAnyRole(actor, ['resident', 'party-member', 'cadre']) ? actor.scopeCode : null);
  return { actor, home, partyMember: person?.partyMember ?? false, volunteer: !!volunteer, personId: person?.id ?? null, name: person?.name ?? plainName(actor.displayName) };
}

// ---- the rotating code ------------------------------------------------------------------------

type Purpose = 'in' | 'out';

function codeKey(ctx: AppContext): Buffer {
  return Buffer.from(ctx.cipher.lookupHash('gongzhi/activity-checkin-code'), 'hex');
}

/** `<window>.<mac>`: the time window it belongs to and a keyed hash binding it to the activity and purpose. */
export function codeFor(ctx: AppContext, activityId: string, purpose: Purpose, window: number): string {
  const mac = crypto.createHmac('sha256', codeKey(ctx)).update(`${activityId}.${purpose}.${window}`).digest('base64url').slice(0, 16);
  return `${window}.${mac}`;
}

function codeProblem(ctx: AppContext, activityId: string, purpose: Purpose, token: string, now: Date): string | null {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token.trim());
  if (!m) return '签到码无效，请扫描现场二维码';
  const window = Number(m[1]);
  const expected = Buffer.from(codeFor(ctx, activityId, purpose, window));
  const given = Buffer.from(token.trim());
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    const other = codeFor(ctx, activityId, purpose === 'in' ? 'out' : 'in', window);
    if (other === token.trim()) return purpose === 'in' ? '这是签退码，请扫描签到码' : '这是签到码，请扫描签退码';
    return '签到码无效，请扫描本活动现场的二维码';
  }
  if (!isCodeWindowFresh(window, now)) return '签到码已过期（每 30 秒更新），请重新扫描现场大屏上的二维码';
  return null;
}

// ---- presenting -------------------------------------------------------------------------------

function allowedActions(v: ActivityViewer, a: repo.ActivityRow, mine: repo.AttendanceRow | null, counts: { signedUp: number }, now: Date): ActivityViewAction[] {
  const out: ActivityViewAction[] = [];
  const open = a.state === 'published';
  const signedUp = mine?.state === 'signed-up';
  if (open && !signedUp && now < a.endsAt && signUpProblem(v, a) === null && hasRoom(a.capacity, counts.signedUp)) out.push('sign-up');
  if (open && signedUp && !mine?.checkInAt && now < a.startsAt) out.push('cancel');
  if (open && signedUp && !mine?.checkInAt && checkinOpen(a, now)) out.push('check-in');
  if (open && signedUp && mine?.checkInAt && !mine.checkOutAt && checkinOpen(a, now)) out.push('check-out');
  if (organises(v.actor, a)) {
    out.push('attendance');
    if (open) out.push('code', 'mark', 'cancel-activity');
    if (open && now >= a.startsAt) out.push('confirm');
  }
  return out;
}

async function present(ctx: AppContext, v: ActivityViewer, rows: repo.ActivityRow[]) {
  const ids = rows.map((r) => r.id);
  const now = new Date();
  const [counts, mine, areas, teams, offerNames] = await Promise.all([
    repo.signUpCounts(ctx.db, ids),
    repo.myAttendances(ctx.db, v.actor.id, ids),
    areaNames(ctx.db, rows.map((r) => r.areaCode)),
    repo.teamNames(ctx.db, rows.flatMap((r) => (r.serviceTeamId ? [r.serviceTeamId] : [])), rows.flatMap((r) => (r.volunteerTeamId ? [r.volunteerTeamId] : []))),
    repo.offerTitles(ctx.db, [...new Set(rows.flatMap((r) => (r.offerId ? [r.offerId] : [])))]),
  ]);
  return rows.map((a): Activity => {
    const c = counts.get(a.id) ?? { signedUp: 0, checkedIn: 0, present: 0, absent: 0 };
    const m = mine.get(a.id) ?? null;
    const info = ACTIVITY_KIND_INFO[a.kind as ActivityKind];
    return {
      id: a.id,
      kind: a.kind as ActivityKind,
      kindLabel: info?.zh ?? a.kind,
      title: a.title,
      description: a.description,
      areaCode: a.areaCode,
      area: { code: a.areaCode, name: areas.get(a.areaCode)?.name ?? a.areaCode },
      place: a.place,
      startsAt: toIsoCst(a.startsAt),
      endsAt: toIsoCst(a.endsAt),
      capacity: a.capacity,
      signedUp: c.signedUp,
      checkedIn: c.checkedIn,
      // Once the list is confirmed: who came and the no-shows (未到).
      present: c.present,
      absent: c.absent,
      audience: a.audience as ActivityAudience,
      audienceLabel: ACTIVITY_AUDIENCE_LABELS[a.audience as ActivityAudience]?.zh ?? a.audience,
      pointsMode: a.pointsMode as PointsMode,
      pointsModeLabel: POINTS_MODE_LABELS[a.pointsMode as PointsMode]?.zh ?? a.pointsMode,
      points: a.points,
      ruleCode: a.ruleCode,
      basis: a.basis,
      team: a.serviceTeamId ? { id: a.serviceTeamId, name: teams.get(a.serviceTeamId) ?? '' } : a.volunteerTeamId ? { id: a.volunteerTeamId, name: teams.get(a.volunteerTeamId) ?? '' } : null,
      offer: a.offerId ? { id: a.offerId, title: offerNames.get(a.offerId)?.title ?? '', unitName: offerNames.get(a.offerId)?.unitName ?? '' } : null,
      state: a.state as ActivityState,
      stateLabel: ACTIVITY_STATE_LABELS[a.state as ActivityState]?.zh ?? a.state,
      confirmedAt: toIsoCst(a.confirmedAt),
      cancelledAt: toIsoCst(a.cancelledAt),
      cancelReason: a.cancelReason,
      mine: m
        ? {
            state: m.state as AttendanceState,
            checkInAt: toIsoCst(m.checkInAt),
            checkOutAt: toIsoCst(m.checkOutAt),
            outcome: m.outcome as AttendanceOutcome | null,
            minutes: m.minutes,
            points: m.points,
          }
        : null,
      allowedActions: allowedActions(v, a, m, c, now),
    };
  });
}

async function visible(ctx: AppContext, v: ActivityViewer, id: string) {
  const a = await repo.findActivity(ctx.db, activityScopeOf(v), id);
  if (!a) throw notFound('活动');
  return a;
}

export async function getActivity(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const a = await visible(ctx, v, id);
  return (await present(ctx, v, [a]))[0]!;
}

export interface ActivityListQuery {
  state?: string;
  kind?: string;
  relation?: 'mine';
  upcoming?: boolean;
  page: number;
  pageSize: number;
}

export async function listActivities(ctx: AppContext, actor: Actor, q: ActivityListQuery) {
  const v = await viewerOf(ctx, actor);
  const { total, rows } = await repo.listActivities(ctx.db, activityScopeOf(v), {
    states: q.state?.split(',').filter(Boolean),
    kinds: q.kind?.split(',').filter(Boolean),
    mineUserId: q.relation === 'mine' ? actor.id : undefined,
    upcoming: q.upcoming,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { total, page: q.page, pageSize: q.pageSize, items: await present(ctx, v, rows) };
}

// ---- publishing -------------------------------------------------------------------------------

export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  description?: string;
  areaCode: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity?: number | null;
  audience?: ActivityAudience;
  pointsMode?: PointsMode;
  points?: number;
  ruleCode?: string;
  serviceTeamId?: string;
  volunteerTeamId?: string;
  /** A 直通车 activity's 赋能清单 offer. */
  offerId?: string;
}

export async function publishActivity(ctx: AppContext, actor: Actor, input: ActivityInput, req: RequestContext) {
  if (!isAreaCode(input.areaCode) || input.areaCode.length < 9) throw invalid('invalid_area', '活动范围（areaCode）应为镇（街道）或村（社区）的区划代码', { field: 'areaCode' });
  if (!canPublishIn(actor, input.areaCode)) throw forbidden('只有本社区（村）的社区工作者和党组织书记可以发布活动', 'not_organiser');
  const info = ACTIVITY_KIND_INFO[input.kind];
  const pointsMode = input.pointsMode ?? info.defaultMode;
  const ruleCode = pointsMode === 'none' ? null : (input.ruleCode ?? info.defaultRule);
  const points = pointsMode === 'none' ? 0 : (input.points ?? 0);
  checkActivityDraft({ startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity ?? null, pointsMode, points: pointsMode === 'none' ? 0 : points }, new Date());
  let basis = info.source;
  if (ruleCode) {
    const rule = await ruleFor(ctx.db, ruleCode, input.areaCode);
    if (!rule || !rule.active) throw invalid('unknown_rule', `积分规则（ruleCode）${ruleCode} 不存在或未启用`, { field: 'ruleCode' });
    if (!rule.auto) throw invalid('manual_rule', `积分规则（ruleCode）“${rule.name}”需人工审批，不能按考勤自动计分`, { field: 'ruleCode' });
    if (points > rule.maxPoints) throw invalid('invalid_points', `积分（points）不能超过规则“${rule.name}”的单次上限 ${rule.maxPoints} 分`, { field: 'points' });
    basis = `${info.source}；积分依据：${rule.name}（${rule.basis}）`;
  }
  if (input.serviceTeamId) {
    const t = await repo.serviceTeamOf(ctx.db, input.serviceTeamId);
    if (!t || !input.areaCode.startsWith(t.areaCode.slice(0, input.areaCode.length)) || !t.areaCode.startsWith(input.areaCode)) throw invalid('invalid_team', '服务队（serviceTeamId）不属于该活动范围', { field: 'serviceTeamId' });
  }
  if (input.volunteerTeamId) {
    const t = await repo.volunteerTeamOf(ctx.db, input.volunteerTeamId);
    if (!t || !t.areaCode.startsWith(input.areaCode)) throw invalid('invalid_team', '志愿服务队（volunteerTeamId）不属于该活动范围', { field: 'volunteerTeamId' });
  }
  if (input.offerId) {
    const problem = offerLinkProblem(input.kind, await repo.offerForLink(ctx.db, input.offerId), input.areaCode);
    if (problem) throw invalid('invalid_offer', problem, { field: 'offerId' });
  }
  const audience: ActivityAudience = info.membersOnly ? 'members' : (input.audience ?? 'residents');
  const row = await ctx.db.transaction(async (tx) => {
    const a = await repo.insertActivity(tx, {
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      areaCode: input.areaCode,
      place: input.place,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      capacity: input.capacity ?? null,
      audience,
      pointsMode,
      points,
      ruleCode,
      basis,
      serviceTeamId: input.serviceTeamId ?? null,
      volunteerTeamId: input.volunteerTeamId ?? null,
      offerId: input.offerId ?? null,
      organiserId: actor.id,
    });
    await audit(tx, { actor }, req, { action: 'activity.publish', entityType: 'activity', entityId: a.id, areaCode: a.areaCode, detail: { kind: a.kind, capacity: a.capacity } });
    return a;
  });
  const v = await viewerOf(ctx, actor);
  return (await present(ctx, v, [row]))[0]!;
}

/** Why a closed activity refuses a step, in words (a cancelled one names its reason). */
function closedMessage(a: repo.ActivityRow, what: string): string {
  if (a.state === 'cancelled') return `活动已取消${a.cancelReason ? `（${a.cancelReason}）` : ''}，${what}`;
  return `活动考勤已确认，${what}`;
}

/**
 * The organiser cancels an open activity with a reason: those signed up see it cancelled with the
 * reason, check-in and confirmation are refused from then on, so no hours or points can follow.
 * Cancelling again changes nothing; a confirmed activity cannot be cancelled (its points are posted).
 */
export async function cancelActivity(ctx: AppContext, actor: Actor, id: string, reason: string, req: RequestContext) {
  await organised(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    const a = (await repo.lockActivity(tx, id))!;
    if (a.state === 'cancelled') return;
    const problem = cancelProblem(a.state as ActivityState);
    if (problem) throw conflict(problem.code, problem.message);
    const signedUp = (await repo.signUpCounts(tx, [a.id])).get(a.id)?.signedUp ?? 0;
    await repo.updateActivity(tx, a.id, { state: 'cancelled', cancelledAt: new Date(), cancelledBy: actor.id, cancelReason: reason });
    await audit(tx, { actor }, req, { action: 'activity.cancel', entityType: 'activity', entityId: a.id, areaCode: a.areaCode, detail: { reason, signedUp } });
  });
  return getActivity(ctx, actor, id);
}

// ---- taking part ------------------------------------------------------------------------------

export async function signUp(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  await visible(ctx, v, id);
  await ctx.db.transaction(async (tx) => {
    const a = (await repo.lockActivity(tx, id))!;
    await signUpIn(tx, v, a, req);
  });
  return getActivity(ctx, actor, id);
}

async function signUpIn(tx: Parameters<typeof repo.lockActivity>[0], v: ActivityViewer, a: repo.ActivityRow, req: RequestContext): Promise<repo.AttendanceRow> {
  const existing = await repo.attendanceOf(tx, a.id, v.actor.id);
  if (existing?.state === 'signed-up') return existing;
  if (a.state !== 'published') throw conflict('activity_closed', closedMessage(a, '不能再报名'));
  if (new Date() >= a.endsAt) throw conflict('activity_ended', '活动已结束，不能再报名');
  const problem = signUpProblem(v, a);
  if (problem) throw forbidden(problem, 'not_eligible');
  const counts = (await repo.signUpCounts(tx, [a.id])).get(a.id) ?? { signedUp: 0 };
  if (!hasRoom(a.capacity, counts.signedUp)) throw conflict('activity_full', `名额已满（共 ${a.capacity} 人）`);
  const row = await repo.upsertSignUp(tx, { activityId: a.id, userId: v.actor.id, personId: v.personId, name: v.name });
  await audit(tx, { actor: v.actor }, req, { action: 'activity.sign-up', entityType: 'activity', entityId: a.id, areaCode: a.areaCode, detail: {} });
  return row;
}

export async function cancelSignUp(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  await visible(ctx, v, id);
  await ctx.db.transaction(async (tx) => {
    const a = (await repo.lockActivity(tx, id))!;
    const mine = await repo.attendanceOf(tx, id, actor.id);
    if (!mine || mine.state === 'cancelled') return;
    if (a.state !== 'published') throw conflict('activity_closed', closedMessage(a, '不能取消报名'));
    if (mine.checkInAt) throw conflict('already_checked_in', '已签到，不能取消报名');
    await repo.updateAttendance(tx, mine.id, { state: 'cancelled', cancelledAt: new Date() });
    await audit(tx, { actor }, req, { action: 'activity.cancel-sign-up', entityType: 'activity', entityId: a.id, areaCode: a.areaCode, detail: {} });
  });
  return getActivity(ctx, actor, id);
}

/** The code the venue screen shows now, with when it changes. */
export async function currentCode(ctx: AppContext, actor: Actor, id: string, purpose: Purpose, origin: string) {
  const v = await viewerOf(ctx, actor);
  const a = await visible(ctx, v, id);
  if (!organises(actor, a)) throw forbidden('只有活动组织者可以查看签到码', 'not_organiser');
  if (a.state !== 'published') throw conflict('activity_closed', closedMessage(a, '不再签到'));
  const now = new Date();
  const window = codeWindowOf(now);
  const token = codeFor(ctx, a.id, purpose, window);
  const refreshAt = new Date((window + 1) * CHECKIN_PERIOD_SECONDS * 1000);
  const path = `/m/activities/${a.id}/${purpose === 'in' ? 'check-in' : 'check-out'}?t=${encodeURIComponent(token)}`;
  // The venue screen shows the link as a QR code the phone's camera opens.
  const svg = await QRCode.toString(`${origin}${path}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return {
    purpose,
    token,
    path,
    svg,
    refreshAt: toIsoCst(refreshAt),
    periodSeconds: CHECKIN_PERIOD_SECONDS,
    open: checkinOpen(a, now),
  };
}

export interface CheckInBody {
  token: string;
  lat?: number;
  lng?: number;
}

/** Check in (or out) with the code scanned at the venue: a stale or foreign code is refused; a repeat changes nothing. */
export async function checkInOut(ctx: AppContext, actor: Actor, id: string, purpose: Purpose, body: CheckInBody, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  await visible(ctx, v, id);
  const now = new Date();
  const problem = codeProblem(ctx, id, purpose, body.token, now);
  if (problem) throw invalid(problem.includes('过期') ? 'code_expired' : 'invalid_code', problem, { field: 'token' });
  const hasPoint = body.lat !== undefined && body.lng !== undefined;
  await ctx.db.transaction(async (tx) => {
    const a = (await repo.lockActivity(tx, id))!;
    if (a.state !== 'published') throw conflict('activity_closed', closedMessage(a, '不能再签到签退'));
    if (!checkinOpen(a, now)) throw conflict('checkin_closed', '不在签到时间内（开始前 1 小时至结束后 2 小时）');
    let mine = await repo.attendanceOf(tx, id, actor.id);
    if (purpose === 'in') {
      // Walk-ins who did not sign up are signed up at the door when they may join and there is room.
      if (mine?.state !== 'signed-up') mine = await signUpIn(tx, v, a, req);
      if (mine.checkInAt) return;
    } else {
      if (mine?.state !== 'signed-up' || !mine.checkInAt) throw conflict('not_checked_in', '尚未签到，不能签退');
      if (mine.checkOutAt) return;
    }
    const stamped = await repo.stampAttendance(tx, mine.id, purpose, now, hasPoint ? body.lat! : null, hasPoint ? body.lng! : null);
    if (stamped) {
      await audit(tx, { actor }, req, { action: purpose === 'in' ? 'activity.check-in' : 'activity.check-out', entityType: 'activity', entityId: a.id, areaCode: a.areaCode, detail: { located: hasPoint } });
    }
  });
  return getActivity(ctx, actor, id);
}

// ---- the organiser's list ---------------------------------------------------------------------

async function organised(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const a = await visible(ctx, v, id);
  if (!organises(actor, a)) throw forbidden('只有活动组织者可以管理考勤', 'not_organiser');
  return a;
}

export async function attendanceList(ctx: AppContext, actor: Actor, id: string): Promise<Attendance> {
  const a = await organised(ctx, actor, id);
  const rows = await repo.listAttendance(ctx.db, id);
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.state as AttendanceState,
    signedUpAt: toIsoCst(r.signedUpAt),
    checkInAt: toIsoCst(r.checkInAt),
    checkOutAt: toIsoCst(r.checkOutAt),
    located: r.checkInLat !== null,
    mark: r.mark as AttendanceOutcome | null,
    outcome: r.outcome as AttendanceOutcome | null,
    minutes: r.minutes,
    points: r.points,
    pointsNote: r.pointsNote,
  }));
  return {
    activity: { id: a.id, title: a.title, state: a.state as ActivityState, startsAt: toIsoCst(a.startsAt), endsAt: toIsoCst(a.endsAt), cancelReason: a.cancelReason },
    summary: attendanceFigures(rows),
    items,
  };
}

/** The organiser marks one person present or absent (the fallback when a phone could not scan). */
export async function markAttendance(ctx: AppContext, actor: Actor, id: string, attendanceId: string, mark: 'present' | 'absent' | null, req: RequestContext) {
  await organised(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    const a = (await repo.lockActivity(tx, id))!;
    if (a.state !== 'published') throw conflict('activity_closed', closedMessage(a, '不能再修改考勤'));
    const rows = await repo.listAttendance(tx, id);
    const row = rows.find((r) => r.id === attendanceId && r.state === 'signed-up');
    if (!row) throw notFound('报名记录');
    if (row.mark === mark) return;
    await repo.updateAttendance(tx, row.id, { mark, markedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'activity.mark', entityType: 'activity', entityId: a.id, areaCode: a.areaCode, detail: { attendance: row.id, mark } });
  });
  return attendanceList(ctx, actor, id);
}

/**
 * The organiser confirms the list once: each sign-up becomes present (checked in, or marked
 * present) or absent (no-show); minutes and points follow by the activity's rule and are posted
 * through the points ledger, once per attendance (the award's unique reference). Confirming again
 * posts nothing.
 */
export async function confirmAttendance(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  await organised(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    const a = (await repo.lockActivity(tx, id))!;
    if (a.state === 'confirmed') return;
    if (a.state !== 'published') throw conflict('activity_closed', closedMessage(a, '不能确认考勤，也不记时长和积分'));
    const now = new Date();
    if (now < a.startsAt) throw conflict('not_started', '活动尚未开始，不能确认考勤');
    const rows = (await repo.listAttendance(tx, id)).filter((r) => r.state === 'signed-up');
    let present = 0;
    let posted = 0;
    for (const r of rows) {
      if (attendanceOutcome(r) === 'absent') {
        // A no-show (未到): kept on the list and the volunteer's record, no hours, no points.
        await repo.updateAttendance(tx, r.id, { outcome: 'absent', minutes: 0, points: 0 });
        continue;
      }
      present++;
      const minutes = servedMinutes(a, r.checkInAt, r.mark === 'present' && !r.checkOutAt ? null : r.checkOutAt);
      const pts = attendancePoints(a.pointsMode as PointsMode, a.points, minutes);
      let awardId: string | null = null;
      let awarded = 0;
      let note: string | null = null;
      if (pts > 0 && a.ruleCode) {
        const res = await awardAutomatically(tx, {
          ruleCode: a.ruleCode,
          userId: r.userId,
          refType: 'activity-attendance',
          refId: r.id,
          authorisedBy: actor.id,
          points: pts,
          note: `参加活动“${a.title.slice(0, 40)}”`,
        });
        if (res.status === 'posted') {
          awardId = res.awardId;
          awarded = res.points;
          posted++;
        } else if (res.status === 'duplicate') awardId = res.awardId;
        else note = res.message;
      }
      await repo.updateAttendance(tx, r.id, { outcome: 'present', minutes, points: awarded, awardId, pointsNote: note });
    }
    await repo.updateActivity(tx, a.id, { state: 'confirmed', confirmedAt: now, confirmedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'activity.confirm', entityType: 'activity', entityId: a.id, areaCode: a.areaCode, detail: { present, absent: rows.length - present, posted } });
  });
  return attendanceList(ctx, actor, id);
}

export const maskedName = (name: string) => maskName(plainName(name));
