import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../src/lib/rate-limit.ts';

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
