// Service points and the 15-minute circle, the talent registry (名录库) and sunk-down cadres (下沉干部):
// docs/SERVICE-POINTS.md. One function per change; each writes its audit row in the same transaction.
import {
  CADRE_CHECKIN_RULE,
  CADRE_KINDS,
  CADRE_TASK_RULE,
  checkinDay,
  conflict,
  DETOUR_FACTOR,
  forbidden,
  invalid,
  isWithinScope,
  levelOfCode,
  maskPhone,
  notFound,
  SERVICE_CIRCLE_MINUTES,
  SERVICE_CIRCLE_STRAIGHT_METRES,
  SERVICE_POINT_KINDS,
  STREET_ASSESSMENT_WEIGHT,
  EXPECTED_DAYS_PER_MONTH,
  TALENT_CATEGORIES,
  TALENT_ROLES,
  talentListed,
  unitAttendance,
  WALK_METRES_PER_MINUTE,
  withinWalk,
  type CadreKind,
  type CadreTaskState,
  type ServicePointKind,
  type TalentCategory,
  type TalentRole,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import {
  canKeepServicePointsIn,
  canKeepTalentsIn,
  canManageCadresIn,
  canReadCadres,
  canReadServicePoints,
  canReadTalents,
  COMMUNITY_KEEPERS,
  isCadre,
  keepsTalents,
  SERVICE_POINT_KEEPERS,
} from '../policies/cadres.ts';
import { hasAnyRole } from '../policies/actor.ts';
import * as repo from '../repositories/cadres.ts';
import { scopeOf, systemScope } from '../repositories/scope.ts';
import { findArea } from '../repositories/areas.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { fileUrl } from './files.ts';
import { awardAutomatically } from './points.ts';

const label = <T extends { code: string; zh: string }>(list: readonly T[], code: string | null) => list.find((k) => k.code === code)?.zh ?? code ?? '';
const page = <T>(q: { page: number; pageSize: number }, total: number, items: T[]) => ({ total, page: q.page, pageSize: q.pageSize, items });

/** A person's name without the account suffix （居民）/（党员）. */
const plainName = (name: string) => name.replace(/（[^）]*）$/, '').trim() || name;

// ==== service points ========================================================================================

export interface ServicePointInput {
  areaCode?: string;
  kind?: string;
  name?: string;
  lat?: number;
  lng?: number;
  address?: string | null;
  hours?: string | null;
  services?: string[];
  contactName?: string | null;
  contactPhone?: string | null;
}

function servicePointDto(actor: Actor, p: repo.ServicePointRow, areaName?: string | null) {
  return {
    id: p.id,
    areaCode: p.areaCode,
    areaName: areaName ?? null,
    // The columns hold the codes the routes accept.
    kind: p.kind as ServicePointKind,
    kindName: label(SERVICE_POINT_KINDS, p.kind),
    name: p.name,
    lat: p.lat,
    lng: p.lng,
    address: p.address,
    hours: p.hours,
    services: p.services,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    allowedActions: canKeepServicePointsIn(actor, p.areaCode) && !p.retiredAt ? ['edit', 'retire'] : [],
  };
}

export async function listServicePoints(ctx: AppContext, actor: Actor, q: { area?: string; kind?: string; page: number; pageSize: number }) {
  if (!canReadServicePoints(actor)) throw forbidden('您的角色不能查看服务点位');
  if (q.area && !isWithinScope(q.area, actor.scopeCode) && !isWithinScope(actor.scopeCode, q.area)) throw notFound('区域');
  const res = await repo.listServicePoints(ctx.db, scopeOf(actor), { area: q.area, kinds: q.kind ? [q.kind] : undefined, page: q.page, pageSize: q.pageSize });
  return page(q, res.total, res.rows.map((r) => servicePointDto(actor, r.row, r.areaName)));
}

async function servicePointInScope(ctx: AppContext, actor: Actor, id: string) {
  if (!canReadServicePoints(actor)) throw notFound('服务点位');
  const p = await repo.findServicePoint(ctx.db, scopeOf(actor), id);
  if (!p) throw notFound('服务点位');
  return p;
}

export async function getServicePoint(ctx: AppContext, actor: Actor, id: string) {
  const p = await servicePointInScope(ctx, actor, id);
  return servicePointDto(actor, p);
}

async function checkServicePointArea(ctx: AppContext, actor: Actor, code: string) {
  const level = levelOfCode(code);
  if (level !== 'village' && level !== 'grid') throw invalid('invalid_area_code', '服务点位所属区域应为社区（村）或网格代码', { field: 'areaCode' });
  const area = await findArea(ctx.db, scopeOf(actor), code);
  if (!area) throw notFound('区域');
  if (!canKeepServicePointsIn(actor, code)) throw forbidden('您的角色不能维护服务点位');
}

export async function createServicePoint(ctx: AppContext, actor: Actor, input: ServicePointInput & { areaCode: string; kind: string; name: string; lat: number; lng: number }, req: RequestContext) {
  if (!hasAnyRole(actor, SERVICE_POINT_KEEPERS)) throw forbidden('您的角色不能维护服务点位');
  await checkServicePointArea(ctx, actor, input.areaCode);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertServicePoint(tx, {
      areaCode: input.areaCode,
      kind: input.kind,
      name: input.name,
      lat: input.lat,
      lng: input.lng,
      address: input.address ?? null,
      hours: input.hours ?? null,
      services: input.services ?? [],
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      createdBy: actor.id,
    });
    await audit(tx, { actor }, req, { action: 'service-point.create', entityType: 'service_point', entityId: row.id, areaCode: row.areaCode, detail: { name: row.name, kind: row.kind } });
    return servicePointDto(actor, row);
  });
}

