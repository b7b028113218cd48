// Service orders (群众点单、社区派单、党员接单, SPEC §6), the community's service menu and its service
// teams. `applyOrderAction` is the one way in for every change of an order: it decides with the pure
// workflow and writes the change, the timeline entry and the audit row in one transaction; a rated
// completion awards the member who served it points once.
import {
  conflict,
  decideOrder,
  forbidden,
  invalid,
  isAreaCode,
  isWithinScope,
  maskName,
  notFound,
  ORDER_ACTION_LABELS,
  ORDER_RATING_LABELS,
  ORDER_REQUIRED_FIELDS,
  ORDER_STATE_LABELS,
  POINTED_RATINGS,
  type OrderAction,
  type OrderRating,
  type OrderState,
} from '@gongzhi/domain';
import type { Tx } from '../db/client.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canServe, managesCommunity, mayOrder, orderAllowedActions, orderRelations, orderScopeOf, seesOrdererDetails, type OrderViewer } from '../policies/orders.ts';
import * as repo from '../repositories/orders.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { fileUrl } from './files.ts';
import { withIdempotency } from './idempotency.ts';
import { awardAutomatically } from './points.ts';

/** The points rule posted automatically when a resident rates a completed order 满意 or 基本满意. */
export const ORDER_POINTS_RULE = 'order-served-auto';

/** A person's name without the account suffix （居民）/（党员）. */
const plainName = (name: string) => name.replace(/（[^）]*）$/, '').trim() || name;

// ---- who is asking ----------------------------------------------------------------------------

export async function viewerOf(ctx: AppContext, actor: Actor): Promise<OrderViewer> {
  return { actor, teamIds: await repo.teamIdsOfUser(ctx.db, actor.id) };
}

/** Where the caller lives: their household (address) or, without one, their account's scope. */
async function homeOf(ctx: AppContext, actor: Actor): Promise<{ areaCode: string; address: string | null; personId: string | null; name: string }> {
  const person = actor.personId ? await repo.personWithAddress(ctx.db, actor.personId) : null;
  return { areaCode: person?.areaCode ?? actor.scopeCode, address: person?.address ?? null, personId: person?.id ?? null, name: person?.name ?? plainName(actor.displayName) };
}

/** The community (12-digit code) a request is about: the given one, else the caller's own. */
async function communityFor(ctx: AppContext, actor: Actor, area: string | undefined): Promise<string> {
  let code = area;
  if (!code) {
    const home = await homeOf(ctx, actor);
    code = home.areaCode.length >= 12 ? home.areaCode.slice(0, 12) : undefined;
  }
  if (!code || !isAreaCode(code)) throw invalid('invalid_area', '请指定村（社区）的区划代码（area）', { field: 'area' });
  // A grid or building stands for its community; a town or the district for its first community,
  // so that a caller above community level opens the pages and then picks another community.
  if (code.length > 12) return code.slice(0, 12);
  if (code.length < 12) {
    if (!isWithinScope(code, actor.scopeCode) && !isWithinScope(actor.scopeCode, code)) throw notFound('村（社区）');
    const under = isWithinScope(code, actor.scopeCode) ? code : actor.scopeCode;
    const first = under.length >= 12 ? under.slice(0, 12) : await repo.firstCommunityUnder(ctx.db, under);
    if (!first) throw notFound('村（社区）');
    return first;
  }
  return code;
}

async function visibleCommunity(ctx: AppContext, actor: Actor, community: string) {
  const home = await homeOf(ctx, actor);
  const names = await areaNames(ctx.db, [community]);
  const inScope = isWithinScope(community, actor.scopeCode) || isWithinScope(actor.scopeCode, community) || home.areaCode.startsWith(community);
  if (!names.has(community) || !inScope) throw notFound('村（社区）');
  return { code: community, name: names.get(community)!.name };
}

// ---- the service menu -------------------------------------------------------------------------

