// Staffing the grids (一格多员, SPEC §2): appoint people of the registry to the posts of a grid,
// building, unit or community; each appointment gives an account with the post's role and the
// area as its scope. Ending an appointment deactivates that account. Every write runs with its
// audit row in one transaction.
import { conflict, forbidden, invalid, isAreaCode, isWithinScope, maskPhone, notFound, passwordPolicyProblem, ROLE_LABELS, STAFF_POST_INFO, STAFF_POSTS, staffPostAreaProblem, type StaffPost } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { appointablePosts, mayAppoint, readsRoster } from '../policies/staffing.ts';
import { findArea } from '../repositories/areas.ts';
import { findPerson } from '../repositories/people.ts';
import * as repo from '../repositories/staffing.ts';
import * as users from '../repositories/users.ts';
import { scopeOf } from '../repositories/scope.ts';
import { hashPassword } from '../lib/passwords.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import { forgetSessionsOf } from './auth.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';

const todayCst = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function requireReader(actor: Actor) {
  if (!readsRoster(actor)) throw forbidden('只有系统管理员、指挥中心、领导、社区工作者和党组织书记可以查看网格队伍');
}

function entryDto(actor: Actor, r: repo.RosterRow, names: Map<string, { name: string }>) {
  const post = r.a.post as StaffPost;
  const active = r.a.endedOn === null;
  return {
    id: r.a.id,
    post,
    postLabel: STAFF_POST_INFO[post]?.zh ?? post,
    area: { code: r.a.areaCode, name: names.get(r.a.areaCode)?.name ?? r.a.areaCode },
    person: { id: r.a.personId, name: r.personName, gender: r.gender, phone: maskPhone(r.phoneLast4), areaCode: r.personArea },
    account: r.a.userId ? { id: r.a.userId, username: r.username, active: r.accountActive ?? false } : null,
    affiliation: r.a.affiliation,
    startedOn: r.a.startedOn,
    endedOn: r.a.endedOn,
    endReason: r.a.endReason,
    active,
    createdAt: toIsoCst(r.a.createdAt),
    allowedActions: active && mayAppoint(actor, post, r.a.areaCode) ? ['end'] : [],
  };
}

function areaOf(actor: Actor, area: string | undefined): string {
  if (!area) return actor.scopeCode;
  if (!isAreaCode(area)) throw invalid('invalid_area', '区域（area）应为区划代码', { field: 'area' });
  if (isWithinScope(area, actor.scopeCode)) return area;
  if (isWithinScope(actor.scopeCode, area)) return actor.scopeCode;
  throw notFound('区域');
}

export async function listRoster(ctx: AppContext, actor: Actor, q: { area?: string; post?: StaffPost; state?: 'active' | 'ended' | 'all'; q?: string; page: number; pageSize: number }) {
  requireReader(actor);
  const area = areaOf(actor, q.area);
  const scope = scopeOf(actor);
  const [{ total, rows }, byPost] = await Promise.all([
    repo.listRoster(ctx.db, scope, { area, post: q.post, state: q.state ?? 'active', q: q.q?.trim() || undefined, page: q.page, pageSize: q.pageSize }),
    repo.activeByPost(ctx.db, scope, area),
  ]);
  const names = await areaNames(ctx.db, [area, ...rows.map((r) => r.a.areaCode)]);
  return {
    area: { code: area, name: names.get(area)?.name ?? area },
    summary: STAFF_POSTS.map((p) => ({ post: p, postLabel: STAFF_POST_INFO[p].zh, count: byPost.get(p) ?? 0 })),
    appointablePosts: appointablePosts(actor).map((p) => ({ post: p, postLabel: STAFF_POST_INFO[p].zh, level: STAFF_POST_INFO[p].level })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => entryDto(actor, r, names)),
  };
}

export interface AppointInput {
  personId: string;
  post: StaffPost;
  areaCode: string;
  username: string;
  password: string;
  affiliation?: string;
  startedOn?: string;
}

