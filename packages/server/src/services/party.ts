// Party organisations and members (SPEC §2, §7): the organisation tree linked to areas, members
// and their registration with a local organisation (双报到), posts (设岗定责) and the branch
// formation rule of `003`. Every write runs with its audit row in one transaction.
import { randomUUID } from 'node:crypto';
import {
  branchFormation,
  conflict,
  forbidden,
  invalid,
  isAreaCode,
  isWithinScope,
  jointBranchArea,
  maskIdNumber,
  maskPhone,
  notFound,
  ORG_PLACEMENT,
  orgPlacementProblem,
  PARTY_MEMBER_KIND_LABELS,
  PARTY_ORG_KIND_LABELS,
  qualifiesForOwnBranch,
  REGISTRATION_STATE_LABELS,
  REGISTRATION_TARGET_KINDS,
  type PartyMemberKind,
  type PartyOrgKind,
  type RegistrationState,
} from '@gongzhi/domain';
import type { PartyOrgNode } from '@gongzhi/domain/contract';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { editsTreeAt, managesAt, mayReportPost, maySetPost, mayTransfer, memberAllowedActions, orgAllowedActions, partyScopeOf, reviewsAt } from '../policies/party.ts';
import * as work from '../repositories/party-work.ts';
import { vanguardFor } from './party-work.ts';
import * as repo from '../repositories/party.ts';
import { systemScope, type Scope } from '../repositories/scope.ts';
import { ageOn, toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';

const kindLabel = (k: string) => PARTY_ORG_KIND_LABELS[k as PartyOrgKind] ?? k;
const stateLabel = (s: string | null) => (s ? (REGISTRATION_STATE_LABELS[s as RegistrationState] ?? s) : null);

function staffScope(actor: Actor): Scope {
  const scope = partyScopeOf(actor);
  if (!scope) throw forbidden('只有辖区工作人员可以查看党组织和党员名册；党员请查看“我的党员档案”（/api/party/me）');
  return scope;
}

/** The area to read: the requested one, narrowed to the caller's scope (404 when they do not meet). */
function areaWithin(actor: Actor, area: string | undefined): string {
  if (!area) return actor.scopeCode;
  if (!isAreaCode(area)) throw invalid('invalid_area', '区域（area）应为区划代码', { field: 'area' });
  if (isWithinScope(area, actor.scopeCode)) return area;
  if (isWithinScope(actor.scopeCode, area)) return actor.scopeCode;
  throw notFound('区域');
}

// ---- organisations --------------------------------------------------------------------------

/** An organisation in the tree, as the contract's `PartyOrgNode` describes it (members own, registered by 双报到, and in all below). */
type OrgNode = PartyOrgNode;

export async function orgTree(ctx: AppContext, actor: Actor, area?: string) {
  const scope = staffScope(actor);
  const code = areaWithin(actor, area);
  const rows = await repo.orgsIn(ctx.db, scope, code);
  const counts = await repo.memberCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const nodes = new Map<string, OrgNode>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        kindLabel: kindLabel(r.kind),
        areaCode: r.areaCode,
        secretaryName: r.secretaryName,
        members: counts.own.get(r.id) ?? 0,
        registered: counts.registered.get(r.id) ?? 0,
        totalMembers: 0,
        children: [],
      },
    ]),
  );
  const roots: OrgNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (n: OrgNode): number => (n.totalMembers = n.members + n.children.reduce((s, c) => s + total(c), 0));
  roots.forEach(total);
  const names = await areaNames(ctx.db, [code]);
  return { area: { code, name: names.get(code)?.name ?? code }, total: rows.length, items: roots };
}

/** All organisations below `rootId` (itself included), among those in scope. */
async function subtreeIds(ctx: AppContext, scope: Scope, root: repo.PartyOrgRow): Promise<string[]> {
  const rows = await repo.orgsIn(ctx.db, scope, root.areaCode.length >= 9 ? root.areaCode.slice(0, 9) : root.areaCode);
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const out: string[] = [];
  const walk = (id: string) => {
    out.push(id);
    for (const c of children.get(id) ?? []) walk(c);
  };
  walk(root.id);
  return out;
}