export async function getMenu(ctx: AppContext, actor: Actor, area?: string) {
  const community = await visibleCommunity(ctx, actor, await communityFor(ctx, actor, area));
  const canEdit = managesCommunity(actor, community.code);
  const [items, teams] = await Promise.all([repo.menuOf(ctx.db, community.code, { includeInactive: canEdit }), repo.teamsOf(ctx.db, community.code)]);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  return {
    area: community,
    canEdit,
    items: items.map((m) => ({
      id: m.id,
      name: m.name,
      category: m.category,
      description: m.description,
      active: m.active,
      sort: m.sort,
      defaultTeam: m.defaultTeamId ? { id: m.defaultTeamId, name: teamNames.get(m.defaultTeamId) ?? '' } : null,
    })),
  };
}

export interface MenuItemInput {
  area?: string;
  name?: string;
  category?: string;
  description?: string;
  defaultTeamId?: string | null;
  active?: boolean;
  sort?: number;
}

async function checkTeamOf(ctx: AppContext, teamId: string | null | undefined, community: string) {
  if (!teamId) return;
  const team = await repo.findTeam(ctx.db, teamId);
  if (!team || team.areaCode !== community) throw invalid('unknown_team', '服务队不存在或不属于该社区', { field: 'defaultTeamId' });
}

export async function createMenuItem(ctx: AppContext, actor: Actor, input: MenuItemInput & { name: string; category: string }, req: RequestContext) {
  const community = await visibleCommunity(ctx, actor, await communityFor(ctx, actor, input.area));
  if (!managesCommunity(actor, community.code)) throw forbidden('只有社区工作者和党组织书记可以编辑服务菜单', 'action_not_allowed');
  await checkTeamOf(ctx, input.defaultTeamId, community.code);
  const item = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertMenuItem(tx, {
      areaCode: community.code,
      name: input.name,
      category: input.category,
      description: input.description ?? '',
      defaultTeamId: input.defaultTeamId ?? null,
      active: input.active ?? true,
      sort: input.sort ?? 100,
    });
    if (!row) throw conflict('duplicate_service', `服务菜单中已有“${input.name}”`);
    await audit(tx, { actor }, req, { action: 'service-menu.create', entityType: 'service_menu_item', entityId: row.id, areaCode: community.code, detail: { name: row.name } });
    return row;
  });
  return { id: item.id, name: item.name, category: item.category, description: item.description, active: item.active, sort: item.sort };
}

export async function updateMenuItem(ctx: AppContext, actor: Actor, id: string, input: MenuItemInput, req: RequestContext) {
  const item = await repo.findMenuItem(ctx.db, id);
  if (!item || !isWithinScope(item.areaCode, actor.scopeCode)) throw notFound('服务项目');
  if (!managesCommunity(actor, item.areaCode)) throw forbidden('只有社区工作者和党组织书记可以编辑服务菜单', 'action_not_allowed');
  await checkTeamOf(ctx, input.defaultTeamId, item.areaCode);
  if (input.name && (await repo.menuNameTaken(ctx.db, item.areaCode, input.name, id))) throw conflict('duplicate_service', `服务菜单中已有“${input.name}”`);
  const patch = Object.fromEntries(Object.entries({ name: input.name, category: input.category, description: input.description, defaultTeamId: input.defaultTeamId, active: input.active, sort: input.sort }).filter(([, v]) => v !== undefined));
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateMenuItem(tx, id, patch);
    await audit(tx, { actor }, req, { action: 'service-menu.update', entityType: 'service_menu_item', entityId: id, areaCode: item.areaCode, detail: patch });
    return updated;
  });
  return { id: row.id, name: row.name, category: row.category, description: row.description, active: row.active, sort: row.sort };
}

// ---- service teams ----------------------------------------------------------------------------

