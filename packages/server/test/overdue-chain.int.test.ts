import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createWorkCalendar } from '@gongzhi/domain';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { sweepDeadlines } from '../src/services/cases.ts';

// Supervision and escalation when a department lets a case go overdue (issue 12 item 6;
// docs/CASES.md "Supervision and escalation"), with `now` moved forward through the chain.
let t: TestApp;
let town: Client;
let admin: Client;
let cgUnitId: string;
const TOWN = '320614103';

beforeAll(async () => {
  t = await createTestApp();
  town = await t.as('town');
  admin = await t.as('admin');
  const units = json<{ items: { id: string; code: string }[] }>(await (await t.as('district')).get('/api/units?type=department')).items;
  cgUnitId = units.find((u) => u.code === 'dept-cg')!.id;
});
afterAll(async () => t?.close());

interface Case {
  id: string;
  state: string;
  ownerArea: { code: string };
  timeline: { action: string; actor: string; note?: string }[];
}

/** A town case dispatched to the urban management bureau; its acknowledgement deadline. */
async function dispatchedCase(categoryCode = '0101') {
  const res = await town.post('/api/cases', { title: `私搭乱建 ${uniq()}`, description: '常乐镇集镇区沿街违章搭建雨棚，占用人行道。', categoryCode, channel: 'console', areaCode: TOWN });
  expect(res.statusCode, res.body).toBe(201);
  const id = json<{ id: string }>(res).id;
  for (const [action, body] of [['accept', {}], ['dispatch', { unitId: cgUnitId }]] as const) {
    const r = await town.post(`/api/cases/${id}/actions/${action}`, body);
    expect(r.statusCode, r.body).toBe(200);
  }
  const row = await t.ctx.db.execute<{ step_due_at: string | Date }>(sql`select step_due_at from cases where id = ${id}`);
  return { id, due: new Date(row.rows[0]!.step_due_at) };
}

const view = async (id: string) => json<Case>(await (await t.as('district')).get(`/api/cases/${id}`));
const count = (c: Case, action: string) => c.timeline.filter((e) => e.action === action).length;
const minute = 60_000;

describe('the overdue chain at a department', () => {
  it('supervision once overdue, the district centre after two more working days — each step once, with sweeps at once', async () => {
    const { id, due } = await dispatchedCase();
    // Before the deadline nothing happens.
    await sweepDeadlines(t.ctx, new Date(due.getTime() - minute));
    expect(count(await view(id), 'urge')).toBe(0);

    const overdue = new Date(due.getTime() + minute);
    await Promise.all([sweepDeadlines(t.ctx, overdue), sweepDeadlines(t.ctx, overdue), sweepDeadlines(t.ctx, overdue)]);
    let c = await view(id);
    expect(count(c, 'urge')).toBe(1);
    const urge = c.timeline.find((e) => e.action === 'urge')!;
    expect(urge.actor).toBe('系统');
    expect(urge.note).toContain('超期自动督办');
    expect(urge.note).toContain('镇（街道）指挥中心');
    expect(c.ownerArea.code).toBe(TOWN);
    expect(count(c, 'auto-escalate')).toBe(0);

    // The end of the 2nd working day after the deadline: not yet; a minute later: the district.
    const escalateAt = createWorkCalendar().addWorkingDays(due, 2);
    await sweepDeadlines(t.ctx, new Date(escalateAt.getTime() - minute));
    expect(count(await view(id), 'auto-escalate')).toBe(0);
    const later = new Date(escalateAt.getTime() + minute);
    await Promise.all([sweepDeadlines(t.ctx, later), sweepDeadlines(t.ctx, later)]);
    await sweepDeadlines(t.ctx, new Date(later.getTime() + minute));
    c = await view(id);
    expect(count(c, 'urge')).toBe(1);
    expect(count(c, 'auto-escalate')).toBe(1);
    expect(c.ownerArea.code).toBe('320614');
    expect(c.state).toBe('dispatched'); // the department keeps handling it
    const note = await t.ctx.db.execute<{ n: string }>(sql`select count(*)::text as n from notifications n join users u on u.id = n.user_id where n.case_id = ${id} and u.username = 'district' and n.kind = 'case.escalated'`);
    expect(note.rows[0]!.n).toBe('1');
  });

  it('a case the department signs in time is not supervised', async () => {
    const { id, due } = await dispatchedCase();
    const dept = await t.as('dept-cg');
    expect((await dept.post(`/api/cases/${id}/actions/acknowledge`, {})).statusCode).toBe(200);
    await sweepDeadlines(t.ctx, new Date(due.getTime() + minute));
    expect(count(await view(id), 'urge')).toBe(0);
  });

  it('as the type sets it: without supervision and escalation nothing is written', async () => {
    const res = await admin.patch('/api/catalog/0105', { overdueChain: { supervise: false, escalateAfterWorkingDays: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ overdueChain: unknown }>(res).overdueChain).toEqual({ supervise: false, escalateAfterWorkingDays: null });
    try {
      const { id, due } = await dispatchedCase('0105');
      await sweepDeadlines(t.ctx, new Date(due.getTime() + minute));
      const c = await view(id);
      expect(count(c, 'urge') + count(c, 'auto-escalate')).toBe(0);
      expect(c.ownerArea.code).toBe(TOWN);
    } finally {
      await admin.patch('/api/catalog/0105', { overdueChain: null });
    }
  });

  it('only the administrator sets the chain; a bad chain is a 400 naming the field', async () => {
    const before = await t.ctx.db.execute<{ c: unknown }>(sql`select overdue_chain as c from catalogue_types where code = '0101'`);
    expect((await town.patch('/api/catalog/0101', { overdueChain: { supervise: false, escalateAfterWorkingDays: 1 } })).statusCode).toBe(403);
    const bad = await admin.patch('/api/catalog/0101', { overdueChain: { supervise: true, escalateAfterWorkingDays: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('escalateAfterWorkingDays');
    const after = await t.ctx.db.execute<{ c: unknown }>(sql`select overdue_chain as c from catalogue_types where code = '0101'`);
    expect(after.rows[0]!.c).toEqual(before.rows[0]!.c);
  });
});
