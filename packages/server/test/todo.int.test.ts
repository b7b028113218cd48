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