/** Teams with their members; account names (usernames) only for the community's managers. */
async function presentTeams(ctx: AppContext, teams: repo.TeamRow[], withUsernames = true) {
  const members = await repo.membersOfTeams(ctx.db, teams.map((t) => t.id));
  return teams.map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    standard: t.code !== null,
    active: t.active,
    members: members.filter((m) => m.teamId === t.id).map((m) => ({ userId: m.userId, username: withUsernames ? m.username : null, name: plainName(m.displayName), leader: m.leader })),
  }));
}

export async function listTeams(ctx: AppContext, actor: Actor, area?: string) {
  const community = await visibleCommunity(ctx, actor, await communityFor(ctx, actor, area));
  const teams = await repo.teamsOf(ctx.db, community.code);
  const canEdit = managesCommunity(actor, community.code);
  return { area: community, canEdit, items: await presentTeams(ctx, teams, canEdit) };
}

/** Who the community may send an order to: its party members and cadres, and its teams' members. */
export async function listServers(ctx: AppContext, actor: Actor, area?: string) {
  const community = await visibleCommunity(ctx, actor, await communityFor(ctx, actor, area));
  if (!managesCommunity(actor, community.code)) throw forbidden('只有社区工作者和党组织书记可以派单', 'action_not_allowed');
  const teams = await repo.teamsOf(ctx.db, community.code);
  const [members, servers] = await Promise.all([repo.membersOfTeams(ctx.db, teams.map((t) => t.id)), repo.serversOf(ctx.db, community.code)]);
  const byId = new Map<string, { userId: string; username: string; name: string; teams: string[] }>();
  for (const s of servers) byId.set(s.id, { userId: s.id, username: s.username, name: plainName(s.displayName), teams: [] });
  for (const m of members) {
    const entry = byId.get(m.userId) ?? { userId: m.userId, username: m.username, name: plainName(m.displayName), teams: [] };
    entry.teams.push(teams.find((t) => t.id === m.teamId)?.name ?? '');
    byId.set(m.userId, entry);
  }
  return { area: community, items: [...byId.values()] };
}

async function managedTeam(ctx: AppContext, actor: Actor, id: string) {
  const team = await repo.findTeam(ctx.db, id);
  if (!team || !(isWithinScope(team.areaCode, actor.scopeCode) || isWithinScope(actor.scopeCode, team.areaCode))) throw notFound('服务队');
  if (!managesCommunity(actor, team.areaCode)) throw forbidden('只有社区工作者和党组织书记可以管理服务队', 'action_not_allowed');
  return team;
}

export async function createTeam(ctx: AppContext, actor: Actor, input: { area?: string; name: string; description?: string }, req: RequestContext) {
  const community = await visibleCommunity(ctx, actor, await communityFor(ctx, actor, input.area));
  if (!managesCommunity(actor, community.code)) throw forbidden('只有社区工作者和党组织书记可以管理服务队', 'action_not_allowed');
  const team = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertTeam(tx, { areaCode: community.code, name: input.name, description: input.description ?? '', code: null });
    if (!row) throw conflict('duplicate_team', `已有名为“${input.name}”的服务队`);
    await audit(tx, { actor }, req, { action: 'service-team.create', entityType: 'service_team', entityId: row.id, areaCode: community.code, detail: { name: row.name } });
    return row;
  });
  return (await presentTeams(ctx, [team]))[0]!;
}

export async function addTeamMember(ctx: AppContext, actor: Actor, teamId: string, input: { username: string; leader?: boolean }, req: RequestContext) {
  const team = await managedTeam(ctx, actor, teamId);
  const found = await repo.userByUsername(ctx.db, input.username);
  const user = found ? (await repo.usersByIds(ctx.db, [found.id]))[0] : undefined;
  if (!user || !user.active) throw invalid('unknown_user', `账号 ${input.username.slice(0, 40)} 不存在或已停用`, { field: 'username' });
  const home = user.personArea ?? user.scopeCode;
  if (!home.startsWith(team.areaCode) && !isWithinScope(team.areaCode, user.scopeCode)) {
    throw invalid('not_in_community', '只能把居住或工作在本社区的党员、志愿者加入服务队', { field: 'username' });
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.addTeamMember(tx, team.id, user.id, input.leader ?? false))) throw conflict('already_member', '该成员已在服务队中');
    await audit(tx, { actor }, req, { action: 'service-team.member.add', entityType: 'service_team', entityId: team.id, areaCode: team.areaCode, detail: { user: user.username } });
  });
  return (await presentTeams(ctx, [team]))[0]!;
}