export async function updateServicePoint(ctx: AppContext, actor: Actor, id: string, input: ServicePointInput & { retired?: boolean }, req: RequestContext) {
  const current = await servicePointInScope(ctx, actor, id);
  if (!canKeepServicePointsIn(actor, current.areaCode)) throw forbidden('您的角色不能维护服务点位');
  if (current.retiredAt) throw conflict('retired', '该服务点位已撤销，不能修改');
  if (input.areaCode && input.areaCode !== current.areaCode) await checkServicePointArea(ctx, actor, input.areaCode);
  const { retired, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateServicePoint(tx, id, { ...fields, ...(retired ? { retiredAt: new Date() } : {}) });
    await audit(tx, { actor }, req, { action: retired ? 'service-point.retire' : 'service-point.update', entityType: 'service_point', entityId: id, areaCode: row.areaCode, detail: { name: row.name, fields: Object.keys(input) } });
    return servicePointDto(actor, row);
  });
}

// ---- the 15-minute circle ---------------------------------------------------------------------------------

type Position = [number, number];
function positionsOf(geometry: unknown): Position[] {
  const out: Position[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number') out.push([v[0], v[1]]);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  const g = geometry as { coordinates?: unknown; geometry?: { coordinates?: unknown } } | null;
  walk(g?.coordinates ?? g?.geometry?.coordinates);
  return out;
}

/** Which area's place stood for a home: its building's point or outline, else its grid's, else its community's. */
export type HomeAt = 'building' | 'grid' | 'community' | 'area';

/**
 * The middle of an area: the centre of the box around its outline (or point), or around those of the areas under
 * it. A unit has no place of its own: its building's stands for it (a building drawn on the territory map, issue 13),
 * else its grid's, else its community's — `at` says which.
 */
async function areaCentre(ctx: AppContext, code: string): Promise<{ lat: number; lng: number; at: HomeAt } | null> {
  let pts: Position[] = [];
  let used = code;
  for (const c of [...new Set([code, code.slice(0, 18), code.slice(0, 15), code.slice(0, 12)])]) {
    pts = (await repo.geometriesUnder(ctx.db, c)).flatMap(positionsOf);
    used = c;
    if (pts.length) break;
  }
  if (!pts.length) return null;
  const lngs = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  const at: HomeAt = used.length >= 18 ? 'building' : used.length === 15 ? 'grid' : used.length === 12 ? 'community' : 'area';
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, at };
}

