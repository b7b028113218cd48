// Burden reduction (为基层减负): admission of departments' requests against the lists (准入, 负面清单),
// tasks reaching exactly the named communities, forms filled once (一表通) with registry-bound
// fields pre-filled, and the burden figures equal to a recount. Right roles only; another area → 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, burdenTasks } from '../src/db/schema.ts';
import { readXlsxRows } from '../src/lib/xlsx.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let sw: Client;
let dept: Client;
let community: Client;
let town: Client;
const A = '320614103001';
const B = '320614103002';
const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string; details?: { field?: string } } }>(res).error;

interface Req {
  id: string;
  state: string;
  check: { verdict: string; negative: { entryId: string; title: string }[]; refusal: string | null };
  decisionNote: string | null;
  allowedActions: string[];
  reached?: { code: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  [sw, dept, community, town] = await Promise.all([t.as('shgzb'), t.as('dept-cg'), t.as('community'), t.as('town')]);
});
afterAll(async () => t?.close());

const base = (over: Record<string, unknown> = {}) => ({
  kind: 'task',
  title: `防汛物资清点${uniq()}`,
  description: '清点社区防汛物资仓库，上报数量',
  legalBasis: '《中华人民共和国防洪法》第三十八条',
  workloadHours: 3,
  workingDays: 5,
  areaCodes: [A, B],
  ...over,
});