export async function removeTeamMember(ctx: AppContext, actor: Actor, teamId: string, userId: string, req: RequestContext) {
  const team = await managedTeam(ctx, actor, teamId);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.removeTeamMember(tx, team.id, userId))) throw notFound('服务队成员');
    await audit(tx, { actor }, req, { action: 'service-team.member.remove', entityType: 'service_team', entityId: team.id, areaCode: team.areaCode, detail: { userId } });
  });
  return (await presentTeams(ctx, [team]))[0]!;
}

// ---- presenting orders ------------------------------------------------------------------------

interface Names {
  users: Map<string, string>;
  teams: Map<string, repo.TeamRow>;
  areas: Map<string, { name: string }>;
}

async function namesFor(ctx: AppContext, rows: repo.OrderRow[]): Promise<Names> {
  const [users, teams, areas] = await Promise.all([
    repo.usersByIds(ctx.db, rows.flatMap((r) => [r.assigneeUserId ?? '', r.takenByUserId ?? ''])),
    repo.teamsByIds(ctx.db, rows.map((r) => r.assigneeTeamId ?? '')),
    areaNames(ctx.db, rows.flatMap((r) => [r.areaCode, r.areaCode.slice(0, 12)])),
  ]);
  return { users: new Map(users.map((u) => [u.id, plainName(u.displayName)])), teams, areas };
}

function summary(v: OrderViewer, o: repo.OrderRow, names: Names) {
  const details = seesOrdererDetails(v, o);
  const assignee = o.assigneeTeamId
    ? { kind: 'team' as const, id: o.assigneeTeamId, name: names.teams.get(o.assigneeTeamId)?.name ?? '' }
    : o.assigneeUserId
      ? { kind: 'member' as const, id: o.assigneeUserId, name: names.users.get(o.assigneeUserId) ?? '' }
      : null;
  const community = o.areaCode.slice(0, 12);
  return {
    id: o.id,
    state: o.state as OrderState,
    stateLabel: ORDER_STATE_LABELS[o.state as OrderState].zh,
    service: { id: o.menuItemId, name: o.serviceName, category: o.category },
    note: o.note,
    preferredTime: o.preferredTime,
    address: o.address,
    area: { code: o.areaCode, name: names.areas.get(o.areaCode)?.name ?? o.areaCode },
    community: { code: community, name: names.areas.get(community)?.name ?? community },
    orderer: { name: details ? plainName(o.ordererName) : maskName(plainName(o.ordererName)) },
    mine: o.ordererUserId === v.actor.id,
    assignee,
    takenBy: o.takenByUserId ? { id: o.takenByUserId, name: names.users.get(o.takenByUserId) ?? '' } : null,
    completeNote: o.completeNote,
    rating: o.rating as OrderRating | null,
    ratingLabel: o.rating ? ORDER_RATING_LABELS[o.rating as OrderRating].zh : null,
    ratingComment: o.ratingComment,
    closeReason: o.closeReason,
    createdAt: toIsoCst(o.createdAt),
    dispatchedAt: toIsoCst(o.dispatchedAt),
    takenAt: toIsoCst(o.takenAt),
    completedAt: toIsoCst(o.completedAt),
    ratedAt: toIsoCst(o.ratedAt),
    updatedAt: toIsoCst(o.updatedAt),
    allowedActions: orderAllowedActions(v, o),
  };
}

function pointsOf(detail: unknown): number | null {
  const p = (detail as { points?: { status?: string; points?: number } } | null)?.points;
  return p?.status === 'posted' && typeof p.points === 'number' ? p.points : null;
}

