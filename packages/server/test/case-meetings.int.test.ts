import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// 会商 of a case with assisting units (issue 12 item 7; docs/CASES.md "Joint handling meeting").
let t: TestApp;
let town: Client;
let cgUnitId: string;
let gaUnitId: string;
let zjUnitId: string;
const TOWN = '320614103';

beforeAll(async () => {
  t = await createTestApp();
  town = await t.as('town');
  const units = json<{ items: { id: string; code: string }[] }>(await (await t.as('district')).get('/api/units?type=department')).items;
  cgUnitId = units.find((u) => u.code === 'dept-cg')!.id;
  gaUnitId = units.find((u) => u.code === 'dept-ga')!.id;
  zjUnitId = units.find((u) => u.code !== 'dept-cg' && u.code !== 'dept-ga')!.id;
});
afterAll(async () => t?.close());

async function dispatched(assist: string[]) {
  const res = await town.post('/api/cases', { title: `沿街违建 ${uniq()}`, description: '集镇区沿街商户违章搭建雨棚，占用消防通道。', categoryCode: '0101', channel: 'console', areaCode: TOWN });
  expect(res.statusCode, res.body).toBe(201);
  const id = json<{ id: string }>(res).id;
  expect((await town.post(`/api/cases/${id}/actions/accept`, {})).statusCode).toBe(200);
  const d = await town.post(`/api/cases/${id}/actions/dispatch`, { unitId: cgUnitId, assistUnitIds: assist });
  expect(d.statusCode, d.body).toBe(200);
  return id;
}

const meeting = (over: Record<string, unknown> = {}) => ({
  heldAt: new Date(Date.now() - 60_000).toISOString().replace('Z', '+00:00'),
  place: '常乐镇社会治理综合服务中心二楼会议室',
  unitIds: [cgUnitId, gaUnitId],
  participants: '区城管局 张明；区公安分局 李强；镇指挥中心 陆海燕',
  minutes: '城管局介绍现场情况，公安分局通报消防通道占用风险，商户已承诺三日内自行拆除。',
  decisions: '城管局牵头于本周五前拆除；公安分局配合现场秩序；镇指挥中心跟踪督办。',
  ...over,
});
const meetingCount = async (id: string) => (await t.ctx.db.execute<{ n: string }>(sql`select count(*)::text as n from case_meetings where case_id = ${id}`)).rows[0]!.n;

describe('会商', () => {
  it('the owning centre records a meeting; it is on the case and on the timeline; the lead unit records one too', async () => {
    const id = await dispatched([gaUnitId]);
    const list0 = json<{ items: unknown[]; units: { id: string; role: string }[]; allowedActions: string[] }>(await town.get(`/api/cases/${id}/meetings`));
    expect(list0.allowedActions).toEqual(['record']);
    expect(list0.units.map((u) => u.role).sort()).toEqual(['assist', 'lead']);
    const res = await town.post(`/api/cases/${id}/meetings`, meeting());
    expect(res.statusCode, res.body).toBe(201);
    const m = json<{ id: string; units: { name: string }[]; decisions: string; recordedBy: string }>(res);
    expect(m.units.map((u) => u.name)).toEqual(['区城市管理局', '区公安分局']);
    const list = json<{ items: { id: string }[] }>(await town.get(`/api/cases/${id}/meetings`));
    expect(list.items.map((x) => x.id)).toEqual([m.id]);
    const c = json<{ timeline: { action: string; note: string }[] }>(await town.get(`/api/cases/${id}`));
    const e = c.timeline.find((x) => x.action === 'meeting')!;
    expect(e.note).toContain('会商（区城市管理局、区公安分局）');

    const dept = await t.as('dept-cg');
    expect(json<{ allowedActions: string[] }>(await dept.get(`/api/cases/${id}/meetings`)).allowedActions).toEqual(['record']);
    expect((await dept.post(`/api/cases/${id}/meetings`, meeting({ decisions: '复会：拆除完成，转入办结反馈。' }))).statusCode).toBe(201);
    expect(await meetingCount(id)).toBe('2');
  });

  it('another area is 404, a role that only supervises is 403, a case without assisting units is 400 — nothing written', async () => {
    const id = await dispatched([gaUnitId]);
    for (const user of ['community', 'grid', 'resident']) {
      const c = await t.as(user);
      expect((await c.get(`/api/cases/${id}/meetings`)).statusCode, user).toBe(404);
      expect((await c.post(`/api/cases/${id}/meetings`, meeting())).statusCode, user).toBe(404);
    }
    for (const user of ['district', 'leader']) {
      const c = await t.as(user);
      expect(json<{ allowedActions: string[] }>(await c.get(`/api/cases/${id}/meetings`)).allowedActions).toEqual([]);
      expect((await c.post(`/api/cases/${id}/meetings`, meeting())).statusCode, user).toBe(403);
    }
    const alone = await dispatched([]);
    const res = await town.post(`/api/cases/${alone}/meetings`, meeting({ unitIds: [cgUnitId, gaUnitId] }));
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(res).error.code).toBe('no_assisting_units');
    expect(await meetingCount(id)).toBe('0');
    expect(await meetingCount(alone)).toBe('0');
  });

  it('malformed input is a 400 naming the field', async () => {
    const id = await dispatched([gaUnitId]);
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await town.post(`/api/cases/${id}/meetings`, meeting(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toContain(field);
    };
    await bad({ heldAt: '昨天下午' }, 'heldAt');
    await bad({ heldAt: new Date(Date.now() + 86_400_000).toISOString() }, 'heldAt');
    await bad({ unitIds: [cgUnitId] }, 'unitIds');
    await bad({ unitIds: [cgUnitId, zjUnitId] }, 'unitIds');
    await bad({ minutes: '' }, 'minutes');
    await bad({ decisions: 'x'.repeat(2001) }, 'decisions');
    await bad({ attachments: ['00000000-0000-4000-8000-000000000000'] }, 'attachments');
    expect(await meetingCount(id)).toBe('0');
  });
});
