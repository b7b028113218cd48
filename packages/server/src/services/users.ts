import { auditActionLabel, auditDetailAreaCodes, auditDetailItems, auditEntityLabel, conflict, forbidden, invalid, isAreaCode, isWithinScope, notFound, type Role } from '@gongzhi/domain';
import { areaNames } from './area-names.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canManageUsers, canReadAudit, userAllowedActions } from '../policies/user.ts';
import { findArea, namesOf } from '../repositories/areas.ts';
import * as repo from '../repositories/users.ts';
import { scopeOf } from '../repositories/scope.ts';
import { hashPassword, passwordPolicyProblem } from '../lib/passwords.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import { forgetSessionsOf } from './auth.ts';
import type { AppContext } from './context.ts';

function toUserDto(actor: Actor, u: repo.UserRow, scopeNames?: Map<string, { name: string }>) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    scopeCode: u.scopeCode,
    scopeName: scopeNames?.get(u.scopeCode)?.name ?? null,
    unitId: u.unitId,
    active: u.active,
    locked: Boolean(u.lockedUntil && u.lockedUntil.getTime() > Date.now()),
    lockedUntil: toIsoCst(u.lockedUntil),
    lastLoginAt: toIsoCst(u.lastLoginAt),
    passwordChangedAt: toIsoCst(u.passwordChangedAt),
    allowedActions: userAllowedActions(actor),
  };
}

function requireManager(actor: Actor) {
  if (!canManageUsers(actor)) throw forbidden('只有系统管理员可以管理账号');
}

export async function listUsers(ctx: AppContext, actor: Actor, q: string | undefined, page: number, pageSize: number) {
  requireManager(actor);
  const res = await repo.listUsers(ctx.db, scopeOf(actor), q, page, pageSize);
  const names = await namesOf(ctx.db, [...new Set(res.items.map((u) => u.scopeCode))]);
  return { total: res.total, items: res.items.map((u) => toUserDto(actor, u, names)) };
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  scopeCode: string;
  unitId?: string | null;
}

async function checkScope(ctx: AppContext, actor: Actor, scopeCode: string) {
  if (!isAreaCode(scopeCode) || !isWithinScope(scopeCode, actor.scopeCode)) {
    throw invalid('invalid_scope', '数据范围必须是您管辖范围内的区域代码', { field: 'scopeCode' });
  }
  if (!(await findArea(ctx.db, scopeOf(actor), scopeCode))) throw invalid('invalid_scope', `区域 ${scopeCode} 不存在`, { field: 'scopeCode' });
}

export async function createUser(ctx: AppContext, actor: Actor, input: UserInput, req: RequestContext) {
  requireManager(actor);
  await checkScope(ctx, actor, input.scopeCode);
  const problem = passwordPolicyProblem(input.password);
  if (problem) throw invalid('weak_password', problem, { field: 'password' });
  if (await repo.findUserForLogin(ctx.db, input.username)) throw conflict('username_taken', `用户名 ${input.username} 已被使用`);
  if (input.unitId && !(await repo.findUnit(ctx.db, input.unitId))) throw invalid('invalid_unit', '所属单位不存在', { field: 'unitId' });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const u = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
      scopeCode: input.scopeCode,
      unitId: input.unitId ?? null,
    });
    await audit(tx, { actor }, req, { action: 'user.create', entityType: 'user', entityId: u.id, areaCode: u.scopeCode, detail: { username: u.username, roles: u.roles } });
    return toUserDto(actor, u);
  });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { displayName?: string; roles?: Role[]; scopeCode?: string; active?: boolean; unitId?: string | null },
  req: RequestContext,
) {
  requireManager(actor);
  const existing = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!existing) throw notFound('账号');
  if (patch.scopeCode) await checkScope(ctx, actor, patch.scopeCode);
  if (id === actor.id && (patch.active === false || (patch.roles && !patch.roles.includes('admin')))) {
    throw conflict('cannot_demote_self', '不能停用自己的账号或移除自己的管理员角色');
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const u = await repo.updateUser(tx, id, patch);
    if (patch.active === false || patch.roles || patch.scopeCode) await repo.deleteSessionsOfUser(tx, id);
    await audit(tx, { actor }, req, { action: 'user.update', entityType: 'user', entityId: id, areaCode: u!.scopeCode, detail: { fields: Object.keys(patch) } });
    return toUserDto(actor, u!);
  });
  forgetSessionsOf(id);
  return updated;
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  requireManager(actor);
  const existing = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!existing) throw notFound('账号');
  return ctx.db.transaction(async (tx) => {
    const u = await repo.updateUser(tx, id, { failedLogins: 0, lockedUntil: null });
    await audit(tx, { actor }, req, { action: 'user.unlock', entityType: 'user', entityId: id, areaCode: u!.scopeCode });
    return toUserDto(actor, u!);
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string, password: string, req: RequestContext) {
  requireManager(actor);
  const existing = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!existing) throw notFound('账号');
  const problem = passwordPolicyProblem(password);
  if (problem) throw invalid('weak_password', problem, { field: 'password' });
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
    await repo.deleteSessionsOfUser(tx, id);
    await audit(tx, { actor }, req, { action: 'user.password.reset', entityType: 'user', entityId: id, areaCode: existing.scopeCode });
  });
  forgetSessionsOf(id);
}

export async function listAudit(ctx: AppContext, actor: Actor, f: repo.AuditFilter) {
  if (!canReadAudit(actor)) throw forbidden('只有系统管理员可以查看审计日志');
  const res = await repo.listAudit(ctx.db, scopeOf(actor), f);
  const names = await areaNames(ctx.db, [...new Set(res.items.flatMap((a) => auditDetailAreaCodes(a.detail)))]);
  const nameOf = (code: string) => names.get(code)?.name;
  return {
    total: res.total,
    items: res.items.map((a) => ({
      id: a.id,
      at: toIsoCst(a.at),
      actor: a.actorUsername,
      action: a.action,
      actionLabel: auditActionLabel(a.action),
      entityType: a.entityType,
      entityLabel: a.entityType ? auditEntityLabel(a.entityType) : null,
      entityId: a.entityId,
      areaCode: a.areaCode,
      outcome: a.outcome,
      ip: a.ip,
      detail: a.detail,
      /** The detail as labelled words, for the screen (the raw `detail` stays for integrators). */
      details: auditDetailItems(a.detail, nameOf),
    })),
  };
}

export async function listUnits(ctx: AppContext, type: string | undefined) {
  const rows = await repo.listUnits(ctx.db, type);
  return { items: rows.map((u) => ({ id: u.id, code: u.code, name: u.name, shortName: u.shortName, type: u.type, areaCode: u.areaCode, phone: u.phone, duties: u.duties })) };
}