async function present(ctx: AppContext, v: OrderViewer, o: repo.OrderRow) {
  const [names, events, fileRows] = await Promise.all([namesFor(ctx, [o]), repo.eventsOfOrder(ctx.db, o.id), repo.filesOfOrder(ctx.db, o.id)]);
  const details = seesOrdererDetails(v, o);
  const fileMap = new Map(fileRows.map((f) => [f.id, f]));
  const points = events.map((e) => pointsOf(e.detail)).find((p) => p !== null) ?? null;
  return {
    ...summary(v, o, names),
    points,
    attachments: fileRows.map((f) => ({ ...f, url: fileUrl(ctx, f.id) })),
    timeline: events.map((e) => ({
      action: e.action,
      actionLabel: e.action === 'order' ? '点单' : (ORDER_ACTION_LABELS[e.action as OrderAction]?.zh ?? e.action),
      fromState: e.fromState,
      toState: e.toState,
      actor: details || e.action !== 'order' ? e.actorName : maskName(e.actorName),
      at: toIsoCst(e.at),
      note: e.note ?? undefined,
      points: pointsOf(e.detail),
      attachments: ((e.attachments as string[] | null) ?? []).map((id) => ({ id, name: fileMap.get(id)?.name ?? '附件', url: fileUrl(ctx, id) })),
    })),
  };
}

// ---- reading orders ---------------------------------------------------------------------------

export async function getOrder(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const o = await repo.findOrder(ctx.db, orderScopeOf(v), id);
  if (!o) throw notFound('服务单');
  return present(ctx, v, o);
}

export interface OrderListQuery {
  state?: string;
  area?: string;
  relation?: 'mine' | 'assigned';
  page: number;
  pageSize: number;
}

export async function listOrders(ctx: AppContext, actor: Actor, q: OrderListQuery) {
  const v = await viewerOf(ctx, actor);
  const scope = orderScopeOf(v);
  const states = q.state ? q.state.split(',').filter(Boolean) : undefined;
  const relation = q.relation ? { kind: q.relation, userId: actor.id, teamIds: v.teamIds } : undefined;
  const [{ total, rows }, counts] = await Promise.all([
    repo.listOrders(ctx.db, scope, { states, area: q.area, relation, page: q.page, pageSize: q.pageSize }),
    repo.countByState(ctx.db, scope, q.area),
  ]);
  const names = await namesFor(ctx, rows);
  return { total, page: q.page, pageSize: q.pageSize, counts: counts as Partial<Record<OrderState, number>>, items: rows.map((o) => summary(v, o, names)) };
}

// ---- ordering (点单) ---------------------------------------------------------------------------

export interface OrderInput {
  menuItemId: string;
  note?: string;
  preferredTime?: string;
  address?: string;
}

export async function createOrder(ctx: AppContext, actor: Actor, input: OrderInput, req: RequestContext, opts: { idempotencyKey?: string } = {}) {
  if (!mayOrder(actor)) throw forbidden('单位账号不能点单', 'action_not_allowed');
  const home = await homeOf(ctx, actor);
  if (home.areaCode.length < 12) throw invalid('no_community', '无法确定您所在的村（社区）：请用居住地所在社区的账号点单', { field: 'menuItemId' });
  const community = home.areaCode.slice(0, 12);
  const item = await repo.findMenuItem(ctx.db, input.menuItemId);
  if (!item || item.areaCode !== community || !item.active) throw invalid('unknown_service', '服务项目不存在，或不在您所在社区的服务菜单中', { field: 'menuItemId' });
  const address = input.address?.trim() || home.address;
  if (!address) throw invalid('missing_field', '请填写服务地址（address）', { field: 'address' });
  return withIdempotency(ctx, `orders:${actor.id}`, opts.idempotencyKey, async (tx) => {
    const o = await repo.insertOrder(tx, {
      state: 'ordered',
      menuItemId: item.id,
      serviceName: item.name,
      category: item.category,
      note: input.note?.trim() ?? '',
      preferredTime: input.preferredTime?.trim() || null,
      address,
      areaCode: home.areaCode,
      ordererUserId: actor.id,
      ordererPersonId: home.personId,
      ordererName: home.name,
    });
    await repo.insertOrderEvent(tx, { orderId: o.id, action: 'order', fromState: null, toState: 'ordered', actorId: actor.id, actorName: plainName(actor.displayName), note: o.note || null });
    await audit(tx, { actor }, req, { action: 'order.create', entityType: 'service_order', entityId: o.id, areaCode: o.areaCode, detail: { service: item.name } });
    return { status: 201, body: { id: o.id, state: o.state as OrderState } };
  });
}

