// Places and organisations of the registry (docs/REGISTRY.md): one pattern for both — list within scope with
// filters, create, edit, retire (rows are never deleted: a retired place or organisation stays in history).
import {
  conflict,
  CREDIT_CODE_PROBLEMS,
  creditCodeProblem,
  forbidden,
  invalid,
  levelOfCode,
  maskPhone,
  notFound,
  outlineToWgs84,
  parseOutline,
  parsePhone,
  placeGroupOf,
  PLACE_KINDS,
  toWgs84,
  validLatLng,
  type Crs,
  type OrgKind,
  type PlaceKind,
} from '@gongzhi/domain';
import type { DbOrTx } from '../db/client.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canEditDirectory, canEditDirectoryIn, canKeepWhitelist, canReadDirectory, directoryAllowedActions } from '../policies/directory.ts';
import { findArea } from '../repositories/areas.ts';
import * as repo from '../repositories/directory.ts';
import { scopeOf } from '../repositories/scope.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { gridAt } from './grid-index.ts';

export interface DirectoryQuery {
  area?: string;
  kind?: string;
  group?: string;
  q?: string;
  includeRetired?: boolean;
  page: number;
  pageSize: number;
}

function assertReader(actor: Actor, what: string) {
  if (!canReadDirectory(actor)) throw forbidden(`您的角色不能查看${what}`);
}
function assertEditor(actor: Actor, what: string) {
  if (!canEditDirectory(actor)) throw forbidden(`您的角色不能修改${what}`);
}

/** The area a row is filed under: it must exist in the caller's scope (else 404) and the caller must edit there. */
async function editableArea(ctx: AppContext, actor: Actor, code: string, levels: readonly string[], what: string) {
  const level = levelOfCode(code);
  if (!level || !levels.includes(level)) {
    throw invalid('invalid_area_code', levels.length === 1 ? `${what}所属区域应为网格代码` : `${what}所属区域应为社区（村）、网格或更下级代码`, { field: 'areaCode' });
  }
  const area = await findArea(ctx.db, scopeOf(actor), code);
  if (!area || !canEditDirectoryIn(actor, code)) throw notFound('区域');
  return area;
}

function filterOf(q: DirectoryQuery, kinds: string[] | undefined): repo.DirectoryFilter {
  return { area: q.area, kinds, q: q.q?.trim() || undefined, includeRetired: q.includeRetired, page: q.page, pageSize: q.pageSize };
}

const page = <T>(q: DirectoryQuery, total: number, items: T[]) => ({ total, page: q.page, pageSize: q.pageSize, items });

// ---- places ------------------------------------------------------------------------------------------------

export function toPlaceDto(actor: Actor, p: repo.PlaceRow & { areaName?: string | null; propertyOrgName?: string | null }) {
  return {
    id: p.id,
    kind: p.kind as PlaceKind,
    group: placeGroupOf(p.kind),
    name: p.name,
    areaCode: p.areaCode,
    areaName: p.areaName ?? null,
    lat: p.lat,
    lng: p.lng,
    outline: p.outline ?? null,
    address: p.address,
    propertyOrg: p.propertyOrgId ? { id: p.propertyOrgId, name: p.propertyOrgName ?? null } : null,
    note: p.note,
    retiredAt: p.retiredAt ? toIsoCst(p.retiredAt) : null,
    updatedAt: toIsoCst(p.updatedAt),
    allowedActions: directoryAllowedActions(actor, p),
  };
}

export async function listPlaces(ctx: AppContext, actor: Actor, q: DirectoryQuery) {
  assertReader(actor, '场所');
  const kinds = q.kind ? [q.kind] : q.group ? PLACE_KINDS.filter((k) => k.group === q.group).map((k) => k.code) : undefined;
  const res = await repo.listPlaces(ctx.db, scopeOf(actor), filterOf(q, kinds));
  return page(q, res.total, res.items.map((p) => toPlaceDto(actor, p)));
}

async function placeInScope(ctx: AppContext, actor: Actor, id: string) {
  const p = await repo.findPlace(ctx.db, scopeOf(actor), id);
  if (!p || !canReadDirectory(actor)) throw notFound('场所');
  return p;
}