describe('admission (准入)', () => {
  it('refuses a request matching the negative list at once, naming the entry and its source', async () => {
    const word = `挂牌${uniq().slice(-4)}`;
    const entry = await sw.post('/api/burden/lists', { kind: 'negative', title: `要求社区${word}`, keywords: [word], source: '`004` 巩固“牌子乱象”整治成果' });
    expect(entry.statusCode).toBe(201);
    const entryId = json<{ id: string }>(entry).id;
    const res = await dept.post('/api/burden/requests', base({ title: `社区服务中心${word}`, kind: 'sign' }));
    expect(res.statusCode).toBe(201);
    const r = json<Req>(res);
    expect(r.state).toBe('refused');
    expect(r.check.verdict).toBe('negative');
    expect(r.check.negative.map((m) => m.entryId)).toContain(entryId);
    expect(r.decisionNote).toContain(`「要求社区${word}」`);
    expect(r.decisionNote).toContain('牌子乱象');
    expect(r.allowedActions).toEqual([]);
    // Nothing reached any community.
    expect(await t.ctx.db.select().from(burdenTasks).where(eq(burdenTasks.requestId, r.id))).toHaveLength(0);
    // The reviewer cannot admit it either.
    const admit = await sw.post(`/api/burden/requests/${r.id}/transition`, { action: 'admit' });
    expect(admit.statusCode).toBe(409);
  });

  it('an admitted task reaches exactly the named communities, with its deadline in working days', async () => {
    const res = await dept.post('/api/burden/requests', base({ support: '区应急管理局拨付清点工作经费' }));
    expect(res.statusCode).toBe(201);
    const r = json<Req>(res);
    expect(r.state).toBe('submitted');
    // Only the social work department decides; the department cannot admit its own request.
    expect((await dept.post(`/api/burden/requests/${r.id}/transition`, { action: 'admit' })).statusCode).toBe(403);
    expect((await community.post(`/api/burden/requests/${r.id}/transition`, { action: 'admit' })).statusCode).toBe(403);
    const before = Date.now();
    const ok = await sw.post(`/api/burden/requests/${r.id}/transition`, { action: 'admit', note: '同意' });
    expect(ok.statusCode).toBe(200);
    const admitted = json<Req>(ok);
    expect(admitted.state).toBe('admitted');
    expect(admitted.reached!.map((a) => a.code)).toEqual([A, B]);
    const rows = await t.ctx.db.select().from(burdenTasks).where(eq(burdenTasks.requestId, r.id));
    expect(rows.map((x) => x.areaCode).sort()).toEqual([A, B]);
    expect(rows.every((x) => x.admitted && x.dueAt!.getTime() > before + 5 * 86_400_000)).toBe(true);
    // The community sees its own, not the neighbour's; the town sees both.
    const mine = json<{ items: { id: string; title: string; areaCode: string; workingDaysLeft: number }[] }>(await community.get('/api/burden/tasks?pageSize=200'));
    const forThis = mine.items.filter((i) => rows.some((x) => x.id === i.id));
    expect(forThis.map((i) => i.areaCode)).toEqual([A]);
    expect(forThis[0]!.workingDaysLeft).toBe(5);
    const townView = json<{ items: { id: string }[] }>(await town.get('/api/burden/tasks?pageSize=200'));
    expect(townView.items.filter((i) => rows.some((x) => x.id === i.id))).toHaveLength(2);
    // 我的待办 counts the open task.
    const todo = json<{ items: { kind: string; count: number }[] }>(await community.get('/api/todo'));
    expect(todo.items.find((i) => i.kind === 'burden-tasks')!.count).toBe(json<{ total: number }>(await community.get('/api/burden/tasks?state=open&pageSize=1')).total);
    // The neighbour's task is not the community's to close.
    const neighbour = rows.find((x) => x.areaCode === B)!;
    expect((await community.post(`/api/burden/tasks/${neighbour.id}/done`)).statusCode).toBe(404);
    const own1 = rows.find((x) => x.areaCode === A)!;
    expect((await town.post(`/api/burden/tasks/${own1.id}/done`)).statusCode).toBe(403);
    const done = await community.post(`/api/burden/tasks/${own1.id}/done`);
    expect(done.statusCode).toBe(200);
    expect(json<{ state: string }>(done).state).toBe('done');
    const audits = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'burden.request.admit')));
    expect(audits).toHaveLength(1);
  });

  it('an unlisted request without 费随事转 is refused as bad input naming the field; a returned one is amended and resubmitted', async () => {
    const bad = await dept.post('/api/burden/requests', base({ title: `辖区停车位数量统计${uniq()}`, description: '统计小区停车位数量' }));
    expect(bad.statusCode).toBe(400);
    expect(err(bad).code).toBe('support_required');
    expect(err(bad).message).toContain('support');
    const filed = json<Req>(await dept.post('/api/burden/requests', base({ support: '由部门派员' })));
    expect((await sw.post(`/api/burden/requests/${filed.id}/transition`, { action: 'return' })).statusCode).toBe(400);
    const ret = json<Req>(await sw.post(`/api/burden/requests/${filed.id}/transition`, { action: 'return', note: '工作量偏大' }));
    expect(ret.state).toBe('returned');
    expect(ret.allowedActions).toEqual([]);
    const deptView = json<Req>(await dept.get(`/api/burden/requests/${filed.id}`));
    expect(deptView.allowedActions).toEqual(['resubmit', 'withdraw']);
    const again = await dept.post(`/api/burden/requests/${filed.id}/transition`, { action: 'resubmit', amend: base({ support: '由部门派员 1 名', workloadHours: 1, areaCodes: [A] }) });
    expect(again.statusCode).toBe(200);
    expect(json<Req>(again).state).toBe('submitted');
  });

  it('refuses bad input with the field named, never a 5xx', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [base({ workingDays: 0 }), 'workingDays'],
      [base({ workloadHours: 'x' }), 'workloadHours'],
      [base({ areaCodes: ['320614103'] }), 'areaCodes'],
      [base({ areaCodes: ['999999999999'] }), 'areaCodes'],
      [base({ kind: 'party' }), 'kind'],
      [base({ title: '' }), 'title'],
    ];
    for (const [body, field] of cases) {
      const res = await dept.post('/api/burden/requests', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(err(res).message).toContain(field === 'title' ? '' : field);
    }
  });

  it('lists are edited by the social work department only; another department does not see a request', async () => {
    expect((await dept.post('/api/burden/lists', { kind: 'negative', title: 'x', keywords: ['x'], source: 's' })).statusCode).toBe(403);
    expect((await community.post('/api/burden/requests', base())).statusCode).toBe(403);
    expect((await sw.post('/api/burden/requests', base())).statusCode).toBe(403);
    expect((await (await t.as('resident')).get('/api/burden/meta')).statusCode).toBe(403);
    const lists = json<{ editable: boolean; items: { id: string; source: string }[] }>(await sw.get('/api/burden/lists'));
    expect(lists.editable).toBe(true);
    expect(lists.items.every((i) => i.source.length > 0)).toBe(true);
    const off = await sw.patch(`/api/burden/lists/${lists.items[0]!.id}`, { active: false });
    expect(json<{ active: boolean }>(off).active).toBe(false);
    await sw.patch(`/api/burden/lists/${lists.items[0]!.id}`, { active: true });
    // An entry's title, keywords and source are edited; the check uses the new keywords at once.
    const w1 = `抽查${uniq().slice(-4)}`;
    const w2 = `评比${uniq().slice(-4)}`;
    const made0 = json<{ id: string }>(await sw.post('/api/burden/lists', { kind: 'negative', title: `旧${w1}`, keywords: [w1], source: '旧依据' }));
    const edited = await sw.patch(`/api/burden/lists/${made0.id}`, { title: `要求社区参加${w2}`, keywords: [w2, ' '], source: '`004` 严控面向基层的督查检查' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<{ title: string; keywords: string[]; source: string }>(edited)).toMatchObject({ title: `要求社区参加${w2}`, keywords: [w2], source: '`004` 严控面向基层的督查检查' });
    const verdict = async (title: string) => json<{ verdict: string }>(await dept.post('/api/burden/check', { kind: 'task', title })).verdict;
    expect(await verdict(`组织${w2}`)).toBe('negative');
    expect(await verdict(`组织${w1}`)).not.toBe('negative');
    expect(err(await sw.patch(`/api/burden/lists/${made0.id}`, { keywords: [' '] })).code).toBe('invalid_keywords');
    expect((await dept.patch(`/api/burden/lists/${made0.id}`, { title: 'x' })).statusCode).toBe(403);
    await sw.patch(`/api/burden/lists/${made0.id}`, { active: false });
    expect(await verdict(`组织${w2}`)).not.toBe('negative');
    // A handler of another department (区民政局).
    const mz = (await t.ctx.db.execute<{ id: string }>(sql`select id from units where code = 'dept-mz'`)).rows[0]!.id;
    const admin = await t.as('admin');
    const name = `mz${uniq()}`.slice(0, 20);
    const made = await admin.post('/api/users', { username: name, displayName: '民政局经办人', roles: ['department-handler'], scopeCode: '320614', unitId: mz, password: 'Burden@2026pass' });
    expect(made.statusCode, made.body).toBe(201);
    const other = await t.as(name, 'Burden@2026pass');
    const mine = json<{ items: { id: string }[] }>(await dept.get('/api/burden/requests?pageSize=1')).items[0]!;
    const res = await other.get(`/api/burden/requests/${mine.id}`);
    expect(res.statusCode).toBe(404);
    expect(json<{ items: unknown[] }>(await other.get('/api/burden/requests')).items).toEqual([]);
  });
});