export async function getOrg(ctx: AppContext, actor: Actor, id: string) {
  const scope = staffScope(actor);
  const org = await repo.findOrg(ctx.db, scope, id);
  if (!org) throw notFound('党组织');
  const all = await repo.orgsIn(ctx.db, scope, org.areaCode.slice(0, Math.min(org.areaCode.length, 9)));
  const children = all.filter((r) => r.parentId === org.id);
  const ids = await subtreeIds(ctx, scope, org);
  const [counts, summaryRows, pending, parentMap, names, posts] = await Promise.all([
    repo.memberCounts(ctx.db, [org.id, ...children.map((c) => c.id)]),
    repo.memberSummary(ctx.db, ids),
    repo.pendingRegistrations(ctx.db, ids),
    repo.orgsByIds(ctx.db, [org.parentId ?? '']),
    areaNames(ctx.db, [org.areaCode]),
    repo.postsFor(ctx.db, org.areaCode.length >= 12 ? org.areaCode.slice(0, 12) : null),
  ]);
  const parent = org.parentId ? parentMap.get(org.parentId) : undefined;
  const byKind: Record<string, number> = { direct: 0, 'in-service': 0, mobile: 0 };
  const byPost = new Map<string, number>();
  let backbone = 0;
  let centralHouseholds = 0;
  let registeredHere = 0;
  for (const m of summaryRows) {
    byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
    if (m.backbone) backbone++;
    if (m.centralHousehold) centralHouseholds++;
    if (m.postCode) byPost.set(m.postCode, (byPost.get(m.postCode) ?? 0) + 1);
    if (!ids.includes(m.orgId)) registeredHere++;
  }
  const homeOrgs = await repo.orgsByIds(ctx.db, [...pending.map((p) => p.homeOrgId), ...pending.map((p) => p.orgId)]);
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    kind: org.kind,
    kindLabel: kindLabel(org.kind),
    area: { code: org.areaCode, name: names.get(org.areaCode)?.name ?? org.areaCode },
    secretaryName: org.secretaryName,
    parent: parent ? { id: parent.id, name: parent.name, kind: parent.kind } : null,
    members: counts.own.get(org.id) ?? 0,
    registered: counts.registered.get(org.id) ?? 0,
    children: children.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      kind: c.kind,
      kindLabel: kindLabel(c.kind),
      areaCode: c.areaCode,
      secretaryName: c.secretaryName,
      members: counts.own.get(c.id) ?? 0,
      registered: counts.registered.get(c.id) ?? 0,
    })),
    membersSummary: {
      total: summaryRows.length,
      direct: byKind.direct ?? 0,
      inService: byKind['in-service'] ?? 0,
      mobile: byKind.mobile ?? 0,
      registeredFromElsewhere: registeredHere,
      backbone,
      centralHouseholds,
      byPost: posts.map((p) => ({ code: p.code, name: p.name, count: byPost.get(p.code) ?? 0 })),
    },
    pendingRegistrations: pending.map((p) => ({
      id: p.id,
      member: { id: p.memberId, name: p.name, kind: p.kind, kindLabel: PARTY_MEMBER_KIND_LABELS[p.kind as PartyMemberKind] ?? p.kind },
      homeOrg: { id: p.homeOrgId, name: homeOrgs.get(p.homeOrgId)?.name ?? '' },
      org: { id: p.orgId, name: homeOrgs.get(p.orgId)?.name ?? '' },
      appliedAt: toIsoCst(p.createdAt),
    })),
    allowedActions: orgAllowedActions(actor, org),
  };
}

// ---- members --------------------------------------------------------------------------------

const placesOf = (v: repo.MemberView) => ({
  personId: v.person.id,
  orgArea: v.org.areaCode,
  localOrgArea: v.localOrg?.areaCode ?? null,
  registrationState: v.member.registrationState,
});

function memberDto(actor: Actor, v: repo.MemberView, vanguard?: { index: number; stars: number }) {
  const places = placesOf(v);
  return {
    id: v.member.id,
    person: {
      id: v.person.id,
      name: v.person.name,
      gender: v.person.gender,
      age: ageOn(v.person.birthDate),
      idNumber: maskIdNumber(v.person.idLast4),
      phone: maskPhone(v.person.phoneLast4),
    },
    areaCode: v.person.areaCode,
    kind: v.member.kind,
    kindLabel: PARTY_MEMBER_KIND_LABELS[v.member.kind as PartyMemberKind] ?? v.member.kind,
    org: { id: v.org.id, name: v.org.name, kind: v.org.kind },
    localOrg: v.localOrg?.id ? { id: v.localOrg.id, name: v.localOrg.name, kind: v.localOrg.kind } : null,
    registrationState: v.member.registrationState,
    registrationStateLabel: stateLabel(v.member.registrationState),
    backbone: v.member.backbone,
    centralHousehold: v.member.centralHousehold,
    joinedOn: v.member.joinedOn,
    post: v.post?.code ? { code: v.post.code, name: v.post.name } : null,
    vanguard: vanguard ? { index: vanguard.index, stars: vanguard.stars } : null,
    allowedActions: [
      ...memberAllowedActions(actor, places),
      ...(mayTransfer(actor, places) ? ['transfer'] : []),
      ...(v.member.postCode && mayReportPost(actor, { ...places, residence: v.person.areaCode }) ? ['report-post'] : []),
    ],
  };
}