/**
 * Service points within 15 minutes' walk of home. Home is the point given (the phone's location), the area the
 * resident chose, or where their household lives: its building's point when the territory has one, else the middle
 * of its grid (`homeAt` says which, and the phone says so).
 */
export async function nearbyServicePoints(ctx: AppContext, actor: Actor, q: { area?: string; lat?: number; lng?: number }) {
  let home: { lat: number; lng: number; at?: HomeAt } | null;
  let source: 'location' | 'area' | 'home' | 'home-area';
  let areaCode: string | null = null;
  if (q.lat !== undefined && q.lng !== undefined) {
    home = { lat: q.lat, lng: q.lng };
    source = 'location';
  } else if (q.area) {
    const a = await repo.areaExists(ctx.db, q.area);
    if (!a) throw notFound('区域');
    areaCode = a.code;
    home = await areaCentre(ctx, a.code);
    source = 'area';
  } else {
    const person = actor.personId ? await repo.personHome(ctx.db, actor.personId) : null;
    areaCode = person?.areaCode ?? actor.scopeCode;
    home = await areaCentre(ctx, areaCode);
    source = person ? 'home' : 'home-area';
  }
  const areaName = areaCode ? ((await repo.areaExists(ctx.db, areaCode))?.name ?? null) : null;
  // The communities of the caller's town, for choosing another home on the phone.
  const town = (areaCode ?? actor.scopeCode).length >= 9 ? (areaCode ?? actor.scopeCode).slice(0, 9) : null;
  const choices = town ? await repo.villagesOf(ctx.db, town) : [];
  const method = {
    minutes: SERVICE_CIRCLE_MINUTES,
    speedKmh: (WALK_METRES_PER_MINUTE * 60) / 1000,
    detourFactor: DETOUR_FACTOR,
    note: `按直线距离 × ${DETOUR_FACTOR} 绕行系数、步行 ${(WALK_METRES_PER_MINUTE * 60) / 1000} 公里/小时估算，并非实际路线`,
  };
  const homeAt: HomeAt | 'location' | null = source === 'location' ? 'location' : (home?.at ?? null);
  if (!home) return { home: null, homeAt, source, areaCode, areaName, method, choices, items: [] };
  home = { lat: home.lat, lng: home.lng };
  // Candidates inside a box a little larger than the circle, then the exact estimate.
  const dLat = (SERVICE_CIRCLE_STRAIGHT_METRES * 1.1) / 111_320;
  const dLng = dLat / Math.max(0.2, Math.cos((home.lat * Math.PI) / 180));
  const rows = await repo.servicePointsInBox(ctx.db, { minLat: home.lat - dLat, maxLat: home.lat + dLat, minLng: home.lng - dLng, maxLng: home.lng + dLng });
  const near = withinWalk(
    home,
    rows.map((r) => ({ ...r.row, areaName: r.areaName })),
  );
  return {
    home,
    homeAt,
    source,
    areaCode,
    areaName,
    method,
    choices,
    items: near.map((p) => ({ ...servicePointDto(actor, p, p.areaName), allowedActions: [], metres: p.metres, walkMinutes: p.walkMinutes })),
  };
}

// ==== talents (名录库) =======================================================================================

export interface TalentInput {
  areaCode?: string;
  name?: string;
  category?: string;
  roles?: string[];
  workplace?: string | null;
  expertise?: string | null;
  phone?: string | null;
}

