import crypto from 'node:crypto';
import { DomainError, invalid, isRole, levelOfCode, type AreaLevel, type Role } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { abilitiesOf } from '../policies/index.ts';
import { namesOf } from '../repositories/areas.ts';
import * as repo from '../repositories/users.ts';
import { hashPassword, passwordPolicyProblem, verifyPassword } from '../lib/passwords.ts';
import { audit } from './audit.ts';
import { broadcast, onBroadcast } from '../lib/cluster-bus.ts';
import type { AppContext } from './context.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** The session's last-seen time is written at most this often (seconds), not on every request. */
const TOUCH_INTERVAL_S = 60;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

// A real hash to verify against when the username is unknown, so timing does not reveal which names exist.
let dummyHash: Promise<string> | null = null;

export async function login(ctx: AppContext, username: string, password: string, req: RequestContext) {
  const user = await repo.findUserForLogin(ctx.db, username);
  if (!user || !user.active) {
    dummyHash ??= hashPassword('not-a-real-password-Aa1!');
    await verifyPassword(await dummyHash, password);
    await audit(ctx.db, { actor: null, username }, req, { action: 'auth.login', outcome: 'failed', detail: { reason: 'unknown_user' } });
    throw new DomainError('unauthenticated', 'invalid_credentials', '用户名或密码错误');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await audit(ctx.db, { actor: null, username }, req, { action: 'auth.login', entityType: 'user', entityId: user.id, outcome: 'denied', detail: { reason: 'locked' } });
    throw lockedError(user.lockedUntil);
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    // A lock that has expired starts a fresh count.
    if (user.lockedUntil && user.failedLogins >= MAX_FAILED_LOGINS) {
      await repo.updateUser(ctx.db, user.id, { failedLogins: 0, lockedUntil: null });
    }
    const updated = await repo.recordFailedLogin(ctx.db, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
    const nowLocked = updated?.lockedUntil && updated.lockedUntil.getTime() > Date.now();
    await audit(ctx.db, { actor: null, username }, req, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      outcome: 'failed',
      detail: { reason: 'bad_password', failedLogins: updated?.failedLogins, locked: Boolean(nowLocked) },
    });
    if (nowLocked && updated?.lockedUntil) throw lockedError(updated.lockedUntil);
    const left = MAX_FAILED_LOGINS - (updated?.failedLogins ?? 0);
    throw new DomainError('unauthenticated', 'invalid_credentials', `用户名或密码错误，再失败 ${left} 次账号将被锁定 ${LOCK_MINUTES} 分钟`);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
    await repo.insertSession(tx, { tokenHash: sha256(token), userId: user.id, ip: req.ip, userAgent: req.userAgent?.slice(0, 300) ?? null });
    await audit(tx, { actor: null, username }, req, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  const actor = await actorOf(ctx, user);
  return { token, actor };
}

function lockedError(until: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
  return new DomainError('too_many', 'account_locked', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`, { lockedUntil: until.toISOString() });
}

export async function logout(ctx: AppContext, token: string, actor: Actor, req: RequestContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, sha256(token));
    await audit(tx, { actor }, req, { action: 'auth.logout', entityType: 'user', entityId: actor.id });
  });
  broadcast(SESSION_TOPIC, sha256(token));
}

// The session → actor look-up runs on every request. Each process keeps a resolved session for
// a few seconds (never past its idle limit, and refreshed before its last-seen time needs writing);
// logout and account changes forget it at once here and, in cluster mode, in the other workers.
const SESSION_CACHE_MS = 5_000;
interface CachedSession {
  actor: Actor;
  lastSeenAt: number;
  cachedAt: number;
}
const sessionCache = new Map<string, CachedSession>();
const SESSION_TOPIC = 'session.ended';
const USER_TOPIC = 'user.changed';

onBroadcast(SESSION_TOPIC, (hash) => sessionCache.delete(hash));
onBroadcast(USER_TOPIC, (userId) => {
  for (const [hash, s] of sessionCache) if (s.actor.id === userId) sessionCache.delete(hash);
});

/** Forgets every resolved session of this process (tests that move session times in the database). */
export function forgetCachedSessions(): void {
  sessionCache.clear();
}

/** Forget cached sessions of a user whose account changed (call after the change committed). */
export function forgetSessionsOf(userId: string): void {
  broadcast(USER_TOPIC, userId);
}

/** Resolves a session cookie to an actor; sessions idle for longer than the limit are ended. */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const hash = sha256(token);
  const now = Date.now();
  const idleLimitMs = ctx.config.sessionIdleMinutes * 60_000;
  const hit = sessionCache.get(hash);
  if (hit && now - hit.cachedAt < SESSION_CACHE_MS && now - hit.lastSeenAt <= Math.min(idleLimitMs, TOUCH_INTERVAL_S * 1000)) return hit.actor;
  sessionCache.delete(hash);
  const session = await repo.findSession(ctx.db, hash);
  if (!session) return null;
  const idleMs = now - session.lastSeenAt.getTime();
  if (idleMs > idleLimitMs) {
    await repo.deleteSession(ctx.db, hash);
    return null;
  }
  const user = await repo.findUserById(ctx.db, session.userId);
  if (!user || !user.active) return null;
  let lastSeenAt = session.lastSeenAt.getTime();
  if (idleMs > TOUCH_INTERVAL_S * 1000) {
    await repo.touchSession(ctx.db, hash);
    lastSeenAt = now;
  }
  const actor = await actorOf(ctx, user);
  if (sessionCache.size > 50_000) sessionCache.clear();
  sessionCache.set(hash, { actor, lastSeenAt, cachedAt: now });
  return actor;
}

export async function actorOf(ctx: AppContext, user: repo.UserRow): Promise<Actor> {
  const names = await namesOf(ctx.db, [user.scopeCode]);
  const scope = names.get(user.scopeCode);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.filter(isRole) as Role[],
    scopeCode: user.scopeCode,
    scopeName: scope?.name ?? user.scopeCode,
    scopeLevel: (levelOfCode(user.scopeCode) ?? 'district') as AreaLevel,
    unitId: user.unitId,
    personId: user.personId,
  };
}

export async function me(ctx: AppContext, actor: Actor) {
  const unit = actor.unitId ? await repo.findUnit(ctx.db, actor.unitId) : null;
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    scope: { code: actor.scopeCode, name: actor.scopeName, level: actor.scopeLevel },
    unit: unit ? { id: unit.id, name: unit.name, type: unit.type } : null,
    abilities: abilitiesOf(actor),
  };
}

export async function changePassword(ctx: AppContext, actor: Actor, current: string, next: string, req: RequestContext) {
  const user = await repo.findUserById(ctx.db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw invalid('wrong_password', '当前密码不正确', { field: 'currentPassword' });
  }
  const problem = passwordPolicyProblem(next);
  if (problem) throw invalid('weak_password', problem, { field: 'newPassword' });
  if (current === next) throw invalid('same_password', '新密码不能与当前密码相同', { field: 'newPassword' });
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.id, { passwordHash, passwordChangedAt: new Date() });
    await audit(tx, { actor }, req, { action: 'auth.password.change', entityType: 'user', entityId: actor.id });
  });
}
