import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginChallenge, LoginResult, Me, ME_EXAMPLE, NoContent, Session } from '@gongzhi/domain/contract';
import type { AppContext } from '../services/context.ts';
import * as auth from '../services/auth.ts';
import { isHttps, requestContext, requireActor, SESSION_COOKIE } from '../http/request.ts';

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录',
        description: '失败次数较多时（429 challenge_required / account_locked，details.challengeRequired 为 true）须先取 GET /api/auth/challenge 的验证题，连同答案一起提交。',
        body: z.object({
          username: z.string().min(1, '请输入用户名').max(64),
          password: z.string().min(1, '请输入密码').max(128),
          challengeToken: z.string().max(300).optional(),
          challengeAnswer: z.string().max(10, '验证答案过长').optional(),
        }),
        response: { 200: LoginResult },
      },
    },
    async (req, reply) => {
      const { challengeToken, challengeAnswer } = req.body;
      const challenge = challengeToken !== undefined || challengeAnswer !== undefined ? { token: challengeToken ?? '', answer: challengeAnswer ?? '' } : undefined;
      const { token, actor } = await auth.login(ctx, req.body.username, req.body.password, requestContext(req), challenge);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: isHttps(req, ctx) });
      return { user: await auth.me(ctx, actor) };
    },
  );
  r.get(
    '/api/auth/challenge',
    { schema: { tags: ['auth'], summary: '登录验证题（图片，另附供读屏和朗读的文字题目；5 分钟内有效，只能作答一次）', response: { 200: LoginChallenge } } },
    async () => auth.newChallenge(ctx),
  );
  // The app's first question, asked on every page before anyone has signed in (a resident scanning a QR code): an
  // answer, not an error. `/api/auth/me` keeps its 401 for the signed-out (API-CONTRACT.md).
  r.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: '当前会话：已登录时为当前用户，未登录或登录已过期时 user 为 null（不返回 401）', response: { 200: Session } } },
    async (req) => ({ user: req.actor ? await auth.me(ctx, req.actor) : null }),
  );
  r.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me.meta({ example: ME_EXAMPLE }) } } }, async (req) => auth.me(ctx, requireActor(req)));
  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 204: NoContent } } }, async (req, reply) => {
    const actor = requireActor(req);
    await auth.logout(ctx, req.sessionToken!, actor, requestContext(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await auth.changePassword(ctx, requireActor(req), req.sessionToken!, req.body.currentPassword, req.body.newPassword, requestContext(req));
      return reply.status(204).send(null);
    },
  );
}