function talentDto(actor: Actor, t: repo.TalentRow, areaName?: string | null) {
  const keeper = canKeepTalentsIn(actor, t.areaCode);
  const listed = talentListed(t);
  return {
    id: t.id,
    areaCode: t.areaCode,
    areaName: areaName ?? null,
    name: t.name,
    category: t.category as TalentCategory,
    categoryName: label(TALENT_CATEGORIES, t.category),
    roles: t.roles as TalentRole[],
    roleNames: t.roles.map((r) => label(TALENT_ROLES, r)),
    workplace: t.workplace,
    expertise: t.expertise,
    phone: maskPhone(t.phoneLast4),
    listed,
    consentAt: toIsoCst(t.consentAt),
    consentWithdrawnAt: toIsoCst(t.consentWithdrawnAt),
    consentNote: keeper ? t.consentNote : null,
    allowedActions: keeper ? ['edit', listed ? 'withdraw-consent' : 'record-consent', ...(t.phoneCipher ? ['reveal'] : [])] : [],
  };
}

function phoneFields(ctx: AppContext, phone: string | null | undefined) {
  if (phone === undefined) return {};
  if (phone === null || phone === '') return { phoneCipher: null, phoneLast4: null };
  if (!/^1\d{10}$/.test(phone) && !/^0\d{2,3}-?\d{7,8}$/.test(phone)) throw invalid('invalid_phone', '联系电话应为 11 位手机号码或带区号的固定电话', { field: 'phone' });
  return { phoneCipher: ctx.cipher.encrypt(phone), phoneLast4: phone.replace(/\D/g, '').slice(-4) };
}

export async function listTalents(ctx: AppContext, actor: Actor, q: { area?: string; category?: string; role?: string; page: number; pageSize: number }) {
  if (!canReadTalents(actor)) throw forbidden('您的角色不能查看名录库');
  if (q.area && !isWithinScope(q.area, actor.scopeCode) && !isWithinScope(actor.scopeCode, q.area)) throw notFound('区域');
  // Consent decides who is listed to others; the keepers of the registry see everyone they keep.
  const res = await repo.listTalents(ctx.db, scopeOf(actor), { ...q, listedOnly: !keepsTalents(actor) });
  return page(q, res.total, res.rows.map((r) => talentDto(actor, r.row, r.areaName)));
}

async function talentToKeep(ctx: AppContext, actor: Actor, id: string) {
  if (!canReadTalents(actor)) throw notFound('名录人员');
  const t = await repo.findTalent(ctx.db, scopeOf(actor), id);
  if (!t || (!keepsTalents(actor) && !talentListed(t))) throw notFound('名录人员');
  if (!canKeepTalentsIn(actor, t.areaCode)) throw forbidden('您的角色不能维护名录库');
  return t;
}

export async function createTalent(ctx: AppContext, actor: Actor, input: TalentInput & { areaCode: string; name: string; category: string; consent: boolean; consentNote?: string | null }, req: RequestContext) {
  if (!keepsTalents(actor)) throw forbidden('您的角色不能维护名录库');
  if (levelOfCode(input.areaCode) !== 'village') throw invalid('invalid_area_code', '名录库按村（社区）建立，所属区域应为村（社区）代码', { field: 'areaCode' });
  if (!(await findArea(ctx.db, scopeOf(actor), input.areaCode)) || !canKeepTalentsIn(actor, input.areaCode)) throw notFound('区域');
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const row = await repo.insertTalent(tx, {
      areaCode: input.areaCode,
      name: input.name,
      category: input.category,
      roles: input.roles ?? [],
      workplace: input.workplace ?? null,
      expertise: input.expertise ?? null,
      ...phoneFields(ctx, input.phone),
      consentAt: input.consent ? now : null,
      consentNote: input.consent ? (input.consentNote ?? null) : null,
      createdBy: actor.id,
    });
    await audit(tx, { actor }, req, { action: 'talent.create', entityType: 'talent', entityId: row.id, areaCode: row.areaCode, detail: { name: row.name, consent: input.consent } });
    return talentDto(actor, row);
  });
}

