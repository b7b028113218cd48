import crypto from 'node:crypto';
import {
  DomainError,
  invalid,
  isRole,
  levelOfCode,
  PASSWORD_HISTORY,
  passwordChangeReason,
  passwordPolicyProblem,
  type AreaLevel,
  type Role,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { abilitiesOf } from '../policies/index.ts';
import { propertyAbilities } from '../policies/property.ts';
import { namesOf } from '../repositories/areas.ts';
import * as repo from '../repositories/users.ts';
import { hashPassword, verifyPassword } from '../lib/passwords.ts';
import { loginThrottleFor, type LoginThrottle } from '../lib/login-throttle.ts';
import { audit } from './audit.ts';
import { broadcast, onBroadcast } from '../lib/cluster-bus.ts';
import type { AppContext } from './context.ts';

/** The session's last-seen time is written at most this often (seconds), not on every request. */
const TOUCH_INTERVAL_S = 60;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

// A real hash to verify against when the username is unknown, so timing does not reveal which names exist.
let dummyHash: Promise<string> | null = null;

/** The login throttle of this app (per configuration object, so tests with other limits get their own). */
export function loginThrottle(ctx: AppContext): LoginThrottle {
  return loginThrottleFor(ctx.config, ctx.config.login, () => Buffer.from(ctx.cipher.lookupHash('gongzhi/login-challenge'), 'hex'));
}

/** A new login challenge (a sum as a picture, with the same question in words for screen readers and speech). */
export function newChallenge(ctx: AppContext) {
  return loginThrottle(ctx).issue();
}

export interface ChallengeAnswer {
  token: string;
  answer: string;
}

function challengeRequired(code: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('too_many', code, message, { challengeRequired: true, ...extra });
}

export async function login(ctx: AppContext, username: string, password: string, req: RequestContext, challenge?: ChallengeAnswer) {
  const throttle = loginThrottle(ctx);
  const { userMax, windowMinutes } = throttle.limits;
  const source = req.ip ?? 'unknown';
  // 1. A source with too many failures is refused outright for a while, whatever it sends.
  const blocked = throttle.blockedMinutes(source);
  if (blocked) {
    if (throttle.firstRefusal(source)) {
      await audit(ctx.db, { actor: null, username }, req, { action: 'auth.login', outcome: 'denied', detail: { reason: 'source_blocked', failures: throttle.failuresOf(source) } });
    }
    throw new DomainError('too_many', 'too_many_attempts', `此网络地址登录失败次数过多，请 ${blocked} 分钟后再试`, { retryAfterMinutes: blocked });
  }
  // 2. A challenge that was sent must be solved (a wrong answer counts as a failure of the source).
  let solved = false;
  if (challenge) {
    solved = throttle.solve(challenge.token, challenge.answer);
    if (!solved) {
      throttle.fail(source);
      await audit(ctx.db, { actor: null, username }, req, { action: 'auth.login', outcome: 'failed', detail: { reason: 'challenge_failed' } });
      throw new DomainError('invalid', 'challenge_failed', '验证答案不正确或已过期，请按新题目重新计算', { field: 'challengeAnswer', challengeRequired: true });
    }
  }
  const user = await repo.findUserForLogin(ctx.db, username);
  const live = user && user.active ? user : null;
  const locked = Boolean(live?.lockedUntil && live.lockedUntil.getTime() > Date.now());
  // 3. A source with a few failures, and every source for an account under attack, must solve a challenge first.
  if (!solved && (locked || throttle.needsChallenge(source))) {
    await audit(ctx.db, { actor: null, username }, req, {
      action: 'auth.login',
      entityType: live ? 'user' : undefined,
      entityId: live?.id,
      outcome: 'denied',
      detail: { reason: locked ? 'locked' : 'challenge_required' },
    });
    if (locked) throw challengeRequired('account_locked', '该账号近期登录失败次数过多，已被锁定：请输入正确的密码并完成验证题后登录', { lockedUntil: live!.lockedUntil!.toISOString() });
    throw challengeRequired('challenge_required', '登录失败次数较多，请先完成验证题再登录');
  }
  // 4. The password.
  if (!live) {
    dummyHash ??= hashPassword('not-a-real-password-Aa1!');
    await verifyPassword(await dummyHash, password);
    throttle.fail(source);
    await audit(ctx.db, { actor: null, username }, req, { action: 'auth.login', outcome: 'failed', detail: { reason: user ? 'inactive' : 'unknown_user' } });
    throw new DomainError('unauthenticated', 'invalid_credentials', '用户名或密码错误', { challengeRequired: throttle.needsChallenge(source) });
  }
  const ok = await verifyPassword(live.passwordHash, password);
  if (!ok) {
    throttle.fail(source);
    // A lock that has expired starts a fresh count.
    if (!locked && live.lockedUntil && live.failedLogins >= userMax) {
      await repo.updateUser(ctx.db, live.id, { failedLogins: 0, lockedUntil: null });
    }
    const updated = await repo.recordFailedLogin(ctx.db, live.id, userMax, windowMinutes);
    const nowLocked = Boolean(updated?.lockedUntil && updated.lockedUntil.getTime() > Date.now());
    await audit(ctx.db, { actor: null, username }, req, {
      action: 'auth.login',
      entityType: 'user',
      entityId: live.id,
      outcome: 'failed',
      detail: { reason: 'bad_password', failedLogins: updated?.failedLogins, locked: nowLocked, sourceFailures: throttle.failuresOf(source) },
    });
    if (nowLocked && updated?.lockedUntil) {
      throw challengeRequired('account_locked', `登录失败次数过多，账号已锁定：${windowMinutes} 分钟内每次登录都须先完成验证题`, { lockedUntil: updated.lockedUntil.toISOString() });
    }
    const left = userMax - (updated?.failedLogins ?? 0);
    throw new DomainError('unauthenticated', 'invalid_credentials', `用户名或密码错误，再失败 ${left} 次账号将被锁定 ${windowMinutes} 分钟`, {
      challengeRequired: throttle.needsChallenge(source),
    });
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, live.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
    await repo.insertSession(tx, { tokenHash: sha256(token), userId: live.id, ip: req.ip, userAgent: req.userAgent?.slice(0, 300) ?? null });
    await audit(tx, { actor: null, username }, req, { action: 'auth.login', entityType: 'user', entityId: live.id, detail: solved ? { challenge: 'solved', wasLocked: locked } : undefined });
  });
  const actor = await actorOf(ctx, live);
  return { token, actor };
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
  createdAt: number;
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
  const maxAgeMs = ctx.config.sessionMaxHours * 3_600_000;
  const hit = sessionCache.get(hash);
  if (hit && now - hit.cachedAt < SESSION_CACHE_MS && now - hit.lastSeenAt <= Math.min(idleLimitMs, TOUCH_INTERVAL_S * 1000) && now - hit.createdAt <= maxAgeMs) {
    return hit.actor;
  }
  sessionCache.delete(hash);
  const session = await repo.findSession(ctx.db, hash);
  if (!session) return null;
  const idleMs = now - session.lastSeenAt.getTime();
  // Idle too long, or older than the absolute lifetime however busy it has been: the session ends.
  if (idleMs > idleLimitMs || now - session.createdAt.getTime() > maxAgeMs) {
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
  sessionCache.set(hash, { actor, lastSeenAt, createdAt: session.createdAt.getTime(), cachedAt: now });
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
    passwordChange: passwordChangeReason(user, new Date(), ctx.config.passwordMaxAgeDays),
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
    abilities: [...abilitiesOf(actor), ...propertyAbilities({ actor, unitCode: unit?.code ?? null })],
    /** `reset` or `expired` when the password must be changed before anything else; null otherwise. */
    passwordChange: actor.passwordChange ?? null,
  };
}