/** A request of 区城管局 for the given communities, admitted by the social work department. */
async function admittedRequest(areaCodes: string[]): Promise<string> {
  const r = json<Req>(await dept.post('/api/burden/requests', base({ kind: 'report', title: `月度数据报送${uniq()}`, support: '区城管局派员指导填报', areaCodes })));
  const ok = await sw.post(`/api/burden/requests/${r.id}/transition`, { action: 'admit' });
  expect(ok.statusCode, ok.body).toBe(200);
  return r.id;
}

describe('一表通', () => {
  it('a form goes only under an admitted request of the department, to the communities it named', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const fields = [{ key: 'population.total', label: '实有人口', type: 'number', binding: 'population.total' }];
    const form = (requestId: unknown, areaCodes = [A]) => dept.post('/api/burden/forms', { requestId, title: `月报${uniq()}`, period: month, areaCodes, fields });
    const countForms = async () => Number((await t.ctx.db.execute<{ n: string }>(sql`select count(*) as n from burden_forms`)).rows[0]!.n);
    const before = await countForms();
    // No request named: bad input naming the field.
    const none = await dept.post('/api/burden/forms', { title: 'x', period: month, areaCodes: [A], fields });
    expect(none.statusCode).toBe(400);
    expect(err(none).message).toContain('requestId');
    // A request still waiting for review, or refused: nothing reaches the communities.
    const pending = json<Req>(await dept.post('/api/burden/requests', base({ kind: 'report', support: '派员指导' })));
    const waiting = await form(pending.id);
    expect(waiting.statusCode).toBe(409);
    expect(err(waiting).code).toBe('request_not_admitted');
    expect(err(waiting).message).toContain('待审核');
    // An admitted request covers only the communities it named.
    const admitted = await admittedRequest([A]);
    const wider = await form(admitted, [A, B]);
    expect(wider.statusCode).toBe(409);
    expect(err(wider).code).toBe('areas_not_admitted');
    expect(err(wider).message).not.toContain(B);
    // Another department's admitted request is not this department's to use.
    const mz = (await t.ctx.db.execute<{ id: string }>(sql`select id from units where code = 'dept-mz'`)).rows[0]!.id;
    const name = `mzf${uniq()}`.slice(0, 20);
    expect((await (await t.as('admin')).post('/api/users', { username: name, displayName: '民政局经办人', roles: ['department-handler'], scopeCode: '320614', unitId: mz, password: 'Burden@2026pass' })).statusCode).toBe(201);
    const other = await t.as(name, 'Burden@2026pass');
    const foreign = await other.post('/api/burden/forms', { requestId: admitted, title: 'x', period: month, areaCodes: [A], fields });
    expect(foreign.statusCode).toBe(400);
    expect(err(foreign).code).toBe('unknown_request');
    expect(await countForms()).toBe(before);
    // Under its admitted request, to its community: sent, and the form names the request.
    const ok = await form(admitted);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(json<{ request: { id: string; title: string } }>(ok).request.id).toBe(admitted);
  });

  it('bound fields arrive pre-filled with the registry figures; a field answered this period is not asked again; Excel export', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const key = `vol-${uniq()}`.toLowerCase();
    const fields = [
      { key: 'population.total', label: '实有人口', type: 'number', binding: 'population.total' },
      { key: 'households.total', label: '户数', type: 'number', binding: 'households.total' },
      { key: 'party.members', label: '党员', type: 'number', binding: 'party.members' },
      { key: 'population.elderly', label: '老年人', type: 'number', binding: 'population.elderly' },
      { key: 'cases.received', label: '受理事件', type: 'number', binding: 'cases.received' },
      { key, label: '志愿者人数', type: 'number', binding: null },
    ];
    const requestId = await admittedRequest([A, B]);
    const res = await dept.post('/api/burden/forms', { requestId, title: `月报${uniq()}`, period: month, areaCodes: [A, B], fields });
    expect(res.statusCode, res.body).toBe(201);
    const form = json<{ id: string; items: { id: string; areaCode?: string; area: { code: string } }[] }>(res);
    const list = json<{ items: { id: string; form: { id: string }; areaCode: string }[] }>(await community.get('/api/burden/returns?state=pending&pageSize=200'));
    const mine = list.items.filter((i) => i.form.id === form.id);
    expect(mine.map((i) => i.areaCode)).toEqual([A]);
    const copy = json<{ fields: { key: string; value: string | null; source: string }[] }>(await community.get(`/api/burden/returns/${mine[0]!.id}`));
    // The registry's own figures, counted here independently.
    const like = `${A}%`;
    const [pop] = (await t.ctx.db.execute<{ n: string; party: string; elderly: string }>(sql`
      select count(*) as n, count(*) filter (where party_member) as party,
        count(*) filter (where birth_date <= (current_date - interval '60 years')::date) as elderly
      from people where area_code like ${like} and status = 'active'`)).rows;
    const [hh] = (await t.ctx.db.execute<{ n: string }>(sql`select count(distinct h.id) as n from households h join people p on p.household_id = h.id and p.status = 'active' where h.area_code like ${like}`)).rows;
    const [cs] = (await t.ctx.db.execute<{ n: string }>(sql`select count(*) as n from cases where area_code like ${like} and state not in ('rejected','withdrawn','merged') and to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ${month}`)).rows;
    const v = Object.fromEntries(copy.fields.map((f) => [f.key, f]));
    expect(Number(pop!.n)).toBeGreaterThan(0);
    expect(v['population.total']).toEqual({ ...v['population.total'], value: String(pop!.n), source: 'registry' });
    expect(v['party.members']!.value).toBe(String(pop!.party));
    expect(v['population.elderly']!.value).toBe(String(pop!.elderly));
    expect(v['households.total']!.value).toBe(String(hh!.n));
    expect(v['cases.received']!.value).toBe(String(cs!.n));
    expect(v[key]).toMatchObject({ value: null, source: 'typed' });
    // Only the open field is typed; a pre-filled one cannot be overwritten; bad input names the field.
    const badNum = await community.post(`/api/burden/returns/${mine[0]!.id}/submit`, { values: { [key]: '十二' } });
    expect(badNum.statusCode).toBe(400);
    expect(err(badNum).details?.field).toBe(key);
    const sent = await community.post(`/api/burden/returns/${mine[0]!.id}/submit`, { values: { [key]: '12', 'population.total': '1' } });
    expect(sent.statusCode, sent.body).toBe(200);
    const after = json<{ state: string; fields: { key: string; value: string }[]; prefilled: number; typed: number }>(sent);
    expect(after.state).toBe('submitted');
    expect(after.fields.find((f) => f.key === 'population.total')!.value).toBe(String(pop!.n));
    expect([after.prefilled, after.typed]).toEqual([5, 1]);
    expect((await community.post(`/api/burden/returns/${mine[0]!.id}/submit`, { values: { [key]: '12' } })).statusCode).toBe(409);
    // The neighbour's copy is not the community's.
    const full = json<{ items: { id: string; area: { code: string } }[] }>(await dept.get(`/api/burden/forms/${form.id}`));
    const theirs = full.items.find((i) => i.area.code === B)!;
    expect((await community.get(`/api/burden/returns/${theirs.id}`)).statusCode).toBe(404);
    expect((await community.post(`/api/burden/returns/${theirs.id}/submit`, { values: { [key]: '1' } })).statusCode).toBe(404);
    // A second form of the period asking the same field: reused, not asked again.
    const second = json<{ id: string }>(await dept.post('/api/burden/forms', { requestId, title: `季报${uniq()}`, period: month, areaCodes: [A], fields: [fields[5], { key: 'note', label: '说明', type: 'text', binding: null }] }));
    const copy2 = json<{ items: { id: string; form: { id: string } }[] }>(await community.get('/api/burden/returns?state=pending&pageSize=200')).items.find((i) => i.form.id === second.id)!;
    const open2 = json<{ fields: { key: string; value: string | null; source: string }[] }>(await community.get(`/api/burden/returns/${copy2.id}`));
    expect(open2.fields[0]).toMatchObject({ key, value: '12', source: 'reused' });
    expect(open2.fields[1]).toMatchObject({ source: 'typed' });
    // Excel export of the first form: one row per community, the submitted figures as numbers.
    const xlsx = await dept.get(`/api/burden/forms/${form.id}/export`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsxRows(xlsx.rawPayload);
    const row = rows.find((r) => String(r[1]) === '已报')!;
    expect(row[2]).toBe(Number(pop!.n));
    expect(row[7]).toBe(12);
    // Another department does not read the form; a community does not design one.
    expect((await community.post('/api/burden/forms', { requestId, title: 'x', period: month, areaCodes: [A], fields })).statusCode).toBe(403);
  });
});