/** Reads through `db`: inside a transaction pass the transaction (PGlite has one connection). */
async function describePlace(db: DbOrTx, actor: Actor, p: repo.PlaceRow) {
  const [area, org] = await Promise.all([
    findArea(db, scopeOf(actor), p.areaCode),
    p.propertyOrgId ? repo.findOrganisation(db, scopeOf(actor), p.propertyOrgId) : null,
  ]);
  return toPlaceDto(actor, { ...p, areaName: area?.name ?? null, propertyOrgName: org?.name ?? null });
}

export async function getPlace(ctx: AppContext, actor: Actor, id: string) {
  return describePlace(ctx.db, actor, await placeInScope(ctx, actor, id));
}

export interface PlaceInput {
  kind?: string;
  name?: string;
  areaCode?: string | null;
  lat?: number;
  lng?: number;
  crs?: Crs;
  outline?: unknown;
  address?: string | null;
  propertyOrgId?: string | null;
  note?: string | null;
}

async function placeFields(ctx: AppContext, actor: Actor, input: PlaceInput, kind: string, current?: repo.PlaceRow) {
  const out: Partial<repo.NewPlaceRow> = {};
  const crs = input.crs ?? 'wgs84';
  let moved = false;
  if (input.lat !== undefined || input.lng !== undefined) {
    const lat = input.lat ?? current?.lat;
    const lng = input.lng ?? current?.lng;
    if (!validLatLng(lat, lng)) throw invalid('invalid_point', '位置（lat、lng）不是有效的经纬度', { field: 'lat' });
    const p = toWgs84(lat!, lng!, crs);
    out.lat = p.lat;
    out.lng = p.lng;
    moved = true;
  }
  if (input.areaCode) {
    out.areaCode = (await editableArea(ctx, actor, input.areaCode, ['grid'], '场所')).code;
  } else if (moved && (input.areaCode === null || !current)) {
    // Not given: the grid whose outline contains the point (the grid index, as for cases).
    const grid = await gridAt(ctx, out.lat!, out.lng!);
    if (!grid) throw invalid('outside_grids', '该位置不在任何网格内，请在网格范围内选点或指定所属网格', { field: 'areaCode' });
    out.areaCode = (await editableArea(ctx, actor, grid, ['grid'], '场所')).code;
  }
  if (input.outline !== undefined) {
    if (input.outline === null) out.outline = null;
    else if (kind !== 'compound') throw invalid('outline_not_allowed', '只有住宅小区可以绘制边界', { field: 'outline' });
    else out.outline = outlineToWgs84(parseOutline(input.outline, false), crs);
  }
  if (input.propertyOrgId !== undefined) {
    if (input.propertyOrgId === null) out.propertyOrgId = null;
    else {
      if (kind !== 'compound') throw invalid('property_not_allowed', '只有住宅小区可以指定物业服务企业', { field: 'propertyOrgId' });
      const org = await repo.findOrganisation(ctx.db, scopeOf(actor), input.propertyOrgId);
      if (!org || org.retiredAt) throw notFound('物业服务企业');
      if (org.kind !== 'property-company') throw invalid('not_property_company', `「${org.name}」不是物业服务企业`, { field: 'propertyOrgId' });
      out.propertyOrgId = org.id;
    }
  }
  if (current && input.kind && kind !== 'compound') {
    // A place that stops being a compound loses what only compounds have.
    out.outline = null;
    out.propertyOrgId = null;
  }
  if (input.name) out.name = input.name;
  if (input.address !== undefined) out.address = input.address || null;
  if (input.note !== undefined) out.note = input.note || null;
  if (input.kind) out.kind = input.kind;
  return out;
}

export async function createPlace(ctx: AppContext, actor: Actor, input: PlaceInput & { kind: string; name: string; lat: number; lng: number }, req: RequestContext) {
  assertReader(actor, '场所');
  assertEditor(actor, '场所');
  const fields = await placeFields(ctx, actor, input, input.kind);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertPlace(tx, fields as repo.NewPlaceRow);
    await audit(tx, { actor }, req, { action: 'place.create', entityType: 'place', entityId: row.id, areaCode: row.areaCode, detail: { name: row.name, kind: row.kind } });
    return describePlace(tx, actor, row);
  });
}

