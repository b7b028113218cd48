import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './helpers.ts';

/**
 * A bounded, deterministic fuzz of every operation of /api/openapi.json and every Open311 route:
 * malformed bodies, wrong types, huge strings, deep nesting, invalid UTF-8, impossible dates, hostile
 * path segments and content types, as a few roles and anonymously. It fails on any 5xx and on any
 * /api error body outside the contract's shape. `npm run fuzz -- --count 20000 --seed 7` runs longer.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** mulberry32: small, fast and the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  required?: string[];
};
interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  params: Param[];
  body: Schema | null;
  multipart: boolean;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  '"; DROP TABLE cases; --',
  '<script>alert(1)</script>',
  '\u202e\u200b',
  '\u0000',
  'a\u0007b',
  '%00',
  '%FF%FE',
  '../../etc/passwd',
  '😀'.repeat(50),
  '𠀀𠀁',
  '\ud800',
  'NaN',
  '-1',
  '1e309',
  '2026-02-31',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '320614',
  '320614103001001',
  '999999999999999999999',
  'HM202612010000001',
  '__proto__',
  'constructor',
  'true',
  'null',
  '[]',
  '{}',
];
const HOSTILE_SEGMENTS = ['%FF', '%FF%FE', '%00', '..', '..%2F..%2F', '%2e%2e', 'a'.repeat(300), '%E4%B8', '\u4e2d\u6587', 'null', '-1', '0', '99999999999999999999', '00000000-0000-0000-0000-000000000000', '%20', '%0d%0a', '.json', 'x.xml', "'", '%25'];
const DATES = ['2026-02-31', '2026-13-01', '2026-00-00', '2024-02-29', '1899-12-31', '3000-01-01', '2026-1-1', '20260101', '2026-02-28T00:00:00Z', 'yesterday', ''];

function build(r: () => number) {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const randomUuid = () => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(r() * 16).toString(16));

  /** A value the schema accepts more or less (so some requests get past validation), or a hostile one. */
  function value(s: Schema | undefined, depth = 0): unknown {
    if (!s || depth > 6) return pick(HOSTILE_STRINGS);
    if (chance(0.12)) return wrongType(s);
    if (s.enum?.length) return chance(0.9) ? pick(s.enum) : `${String(pick(s.enum))}x`;
    const alts = s.anyOf ?? s.oneOf;
    if (alts?.length) return value(pick(alts), depth + 1);
    if (s.allOf?.length) return value(s.allOf[0], depth + 1);
    const type = Array.isArray(s.type) ? pick(s.type) : s.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, p] of Object.entries(s.properties ?? {})) if ((s.required ?? []).includes(k) || chance(0.6)) out[k] = value(p, depth + 1);
        if (chance(0.05)) out[pick(['__proto__', 'constructor', 'extra', ''])] = { polluted: true };
        return out;
      }
      case 'array':
        return Array.from({ length: chance(0.05) ? 300 : Math.floor(r() * 4) }, () => value(s.items, depth + 1));
      case 'integer':
        return pick([0, 1, -1, 2, 10, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, Math.floor((s.minimum ?? 0) + r() * 100)]);
      case 'number':
        return pick([0, 1.5, -1, 1e308, -1e308, 31.9, 121.2, 90.0001, Math.round(r() * 1000) / 10]);
      case 'boolean':
        return chance(0.5);
      case 'null':
        return null;
      case 'string':
      default:
        return stringFor(s);
    }
  }

  function stringFor(s: Schema): string {
    if (chance(0.25)) return pick(HOSTILE_STRINGS);
    if (chance(0.03)) return 'x'.repeat(pick([1000, 70_000, 300_000]));
    if (s.format === 'uuid') return chance(0.8) ? randomUuid() : 'not-a-uuid';
    if (s.format === 'date' || /date|day/i.test(s.pattern ?? '')) return pick(DATES);
    if (s.pattern?.includes('\\d{4}-\\d{2}')) return pick(DATES);
    if (s.pattern?.includes('\\d{6')) return pick(['320614', '320614103', '320614103001', '320614103001001', '320614103002', '110101', '32061410300100100101']);
    return pick(['路灯不亮', '测试', 'abc', '2026-02-31', '13962812345', 'satisfied', 'B0110', 'vanguard', 'admin']);
  }

  function wrongType(s: Schema): unknown {
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    const choices: unknown[] = [null, 42, -1.5, true, 'x', [], {}, [1, 'a'], { a: { b: {} } }];
    return pick(choices.filter((c) => typeof c !== type));
  }

  return { pick, chance, value, randomUuid };
}

