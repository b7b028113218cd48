import { DomainError, type ErrorKind } from '@gongzhi/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
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
  params?: { issue?: { path?: (string | number)[]; message?: string } };
}

const WHERE: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

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
    return { status: 400, body: body('invalid_request', message, { issues }) };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('malformed_json', '请求体不是合法的 JSON') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: body('payload_too_large', '请求体过大') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: body('unsupported_media_type', '不支持的请求内容类型，请使用 application/json') };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: body('uri_too_long', '请求地址过长') };
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: body('bad_url', '请求地址格式不正确') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: body('bad_request', '请求长度不正确') };
    default:
      break;
  }
  if (fe instanceof SyntaxError) return { status: 400, body: body('malformed_json', '请求体不是合法的 JSON') };
  // Database data exceptions (class 22: bad number, bad date …) come from input the schema let through.
  const pgCode = (fe as { code?: unknown }).code ?? (fe as { cause?: { code?: unknown } }).cause?.code;
  if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
    return { status: 400, body: body('invalid_value', '请求中的某个值超出了允许的范围') };
  }
  // A database constraint caught what the rules should have: report a conflict, never a 5xx.
  if (pgCode === '23505') return { status: 409, body: body('conflict', '数据已存在或已被处理，请刷新后重试') };
  if (pgCode === '23514') return { status: 409, body: body('conflict', '操作会违反数据约束（如余额或库存不足），已拒绝') };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: body('bad_request', '请求不正确') };
  }
  return { status: 500, body: body('internal_error', '服务器内部错误，请稍后再试') };
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const { status, body: payload } = toErrorResponse(err);
  if (status >= 500) req.log.error({ err }, 'unhandled error');
  return reply.status(status).send(payload);
}