export async function updatePlace(ctx: AppContext, actor: Actor, id: string, input: PlaceInput, req: RequestContext) {
  const current = await placeInScope(ctx, actor, id);
  if (!directoryAllowedActions(actor, current).includes('edit')) {
    if (current.retiredAt && canEditDirectory(actor)) throw conflict('retired', '该场所已注销，不能修改');
    throw forbidden('您的角色不能修改场所');
  }
  const fields = await placeFields(ctx, actor, input, input.kind ?? current.kind, current);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updatePlace(tx, id, fields);
    await audit(tx, { actor }, req, { action: 'place.update', entityType: 'place', entityId: id, areaCode: row.areaCode, detail: { name: row.name, fields: Object.keys(input) } });
    return describePlace(tx, actor, row);
  });
}

export async function retirePlace(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const current = await placeInScope(ctx, actor, id);
  if (current.retiredAt) throw conflict('retired', '该场所已注销');
  if (!directoryAllowedActions(actor, current).includes('retire')) throw forbidden('您的角色不能注销场所');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updatePlace(tx, id, { retiredAt: new Date() });
    await audit(tx, { actor }, req, { action: 'place.retire', entityType: 'place', entityId: id, areaCode: row.areaCode, detail: { name: row.name } });
    return describePlace(tx, actor, row);
  });
}

// ---- organisations -----------------------------------------------------------------------------------------

export function toOrganisationDto(actor: Actor, o: repo.OrganisationRow & { areaName?: string | null }) {
  return {
    id: o.id,
    kind: o.kind as OrgKind,
    name: o.name,
    areaCode: o.areaCode,
    areaName: o.areaName ?? null,
    contactName: o.contactName,
    phone: maskPhone(o.phoneLast4),
    creditCode: o.creditCode,
    whitelisted: o.whitelisted,
    address: o.address,
    lat: o.lat,
    lng: o.lng,
    note: o.note,
    retiredAt: o.retiredAt ? toIsoCst(o.retiredAt) : null,
    updatedAt: toIsoCst(o.updatedAt),
    allowedActions: directoryAllowedActions(actor, o),
  };
}

export async function listOrganisations(ctx: AppContext, actor: Actor, q: DirectoryQuery) {
  assertReader(actor, '组织');
  const res = await repo.listOrganisations(ctx.db, scopeOf(actor), filterOf(q, q.kind ? [q.kind] : undefined));
  return page(q, res.total, res.items.map((o) => toOrganisationDto(actor, o)));
}

async function organisationInScope(ctx: AppContext, actor: Actor, id: string) {
  const o = await repo.findOrganisation(ctx.db, scopeOf(actor), id);
  if (!o || !canReadDirectory(actor)) throw notFound('组织');
  return o;
}

/** Reads through `db`: inside a transaction pass the transaction (PGlite has one connection). */
async function describeOrganisation(db: DbOrTx, actor: Actor, o: repo.OrganisationRow) {
  const area = await findArea(db, scopeOf(actor), o.areaCode);
  const compounds = o.kind === 'property-company' ? await repo.compoundsOf(db, scopeOf(actor), o.id) : [];
  return { ...toOrganisationDto(actor, { ...o, areaName: area?.name ?? null }), compounds };
}

export async function getOrganisation(ctx: AppContext, actor: Actor, id: string) {
  return describeOrganisation(ctx.db, actor, await organisationInScope(ctx, actor, id));
}

export interface OrganisationInput {
  kind?: string;
  name?: string;
  areaCode?: string;
  contactName?: string | null;
  phone?: string | null;
  creditCode?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  crs?: Crs;
  note?: string | null;
}