export async function appoint(ctx: AppContext, actor: Actor, input: AppointInput, req: RequestContext, idempotencyKey?: string) {
  requireReader(actor);
  const scope = scopeOf(actor);
  if (!isAreaCode(input.areaCode)) throw invalid('invalid_area', '任职区域（areaCode）应为区划代码', { field: 'areaCode' });
  // Another area, or an area that does not exist: the same 404, so codes cannot be probed.
  if (!isWithinScope(input.areaCode, actor.scopeCode) || !(await findArea(ctx.db, scope, input.areaCode))) throw notFound('区域');
  if (!mayAppoint(actor, input.post, input.areaCode)) {
    throw forbidden(`您不能任命${STAFF_POST_INFO[input.post].zh}：社区工作者、党组织书记只能任命本社区的楼栋长、单元长和网格信息员，其他职务由系统管理员任命`, 'action_not_allowed');
  }
  const levelProblem = staffPostAreaProblem(input.post, input.areaCode);
  if (levelProblem) throw invalid('invalid_area_level', levelProblem, { field: 'areaCode' });
  const person = await findPerson(ctx.db, scope, input.personId);
  if (!person) throw notFound('人员');
  const problem = passwordPolicyProblem(input.password, { username: input.username });
  if (problem) throw invalid('weak_password', problem, { field: 'password' });
  if (input.startedOn && input.startedOn > todayCst()) throw invalid('invalid_date', '任职日期不能晚于今天', { field: 'startedOn' });
  const passwordHash = await hashPassword(input.password);
  const info = STAFF_POST_INFO[input.post];
  const office = await users.findUnitByCode(ctx.db, `office-${input.areaCode.slice(0, 12)}`);
  const created = await withIdempotency(ctx, `staff:${actor.id}`, idempotencyKey, async (tx) => {
    if (await repo.findActive(tx, person.id, input.post, input.areaCode)) throw conflict('already_appointed', `${person.name}已担任该区域的${info.zh}`);
    if (await users.findUserForLogin(tx, input.username)) throw conflict('username_taken', `用户名 ${input.username} 已被使用`);
    const roles = info.roles;
    const label = roles.map((r) => ROLE_LABELS[r].zh).join('、');
    const u = await users.insertUser(tx, {
      username: input.username,
      displayName: `${person.name}（${info.zh}）`,
      passwordHash,
      roles,
      scopeCode: input.areaCode,
      unitId: office?.id ?? null,
      personId: person.id,
      // The first password was chosen by the appointer: the holder sets their own at the first login.
      mustChangePassword: true,
    });
    const a = await repo.insertAppointment(tx, {
      personId: person.id,
      post: input.post,
      areaCode: input.areaCode,
      userId: u.id,
      affiliation: input.affiliation ?? null,
      startedOn: input.startedOn ?? todayCst(),
      appointedBy: actor.id,
    });
    await audit(tx, { actor }, req, { action: 'staff.appoint', entityType: 'staff_appointment', entityId: a.id, areaCode: a.areaCode, detail: { post: input.post, personId: person.id, userId: u.id, username: u.username, roles: label } });
    return { status: 201, body: { id: a.id } };
  });
  const row = await repo.findAppointment(ctx.db, scope, (created.body as { id: string }).id);
  if (!row) throw notFound('任命');
  const names = await areaNames(ctx.db, [row.a.areaCode]);
  return { status: created.status, body: entryDto(actor, row, names) };
}

export async function endAppointment(ctx: AppContext, actor: Actor, id: string, reason: string | undefined, req: RequestContext) {
  requireReader(actor);
  const scope = scopeOf(actor);
  const row = await repo.findAppointment(ctx.db, scope, id);
  if (!row) throw notFound('任命');
  const post = row.a.post as StaffPost;
  if (!mayAppoint(actor, post, row.a.areaCode)) throw forbidden(`您不能免去${STAFF_POST_INFO[post].zh}的职务`, 'action_not_allowed');
  if (row.a.endedOn) throw conflict('already_ended', `该任命已于 ${row.a.endedOn} 结束`);
  await ctx.db.transaction(async (tx) => {
    const ended = await repo.endAppointment(tx, id, todayCst(), reason ?? null);
    if (!ended) throw conflict('already_ended', '该任命已结束');
    if (ended.userId) {
      await users.updateUser(tx, ended.userId, { active: false });
      await users.deleteSessionsOfUser(tx, ended.userId);
    }
    await audit(tx, { actor }, req, { action: 'staff.end', entityType: 'staff_appointment', entityId: id, areaCode: ended.areaCode, detail: { post, personId: ended.personId, userId: ended.userId, reason: reason ?? null } });
  });
  if (row.a.userId) forgetSessionsOf(row.a.userId);
  const after = (await repo.findAppointment(ctx.db, scope, id))!;
  return entryDto(actor, after, await areaNames(ctx.db, [after.a.areaCode]));
}
