import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers.ts';

// 我的待办 across modules (GET /api/todo) and the landing abilities of the roles.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Todo {
  total: number;
  items: { kind: string; label: string; count: number }[];
}
const countOf = (todo: Todo, kind: string) => todo.items.find((i) => i.kind === kind)?.count;

describe('my to-do across modules', () => {
  it("counts the secretary's waiting 双报到 application and wish to review, not only cases", async () => {
    const secretary = await t.as('secretary');
    const todo = json<Todo>(await secretary.get('/api/todo'));
    const regs = countOf(todo, 'registrations') ?? 0;
    const wishes = countOf(todo, 'wishes') ?? 0;
    expect(regs).toBeGreaterThan(0);
    expect(wishes).toBe(json<{ total: number }>(await secretary.get('/api/wishes?state=submitted&pageSize=1')).total);
    expect(wishes).toBeGreaterThan(0);
    expect(todo.total).toBe(todo.items.reduce((n, i) => n + i.count, 0));
    expect(todo.total).toBeGreaterThanOrEqual(regs + wishes);
    for (const i of todo.items) expect(i.label).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("counts a centre's cases as its 我的待办 tab does, and nothing for a resident without work", async () => {
    const town = await t.as('town');
    const todo = json<Todo>(await town.get('/api/todo'));
    expect(countOf(todo, 'cases')).toBe(json<{ total: number }>(await town.get('/api/cases?box=mine&pageSize=1')).total);
    const resident = await t.as('resident');
    const mine = json<Todo>(await resident.get('/api/todo'));
    expect(countOf(mine, 'cases')).toBe(0);
    expect(countOf(mine, 'registrations')).toBeUndefined();
    expect((await t.anonymous().get('/api/todo')).statusCode).toBe(401);
  });

  it('sends the department handler to its inbox rather than to area statistics', async () => {
    const dept = json<{ abilities: string[] }>(await (await t.as('dept-cg')).get('/api/auth/me'));
    expect(dept.abilities).toContain('inbox.home');
    const town = json<{ abilities: string[] }>(await (await t.as('town')).get('/api/auth/me'));
    expect(town.abilities).not.toContain('inbox.home');
  });

  it('counts the due-soon cases of the inbox strip', async () => {
    const dept = await t.as('dept-cg');
    const list = json<{ dueSoonCount: number; overdueCount: number }>(await dept.get('/api/cases?pageSize=1'));
    expect(typeof list.dueSoonCount).toBe('number');
    const soon = json<{ total: number; items: { state: string; overdue: boolean }[] }>(await dept.get('/api/cases?dueSoon=true&pageSize=100'));
    expect(soon.total).toBe(list.dueSoonCount);
    for (const c of soon.items) expect(c.overdue).toBe(false);
    expect((await dept.get('/api/cases?dueSoon=maybe')).statusCode).toBe(400);
  });
});

describe('the audit log in words', () => {
  it('labels every action and entity of the rows it shows, and renders details without JSON', async () => {
    const auditor = await t.as('auditor');
    // A few actions of other modules first, so the log has more than logins.
    await (await t.as('secretary')).get('/api/exports/cases.xlsx');
    type Row = { action: string; actionLabel: { zh: string; en: string }; entityType: string | null; entityLabel: { zh: string } | null; details: { label: { zh: string }; value: string }[] };
    // On a database shared by the test files the seed's row may be older than the newest 200: read it on its own too.
    const latest = json<{ items: Row[] }>(await auditor.get('/api/audit?pageSize=200')).items;
    const seeded = json<{ items: Row[] }>(await auditor.get('/api/audit?action=seed.case-history&pageSize=5')).items;
    expect(seeded.length).toBeGreaterThan(0);
    const res = { items: [...latest, ...seeded] };
    for (const r of res.items) {
      expect(r.actionLabel.zh, r.action).not.toBe('系统操作');
      expect(r.actionLabel.zh).toMatch(/[\u4e00-\u9fa5]/);
      if (r.entityType) expect(r.entityLabel?.zh, r.entityType).not.toBe('其他');
      for (const d of r.details) {
        expect(d.label.zh, `${r.action} detail`).not.toBe('其他');
        expect(d.value).not.toMatch(/[{}]/);
      }
    }
    const seed = res.items.find((r) => r.action === 'seed.case-history')!;
    expect(seed.actionLabel.zh).toBe('生成演示案件历史');
    // Its areas read as names, not as 320614103001.
    expect(seed.details.find((d) => d.label.zh === '区域')!.value).toContain('状元街居委会');
    for (const r of res.items) for (const d of r.details) expect(d.value).not.toMatch(/\b3206\d{5,}\b/);
  });
});

describe('places by name', () => {
  it('the case list and household lists show the path a person reads, not 第一网格 or 101室 alone', async () => {
    const community = await t.as('community');
    const cases = json<{ items: { areaCode: string; areaName: string | null; place: string | null }[] }>(await community.get('/api/cases?pageSize=50'));
    const inGrid = cases.items.filter((c) => c.areaCode.length >= 15);
    expect(inGrid.length).toBeGreaterThan(0);
    for (const c of inGrid) {
      expect(c.place).toMatch(/^状元街居委会 \S+网格/);
      expect(c.place).toContain(c.areaName!);
    }
    const grid = await t.as('grid');
    const buildings = json<{ items: { code: string }[] }>(await grid.get('/api/areas/320614103001001/children')).items;
    const units = json<{ items: { code: string }[] }>(await grid.get(`/api/areas/${buildings[0]!.code}/children`)).items;
    const hh = json<{ items: { doorplate: string; place: string }[] }>(await grid.get(`/api/areas/${units[0]!.code}/households?pageSize=5`));
    expect(hh.items.length).toBeGreaterThan(0);
    for (const h of hh.items) expect(h.place).toMatch(new RegExp(`^状元街居委会 第一网格 \\d+幢\\d+单元${h.doorplate}$`));
  });
});
