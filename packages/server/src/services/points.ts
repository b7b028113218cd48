import crypto from 'node:crypto';
import QRCode from 'qrcode';
import {
  applyMultiplier,
  AWARD_STATE_LABELS,
  canDebit,
  checkLedger,
  CODE_LENGTH,
  conflict,
  decideAward,
  decideRedemption,
  forbidden,
  formatShortCode,
  normaliseShortCode,
  SHORT_CODE_LENGTH,
  shortCodeFrom,
  insufficientPoints,
  invalid,
  isEligible,
  isRole,
  isWithinScope,
  ITEM_KIND_LABELS,
  limitProblem,
  limitsProblem,
  maskName,
  monthRange,
  notFound,
  periodsOf,
  POINT_SCHEMES,
  rankLeaderboard,
  REDEMPTION_STATE_LABELS,
  SCHEMES,
  STAR_RULES,
  starLabel,
  starLevel,
  toNextStar,
  TRANSFER_KIND_LABELS,
  type AccountKind,
  type AwardAction,
  type AwardState,
  type ItemKind,
  type LedgerReport,
  type PointScheme,
  type RedemptionState,
  type TransferKind,
  type Role,
} from '@gongzhi/domain';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { hasAnyRole } from '../policies/actor.ts';
import * as policy from '../policies/points.ts';
import * as repo from '../repositories/points.ts';
import { findUnit } from '../repositories/users.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';

const SYSTEM_REQ: RequestContext = { ip: null, userAgent: null };
/** How long the code a resident's phone shows stays valid (the phone refreshes it). */
export const CODE_TTL_SECONDS = 300;

const schemeName = (s: string) => SCHEMES[s as PointScheme]?.zh ?? s;
const unitOf = (s: string) => SCHEMES[s as PointScheme]?.unit ?? '分';
/** The name a resident is shown under in public lists: the role suffix dropped, the given name masked. */
const publicName = (name: string) => maskName(name.replace(/（[^）]*）$/, ''));

// ---- holders and accounts ---------------------------------------------------------------------------

interface Holder {
  kind: 'person' | 'household';
  id: string;
  areaCode: string;
  name: string;
}

/** The account an award of this scheme credits, or a redemption of it debits: the person's or their household's. */
function holderFor(info: repo.HolderInfo, scheme: PointScheme): Holder | null {
  if (SCHEMES[scheme].holder === 'household') {
    if (!info.householdId) return null;
    const surname = Array.from(info.personName ?? info.displayName)[0] ?? '';
    return { kind: 'household', id: info.householdId, areaCode: info.householdArea ?? info.personArea ?? info.scopeCode, name: `${surname}家（${info.doorplate ?? '住户'}）` };
  }
  return { kind: 'person', id: info.userId, areaCode: info.personArea ?? info.scopeCode, name: info.displayName };
}

/** The issuing pool of a scheme serves the community (village) the holder lives in. */
const poolAreaOf = (areaCode: string) => areaCode.slice(0, Math.min(CODE_LENGTH.village, areaCode.length));

async function ensurePool(tx: DbOrTx, scheme: string, areaCode: string): Promise<string> {
  const code = poolAreaOf(areaCode);
  const name = (await areaNames(tx, [code])).get(code)?.name ?? code;
  return repo.ensureAccount(tx, { scheme, kind: 'pool', ownerId: code, areaCode: code, name: `${name}${schemeName(scheme)}发放池` });
}

const ensureHolder = (tx: DbOrTx, scheme: string, h: Holder) => repo.ensureAccount(tx, { scheme, kind: h.kind, ownerId: h.id, areaCode: h.areaCode, name: h.name });

const ensureHold = (tx: DbOrTx, scheme: string, h: Holder) =>
  repo.ensureAccount(tx, { scheme, kind: 'hold', ownerId: h.id, areaCode: h.areaCode, name: `${h.name}（兑换冻结）` });

// ---- schemes, factors ------------------------------------------------------------------------------

export async function listSchemes(ctx: AppContext) {
  const factors = await repo.listFactors(ctx.db);
  return {
    items: POINT_SCHEMES.map((s) => ({
      code: s,
      name: SCHEMES[s].zh,
      nameEn: SCHEMES[s].en,
      unit: SCHEMES[s].unit,
      holder: SCHEMES[s].holder,
      multiplier: SCHEMES[s].multiplier,
      stars: { thresholds: [...STAR_RULES[s].thresholds], basis: STAR_RULES[s].basis, note: STAR_RULES[s].note },
    })),
    factors: factors.map(factorDto),
  };
}

const factorDto = (f: repo.FactorRow) => ({ code: f.code, name: f.name, percent: f.percent, factor: f.percent / 100, active: f.active });

export async function listFactors(ctx: AppContext, actor: Actor) {
  const rows = await repo.listFactors(ctx.db);
  return { items: rows.map((f) => ({ ...factorDto(f), allowedActions: policy.canEditFactors(actor) ? ['edit'] : [] })) };
}

export async function saveFactor(ctx: AppContext, actor: Actor, code: string, input: { name: string; percent: number; active?: boolean }, req: RequestContext) {
  if (!policy.canEditFactors(actor)) throw forbidden('只有系统管理员可以设置计分系数');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.upsertFactor(tx, { code, name: input.name, percent: input.percent, active: input.active ?? true });
    await audit(tx, { actor }, req, { action: 'points.factor.save', entityType: 'points_factor', entityId: code, detail: { percent: input.percent, active: row.active } });
    return factorDto(row);
  });
}

// ---- my points --------------------------------------------------------------------------------------

export async function myPoints(ctx: AppContext, actor: Actor) {
  const info = await repo.holderById(ctx.db, actor.id);
  if (!info) throw notFound('账号');
  const owners = [actor.id, info.householdId ?? '', actor.unitId ?? ''];
  const accounts = await repo.accountsOfOwners(ctx.db, owners);
  const year = periodsOf(new Date());
  const yr = monthRange(`${year.monthKey.slice(0, 4)}-01`)!;
  const earned = await repo.earningsOfHolders(ctx.db, [actor.id, info.householdId ?? ''].filter(Boolean), { from: yr.yearFrom, to: yr.yearTo });
  const facts = { roles: actor.roles, partyMember: info.partyMember, hasHousehold: !!info.householdId };
  const schemes = POINT_SCHEMES.filter((s) => isEligible(s, facts) || accounts.some((a) => a.scheme === s && (a.kind === 'person' || a.kind === 'household')));
  const mine = (s: PointScheme, kind: AccountKind) => {
    const h = holderFor(info, s);
    return h ? accounts.find((a) => a.scheme === s && a.kind === kind && a.ownerId === h.id) : undefined;
  };
  const canPropose = POINT_SCHEMES.some((s) => hasAnyRole(actor, SCHEMES[s].defaultProposers));
  const canApprove = POINT_SCHEMES.some((s) => hasAnyRole(actor, SCHEMES[s].defaultApprovers));
  return {
    accounts: schemes.map((s) => {
      const main = mine(s, SCHEMES[s].holder);
      const hold = mine(s, 'hold');
      const e = earned.find((x) => x.scheme === s);
      const basisEarned = STAR_RULES[s].basis === 'year' ? (e?.year ?? 0) : (e?.lifetime ?? 0);
      return {
        scheme: s,
        schemeName: SCHEMES[s].zh,
        unit: SCHEMES[s].unit,
        holder: SCHEMES[s].holder,
        accountId: main?.id ?? null,
        balance: main?.balance ?? 0,
        held: hold?.balance ?? 0,
        earnedThisYear: e?.year ?? 0,
        earnedTotal: e?.lifetime ?? 0,
        stars: starLevel(s, basisEarned),
        toNextStar: toNextStar(s, basisEarned),
      };
    }),
    merchantAccounts: accounts
      .filter((a) => a.kind === 'merchant' && a.ownerId === actor.unitId)
      
      .map((a) => ({ scheme: a.scheme as PointScheme, schemeName: schemeName(a.scheme), accountId: a.id, name: a.name, balance: a.balance })),
    abilities: policy.pointsAbilities(actor, { canPropose, canApprove }),
  };
}

// ---- the resident's code ----------------------------------------------------------------------------

function codeKey(ctx: AppContext): Buffer {
  return Buffer.from(ctx.cipher.lookupHash('gongzhi/points-code-signing'), 'hex');
}

