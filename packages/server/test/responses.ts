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

/**
 * The media types a route declares for a status when that answer is declared by media type
 * (`{ content: { <type>: { schema } } }`: a file, XML, or JSON beside CSV), with each type's schema; else null.
 * The exact code first, then `4xx`-style ranges, then `default`, as for schemas.
 */
export function declaredContent(responses: Responses, status: number): Record<string, z.ZodType | null> | null {
  const r = responses[String(status)] ?? responses[`${Math.floor(status / 100)}xx`] ?? responses.default;
  if (!r || r instanceof z.ZodType || typeof r !== 'object' || !('content' in r)) return null;
  const content = (r as { content: Record<string, { schema?: unknown }> }).content;
  return Object.fromEntries(Object.entries(content).map(([type, c]) => [type, c.schema instanceof z.ZodType ? c.schema : null]));
}

/** Whether a media type is JSON (`application/json`, `application/…+json`). */
const isJsonType = (type: string) => type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);

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
    if (!route?.startsWith('/api/') && !route?.startsWith('/open311/')) return payload;
    const key = keyOf(req.method, route);
    const responses = (req.routeOptions.schema as { response?: Responses } | undefined)?.response;
    if (!responses) {
      log.undeclared.set(key, (log.undeclared.get(key) ?? 0) + 1);
      return payload;
    }
    const status = reply.statusCode;
    if (status === 204 || status === 304) return payload;
    // An answer declared by media type (an .xlsx template, Open311's XML, the leaderboard's JSON or CSV): the answer's
    // Content-Type must be one of them; a JSON answer must also validate against the schema declared for its type.
    const content = declaredContent(responses, status);
    let schema: z.ZodType | null;
    if (content) {
      const type = String(reply.getHeader('content-type') ?? '').split(';')[0]!.trim();
      if (!(type in content)) {
        log.mismatches.push(`${key} ${status}: answered ${type || 'no content type'}, the route declares ${Object.keys(content).join(', ')}`);
        return payload;
      }
      if (!isJsonType(type) || !content[type]) {
        log.checked++;
        return payload;
      }
      schema = content[type];
    } else {
      schema = schemaFor(responses, status);
    }
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
