import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { suggestionModelReady } from '../src/services/suggest.ts';
import { createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Duplicate groups (issue 19 "Duplicates grouped", docs/SMART-INTAKE.md "Duplicate groups"):
// intake attaches a candidate, the centre merges the group in one action, every reporter follows
// the primary, a member can be unmerged, and nobody sees a group outside their scope.

let t: TestApp;
const GRID = '320614103001001';
// A point in the demo's first grid, and one 20 m from it.
const HERE = { lat: 31.9869, lng: 120.8945 };
const NEAR = { lat: 31.98708, lng: 120.8945 };

interface Group {
  groupId: string | null;
  primaryId: string | null;
  members: { id: string; code: string; role: 'primary' | 'candidate' | 'merged'; state: string; allowedActions: string[] }[];
  allowedActions: string[];
}
interface Case {
  id: string;
  code: string;
  state: string;
  groupId: string | null;
  answer: string | null;
  queryCode?: string;
  timeline: { action: string; note?: string }[];
  followed?: { code: string; state: string; answer: string | null; timeline: { action: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('duplicate groups', () => {
  it('intake → candidate; one-action merge; the merged reporter follows the primary’s answer; unmerge; scope', async () => {
    const community = await t.as('community');
    const anon = t.anonymous();
    const tag = uniq();
    // Whether intake placed the point in a grid or not, the three reports share the grid code.
    const first = json<Case>(
      await community.post('/api/cases', { title: `菜场门口垃圾桶满了 ${tag}`, description: '菜市场门口几个垃圾桶都满出来了，两天没人清运，味道很大', categoryCode: '0106', channel: 'console', areaCode: GRID, location: HERE }),
    );
    const secondRes = await anon.post('/api/cases', { title: '垃圾桶溢出来了', description: '菜场门口的垃圾桶全满了，垃圾堆在地上没人收', categoryCode: '0106', channel: 'qr', areaCode: GRID, location: NEAR });
    expect(secondRes.statusCode).toBe(201);
    const second = json<Case>(secondRes);
    // A different problem at the same spot stays out of the group.
    const other = json<Case>(await community.post('/api/cases', { title: `菜场门口有人乱贴小广告 ${tag}`, description: '菜场门口墙上贴满了办证小广告', categoryCode: '0201', channel: 'console', areaCode: GRID, location: NEAR }));

    // Intake attached the second report as a candidate, not merged.
    const s2 = json<Case>(await community.get(`/api/cases/${second.id}`));
    expect(s2.state).toBe('reported');
    expect(s2.groupId).toBe(first.id);
    expect(s2.timeline.map((e) => e.action)).toContain('group-candidate');
    expect(json<Case>(await community.get(`/api/cases/${other.id}`)).groupId).toBeNull();

    const group = json<Group>(await community.get(`/api/cases/${second.id}/group`));
    expect(group.primaryId).toBe(first.id);
    expect(group.members.map((m) => [m.id, m.role])).toEqual([
      [first.id, 'primary'],
      [second.id, 'candidate'],
    ]);
    expect(group.allowedActions).toEqual(['merge']);
    // The case list shows the group's size.
    const list = json<{ items: { id: string; groupSize: number | null }[] }>(await community.get(`/api/cases?q=${encodeURIComponent(tag)}&pageSize=50`));
    expect(list.items.find((i) => i.id === first.id)?.groupSize).toBe(2);

    // Out of scope: a department the cases were never dispatched to sees neither the case nor its group.
    const zj = await t.as('dept-zj');
    const hidden = await zj.get(`/api/cases/${first.id}/group`);
    expect(hidden.statusCode).toBe(404);
    expect((await zj.post(`/api/cases/${first.id}/group/merge`, {})).statusCode).toBe(404);

    // One action merges the group into the primary.
    const mergedRes = await community.post(`/api/cases/${first.id}/group/merge`, {});
    expect(mergedRes.statusCode).toBe(200);
    const merged = json<Group>(mergedRes);
    expect(merged.members.map((m) => [m.id, m.role, m.state])).toEqual([
      [first.id, 'primary', 'reported'],
      [second.id, 'merged', 'merged'],
    ]);
    expect(merged.allowedActions).toEqual([]);
    expect(merged.members[1]!.allowedActions).toEqual(['unmerge']);
    const again = await community.post(`/api/cases/${first.id}/group/merge`, {});
    expect(again.statusCode).toBe(409);
    expect(json<{ error: { code: string; message: string } }>(again).error.code).toBe('nothing_to_merge');
    const primaryView = json<Case>(await community.get(`/api/cases/${first.id}`));
    expect(primaryView.timeline.map((e) => e.action)).toContain('merged-from');
    const audit = json<{ items: { action: string }[] }>(await (await t.as('auditor')).get(`/api/audit?entityId=${first.id}`));
    if (Array.isArray(audit.items)) expect(audit.items.map((a) => a.action)).toContain('case.group-merge');

    // The primary is handled: the merged report's reporter reads its progress and answer on the track page.
    await community.post(`/api/cases/${first.id}/actions/accept`, {});
    await community.post(`/api/cases/${first.id}/actions/handle`, { note: '已联系环卫清运，垃圾桶已清空并增加清运频次。' });
    const tracked = await anon.get(`/api/track/${second.code}?queryCode=${second.queryCode}`);
    expect(tracked.statusCode).toBe(200);
    const tv = json<Case>(tracked);
    expect(tv.state).toBe('merged');
    expect(tv.answer).toBe('已联系环卫清运，垃圾桶已清空并增加清运频次。');
    expect(tv.followed?.code).toBe(first.code);
    expect(tv.followed?.state).toBe('handled');
    expect(tv.followed?.timeline.map((e) => e.action)).toEqual(['report', 'accept', 'handle']);

    // Unmerge: the member goes back to its own life, with an entry on both timelines.
    const un = await community.post(`/api/cases/${second.id}/actions/unmerge`, { note: '经核实不是同一处' });
    expect(un.statusCode).toBe(200);
    const back = json<Case>(un);
    expect(back.state).toBe('reported');
    expect(back.groupId).toBeNull();
    expect(back.timeline.map((e) => e.action).slice(-1)).toEqual(['unmerge']);
    expect(json<Case>(await community.get(`/api/cases/${first.id}`)).timeline.map((e) => e.action)).toContain('unmerged-from');
    expect(json<Group>(await community.get(`/api/cases/${first.id}/group`)).members.map((m) => m.id)).toEqual([first.id]);
    // Not merged any more: a second unmerge is a 409.
    expect((await community.post(`/api/cases/${second.id}/actions/unmerge`, {})).statusCode).toBe(409);
    // A case in no group.
    const none = await community.post(`/api/cases/${other.id}/group/merge`, {});
    expect(json<{ error: { code: string } }>(none).error.code).toBe('not_in_group');
  });

  it('forty reports of one problem at one moment: each joins the first one’s group, none fails, none waits on another', async () => {
    const anon = t.anonymous();
    const tag = uniq();
    const failed = vi.spyOn(console, 'error');
    const body = (i: number) => ({ title: `公交站棚顶漏水 ${tag}`, description: `公交站的棚顶一下雨就漏水，等车的人都淋湿了（${i}）`, categoryCode: '0106', channel: 'qr', areaCode: GRID, location: HERE });
    const first = json<Case>(await anon.post('/api/cases', body(0)));
    // Batched together, the reports share their time of receipt: none may take another of its batch as its primary
    // while that one takes it (their row locks would cross and deadlock).
    const rest = await Promise.all(Array.from({ length: 40 }, (_, i) => anon.post('/api/cases', body(i + 1))));
    expect(rest.map((r) => r.statusCode)).toEqual(rest.map(() => 201));
    expect(failed.mock.calls.filter((c) => String(c[0]).includes('duplicate grouping'))).toEqual([]);
    failed.mockRestore();
    const community = await t.as('community');
    const groups = await Promise.all(rest.map(async (r) => json<Case>(await community.get(`/api/cases/${json<Case>(r).id}`)).groupId));
    const group = json<Group>(await community.get(`/api/cases/${first.id}/group`));
    expect(new Set(groups)).toEqual(new Set([group.groupId]));
    expect(group.members.map((m) => m.id)).toEqual(expect.arrayContaining([first.id, ...rest.map((r) => json<Case>(r).id)]));
  });
  it('a report typed as a neighbouring type joins when its words suggest the open case’s type (related types)', async () => {
    // The suggestion model of the process is what computes the likely types of both texts at intake.
    await suggestionModelReady(t.ctx);
    const community = await t.as('community');
    const anon = t.anonymous();
    const tag = uniq();
    const spot = { lat: 31.9875, lng: 120.8952 };
    const near = { lat: 31.98768, lng: 120.8952 };
    const far = { lat: 32.0055, lng: 120.8952 };
    // 路面塌陷 (0501), chosen by the dispatcher.
    const first = json<Case>(await community.post('/api/cases', { title: `路面下沉了 ${tag}`, description: '路面下沉出现一个坑洞，车开过去颠得厉害', categoryCode: '0501', channel: 'console', areaCode: GRID, location: spot }));
    // The resident picked 道路破损 (B0210); the words (塌了, 地陷) share nothing with the first report's but suggest 路面塌陷.
    const body = { title: '这条路塌了', description: '地陷了一大块，很危险', categoryCode: 'B0210', channel: 'qr', areaCode: GRID };
    const second = json<Case>(await anon.post('/api/cases', { ...body, location: near }));
    expect(json<Case>(await community.get(`/api/cases/${second.id}`)).groupId).toBe(first.id);
    // The same report 2 km away is another problem.
    const elsewhere = json<Case>(await anon.post('/api/cases', { ...body, location: far }));
    expect(json<Case>(await community.get(`/api/cases/${elsewhere.id}`)).groupId).toBeNull();
  });
});
