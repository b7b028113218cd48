import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import { z } from 'zod';
import { Open311Created, Open311Discovery, Open311Errors, Open311Requests, Open311ServiceDefinition, Open311Services, Open311Tokens } from '@gongzhi/domain/contract';
import { DomainError } from '@gongzhi/domain';
import type { AppContext } from '../services/context.ts';
import * as o311 from '../services/open311.ts';
import { requestContext } from '../http/request.ts';
import { DATABASE_RETRY_AFTER_S, toErrorResponse } from '../http/errors.ts';
import { textResponse } from './common.ts';

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

/** The XML answers are text, declared by media type; JSON ones by their GeoReport schema. */
const XML = 'text/xml';
const tags = ['Open311'];
const ERRORS_XML = textResponse(XML, 'GeoReport 错误列表：<errors><error><code>HTTP 状态</code><description>说明</description></error></errors>');
const jsonAnswers = (status: 200 | 201, schema: z.ZodType) => ({ [status]: schema, '4xx': Open311Errors, '5xx': Open311Errors });
const xmlAnswers = (status: 200 | 201, description: string) => ({ [status]: textResponse(XML, description), '4xx': ERRORS_XML, '5xx': ERRORS_XML });

/** A query or form documented for /api/docs but not validated here: GeoReport's own checks answer in its words. */
const documentedOnly = () => () => true;

const requestsQuery = z.object({
  service_request_id: z.string().optional().describe('逗号分隔的多个 service_request_id（最多 100 个）；给出时忽略其他条件'),
  service_code: z.string().optional().describe('逗号分隔的多个 service_code'),
  start_date: z.string().optional().describe('W3C 日期时间；缺省为 end_date（或现在）之前 90 天'),
  end_date: z.string().optional().describe('W3C 日期时间'),
  status: z.string().optional().describe('open 或 closed'),
});
const requestForm = z.object({
  api_key: z.string().describe('开放接口密钥（系统管理员发放）'),
  service_code: z.string(),
  lat: z.string().optional().describe('WGS84 纬度；与 long 一起，或给出 address_string'),
  long: z.string().optional(),
  address_string: z.string().optional(),
  description: z.string().optional().describe('最多 4000 字'),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  phone: z.string().optional(),
});

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

    /**
     * One GeoReport resource in both formats: `<path>.json` (serialised through its schema) and `<path>.xml` (the same
     * value as XML under `root`). Each is an operation of its own in the document, tagged Open311.
     */
    const resource = <S extends z.ZodType>(
      method: 'GET' | 'POST',
      path: string,
      o: {
        summary: string;
        root: string;
        json: S;
        status?: 200 | 201;
        params?: z.ZodObject;
        querystring?: z.ZodObject;
        body?: z.ZodObject;
        load: (req: FastifyRequest) => Promise<z.input<S>>;
      },
    ) => {
      const status = o.status ?? 200;
      for (const format of ['json', 'xml'] as const) {
        const documented = o.querystring || o.body;
        scope.route({
          method,
          url: `${base}/${path}.${format}`,
          schema: {
            tags,
            summary: `${o.summary}（${format.toUpperCase()}）`,
            security: [],
            ...(o.params ? { params: o.params } : {}),
            ...(o.querystring ? { querystring: o.querystring } : {}),
            ...(o.body ? { body: o.body, consumes: ['application/x-www-form-urlencoded'] } : {}),
            response: format === 'json' ? jsonAnswers(status, o.json) : xmlAnswers(status, `${o.summary}（XML，根元素 <${o.root}>）`),
          },
          ...(documented ? { validatorCompiler: documentedOnly } : {}),
          handler: async (req, reply) =>
            guard(format, reply, async () => {
              const value = await o.load(req);
              // JSON goes through the schema's serialiser; XML is written here.
              return format === 'json' ? reply.status(status).send(value) : send(reply, format, o.root, value, status);
            }),
        });
      }
    };

    const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
    resource('GET', 'discovery', { summary: '服务发现', root: 'discovery', json: Open311Discovery, load: async (req) => o311.discovery(origin(req)) });
    resource('GET', 'services', { summary: '服务列表（事项目录的末级分类）', root: 'services', json: Open311Services, load: () => o311.services(ctx) });
    resource('GET', 'services/:service_code', {
      summary: '服务定义',
      root: 'service_definition',
      json: Open311ServiceDefinition,
      params: z.object({ service_code: z.string() }),
      load: (req) => o311.serviceDefinition(ctx, (req.params as { service_code: string }).service_code),
    });
    resource('GET', 'requests', {
      summary: '诉求列表',
      root: 'service_requests',
      json: Open311Requests,
      querystring: requestsQuery,
      load: (req) => o311.listRequests(ctx, req.query as o311.RequestsQuery),
    });
    resource('POST', 'requests', {
      summary: '提交诉求（表单编码，需 api_key；支持 Idempotency-Key）',
      root: 'service_requests',
      json: Open311Created,
      status: 201,
      body: requestForm,
      load: (req) => {
        const raw = (req.body ?? {}) as Record<string, unknown>;
        const form: o311.Open311Post = {};
        for (const [k, v] of Object.entries(raw)) form[k] = Array.isArray(v) ? String(v[0]) : v == null ? undefined : String(v);
        const key = req.headers['idempotency-key'];
        return o311.postRequest(ctx, form, requestContext(req), Array.isArray(key) ? key[0] : key);
      },
    });
    resource('GET', 'requests/:service_request_id', {
      summary: '诉求详情',
      root: 'service_requests',
      json: Open311Requests,
      params: z.object({ service_request_id: z.string() }),
      load: (req) => o311.getRequest(ctx, (req.params as { service_request_id: string }).service_request_id),
    });
    resource('GET', 'tokens/:token', {
      summary: '由提交令牌查诉求编号',
      root: 'service_requests',
      json: Open311Tokens,
      params: z.object({ token: z.string() }),
      load: (req) => o311.tokenLookup(ctx, (req.params as { token: string }).token),
    });

    // Anything else under /open311/v2/ (another name, no .json or .xml): GeoReport's 404, as before the routes above.
    const hide = { schema: { hide: true } };
    const unknown = (file: string, reply: FastifyReply) => {
      const f = split(file);
      return f ? sendError(reply, f.format, 404, `${f.name} not found`) : sendError(reply, 'json', 404, 'use .json or .xml');
    };
    scope.get<{ Params: { file: string } }>(`${base}/:file`, hide, async (req, reply) => unknown(req.params.file, reply));
    for (const dir of ['services', 'requests', 'tokens']) {
      scope.get<{ Params: { file: string } }>(`${base}/${dir}/:file`, hide, async (req, reply) => unknown(req.params.file, reply));
    }
    scope.post<{ Params: { file: string } }>(`${base}/:file`, hide, async (req, reply) => sendError(reply, split(req.params.file)?.format ?? 'json', 404, 'not found'));

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