export interface MemberListQuery {
  org?: string;
  area?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listMembers(ctx: AppContext, actor: Actor, q: MemberListQuery) {
  const scope = staffScope(actor);
  const area = q.area ? areaWithin(actor, q.area) : undefined;
  let orgIds: string[] | undefined;
  if (q.org) {
    const org = await repo.findOrg(ctx.db, scope, q.org);
    if (!org) throw notFound('党组织');
    orgIds = await subtreeIds(ctx, scope, org);
  }
  const { total, rows } = await repo.listMembers(ctx.db, scope, { orgIds, area, q: q.q?.trim() || undefined, page: q.page, pageSize: q.pageSize });
  const index = await vanguardFor(
    ctx,
    rows.map((v) => ({ id: v.member.id, postCode: v.member.postCode })),
  );
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((v) => memberDto(actor, v, index.get(v.member.id))) };
}

function registrationDto(r: repo.RegistrationRow, org: repo.PartyOrgRow, member: { id: string; name: string }) {
  return {
    id: r.id,
    state: r.state,
    stateLabel: stateLabel(r.state),
    org: { id: org.id, name: org.name, kind: org.kind },
    member,
    appliedAt: toIsoCst(r.createdAt),
    reviewedAt: toIsoCst(r.reviewedAt),
    reason: r.reason,
  };
}

/** The caller's own membership: their record, registrations and the posts they may choose. */
export async function myMembership(ctx: AppContext, actor: Actor) {
  const v = actor.personId ? await repo.memberOfPerson(ctx.db, actor.personId) : null;
  if (!v) return { member: null, registrations: [], posts: [] };
  const regs = await repo.registrationsOfMember(ctx.db, v.member.id);
  const orgs = await repo.orgsByIds(
    ctx.db,
    regs.map((r) => r.orgId),
  );
  const posts = await postsOfMember(ctx, v);
  const index = (await vanguardFor(ctx, [{ id: v.member.id, postCode: v.member.postCode }])).get(v.member.id)!;
  return {
    member: memberDto(actor, v, index),
    vanguard: index,
    // A registration names an organisation that stays (a foreign key; deleteOrg refuses one with history).
    registrations: regs.flatMap((r) => {
      const org = orgs.get(r.orgId);
      return org ? [registrationDto(r, org, { id: v.member.id, name: v.person.name })] : [];
    }),
    posts: posts.map(postDto),
  };
}

// ---- registration (双报到) --------------------------------------------------------------------

export async function applyRegistration(ctx: AppContext, actor: Actor, orgId: string, req: RequestContext) {
  const mine = actor.personId ? await repo.memberOfPerson(ctx.db, actor.personId) : null;
  if (!mine) throw forbidden('只有已建立党员档案的党员可以申请报到', 'not_a_member');
  const org = (await repo.orgsByIds(ctx.db, [orgId])).get(orgId);
  if (!org) throw notFound('党组织');
  if (!REGISTRATION_TARGET_KINDS.includes(org.kind as PartyOrgKind)) {
    throw invalid('invalid_org', '只能向村（社区）党组织、网格党支部、小区党支部或联合党支部报到', { field: 'orgId' });
  }
  if (org.id === mine.member.orgId) throw conflict('own_organisation', '这是您组织关系所在的党组织，无需报到');
  const reg = await ctx.db.transaction(async (tx) => {
    const m = await repo.lockMember(tx, mine.member.id);
    if (!m) throw notFound('党员档案');
    if (m.registrationState === 'applied') throw conflict('registration_pending', '您已有一份待审核的报到申请，请等待社区审核');
    if (m.registrationState === 'accepted' && m.localOrgId) {
      throw conflict('already_registered', m.localOrgId === org.id ? '您已在该党组织报到' : '您已在其他党组织报到；如需变更，请先办理转移');
    }
    const r = await repo.insertRegistration(tx, { memberId: m.id, orgId: org.id, state: 'applied', appliedBy: actor.id });
    await repo.updateMember(tx, m.id, { localOrgId: org.id, registrationState: 'applied' });
    await audit(tx, { actor }, req, { action: 'party.registration.apply', entityType: 'party_registration', entityId: r.id, areaCode: org.areaCode, detail: { memberId: m.id, orgId: org.id } });
    return r;
  });
  return registrationDto(reg, org, { id: mine.member.id, name: mine.person.name });
}

export async function reviewRegistration(ctx: AppContext, actor: Actor, id: string, decision: 'accept' | 'reject', reason: string | undefined, req: RequestContext) {
  const found = await repo.findRegistration(ctx.db, id);
  const org = found ? (await repo.orgsByIds(ctx.db, [found.orgId])).get(found.orgId) : undefined;
  const scope = partyScopeOf(actor);
  if (!found || !org || !scope || !isWithinScope(org.areaCode, scope.code)) throw notFound('报到申请');
  if (!reviewsAt(actor, org.areaCode)) throw forbidden('只有辖区社区工作者或党组织书记可以审核报到申请', 'action_not_allowed');
  const reg = await ctx.db.transaction(async (tx) => {
    const r = await repo.lockRegistration(tx, id);
    if (!r) throw notFound('报到申请');
    if (r.state !== 'applied') throw conflict('invalid_state', `该报到申请${stateLabel(r.state)}，不能再审核`);
    const state = decision === 'accept' ? 'accepted' : 'rejected';
    const updated = await repo.updateRegistration(tx, id, { state, reviewedBy: actor.id, reviewedAt: new Date(), reason: reason ?? null });
    const m = await repo.lockMember(tx, r.memberId);
    if (m && m.localOrgId === r.orgId) await repo.updateMember(tx, m.id, { registrationState: state });
    await audit(tx, { actor }, req, { action: `party.registration.${decision}`, entityType: 'party_registration', entityId: r.id, areaCode: org.areaCode, detail: { memberId: r.memberId, orgId: r.orgId, reason: reason ?? null } });
    return updated;
  });
  const member = await repo.findMember(ctx.db, null, reg.memberId);
  return registrationDto(reg, org, { id: reg.memberId, name: member?.person.name ?? '' });
}

