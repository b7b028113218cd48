import { DomainError } from '@gongzhi/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentHeader } from '../lib/xlsx.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import type { AppContext } from '../services/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'gz_session';

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError('unauthenticated', 'unauthenticated', '未登录或登录已过期，请重新登录');
  return req.actor;
}

export function requestContext(req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/**
 * Whether the browser reached us over HTTPS: directly, through a trusted proxy that says so
 * (X-Forwarded-Proto, believed only from TRUST_PROXY addresses), or as declared by COOKIE_SECURE=true.
 */
export function isHttps(req: FastifyRequest, ctx: AppContext): boolean {
  return ctx.config.secureCookies || req.protocol === 'https';
}

/** Answers a file to download: its type, and its name (Chinese kept for the browsers that read `filename*`). */
export function sendAttachment(reply: FastifyReply, type: string, fileName: string, body: unknown) {
  return reply.header('content-type', type).header('content-disposition', attachmentHeader(fileName)).send(body);
}