describe('burden figures', () => {
  it('equal a recount of the tables, per community and per department', async () => {
    const flag = await community.post('/api/burden/flags', { title: '报送辖区充电桩照片', channel: '工作群通知' });
    expect(flag.statusCode).toBe(201);
    expect(json<{ admitted: boolean }>(flag).admitted).toBe(false);
    expect((await town.post('/api/burden/flags', { title: 'x', channel: 'y' })).statusCode).toBe(403);
    // A flag naming the department: it counts against that department (the district's review of departments).
    const xf = (await t.ctx.db.execute<{ id: string }>(sql`select id from units where code = 'dept-xf'`)).rows[0]!.id;
    expect((await community.post('/api/burden/flags', { title: '报送消防通道照片', channel: '电话通知', unitId: xf })).statusCode).toBe(201);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const fig = json<{
      totals: { admitted: number; outside: number; forms: number; prefilled: number; typed: number; hoursSaved: number };
      communities: { area: { code: string }; month: string; admitted: number; outside: number; forms: number; prefilled: number; typed: number; refusedHours: number; hoursSaved: number }[];
      departments: { unit: { name: string }; requested: number; refused: number; flagged: number }[];
    }>(await sw.get(`/api/burden/figures?from=${month}`));
    const inMonth = (col: string) => sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM') = '${month}'`);
    const tasks = (await t.ctx.db.execute<{ area: string; a: string; o: string }>(sql`select substr(area_code,1,12) as area, count(*) filter (where admitted) as a, count(*) filter (where not admitted) as o from burden_tasks where ${inMonth('created_at')} group by 1`)).rows;
    const forms = (await t.ctx.db.execute<{ area: string; n: string; p: string; ty: string }>(sql`select substr(area_code,1,12) as area, count(*) as n, sum(prefilled + reused) as p, coalesce(sum(typed) filter (where state = 'submitted'), 0) as ty from burden_form_returns where ${inMonth('created_at')} group by 1`)).rows;
    const refused = (await t.ctx.db.execute<{ area: string; h: string }>(sql`select a as area, sum(workload_hours) as h from burden_requests, unnest(area_codes) a where state = 'refused' and ${inMonth('decided_at')} group by 1`)).rows;
    const lineA = fig.communities.find((c) => c.area.code === A && c.month === month)!;
    const tA = tasks.find((r) => r.area === A)!;
    const fA = forms.find((r) => r.area === A)!;
    const rA = refused.find((r) => r.area === A);
    expect([lineA.admitted, lineA.outside]).toEqual([Number(tA.a), Number(tA.o)]);
    expect([lineA.forms, lineA.prefilled, lineA.typed]).toEqual([Number(fA.n), Number(fA.p), Number(fA.ty)]);
    expect(lineA.refusedHours).toBe(Number(rA?.h ?? 0));
    expect(lineA.hoursSaved).toBe(Math.round(((Number(fA.p) * 6) / 60 + Number(rA?.h ?? 0)) * 10) / 10);
    expect(fig.totals.admitted).toBe(tasks.reduce((n, r) => n + Number(r.a), 0));
    expect(fig.totals.outside).toBe(tasks.reduce((n, r) => n + Number(r.o), 0));
    expect(fig.totals.forms).toBe(forms.reduce((n, r) => n + Number(r.n), 0));
    const [cg] = (await t.ctx.db.execute<{ n: string; r: string }>(sql`select count(*) as n, count(*) filter (where state = 'refused') as r from burden_requests q join units u on u.id = q.unit_id where u.code = 'dept-cg' and ${inMonth('q.created_at')}`)).rows;
    const deptLine = fig.departments.find((d) => d.unit.name === '区城市管理局')!;
    expect([deptLine.requested, deptLine.refused]).toEqual([Number(cg!.n), Number(cg!.r)]);
    expect(Number(cg!.r)).toBeGreaterThan(0);
    const flagged = (await t.ctx.db.execute<{ name: string; n: string }>(sql`select u.name, count(*) as n from burden_tasks k join units u on u.id = k.unit_id where not k.admitted and ${inMonth('k.created_at')} group by 1`)).rows;
    expect(flagged.some((r) => r.name === '区消防救援大队')).toBe(true);
    for (const r of flagged) expect(fig.departments.find((d) => d.unit.name === r.name)?.flagged).toBe(Number(r.n));
    // Only the district reads them.
    expect((await community.get('/api/burden/figures')).statusCode).toBe(403);
    expect((await dept.get('/api/burden/figures')).statusCode).toBe(403);
    expect((await sw.get('/api/burden/figures?from=2026-13')).statusCode).toBe(400);
  });
});