// ---- posts (设岗定责) -------------------------------------------------------------------------

const postDto = (p: repo.PartyPostRow) => ({ code: p.code, name: p.name, description: p.description, custom: p.areaCode !== null, areaCode: p.areaCode });

const villageOf = (code: string | null | undefined) => (code && code.length >= 12 ? code.slice(0, 12) : null);

/** Posts a member may hold: the fixed ones and those of the villages of their own and registered organisations. */
async function postsOfMember(ctx: AppContext, v: repo.MemberView) {
  const villages = [villageOf(v.org.areaCode), v.member.registrationState === 'accepted' ? villageOf(v.localOrg?.areaCode) : null];
  const lists = await Promise.all([...new Set(villages)].map((vc) => repo.postsFor(ctx.db, vc)));
  const seen = new Map<string, repo.PartyPostRow>();
  for (const p of lists.flat()) seen.set(p.code, p);
  return [...seen.values()].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
}

export async function listPosts(ctx: AppContext, actor: Actor, area?: string) {
  if (area !== undefined) {
    if (!isAreaCode(area)) throw invalid('invalid_area', '区域（area）应为区划代码', { field: 'area' });
    // Inside the caller's scope, or the village that holds it (a member's or resident's own village); else 404.
    const ownVillage = area.length === 12 && isWithinScope(actor.scopeCode, area);
    if (!isWithinScope(area, actor.scopeCode) && !ownVillage) throw notFound('区域');
  }
  const village = villageOf(area ?? actor.scopeCode);
  const rows = await repo.postsFor(ctx.db, village);
  return { area: village, items: rows.map(postDto) };
}

export async function addPost(ctx: AppContext, actor: Actor, input: { area: string; name: string; description?: string }, req: RequestContext) {
  if (!isAreaCode(input.area) || input.area.length !== 12) throw invalid('invalid_area', '自定义岗位应设在村（社区）：area 应为 12 位区划代码', { field: 'area' });
  if (!managesAt(actor, input.area)) throw forbidden('只有辖区社区工作者或党组织书记可以设置岗位', 'action_not_allowed');
  const existing = await repo.postsFor(ctx.db, input.area);
  if (existing.some((p) => p.name === input.name)) throw conflict('duplicate_post', `岗位“${input.name}”已存在`);
  const code = `x-${input.area}-${randomUUID().slice(0, 8)}`;
  await ctx.db.transaction(async (tx) => {
    await repo.insertPosts(tx, [{ code, name: input.name, description: input.description ?? null, areaCode: input.area, sort: 100 + existing.length }]);
    await audit(tx, { actor }, req, { action: 'party.post.create', entityType: 'party_post', entityId: code, areaCode: input.area, detail: { name: input.name } });
  });
  return postDto((await repo.postsFor(ctx.db, input.area)).find((p) => p.code === code)!);
}

export async function setPost(ctx: AppContext, actor: Actor, memberId: string, postCode: string | null, req: RequestContext) {
  const any = await repo.findMember(ctx.db, null, memberId);
  const self = !!any && !!actor.personId && any.person.id === actor.personId;
  const scope = partyScopeOf(actor);
  const v = self ? any : scope ? await repo.findMember(ctx.db, scope, memberId) : null;
  if (!v) throw notFound('党员');
  if (!maySetPost(actor, placesOf(v))) throw forbidden('只有党员本人或其所在党组织的社区工作者、书记可以设置岗位', 'action_not_allowed');
  if (postCode !== null && !(await postsOfMember(ctx, v)).some((p) => p.code === postCode)) {
    throw invalid('unknown_post', `岗位不存在或不适用于该党员：${postCode.slice(0, 40)}`, { field: 'postCode' });
  }
  await ctx.db.transaction(async (tx) => {
    const m = await repo.lockMember(tx, v.member.id);
    if (!m) throw notFound('党员');
    await repo.updateMember(tx, m.id, { postCode });
    await audit(tx, { actor }, req, { action: 'party.member.post', entityType: 'party_member', entityId: m.id, areaCode: v.org.areaCode, detail: { from: m.postCode, to: postCode, self } });
  });
  return memberDto(actor, (await repo.findMember(ctx.db, null, memberId))!);
}

