import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demo.ts';
import { forgetCachedSessions } from '../src/services/auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function createUser(username: string) {
  const admin = await t.as('admin');
  const res = await admin.post('/api/users', {
    username,
    displayName: '测试网格员',
    password: 'Test@2026pw',
    roles: ['grid-worker'],
    scopeCode: '320614103001001',
  });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res);
}

describe('login', () => {
  it('every demo account of the contract logs in and reads its own scope', async () => {
    const expected: Record<string, string> = {
      admin: '320614',
      security: '320614',
      auditor: '320614',
      district: '320614',
      leader: '320614',
      town: '320614103',
      community: '320614103001',
      grid: '320614103001001',
      'dept-cg': '320614',
      resident: '320614103001001',
      party: '320614103001001',
      secretary: '320614103001',
      merchant: '320614103001',
    };
    expect(DEMO_ACCOUNTS.map((a) => a.username).sort()).toEqual(Object.keys(expected).sort());
    for (const [username, scope] of Object.entries(expected)) {
      const c = await t.as(username);
      const me = json<{ username: string; displayName: string; roles: string[]; scope: { code: string; name: string; level: string } }>(await c.get('/api/auth/me'));
      expect(me.username).toBe(username);
      expect(me.displayName.length).toBeGreaterThan(0);
      expect(me.roles.length).toBeGreaterThan(0);
      expect(me.scope.code).toBe(scope);
      expect(me.scope.name).not.toBe(scope);
    }
  });

  it('sets an httpOnly session cookie and answers the contract shape', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'town', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gz_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = json<{ user: { username: string; scope: { code: string; name: string; level: string } } }>(res);
    expect(body.user.username).toBe('town');
    expect(body.user.scope).toEqual({ code: '320614103', name: '常乐镇', level: 'town' });
  });

  it('refuses a wrong password with 401 and a Chinese message', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'leader', password: 'wrong-password' });
    expect(res.statusCode).toBe(401);
    expect(json<{ error: { code: string; message: string } }>(res).error.code).toBe('invalid_credentials');
    const unknown = await t.anonymous().post('/api/auth/login', { username: 'nobody-' + uniq(), password: 'x' });
    expect(unknown.statusCode).toBe(401);
  });

  it('locks an account for 15 minutes after 5 failed logins (429), even with the right password', async () => {
    const username = `lock${uniq()}`;
    const user = await createUser(username);
    const anon = t.anonymous();
    for (let i = 1; i <= 4; i++) {
      expect((await anon.post('/api/auth/login', { username, password: 'bad' })).statusCode).toBe(401);
    }
    const fifth = await anon.post('/api/auth/login', { username, password: 'bad' });
    expect(fifth.statusCode).toBe(429);
    expect(json<{ error: { code: string } }>(fifth).error.code).toBe('account_locked');
    const right = await anon.post('/api/auth/login', { username, password: 'Test@2026pw' });
    expect(right.statusCode).toBe(429);
    // The security administrator unlocks it (the system administrator may not: 三员分立); the right password works again.
    const security = await t.as('security');
    const list = json<{ items: { id: string; locked: boolean }[] }>(await security.get(`/api/users?q=${username}`));
    expect(list.items.find((u) => u.id === user.id)?.locked).toBe(true);
    expect((await (await t.as('admin')).post(`/api/users/${user.id}/unlock`)).statusCode).toBe(403);
    expect((await security.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    expect((await anon.post('/api/auth/login', { username, password: 'Test@2026pw' })).statusCode).toBe(200);
  });

  it('a lock expires after its 15 minutes', async () => {
    const username = `exp${uniq()}`;
    await createUser(username);
    for (let i = 0; i < 5; i++) await t.anonymous().post('/api/auth/login', { username, password: 'bad' });
    expect((await t.anonymous().post('/api/auth/login', { username, password: 'Test@2026pw' })).statusCode).toBe(429);
    await t.ctx.db.execute(sql`update users set locked_until = now() - interval '1 second' where username = ${username}`);
    expect((await t.anonymous().post('/api/auth/login', { username, password: 'Test@2026pw' })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('the session probe answers 200 with the user, or with null for nobody, and never 401', async () => {
    const anonymous = await t.anonymous().get('/api/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(json<{ user: unknown }>(anonymous).user).toBeNull();
    const c = await t.as('community');
    const signedIn = await c.get('/api/auth/session');
    expect(signedIn.statusCode).toBe(200);
    const me = json<{ username: string }>(await c.get('/api/auth/me'));
    expect(json<{ user: { username: string; scope: { code: string } } }>(signedIn).user).toEqual(me);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await c.get('/api/auth/session');
    expect(after.statusCode).toBe(200);
    expect(json<{ user: unknown }>(after).user).toBeNull();
  });

  it('logout ends the session (204, then 401)', async () => {
    const c = await t.as('community');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await c.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(json<{ error: { code: string } }>(after).error.code).toBe('unauthenticated');
  });

  it('a session idle for more than 30 minutes ends', async () => {
    const c = await t.as('grid');
    const token = c.cookie!.split('=')[1]!;
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    await t.ctx.db.execute(sql`update sessions set last_seen_at = now() - interval '29 minutes' where token_hash = ${hash}`);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.ctx.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where token_hash = ${hash}`);
    // 31 idle minutes have "passed": far longer than a process keeps a resolved session (seconds).
    forgetCachedSessions();
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a session resolved moments ago still ends at once on logout, deactivation and password reset', async () => {
    const admin = await t.as('admin');
    const security = await t.as('security');
    for (const end of ['logout', 'deactivate', 'reset'] as const) {
      const username = `s${end.slice(0, 3)}${uniq()}`;
      const { id } = await createUser(username);
      const c = await t.as(username, 'Test@2026pw');
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
      if (end === 'logout') expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
      if (end === 'deactivate') expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
      if (end === 'reset') expect((await security.post(`/api/users/${id}/password`, { password: 'Other#2027pw' })).statusCode).toBeLessThan(300);
      expect((await c.get('/api/auth/me')).statusCode, end).toBe(401);
    }
  });

  it('without a session every API read is 401', async () => {
    for (const url of ['/api/auth/me', '/api/areas/320614', '/api/people', '/api/users', '/api/audit']) {
      expect((await t.anonymous().get(url)).statusCode).toBe(401);
    }
  });

  it('password change enforces the policy and is audited', async () => {
    const username = `pw${uniq()}`;
    await createUser(username);
    const c = await t.as(username, 'Test@2026pw');
    const weak = await c.post('/api/auth/password', { currentPassword: 'Test@2026pw', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(weak).error.code).toBe('weak_password');
    expect((await c.post('/api/auth/password', { currentPassword: 'Test@2026pw', newPassword: 'Better#2027x' })).statusCode).toBe(204);
    await t.as(username, 'Better#2027x');
  });
});

describe('audit', () => {
  it('records logins, failed logins and logouts with who, when and from where', async () => {
    const c = await t.as('secretary');
    await c.post('/api/auth/logout');
    await t.anonymous().post('/api/auth/login', { username: 'secretary', password: 'nope' });
    const auditor = await t.as('auditor');
    const res = json<{ items: { action: string; outcome: string; actor: string; at: string; ip: string | null }[] }>(
      await auditor.get('/api/audit?actor=secretary&pageSize=10'),
    );
    const actions = res.items.map((i) => `${i.action}:${i.outcome}`);
    expect(actions).toContain('auth.login:ok');
    expect(actions).toContain('auth.logout:ok');
    expect(actions).toContain('auth.login:failed');
    expect(res.items[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(res.items[0]!.ip).toBeTruthy();
  });

  it('the audit log is append-only in the database itself', async () => {
    await expect(t.ctx.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('only the audit administrator reads and exports the audit log (三员分立)', async () => {
    for (const username of ['leader', 'admin', 'security']) {
      const c = await t.as(username);
      expect((await c.get('/api/audit')).statusCode, username).toBe(403);
      expect((await c.get('/api/exports/audit.xlsx')).statusCode, username).toBe(403);
    }
    const auditor = await t.as('auditor');
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    expect((await auditor.get('/api/exports/audit.xlsx')).statusCode).toBe(200);
    // Nobody edits it: there is no write route, and the auditor administers nothing else.
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'] as const) {
      expect((await auditor.request(method, '/api/audit', {})).statusCode).toBe(404);
    }
    expect((await auditor.get('/api/users')).statusCode).toBe(403);
    const me = json<{ abilities: string[] }>(await auditor.get('/api/auth/me'));
    expect(me.abilities).toContain('audit.read');
    expect(me.abilities).not.toContain('users.manage');
    expect(json<{ abilities: string[] }>(await (await t.as('admin')).get('/api/auth/me')).abilities).not.toContain('audit.read');
  });

  it('the separated duties stay with different people and the administrator cannot make himself an auditor', async () => {
    const admin = await t.as('admin');
    const me = json<{ id: string }>(await admin.get('/api/auth/me'));
    expect((await admin.patch(`/api/users/${me.id}`, { roles: ['admin', 'auditor'] })).statusCode).toBe(403);
    const made = await admin.post('/api/users', { username: `aud${uniq()}`, displayName: '测试审计', password: 'Test@2026pw', roles: ['auditor'], scopeCode: '320614' });
    expect(made.statusCode).toBe(403);
    const security = await t.as('security');
    const both = await security.post('/api/users', { username: `two${uniq()}`, displayName: '测试', password: 'Test@2026pw', roles: ['security', 'auditor'], scopeCode: '320614' });
    expect(both.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(both).error.code).toBe('separated_duties');
    const auditor = await security.post('/api/users', { username: `aud${uniq()}`, displayName: '第二审计管理员', password: 'Test@2026pw', roles: ['auditor'], scopeCode: '320614' });
    expect(auditor.statusCode).toBe(201);
    // The administrator can neither edit nor deactivate the auditor's account; the security administrator
    // creates no ordinary accounts.
    expect((await admin.patch(`/api/users/${json<{ id: string }>(auditor).id}`, { active: false })).statusCode).toBe(403);
    expect((await security.post('/api/users', { username: `gw${uniq()}`, displayName: '测试', password: 'Test@2026pw', roles: ['grid-worker'], scopeCode: '320614103001001' })).statusCode).toBe(403);
  });
});