async function operations(t: TestApp): Promise<Operation[]> {
  const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
    paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  };
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path: p,
        params: op.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  // Open311 GeoReport v2 again, as a client would call it: a free query parameter, and a form with numbers in it.
  for (const f of ['discovery', 'services', 'requests']) for (const ext of ['json', 'xml']) ops.push({ method: 'GET', path: `/open311/v2/${f}.${ext}`, params: [{ name: 'q', in: 'query' }], body: null, multipart: false });
  for (const f of ['services', 'requests', 'tokens']) ops.push({ method: 'GET', path: `/open311/v2/${f}/{id}.json`, params: [{ name: 'id', in: 'path' }], body: null, multipart: false });
  ops.push({ method: 'POST', path: '/open311/v2/requests.json', params: [], body: { type: 'object', properties: { api_key: { type: 'string' }, service_code: { type: 'string' }, lat: { type: 'number' }, long: { type: 'number' }, description: { type: 'string' } } }, multipart: false });
  return ops;
}

/** Percent-encodes a segment; a lone surrogate becomes the bytes of invalid UTF-8 (itself a good hostile input). */
function encodeSegment(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
}

interface Failure {
  who: string;
  method: string;
  url: string;
  status: number;
  body: string;
  why: string;
}

function judge(res: LightMyRequestResponse, url: string): string | null {
  if (res.statusCode >= 500) return '5xx';
  if (!url.startsWith('/api/') || res.statusCode < 400) return null;
  try {
    const b = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof b?.error?.code !== 'string' || typeof b.error.message !== 'string') return 'error body outside the contract';
    if (!/[\u4e00-\u9fa5]/.test(b.error.message)) return 'error message not in Chinese';
  } catch {
    return 'error body is not JSON';
  }
  return null;
}