// ---- the branch formation rule ----------------------------------------------------------------

export const FORMATION_RULE = '有物业、有围墙且党员 3 名以上的小区单独建立党支部；不符合条件的相邻小区联合建立党支部（003）';

export async function formationCheck(ctx: AppContext, actor: Actor, area: string) {
  staffScope(actor);
  const code = areaWithin(actor, area);
  if (code.length < 12) throw invalid('invalid_area', '请指定村（社区）或网格（area 至少 12 位）', { field: 'area' });
  const compounds = await repo.compoundsIn(ctx.db, code);
  const items = compounds.map((c) => {
    const qualifies = qualifiesForOwnBranch(c);
    const problem =
      qualifies && !c.ownBranch
        ? { code: 'missing_own_branch', message: `有物业、有围墙，党员 ${c.members} 名，应单独建立党支部，但尚未建立` }
        : !qualifies && c.ownBranch
          ? { code: 'own_branch_not_qualified', message: `已单独建立党支部，但不符合条件（${[!c.hasProperty && '无物业', !c.fenced && '无围墙', c.members < 3 && `党员仅 ${c.members} 名`].filter(Boolean).join('、')}），应联合建立党支部` }
          : null;
    return { ...c, expected: qualifies ? ('own' as const) : ('joint' as const), ok: problem === null, problem };
  });
  const plan = branchFormation(compounds);
  const names = await areaNames(ctx.db, [code]);
  return {
    area: { code, name: names.get(code)?.name ?? code },
    rule: FORMATION_RULE,
    total: items.length,
    violations: items.filter((i) => !i.ok),
    compounds: items,
    proposal: { own: plan.own.map((c) => c.code), joint: plan.joint.map((g) => g.map((c) => c.code)) },
  };
}

// ---- one member: vanguard index, transfers, post reports ----------------------------------------

/** A member as staff in scope, or the member themself, see them: with index, transfers and reports. */
export async function getMember(ctx: AppContext, actor: Actor, id: string) {
  const any = await repo.findMember(ctx.db, null, id);
  const self = !!any && !!actor.personId && any.person.id === actor.personId;
  const scope = partyScopeOf(actor);
  const v = self ? any : scope ? await repo.findMember(ctx.db, scope, id) : null;
  if (!v) throw notFound('党员');
  const [index, transfers, reports, linkCount] = await Promise.all([
    vanguardFor(ctx, [{ id: v.member.id, postCode: v.member.postCode }]),
    work.transfersOf(ctx.db, v.member.id),
    work.postReportsOf(ctx.db, v.member.id),
    work.linkCounts(ctx.db, [v.member.id]),
  ]);
  const orgs = await repo.orgsByIds(ctx.db, [...transfers.flatMap((t) => [t.fromOrgId, t.toOrgId]), ...reports.map((r) => r.orgId)]);
  const by = await work.userNames(ctx.db, [...transfers.map((t) => t.byUserId), ...reports.map((r) => r.byUserId)]);
  const posts = await repo.postsFor(ctx.db, null);
  const vanguard = index.get(v.member.id)!;
  const org = (oid: string) => ({ id: oid, name: orgs.get(oid)?.name ?? '' });
  return {
    ...memberDto(actor, v, vanguard),
    vanguardDetail: vanguard,
    linkedHouseholds: linkCount.get(v.member.id) ?? 0,
    transfers: transfers.map((t) => ({ id: t.id, from: org(t.fromOrgId), to: org(t.toOrgId), reason: t.reason, by: by.get(t.byUserId) ?? '', at: toIsoCst(t.at) })),
    postReports: reports.map((r) => ({
      id: r.id,
      post: r.postCode ? { code: r.postCode, name: posts.find((p) => p.code === r.postCode)?.name ?? r.postCode } : null,
      org: org(r.orgId),
      reason: r.reason,
      by: by.get(r.byUserId) ?? '',
      at: toIsoCst(r.at),
    })),
  };
}

/** Organisations a member may be transferred to (组织关系转接): any but a 党小组. */
const TRANSFER_TARGET_KINDS: readonly PartyOrgKind[] = ['town-committee', 'village-org', 'grid-branch', 'functional-branch', 'joint-branch', 'compound-branch'];