export async function updateTalent(ctx: AppContext, actor: Actor, id: string, input: TalentInput, req: RequestContext) {
  const current = await talentToKeep(ctx, actor, id);
  if (input.areaCode && input.areaCode !== current.areaCode) {
    if (levelOfCode(input.areaCode) !== 'village') throw invalid('invalid_area_code', '所属区域应为村（社区）代码', { field: 'areaCode' });
    if (!(await findArea(ctx.db, scopeOf(actor), input.areaCode)) || !canKeepTalentsIn(actor, input.areaCode)) throw notFound('区域');
  }
  const { phone, ...rest } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateTalent(tx, id, { ...rest, ...phoneFields(ctx, phone) });
    await audit(tx, { actor }, req, { action: 'talent.update', entityType: 'talent', entityId: id, areaCode: row.areaCode, detail: { fields: Object.keys(input) } });
    return talentDto(actor, row);
  });
}

/** Records the person's consent to be listed, or its withdrawal (honoured at once). */
export async function setTalentConsent(ctx: AppContext, actor: Actor, id: string, body: { given: boolean; note?: string | null }, req: RequestContext) {
  const current = await talentToKeep(ctx, actor, id);
  if (body.given === talentListed(current)) return talentDto(actor, current);
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const row = await repo.updateTalent(tx, id, body.given ? { consentAt: now, consentNote: body.note ?? null } : { consentWithdrawnAt: now });
    await audit(tx, { actor }, req, { action: body.given ? 'talent.consent' : 'talent.consent-withdrawn', entityType: 'talent', entityId: id, areaCode: row.areaCode, detail: { note: body.note ?? null } });
    return talentDto(actor, row);
  });
}

export async function revealTalentPhone(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const t = await talentToKeep(ctx, actor, id);
  if (!t.phoneCipher) throw notFound('联系电话');
  let value: string;
  try {
    value = ctx.cipher.decrypt(t.phoneCipher);
  } catch {
    throw conflict('undecryptable', '该号码无法解密（密钥不匹配或数据已损坏），请联系系统管理员');
  }
  await audit(ctx.db, { actor }, req, { action: 'talent.reveal', entityType: 'talent', entityId: id, areaCode: t.areaCode, detail: { field: 'phone' } });
  return { field: 'phone', value };
}

// ==== sunk-down cadres =======================================================================================

function cadreDto(c: repo.CadreRow) {
  return {
    id: c.userId,
    name: plainName(c.displayName),
    areaCode: c.areaCode,
    areaName: c.areaName,
    unitId: c.unitId,
    unitName: c.unitName,
    kind: (c.kind ?? 'sunk-down') as CadreKind,
    kindName: label(CADRE_KINDS, c.kind ?? 'sunk-down'),
  };
}

const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};
/** The instants bounding China days [from, to]. */
const instants = (from: string, to: string) => ({ fromAt: new Date(`${from}T00:00:00+08:00`), toAt: new Date(`${to}T23:59:59.999+08:00`) });

export async function listCadres(ctx: AppContext, actor: Actor, q: { area?: string }) {
  if (!canReadCadres(actor)) throw forbidden('您的角色不能查看下沉干部');
  if (q.area && !isWithinScope(q.area, actor.scopeCode) && !isWithinScope(actor.scopeCode, q.area)) throw notFound('区域');
  const rows = await repo.listCadres(ctx.db, scopeOf(actor), q.area);
  return { items: rows.map((c) => ({ ...cadreDto(c), allowedActions: canManageCadresIn(actor, c.areaCode) ? ['edit', 'assign'] : [] })) };
}

export async function setCadreKind(ctx: AppContext, actor: Actor, userId: string, kind: string, req: RequestContext) {
  if (!canReadCadres(actor)) throw notFound('下沉干部');
  const c = await repo.findCadre(ctx.db, scopeOf(actor), userId);
  if (!c) throw notFound('下沉干部');
  if (!canManageCadresIn(actor, c.areaCode)) throw forbidden('您的角色不能维护下沉干部');
  await ctx.db.transaction(async (tx) => {
    await repo.upsertCadreProfile(tx, userId, kind, actor.id);
    await audit(tx, { actor }, req, { action: 'cadre.kind', entityType: 'user', entityId: userId, areaCode: c.areaCode, detail: { kind } });
  });
  return cadreDto({ ...c, kind });
}

