import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * The response check of the integration tier (docs/API.md "Response check"): every answer the tests produce is
 * recorded as (method, route, status, body) and checked against the route's declared response schema. A route that
 * declares responses must declare the status it answered with, the body must validate, and the serialiser must not
 * have refused the handler's value. Answers of routes without response schemas are counted, not checked.
 */
export interface ResponseLog {
  /** Answers checked against a declared schema. */
  checked: number;
  /** Answers of routes that declare no responses yet, by `METHOD /route`. */
  undeclared: Map<string, number>;
  /** What did not match, one line each. */
  mismatches: string[];
}

type Responses = Record<string, unknown>;

/** The schema a route declares for a status: the exact code, then `4xx`-style ranges, then `default`. */
export function schemaFor(responses: Responses, status: number): z.ZodType | null {
  const s = responses[String(status)] ?? responses[`${Math.floor(status / 100)}xx`] ?? responses.default;
  return s instanceof z.ZodType ? s : null;
}

/** The media types a route declares for a status when that answer is a file (`{ content: { <type>: … } }`), else null. */
export function fileMediaTypes(responses: Responses, status: number): string[] | null {
  const r = responses[String(status)];
  if (!r || r instanceof z.ZodType || typeof r !== 'object' || !('content' in r)) return null;
  return Object.keys((r as { content: Record<string, unknown> }).content);
}

export function recordResponses(app: FastifyInstance): ResponseLog {
  const log: ResponseLog = { checked: 0, undeclared: new Map(), mismatches: [] };
  const keyOf = (method: string, url: string | undefined) => `${method} ${url ?? '(no route)'}`;
  app.addHook('onError', async (req, _reply, err) => {
    // The serialiser refused the handler's value (a required field missing, a wrong type): the answer went out as a 500.
    if ((err as { code?: string }).code === 'FST_ERR_RESPONSE_SERIALIZATION') {
      const cause = (err as { cause?: { issues?: unknown } }).cause;
      log.mismatches.push(`${keyOf(req.method, req.routeOptions.url)}: the handler's value does not match the schema: ${JSON.stringify(cause?.issues ?? cause).slice(0, 600)}`);
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const route = req.routeOptions.url;
    if (!route?.startsWith('/api/')) return payload;
    const key = keyOf(req.method, route);
    const responses = (req.routeOptions.schema as { response?: Responses } | undefined)?.response;
    if (!responses) {
      log.undeclared.set(key, (log.undeclared.get(key) ?? 0) + 1);
      return payload;
    }
    const status = reply.statusCode;
    if (status === 204 || status === 304) return payload;
    // A file answer (an .xlsx template): declared by its media type, the body is not JSON.
    const media = fileMediaTypes(responses, status);
    if (media) {
      const type = String(reply.getHeader('content-type') ?? '').split(';')[0]!.trim();
      if (media.includes(type)) log.checked++;
      else log.mismatches.push(`${key} ${status}: answered ${type || 'no content type'}, the route declares ${media.join(', ')}`);
      return payload;
    }
    const schema = schemaFor(responses, status);
    if (!schema) {
      log.mismatches.push(`${key}: answered ${status}, which the route does not declare`);
      return payload;
    }
    if (typeof payload !== 'string') {
      log.mismatches.push(`${key} ${status}: the body is not JSON text (declare this answer's content type)`);
      return payload;
    }
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      log.mismatches.push(`${key} ${status}: the body is not JSON`);
      return payload;
    }
    const r = schema.safeParse(body);
    log.checked++;
    if (!r.success) log.mismatches.push(`${key} ${status}: ${JSON.stringify(r.error.issues).slice(0, 600)}`);
    return payload;
  });
  return log;
}

/** Throws with every mismatch, so the test file that produced them fails. */
export function assertResponsesMatch(log: ResponseLog) {
  if (log.mismatches.length === 0) return;
  const shown = [...new Set(log.mismatches)].slice(0, 20);
  throw new Error(`${log.mismatches.length} answer(s) do not match their declared response schema (docs/API.md):\n${shown.join('\n')}`);
}