export async function transferMember(ctx: AppContext, actor: Actor, id: string, input: { toOrgId: string; reason: string }, req: RequestContext) {
  const scope = staffScope(actor);
  const v = await repo.findMember(ctx.db, scope, id);
  if (!v) throw notFound('党员');
  if (!mayTransfer(actor, placesOf(v))) throw forbidden('只有党员组织关系所在党组织的社区工作者、书记可以办理转接', 'action_not_allowed');
  const to = (await repo.orgsByIds(ctx.db, [input.toOrgId])).get(input.toOrgId);
  if (!to) throw invalid('unknown_org', '转入的党组织不存在', { field: 'toOrgId' });
  if (!TRANSFER_TARGET_KINDS.includes(to.kind as PartyOrgKind)) throw invalid('invalid_org', '党小组不能接收组织关系，请选择党支部或党委（党总支）', { field: 'toOrgId' });
  await ctx.db.transaction(async (tx) => {
    const m = await repo.lockMember(tx, v.member.id);
    if (!m) throw notFound('党员');
    if (m.orgId === to.id) throw conflict('same_org', '该党员的组织关系已在该党组织');
    const t = await work.insertTransfer(tx, { memberId: m.id, fromOrgId: m.orgId, toOrgId: to.id, reason: input.reason, byUserId: actor.id });
    // Moving into the organisation they registered with ends the registration: it is now their own.
    const patch: Partial<repo.NewPartyMemberRow> = { orgId: to.id };
    if (m.localOrgId === to.id) Object.assign(patch, { localOrgId: null, registrationState: null });
    await repo.updateMember(tx, m.id, patch);
    await audit(tx, { actor }, req, { action: 'party.member.transfer', entityType: 'party_member', entityId: m.id, areaCode: to.areaCode, detail: { transferId: t.id, from: m.orgId, to: to.id, reason: input.reason } });
  });
  return getMember(ctx, actor, id);
}

/** 小区党支部吹哨、党员报到: report a member who does not fulfil their post to their own organisation. */
export async function reportPost(ctx: AppContext, actor: Actor, id: string, reason: string, req: RequestContext) {
  const scope = staffScope(actor);
  const v = await repo.findMember(ctx.db, scope, id);
  if (!v) throw notFound('党员');
  if (!mayReportPost(actor, { ...placesOf(v), residence: v.person.areaCode })) throw forbidden('只有党员居住地或报到地的社区工作者、书记可以反馈履岗情况', 'action_not_allowed');
  if (!v.member.postCode) throw conflict('no_post', '该党员尚未认领岗位');
  await ctx.db.transaction(async (tx) => {
    const r = await work.insertPostReport(tx, { memberId: v.member.id, postCode: v.member.postCode, orgId: v.member.orgId, fromAreaCode: actor.scopeCode, reason, byUserId: actor.id });
    await audit(tx, { actor }, req, { action: 'party.member.post-report', entityType: 'party_member', entityId: v.member.id, areaCode: v.org.areaCode, detail: { reportId: r.id, orgId: v.member.orgId, postCode: v.member.postCode, reason } });
  });
  return getMember(ctx, actor, id);
}

/** How many registrations (双报到) wait for the caller's review, for the cross-module to-do count. */
export async function registrationsToReview(ctx: AppContext, actor: Actor): Promise<number> {
  const scope = partyScopeOf(actor);
  if (!scope) return 0;
  const orgs = (await repo.orgsIn(ctx.db, scope)).filter((o) => reviewsAt(actor, o.areaCode));
  if (orgs.length === 0) return 0;
  return (await repo.pendingRegistrations(ctx.db, orgs.map((o) => o.id))).length;
}

// ---- editing the tree -------------------------------------------------------------------------

export interface OrgInput {
  name: string;
  kind: PartyOrgKind;
  parentId?: string | null;
  areaCode: string;
  secretaryName?: string | null;
  sort?: number;
}

/** Where `parentId` points, in the caller's scope (a parent outside it is a 404, like any other org). */
async function parentFor(ctx: AppContext, scope: Scope, parentId: string | null | undefined) {
  if (!parentId) return null;
  const parent = await repo.findOrg(ctx.db, scope, parentId);
  if (!parent) throw notFound('上级党组织');
  return parent;
}

async function checkArea(ctx: AppContext, actor: Actor, areaCode: string) {
  if (!isAreaCode(areaCode)) throw invalid('invalid_area', '覆盖区域（areaCode）应为区划代码', { field: 'areaCode' });
  if (!isWithinScope(areaCode, actor.scopeCode)) throw notFound('区域');
  const names = await areaNames(ctx.db, [areaCode]);
  if (!names.has(areaCode)) throw notFound('区域');
}

const newOrgCode = (areaCode: string) => `P${areaCode}-${randomUUID().slice(0, 8)}`;

