import type { FastifyInstance, FastifyReply } from 'fastify';
import formbody from '@fastify/formbody';
import { DomainError } from '@gongzhi/domain';
import type { AppContext } from '../services/context.ts';
import * as o311 from '../services/open311.ts';
import { requestContext } from '../http/request.ts';
import { DATABASE_RETRY_AFTER_S, toErrorResponse } from '../http/errors.ts';

// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): JSON and XML, form-encoded POST,
// errors as a list of {code, description}. Service codes are catalogue codes.

type Format = 'json' | 'xml';

function escapeXml(v: unknown): string {
  return String(v ?? '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function toXml(name: string, value: unknown, itemNames: Record<string, string> = {}): string {
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    return `<${name}>${value.map((v) => toXml(item, v, itemNames)).join('')}</${name}>`;
  }
  if (value !== null && typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => toXml(k, v, itemNames)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(value)}</${name}>`;
}

const ITEMS = { services: 'service', service_requests: 'request', errors: 'error', endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value' };

function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) {
  if (format === 'xml') {
    return reply
      .status(status)
      .type('text/xml; charset=utf-8')
      .send(`<?xml version="1.0" encoding="utf-8"?>${toXml(root, value, ITEMS)}`);
  }
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}

function split(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

function sendError(reply: FastifyReply, format: Format, status: number, description: string) {
  return send(reply, format, 'errors', [{ code: status, description }], status);
}

/** An error under /open311 raised outside its handlers (a bad URL, an unknown path): GeoReport's list. */
export function sendOpen311Error(reply: FastifyReply, url: string, status: number, description: string) {
  const path = url.split('?')[0] ?? '';
  return sendError(reply, /\.xml$/i.test(path) ? 'xml' : 'json', status, description);
}

export async function open311Routes(app: FastifyInstance, ctx: AppContext) {
  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });
    const base = '/open311/v2';
    const guard = (format: Format, reply: FastifyReply, fn: () => Promise<unknown>) =>
      fn().catch((e: unknown) => {
        if (e instanceof o311.Open311Error) return sendError(reply, format, e.status, e.description);
        if (e instanceof DomainError) return sendError(reply, format, e.kind === 'not_found' ? 404 : 400, e.message);
        throw e;
      });
    const hide = { schema: { hide: true } };

    scope.get<{ Params: { file: string } }>(`${base}/:file`, hide, async (req, reply) => {
      const f = split(req.params.file);
      if (!f) return sendError(reply, 'json', 404, 'use .json or .xml');
      return guard(f.format, reply, async () => {
        const url = `${req.protocol}://${req.host}`;
        if (f.name === 'discovery') return send(reply, f.format, 'discovery', o311.discovery(url));
        if (f.name === 'services') return send(reply, f.format, 'services', await o311.services(ctx));
        if (f.name === 'requests') return send(reply, f.format, 'service_requests', await o311.listRequests(ctx, req.query as o311.RequestsQuery));
        return sendError(reply, f.format, 404, `${f.name} not found`);
      });
    });

    scope.get<{ Params: { file: string } }>(`${base}/services/:file`, hide, async (req, reply) => {
      const f = split(req.params.file);
      if (!f) return sendError(reply, 'json', 404, 'use .json or .xml');
      return guard(f.format, reply, async () => send(reply, f.format, 'service_definition', await o311.serviceDefinition(ctx, f.name)));
    });

    scope.get<{ Params: { file: string } }>(`${base}/requests/:file`, hide, async (req, reply) => {
      const f = split(req.params.file);
      if (!f) return sendError(reply, 'json', 404, 'use .json or .xml');
      return guard(f.format, reply, async () => send(reply, f.format, 'service_requests', await o311.getRequest(ctx, f.name)));
    });

    scope.get<{ Params: { file: string } }>(`${base}/tokens/:file`, hide, async (req, reply) => {
      const f = split(req.params.file);
      if (!f) return sendError(reply, 'json', 404, 'use .json or .xml');
      return guard(f.format, reply, async () => send(reply, f.format, 'service_requests', await o311.tokenLookup(ctx, f.name)));
    });

    scope.post<{ Params: { file: string } }>(`${base}/:file`, hide, async (req, reply) => {
      const f = split(req.params.file);
      if (!f || f.name !== 'requests') return sendError(reply, f?.format ?? 'json', 404, 'not found');
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const form: o311.Open311Post = {};
      for (const [k, v] of Object.entries(raw)) form[k] = Array.isArray(v) ? String(v[0]) : v == null ? undefined : String(v);
      const key = req.headers['idempotency-key'];
      const idempotencyKey = Array.isArray(key) ? key[0] : key;
      return guard(f.format, reply, async () => send(reply, f.format, 'service_requests', await o311.postRequest(ctx, form, requestContext(req), idempotencyKey), 201));
    });

    // Errors raised before a handler (bad form body, too large) keep the Open311 shape too.
    // Errors raised by the app's own hooks (a session that must change its password first, a login
    // needed) keep their status and message, in GeoReport's list rather than the /api error object.
    scope.setErrorHandler((err: { statusCode?: number; message?: string }, req, reply) => {
      const format: Format = req.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json';
      if (err instanceof DomainError) {
        const { status } = toErrorResponse(err);
        return sendError(reply, format, status < 500 ? status : 400, err.message);
      }
      const { status: mapped } = toErrorResponse(err);
      // The database away (restart, failover): GeoReport's list, 503 and when to retry, as under /api.
      if (mapped === 503) {
        req.log.warn('database unavailable');
        void reply.header('Retry-After', String(DATABASE_RETRY_AFTER_S));
        return sendError(reply, format, 503, 'service temporarily unavailable, retry later with the same Idempotency-Key');
      }
      if (mapped >= 500) req.log.error({ err }, 'unhandled error');
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : mapped < 500 ? mapped : 400;
      return sendError(reply, format, status, status === 413 ? 'request too large' : status === 415 ? 'unsupported content type' : 'bad request');
    });
  });
}