async function organisationFields(ctx: AppContext, actor: Actor, input: OrganisationInput) {
  const out: Partial<repo.NewOrganisationRow> = {};
  if (input.areaCode) out.areaCode = (await editableArea(ctx, actor, input.areaCode, ['village', 'grid', 'building', 'unit'], '组织')).code;
  if (input.phone !== undefined) {
    if (!input.phone) Object.assign(out, { phoneCipher: null, phoneHash: null, phoneLast4: null });
    else {
      const phone = parsePhone(input.phone);
      if (!phone) throw invalid('invalid_phone', '联系电话不正确（应为 11 位手机号或带区号的固定电话）', { field: 'phone' });
      Object.assign(out, { phoneCipher: ctx.cipher.encrypt(phone.value), phoneHash: ctx.cipher.lookupHash(phone.value), phoneLast4: phone.value.slice(-4) });
    }
  }
  if (input.creditCode !== undefined) {
    if (!input.creditCode) out.creditCode = null;
    else {
      const problem = creditCodeProblem(input.creditCode);
      if (problem) throw invalid('invalid_credit_code', CREDIT_CODE_PROBLEMS[problem], { field: 'creditCode' });
      out.creditCode = input.creditCode.trim().toUpperCase();
    }
  }
  if (input.lat != null || input.lng != null) {
    if (!validLatLng(input.lat, input.lng)) throw invalid('invalid_point', '位置（lat、lng）不是有效的经纬度', { field: 'lat' });
    const p = toWgs84(input.lat!, input.lng!, input.crs ?? 'wgs84');
    out.lat = p.lat;
    out.lng = p.lng;
  } else if (input.lat === null || input.lng === null) {
    out.lat = null;
    out.lng = null;
  }
  for (const k of ['contactName', 'address', 'note'] as const) if (input[k] !== undefined) out[k] = input[k] || null;
  if (input.name) out.name = input.name;
  if (input.kind) out.kind = input.kind;
  return out;
}

export async function createOrganisation(ctx: AppContext, actor: Actor, input: OrganisationInput & { kind: string; name: string; areaCode: string }, req: RequestContext) {
  assertReader(actor, '组织');
  assertEditor(actor, '组织');
  const fields = await organisationFields(ctx, actor, input);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertOrganisation(tx, fields as repo.NewOrganisationRow);
    await audit(tx, { actor }, req, { action: 'organisation.create', entityType: 'organisation', entityId: row.id, areaCode: row.areaCode, detail: { name: row.name, kind: row.kind } });
    return describeOrganisation(tx, actor, row);
  });
}

export async function updateOrganisation(ctx: AppContext, actor: Actor, id: string, input: OrganisationInput, req: RequestContext) {
  const current = await organisationInScope(ctx, actor, id);
  if (!directoryAllowedActions(actor, current).includes('edit')) {
    if (current.retiredAt && canEditDirectory(actor)) throw conflict('retired', '该组织已注销，不能修改');
    throw forbidden('您的角色不能修改组织');
  }
  const fields = await organisationFields(ctx, actor, input);
  // A social organisation's whitelist place goes with its kind.
  if (input.kind && input.kind !== 'social-org') fields.whitelisted = false;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateOrganisation(tx, id, fields);
    await audit(tx, { actor }, req, { action: 'organisation.update', entityType: 'organisation', entityId: id, areaCode: row.areaCode, detail: { name: row.name, fields: Object.keys(input) } });
    return describeOrganisation(tx, actor, row);
  });
}

export async function retireOrganisation(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const current = await organisationInScope(ctx, actor, id);
  if (current.retiredAt) throw conflict('retired', '该组织已注销');
  if (!directoryAllowedActions(actor, current).includes('retire')) throw forbidden('您的角色不能注销组织');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateOrganisation(tx, id, { retiredAt: new Date(), whitelisted: false });
    await audit(tx, { actor }, req, { action: 'organisation.retire', entityType: 'organisation', entityId: id, areaCode: row.areaCode, detail: { name: row.name } });
    return describeOrganisation(tx, actor, row);
  });
}

/** The district's whitelist of social organisations admitted to village work (`000`). */
export async function setWhitelisted(ctx: AppContext, actor: Actor, id: string, whitelisted: boolean, req: RequestContext) {
  const current = await organisationInScope(ctx, actor, id);
  if (!canKeepWhitelist(actor)) throw forbidden('只有区级指挥中心或系统管理员可以设置社会组织白名单');
  if (current.kind !== 'social-org') throw invalid('not_social_org', '只有社会组织可以列入白名单', { field: 'whitelisted' });
  if (current.retiredAt) throw conflict('retired', '该组织已注销');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateOrganisation(tx, id, { whitelisted });
    await audit(tx, { actor }, req, { action: 'organisation.whitelist', entityType: 'organisation', entityId: id, areaCode: row.areaCode, detail: { name: row.name, whitelisted } });
    return describeOrganisation(tx, actor, row);
  });
}
