// Micro-wishes (微心愿, SPEC §6): post, review, claim, fulfil, confirm. `applyWishAction` is the one
// way in for every change of a wish: it decides with the pure workflow and writes the change, the
// timeline entry and the audit row in one transaction; confirming awards the fulfiller points once.
import {
  decideWish,
  forbidden,
  invalid,
  isAreaCode,
  isWithinScope,
  maskName,
  notFound,
  WALL_STATES,
  WISH_ACTION_LABELS,
  WISH_REQUIRED_FIELDS,
  WISH_STATE_LABELS,
  type WishAction,
  type WishState,
} from '@gongzhi/domain';
import type { Tx } from '../db/client.ts';
import { hasAnyRole, type Actor, type RequestContext } from '../policies/actor.ts';
import { isUnitClaimer, seesWisherDetails, WISH_PROXIES, wishAllowedActions, wishRelations, wishScopeOf, type WishViewer } from '../policies/wishes.ts';
import * as repo from '../repositories/wishes.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { fileUrl } from './files.ts';
import { withIdempotency } from './idempotency.ts';
import { awardAutomatically } from './points.ts';

/**
 * The points rule posted automatically when a wisher confirms a fulfilled wish. The demo's
 * `wish-fulfilled` rule is a manual one (proposed and approved by hand); this automatic variant
 * is seeded next to it by seed/wishes.ts.
 */
export const WISH_POINTS_RULE = 'wish-fulfilled-auto';

const MAX_WALL = 100;

// ---- who is asking --------------------------------------------------------------------------

export async function viewerOf(ctx: AppContext, actor: Actor): Promise<WishViewer> {
  const person = actor.personId ? await repo.personForWish(ctx.db, actor.personId) : null;
  const place = person?.areaCode ?? actor.scopeCode;
  const home = place.length >= 12 ? place.slice(0, 12) : null;
  let unitArea: string | null = null;
  if (actor.unitId) unitArea = (await repo.unitAreaOf(ctx.db, actor.unitId))?.areaCode ?? null;
  return { actor, home, partyMember: person?.partyMember ?? false, unitArea };
}

// ---- presenting -----------------------------------------------------------------------------

/** A person's name without the account suffix （居民）/（党员）. */
const plainName = (name: string) => name.replace(/（[^）]*）$/, '').trim() || name;

interface Names {
  users: Map<string, string>;
  units: Map<string, string>;
  areas: Map<string, { name: string }>;
}

async function namesFor(ctx: AppContext, rows: repo.WishRow[]): Promise<Names> {
  const [users, units, areas] = await Promise.all([
    repo.userNamesOf(ctx.db, rows.flatMap((r) => [r.claimedByUserId ?? '', r.reviewedBy ?? ''])),
    repo.unitNamesOf(ctx.db, rows.map((r) => r.claimedByUnitId ?? '')),
    areaNames(ctx.db, rows.flatMap((r) => [r.areaCode, r.areaCode.slice(0, 12)])),
  ]);
  return { users, units, areas };
}

function claimerOf(w: repo.WishRow, names: Names, masked: boolean) {
  if (!w.claimedByUserId && !w.claimedByUnitId) return null;
  const unit = w.claimedByUnitId ? (names.units.get(w.claimedByUnitId) ?? null) : null;
  const person = w.claimedByUserId ? plainName(names.users.get(w.claimedByUserId) ?? '') : '';
  return { name: unit ?? (masked ? maskName(person) : person), unit };
}

/** The public view of a wish on the wall: no personal details, the wisher masked (张*). */
export function wallItem(w: repo.WishRow, names: Names) {
  const community = w.areaCode.slice(0, 12);
  return {
    id: w.id,
    state: w.state as WishState,
    stateLabel: WISH_STATE_LABELS[w.state as WishState].zh,
    title: w.title,
    description: w.description,
    wisher: { name: maskName(plainName(w.wisherName)) },
    community: { code: community, name: names.areas.get(community)?.name ?? community },
    claimedBy: claimerOf(w, names, true),
    createdAt: toIsoCst(w.createdAt),
    claimedAt: toIsoCst(w.claimedAt),
    fulfilledAt: toIsoCst(w.fulfilledAt),
  };
}

