import { describe, expect, it } from 'vitest';
import { caseMeasureFacts, measureDelta, MEASURE_COUNTERS, sameDelta, splitPeriod, type MeasureCase } from '../src/measure-facts.ts';

const cst = (local: string) => new Date(`${local}+08:00`);

const base: MeasureCase = {
  areaCode: '320614103001001',
  // 23:30 on 30 November in China is 15:30 UTC: the day of receipt is the China date.
  createdAt: cst('2026-11-30T23:30:00'),
  categoryCode: '0102',
  channel: 'qr',
  handlerUnitId: null,
  state: 'reported',
  acceptedAt: null,
  handledAt: null,
  closedAt: null,
  dueAt: null,
  reworkCount: 0,
  rating: null,
};

describe('caseMeasureFacts', () => {
  it('files a new case on its China day of receipt, counted once as received', () => {
    const f = caseMeasureFacts(base, false);
    expect(f.key).toEqual({ areaCode: base.areaCode, day: '2026-11-30', categoryCode: '0102', channel: 'qr', unit: '', dueDay: null });
    expect(MEASURE_COUNTERS.filter((k) => f.counts[k] !== 0)).toEqual(['received']);
  });

  it('keeps an accepted open case by the China day of its deadline until it is closed', () => {
    const accepted = { ...base, state: 'dispatched', acceptedAt: cst('2026-12-01T09:00:00'), dueAt: cst('2026-12-07T23:59:59.999'), handlerUnitId: 'u1' };
    const f = caseMeasureFacts(accepted, false);
    expect(f.key.dueDay).toBe('2026-12-07');
    expect(f.key.unit).toBe('u1');
    expect(f.counts.dueOpen).toBe(1);
    expect(f.dueAt).toEqual(accepted.dueAt);
    const closed = caseMeasureFacts({ ...accepted, state: 'closed', handledAt: cst('2026-12-02T10:00:00'), closedAt: cst('2026-12-02T12:00:00') }, false);
    expect(closed.key.dueDay).toBeNull();
    expect(closed.counts).toMatchObject({ dueOpen: 0, closed: 1, dueClosed: 1, closedOnTime: 1, handled: 1, handlingMs: 27 * 3600_000 });
    // Closed after the deadline: closed, not on time.
    expect(caseMeasureFacts({ ...accepted, state: 'closed', closedAt: cst('2026-12-08T08:00:00') }, false).counts.closedOnTime).toBe(0);
    // Withdrawn after acceptance: still taken on and never closed, so it falls due when the deadline passes.
    expect(caseMeasureFacts({ ...accepted, state: 'withdrawn' }, false).counts.dueOpen).toBe(1);
  });

  it('counts a rating as responded only when the case was taken on in time', () => {
    const rated = { ...base, state: 'closed', acceptedAt: cst('2026-12-01T09:00:00'), closedAt: cst('2026-12-01T10:00:00'), dueAt: cst('2026-12-07T23:59:59.999'), rating: 'basically-satisfied' };
    expect(caseMeasureFacts(rated, false).counts).toMatchObject({ rated: 1, basicallySatisfied: 1, satisfied: 0, resolved: 1, responded: 1 });
    expect(caseMeasureFacts(rated, true).counts).toMatchObject({ rated: 1, responded: 0 });
    expect(caseMeasureFacts({ ...rated, rating: 'unsatisfied' }, false).counts).toMatchObject({ rated: 1, resolved: 0, responded: 1 });
  });
});

describe('measureDelta', () => {
  it('adds a new case, subtracts what changed, and nothing when nothing did', () => {
    const f0 = caseMeasureFacts(base, false);
    expect(measureDelta(null, f0)).toEqual([{ key: f0.key, counts: f0.counts }]);
    expect(measureDelta(f0, caseMeasureFacts({ ...base }, false))).toEqual([]);
    const f1 = caseMeasureFacts({ ...base, state: 'accepted', acceptedAt: cst('2026-12-01T09:00:00'), dueAt: cst('2026-12-07T23:59:59.999') }, false);
    const d = measureDelta(f0, f1);
    // The deadline day is part of the key: the old key loses the case, the new one gains it.
    expect(d).toHaveLength(2);
    expect(d[0]!.counts.received).toBe(-1);
    expect(d[1]!.counts).toMatchObject({ received: 1, accepted: 1, dueOpen: 1 });
    const sum = (k: (typeof MEASURE_COUNTERS)[number]) => d.reduce((s, r) => s + r.counts[k], 0);
    expect(sum('received')).toBe(0);
    expect(sum('accepted')).toBe(1);
  });

  it('tells when the late-acceptance fact changes the delta', () => {
    const closed = { ...base, state: 'closed', acceptedAt: cst('2026-12-01T09:00:00'), closedAt: cst('2026-12-01T10:00:00'), dueAt: cst('2026-12-07T23:59:59.999') };
    const rated = { ...closed, rating: 'satisfied' };
    const delta = (late: boolean) => measureDelta(caseMeasureFacts(closed, late), caseMeasureFacts(rated, late));
    expect(sameDelta(delta(false), delta(true))).toBe(false);
    const urge = (late: boolean) => measureDelta(caseMeasureFacts(closed, late), caseMeasureFacts({ ...closed }, late));
    expect(sameDelta(urge(false), urge(true))).toBe(true);
  });
});

describe('splitPeriod', () => {
  it('splits whole days into leading days, whole months and trailing days', () => {
    expect(splitPeriod(cst('2025-12-15T00:00:00'), cst('2026-11-05T00:00:00'))).toEqual([
      { kind: 'days', from: '2025-12-15', to: '2026-01-01' },
      { kind: 'months', from: '2026-01-01', to: '2026-11-01' },
      { kind: 'days', from: '2026-11-01', to: '2026-11-05' },
    ]);
    expect(splitPeriod(cst('2026-01-01T00:00:00'), cst('2027-01-01T00:00:00'))).toEqual([{ kind: 'months', from: '2026-01-01', to: '2027-01-01' }]);
    expect(splitPeriod(cst('2026-02-03T00:00:00'), cst('2026-02-20T00:00:00'))).toEqual([{ kind: 'days', from: '2026-02-03', to: '2026-02-20' }]);
  });

  it('leaves pieces of days to the case rows, and covers the period exactly', () => {
    const from = cst('2026-03-31T08:00:00');
    const to = cst('2026-05-01T12:00:00');
    expect(splitPeriod(from, to)).toEqual([
      { kind: 'instants', from, to: cst('2026-04-01T00:00:00') },
      { kind: 'months', from: '2026-04-01', to: '2026-05-01' },
      { kind: 'instants', from: cst('2026-05-01T00:00:00'), to },
    ]);
    expect(splitPeriod(cst('2026-03-31T08:00:00'), cst('2026-03-31T09:00:00'))).toEqual([{ kind: 'instants', from: cst('2026-03-31T08:00:00'), to: cst('2026-03-31T09:00:00') }]);
    expect(splitPeriod(to, from)).toEqual([]);
  });
});
