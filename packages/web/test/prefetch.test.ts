// Reading ahead (api/client.ts `prefetch`): a page's data asked for before its first render are handed to the page's
// own `get` of the same address, once; a change drops them. And what the cockpit asks for ahead (cockpit/data.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get, post, prefetch } from '../src/api/client.ts';
import { cockpitReads, prefetchCockpit } from '../src/console/pages/cockpit/data.ts';
import type { Me } from '../src/api/types.ts';

let calls: string[];
let answers: Map<string, () => Promise<Response>>;

beforeEach(() => {
  calls = [];
  answers = new Map();
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    const answer = answers.get(url);
    return answer ? answer() : Promise.resolve(new Response(JSON.stringify({ url, n: calls.length }), { status: 200 }));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  // Whatever a test left ahead is dropped by a change.
  return post('/api/x').catch(() => undefined);
});

describe('reading ahead', () => {
  it('hands the answer to the first get of the same address, and only to that one', async () => {
    prefetch('/api/cockpit/summary', { area: '320614103', from: '2026-12-01', to: '2026-12-06' });
    prefetch('/api/cockpit/summary', { area: '320614103', from: '2026-12-01', to: '2026-12-06' });
    expect(calls).toEqual(['GET /api/cockpit/summary?area=320614103&from=2026-12-01&to=2026-12-06']);
    const first = await get<{ n: number }>('/api/cockpit/summary', { area: '320614103', from: '2026-12-01', to: '2026-12-06' });
    expect(first.n).toBe(1);
    expect(calls).toHaveLength(1);
    // A later read (a reload) asks the server again.
    const second = await get<{ n: number }>('/api/cockpit/summary', { area: '320614103', from: '2026-12-01', to: '2026-12-06' });
    expect(second.n).toBe(2);
    // Another address is not served from it.
    prefetch('/api/cockpit/map', { area: '320614103' });
    await get('/api/cockpit/map', { area: '320614' });
    expect(calls.slice(2)).toEqual(['GET /api/cockpit/map?area=320614103', 'GET /api/cockpit/map?area=320614']);
  });

  it('drops what was read ahead when anything is changed', async () => {
    prefetch('/api/cases', { page: 1 });
    await post('/api/cases/abc/accept', {});
    await get('/api/cases', { page: 1 });
    expect(calls).toEqual(['GET /api/cases?page=1', 'POST /api/cases/abc/accept', 'GET /api/cases?page=1']);
  });

  it('passes a failure on to the page, and lets a page that moved on abort its wait', async () => {
    answers.set('/api/cockpit/staffing?area=320614103', () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'forbidden', message: '无权查看' } }), { status: 403 })));
    prefetch('/api/cockpit/staffing', { area: '320614103' });
    await expect(get('/api/cockpit/staffing', { area: '320614103' })).rejects.toMatchObject({ status: 403, code: 'forbidden', message: '无权查看' });

    let answer!: (r: Response) => void;
    answers.set('/api/cockpit/vitality?area=320614103', () => new Promise<Response>((resolve) => (answer = resolve)));
    prefetch('/api/cockpit/vitality', { area: '320614103' });
    const ctrl = new AbortController();
    const read = get('/api/cockpit/vitality', { area: '320614103' }, ctrl.signal);
    ctrl.abort();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    answer(new Response('{}', { status: 200 }));
  });
});

const me = (over: Partial<Me> = {}): Me => ({ scope: { code: '320614103', name: '常乐镇' }, abilities: ['cockpit.read'], unit: null, ...over }) as unknown as Me;

describe('the cockpit reads ahead what its first render reads', () => {
  it('everything for a town, its sub-areas included; a grid has none; a department only its own panels', () => {
    const month = { from: '2026-12-01', to: '2026-12-06' };
    const town = cockpitReads('320614103', month, false);
    expect(town.byChild).toEqual(['/api/stats/cases/breakdown', { area: '320614103', from: '2026-12-01', to: '2026-12-06', by: 'child' }]);
    // Six days: the trend shows the 30 days up to the period's end.
    expect(town.trend).toEqual(['/api/stats/cases/breakdown', { area: '320614103', from: '2026-11-07', to: '2026-12-06', by: 'day' }]);
    expect(Object.values(town).filter(Boolean)).toHaveLength(13);
    expect(cockpitReads('320614103001001', month, false).byChild).toBeNull();
    const unit = cockpitReads('320614', month, true);
    expect(Object.entries(unit).filter(([, r]) => r).map(([k]) => k)).toEqual(['summary', 'map', 'overdue', 'hotspots']);
  });

  it('for the area and period of the address, and only for those who may read the cockpit', () => {
    prefetchCockpit({ params: { code: '320614103001' }, search: new URLSearchParams('from=2026-01-01&to=2026-03-31'), me: me() });
    expect(calls).toHaveLength(13);
    expect(calls).toContain('GET /api/cockpit/summary?area=320614103001&from=2026-01-01&to=2026-03-31');
    expect(calls).toContain('GET /api/stats/cases/breakdown?area=320614103001&from=2026-01-01&to=2026-03-31&by=month');
    calls = [];
    prefetchCockpit({ params: {}, search: new URLSearchParams(), me: me({ abilities: [] }) });
    expect(calls).toEqual([]);
  });
});