function codeSignature(ctx: AppContext, payload: string): string {
  return crypto.createHmac('sha256', codeKey(ctx)).update(payload).digest().subarray(0, 12).toString('base64url');
}

/**
 * A short-lived signed code the resident's phone shows and the merchant scans:
 * `GZP1.<user id>.<expiry, base36 seconds>.<HMAC-SHA256, 96 bits>`. Nothing is stored.
 */
export async function myCode(ctx: AppContext, actor: Actor) {
  const exp = Math.floor(Date.now() / 1000) + CODE_TTL_SECONDS;
  const payload = `GZP1.${Buffer.from(actor.id.replace(/-/g, ''), 'hex').toString('base64url')}.${exp.toString(36)}`;
  const code = `${payload}.${codeSignature(ctx, payload)}`;
  const svg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { code, expiresAt: toIsoCst(new Date(exp * 1000)), ttlSeconds: CODE_TTL_SECONDS, svg };
}

/** The user id a code stands for; 400 when it is forged, malformed or expired. */
export function verifyCode(ctx: AppContext, code: string): string {
  const m = /^(GZP1\.([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10}))\.([A-Za-z0-9_-]{16})$/.exec(code.trim());
  if (!m) throw invalid('invalid_code', '兑换码格式不正确，请让居民刷新后重新出示', { field: 'code' });
  const expected = Buffer.from(codeSignature(ctx, m[1]!), 'base64url');
  const given = Buffer.from(m[4]!, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw invalid('invalid_code', '兑换码无效', { field: 'code' });
  if (parseInt(m[3]!, 36) < Date.now() / 1000) throw invalid('code_expired', '兑换码已过期，请让居民刷新后重新出示', { field: 'code' });
  const hex = Buffer.from(m[2]!, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- rules --------------------------------------------------------------------------------------------

function ruleDto(actor: Actor, r: repo.RuleRow, names?: Map<string, { name: string }>) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    scheme: r.scheme as PointScheme,
    schemeName: schemeName(r.scheme),
    points: r.points,
    maxPoints: r.maxPoints,
    areaCode: r.areaCode,
    areaName: names?.get(r.areaCode)?.name ?? null,
    dailyLimit: r.dailyLimit,
    monthlyLimit: r.monthlyLimit,
    proposerRoles: r.proposerRoles,
    approverRoles: r.approverRoles,
    auto: r.auto,
    basis: r.basis,
    active: r.active,
    allowedActions: policy.ruleAllowedActions(actor, r),
  };
}

function checkArea(actor: Actor, area: string | undefined, opts: { allowAbove: boolean }): string {
  const code = area ?? actor.scopeCode;
  const ok = policy.inScope(actor, code) || (opts.allowAbove && isWithinScope(actor.scopeCode, code));
  if (!ok) throw notFound('区域');
  return code;
}

export async function listRules(ctx: AppContext, actor: Actor, q: { scheme?: PointScheme; area?: string; all?: boolean }) {
  const area = checkArea(actor, q.area, { allowAbove: true });
  const manage = q.all && policy.canEditRulesIn(actor, actor.scopeCode);
  const rows = manage ? await repo.rulesAround(ctx.db, area, q.scheme) : await repo.effectiveRules(ctx.db, area, { scheme: q.scheme });
  const names = await areaNames(ctx.db, [...new Set(rows.map((r) => r.areaCode))]);
  return { area, items: rows.map((r) => ruleDto(actor, r, names)) };
}

export interface RuleInput {
  code: string;
  name: string;
  scheme: PointScheme;
  points: number;
  maxPoints?: number;
  areaCode?: string;
  dailyLimit?: number | null;
  monthlyLimit?: number | null;
  proposerRoles?: Role[];
  approverRoles?: Role[];
  auto?: boolean;
  basis?: string | null;
  active?: boolean;
  sort?: number;
}

function checkRuleShape(r: { points: number; maxPoints: number; dailyLimit: number | null; monthlyLimit: number | null; proposerRoles: string[]; approverRoles: string[] }) {
  if (r.maxPoints < r.points) throw invalid('invalid_max_points', '单次最高分值（maxPoints）不能小于标准分值（points）', { field: 'maxPoints' });
  const problem = limitsProblem(r);
  if (problem) throw invalid('invalid_limits', problem, { field: 'dailyLimit' });
  if (r.dailyLimit != null && r.dailyLimit < r.points) throw invalid('invalid_limits', '每日上限不能小于标准分值', { field: 'dailyLimit' });
  if (r.approverRoles.length === 0) throw invalid('invalid_roles', '至少指定一个审核角色（approverRoles）', { field: 'approverRoles' });
  for (const role of [...r.proposerRoles, ...r.approverRoles]) {
    if (!isRole(role)) throw invalid('invalid_roles', `未知的角色：${role.slice(0, 30)}`, { field: 'approverRoles' });
  }
}

export async function createRule(ctx: AppContext, actor: Actor, input: RuleInput, req: RequestContext, idempotencyKey?: string) {
  const areaCode = input.areaCode ?? actor.scopeCode;
  if (!policy.canEditRulesIn(actor, areaCode)) throw forbidden('只能在您管辖的区域内设置积分规则');
  if (!(await areaNames(ctx.db, [areaCode])).has(areaCode)) throw invalid('invalid_area_code', `区域 ${areaCode} 不存在`, { field: 'areaCode' });
  const info = SCHEMES[input.scheme];
  const row = {
    code: input.code,
    name: input.name,
    scheme: input.scheme,
    points: input.points,
    maxPoints: input.maxPoints ?? input.points,
    areaCode,
    dailyLimit: input.dailyLimit ?? null,
    monthlyLimit: input.monthlyLimit ?? null,
    proposerRoles: input.proposerRoles ?? [...info.defaultProposers],
    approverRoles: input.approverRoles ?? [...info.defaultApprovers],
    auto: input.auto ?? false,
    basis: input.basis ?? null,
    active: input.active ?? true,
    sort: input.sort ?? 100,
    createdBy: actor.id,
  };
  checkRuleShape(row);
  return withIdempotency(ctx, `u:${actor.id}:points-rule`, idempotencyKey, async (tx) => {
    const created = await repo.insertRule(tx, row);
    if (!created) throw conflict('rule_exists', `该区域已有编码为 ${input.code} 的积分规则`);
    await audit(tx, { actor }, req, { action: 'points.rule.create', entityType: 'points_rule', entityId: created.id, areaCode, detail: { code: created.code, points: created.points } });
    return { status: 201, body: ruleDto(actor, created) };
  });
}

export async function updateRule(ctx: AppContext, actor: Actor, id: string, patch: Partial<Omit<RuleInput, 'code' | 'scheme' | 'areaCode'>>, req: RequestContext) {
  const rule = await repo.findRule(ctx.db, id);
  if (!rule || !(policy.inScope(actor, rule.areaCode) || isWithinScope(actor.scopeCode, rule.areaCode))) throw notFound('积分规则');
  if (!policy.canEditRulesIn(actor, rule.areaCode)) throw forbidden('只能修改您管辖区域内的积分规则；上级规则可在本区域新建同编码规则覆盖');
  const next = {
    name: patch.name ?? rule.name,
    points: patch.points ?? rule.points,
    maxPoints: patch.maxPoints ?? (patch.points !== undefined && patch.points > rule.maxPoints ? patch.points : rule.maxPoints),
    dailyLimit: patch.dailyLimit === undefined ? rule.dailyLimit : patch.dailyLimit,
    monthlyLimit: patch.monthlyLimit === undefined ? rule.monthlyLimit : patch.monthlyLimit,
    proposerRoles: patch.proposerRoles ?? rule.proposerRoles,
    approverRoles: patch.approverRoles ?? rule.approverRoles,
    auto: patch.auto ?? rule.auto,
    basis: patch.basis === undefined ? rule.basis : patch.basis,
    active: patch.active ?? rule.active,
    sort: patch.sort ?? rule.sort,
  };
  checkRuleShape(next);
  return ctx.db.transaction(async (tx) => {
    const updated = (await repo.updateRule(tx, id, next))!;
    await audit(tx, { actor }, req, { action: 'points.rule.update', entityType: 'points_rule', entityId: id, areaCode: rule.areaCode, detail: { code: rule.code, changed: Object.keys(patch) } });
    return ruleDto(actor, updated);
  });
}

// ---- awards ---------------------------------------------------------------------------------------------

async function presentAwards(db: DbOrTx, actor: Actor, rows: repo.AwardRow[]) {
  const [users, rules, factors, me] = await Promise.all([
    repo.userNames(db, rows.flatMap((a) => [a.recipientUserId, a.proposedBy ?? '', a.decidedBy ?? '', a.reversedBy ?? ''])),
    repo.ruleNames(db, rows.map((a) => a.ruleId)),
    repo.listFactors(db),
    repo.holderById(db, actor.id),
  ]);
  const staff = policy.isPointsStaff(actor);
  return rows.map((a) => ({
    id: a.id,
    state: a.state as AwardState,
    stateLabel: AWARD_STATE_LABELS[a.state as keyof typeof AWARD_STATE_LABELS] ?? a.state,
    scheme: a.scheme as PointScheme,
    schemeName: schemeName(a.scheme),
    ruleCode: a.ruleCode,
    ruleName: rules.get(a.ruleId) ?? a.ruleCode,
    recipient: { id: a.recipientUserId, name: users.get(a.recipientUserId) ?? '' },
    holder: a.holderKind as 'person' | 'household',
    areaCode: a.areaCode,
    basePoints: a.basePoints,
    factors: a.factors.map((code) => {
      const f = factors.find((x) => x.code === code);
      return { code, name: f?.name ?? code, factor: f ? f.percent / 100 : null };
    }),
    multiplier: a.multiplierPercent / 100,
    points: a.points,
    note: a.note,
    automatic: a.proposedBy === null,
    ref: a.refType ? { type: a.refType, id: a.refId } : null,
    proposedBy: a.proposedBy ? { id: a.proposedBy, name: users.get(a.proposedBy) ?? '' } : null,
    decidedBy: a.decidedBy ? { id: a.decidedBy, name: users.get(a.decidedBy) ?? '' } : null,
    decidedAt: toIsoCst(a.decidedAt),
    decisionNote: a.decisionNote,
    reversedBy: a.reversedBy ? { id: a.reversedBy, name: users.get(a.reversedBy) ?? '' } : null,
    reversedAt: toIsoCst(a.reversedAt),
    reverseReason: a.reverseReason,
    transferId: staff || a.recipientUserId === actor.id ? a.transferId : undefined,
    createdAt: toIsoCst(a.createdAt),
    allowedActions: policy.awardAllowedActions(actor, a, me?.householdId ?? null),
  }));
}

export interface AwardInput {
  username: string;
  scheme: PointScheme;
  ruleCode: string;
  points?: number;
  factors?: string[];
  note: string;
}

async function resolveRecipient(db: DbOrTx, actor: Actor | null, username: string, scheme: PointScheme) {
  const info = await repo.holderByUsername(db, username);
  const holder = info && info.active ? holderFor(info, scheme) : null;
  const area = info ? (holder?.areaCode ?? info.personArea ?? info.scopeCode) : null;
  if (!info || !info.active || (actor && !policy.inScope(actor, area!))) throw notFound(`用户 ${username.slice(0, 64)}`);
  if (!isEligible(scheme, { roles: info.roles, partyMember: info.partyMember, hasHousehold: !!info.householdId }) || !holder) {
    const why = SCHEMES[scheme].holder === 'household' ? '未登记所在家庭' : `不属于${schemeName(scheme)}的积分对象`;
    throw invalid('not_eligible', `用户 ${username} ${why}`, { field: 'username' });
  }
  return { info, holder };
}

async function usageOf(db: DbOrTx, holderId: string, ruleCode: string, at: Date, states: string[], excludeId?: string) {
  const p = periodsOf(at);
  return repo.ruleUsage(db, { holderId, ruleCode, states, day: p.day, month: p.month, excludeId });
}

/** A manual award: proposed here, posted only when a second person approves it. */
export async function proposeAward(ctx: AppContext, actor: Actor, input: AwardInput, req: RequestContext, idempotencyKey?: string) {
  let created: repo.AwardRow | null = null;
  // Everything runs inside the idempotent transaction, so a repeated key returns the first
  // result even when the first proposal has since used up the rule's limit.
  const result = await withIdempotency(ctx, `u:${actor.id}:points-award`, idempotencyKey, async (tx) => {
    const { info, holder } = await resolveRecipient(tx, actor, input.username, input.scheme);
    if (info.userId === actor.id || (holder.kind === 'household' && actor.personId && (await repo.holderById(tx, actor.id))?.householdId === holder.id)) {
      throw forbidden('不能为自己或本家庭申报积分', 'self_award');
    }
    const rule = await repo.ruleFor(tx, input.ruleCode, holder.areaCode);
    if (!rule || !rule.active) throw invalid('invalid_rule', `积分规则 ${input.ruleCode.slice(0, 40)} 不存在或未启用`, { field: 'ruleCode' });
    if (rule.scheme !== input.scheme) throw invalid('scheme_mismatch', `规则“${rule.name}”属于${schemeName(rule.scheme)}，与 scheme 不符`, { field: 'scheme' });
    if (rule.auto) throw invalid('automatic_rule', `规则“${rule.name}”由系统根据核实的事件自动计分，不能手工申报`, { field: 'ruleCode' });
    if (!policy.canProposeAward(actor, rule, holder.areaCode)) throw forbidden(`您的角色不能申报“${rule.name}”积分`);
    const base = input.points ?? rule.points;
    if (base > rule.maxPoints) throw invalid('points_out_of_range', `“${rule.name}”单次最多 ${rule.maxPoints} 分（points）`, { field: 'points' });
    const codes = input.factors ?? [];
    if (codes.length && !SCHEMES[input.scheme].multiplier) throw invalid('invalid_factor', `${schemeName(input.scheme)}不适用乘数计分（factors）`, { field: 'factors' });
    const m = applyMultiplier(base, codes, await repo.listFactors(tx, true));
    const limit = limitProblem(rule, await usageOf(tx, holder.id, rule.code, new Date(), ['pending', 'approved']), base);
    if (limit) throw limit;
    created = await repo.insertAward(tx, {
      scheme: input.scheme,
      ruleId: rule.id,
      ruleCode: rule.code,
      recipientUserId: info.userId,
      holderKind: holder.kind,
      holderId: holder.id,
      areaCode: holder.areaCode,
      basePoints: base,
      factors: codes,
      multiplierPercent: m.multiplierPercent,
      points: m.points,
      note: input.note,
      state: 'pending',
      approverRoles: rule.approverRoles,
      proposedBy: actor.id,
    });
    if (!created) throw conflict('duplicate_award', '该积分已申报');
    await audit(tx, { actor }, req, {
      action: 'points.award.propose',
      entityType: 'points_award',
      entityId: created.id,
      areaCode: holder.areaCode,
      detail: { rule: rule.code, recipient: info.username, points: m.points },
    });
    return { status: 201, body: { id: created.id, state: created.state } };
  });
  const row = created ?? (await repo.findAward(ctx.db, (result.body as { id: string }).id));
  const [dto] = await presentAwards(ctx.db, actor, [row!]);
  return { status: result.status, body: dto! };
}

/**
 * Posts an award: pool → holder, in `tx`, exactly once (the transfer's unique reference is the
 * award). Locks both accounts in id order, then re-checks the rule's limits under the lock.
 */
async function postAward(tx: Tx, award: repo.AwardRow, rule: Pick<repo.RuleRow, 'name' | 'dailyLimit' | 'monthlyLimit'>, authorisedBy: string | null, opts: { at?: Date; checkLimits: boolean }) {
  const info = await repo.holderById(tx, award.recipientUserId);
  const holder = info ? holderFor(info, award.scheme as PointScheme) : null;
  const h: Holder = holder && holder.id === award.holderId ? holder : { kind: award.holderKind as Holder['kind'], id: award.holderId, areaCode: award.areaCode, name: info?.displayName ?? award.holderId };
  const poolId = await ensurePool(tx, award.scheme, award.areaCode);
  const holderId = await ensureHolder(tx, award.scheme, h);
  await repo.lockAccounts(tx, [poolId, holderId]);
  if (opts.checkLimits) {
    const limit = limitProblem(rule, await usageOf(tx, award.holderId, award.ruleCode, award.createdAt, ['approved'], award.id), award.basePoints);
    if (limit) throw limit;
  }
  const transfer = await repo.postTransfer(tx, {
    scheme: award.scheme,
    debitAccountId: poolId,
    creditAccountId: holderId,
    amount: award.points,
    kind: 'award',
    refType: 'award',
    refId: award.id,
    authorisedBy,
    note: `${rule.name}${award.note ? `：${award.note}` : ''}`,
    createdAt: opts.at,
  });
  return repo.updateAward(tx, award.id, { state: 'approved', decidedBy: authorisedBy, decidedAt: opts.at ?? new Date(), transferId: transfer.id });
}

async function loadAwardFor(ctx: AppContext, actor: Actor, id: string) {
  const a = await repo.findAward(ctx.db, id);
  if (!a || !policy.canSeeAward(actor, a)) throw notFound('积分记录');
  return a;
}

export async function actOnAward(ctx: AppContext, actor: Actor, id: string, action: AwardAction, body: { reason?: string }, req: RequestContext) {
  await loadAwardFor(ctx, actor, id);
  if ((action === 'reject' || action === 'reverse') && !body.reason?.trim()) {
    throw invalid('missing_field', `${action === 'reject' ? '驳回' : '冲正'}需要填写原因（reason）`, { field: 'reason' });
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const a = await repo.lockAward(tx, id);
    if (!a) throw notFound('积分记录');
    const me = await repo.holderById(tx, actor.id);
    const decision = decideAward(a.state as 'pending', action, policy.awardRelations(actor, a, me?.householdId ?? null));
    let row: repo.AwardRow;
    if (action === 'approve') {
      const rule = await repo.findRule(tx, a.ruleId);
      row = await postAward(tx, a, rule!, actor.id, { checkLimits: true });
    } else if (action === 'reject') {
      row = await repo.updateAward(tx, a.id, { state: decision.to, decidedBy: actor.id, decidedAt: new Date(), decisionNote: body.reason! });
    } else {
      row = await reverseAward(tx, a, actor.id, body.reason!);
    }
    await audit(tx, { actor }, req, {
      action: `points.award.${action}`,
      entityType: 'points_award',
      entityId: a.id,
      areaCode: a.areaCode,
      detail: { from: a.state, to: row.state, points: a.points, reason: body.reason },
    });
    return row;
  });
  const [dto] = await presentAwards(ctx.db, actor, [updated]);
  return dto!;
}

