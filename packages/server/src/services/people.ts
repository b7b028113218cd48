import {
  ancestryOf,
  conflict,
  forbidden,
  invalid,
  isValidIdNumber,
  isValidMobile,
  levelOfCode,
  maskIdNumber,
  maskPhone,
  notFound,
  SENSITIVE_GROUPS,
  SPECIAL_GROUPS,
  type PersonStatus,
  type ResidenceType,
  type RiskColour,
} from '@gongzhi/domain';
import type { Relation } from '@gongzhi/domain/contract';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canCreatePersonIn, canListPeople, canSeeSensitiveTags, personAllowedActions } from '../policies/person.ts';
import { findArea, namesOf } from '../repositories/areas.ts';
import * as page from '../repositories/person-page.ts';
import * as repo from '../repositories/people.ts';
import { scopeOf } from '../repositories/scope.ts';
import { ageOn, toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import { householdEditable, householdHistory } from './households.ts';
import type { AppContext } from './context.ts';

export function toPersonDto(actor: Actor, p: repo.PersonRow & { address?: string | null }) {
  const tags = canSeeSensitiveTags(actor) ? p.tags : p.tags.filter((t) => !SENSITIVE_GROUPS.has(t));
  return {
    id: p.id,
    name: p.name,
    gender: p.gender as 'male' | 'female',
    birthDate: p.birthDate,
    age: ageOn(p.birthDate),
    ethnicity: p.ethnicity,
    idNumber: maskIdNumber(p.idLast4),
    phone: maskPhone(p.phoneLast4),
    areaCode: p.areaCode,
    householdId: p.householdId,
    address: p.address ?? null,
    relation: p.relation as Relation,
    residenceType: p.residenceType as ResidenceType,
    tags,
    partyMember: p.partyMember,
    note: p.note,
    status: p.status as PersonStatus,
    updatedAt: toIsoCst(p.updatedAt),
    allowedActions: personAllowedActions(actor, p),
  };
}

export interface ListPeopleQuery {
  area?: string;
  q?: string;
  tag?: string;
  residenceType?: string;
  partyMember?: boolean;
  /** Default `active`: moved-out and deceased people are not listed, counted or exported unless asked for. */
  status?: repo.PersonStatusFilter;
  page: number;
  pageSize: number;
}

export async function listPeople(ctx: AppContext, actor: Actor, query: ListPeopleQuery) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能查看人口信息');
  if (query.tag && SENSITIVE_GROUPS.has(query.tag) && !canSeeSensitiveTags(actor)) {
    throw forbidden('您的角色不能查看该类特殊人群');
  }
  const q = query.q?.trim();
  // A full ID or phone number typed into the box is matched by its keyed hash, never by plaintext.
  const numberHashes = q && (/^\d{17}[\dXx]$/.test(q) || /^1\d{10}$/.test(q)) ? [ctx.cipher.lookupHash(q)] : [];
  const res = await repo.listPeople(ctx.db, scopeOf(actor), {
    areaCode: query.area,
    q: q || undefined,
    numberHashes,
    tag: query.tag,
    residenceType: query.residenceType,
    partyMember: query.partyMember,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { total: res.total, page: query.page, pageSize: query.pageSize, items: res.items.map((p) => toPersonDto(actor, p)) };
}

/** The special groups every registry reader sees (关爱对象: elderly living alone, subsistence …) and the sensitive ones (重点人群). */
const CARE_GROUPS = SPECIAL_GROUPS.filter((g) => !g.sensitive);
const FOCUS_GROUPS = SPECIAL_GROUPS.filter((g) => g.sensitive);

/**
 * How many active residents of an area (inside the caller's scope) are in each special group — counts only, no
 * names. `care` (the groups of `CARE_GROUPS`) for the roles that read the registry, `focus` (the sensitive groups)
 * only for those who may see sensitive tags — the rule of the people list's `tag` filter; `null` where the caller
 * may not read them. Each has `total` (people in any of its groups) and the groups with their counts, in
 * `SPECIAL_GROUPS` order, empty ones left out.
 */
export async function specialGroupCountsIn(ctx: AppContext, actor: Actor, area: string) {
  const part = async (groups: readonly (typeof SPECIAL_GROUPS)[number][]) => {
    const res = await repo.specialGroupCounts(
      ctx.db,
      scopeOf(actor),
      area,
      groups.map((g) => g.code),
    );
    return { total: res.total, groups: groups.filter((g) => res.byGroup.get(g.code)).map((g) => ({ code: g.code, name: g.zh, n: res.byGroup.get(g.code)! })) };
  };
  const [care, focus] = await Promise.all([canListPeople(actor) ? part(CARE_GROUPS) : null, canListPeople(actor) && canSeeSensitiveTags(actor) ? part(FOCUS_GROUPS) : null]);
  return { care, focus };
}

/**
 * The people of the list's filters for an export, read grid by grid (see repo.peopleSlices): the total first, then
 * the rows in the list's order, masked as the list masks them.
 */
/** People read per query by an export. */
const EXPORT_BATCH = 50;

export async function peopleForExport(ctx: AppContext, actor: Actor, query: Omit<ListPeopleQuery, 'page' | 'pageSize'>) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能查看人口信息');
  if (query.tag && SENSITIVE_GROUPS.has(query.tag) && !canSeeSensitiveTags(actor)) {
    throw forbidden('您的角色不能查看该类特殊人群');
  }
  const q = query.q?.trim();
  const numberHashes = q && (/^\d{17}[\dXx]$/.test(q) || /^1\d{10}$/.test(q)) ? [ctx.cipher.lookupHash(q)] : [];
  const scope = scopeOf(actor);
  const f = { areaCode: query.area, q: q || undefined, numberHashes, tag: query.tag, residenceType: query.residenceType, partyMember: query.partyMember, status: query.status };
  const counts = await repo.peopleCountsByArea(ctx.db, scope, f);
  async function* rows() {
    // A few hundred people per query (whole area codes; one larger code is read alone).
    for (let i = 0; i < counts.length; ) {
      const codes: string[] = [];
      for (let n = 0; i < counts.length && (codes.length === 0 || n + counts[i]!.n <= EXPORT_BATCH); i++) {
        codes.push(counts[i]!.code);
        n += counts[i]!.n;
      }
      const batch = await repo.listPeopleOf(ctx.db, scope, f, codes);
      for (const p of batch) yield toPersonDto(actor, p);
    }
  }
  return { total: counts.reduce((n, s) => n + s.n, 0), rows: rows() };
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能查看人口信息');
  const scope = scopeOf(actor);
  const p = await repo.findPerson(ctx.db, scope, id);
  if (!p) throw notFound('人员');
  const members = p.householdId ? await repo.membersOf(ctx.db, scope, p.householdId) : [];
  return {
    ...toPersonDto(actor, p),
    household: p.householdId
      ? {
          id: p.householdId,
          address: p.address,
          members: members.map((m) => ({ id: m.id, name: m.name, relation: m.relation as Relation, gender: m.gender as 'male' | 'female', age: ageOn(m.birthDate) })),
        }
      : null,
  };
}

export async function getHousehold(ctx: AppContext, actor: Actor, id: string) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能查看人口信息');
  const scope = scopeOf(actor);
  const h = await repo.findHousehold(ctx.db, scope, id);
  if (!h) throw notFound('住户');
  const members = await repo.membersOf(ctx.db, scope, id);
  return {
    id: h.id,
    areaCode: h.areaCode,
    address: h.address,
    doorplate: h.doorplate,
    riskColour: h.riskColour as RiskColour,
    members: members.map((m) => toPersonDto(actor, { ...m, address: h.address })),
    history: await householdHistory(ctx, h.id),
    allowedActions: householdEditable(actor, h.areaCode) ? ['edit'] : [],
  };
}