async function selfCadre(ctx: AppContext, actor: Actor) {
  if (!isCadre(actor)) throw forbidden('仅下沉干部、第一书记本人可以报到', 'not_cadre');
  const c = await repo.findCadre(ctx.db, systemScope(), actor.id);
  if (!c) throw forbidden('仅下沉干部、第一书记本人可以报到', 'not_cadre');
  return c;
}

/** The cadre's own page: where they serve, today's check-in, this month's days and their tasks. */
export async function myCadrePage(ctx: AppContext, actor: Actor) {
  const c = await selfCadre(ctx, actor);
  const today = checkinDay(new Date());
  const { from, to } = monthRange(today.slice(0, 7));
  const [month, tasks] = await Promise.all([repo.checkinsOf(ctx.db, actor.id, from, to), repo.listTasks(ctx.db, systemScope(), { userId: actor.id, page: 1, pageSize: 50 })]);
  return {
    cadre: cadreDto(c),
    today,
    checkedInToday: month.some((k) => k.day === today),
    monthDays: month.length,
    expectedDays: EXPECTED_DAYS_PER_MONTH,
    checkins: month.map((k) => ({ day: k.day, at: toIsoCst(k.at), located: k.lat !== null })),
    tasks: tasks.rows.map((r) => taskDto(ctx, actor, r.row, r.cadreName, r.areaName)),
  };
}

/** 到社区报到: the first check-in of a China day counts and earns the check-in points once. */
export async function checkIn(ctx: AppContext, actor: Actor, body: { lat?: number; lng?: number; note?: string }, req: RequestContext) {
  const c = await selfCadre(ctx, actor);
  const now = new Date();
  const day = checkinDay(now);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertCheckin(tx, { userId: actor.id, areaCode: c.areaCode, unitId: c.unitId, day, at: now, lat: body.lat ?? null, lng: body.lng ?? null, note: body.note ?? null });
    if (!row) {
      const first = await repo.checkinOn(tx, actor.id, day);
      return { status: 200, body: { id: first?.id ?? null, day, counted: false, at: toIsoCst(first?.at ?? null), points: null, message: '今天已经报到过，每天只计一次' } };
    }
    const award = await awardAutomatically(tx, { ruleCode: CADRE_CHECKIN_RULE, userId: actor.id, refType: 'cadre_checkin', refId: row.id, note: `${day} 到${c.areaName ?? '社区'}报到` });
    await audit(tx, { actor }, req, { action: 'cadre.checkin', entityType: 'cadre_checkin', entityId: row.id, areaCode: c.areaCode, detail: { day, located: body.lat !== undefined, points: award.status === 'posted' ? award.points : 0 } });
    return { status: 201, body: { id: row.id, day, counted: true, at: toIsoCst(row.at), points: award.status === 'posted' ? award.points : 0, pointsNote: award.status === 'skipped' ? award.message : null } };
  });
}

// ---- tasks ------------------------------------------------------------------------------------------------

function taskDto(ctx: AppContext, actor: Actor, t: repo.CadreTaskRow, cadreName: string | null, areaName: string | null) {
  const mine = t.userId === actor.id;
  return {
    id: t.id,
    cadreId: t.userId,
    cadreName: cadreName ? plainName(cadreName) : null,
    areaCode: t.areaCode,
    areaName,
    title: t.title,
    detail: t.detail,
    dueOn: t.dueOn,
    state: t.state as CadreTaskState,
    completedAt: toIsoCst(t.completedAt),
    completionNote: t.completionNote,
    photoUrl: t.photoFileId ? fileUrl(ctx, t.photoFileId) : null,
    createdAt: toIsoCst(t.createdAt),
    allowedActions: t.state === 'open' ? [...(mine ? ['complete'] : []), ...(canManageCadresIn(actor, t.areaCode) ? ['cancel'] : [])] : [],
  };
}