/** Undoes a posted award with a reversing transfer (holder → pool) that names the original. */
async function reverseAward(tx: Tx, a: repo.AwardRow, by: string, reason: string) {
  const original = await repo.findTransfer(tx, a.transferId!);
  if (!original) throw conflict('invalid_state', '找不到该积分的入账流水');
  const locked = await repo.lockAccounts(tx, [original.debitAccountId, original.creditAccountId]);
  const holderAcc = locked.get(original.creditAccountId)!;
  if (!canDebit(holderAcc.kind as AccountKind, holderAcc.balance, a.points)) {
    throw conflict('insufficient_points', `积分已被使用，余额 ${holderAcc.balance} 不足以冲正 ${a.points} 分`);
  }
  const reversal = await repo.postTransfer(tx, {
    scheme: a.scheme,
    debitAccountId: original.creditAccountId,
    creditAccountId: original.debitAccountId,
    amount: original.amount,
    kind: 'reversal',
    refType: 'award',
    refId: a.id,
    reversesId: original.id,
    authorisedBy: by,
    note: `冲正：${reason}`,
  });
  return repo.updateAward(tx, a.id, { state: 'reversed', reversedBy: by, reversedAt: new Date(), reverseReason: reason, reversalTransferId: reversal.id });
}

export async function getAward(ctx: AppContext, actor: Actor, id: string) {
  const a = await loadAwardFor(ctx, actor, id);
  const [dto] = await presentAwards(ctx.db, actor, [a]);
  return dto!;
}