// Guesses of the current password on the change form, per account (the session may be a stolen one).
const CURRENT_PASSWORD_TRIES = 5;
const currentPasswordFailures = new Map<string, number[]>();

/**
 * Whether a new password repeats one of the account's last PASSWORD_HISTORY passwords (the current
 * hash and the earlier ones kept in password_history).
 */
export async function isRecentPassword(ctx: AppContext, user: repo.UserRow, next: string): Promise<boolean> {
  const earlier = await repo.recentPasswordHashes(ctx.db, user.id, PASSWORD_HISTORY - 1);
  for (const h of [user.passwordHash, ...earlier]) if (await verifyPassword(h, next)) return true;
  return false;
}

export async function changePassword(ctx: AppContext, actor: Actor, sessionToken: string, current: string, next: string, req: RequestContext) {
  const windowMs = ctx.config.login.windowMinutes * 60_000;
  const now = Date.now();
  const recent = (currentPasswordFailures.get(actor.id) ?? []).filter((t) => now - t < windowMs);
  if (recent.length >= CURRENT_PASSWORD_TRIES) {
    const minutes = Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 60_000));
    throw new DomainError('too_many', 'too_many_attempts', `当前密码输错次数过多，请 ${minutes} 分钟后再试`, { retryAfterMinutes: minutes });
  }
  const user = await repo.findUserById(ctx.db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    recent.push(now);
    currentPasswordFailures.set(actor.id, recent);
    if (currentPasswordFailures.size > 100_000) currentPasswordFailures.clear();
    await audit(ctx.db, { actor }, req, { action: 'auth.password.change', entityType: 'user', entityId: actor.id, outcome: 'failed', detail: { reason: 'wrong_current', failures: recent.length } });
    throw invalid('wrong_password', `当前密码不正确（${ctx.config.login.windowMinutes} 分钟内还可再试 ${CURRENT_PASSWORD_TRIES - recent.length} 次）`, { field: 'currentPassword' });
  }
  currentPasswordFailures.delete(actor.id);
  const problem = passwordPolicyProblem(next, { username: user.username });
  if (problem) throw invalid('weak_password', problem, { field: 'newPassword' });
  if (current === next) throw invalid('same_password', '新密码不能与当前密码相同', { field: 'newPassword' });
  if (await isRecentPassword(ctx, user, next)) {
    throw invalid('password_reused', `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`, { field: 'newPassword' });
  }
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await repo.rememberPasswordHash(tx, actor.id, user.passwordHash);
    await repo.updateUser(tx, actor.id, { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false });
    // Whoever else holds a session of this account (a stolen cookie, a forgotten computer) is logged out.
    await repo.deleteOtherSessionsOfUser(tx, actor.id, sha256(sessionToken));
    await audit(tx, { actor }, req, { action: 'auth.password.change', entityType: 'user', entityId: actor.id });
  });
  forgetSessionsOf(actor.id);
}