// ---- actions ----------------------------------------------------------------------------------

export interface OrderActionBody {
  memberUserId?: string;
  teamId?: string;
  reason?: string;
  note?: string;
  score?: OrderRating;
  comment?: string;
  attachments?: string[];
}

const FIELD_LABELS: Record<string, string> = { reason: '原因（reason）', note: '说明（note）', score: '评价（score）', assignee: '接单党员（memberUserId）或服务队（teamId）' };

export async function act(ctx: AppContext, actor: Actor, id: string, action: OrderAction, body: OrderActionBody, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  const visible = await repo.findOrder(ctx.db, orderScopeOf(v), id);
  if (!visible) throw notFound('服务单');
  const row = await ctx.db.transaction(async (tx) => {
    const o = await repo.lockOrder(tx, id);
    if (!o) throw notFound('服务单');
    return applyOrderAction(ctx, tx, v, o, action, body, req);
  });
  return present(ctx, await viewerOf(ctx, actor), row);
}

/** Checks the member or team an order is sent to (派单, 改派) and returns the assignment. */
async function assignment(tx: Tx, o: repo.OrderRow, body: OrderActionBody): Promise<{ assigneeUserId: string | null; assigneeTeamId: string | null; name: string }> {
  if (body.memberUserId && body.teamId) throw invalid('ambiguous_assignee', '请只选择一名党员（memberUserId）或一支服务队（teamId）', { field: 'teamId' });
  const community = o.areaCode.slice(0, 12);
  if (body.teamId) {
    const team = await repo.findTeam(tx, body.teamId);
    if (!team || team.areaCode !== community || !team.active) throw invalid('unknown_team', '服务队不存在或不属于该社区', { field: 'teamId' });
    return { assigneeUserId: null, assigneeTeamId: team.id, name: team.name };
  }
  const user = (await repo.usersByIds(tx, [body.memberUserId!]))[0];
  if (!user || !user.active) throw invalid('unknown_member', '接单党员不存在或已停用', { field: 'memberUserId' });
  if (user.id === o.ordererUserId) throw invalid('self_assign', '不能把服务单派给点单人自己', { field: 'memberUserId' });
  const teams = await repo.teamsOf(tx, community);
  const inTeam = (await repo.membersOfTeams(tx, teams.map((t) => t.id))).some((m) => m.userId === user.id);
  const lives = (user.personArea ?? user.scopeCode).startsWith(community) || user.scopeCode.startsWith(community);
  if (!inTeam && !(lives && canServe({ roles: user.roles, partyMember: user.partyMember }, false))) {
    throw invalid('not_a_server', '只能派给本社区的党员、下沉干部或服务队成员', { field: 'memberUserId' });
  }
  return { assigneeUserId: user.id, assigneeTeamId: null, name: plainName(user.displayName) };
}