export interface AwardListQuery {
  box?: 'approve' | 'mine' | 'proposed' | 'all';
  state?: string;
  scheme?: PointScheme;
  page: number;
  pageSize: number;
}

export async function listAwards(ctx: AppContext, actor: Actor, q: AwardListQuery) {
  const box = q.box ?? (policy.isPointsStaff(actor) ? 'all' : 'mine');
  const states = q.state ? q.state.split(',').filter(Boolean) : undefined;
  const base = { scheme: q.scheme, page: q.page, pageSize: q.pageSize, states };
  let filter: repo.AwardFilter;
  switch (box) {
    case 'mine':
      filter = { ...base, recipientUserId: actor.id };
      break;
    case 'proposed':
      filter = { ...base, proposedBy: actor.id };
      break;
    case 'approve':
      filter = { ...base, scopeCode: actor.scopeCode, approverRoles: actor.roles, notUserId: actor.id, states: states ?? ['pending'] };
      break;
    case 'all':
      if (!policy.isPointsStaff(actor)) throw forbidden('只有工作人员可以查看辖区内的积分记录');
      filter = { ...base, scopeCode: actor.scopeCode };
      break;
  }
  const res = await repo.listAwards(ctx.db, filter);
  return { total: res.total, page: q.page, pageSize: q.pageSize, items: await presentAwards(ctx.db, actor, res.items) };
}

export interface AutomaticAward {
  /** The rule's code, e.g. `case-verified`; the rule in force where the recipient lives applies. */
  ruleCode: string;
  userId: string;
  /** The event that earned the points, e.g. `case` and the case id: posted at most once per rule and event. */
  refType: string;
  refId: string;
  /** Who verified the event (the award names them as authorising), or null for the system. */
  authorisedBy?: string | null;
  note?: string;
  /** For back-filled history only: when the award counts as earned. */
  at?: Date;
  /** Points of this event when they vary by it (e.g. hours served); capped at the rule's maximum. Default: the rule's points. */
  points?: number;
}

export type AutomaticAwardResult =
  | { status: 'posted'; awardId: string; points: number }
  | { status: 'duplicate'; awardId: string }
  | { status: 'skipped'; reason: 'no_rule' | 'not_eligible' | 'unknown_user' | 'limit' | 'no_points'; message: string };

/**
 * Awards points for a verified event exactly once per (rule, event), inside the caller's
 * transaction (e.g. the case flow when a resident's report is verified and closed). It never
 * throws for business reasons — no rule, an ineligible user or a reached limit are reported as
 * `skipped` — so it cannot undo the caller's change; a repeat is reported as `duplicate`.
 */
export async function awardAutomatically(tx: Tx, a: AutomaticAward): Promise<AutomaticAwardResult> {
  const existing = await repo.findAwardByRef(tx, a.ruleCode, a.refType, a.refId);
  if (existing) return { status: 'duplicate', awardId: existing.id };
  const info = await repo.holderById(tx, a.userId);
  if (!info || !info.active) return { status: 'skipped', reason: 'unknown_user', message: '用户不存在或已停用' };
  const area = info.personArea ?? info.scopeCode;
  const rule = await repo.ruleFor(tx, a.ruleCode, area);
  if (!rule || !rule.active) return { status: 'skipped', reason: 'no_rule', message: `积分规则 ${a.ruleCode} 不存在或未启用` };
  const scheme = rule.scheme as PointScheme;
  const holder = holderFor(info, scheme);
  if (!holder || !isEligible(scheme, { roles: info.roles, partyMember: info.partyMember, hasHousehold: !!info.householdId })) {
    return { status: 'skipped', reason: 'not_eligible', message: `该用户不属于${schemeName(scheme)}的积分对象` };
  }
  // Serialise with other postings to this holder before counting the limits.
  const poolId = await ensurePool(tx, scheme, holder.areaCode);
  const holderAccountId = await ensureHolder(tx, scheme, holder);
  await repo.lockAccounts(tx, [poolId, holderAccountId]);
  const at = a.at ?? new Date();
  const base = a.points === undefined ? rule.points : Math.min(Math.max(0, Math.floor(a.points)), rule.maxPoints);
  if (base <= 0) return { status: 'skipped', reason: 'no_points', message: '本次不计积分' };
  const limit = limitProblem(rule, await usageOf(tx, holder.id, rule.code, at, ['approved']), base);
  if (limit) return { status: 'skipped', reason: 'limit', message: limit.message };
  const award = await repo.insertAward(tx, {
    scheme,
    ruleId: rule.id,
    ruleCode: rule.code,
    recipientUserId: info.userId,
    holderKind: holder.kind,
    holderId: holder.id,
    areaCode: holder.areaCode,
    basePoints: base,
    points: base,
    note: a.note ?? null,
    state: 'pending',
    approverRoles: rule.approverRoles,
    proposedBy: null,
    refType: a.refType,
    refId: a.refId,
    ...(a.at ? { createdAt: a.at } : {}),
  });
  if (!award) {
    const first = await repo.findAwardByRef(tx, a.ruleCode, a.refType, a.refId);
    return { status: 'duplicate', awardId: first?.id ?? '' };
  }
  const posted = await postAward(tx, award, rule, a.authorisedBy ?? null, { at: a.at, checkLimits: false });
  await audit(tx, { actor: null, username: 'system' }, SYSTEM_REQ, {
    action: 'points.award.auto',
    entityType: 'points_award',
    entityId: award.id,
    areaCode: award.areaCode,
    detail: { rule: rule.code, ref: `${a.refType}:${a.refId}`, points: award.points, authorisedBy: a.authorisedBy ?? null },
  });
  return { status: 'posted', awardId: posted.id, points: posted.points };
}