export async function createOrg(ctx: AppContext, actor: Actor, input: OrgInput, req: RequestContext, idempotencyKey?: string) {
  const scope = staffScope(actor);
  const parent = await parentFor(ctx, scope, input.parentId);
  await checkArea(ctx, actor, input.areaCode);
  if (!editsTreeAt(actor, parent?.areaCode ?? input.areaCode) || (!parent && !editsTreeAt(actor, input.areaCode.slice(0, 6)))) {
    throw forbidden('只有上级党组织所在辖区的社区工作者、党组织书记或系统管理员可以新建党组织', 'action_not_allowed');
  }
  const problem = orgPlacementProblem(input.kind, input.areaCode, parent);
  if (problem) throw invalid('invalid_placement', problem, { field: parent && !ORG_PLACEMENT[input.kind].parents.includes(parent.kind as PartyOrgKind) ? 'parentId' : 'areaCode' });
  const created = await withIdempotency(ctx, `party-org:${actor.id}`, idempotencyKey, async (tx) => {
    const siblings = await repo.orgsIn(tx, systemScope(), parent?.areaCode ?? input.areaCode);
    if (siblings.some((o) => o.parentId === (parent?.id ?? null) && o.name === input.name)) throw conflict('duplicate_org', `上级组织下已有“${input.name}”`);
    const org = await repo.insertOrg(tx, {
      code: newOrgCode(input.areaCode),
      name: input.name,
      kind: input.kind,
      parentId: parent?.id ?? null,
      areaCode: input.areaCode,
      secretaryName: input.secretaryName ?? null,
      sort: input.sort ?? 100,
    });
    await audit(tx, { actor }, req, { action: 'party.org.create', entityType: 'party_org', entityId: org.id, areaCode: org.areaCode, detail: { name: org.name, kind: org.kind, parentId: org.parentId } });
    return { status: 201, body: { id: org.id } };
  });
  return { status: created.status, body: await getOrg(ctx, actor, (created.body as { id: string }).id) };
}

export interface OrgPatch {
  name?: string;
  secretaryName?: string | null;
  parentId?: string;
  sort?: number;
}

export async function updateOrg(ctx: AppContext, actor: Actor, id: string, patch: OrgPatch, req: RequestContext) {
  const scope = staffScope(actor);
  const org = await repo.findOrg(ctx.db, scope, id);
  if (!org) throw notFound('党组织');
  if (!editsTreeAt(actor, org.areaCode)) throw forbidden('只有该党组织所在辖区的社区工作者、党组织书记或系统管理员可以修改党组织', 'action_not_allowed');
  const moving = patch.parentId !== undefined && patch.parentId !== org.parentId;
  if (moving) {
    const parent = await parentFor(ctx, scope, patch.parentId);
    if (!editsTreeAt(actor, parent!.areaCode)) throw forbidden('您不能把党组织移到辖区以外的上级组织下', 'action_not_allowed');
    // No organisation may move under itself or one of its own descendants.
    if ((await subtreeIds(ctx, systemScope(), org)).includes(parent!.id)) throw invalid('invalid_placement', '不能把党组织移到它自己或它的下级组织之下', { field: 'parentId' });
    const problem = orgPlacementProblem(org.kind as PartyOrgKind, org.areaCode, parent);
    if (problem) throw invalid('invalid_placement', problem, { field: 'parentId' });
  }
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockOrg(tx, id);
    if (!locked) throw notFound('党组织');
    if (patch.name !== undefined && patch.name !== locked.name) {
      const siblings = await repo.orgsIn(tx, systemScope(), locked.areaCode.slice(0, 9));
      const parentId = moving ? patch.parentId : locked.parentId;
      if (siblings.some((o) => o.id !== id && o.parentId === parentId && o.name === patch.name)) throw conflict('duplicate_org', `上级组织下已有“${patch.name}”`);
    }
    const changes: Partial<repo.NewPartyOrgRow> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.secretaryName !== undefined) changes.secretaryName = patch.secretaryName;
    if (patch.sort !== undefined) changes.sort = patch.sort;
    if (moving) changes.parentId = patch.parentId;
    await repo.updateOrg(tx, id, changes);
    await audit(tx, { actor }, req, {
      action: 'party.org.update',
      entityType: 'party_org',
      entityId: id,
      areaCode: locked.areaCode,
      detail: { fields: Object.keys(changes), ...(moving ? { from: locked.parentId, to: patch.parentId } : {}), ...(patch.secretaryName !== undefined ? { secretaryName: patch.secretaryName } : {}) },
    });
  });
  return getOrg(ctx, actor, id);
}

export async function deleteOrg(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const scope = staffScope(actor);
  const org = await repo.findOrg(ctx.db, scope, id);
  if (!org) throw notFound('党组织');
  if (!editsTreeAt(actor, org.areaCode)) throw forbidden('只有该党组织所在辖区的社区工作者、党组织书记或系统管理员可以撤销党组织', 'action_not_allowed');
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockOrg(tx, id);
    if (!locked) throw notFound('党组织');
    const used = await repo.orgUsage(tx, id);
    if (used.children > 0) throw conflict('org_has_children', `该党组织还有 ${used.children} 个下级组织，请先撤销或移走`);
    if (used.members > 0) throw conflict('org_has_members', `该党组织还有 ${used.members} 名党员（含报到党员），请先办理组织关系转接`);
    // Registrations, transfers and reports name it: the history stays, so the organisation does too.
    if (used.history > 0) throw conflict('org_has_history', '该党组织已有报到、转接或履岗记录，不能撤销，可改名或移动');
    await repo.deleteOrg(tx, id);
    await audit(tx, { actor }, req, { action: 'party.org.delete', entityType: 'party_org', entityId: id, areaCode: locked.areaCode, detail: { name: locked.name, kind: locked.kind } });
  });
}