export async function listTasks(ctx: AppContext, actor: Actor, q: { area?: string; state?: string; page: number; pageSize: number }) {
  const states = q.state ? [q.state] : undefined;
  if (isCadre(actor) && !canReadCadres(actor)) {
    const res = await repo.listTasks(ctx.db, systemScope(), { userId: actor.id, states, page: q.page, pageSize: q.pageSize });
    return page(q, res.total, res.rows.map((r) => taskDto(ctx, actor, r.row, r.cadreName, r.areaName)));
  }
  if (!canReadCadres(actor)) throw forbidden('您的角色不能查看下沉干部任务');
  if (q.area && !isWithinScope(q.area, actor.scopeCode) && !isWithinScope(actor.scopeCode, q.area)) throw notFound('区域');
  const res = await repo.listTasks(ctx.db, scopeOf(actor), { area: q.area, states, page: q.page, pageSize: q.pageSize });
  return page(q, res.total, res.rows.map((r) => taskDto(ctx, actor, r.row, r.cadreName, r.areaName)));
}

export async function assignTask(ctx: AppContext, actor: Actor, body: { cadreId: string; title: string; detail?: string | null; dueOn?: string | null }, req: RequestContext) {
  if (!hasAnyRole(actor, COMMUNITY_KEEPERS)) throw forbidden('您的角色不能给下沉干部交办任务');
  const c = await repo.findCadre(ctx.db, scopeOf(actor), body.cadreId);
  if (!c || !c.active) throw notFound('下沉干部');
  if (!canManageCadresIn(actor, c.areaCode)) throw forbidden('您的角色不能给下沉干部交办任务');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertTask(tx, { userId: c.userId, areaCode: c.areaCode, unitId: c.unitId, title: body.title, detail: body.detail ?? null, dueOn: body.dueOn || null, assignedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'cadre-task.assign', entityType: 'cadre_task', entityId: row.id, areaCode: row.areaCode, detail: { title: row.title, cadre: c.userId } });
    return taskDto(ctx, actor, row, c.displayName, c.areaName);
  });
}

async function taskFor(ctx: AppContext, actor: Actor, id: string) {
  const own = isCadre(actor) ? await repo.findTask(ctx.db, systemScope(), id) : null;
  if (own && own.userId === actor.id) return own;
  if (!canReadCadres(actor)) throw notFound('任务');
  const t = await repo.findTask(ctx.db, scopeOf(actor), id);
  if (!t) throw notFound('任务');
  return t;
}

/** The cadre completes their task with a note (and a photo); the task points are posted once. */
export async function completeTask(ctx: AppContext, actor: Actor, id: string, body: { note: string; photoFileId?: string | null }, req: RequestContext) {
  const t = await taskFor(ctx, actor, id);
  if (t.userId !== actor.id) throw forbidden('只有被交办的下沉干部本人可以完成任务', 'not_assignee');
  if (body.photoFileId) {
    const f = await repo.fileMeta(ctx.db, body.photoFileId);
    if (!f || f.caseId || f.uploaderId !== actor.id) throw invalid('invalid_attachment', '照片不存在或不是您上传的', { field: 'photoFileId' });
  }
  return ctx.db.transaction(async (tx) => {
    const locked = await repo.lockTask(tx, id);
    if (!locked || locked.state !== 'open') throw conflict('invalid_state', locked?.state === 'done' ? '该任务已经完成' : '该任务已取消，不能完成');
    const row = await repo.updateTask(tx, id, { state: 'done', completedAt: new Date(), completionNote: body.note, photoFileId: body.photoFileId ?? null });
    const award = await awardAutomatically(tx, { ruleCode: CADRE_TASK_RULE, userId: actor.id, refType: 'cadre_task', refId: id, note: `完成社区交办任务：${row.title}` });
    await audit(tx, { actor }, req, { action: 'cadre-task.complete', entityType: 'cadre_task', entityId: id, areaCode: row.areaCode, detail: { points: award.status === 'posted' ? award.points : 0 } });
    return { ...taskDto(ctx, actor, row, actor.displayName, null), points: award.status === 'posted' ? award.points : 0 };
  });
}