/** For seeding history: a proposed-and-approved award, posted at a given time. */
export async function recordApprovedAward(
  tx: Tx,
  a: { username: string; scheme: PointScheme; ruleCode: string; points?: number; factors?: string[]; note: string; proposedBy: string; approvedBy: string; at: Date },
): Promise<string | null> {
  const info = await repo.holderByUsername(tx, a.username);
  const holder = info ? holderFor(info, a.scheme) : null;
  if (!info || !holder) return null;
  const rule = await repo.ruleFor(tx, a.ruleCode, holder.areaCode);
  if (!rule) return null;
  const base = a.points ?? rule.points;
  const m = applyMultiplier(base, a.factors ?? [], await repo.listFactors(tx));
  const award = await repo.insertAward(tx, {
    scheme: a.scheme,
    ruleId: rule.id,
    ruleCode: rule.code,
    recipientUserId: info.userId,
    holderKind: holder.kind,
    holderId: holder.id,
    areaCode: holder.areaCode,
    basePoints: base,
    factors: a.factors ?? [],
    multiplierPercent: m.multiplierPercent,
    points: m.points,
    note: a.note,
    state: 'pending',
    approverRoles: rule.approverRoles,
    proposedBy: a.proposedBy,
    createdAt: new Date(a.at.getTime() - 3600_000),
  });
  if (!award) return null;
  await postAward(tx, award, rule, a.approvedBy, { at: a.at, checkLimits: false });
  return award.id;
}

// ---- items ----------------------------------------------------------------------------------------------

type ItemWithMerchant = NonNullable<Awaited<ReturnType<typeof repo.findItem>>>;

function itemDto(actor: Actor, r: ItemWithMerchant, spendable: Set<string>, balances?: Map<string, number>) {
  const i = r.item;
  const balance = balances ? (balances.get(i.scheme) ?? 0) : null;
  return {
    id: i.id,
    name: i.name,
    merchant: r.merchantName,
    merchantId: i.merchantUnitId,
    price: i.price,
    stock: i.stock,
    scheme: i.scheme as PointScheme,
    schemeName: schemeName(i.scheme),
    kind: i.kind as ItemKind,
    kindLabel: ITEM_KIND_LABELS[i.kind as ItemKind] ?? i.kind,
    description: i.description,
    areaCode: i.areaCode,
    active: i.active,
    allowedActions: policy.itemAllowedActions(actor, i, spendable.has(i.scheme), balance),
    /** Why the caller cannot redeem it now (积分不足, 已兑完 …), shown on the disabled item. */
    unavailable: policy.itemUnavailable(actor, i, spendable.has(i.scheme), balance, SCHEMES[i.scheme as PointScheme]?.unit),
  };
}

/** What the caller can spend now in each scheme: their own (or their household's) account's balance. */
async function spendableBalances(db: DbOrTx, actor: Actor): Promise<Map<string, number>> {
  const info = await repo.holderById(db, actor.id);
  const out = new Map<string, number>();
  if (!info) return out;
  const accounts = await repo.accountsOfOwners(db, [actor.id, info.householdId ?? '', actor.unitId ?? '']);
  for (const s of POINT_SCHEMES) {
    const h = holderFor(info, s);
    const main = h ? accounts.find((a) => a.scheme === s && a.kind === SCHEMES[s].holder && a.ownerId === h.id) : undefined;
    out.set(s, main?.balance ?? 0);
  }
  return out;
}

/** Schemes the caller could spend (has or could hold an account of). */
async function spendableSchemes(db: DbOrTx, actor: Actor): Promise<Set<string>> {
  const info = await repo.holderById(db, actor.id);
  if (!info) return new Set();
  const facts = { roles: actor.roles, partyMember: info.partyMember, hasHousehold: !!info.householdId };
  return new Set(POINT_SCHEMES.filter((s) => isEligible(s, facts)));
}

export async function listItems(ctx: AppContext, actor: Actor, q: { scheme?: PointScheme; merchantId?: string; all?: boolean }) {
  const manager = hasAnyRole(actor, policy.ITEM_MANAGERS) || (!!actor.unitId && hasAnyRole(actor, policy.MERCHANT_ROLES));
  const rows = await repo.listItems(ctx.db, {
    viewerScope: actor.scopeCode,
    includeBelow: policy.isPointsStaff(actor) || manager,
    scheme: q.scheme,
    merchantUnitId: q.merchantId,
    includeInactive: q.all && manager,
  });
  const visible = rows.filter((r) => r.item.active || policy.canManageItemsOf(actor, { id: r.item.merchantUnitId, areaCode: r.item.areaCode }));
  const [spendable, balances] = await Promise.all([spendableSchemes(ctx.db, actor), spendableBalances(ctx.db, actor)]);
  return { items: visible.map((r) => itemDto(actor, r, spendable, balances)) };
}

export interface ItemInput {
  merchantId?: string;
  name: string;
  description?: string | null;
  scheme: PointScheme;
  kind: ItemKind;
  price: number;
  stock: number;
  sort?: number;
}

export async function createItem(ctx: AppContext, actor: Actor, input: ItemInput, req: RequestContext, idempotencyKey?: string) {
  const unitId = input.merchantId ?? actor.unitId;
  if (!unitId) throw invalid('missing_field', '请指定商户（merchantId）', { field: 'merchantId' });
  const unit = await findUnit(ctx.db, unitId);
  // A merchant outside the caller's scope is not theirs to name: 404, as for every other object of another area.
  if (!unit || !(policy.inScope(actor, unit.areaCode) || unit.id === actor.unitId)) throw notFound('商户', 'invalid_merchant');
  if (!policy.canManageItemsOf(actor, unit)) throw forbidden('只能管理本商户或辖区内商户的兑换商品');
  if (input.kind === 'property-fee' && unit.type !== 'property') throw invalid('invalid_kind', '物业费抵扣只能由物业服务企业提供', { field: 'kind' });
  if (unit.type === 'department' || unit.type.endsWith('centre')) throw invalid('invalid_merchant', `${unit.name}不是兑换合作单位`, { field: 'merchantId' });
  return withIdempotency(ctx, `u:${actor.id}:points-item`, idempotencyKey, async (tx) => {
    const [row] = await repo.insertItems(tx, [
      {
        merchantUnitId: unit.id,
        name: input.name,
        description: input.description ?? null,
        scheme: input.scheme,
        kind: input.kind,
        price: input.price,
        stock: input.stock,
        stockIn: input.stock,
        areaCode: unit.areaCode,
        sort: input.sort ?? 100,
        createdBy: actor.id,
      },
    ]);
    await audit(tx, { actor }, req, { action: 'points.item.create', entityType: 'points_item', entityId: row!.id, areaCode: unit.areaCode, detail: { name: row!.name, price: row!.price, stock: row!.stock } });
    return { status: 201, body: itemDto(actor, { item: row!, merchantName: unit.name, merchantType: unit.type }, await spendableSchemes(tx, actor)) };
  });
}