function summary(v: WishViewer, w: repo.WishRow, names: Names) {
  const details = seesWisherDetails(v, w);
  const mine = w.wisherUserId === v.actor.id || w.createdBy === v.actor.id;
  return {
    ...wallItem(w, names),
    wisher: details || mine ? { name: plainName(w.wisherName) } : { name: maskName(plainName(w.wisherName)) },
    claimedBy: claimerOf(w, names, !details && w.claimedByUserId !== v.actor.id),
    area: { code: w.areaCode, name: details ? (names.areas.get(w.areaCode)?.name ?? w.areaCode) : (names.areas.get(w.areaCode.slice(0, 12))?.name ?? '') },
    mine,
    onBehalf: w.onBehalf,
    confirmedAt: toIsoCst(w.confirmedAt),
    updatedAt: toIsoCst(w.updatedAt),
    allowedActions: wishAllowedActions(v, w),
  };
}

async function present(ctx: AppContext, v: WishViewer, w: repo.WishRow) {
  const [names, events, fileRows] = await Promise.all([namesFor(ctx, [w]), repo.eventsOfWish(ctx.db, w.id), repo.filesOfWish(ctx.db, w.id)]);
  const details = seesWisherDetails(v, w);
  const fileMap = new Map(fileRows.map((f) => [f.id, f]));
  return {
    ...summary(v, w, names),
    fulfilNote: w.fulfilNote,
    closeReason: w.closeReason,
    reviewedAt: toIsoCst(w.reviewedAt),
    attachments: fileRows.map((f) => ({ ...f, url: fileUrl(ctx, f.id) })),
    timeline: events.map((e) => ({
      action: e.action,
      actionLabel: e.action === 'submit' ? '提交心愿' : (WISH_ACTION_LABELS[e.action as WishAction]?.zh ?? e.action),
      fromState: e.fromState,
      toState: e.toState,
      // The wisher's own entries are masked for others; staff and helpers are shown by name.
      actor: details || e.actorId === v.actor.id || e.action !== 'submit' ? e.actorName : maskName(e.actorName),
      actorUnit: e.actorUnit,
      at: toIsoCst(e.at),
      note: e.note ?? undefined,
      attachments: ((e.attachments as string[] | null) ?? []).map((id) => ({ id, name: fileMap.get(id)?.name ?? '附件', url: fileUrl(ctx, id) })),
      // Points the confirmation posted for the fulfiller (shown on the timeline).
      points: pointsOf(e.detail),
    })),
  };
}

function pointsOf(detail: unknown): number | null {
  const p = (detail as { points?: { status?: string; points?: number } } | null)?.points;
  return p?.status === 'posted' && typeof p.points === 'number' ? p.points : null;
}

// ---- reading --------------------------------------------------------------------------------

export async function getWish(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const w = await repo.findWish(ctx.db, wishScopeOf(v), id);
  if (!w) throw notFound('微心愿');
  return present(ctx, v, w);
}

export interface WishListQuery {
  state?: string;
  area?: string;
  /** `mine`: wishes the caller posted or is the wisher of; `claimed`: wishes the caller claimed. */
  relation?: 'mine' | 'claimed';
  page: number;
  pageSize: number;
}

export async function listWishes(ctx: AppContext, actor: Actor, q: WishListQuery) {
  const v = await viewerOf(ctx, actor);
  const states = q.state ? q.state.split(',').filter(Boolean) : undefined;
  const { total, rows } = await repo.listWishes(ctx.db, wishScopeOf(v), { states, area: q.area, relation: q.relation ? { kind: q.relation, userId: actor.id } : undefined, page: q.page, pageSize: q.pageSize });
  const names = await namesFor(ctx, rows);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((w) => summary(v, w, names)) };
}