/** 党员中心户: mark or unmark a member's household as the fifth level of the chain. */
export async function setCentralHousehold(ctx: AppContext, actor: Actor, memberId: string, central: boolean, req: RequestContext) {
  const scope = staffScope(actor);
  const v = await repo.findMember(ctx.db, scope, memberId);
  if (!v) throw notFound('党员');
  if (!mayTransfer(actor, placesOf(v))) throw forbidden('只有党员组织关系所在党组织的社区工作者、书记可以设置党员中心户', 'action_not_allowed');
  await ctx.db.transaction(async (tx) => {
    const m = await repo.lockMember(tx, v.member.id);
    if (!m) throw notFound('党员');
    await repo.updateMember(tx, m.id, { centralHousehold: central });
    await audit(tx, { actor }, req, { action: 'party.member.central', entityType: 'party_member', entityId: m.id, areaCode: v.org.areaCode, detail: { from: m.centralHousehold, to: central } });
  });
  return getMember(ctx, actor, memberId);
}

/**
 * Acts on the branch formation check: creates the compound branch a qualifying compound lacks, or
 * the joint branch of the compounds the proposal groups, under the grid branch (or the village
 * organisation) that holds them.
 */
export async function formBranch(ctx: AppContext, actor: Actor, input: { area: string; compounds: string[]; name?: string }, req: RequestContext, idempotencyKey?: string) {
  const scope = staffScope(actor);
  const check = await formationCheck(ctx, actor, input.area);
  const byCode = new Map(check.compounds.map((c) => [c.code, c]));
  const chosen = [...new Set(input.compounds)];
  for (const code of chosen) if (!byCode.has(code)) throw invalid('unknown_compound', `小区 ${code.slice(0, 24)} 不在 ${check.area.name} 的检查范围内`, { field: 'compounds' });
  const own = chosen.length === 1 && byCode.get(chosen[0]!)!.expected === 'own';
  let kind: PartyOrgKind;
  let areaCode: string;
  if (own) {
    const c = byCode.get(chosen[0]!)!;
    if (c.ownBranch) throw conflict('branch_exists', `${c.name}已建立${c.ownBranch.name}`);
    kind = 'compound-branch';
    areaCode = c.code;
  } else {
    const group = check.proposal.joint.find((g) => g.length === chosen.length && g.every((code) => chosen.includes(code)));
    if (!group) throw invalid('not_proposed', '请按检查提出的分组建立联合党支部：符合条件的小区单独建支部，其余相邻小区按提议分组联合建支部', { field: 'compounds' });
    kind = 'joint-branch';
    areaCode = jointBranchArea(chosen)!;
  }
  // The parent: the grid branch of the compounds' grid, else the village organisation.
  const orgs = await repo.orgsIn(ctx.db, scope, areaCode.slice(0, 12));
  const gridBranch = orgs.find((o) => o.kind === 'grid-branch' && areaCode.startsWith(o.areaCode));
  const villageOrg = orgs.find((o) => o.kind === 'village-org' && o.areaCode === areaCode.slice(0, 12));
  const parent = gridBranch ?? villageOrg;
  if (!parent) throw conflict('no_parent_org', '该村（社区）还没有党组织，请先在组织树中建立');
  const names = chosen.map((code) => byCode.get(code)!.name);
  const name = input.name ?? (own ? `${names[0]}小区党支部` : `${names.slice(0, 3).join('、')}${names.length > 3 ? '等' : ''}联合党支部`);
  return createOrg(ctx, actor, { name: name.slice(0, 60), kind, parentId: parent.id, areaCode, sort: 500 }, req, idempotencyKey);
}

/**
 * Where the caller, a member, may register (双报到): the organisations of the kinds that take
 * registrations in the village they live in, the one covering their home first. Names only.
 */
export async function registrationTargets(ctx: AppContext, actor: Actor) {
  const mine = actor.personId ? await repo.memberOfPerson(ctx.db, actor.personId) : null;
  if (!mine) throw forbidden('只有已建立党员档案的党员可以申请报到', 'not_a_member');
  const home = mine.person.areaCode;
  const village = villageOf(home);
  if (!village) return { area: null, items: [] };
  const rows = (await repo.orgsIn(ctx.db, systemScope(), village)).filter((o) => REGISTRATION_TARGET_KINDS.includes(o.kind as PartyOrgKind) && o.id !== mine.member.orgId);
  const names = await areaNames(ctx.db, [village]);
  // The organisation covering the most precise part of their home comes first.
  const covers = (o: repo.PartyOrgRow) => (home.startsWith(o.areaCode) ? o.areaCode.length : 0);
  rows.sort((a, b) => covers(b) - covers(a) || a.areaCode.localeCompare(b.areaCode) || a.sort - b.sort);
  return {
    area: { code: village, name: names.get(village)?.name ?? village },
    items: rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, kindLabel: kindLabel(o.kind), coversHome: covers(o) > 0 })),
  };
}