describe('units that take no cases', () => {
  it('the social work department is not offered where cases are dispatched, and a case cannot be dispatched to it', async () => {
    const district = await t.as('district');
    const offered = json<{ items: { id: string; code: string; handlesCases: boolean }[] }>(await district.get('/api/units?type=department')).items;
    expect(offered.some((u) => u.code === 'dept-cg')).toBe(true);
    expect(offered.some((u) => u.code === 'dept-shgzb')).toBe(false);
    expect(offered.every((u) => u.handlesCases)).toBe(true);
    expect(json<{ items: { code: string }[] }>(await district.get('/api/units')).items.some((u) => u.code === 'dept-shgzb')).toBe(false);
    // Assigning staff still sees it.
    const all = json<{ items: { id: string; code: string; handlesCases: boolean }[] }>(await (await t.as('admin')).get('/api/units?all=true')).items;
    const shgzb = all.find((u) => u.code === 'dept-shgzb')!;
    expect(shgzb.handlesCases).toBe(false);
    expect((await district.get('/api/units?all=maybe')).statusCode).toBe(400);
    // A town case: accepted, then dispatched to the social work department → refused as bad input.
    const c = json<{ id: string; ownerLevel: string }>(
      await t.anonymous().post('/api/cases', { title: `路灯不亮 ${uniq()}`, description: '状元街3幢门口的路灯连续三天晚上不亮，老人晚上出门不方便。', categoryCode: 'B0110', channel: 'qr', areaCode: '320614103001001' }),
    );
    expect(c.ownerLevel).toBe('town');
    const towner = await t.as('town');
    expect((await towner.post(`/api/cases/${c.id}/actions/accept`, {})).statusCode).toBe(200);
    const bad = await towner.post(`/api/cases/${c.id}/actions/dispatch`, { unitId: shgzb.id });
    expect(bad.statusCode).toBe(400);
    expect(err(bad).code).toBe('invalid_unit');
    const ok = await towner.post(`/api/cases/${c.id}/actions/dispatch`, { unitId: offered.find((u) => u.code === 'dept-cg')!.id });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