/** The public wish wall (心愿墙) of an area: no login, wishers masked, only published/claimed/fulfilled. */
export async function wishWall(ctx: AppContext, area: string) {
  if (!isAreaCode(area) || area.length < 9) throw invalid('invalid_area', '区域（area）应为镇（街道）、村（社区）或网格的区划代码', { field: 'area' });
  const found = await areaNames(ctx.db, [area]);
  if (!found.has(area)) throw notFound('区域');
  const rows = await repo.wallOf(ctx.db, area, WALL_STATES, MAX_WALL);
  const names = await namesFor(ctx, rows);
  return { area: { code: area, name: found.get(area)!.name }, total: rows.length, items: rows.map((w) => wallItem(w, names)) };
}

// ---- posting --------------------------------------------------------------------------------

export interface WishInput {
  title: string;
  description: string;
  forPersonId?: string;
}

export async function createWish(ctx: AppContext, actor: Actor, input: WishInput, req: RequestContext, opts: { idempotencyKey?: string } = {}) {
  let wisher: { userId: string | null; personId: string | null; name: string; areaCode: string; onBehalf: boolean };
  if (input.forPersonId) {
    if (!hasAnyRole(actor, WISH_PROXIES)) throw forbidden('只有网格员、楼栋长和社区工作者可以代居民提交微心愿', 'proxy_not_allowed');
    const person = await repo.personForWish(ctx.db, input.forPersonId);
    if (!person || !isWithinScope(person.areaCode, actor.scopeCode)) throw notFound('居民（forPersonId）');
    const account = await repo.userOfPerson(ctx.db, person.id);
    wisher = { userId: account?.id ?? null, personId: person.id, name: person.name, areaCode: person.areaCode, onBehalf: true };
  } else {
    const person = actor.personId ? await repo.personForWish(ctx.db, actor.personId) : null;
    wisher = { userId: actor.id, personId: person?.id ?? null, name: person?.name ?? plainName(actor.displayName), areaCode: person?.areaCode ?? actor.scopeCode, onBehalf: false };
  }
  if (wisher.areaCode.length < 12) {
    throw invalid('no_community', '无法确定心愿所属的村（社区）：请由居住地所在社区的账号提交，或由网格员代为提交（forPersonId）', { field: 'forPersonId' });
  }
  const result = await withIdempotency(ctx, `wishes:${actor.id}`, opts.idempotencyKey, async (tx) => {
    const w = await repo.insertWish(tx, {
      state: 'submitted',
      title: input.title,
      description: input.description,
      areaCode: wisher.areaCode,
      wisherUserId: wisher.userId,
      wisherPersonId: wisher.personId,
      wisherName: wisher.name,
      createdBy: actor.id,
      onBehalf: wisher.onBehalf,
    });
    await repo.insertWishEvent(tx, {
      wishId: w.id,
      action: 'submit',
      fromState: null,
      toState: 'submitted',
      actorId: actor.id,
      actorName: plainName(actor.displayName),
      note: wisher.onBehalf ? `代${maskName(wisher.name)}提交` : null,
    });
    await audit(tx, { actor }, req, { action: 'wish.create', entityType: 'wish', entityId: w.id, areaCode: w.areaCode, detail: { onBehalf: wisher.onBehalf } });
    return { status: 201, body: { id: w.id, state: w.state } };
  });
  return result;
}

// ---- actions --------------------------------------------------------------------------------

export interface WishActionBody {
  reason?: string;
  note?: string;
  attachments?: string[];
}

const FIELD_LABELS: Record<string, string> = { reason: '原因（reason）', note: '说明（note）' };

export async function act(ctx: AppContext, actor: Actor, id: string, action: WishAction, body: WishActionBody, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  const visible = await repo.findWish(ctx.db, wishScopeOf(v, { forAction: true }), id);
  if (!visible) throw notFound('微心愿');
  const row = await ctx.db.transaction(async (tx) => {
    const w = await repo.lockWish(tx, id);
    if (!w) throw notFound('微心愿');
    return applyWishAction(ctx, tx, v, w, action, body, req);
  });
  return present(ctx, v, row);
}

