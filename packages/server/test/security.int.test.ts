// Issue 11 (等保 2.0 level 3): each attack of the security test, shown failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/http/app.ts';
import { checkStartupConfig, StartupError } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { forgetCachedSessions } from '../src/services/auth.ts';
import type { AppContext } from '../src/services/context.ts';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
/** The same installation behind a reverse proxy at 127.0.0.1, with the default login limits. */
let proxied: FastifyInstance;
let proxiedCtx: AppContext;
const PASSWORD = 'Test@2026pw';

beforeAll(async () => {
  t = await createTestApp();
  proxiedCtx = {
    ...t.ctx,
    config: { ...t.ctx.config, trustProxy: ['127.0.0.1'], login: { challengeAfter: 3, sourceMax: 12, userMax: 5, windowMinutes: 15 } },
  };
  proxied = await buildApp(proxiedCtx);
  await proxied.ready();
});
afterAll(async () => {
  await proxied?.close();
  await t?.close();
});

type Err = { error: { code: string; message: string; details?: { challengeRequired?: boolean; field?: string } } };

async function newUser(prefix: string, roles: string[] = ['grid-worker']) {
  const admin = await t.as('admin');
  const username = `${prefix}${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: '测试账号', password: PASSWORD, roles, scopeCode: '320614103001001' });
  expect(res.statusCode, res.body).toBe(201);
  return { username, id: json<{ id: string }>(res).id };
}

/** A login to the proxied app as if from `ip` (the proxy at 127.0.0.1 says so in X-Forwarded-For). */
function loginFrom(ip: string, body: Record<string, string>, proto = 'http') {
  return proxied.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers: { 'x-forwarded-for': ip, 'x-forwarded-proto': proto } });
}

/** Solves the picture challenge the way a person reads it (the test reads the SVG's digits). */
async function solvedChallenge(app: FastifyInstance, ip: string): Promise<{ challengeToken: string; challengeAnswer: string }> {
  const res = await app.inject({ method: 'GET', url: '/api/auth/challenge', headers: { 'x-forwarded-for': ip } });
  expect(res.statusCode).toBe(200);
  const c = json<{ token: string; image: string; question: string }>(res);
  const svg = Buffer.from(c.image.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
  const shown = [...svg.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]).join('');
  const m = /^(\d)([+-])(\d)=/.exec(shown);
  expect(m, shown).not.toBeNull();
  const answer = m![2] === '+' ? Number(m![1]) + Number(m![3]) : Number(m![1]) - Number(m![3]);
  expect(c.question).toMatch(/等于几？$/);
  return { challengeToken: c.token, challengeAnswer: String(answer) };
}

const code = (res: LightMyRequestResponse) => json<Err>(res).error.code;

describe('#1 login throttling that cannot be used as a weapon', () => {
  it('an attacker guessing from one address cannot keep the holder out: the holder logs in from another address with one challenge', async () => {
    const { username } = await newUser('vic');
    const attacker = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await loginFrom(attacker, { username, password: `guess-${i}` })).statusCode).toBe(401);
    // The attacker's address must now solve challenges; solving them, it locks the account.
    const fourth = await loginFrom(attacker, { username, password: 'guess-3' });
    expect(fourth.statusCode).toBe(429);
    expect(code(fourth)).toBe('challenge_required');
    await loginFrom(attacker, { username, password: 'guess-3', ...(await solvedChallenge(proxied, attacker)) });
    const locking = await loginFrom(attacker, { username, password: 'guess-4', ...(await solvedChallenge(proxied, attacker)) });
    expect(locking.statusCode).toBe(429);
    expect(code(locking)).toBe('account_locked');

    // The holder, elsewhere, with the right password: asked for one challenge — never refused for good.
    const holder = '198.51.100.4';
    const asked = await loginFrom(holder, { username, password: PASSWORD });
    expect(asked.statusCode).toBe(429);
    expect(code(asked)).toBe('account_locked');
    expect(json<Err>(asked).error.details?.challengeRequired).toBe(true);
    const wrongAnswer = await loginFrom(holder, { username, password: PASSWORD, challengeToken: (await solvedChallenge(proxied, holder)).challengeToken, challengeAnswer: '99' });
    expect(wrongAnswer.statusCode).toBe(400);
    expect(code(wrongAnswer)).toBe('challenge_failed');
    const ok = await loginFrom(holder, { username, password: PASSWORD, ...(await solvedChallenge(proxied, holder)) });
    expect(ok.statusCode, ok.body).toBe(200);
    // Still 登录失败处理: the attacker's failures are on record, with the attacker's address.
    const rows = await t.ctx.db.execute<{ outcome: string; ip: string; reason: string | null }>(
      sql`select outcome, ip, detail->>'reason' as reason from audit_log where action = 'auth.login' and actor_username = ${username} order by id`,
    );
    expect(rows.rows.filter((r) => r.outcome === 'failed' && r.ip === attacker && r.reason === 'bad_password')).toHaveLength(5);
    expect(rows.rows.at(-1)).toMatchObject({ outcome: 'ok', ip: holder });
  });

  it('a challenge answer is good for one try only', async () => {
    const { username } = await newUser('once');
    const ip = '203.0.113.20';
    const c = await solvedChallenge(proxied, ip);
    expect((await loginFrom(ip, { username, password: PASSWORD, ...c })).statusCode).toBe(200);
    const replay = await loginFrom(ip, { username, password: PASSWORD, ...c });
    expect(replay.statusCode).toBe(400);
    expect(code(replay)).toBe('challenge_failed');
  });

  it('guessing many usernames from one address meets the challenge after 3 failures and a block after 12', async () => {
    const ip = '203.0.113.99';
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await loginFrom(ip, { username: `nobody${uniq()}`, password: 'x' })).statusCode);
    expect(statuses).toEqual([401, 401, 401]);
    expect(code(await loginFrom(ip, { username: `nobody${uniq()}`, password: 'x' }))).toBe('challenge_required');
    // A bot that solves every challenge still stops at the per-address limit.
    for (let i = 3; i < 12; i++) {
      expect((await loginFrom(ip, { username: `nobody${uniq()}`, password: 'x', ...(await solvedChallenge(proxied, ip)) })).statusCode).toBe(401);
    }
    const blocked = await loginFrom(ip, { username: 'admin', password: 'Gongzhi@2026', ...(await solvedChallenge(proxied, ip)) });
    expect(blocked.statusCode).toBe(429);
    expect(code(blocked)).toBe('too_many_attempts');
    expect(json<Err>(blocked).error.message).toMatch(/分钟后再试/);
    // Other addresses are untouched.
    expect((await loginFrom('203.0.113.100', { username: 'admin', password: 'Gongzhi@2026' })).statusCode).toBe(200);
  });
});

describe('#2 forwarded headers only from configured proxies', () => {
  it('ignores X-Forwarded-For from a client that is not a configured proxy (default: none)', async () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    const username = `xff${uniq()}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'x' }, headers: { 'x-forwarded-for': '6.6.6.6' } });
    expect(res.statusCode).toBe(401);
    const rows = await t.ctx.db.execute<{ ip: string }>(sql`select ip from audit_log where action = 'auth.login' and actor_username = ${username}`);
    expect(rows.rows.map((r) => r.ip)).toEqual(['127.0.0.1']);
  });

  it('rotating X-Forwarded-For does not escape the per-address throttle', async () => {
    const strict: AppContext = { ...t.ctx, config: { ...t.ctx.config, login: { challengeAfter: 3, sourceMax: 30, userMax: 5, windowMinutes: 15 } } };
    const app = await buildApp(strict);
    await app.ready();
    try {
      const tries = [];
      for (let i = 0; i < 5; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${uniq()}`, password: 'x' }, headers: { 'x-forwarded-for': `10.0.${i}.${i}` } });
        tries.push(res.statusCode === 429 ? code(res) : res.statusCode);
      }
      expect(tries).toEqual([401, 401, 401, 'challenge_required', 'challenge_required']);
    } finally {
      await app.close();
    }
  });

  it('believes the configured proxy, whose address the audit log then records as the client', async () => {
    const username = `via${uniq()}`;
    await loginFrom('192.0.2.55', { username, password: 'x' });
    const rows = await t.ctx.db.execute<{ ip: string }>(sql`select ip from audit_log where action = 'auth.login' and actor_username = ${username}`);
    expect(rows.rows.map((r) => r.ip)).toEqual(['192.0.2.55']);
  });
});

describe('#7 sessions and passwords', () => {
  const hashOf = (cookie: string) => crypto.createHash('sha256').update(cookie.split('=')[1]!).digest('hex');

  it('a session ends after its absolute lifetime (12 h) however active it has been', async () => {
    expect(loadConfig({}).sessionMaxHours).toBe(12);
    const c = await t.as('town');
    const hash = hashOf(c.cookie!);
    await t.ctx.db.execute(sql`update sessions set created_at = now() - interval '11 hours 59 minutes', last_seen_at = now() where token_hash = ${hash}`);
    forgetCachedSessions();
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.ctx.db.execute(sql`update sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() where token_hash = ${hash}`);
    forgetCachedSessions();
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions of the account, not the one that changed it', async () => {
    const { username } = await newUser('end');
    const here = await t.as(username, PASSWORD);
    const stolen = await t.as(username, PASSWORD);
    expect((await stolen.get('/api/auth/me')).statusCode).toBe(200);
    expect((await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Lake#2031ab' })).statusCode).toBe(204);
    expect((await stolen.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('the current-password check is throttled: after 5 wrong guesses even the right one waits', async () => {
    const { username } = await newUser('cur');
    const c = await t.as(username, PASSWORD);
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/api/auth/password', { currentPassword: `guess${i}`, newPassword: 'Lake#2031ab' });
      expect(res.statusCode).toBe(400);
      expect(code(res)).toBe('wrong_password');
    }
    const sixth = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Lake#2031ab' });
    expect(sixth.statusCode).toBe(429);
    expect(code(sixth)).toBe('too_many_attempts');
    const audited = await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'auth.password.change' and outcome = 'failed' and actor_username = ${username}`);
    expect(audited.rows[0]!.n).toBe(5);
  });

  it('refuses common passwords, the demo password, the username and the last 5 passwords', async () => {
    const { username } = await newUser('hist');
    const c = await t.as(username, PASSWORD);
    for (const pw of ['Password1', 'Gongzhi@2026', `X#1${username}`, 'Admin@123']) {
      const res = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: pw });
      expect(res.statusCode, pw).toBe(400);
      expect(code(res), pw).toBe('weak_password');
    }
    const chain = [PASSWORD, 'Lake#2031a1', 'Lake#2031a2', 'Lake#2031a3', 'Lake#2031a4'];
    for (let i = 1; i < chain.length; i++) {
      expect((await c.post('/api/auth/password', { currentPassword: chain[i - 1], newPassword: chain[i] })).statusCode).toBe(204);
    }
    // The first password is the fifth most recent: refused. One change later it is the sixth: allowed.
    const reused = await c.post('/api/auth/password', { currentPassword: chain[4], newPassword: PASSWORD });
    expect(reused.statusCode).toBe(400);
    expect(code(reused)).toBe('password_reused');
    expect((await c.post('/api/auth/password', { currentPassword: chain[4], newPassword: 'Lake#2031a5' })).statusCode).toBe(204);
    expect((await c.post('/api/auth/password', { currentPassword: 'Lake#2031a5', newPassword: PASSWORD })).statusCode).toBe(204);
  });

  it('after a reset by the security administrator the holder must change the password before anything else', async () => {
    const { username, id } = await newUser('rst');
    const security = await t.as('security');
    expect((await security.post(`/api/users/${id}/password`, { password: 'Temp#2031xy' })).statusCode).toBe(204);
    const c = await t.as(username, 'Temp#2031xy');
    expect(json<{ passwordChange: string | null }>(await c.get('/api/auth/me')).passwordChange).toBe('reset');
    // The app's session probe still answers, so the app can show the password form.
    expect(json<{ user: { passwordChange: string | null } }>(await c.get('/api/auth/session')).user.passwordChange).toBe('reset');
    const blocked = await c.get('/api/areas/320614103001001');
    expect(blocked.statusCode).toBe(403);
    expect(code(blocked)).toBe('password_change_required');
    expect((await c.post('/api/auth/password', { currentPassword: 'Temp#2031xy', newPassword: 'Lake#2031zz' })).statusCode).toBe(204);
    expect(json<{ passwordChange: string | null }>(await c.get('/api/auth/me')).passwordChange).toBeNull();
    expect((await c.get('/api/areas/320614103001001')).statusCode).toBe(200);
  });

  it('a password older than PASSWORD_MAX_AGE_DAYS (default 90) must be changed', async () => {
    expect(loadConfig({}).passwordMaxAgeDays).toBe(90);
    const { username, id } = await newUser('age');
    await t.ctx.db.execute(sql`update users set password_changed_at = now() - interval '89 days' where id = ${id}`);
    expect(json<{ passwordChange: string | null }>(await (await t.as(username, PASSWORD)).get('/api/auth/me')).passwordChange).toBeNull();
    await t.ctx.db.execute(sql`update users set password_changed_at = now() - interval '91 days' where id = ${id}`);
    const c = await t.as(username, PASSWORD);
    expect(json<{ passwordChange: string | null }>(await c.get('/api/auth/me')).passwordChange).toBe('expired');
    expect(code(await c.get('/api/people'))).toBe('password_change_required');
  });
});

