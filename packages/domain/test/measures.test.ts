import { describe, expect, it } from 'vitest';
import { measuresOf, nothingDue, nothingRated, type MeasureCounts } from '../src/measures.ts';

const zero: MeasureCounts = { received: 0, accepted: 0, closed: 0, dueToClose: 0, closedOnTime: 0, handled: 0, reworked: 0, rated: 0, satisfied: 0, basicallySatisfied: 0, responded: 0, resolved: 0, handlingHoursSum: 0 };

describe('measures with nothing to measure', () => {
  it('a unit with no case due to close has no closure rate (—, 无应结案件), one case due has', () => {
    const idle = measuresOf({ ...zero, received: 3, accepted: 3 });
    expect(nothingDue(idle)).toBe(true);
    expect(idle.closureRate).toBe(0); // the number stays 0 for sums; the screen shows —
    const one = measuresOf({ ...zero, received: 1, dueToClose: 1 });
    expect(nothingDue(one)).toBe(false);
    expect(one.closureRate).toBe(0);
    expect(nothingDue(measuresOf({ ...zero, dueToClose: 1, closed: 1 }))).toBe(false);
  });

  it('without a rated case there is no satisfaction rate nor combined score; one rating is enough', () => {
    expect(nothingRated(measuresOf({ ...zero, dueToClose: 2, closed: 2 }))).toBe(true);
    const rated = measuresOf({ ...zero, dueToClose: 1, closed: 1, rated: 1, satisfied: 1, responded: 1, resolved: 1 });
    expect(nothingRated(rated)).toBe(false);
    expect(rated.combinedScore).toBe(1);
  });
});
