/**
 * Group commit: collects work submitted at about the same time and hands it to `run` in one
 * go, so that many requests share one database round trip and one WAL flush.
 *
 * - Each `submit` resolves (or rejects) only when `run` has finished the batch it was in, so a
 *   caller that answers after `await submit(...)` answers after the commit.
 * - Order is first in, first out: a batch takes the oldest waiting items, at most `maxBatch`,
 *   so under a steady stream nobody waits behind later arrivals.
 * - A batch starts at once when nothing is in flight (no added latency at low load); while
 *   `maxInFlight` batches are running, new items gather for the next one, which starts when a
 *   slot frees or after `maxWaitMs`, whichever comes later.
 * - Errors stay with their item: `run` returns one outcome per item; if `run` itself throws,
 *   each item of that batch is run again on its own, so one bad item never fails the others.
 */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatcherOptions<I, O> {
  /** Runs one batch; returns one outcome per item, in the same order. */
  run: (items: I[]) => Promise<Outcome<O>[]>;
  maxBatch?: number;
  maxWaitMs?: number;
  maxInFlight?: number;
  /**
   * Whether the items of a batch that failed as a whole may be run again one by one — true
   * when the failure certainly undid the batch (a statement error rolls back); false, say, for a
   * lost connection, where the batch may have been committed. Default: always.
   */
  retryAlone?: (error: unknown) => boolean;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export class Batcher<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private readonly idle = new Set<() => void>();
  private readonly run: (items: I[]) => Promise<Outcome<O>[]>;
  private readonly retryAlone: (error: unknown) => boolean;
  readonly maxBatch: number;
  readonly maxWaitMs: number;
  readonly maxInFlight: number;
  /** Batches run and items handled so far (for tests and the benchmark). */
  readonly stats = { batches: 0, items: 0, fallbacks: 0 };

  constructor(opts: BatcherOptions<I, O>) {
    this.run = opts.run;
    this.retryAlone = opts.retryAlone ?? (() => true);
    this.maxBatch = Math.max(1, opts.maxBatch ?? 64);
    this.maxWaitMs = Math.max(0, opts.maxWaitMs ?? 2);
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 2);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Items waiting or running. */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  /** Resolves when every item submitted so far has been answered. */
  drain(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  private pump() {
    if (this.queue.length === 0 || this.inFlight >= this.maxInFlight) return;
    if (this.inFlight === 0 || this.queue.length >= this.maxBatch) {
      // Nothing running (or a full batch waiting): start after the current tick, so that work
      // arriving in the same tick joins it.
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.start();
      });
      return;
    }
    // Something is running: gather for up to maxWaitMs, then go if a slot is free.
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.start();
    }, this.maxWaitMs);
  }

  private start() {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.execute(batch).finally(() => {
        this.inFlight--;
        if (this.pending === 0) {
          for (const done of this.idle) done();
          this.idle.clear();
        }
        // A slot is free: waiting items go now (they have waited at least one batch).
        if (this.queue.length > 0) this.start();
      });
      // Only one batch per call when others are running: the rest gathers for the next.
      if (this.inFlight > 1 || this.queue.length < this.maxBatch) break;
    }
  }

  private async execute(batch: Pending<I, O>[]) {
    this.stats.batches++;
    this.stats.items += batch.length;
    let outcomes: Outcome<O>[];
    try {
      outcomes = await this.run(batch.map((p) => p.item));
    } catch (error) {
      if (batch.length === 1 || !this.retryAlone(error)) {
        for (const p of batch) p.reject(error);
        return;
      }
      return this.oneByOne(batch);
    }
    batch.forEach((p, i) => settle(p, outcomes[i] ?? { ok: false, error: new Error('batch run returned no outcome for this item') }));
  }

  private async oneByOne(batch: Pending<I, O>[]) {
    // The whole batch failed: run each item alone, so the failure stays with its cause.
    this.stats.fallbacks++;
    for (const p of batch) {
      try {
        const [one] = await this.run([p.item]);
        settle(p, one ?? { ok: false, error: new Error('batch run returned no outcome') });
      } catch (error) {
        p.reject(error);
      }
    }
  }
}

function settle<I, O>(p: Pending<I, O>, o: Outcome<O>) {
  if (o.ok) p.resolve(o.value);
  else p.reject(o.error);
}