/** The one way in for every change of a wish: decide, change, timeline, audit (and points) in `tx`. */
export async function applyWishAction(ctx: AppContext, tx: Tx, v: WishViewer, w: repo.WishRow, action: WishAction, body: WishActionBody, req: RequestContext): Promise<repo.WishRow> {
  const actor = v.actor;
  const decision = decideWish(w.state as WishState, action, wishRelations(v, w));
  for (const field of WISH_REQUIRED_FIELDS[action] ?? []) {
    const value = body[field];
    if (value === undefined || value.trim() === '') {
      throw invalid('missing_field', `“${WISH_ACTION_LABELS[action].zh}”需要填写${FIELD_LABELS[field]}`, { field });
    }
  }
  const attachments = [...new Set(body.attachments ?? [])];
  if (attachments.length && action !== 'fulfil') throw invalid('unexpected_field', '只有“完成心愿”可以上传照片（attachments）', { field: 'attachments' });
  const now = new Date();
  const patch: Partial<repo.NewWishRow> = { state: decision.to };
  const detail: Record<string, unknown> = {};
  let actorUnit: string | null = null;
  switch (action) {
    case 'approve':
    case 'reject':
      patch.reviewedBy = actor.id;
      patch.reviewedAt = now;
      if (action === 'reject') patch.closeReason = body.reason!;
      break;
    case 'claim':
      patch.claimedByUserId = actor.id;
      patch.claimedAt = now;
      if (isUnitClaimer(v)) {
        patch.claimedByUnitId = actor.unitId;
        actorUnit = (await repo.unitNamesOf(tx, [actor.unitId!])).get(actor.unitId!) ?? null;
      }
      break;
    case 'fulfil': {
      const meta = await repo.attachableFiles(tx, attachments);
      if (attachments.length > 9) throw invalid('too_many_files', '最多上传 9 张照片', { field: 'attachments' });
      for (const fid of attachments) {
        const f = meta.find((m) => m.id === fid);
        if (!f || f.caseId || f.wishId) throw invalid('invalid_attachment', `附件 ${fid} 不存在或已被使用`, { field: 'attachments' });
        if (f.uploaderId !== actor.id) throw invalid('invalid_attachment', `附件 ${fid} 不是您上传的`, { field: 'attachments' });
      }
      if (!(await repo.attachWishFiles(tx, w.id, attachments))) throw invalid('invalid_attachment', '附件已被使用', { field: 'attachments' });
      patch.fulfilledAt = now;
      patch.fulfilNote = body.note!;
      break;
    }
    case 'confirm': {
      patch.confirmedAt = now;
      // The fulfiller earns vanguard points, exactly once per wish (the award's unique reference).
      const events = await repo.eventsOfWish(tx, w.id);
      const fulfiller = [...events].reverse().find((e) => e.action === 'fulfil')?.actorId ?? w.claimedByUserId;
      if (fulfiller) {
        const award = await awardAutomatically(tx, { ruleCode: WISH_POINTS_RULE, userId: fulfiller, refType: 'wish', refId: w.id, authorisedBy: actor.id, note: `微心愿“${w.title.slice(0, 40)}”经心愿人确认完成` });
        detail.points = award;
      }
      break;
    }
    case 'cancel':
      patch.closeReason = body.reason!;
      break;
  }
  const updated = await repo.updateWish(tx, w.id, patch);
  await repo.insertWishEvent(tx, {
    wishId: w.id,
    action,
    fromState: decision.from,
    toState: decision.to,
    actorId: actor.id,
    actorName: plainName(actor.displayName),
    actorUnit,
    at: now,
    note: body.note ?? body.reason ?? null,
    attachments: attachments.length ? attachments : null,
    detail: Object.keys(detail).length ? detail : null,
  });
  await audit(tx, { actor }, req, {
    action: `wish.${action}`,
    entityType: 'wish',
    entityId: w.id,
    areaCode: w.areaCode,
    detail: { from: decision.from, to: decision.to, ...detail },
  });
  return updated;
}