export async function cancelTask(ctx: AppContext, actor: Actor, id: string, body: { reason: string }, req: RequestContext) {
  const t = await taskFor(ctx, actor, id);
  if (!canManageCadresIn(actor, t.areaCode)) throw forbidden('您的角色不能取消任务');
  return ctx.db.transaction(async (tx) => {
    const locked = await repo.lockTask(tx, id);
    if (!locked || locked.state !== 'open') throw conflict('invalid_state', '只有未完成的任务可以取消');
    const row = await repo.updateTask(tx, id, { state: 'cancelled', completionNote: body.reason });
    await audit(tx, { actor }, req, { action: 'cadre-task.cancel', entityType: 'cadre_task', entityId: id, areaCode: row.areaCode, detail: { reason: body.reason } });
    return taskDto(ctx, actor, row, null, null);
  });
}

// ---- attendance (the street's assessment of the sending units) ------------------------------------------------

/**
 * Who came how often: per cadre and per sending unit, for a month (or a year). The unit figure is what the street's
 * assessment needs (`002`: 街道对派驻机构全员考勤，考核结果占派驻机构年度绩效考核权重的40%).
 */
export async function attendance(ctx: AppContext, actor: Actor, q: { area?: string; month?: string; year?: string }) {
  if (!canReadCadres(actor)) throw forbidden('您的角色不能查看下沉干部报到情况');
  if (q.area && !isWithinScope(q.area, actor.scopeCode) && !isWithinScope(actor.scopeCode, q.area)) throw notFound('区域');
  const area = q.area && isWithinScope(q.area, actor.scopeCode) ? q.area : undefined;
  const today = checkinDay(new Date());
  let from: string;
  let to: string;
  let months: number;
  let period: string;
  if (q.year) {
    from = `${q.year}-01-01`;
    to = `${q.year}-12-31`;
    const current = today.startsWith(q.year) ? Number(today.slice(5, 7)) : 12;
    months = current;
    period = q.year;
  } else {
    period = q.month ?? today.slice(0, 7);
    ({ from, to } = monthRange(period));
    months = 1;
  }
  const { fromAt, toAt } = instants(from, to);
  const scope = scopeOf(actor);
  const [cadres, days, done] = await Promise.all([repo.listCadres(ctx.db, scope, area), repo.checkinDaysByCadre(ctx.db, scope, area, from, to), repo.tasksDoneByCadre(ctx.db, scope, area, fromAt, toAt)]);
  const daysOf = new Map(days.map((d) => [d.userId, d]));
  const doneOf = new Map(done.map((d) => [d.userId, d.done]));
  const people = cadres.map((c) => ({
    ...cadreDto(c),
    days: daysOf.get(c.userId)?.days ?? 0,
    lastDay: daysOf.get(c.userId)?.last ?? null,
    tasksDone: doneOf.get(c.userId) ?? 0,
    expectedDays: months * EXPECTED_DAYS_PER_MONTH,
  }));
  const units = new Map<string, { unitId: string | null; unitName: string; cadres: number; days: number; tasksDone: number }>();
  for (const p of people) {
    const key = p.unitId ?? '';
    const u = units.get(key) ?? { unitId: p.unitId, unitName: p.unitName ?? '未填写派出单位', cadres: 0, days: 0, tasksDone: 0 };
    u.cadres += 1;
    u.days += p.days;
    u.tasksDone += p.tasksDone;
    units.set(key, u);
  }
  return {
    period,
    from,
    to,
    months,
    expectedDaysPerMonth: EXPECTED_DAYS_PER_MONTH,
    weight: STREET_ASSESSMENT_WEIGHT,
    basis: '街道对派驻（下沉）单位全员考勤，考核结果占其年度绩效考核权重的 40%（002）',
    cadres: people,
    units: [...units.values()].map((u) => ({ unitId: u.unitId, unitName: u.unitName, ...unitAttendance({ cadres: u.cadres, days: u.days, tasksDone: u.tasksDone, months }) })).sort((a, b) => b.attendanceRate - a.attendanceRate || a.unitName.localeCompare(b.unitName, 'zh-CN')),
  };
}

