import { describe, expect, it } from 'vitest';
import { Batcher, type Outcome } from '../src/lib/batcher.ts';

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A run that records its batches and completes when the test says so. */
function controlled<I>() {
  const batches: I[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: I[]): Promise<Outcome<I>[]> => {
    batches.push(items);
    await new Promise<void>((r) => gates.push(r));
    return items.map((value) => ({ ok: true, value }));
  };
  const release = async () => {
    while (gates.length === 0) await tick();
    gates.shift()!();
    await tick();
  };
  return { batches, run, release };
}

describe('Batcher (group commit)', () => {
  it('starts at once when idle and puts work of the same moment into one batch', async () => {
    const c = controlled<number>();
    const b = new Batcher({ run: c.run, maxInFlight: 1, maxWaitMs: 50 });
    const all = Promise.all([1, 2, 3].map((n) => b.submit(n)));
    await tick();
    await tick();
    expect(c.batches).toEqual([[1, 2, 3]]);
    await c.release();
    expect(await all).toEqual([1, 2, 3]);
  });

  it('answers an item only after the batch it was in has finished', async () => {
    const c = controlled<string>();
    const b = new Batcher({ run: c.run, maxInFlight: 1 });
    let answered = false;
    const p = b.submit('a').then(() => (answered = true));
    await sleep(10);
    expect(c.batches).toHaveLength(1);
    expect(answered).toBe(false);
    await c.release();
    await p;
    expect(answered).toBe(true);
  });

  it('keeps arrival order: oldest first, at most maxBatch, later arrivals in the next batch', async () => {
    const c = controlled<number>();
    const b = new Batcher({ run: c.run, maxInFlight: 1, maxBatch: 4 });
    const first = b.submit(0);
    await tick();
    await tick();
    expect(c.batches).toEqual([[0]]);
    const rest = Array.from({ length: 9 }, (_, i) => b.submit(i + 1));
    await sleep(5);
    expect(c.batches).toHaveLength(1); // still one in flight: the others wait for it
    await c.release();
    await first;
    await c.release();
    await c.release();
    await c.release();
    expect(await Promise.all(rest)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.batches).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]);
  });

  it('gathers for up to maxWaitMs while another batch runs, with up to maxInFlight batches at once', async () => {
    const c = controlled<number>();
    const b = new Batcher({ run: c.run, maxInFlight: 2, maxWaitMs: 5 });
    const p1 = b.submit(1);
    await tick();
    await tick();
    const p2 = [b.submit(2), b.submit(3)];
    await tick();
    expect(c.batches).toEqual([[1]]);
    await sleep(20);
    expect(c.batches).toEqual([[1], [2, 3]]);
    const p3 = b.submit(4);
    await sleep(20);
    expect(c.batches).toHaveLength(2); // both slots busy
    await c.release();
    await p1;
    expect(c.batches).toEqual([[1], [2, 3], [4]]);
    await c.release();
    await c.release();
    expect(await Promise.all([...p2, p3])).toEqual([2, 3, 4]);
  });

  it('keeps a failure with its item: per-item errors, and a failed batch retried one by one', async () => {
    const runs: string[][] = [];
    const b = new Batcher<string, string>({
      maxInFlight: 1,
      run: async (items) => {
        runs.push(items);
        // A statement that fails as a whole if any row is bad (like a unique violation).
        if (items.includes('bad') && items.length > 1) throw Object.assign(new Error('duplicate key'), { code: '23505' });
        return items.map((i) => (i === 'bad' ? { ok: false, error: new Error('bad row') } : i === 'refused' ? { ok: false, error: new Error('refused') } : { ok: true, value: i.toUpperCase() }));
      },
    });
    const results = await Promise.allSettled(['a', 'bad', 'b', 'refused', 'c'].map((x) => b.submit(x)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['A', 'bad row', 'B', 'refused', 'C']);
    expect(runs).toEqual([['a', 'bad', 'b', 'refused', 'c'], ['a'], ['bad'], ['b'], ['refused'], ['c']]);
    expect(b.stats.fallbacks).toBe(1);
  });

  it('does not run items again when the failure may have committed the batch', async () => {
    let calls = 0;
    const b = new Batcher<number, number>({
      maxInFlight: 1,
      retryAlone: (e) => !!(e as { code?: string }).code,
      run: async () => {
        calls++;
        throw new Error('Connection terminated unexpectedly');
      },
    });
    const results = await Promise.allSettled([1, 2, 3].map((n) => b.submit(n)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(calls).toBe(1);
  });

  it('drain waits for everything submitted', async () => {
    const b = new Batcher<number, number>({ run: async (items) => (await sleep(5), items.map((value) => ({ ok: true as const, value }))), maxBatch: 3 });
    const done: number[] = [];
    for (let i = 0; i < 10; i++) void b.submit(i).then((v) => done.push(v));
    await b.drain();
    expect(done.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(b.pending).toBe(0);
    await b.drain();
  });
});