/** Shows one unmasked number to a role that needs it, and records that it was shown. */
export async function revealNumber(ctx: AppContext, actor: Actor, id: string, field: 'idNumber' | 'phone', req: RequestContext) {
  const scope = scopeOf(actor);
  const p = await repo.findPerson(ctx.db, scope, id);
  if (!p || !canListPeople(actor)) throw notFound('人员');
  if (!personAllowedActions(actor, p).includes('reveal')) throw forbidden('您的角色不能查看完整证件号码或手机号码');
  const cipherText = field === 'idNumber' ? p.idCipher : p.phoneCipher;
  if (!cipherText) throw notFound(field === 'idNumber' ? '身份证号码' : '手机号码');
  let value: string;
  try {
    value = ctx.cipher.decrypt(cipherText);
  } catch {
    // Encrypted under another key (or damaged): say so instead of failing.
    throw conflict('undecryptable', '该号码无法解密（密钥不匹配或数据已损坏），请联系系统管理员');
  }
  await audit(ctx.db, { actor }, req, { action: 'person.reveal', entityType: 'person', entityId: id, areaCode: p.areaCode, detail: { field } });
  return { field, value };
}

export interface PersonInput {
  areaCode?: string;
  householdId?: string | null;
  name?: string;
  gender?: 'male' | 'female';
  birthDate?: string | null;
  ethnicity?: string;
  idNumber?: string | null;
  phone?: string | null;
  relation?: string;
  residenceType?: string;
  tags?: string[];
  partyMember?: boolean;
  note?: string | null;
}