async function manageableItem(db: DbOrTx, actor: Actor, id: string) {
  const found = await repo.findItem(db, id);
  if (!found || !(policy.canSeeItemsOf(actor, found.item.areaCode) || policy.isMerchantOf(actor, found.item.merchantUnitId))) throw notFound('兑换商品');
  if (!policy.canManageItemsOf(actor, { id: found.item.merchantUnitId, areaCode: found.item.areaCode })) throw forbidden('只能管理本商户或辖区内商户的兑换商品');
  return found;
}

export async function updateItem(ctx: AppContext, actor: Actor, id: string, patch: { name?: string; description?: string | null; price?: number; active?: boolean; sort?: number }, req: RequestContext) {
  const found = await manageableItem(ctx.db, actor, id);
  return ctx.db.transaction(async (tx) => {
    const row = (await repo.updateItem(tx, id, patch))!;
    await audit(tx, { actor }, req, { action: 'points.item.update', entityType: 'points_item', entityId: id, areaCode: row.areaCode, detail: { changed: Object.keys(patch), price: row.price } });
    return itemDto(actor, { ...found, item: row }, await spendableSchemes(tx, actor));
  });
}

export async function restockItem(ctx: AppContext, actor: Actor, id: string, quantity: number, req: RequestContext) {
  const found = await manageableItem(ctx.db, actor, id);
  return ctx.db.transaction(async (tx) => {
    const row = (await repo.restock(tx, id, quantity))!;
    await audit(tx, { actor }, req, { action: 'points.item.restock', entityType: 'points_item', entityId: id, areaCode: row.areaCode, detail: { quantity, stock: row.stock } });
    return itemDto(actor, { ...found, item: row }, await spendableSchemes(tx, actor));
  });
}

// ---- redemptions --------------------------------------------------------------------------------------------

async function presentRedemptions(db: DbOrTx, actor: Actor, rows: repo.RedemptionRow[]) {
  const [users, items, unitsById] = await Promise.all([
    repo.userNames(db, rows.flatMap((r) => [r.userId, r.confirmedBy ?? '', r.cancelledBy ?? ''])),
    repo.itemNames(db, rows.map((r) => r.itemId)),
    repo.unitNames(db, rows.map((r) => r.merchantUnitId)),
  ]);
  return rows.map((r) => {
    const merchantView = policy.isMerchantOf(actor, r.merchantUnitId) && r.userId !== actor.id;
    const redeemer = users.get(r.userId) ?? '';
    return {
      id: r.id,
      state: r.state as RedemptionState,
      stateLabel: REDEMPTION_STATE_LABELS[r.state as keyof typeof REDEMPTION_STATE_LABELS] ?? r.state,
      item: { id: r.itemId, name: items.get(r.itemId) ?? '', kind: r.itemKind as ItemKind, kindLabel: ITEM_KIND_LABELS[r.itemKind as ItemKind] ?? r.itemKind },
      merchant: { id: r.merchantUnitId, name: unitsById.get(r.merchantUnitId)?.name ?? '' },
      scheme: r.scheme as PointScheme,
      schemeName: schemeName(r.scheme),
      quantity: r.quantity,
      unitPrice: r.unitPrice,
      amount: r.amount,
      redeemer: { id: r.userId, name: merchantView ? publicName(redeemer) : redeemer },
      note: r.note,
      refunded: r.state === 'confirmed' && r.itemKind === 'donation',
      createdAt: toIsoCst(r.createdAt),
      confirmedAt: toIsoCst(r.confirmedAt),
      confirmedBy: r.confirmedBy ? { id: r.confirmedBy, name: users.get(r.confirmedBy) ?? '' } : null,
      cancelledAt: toIsoCst(r.cancelledAt),
      cancelledBy: r.cancelledBy ? { id: r.cancelledBy, name: users.get(r.cancelledBy) ?? '' } : null,
      cancelReason: r.cancelReason,
      /** The code typed at the till (ABCD-EFGH), shown to the redeemer while the redemption is open. */
      shortCode: r.state === 'pending' && r.shortCode && r.userId === actor.id ? formatShortCode(r.shortCode) : null,
      allowedActions: policy.redemptionAllowedActions(actor, r),
    };
  });
}

/** A short code no open redemption holds; the partial unique index is the backstop. */
async function freeShortCode(tx: DbOrTx): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = shortCodeFrom(crypto.randomBytes(SHORT_CODE_LENGTH));
    if (!(await repo.pendingByShortCode(tx, code))) return code;
  }
  throw conflict('short_code_busy', '兑换短码生成失败，请重试');
}

export interface RedeemInput {
  itemId: string;
  quantity: number;
  note?: string;
}

/**
 * Redeems an item: in one transaction the stock is taken (only if that much is left), and the
 * price moves from the redeemer's account to their hold account (only if they have it). The
 * merchant's confirmation later moves it on to the merchant; a cancellation moves it back.
 */
export async function redeem(ctx: AppContext, actor: Actor, input: RedeemInput, req: RequestContext, idempotencyKey?: string) {
  let created: repo.RedemptionRow | null = null;
  const result = await withIdempotency(ctx, `u:${actor.id}:points-redeem`, idempotencyKey, async (tx) => {
    const found = await repo.findItem(tx, input.itemId);
    if (!found || !found.item.active || !policy.canSeeItemsOf(actor, found.item.areaCode)) throw notFound('兑换商品');
    const item = found.item;
    if (policy.isMerchantOf(actor, item.merchantUnitId)) throw forbidden('商户不能兑换本店的商品', 'self_redemption');
    const scheme = item.scheme as PointScheme;
    const info = await repo.holderById(tx, actor.id);
    const holder = info ? holderFor(info, scheme) : null;
    if (!holder) throw conflict('insufficient_points', `您没有${schemeName(scheme)}账户（未登记所在家庭）`);
    const amount = item.price * input.quantity;
    const account = await repo.findAccount(tx, { scheme, kind: holder.kind, ownerId: holder.id });
    if (!account || account.balance < amount) throw insufficientPoints(amount, account?.balance ?? 0, unitOf(scheme));
    // Stock first (the item row stays locked to the end), then the accounts in id order.
    const taken = await repo.takeStock(tx, item.id, input.quantity);
    if (!taken) {
      const now = await repo.findItem(tx, item.id);
      throw conflict('out_of_stock', `“${item.name}”库存不足：剩余 ${now?.item.stock ?? 0} 件，需要 ${input.quantity} 件`);
    }
    const holdId = await ensureHold(tx, scheme, holder);
    const locked = await repo.lockAccounts(tx, [account.id, holdId]);
    const fresh = locked.get(account.id)!;
    if (!canDebit('person', fresh.balance, amount)) throw insufficientPoints(amount, fresh.balance, unitOf(scheme));
    const shortCode = await freeShortCode(tx);
    const r = await repo.insertRedemption(tx, {
      shortCode,
      itemId: item.id,
      userId: actor.id,
      scheme,
      accountId: account.id,
      holdAccountId: holdId,
      merchantUnitId: item.merchantUnitId,
      itemKind: item.kind,
      quantity: input.quantity,
      unitPrice: item.price,
      amount,
      state: 'pending',
      areaCode: item.areaCode,
      note: input.note ?? null,
    });
    await repo.postTransfer(tx, {
      scheme,
      debitAccountId: account.id,
      creditAccountId: holdId,
      amount,
      kind: 'redeem-hold',
      refType: 'redemption',
      refId: r.id,
      authorisedBy: actor.id,
      note: `兑换“${item.name}”×${input.quantity}（${found.merchantName}），待商户确认`,
    });
    await audit(tx, { actor }, req, { action: 'points.redeem', entityType: 'points_redemption', entityId: r.id, areaCode: item.areaCode, detail: { item: item.name, quantity: input.quantity, amount } });
    created = r;
    return { status: 201, body: { id: r.id, state: r.state } };
  });
  const row = created ?? (await repo.findRedemption(ctx.db, (result.body as { id: string }).id));
  const [dto] = await presentRedemptions(ctx.db, actor, [row!]);
  const acc = await repo.findAccountById(ctx.db, row!.accountId);
  return { status: result.status, body: { ...dto!, balance: acc?.balance ?? 0 } };
}

