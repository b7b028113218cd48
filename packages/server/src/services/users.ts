import { auditActionLabel, auditDetailAreaCodes, auditDetailItems, auditEntityLabel, conflict, conflictingDuties, forbidden, invalid, isAreaCode, isWithinScope, notFound, PASSWORD_HISTORY, passwordPolicyProblem, ROLE_LABELS, type Role } from '@gongzhi/domain';
import { areaNames } from './area-names.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canAssignRoles, canListUsers, canManageCredentials, canReadAudit, userAllowedActions } from '../policies/user.ts';
import { findArea, namesOf } from '../repositories/areas.ts';
import * as repo from '../repositories/users.ts';
import { scopeOf } from '../repositories/scope.ts';
import { hashPassword } from '../lib/passwords.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import { forgetSessionsOf, isRecentPassword } from './auth.ts';
import type { AppContext } from './context.ts';
import { gradesOfUnits } from './property.ts';

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
    allowedActions: userAllowedActions(actor, u),
  };
}

function requireLister(actor: Actor) {
  if (!canListUsers(actor)) throw forbidden('只有系统管理员或安全管理员可以查看账号');
}

function requireRoles(actor: Actor, roles: readonly Role[]) {
  if (!canAssignRoles(actor, roles)) {
    throw forbidden(
      roles.some((r) => r === 'security' || r === 'auditor')
        ? '安全管理员、审计管理员账号只能由安全管理员设置（三员分立）'
        : '只有系统管理员可以新建或修改账号',
    );
  }
  const clash = conflictingDuties(roles);
  if (clash.length) {
    throw invalid('separated_duties', `${clash.map((r) => ROLE_LABELS[r].zh).join('、')}须由不同的人担任，不能授予同一账号（三员分立）`, { field: 'roles' });
  }
}

function requireCredentials(actor: Actor) {
  if (!canManageCredentials(actor)) throw forbidden('只有安全管理员可以解锁账号、重置密码或结束会话（三员分立）');
}

export async function listUsers(ctx: AppContext, actor: Actor, q: string | undefined, page: number, pageSize: number) {
  requireLister(actor);
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
  requireRoles(actor, input.roles);
  await checkScope(ctx, actor, input.scopeCode);
  const problem = passwordPolicyProblem(input.password, { username: input.username });
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
  requireLister(actor);
  const existing = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!existing) throw notFound('账号');
  requireRoles(actor, [...new Set([...(existing.roles as Role[]), ...(patch.roles ?? [])])]);
  if (patch.roles) requireRoles(actor, patch.roles);
  if (patch.scopeCode) await checkScope(ctx, actor, patch.scopeCode);
  const ownDuty = actor.roles.find((r) => r === 'admin' || r === 'security');
  if (id === actor.id && (patch.active === false || (patch.roles && ownDuty && !patch.roles.includes(ownDuty)))) {
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
  requireCredentials(actor);
  const existing = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!existing) throw notFound('账号');
  return ctx.db.transaction(async (tx) => {
    const u = await repo.updateUser(tx, id, { failedLogins: 0, lockedUntil: null });
    await audit(tx, { actor }, req, { action: 'user.unlock', entityType: 'user', entityId: id, areaCode: u!.scopeCode });
    return toUserDto(actor, u!);
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string, password: string, req: RequestContext) {
  requireCredentials(actor);
  const existing = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!existing) throw notFound('账号');
  const problem = passwordPolicyProblem(password, { username: existing.username });
  if (problem) throw invalid('weak_password', problem, { field: 'password' });
  if (await isRecentPassword(ctx, existing, password)) {
    throw invalid('password_reused', `不能重置为该账号最近 ${PASSWORD_HISTORY} 次使用过的密码`, { field: 'password' });
  }
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await repo.rememberPasswordHash(tx, id, existing.passwordHash);
    // The holder must choose a new password at the next login: the one set here is known to the administrator.
    await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    await repo.deleteSessionsOfUser(tx, id);
    await audit(tx, { actor }, req, { action: 'user.password.reset', entityType: 'user', entityId: id, areaCode: existing.scopeCode });
  });
  forgetSessionsOf(id);
}

/** Ends every session of an account at once (a lost phone, a suspected break-in). */
export async function endSessions(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  requireCredentials(actor);
  const existing = await repo.findUserInScope(ctx.db, scopeOf(actor), id);
  if (!existing) throw notFound('账号');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSessionsOfUser(tx, id);
    await audit(tx, { actor }, req, { action: 'user.sessions.end', entityType: 'user', entityId: id, areaCode: existing.scopeCode });
  });
  forgetSessionsOf(id);
}

export async function listAudit(ctx: AppContext, actor: Actor, f: repo.AuditFilter) {
  if (!canReadAudit(actor)) throw forbidden('只有审计管理员可以查看审计日志（三员分立）');
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
      outcome: a.outcome as 'ok' | 'denied' | 'failed',
      ip: a.ip,
      detail: a.detail,
      /** The detail as labelled words, for the screen (the raw `detail` stays for integrators). */
      details: auditDetailItems(a.detail, nameOf),
    })),
  };
}

/**
 * GET /api/units: the units cases can be dispatched to (API-CONTRACT); `all` adds those that take no
 * cases (区委社会工作部), for assigning staff to them.
 */
export async function listUnits(ctx: AppContext, type: string | undefined, all = false) {
  const rows = await repo.listUnits(ctx.db, type, !all);
  // Property companies carry their confirmed credit grade: a black-listed one (D) is flagged where cases are dispatched.
  const grades = await gradesOfUnits(ctx, rows.filter((u) => u.type === 'property').map((u) => u.id));
  return {
    items: rows.map((u) => {
      const g = grades.get(u.id);
      return { id: u.id, code: u.code, name: u.name, shortName: u.shortName, type: u.type, areaCode: u.areaCode, phone: u.phone, duties: u.duties, handlesCases: u.handlesCases, ...(u.type === 'property' ? { creditGrade: g?.grade ?? null, blacklisted: g?.blacklisted ?? false } : {}) };
    }),
  };
}