function encryptNumbers(ctx: AppContext, input: PersonInput) {
  const out: Partial<repo.NewPersonRow> = {};
  if (input.idNumber !== undefined) {
    if (input.idNumber === null || input.idNumber === '') {
      Object.assign(out, { idCipher: null, idHash: null, idLast4: null });
    } else {
      const id = input.idNumber.toUpperCase();
      if (!isValidIdNumber(id)) throw invalid('invalid_id_number', '身份证号码不正确（应为 18 位且校验位正确）', { field: 'idNumber' });
      Object.assign(out, { idCipher: ctx.cipher.encrypt(id), idHash: ctx.cipher.lookupHash(id), idLast4: id.slice(-4) });
    }
  }
  if (input.phone !== undefined) {
    if (input.phone === null || input.phone === '') {
      Object.assign(out, { phoneCipher: null, phoneHash: null, phoneLast4: null });
    } else {
      if (!isValidMobile(input.phone)) throw invalid('invalid_phone', '手机号码不正确（应为 11 位手机号）', { field: 'phone' });
      Object.assign(out, { phoneCipher: ctx.cipher.encrypt(input.phone), phoneHash: ctx.cipher.lookupHash(input.phone), phoneLast4: input.phone.slice(-4) });
    }
  }
  return out;
}

/** One person per identity number (the unique index `people_id_hash_uq` enforces it against races too). */
export const duplicateIdNumber = () => conflict('duplicate_id_number', '该身份证号码已登记，请勿重复录入');

async function assertUniqueId(ctx: AppContext, hash: string | null | undefined, selfId?: string) {
  if (!hash) return;
  // Uniqueness is installation-wide: a duplicate elsewhere is reported without revealing where.
  const rows = await ctx.db.query.people.findFirst({ where: (p, { eq }) => eq(p.idHash, hash), columns: { id: true } });
  if (rows && rows.id !== selfId) throw duplicateIdNumber();
}

export async function createPerson(ctx: AppContext, actor: Actor, input: Required<Pick<PersonInput, 'areaCode' | 'name' | 'gender'>> & PersonInput, req: RequestContext) {
  const scope = scopeOf(actor);
  const level = levelOfCode(input.areaCode);
  if (!level || !['grid', 'building', 'unit'].includes(level)) {
    throw invalid('invalid_area_code', '人员所在区域必须是网格、楼栋或单元', { field: 'areaCode' });
  }
  if (!(await findArea(ctx.db, scope, input.areaCode))) throw notFound('区域');
  if (!canCreatePersonIn(actor, input.areaCode)) throw forbidden('您的角色不能录入人员信息');
  if (input.householdId) {
    const h = await repo.findHousehold(ctx.db, scope, input.householdId);
    if (!h) throw notFound('住户');
    if (!h.areaCode.startsWith(input.areaCode) && !input.areaCode.startsWith(h.areaCode)) {
      throw invalid('household_area_mismatch', '住户不在所选区域内', { field: 'householdId' });
    }
  }
  const numbers = encryptNumbers(ctx, input);
  await assertUniqueId(ctx, numbers.idHash);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertPerson(tx, {
      areaCode: input.areaCode,
      householdId: input.householdId ?? null,
      name: input.name,
      gender: input.gender,
      birthDate: input.birthDate ?? null,
      ethnicity: input.ethnicity ?? '汉族',
      relation: input.relation ?? 'other',
      residenceType: input.residenceType ?? 'registered',
      tags: input.tags ?? [],
      partyMember: input.partyMember ?? false,
      note: input.note ?? null,
      ...numbers,
    });
    await audit(tx, { actor }, req, { action: 'person.create', entityType: 'person', entityId: row.id, areaCode: row.areaCode, detail: { name: row.name } });
    return toPersonDto(actor, row);
  });
}