async function loadRedemptionFor(db: DbOrTx, actor: Actor, id: string) {
  const r = await repo.findRedemption(db, id);
  if (!r || !policy.canSeeRedemption(actor, r)) throw notFound('兑换记录');
  return r;
}

export async function getRedemption(ctx: AppContext, actor: Actor, id: string) {
  const r = await loadRedemptionFor(ctx.db, actor, id);
  const [dto] = await presentRedemptions(ctx.db, actor, [r]);
  return dto!;
}

/** The merchant confirms a redemption with the code the resident's phone shows: hold → merchant (and, for a donation, the giver's points back). */
export async function confirmRedemption(ctx: AppContext, actor: Actor, id: string, body: { code?: string }, req: RequestContext) {
  await loadRedemptionFor(ctx.db, actor, id);
  const updated = await ctx.db.transaction(async (tx) => {
    const r = await repo.lockRedemption(tx, id);
    if (!r) throw notFound('兑换记录');
    decideRedemption(r.state as 'pending', 'confirm', policy.redemptionRelations(actor, r));
    // Every confirmation, donations included, needs what the redeemer's phone shows — the QR token
    // or the redemption's short code: nobody confirms (and so spends) a resident's points without them.
    if (!body.code) throw invalid('missing_field', '请扫描兑换人出示的兑换码或输入兑换短码（code）', { field: 'code' });
    const short = normaliseShortCode(body.code);
    if (short) {
      if (short !== r.shortCode) throw invalid('code_mismatch', '兑换短码与此兑换不符，请核对兑换人出示的短码', { field: 'code' });
    } else if (verifyCode(ctx, body.code) !== r.userId) throw invalid('code_mismatch', '该兑换码不是此兑换的兑换人出示的', { field: 'code' });
    const unit = await findUnit(tx, r.merchantUnitId);
    const account = await repo.findAccountById(tx, r.accountId);
    const poolId = r.itemKind === 'donation' ? await ensurePool(tx, r.scheme, account!.areaCode) : null;
    const merchantId = await repo.ensureAccount(tx, { scheme: r.scheme, kind: 'merchant', ownerId: r.merchantUnitId, areaCode: unit!.areaCode, name: unit!.name });
    await repo.lockAccounts(tx, [r.holdAccountId, merchantId, ...(poolId ? [poolId, r.accountId] : [])]);
    const itemName = (await repo.itemNames(tx, [r.itemId])).get(r.itemId) ?? '';
    await repo.postTransfer(tx, {
      scheme: r.scheme,
      debitAccountId: r.holdAccountId,
      creditAccountId: merchantId,
      amount: r.amount,
      kind: 'redeem-confirm',
      refType: 'redemption',
      refId: r.id,
      authorisedBy: actor.id,
      note: `${unit!.name}确认兑换“${itemName}”×${r.quantity}`,
    });
    if (poolId) {
      // 积分返还: what was redeemed to help a needy household comes back to the giver.
      await repo.postTransfer(tx, {
        scheme: r.scheme,
        debitAccountId: poolId,
        creditAccountId: r.accountId,
        amount: r.amount,
        kind: 'refund',
        refType: 'redemption',
        refId: r.id,
        authorisedBy: actor.id,
        note: `爱心捐赠“${itemName}”已送达困难家庭，积分返还`,
      });
    }
    const row = await repo.updateRedemption(tx, r.id, { state: 'confirmed', confirmedBy: actor.id, confirmedAt: new Date() });
    await audit(tx, { actor }, req, { action: 'points.redemption.confirm', entityType: 'points_redemption', entityId: r.id, areaCode: r.areaCode, detail: { amount: r.amount, refund: !!poolId } });
    return row;
  });
  const [dto] = await presentRedemptions(ctx.db, actor, [updated]);
  return dto!;
}

/** Cancels a pending redemption: the stock and the held points go back. */
export async function cancelRedemption(ctx: AppContext, actor: Actor, id: string, body: { reason?: string }, req: RequestContext) {
  await loadRedemptionFor(ctx.db, actor, id);
  const updated = await ctx.db.transaction(async (tx) => {
    const r = await repo.lockRedemption(tx, id);
    if (!r) throw notFound('兑换记录');
    const rel = policy.redemptionRelations(actor, r);
    decideRedemption(r.state as 'pending', 'cancel', rel);
    if (!rel.has('redeemer') && !body.reason?.trim()) throw invalid('missing_field', '商户取消兑换需要填写原因（reason）', { field: 'reason' });
    await repo.returnStock(tx, r.itemId, r.quantity);
    await repo.lockAccounts(tx, [r.accountId, r.holdAccountId]);
    await repo.postTransfer(tx, {
      scheme: r.scheme,
      debitAccountId: r.holdAccountId,
      creditAccountId: r.accountId,
      amount: r.amount,
      kind: 'redeem-release',
      refType: 'redemption',
      refId: r.id,
      authorisedBy: actor.id,
      note: `取消兑换${body.reason ? `：${body.reason}` : ''}`,
    });
    const row = await repo.updateRedemption(tx, r.id, { state: 'cancelled', cancelledBy: actor.id, cancelledAt: new Date(), cancelReason: body.reason ?? null });
    await audit(tx, { actor }, req, { action: 'points.redemption.cancel', entityType: 'points_redemption', entityId: r.id, areaCode: r.areaCode, detail: { amount: r.amount, reason: body.reason } });
    return row;
  });
  const [dto] = await presentRedemptions(ctx.db, actor, [updated]);
  return dto!;
}

export interface RedemptionListQuery {
  box?: 'mine' | 'merchant' | 'all';
  state?: string;
  code?: string;
  page: number;
  pageSize: number;
}

export async function listRedemptions(ctx: AppContext, actor: Actor, q: RedemptionListQuery) {
  const box = q.box ?? (actor.unitId && hasAnyRole(actor, policy.MERCHANT_ROLES) ? 'merchant' : 'mine');
  const states = q.state ? q.state.split(',').filter(Boolean) : undefined;
  const base = { states, page: q.page, pageSize: q.pageSize };
  let filter: repo.RedemptionFilter;
  if (box === 'mine') filter = { ...base, userId: actor.id };
  else if (box === 'merchant') {
    if (!actor.unitId || !policy.actsForMerchant(actor, actor.unitId)) throw forbidden('您的账号不能代表商户或爱心超市核销兑换');
    const short = q.code ? normaliseShortCode(q.code) : null;
    // A short code names one open redemption; the QR token names the resident.
    filter = short ? { ...base, merchantUnitId: actor.unitId, shortCode: short, states: ['pending'] } : { ...base, merchantUnitId: actor.unitId, userId: q.code ? verifyCode(ctx, q.code) : undefined };
  } else {
    if (!policy.isPointsStaff(actor)) throw forbidden('只有工作人员可以查看辖区内的兑换记录');
    filter = { ...base, scopeCode: actor.scopeCode };
  }
  const res = await repo.listRedemptions(ctx.db, filter);
  return { total: res.total, page: q.page, pageSize: q.pageSize, items: await presentRedemptions(ctx.db, actor, res.items) };
}

// ---- statements and accounts --------------------------------------------------------------------------------

async function presentStatement(db: Db, account: repo.AccountRow, holdId: string | null, page: number, pageSize: number) {
  const hold = holdId ? await repo.findAccountById(db, holdId) : null;
  const res = await repo.statement(db, account.id, holdId, page, pageSize);
  return {
    account: { id: account.id, scheme: account.scheme as PointScheme, schemeName: schemeName(account.scheme), kind: account.kind as AccountKind, name: account.name, balance: account.balance, held: hold?.balance ?? 0, unit: unitOf(account.scheme) },
    total: res.total,
    page,
    pageSize,
    items: res.items.map((e) => ({
      id: e.id,
      at: toIsoCst(e.at),
      kind: e.kind as TransferKind,
      kindLabel: TRANSFER_KIND_LABELS[e.kind as keyof typeof TRANSFER_KIND_LABELS] ?? e.kind,
      /** Signed effect on the spendable balance, and on the points held for pending redemptions. */
      amount: e.deltaMain,
      heldChange: e.deltaHold,
      balance: e.balance,
      held: e.held,
      counterparty: { name: e.counterpartyName, kind: e.counterpartyKind },
      authorisedBy: e.authorisedByName ?? (e.authorisedById ? '' : '系统'),
      note: e.note,
      ref: { type: e.refType, id: e.refId },
      reversesId: e.reversesId,
    })),
  };
}

