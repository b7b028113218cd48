// A small fetch wrapper: JSON in and out, the session cookie rides along, errors become ApiError.
import type { z } from 'zod';

export interface ApiIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems the server named (`details.field` or `details.issues`). */
  get fieldErrors(): ApiIssue[] {
    const d = this.details as { field?: unknown; issues?: unknown } | undefined;
    if (!d || typeof d !== 'object') return [];
    const out: ApiIssue[] = [];
    if (typeof d.field === 'string') out.push({ field: d.field, message: this.message });
    if (Array.isArray(d.issues)) {
      for (const i of d.issues as { field?: unknown; message?: unknown }[]) {
        if (typeof i.field === 'string') out.push({ field: i.field, message: typeof i.message === 'string' ? i.message : this.message });
      }
    }
    return out;
  }
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called whenever a request answers 401 (session ended): the app sends the user to the login page. */
export function onUnauthorized(fn: UnauthorizedListener): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * What a caller may put in the query string a server schema reads (`querystring`): the schema's input, with a
 * `'true' | 'false'` flag taken as a boolean and a coerced number as a number (`withQuery` writes both as text).
 */
export type QueryInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: QueryValue<z.input<S>[K]> };
type QueryValue<V> = unknown extends V ? number | string : [Exclude<V, undefined>] extends ['true' | 'false'] ? boolean | 'true' | 'false' : Exclude<V, undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Do not broadcast a 401 (the login call itself answers 401 for a wrong password). */
  quiet401?: boolean;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body !== undefined ? 'POST' : 'GET');
  // A change: what was read ahead of it may predate it.
  if (method !== 'GET') ahead.clear();
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', networkMessage());
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const apiErr = new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? statusMessage(res.status), err?.details);
    if (res.status === 401 && !opts.quiet401) unauthorizedListeners.forEach((fn) => fn());
    throw apiErr;
  }
  return json as T;
}

function isEnglish(): boolean {
  try {
    return localStorage.getItem('gz.locale') === 'en';
  } catch {
    return false;
  }
}

function networkMessage(): string {
  return isEnglish() ? 'Cannot reach the server. Check the network and try again.' : '无法连接服务器，请检查网络后重试';
}

function statusMessage(status: number): string {
  const en = isEnglish();
  if (status >= 500) return en ? 'Server error, please try again later' : '服务器暂时不可用，请稍后再试';
  if (status === 404) return en ? 'Not found' : '请求的内容不存在';
  if (status === 403) return en ? 'Not allowed' : '没有权限';
  return en ? `Request failed (${status})` : `请求失败（${status}）`;
}

/**
 * Answers asked for ahead of the page that reads them (`prefetch`, from a route's `prefetch` before its first render):
 * each is handed to the first `get` of the same address and then forgotten, and a change (any other method) drops them
 * all, so nothing read after a change predates it. One left unread is dropped after a while.
 */
const ahead = new Map<string, Promise<unknown>>();
const AHEAD_MS = 15_000;

/** Starts reading `path` now, for the `get` of the same address that will follow (the page's first render). */
export function prefetch(path: string, query?: Query): void {
  const url = withQuery(path, query);
  if (ahead.has(url)) return;
  const answer = api<unknown>(url);
  // Failures reach the page's own `get`, which shows them; until then one must not count as unhandled.
  answer.catch(() => undefined);
  ahead.set(url, answer);
  setTimeout(() => ahead.get(url) === answer && ahead.delete(url), AHEAD_MS);
}

/** `p`, or an AbortError as soon as `signal` aborts (the answer itself is still read, by nobody). */
function untilAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new DOMException('The read was aborted', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export function get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const url = withQuery(path, query);
  const early = ahead.get(url);
  if (!early) return api<T>(url, { signal });
  ahead.delete(url);
  return untilAborted(early as Promise<T>, signal);
}
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