export async function updatePerson(ctx: AppContext, actor: Actor, id: string, input: PersonInput, req: RequestContext) {
  const scope = scopeOf(actor);
  const existing = await repo.findPerson(ctx.db, scope, id);
  if (!existing || !canListPeople(actor)) throw notFound('人员');
  if (!personAllowedActions(actor, existing).includes('edit')) throw forbidden('您的角色不能修改人员信息');
  if (input.areaCode && !canCreatePersonIn(actor, input.areaCode)) throw notFound('区域');
  // Sensitive tags the caller cannot see are kept as they are.
  let tags = input.tags;
  if (tags && !canSeeSensitiveTags(actor)) {
    tags = [...tags.filter((t) => !SENSITIVE_GROUPS.has(t)), ...existing.tags.filter((t) => SENSITIVE_GROUPS.has(t))];
  }
  const numbers = encryptNumbers(ctx, input);
  await assertUniqueId(ctx, numbers.idHash, id);
  const { idNumber: _i, phone: _p, ...plain } = input;
  const changed = Object.keys(input);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updatePerson(tx, scope, id, { ...plain, ...(tags ? { tags } : {}), ...numbers });
    if (!row) throw notFound('人员');
    await audit(tx, { actor }, req, { action: 'person.update', entityType: 'person', entityId: id, areaCode: row.areaCode, detail: { fields: changed } });
    return toPersonDto(actor, { ...row, address: existing.address });
  });
}

/**
 * The one person page (人、地、物、事、组织, docs/REGISTRY.md): the person with their household and its history,
 * the areas they live in (village → grid → building → unit), party membership, points accounts, the cases they
 * reported (from their account or with their phone number) and the visits to their household — in one call,
 * every part within the caller's scope. Moved-out and deceased people keep their page (status says so).
 */
export async function getPersonPage(ctx: AppContext, actor: Actor, id: string) {
  const person = await getPerson(ctx, actor, id);
  const scope = scopeOf(actor);
  const row = await repo.findPerson(ctx.db, scope, id);
  const householdId = row!.householdId;
  const chain = ancestryOf(person.areaCode).filter((c) => c.length >= 12);
  const [names, household, party, accounts] = await Promise.all([
    namesOf(ctx.db, chain),
    householdId ? repo.findHousehold(ctx.db, scope, householdId) : null,
    page.partyMembershipOf(ctx.db, id),
    page.accountsOf(ctx.db, id),
  ]);
  const userIds = accounts.map((a) => a.id);
  const [points, reported, visits, posts] = await Promise.all([
    page.pointsAccountsOf(ctx.db, scope, userIds, householdId),
    page.casesReportedBy(ctx.db, scope, userIds, row!.phoneHash),
    page.visitsTo(ctx.db, scope, householdId),
    page.postsOf(ctx.db, scope, id),
  ]);
  return {
    person,
    areas: chain.flatMap((code) => {
      const n = names.get(code);
      return n ? [{ code, level: n.level, name: n.name }] : [];
    }),
    household: household
      ? { id: household.id, address: household.address, doorplate: household.doorplate, riskColour: household.riskColour as RiskColour, members: person.household?.members ?? [], history: await householdHistory(ctx, household.id) }
      : null,
    party: party
      ? {
          kind: party.kind,
          orgId: party.orgId,
          orgName: party.orgName,
          localOrgName: party.localOrgName,
          registrationState: party.registrationState,
          backbone: party.backbone,
          centralHousehold: party.centralHousehold,
          joinedOn: party.joinedOn,
          postName: party.postName,
        }
      : null,
    points,
    cases: { total: reported.total, items: reported.items.map((c) => ({ ...c, createdAt: toIsoCst(c.createdAt) })) },
    visits,
    posts,
  };
}