export async function myStatement(ctx: AppContext, actor: Actor, q: { scheme: PointScheme; page: number; pageSize: number }) {
  const info = await repo.holderById(ctx.db, actor.id);
  const holder = info ? holderFor(info, q.scheme) : null;
  const account = holder ? await repo.findAccount(ctx.db, { scheme: q.scheme, kind: holder.kind, ownerId: holder.id }) : null;
  if (!holder || !account) {
    return {
      account: { id: null, scheme: q.scheme, schemeName: schemeName(q.scheme), kind: SCHEMES[q.scheme].holder, name: info?.displayName ?? '', balance: 0, held: 0, unit: unitOf(q.scheme) },
      total: 0,
      page: q.page,
      pageSize: q.pageSize,
      items: [],
    };
  }
  const hold = await repo.findAccount(ctx.db, { scheme: q.scheme, kind: 'hold', ownerId: holder.id });
  return presentStatement(ctx.db, account, hold?.id ?? null, q.page, q.pageSize);
}

export async function accountStatement(ctx: AppContext, actor: Actor, id: string, q: { page: number; pageSize: number }) {
  const account = await repo.findAccountById(ctx.db, id);
  const info = await repo.holderById(ctx.db, actor.id);
  if (!account || !policy.canReadAccount(actor, account, info?.householdId ?? null)) throw notFound('积分账户');
  const hold = account.kind === 'person' || account.kind === 'household' ? await repo.findAccount(ctx.db, { scheme: account.scheme, kind: 'hold', ownerId: account.ownerId }) : null;
  return presentStatement(ctx.db, account, hold?.id ?? null, q.page, q.pageSize);
}

export async function listAccounts(ctx: AppContext, actor: Actor, q: { scheme?: PointScheme; kind?: AccountKind; area?: string; q?: string; page: number; pageSize: number }) {
  if (!policy.isPointsStaff(actor)) throw forbidden('只有工作人员可以查看积分账户');
  if (q.area) checkArea(actor, q.area, { allowAbove: false });
  const res = await repo.listAccounts(ctx.db, { scopeCode: actor.scopeCode, ...q });
  return {
    total: res.total,
    page: q.page,
    pageSize: q.pageSize,
    items: res.items.map((a) => ({ id: a.id, scheme: a.scheme as PointScheme, schemeName: schemeName(a.scheme), kind: a.kind as AccountKind, name: a.name, areaCode: a.areaCode, balance: a.balance, allowedActions: ['statement'] })),
  };
}

// ---- leaderboards ---------------------------------------------------------------------------------------------

export interface LeaderboardQuery {
  scheme: PointScheme;
  area?: string;
  month?: string;
  by?: 'person' | 'area';
  limit: number;
}

/**
 * The month's ranking inside an area (a grid's branch, a community, a town): holders ranked by
 * the points earned in the month, with stars; or, `by=area`, the areas one level down ranked
 * by their holders' total.
 */
export async function leaderboard(ctx: AppContext, actor: Actor, q: LeaderboardQuery) {
  const staff = policy.isPointsStaff(actor);
  const area = q.area ?? (staff ? actor.scopeCode : actor.scopeCode.slice(0, Math.min(CODE_LENGTH.village, actor.scopeCode.length)));
  checkArea(actor, area, { allowAbove: true });
  const monthKey = q.month ?? periodsOf(new Date()).monthKey;
  const range = monthRange(monthKey);
  if (!range) throw invalid('invalid_month', 'month 应为 YYYY-MM', { field: 'month' });
  const rows = await repo.earnings(ctx.db, { scheme: q.scheme, area, month: range, year: { from: range.yearFrom, to: range.yearTo } });
  const names = await areaNames(ctx.db, [area]);
  const head = { scheme: q.scheme, schemeName: schemeName(q.scheme), unit: unitOf(q.scheme), area: { code: area, name: names.get(area)?.name ?? area }, month: monthKey, stars: STAR_RULES[q.scheme] };
  if (q.by === 'area') {
    const childLen = area.length === 6 ? 9 : area.length === 9 ? 12 : area.length === 12 ? 15 : null;
    if (!childLen) throw invalid('invalid_area_level', '按区域排名只支持区、镇（街道）、村（社区）', { field: 'area' });
    const totals = new Map<string, { month: number; year: number; lifetime: number; holders: number }>();
    for (const r of rows) {
      if (r.areaCode.length < childLen) continue;
      const key = r.areaCode.slice(0, childLen);
      const t = totals.get(key) ?? { month: 0, year: 0, lifetime: 0, holders: 0 };
      t.month += r.month;
      t.year += r.year;
      t.lifetime += r.lifetime;
      if (r.month > 0) t.holders += 1;
      totals.set(key, t);
    }
    const childNames = await areaNames(ctx.db, [...totals.keys()]);
    const ranked = rankLeaderboard(q.scheme, [...totals].map(([code, t]) => ({ key: code, name: childNames.get(code)?.name ?? code, areaCode: code, ...t })), q.limit);
    return { ...head, by: 'area' as const, items: ranked.map((r) => ({ rank: r.rank, areaCode: r.areaCode, name: r.name, points: r.month, yearPoints: r.year, holders: totals.get(r.key)!.holders })) };
  }
  const ranked = rankLeaderboard(q.scheme, rows.map((r) => ({ key: r.holderId, name: r.name, areaCode: r.areaCode, month: r.month, year: r.year, lifetime: r.lifetime })), q.limit);
  const info = staff ? null : await repo.holderById(ctx.db, actor.id);
  const mine = new Set([actor.id, info?.householdId ?? '']);
  const areaOf = await areaNames(ctx.db, [...new Set(ranked.map((r) => r.areaCode.slice(0, Math.min(15, r.areaCode.length))))]);
  return {
    ...head,
    by: 'person' as const,
    items: ranked.map((r) => ({
      rank: r.rank,
      name: staff || mine.has(r.key) ? r.name : publicName(r.name),
      me: mine.has(r.key),
      areaCode: r.areaCode.slice(0, Math.min(15, r.areaCode.length)),
      areaName: areaOf.get(r.areaCode.slice(0, Math.min(15, r.areaCode.length)))?.name ?? null,
      points: r.month,
      yearPoints: r.year,
      totalPoints: r.lifetime,
      stars: r.stars,
      starLabel: starLabel(r.stars),
    })),
  };
}

/** The leaderboard as a CSV file (UTF-8 with BOM, so Excel opens it in Chinese). */
export function leaderboardCsv(board: Awaited<ReturnType<typeof leaderboard>>): string {
  const esc = (v: unknown) => {
    const s = String(v ?? '');
    return /[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s;
  };
  const lines: string[] = [];
  if (board.by === 'area') {
    lines.push(['名次', '区域', '本月积分', '年度积分', '获分人数'].join(','));
    for (const r of board.items) lines.push([r.rank, r.name, r.points, r.yearPoints, r.holders].map(esc).join(','));
  } else {
    lines.push(['名次', '姓名', '所在区域', '本月积分', '年度积分', '累计积分', '星级'].join(','));
    for (const r of board.items) lines.push([r.rank, r.name, r.areaName ?? r.areaCode, r.points, r.yearPoints, r.totalPoints, r.starLabel].map(esc).join(','));
  }
  return '\ufeff' + `${board.area.name} ${board.schemeName} ${board.month} 排行榜\n` + lines.join('\n') + '\n';
}

// ---- ledger audit ------------------------------------------------------------------------------------------------

/**
 * Recomputes every balance from the transfers and checks every invariant of the ledger
 * (Σ per scheme = 0, no negative balance, stock, holds, each award and redemption posted
 * exactly as its state says), on one consistent snapshot.
 */
export async function auditLedger(db: Db): Promise<LedgerReport> {
  const snapshot = await db.transaction(async (tx) => repo.ledgerSnapshot(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
  return checkLedger(snapshot);
}

export async function auditLedgerFor(ctx: AppContext, actor: Actor) {
  if (!policy.canAuditLedger(actor)) throw forbidden('只有区级管理员、区指挥中心和领导可以执行积分账本核对');
  const report = await auditLedger(ctx.db);
  return { ...report, checkedAt: toIsoCst(new Date()) };
}

