import crypto from 'node:crypto';
import { conflict, DomainError, forbidden, notFound, STATE_LABELS, type CaseState } from '@gongzhi/domain';
import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { areas, cases, files, open311Keys, units } from '../db/schema.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canManageOpen311Keys } from '../policies/case.ts';
import { listCatalogue } from '../repositories/cases.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import { broadcast, onBroadcast } from '../lib/cluster-bus.ts';
import { createCase } from './cases.ts';
import type { AppContext } from './context.ts';
import type { Open311Created, Open311Discovery, Open311Request, Open311Service, Open311ServiceDefinition, Open311Tokens } from '@gongzhi/domain/contract';
import { fileUrl } from './files.ts';

/** An Open311 error: rendered as `[{code, description}]` with the HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

export async function createApiKey(ctx: AppContext, actor: Actor | null, name: string, key = `gz311_${crypto.randomBytes(18).toString('base64url')}`, req?: RequestContext) {
  if (actor && !canManageOpen311Keys(actor)) throw forbidden('只有系统管理员可以管理开放接口密钥');
  const existing = await ctx.db.select().from(open311Keys).where(eq(open311Keys.keyHash, hashKey(key))).limit(1);
  if (existing.length) throw conflict('key_exists', '该密钥已存在');
  const [row] = await ctx.db
    .insert(open311Keys)
    .values({ name, keyHash: hashKey(key), keyHint: key.slice(-4), createdBy: actor?.id ?? null })
    .returning();
  if (actor && req) await audit(ctx.db, { actor }, req, { action: 'open311.key.create', entityType: 'open311_key', entityId: row!.id, detail: { name } });
  return { id: row!.id, name, key, keyHint: row!.keyHint, createdAt: toIsoCst(row!.createdAt) };
}

export async function listApiKeys(ctx: AppContext, actor: Actor) {
  if (!canManageOpen311Keys(actor)) throw forbidden('只有系统管理员可以管理开放接口密钥');
  const rows = await ctx.db.select().from(open311Keys).orderBy(desc(open311Keys.createdAt));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, keyHint: r.keyHint, createdAt: toIsoCst(r.createdAt), revokedAt: toIsoCst(r.revokedAt) })) };
}

export async function revokeApiKey(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  if (!canManageOpen311Keys(actor)) throw forbidden('只有系统管理员可以管理开放接口密钥');
  const rows = await ctx.db.update(open311Keys).set({ revokedAt: new Date() }).where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt))).returning();
  if (!rows.length) throw notFound('密钥');
  broadcast(KEY_TOPIC, rows[0]!.keyHash);
  await audit(ctx.db, { actor }, req, { action: 'open311.key.revoke', entityType: 'open311_key', entityId: id });
  return { id, revokedAt: toIsoCst(rows[0]!.revokedAt!) };
}

// Every Open311 POST checks its key: a valid key is remembered for a few seconds per process;
// revoking it forgets it at once here and in the other workers of a cluster.
const KEY_CACHE_MS = 5_000;
const KEY_TOPIC = 'open311.key.revoked';
const keyCache = new Map<string, { name: string; at: number }>();
onBroadcast(KEY_TOPIC, (keyHash) => keyCache.delete(keyHash));

async function clientOf(ctx: AppContext, apiKey: string | undefined): Promise<string> {
  if (!apiKey) throw new Open311Error(400, 'api_key is required');
  const keyHash = hashKey(apiKey);
  const hit = keyCache.get(keyHash);
  if (hit && Date.now() - hit.at < KEY_CACHE_MS) return hit.name;
  const rows = await ctx.db
    .select()
    .from(open311Keys)
    .where(and(eq(open311Keys.keyHash, keyHash), isNull(open311Keys.revokedAt)))
    .limit(1);
  if (!rows[0]) {
    keyCache.delete(keyHash);
    throw new Open311Error(403, 'Invalid api_key');
  }
  if (keyCache.size > 1000) keyCache.clear();
  keyCache.set(keyHash, { name: rows[0].name, at: Date.now() });
  return rows[0].name;
}

// The district (root area) a request without a usable point goes to; it never changes.
const rootArea = new WeakMap<object, Promise<string | undefined>>();

function districtCode(ctx: AppContext): Promise<string | undefined> {
  let code = rootArea.get(ctx.database);
  if (!code) {
    code = ctx.db
      .select({ code: areas.code })
      .from(areas)
      .where(eq(areas.level, 'district'))
      .orderBy(asc(areas.code))
      .limit(1)
      .then((r) => r[0]?.code);
    rootArea.set(ctx.database, code);
    // A failed or empty look-up (no areas yet) is asked again next time.
    void code.then((c) => !c && rootArea.delete(ctx.database), () => rootArea.delete(ctx.database));
  }
  return code;
}

// ---- discovery and services -----------------------------------------------------------------

export function discovery(baseUrl: string): Open311Discovery {
  return {
    changeset: '2026-11-22T00:00:00+08:00',
    contact: '南通市海门区社会治理现代化指挥中心',
    key_service: '请联系区指挥中心系统管理员申请 api_key',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/open311/v2`,
        changeset: '2026-11-22T00:00:00+08:00',
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

export async function services(ctx: AppContext): Promise<Open311Service[]> {
  const rows = (await listCatalogue(ctx.db)).filter((r) => r.active);
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return rows
    .filter((r) => r.leaf)
    .map((r) => ({
      service_code: r.code,
      service_name: r.name,
      description: `${names.get(r.parentCode ?? '') ?? ''} / ${r.name}`,
      metadata: false,
      type: 'realtime',
      keywords: r.keywords.join(','),
      group: names.get(r.parentCode ?? '') ?? '',
    }));
}

export async function serviceDefinition(ctx: AppContext, code: string): Promise<Open311ServiceDefinition> {
  const row = (await listCatalogue(ctx.db)).find((r) => r.code === code && r.leaf && r.active);
  if (!row) throw new Open311Error(404, `service_code ${code} not found`);
  return { service_code: row.code, attributes: [] };
}

// ---- requests -------------------------------------------------------------------------------

const OPEN311_STATUS = (state: string): Open311Request['status'] => (['closed', 'rejected', 'withdrawn', 'merged'].includes(state) ? 'closed' : 'open');

async function presentRequests(ctx: AppContext, rows: (typeof cases.$inferSelect)[]): Promise<Open311Request[]> {
  const categories = new Map((await listCatalogue(ctx.db)).map((c) => [c.code, c.name]));
  const unitIds = [...new Set(rows.map((r) => r.handlerUnitId).filter((x): x is string => !!x))];
  const unitNames = new Map(
    unitIds.length ? (await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map((u) => [u.id, u.name]) : [],
  );
  const owners = [...new Set(rows.map((r) => r.ownerAreaCode))];
  const ownerNames = new Map(
    owners.length ? (await ctx.db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, owners))).map((a) => [a.code, a.name]) : [],
  );
  const media = new Map<string, string>();
  if (rows.length) {
    const res = await ctx.db
      .select({ caseId: files.caseId, id: files.id })
      .from(files)
      .where(inArray(files.caseId, rows.map((r) => r.id)))
      .orderBy(asc(files.createdAt));
    for (const f of res) if (f.caseId && !media.has(f.caseId)) media.set(f.caseId, fileUrl(ctx, f.id, 86400));
  }
  return rows.map((r) => ({
    service_request_id: r.code,
    status: OPEN311_STATUS(r.state),
    status_notes: r.answer ?? STATE_LABELS[r.state as CaseState]?.zh ?? r.state,
    service_name: categories.get(r.categoryCode) ?? r.categoryCode,
    service_code: r.categoryCode,
    description: r.description,
    agency_responsible: r.handlerUnitId ? (unitNames.get(r.handlerUnitId) ?? '') : `${ownerNames.get(r.ownerAreaCode) ?? ''}`,
    service_notice: '',
    requested_datetime: toIsoCst(r.createdAt),
    updated_datetime: toIsoCst(r.updatedAt),
    expected_datetime: toIsoCst(r.dueAt),
    address: r.address ?? '',
    address_id: '',
    zipcode: '',
    lat: r.lat ?? '',
    long: r.lng ?? '',
    media_url: media.get(r.id) ?? '',
  }));
}

export interface RequestsQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

function parseDate(value: string | undefined, name: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} must be a w3 formatted date`);
  return d;
}

export async function listRequests(ctx: AppContext, q: RequestsQuery) {
  const ids = q.service_request_id?.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids && ids.length > 100) throw new Open311Error(400, 'too many service_request_id values');
  if (q.status && !['open', 'closed'].includes(q.status)) throw new Open311Error(400, 'status must be open or closed');
  const start = parseDate(q.start_date, 'start_date');
  const end = parseDate(q.end_date, 'end_date');
  const conds = ids?.length
    ? [inArray(cases.code, ids)]
    : [
        // Without ids the spec's default window is the last 90 days, at most 1000 requests.
        gte(cases.createdAt, start ?? new Date((end ?? new Date()).getTime() - 90 * 86400_000)),
        end ? lte(cases.createdAt, end) : undefined,
        q.service_code ? inArray(cases.categoryCode, q.service_code.split(',')) : undefined,
        q.status === 'closed' ? inArray(cases.state, ['closed', 'rejected', 'withdrawn', 'merged']) : undefined,
        q.status === 'open' ? inArray(cases.state, ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'suspended']) : undefined,
      ];
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(and(...conds))
    .orderBy(ids?.length ? asc(cases.createdAt) : desc(cases.createdAt))
    .limit(1000);
  return presentRequests(ctx, rows);
}

export async function getRequest(ctx: AppContext, id: string) {
  const rows = await ctx.db.select().from(cases).where(eq(cases.code, id)).limit(1);
  if (!rows[0]) throw new Open311Error(404, `service_request_id ${id} not found`);
  return presentRequests(ctx, rows);
}

export async function tokenLookup(ctx: AppContext, token: string): Promise<Open311Tokens> {
  if (!/^[0-9a-f-]{36}$/i.test(token)) throw new Open311Error(404, 'token not found');
  const rows = await ctx.db.select({ code: cases.code }).from(cases).where(eq(cases.id, token)).limit(1);
  if (!rows[0]) throw new Open311Error(404, 'token not found');
  return [{ service_request_id: rows[0].code, token }];
}

export type Open311Post = Record<string, string | undefined>;

/**
 * Creates a service request. With an `Idempotency-Key` (API-CONTRACT: writes that create something
 * honour it), the same key from the same API key answers the first request again and creates
 * nothing new — a hotline system retrying after a timeout does not file the complaint twice.
 */
