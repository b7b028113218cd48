import { describe, expect, it } from 'vitest';
import { FailureLimiter, UsageLimiter } from '../src/lib/rate-limit.ts';

describe('FailureLimiter', () => {
  it('refuses after max failures within the window, and forgets them after it', () => {
    const l = new FailureLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      l.check('ip', 1000 + i);
      l.fail('ip', 1000 + i);
    }
    expect(() => l.check('ip', 2000)).toThrow(/过多/);
    expect(() => l.check('other', 2000)).not.toThrow();
    expect(() => l.check('ip', 1000 + 60_001 + 3)).not.toThrow();
  });
});

describe('UsageLimiter', () => {
  it('spends a quota of units per key within the window, then answers 429', () => {
    const q = new UsageLimiter(10, 1000);
    q.take('a', 6, 'x', 0);
    q.take('a', 4, 'x', 10);
    expect(() => q.take('a', 1, '过多', 20)).toThrow('过多');
    q.take('b', 10, 'x', 20);
    // The window slides: what was spent at 0 is back at 1000.
    q.take('a', 6, 'x', 1000);
    expect(() => q.take('a', 1, 'x', 1005)).toThrow();
  });
});