describe(`fuzz: ${COUNT} hostile requests (seed ${SEED})`, () => {
  it('never answers 5xx, and every /api error is in the contract’s shape', { timeout: 600_000 }, async () => {
    const r = rng(SEED);
    const g = build(r);
    const ops = await operations(t);
    expect(ops.length).toBeGreaterThan(50);
    // Logged in before the fuzz starts (random logins must not throttle these).
    const clients = [
      { who: 'anonymous', cookie: null as string | null },
      { who: 'admin', cookie: (await t.as('admin')).cookie },
      { who: 'community', cookie: (await t.as('community')).cookie },
      { who: 'resident', cookie: (await t.as('resident')).cookie },
      { who: 'merchant', cookie: (await t.as('merchant')).cookie },
    ];
    const failures: Failure[] = [];
    const tally = new Map<number, number>();
    for (let i = 0; i < COUNT; i++) {
      const op = ops[i % ops.length]!;
      const client = g.pick(clients);
      // Ending the session would turn the rest of the run anonymous; changing a password cannot pass anyway.
      if (op.path === '/api/auth/logout' && client.cookie) continue;
      const mode = g.pick(['valid-ish', 'valid-ish', 'types', 'path', 'query', 'raw-body', 'content-type'] as const);

      let path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const p = op.params.find((x) => x.in === 'path' && x.name === name);
        if (mode === 'path' || g.chance(0.15)) return g.pick(HOSTILE_SEGMENTS);
        const v = g.value(p?.schema ?? { type: 'string' });
        return encodeSegment(typeof v === 'string' ? v : JSON.stringify(v));
      });
      if (mode === 'path' && g.chance(0.3)) path += g.pick(['/%FF', '/..', '//', '/extra', '%00']);

      const query = new URLSearchParams();
      for (const p of op.params.filter((x) => x.in === 'query')) {
        if (mode !== 'query' && g.chance(0.5)) continue;
        const v = mode === 'query' && g.chance(0.5) ? g.pick([...HOSTILE_STRINGS, ...DATES]) : g.value(p.schema);
        query.append(p.name, typeof v === 'string' ? v : JSON.stringify(v));
        if (mode === 'query' && g.chance(0.2)) query.append(p.name, 'again');
      }
      if (mode === 'query' && g.chance(0.1)) query.append('x', 'y'.repeat(g.pick([100, 5000])));
      let url = path + (query.size ? `?${query.toString()}` : '');
      if (mode === 'query' && g.chance(0.1)) url += g.pick(['&%FF=1', '&a=%E4%B8', '&&&', '&from=%00']);

      const headers: Record<string, string> = {};
      if (client.cookie) headers.cookie = client.cookie;
      let payload: string | Buffer | undefined;
      if (op.method !== 'GET' && op.method !== 'DELETE') {
        if (mode === 'raw-body') {
          headers['content-type'] = 'application/json';
          payload = g.pick([
            Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
            '['.repeat(5000) + ']'.repeat(5000),
            '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
            '{"title": "x", ',
            '',
            'null',
            '[]',
            '"string"',
            '12',
            '{"__proto__":{"admin":true}}',
            JSON.stringify({ [g.pick(['title', 'name', 'note', 'reason'])]: 'x'.repeat(900_000) }),
          ]);
        } else if (mode === 'content-type') {
          const ct = g.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=zz', 'application/xml', 'application/json; charset=latin1', 'image/png', '', 'application/json, text/html']);
          if (ct) headers['content-type'] = ct;
          payload = g.pick(['a=1&b=2', '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG', '<x/>', '{}']);
        } else if (op.multipart) {
          const boundary = `fz${i}`;
          headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
          payload = Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${g.pick(['file', 'other', ''])}"; filename="${g.pick(['a.png', 'evil.html', '../x', '\u202e.pdf'])}"\r\n\r\n`),
            g.pick([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('%PDF-1.4 x'), Buffer.from('GIF89a<html>'), Buffer.alloc(10, 0xff)]),
            Buffer.from(g.chance(0.8) ? `\r\n--${boundary}--\r\n` : '\r\n--'),
          ]);
        } else if (op.body || op.path.startsWith('/open311/')) {
          const body = mode === 'types' ? g.pick([[], 'x', 42, null, { deep: JSON.parse('{"a":'.repeat(50) + '1' + '}'.repeat(50)) as unknown }]) : g.value(op.body ?? undefined);
          if (op.path.startsWith('/open311/')) {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            payload = new URLSearchParams(Object.entries(typeof body === 'object' && body ? body : { a: body }).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : String(JSON.stringify(v))])).toString();
          } else {
            headers['content-type'] = 'application/json';
            payload = JSON.stringify(body) ?? 'null';
          }
        }
      }
      let res: LightMyRequestResponse;
      try {
        res = await t.app.inject({ method: op.method as 'GET', url, headers, payload, remoteAddress: `10.77.${i % 250}.${(i >> 8) % 250}` });
      } catch (e) {
        failures.push({ who: client.who, method: op.method, url: url.slice(0, 200), status: 0, body: String(e).slice(0, 300), why: 'inject threw' });
        continue;
      }
      tally.set(res.statusCode, (tally.get(res.statusCode) ?? 0) + 1);
      const why = judge(res, url);
      if (why) failures.push({ who: client.who, method: op.method, url: url.slice(0, 200), status: res.statusCode, body: res.body.slice(0, 300), why });
    }
    if (process.env.FUZZ_VERBOSE) console.log(`fuzz statuses: ${[...tally].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ')}`);
    expect(failures.slice(0, 25)).toEqual([]);
  });
});
