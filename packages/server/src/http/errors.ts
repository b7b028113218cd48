import { DomainError, type ErrorKind } from '@gongzhi/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { duplicateIdNumber } from '../services/people.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
  too_many: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

interface ZodIssueLike {
  path?: (string | number)[];
  message?: string;
  code?: string;
  instancePath?: string;
  params?: { issue?: { path?: (string | number)[]; message?: string; params?: { code?: unknown } }; params?: { code?: unknown } };
}

const WHERE: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

const MULTIPART_MESSAGES = /^(Multipart: Boundary not found|Unexpected end of (form|file)|Malformed (part header|urlencoded form)|Unexpected end of multipart data|Part terminated early)/;

const GENERIC_4XX: Record<number, [string, string]> = {
  400: ['bad_request', '请求不正确'],
  404: ['not_found', '请求的资源不存在'],
  405: ['method_not_allowed', '不支持该请求方法'],
  406: ['not_acceptable', '请求内容格式不被接受'],
  408: ['request_timeout', '请求超时'],
  411: ['length_required', '缺少请求长度'],
  413: ['payload_too_large', '请求体或文件过大'],
  414: ['uri_too_long', '请求地址过长'],
  415: ['unsupported_media_type', '不支持的请求内容类型'],
  429: ['too_many_requests', '请求过于频繁，请稍后再试'],
  431: ['header_too_large', '请求头过大'],
};

interface PgErrorLike {
  code?: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

/** The PostgreSQL error behind a driver or Drizzle wrapper (node-postgres and PGlite alike). */
function pgErrorOf(e: unknown): PgErrorLike | null {
  for (let x = e as (PgErrorLike & { cause?: unknown }) | undefined, i = 0; x && typeof x === 'object' && i < 4; x = x.cause as typeof x, i++) {
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code)) return x;
  }
  return null;
}

const camel = (col: string) => col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The field a constraint violation is about: `Key (unit_id)=(…)` in the detail, else the constraint name. */
function fieldOf(pg: PgErrorLike | null): string | null {
  const m = /Key \(([a-z0-9_]+)(?:, [a-z0-9_]+)*\)=/.exec(pg?.detail ?? '');
  if (m) return camel(m[1]!);
  const c = /^[a-z0-9]+_([a-z0-9_]+?)_[a-z0-9]+_[a-z0-9_]+_fk$/.exec(pg?.constraint ?? '');
  return c ? camel(c[1]!) : null;
}