export async function postRequest(ctx: AppContext, form: Open311Post, req: RequestContext, idempotencyKey?: string): Promise<Open311Created> {
  const client = await clientOf(ctx, form.api_key);
  const serviceCode = form.service_code?.trim();
  if (!serviceCode) throw new Open311Error(400, 'service_code is required');
  const lat = form.lat !== undefined && form.lat !== '' ? Number(form.lat) : undefined;
  const lng = form.long !== undefined && form.long !== '' ? Number(form.long) : undefined;
  const address = form.address_string?.trim();
  if ((lat === undefined || lng === undefined) && !address) throw new Open311Error(400, 'lat/long or address_string is required');
  if ((lat !== undefined && !Number.isFinite(lat)) || (lng !== undefined && !Number.isFinite(lng))) throw new Open311Error(400, 'lat and long must be numbers');
  const description = (form.description ?? '').trim();
  if (description.length > 4000) throw new Open311Error(400, 'description is too long');
  const name = [form.last_name, form.first_name].filter(Boolean).join('').trim();
  const phone = form.phone?.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  const root = await districtCode(ctx);
  try {
    const created = await createCase(
      ctx,
      null,
      {
        title: (description || serviceCode).slice(0, 40),
        description: description || '（未填写描述）',
        categoryCode: serviceCode,
        channel: 'open311',
        location: lat !== undefined && lng !== undefined ? { lat, lng, crs: 'wgs84' } : undefined,
        // A point is placed in its grid; without one (or outside every grid) the district centre takes it.
        areaCode: root,
        address: address?.slice(0, 200) || undefined,
        reporter: name || phone ? { name: name.slice(0, 40) || undefined, phone: phone && /^1[3-9]\d{9}$/.test(phone) ? phone : undefined } : undefined,
        public: false,
      },
      req,
      { open311Client: client, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) },
    );
    const body = created.body as { id: string; code: string };
    return [{ service_request_id: body.code, token: body.id, service_notice: '已受理登记，可凭 service_request_id 查询办理进度', account_id: '' }];
  } catch (e) {
    if (e instanceof DomainError) {
      throw new Open311Error(e.kind === 'not_found' ? 404 : e.kind === 'forbidden' ? 403 : 400, e.message);
    }
    throw e;
  }
}