/** The one way in for every change of an order: decide, change, timeline, audit (and points) in `tx`. */
export async function applyOrderAction(ctx: AppContext, tx: Tx, v: OrderViewer, o: repo.OrderRow, action: OrderAction, body: OrderActionBody, req: RequestContext): Promise<repo.OrderRow> {
  const actor = v.actor;
  const decision = decideOrder(o.state as OrderState, action, orderRelations(v, o));
  for (const field of ORDER_REQUIRED_FIELDS[action]) {
    const missing = field === 'assignee' ? !body.memberUserId && !body.teamId : field === 'score' ? !body.score : !body[field]?.trim();
    if (missing) throw invalid('missing_field', `“${ORDER_ACTION_LABELS[action].zh}”需要填写${FIELD_LABELS[field]}`, { field: field === 'assignee' ? 'memberUserId' : field });
  }
  const attachments = [...new Set(body.attachments ?? [])];
  if (attachments.length && action !== 'complete') throw invalid('unexpected_field', '只有“完成服务”可以上传照片（attachments）', { field: 'attachments' });
  const now = new Date();
  const patch: Partial<repo.NewOrderRow> = { state: decision.to };
  const detail: Record<string, unknown> = {};
  let note: string | null = body.note?.trim() || body.reason?.trim() || null;
  switch (action) {
    case 'dispatch':
    case 'reassign': {
      const a = await assignment(tx, o, body);
      Object.assign(patch, { assigneeUserId: a.assigneeUserId, assigneeTeamId: a.assigneeTeamId, dispatchedBy: actor.id, dispatchedAt: now, takenByUserId: null, takenAt: null });
      detail.to = a.name;
      note = [`派给${a.name}`, note].filter(Boolean).join('：');
      break;
    }
    case 'decline':
      Object.assign(patch, { assigneeUserId: null, assigneeTeamId: null });
      break;
    case 'take':
      Object.assign(patch, { takenByUserId: actor.id, takenAt: now });
      break;
    case 'complete': {
      if (attachments.length > 9) throw invalid('too_many_files', '最多上传 9 张照片', { field: 'attachments' });
      const meta = await repo.attachableFiles(tx, attachments);
      for (const fid of attachments) {
        const f = meta.find((m) => m.id === fid);
        if (!f || f.caseId || f.orderId || f.wishId) throw invalid('invalid_attachment', `附件 ${fid} 不存在或已被使用`, { field: 'attachments' });
        if (f.uploaderId !== actor.id) throw invalid('invalid_attachment', `附件 ${fid} 不是您上传的`, { field: 'attachments' });
      }
      if (!(await repo.attachOrderFiles(tx, o.id, attachments))) throw invalid('invalid_attachment', '附件已被使用', { field: 'attachments' });
      Object.assign(patch, { completedAt: now, completeNote: body.note!.trim() });
      break;
    }
    case 'rate': {
      const score = body.score!;
      Object.assign(patch, { rating: score, ratingComment: body.comment?.trim() || null, ratedAt: now });
      note = [ORDER_RATING_LABELS[score].zh, body.comment?.trim()].filter(Boolean).join('：');
      // The member who served earns vanguard points, once per order (the award's unique reference).
      if (o.takenByUserId && POINTED_RATINGS.has(score)) {
        detail.points = await awardAutomatically(tx, { ruleCode: ORDER_POINTS_RULE, userId: o.takenByUserId, refType: 'order', refId: o.id, authorisedBy: actor.id, note: `服务单“${o.serviceName}”经点单人评价${ORDER_RATING_LABELS[score].zh}` });
      } else detail.points = { status: 'skipped', reason: 'unsatisfied' };
      break;
    }
    case 'cancel':
      patch.closeReason = body.reason!.trim();
      break;
  }
  const updated = await repo.updateOrder(tx, o.id, patch);
  await repo.insertOrderEvent(tx, {
    orderId: o.id,
    action,
    fromState: decision.from,
    toState: decision.to,
    actorId: actor.id,
    actorName: plainName(actor.displayName),
    at: now,
    note,
    attachments: attachments.length ? attachments : null,
    detail: Object.keys(detail).length ? detail : null,
  });
  await audit(tx, { actor }, req, { action: `order.${action}`, entityType: 'service_order', entityId: o.id, areaCode: o.areaCode, detail: { from: decision.from, to: decision.to, ...detail } });
  return updated;
}