describe('#8 headers and cookies', () => {
  it('sends a CSP without inline scripts and with frame-ancestors, and no HSTS over plain HTTP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const page = await t.app.inject({ method: 'GET', url: '/login' });
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('sets HSTS and a Secure cookie when a trusted proxy says the request came over HTTPS — and not when anyone else says so', async () => {
    const viaProxy = await loginFrom('192.0.2.80', { username: 'leader', password: 'Gongzhi@2026' }, 'https');
    expect(viaProxy.statusCode).toBe(200);
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(viaProxy.cookies.find((c) => c.name === 'gz_session')?.secure).toBe(true);
    const spoofed = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Gongzhi@2026' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.statusCode).toBe(200);
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    expect(spoofed.cookies.find((c) => c.name === 'gz_session')?.secure).toBeFalsy();
  });

  it('COOKIE_SECURE=true makes the cookie Secure and sends HSTS', async () => {
    const app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, secureCookies: true } });
    await app.ready();
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Gongzhi@2026' } });
      expect(res.cookies.find((c) => c.name === 'gz_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toMatch(/max-age/);
    } finally {
      await app.close();
    }
  });
});

describe('#9 key handling', () => {
  it('refuses to start on PostgreSQL without GONGZHI_MASTER_KEY, unless the development flag is set', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/x';
    expect(() => checkStartupConfig(loadConfig({ DATABASE_URL: url }))).toThrow(StartupError);
    expect(() => checkStartupConfig(loadConfig({ DATABASE_URL: url }))).toThrow(/GONGZHI_MASTER_KEY/);
    expect(() => checkStartupConfig(loadConfig({ DATABASE_URL: url, GONGZHI_DEV_KEY_FILE: 'true' }))).not.toThrow();
    expect(() => checkStartupConfig(loadConfig({ DATABASE_URL: url, GONGZHI_MASTER_KEY: 'ab'.repeat(32) }))).not.toThrow();
    // The embedded demo keeps its generated key file.
    expect(() => checkStartupConfig(loadConfig({}))).not.toThrow();
  });
});