const NETWORK_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const DRIVER_DOWN = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * The database cannot be reached, or dropped the connection: a network error, a connection
 * exception (class 08), an administrator or crash shutdown (57P01-57P03), too many connections.
 * The request did nothing (its transaction, if any, rolled back with the connection).
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let x = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | undefined, i = 0; x && typeof x === 'object' && i < 5; x = x.cause as typeof x, i++) {
    const code = typeof x.code === 'string' ? x.code : '';
    if (NETWORK_DOWN.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    if (typeof x.message === 'string' && DRIVER_DOWN.test(x.message)) return true;
    if (Array.isArray(x.errors) && x.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** Seconds a client is asked to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_S = 5;

/** One place maps every failure to the contract's error shape and status. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof DomainError) {
    return { status: STATUS[err.kind], body: body(err.code, err.message, err.details) };
  }
  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const validation = (fe as { validation?: unknown }).validation as ZodIssueLike[] | undefined;
    const issues = (validation ?? []).map((v) => {
      const path = v.params?.issue?.path ?? (v.instancePath ? v.instancePath.split('/').filter(Boolean) : []);
      return { field: path.join('.') || '(整体)', message: v.params?.issue?.message ?? v.message ?? '不合法' };
    });
    const where = WHERE[fe.validationContext ?? ''] ?? '请求';
    const first = issues[0];
    const message = first ? `${where}字段 ${first.field} 不正确：${first.message}` : `${where}不正确`;
    // A shared schema may name its own stable code (isoDay: invalid_date).
    const first0 = validation?.[0]?.params;
    const own = first0?.params?.code ?? first0?.issue?.params?.code;
    return { status: 400, body: body(typeof own === 'string' ? own : 'invalid_request', message, { issues }) };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('malformed_json', '请求体不是合法的 JSON') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, body: body('payload_too_large', '请求体或文件过大') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: body('unsupported_media_type', '不支持的请求内容类型，请使用 application/json（上传文件用 multipart/form-data）') };
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return { status: 400, body: body('malformed_multipart', '上传的表单数据不完整或格式不正确') };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: body('uri_too_long', '请求地址过长') };
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: body('bad_url', '请求地址格式不正确') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: body('bad_request', '请求长度不正确') };
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return { status: 400, body: body('bad_request', '请求不正确') };
    default:
      break;
  }
  if (fe instanceof SyntaxError) return { status: 400, body: body('malformed_json', '请求体不是合法的 JSON') };
  // busboy (behind @fastify/multipart) reports a missing boundary or a cut-off body as a plain Error.
  if (fe instanceof Error && MULTIPART_MESSAGES.test(fe.message ?? '')) {
    return { status: 400, body: body('malformed_multipart', '上传的表单数据不完整或格式不正确（缺少 boundary 或内容被截断）') };
  }
  // A date the schema let through that does not exist (a safety net: routes check days with isoDay).
  if (fe instanceof RangeError && /Invalid time value|Invalid Date/i.test(fe.message)) {
    return { status: 400, body: body('invalid_date', '日期不正确：应为真实存在的日期，格式 YYYY-MM-DD') };
  }
  if (isDatabaseUnavailable(fe)) {
    return { status: 503, body: body('database_unavailable', '数据库暂时不可用，请稍后重试（新建类请求请使用相同的 Idempotency-Key 重试）') };
  }
  const pg = pgErrorOf(fe);
  const pgCode = pg?.code;
  // Database data exceptions (class 22: bad number, bad date …) come from input the schema let through.
  if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
    return { status: 400, body: body('invalid_value', '请求中的某个值超出了允许的范围') };
  }
  // A reference to something that does not exist (an unknown unitId, householdId …): name the field.
  if (pgCode === '23503') {
    const field = fieldOf(pg);
    return { status: 400, body: body('unknown_reference', `字段 ${field ?? '(引用)'} 引用的对象不存在`, field ? { field } : undefined) };
  }
  if (pgCode === '23502') {
    const field = pg?.column ? camel(pg.column) : fieldOf(pg);
    return { status: 400, body: body('missing_field', `缺少必填字段 ${field ?? ''}`.trim(), field ? { field } : undefined) };
  }
  // A database constraint caught what the rules should have: report a conflict, never a 5xx.
  if (pgCode === '23505' && pg?.constraint === 'people_id_hash_uq') {
    // Two saves of the same identity number at once (form or import): the one that lost is told why.
    const e = duplicateIdNumber();
    return { status: 409, body: body(e.code, e.message) };
  }
  if (pgCode === '23505') return { status: 409, body: body('conflict', '数据已存在或已被处理，请刷新后重试') };
  if (pgCode === '23514') return { status: 409, body: body('conflict', '操作会违反数据约束（如余额或库存不足），已拒绝') };
  if (typeof pgCode === 'string' && pgCode.startsWith('23')) return { status: 409, body: body('conflict', '操作会违反数据约束，已拒绝') };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const [code, message] = GENERIC_4XX[fe.statusCode] ?? ['bad_request', '请求不正确'];
    return { status: fe.statusCode, body: body(code, message) };
  }
  return { status: 500, body: body('internal_error', '服务器内部错误，请稍后再试') };
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const { status, body: payload } = toErrorResponse(err);
  if (status === 503) {
    req.log.warn({ code: payload.error.code }, 'database unavailable');
    void reply.header('Retry-After', String(DATABASE_RETRY_AFTER_S));
  } else if (status >= 500) req.log.error({ err }, 'unhandled error');
  return reply.status(status).send(payload);
}
