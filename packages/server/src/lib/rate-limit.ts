import { DomainError } from '@gongzhi/domain';

/**
 * A small per-process limiter for guessable look-ups (a case code with four phone digits):
 * after `max` failures from one key within `windowMs`, further tries answer 429 until it passes.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  check(key: string, now = Date.now()): void {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, recent);
    if (recent.length >= this.max) {
      throw new DomainError('too_many', 'too_many_attempts', `查询失败次数过多，请 ${Math.ceil(this.windowMs / 60000)} 分钟后再试`);
    }
  }

  fail(key: string, now = Date.now()): void {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 100_000) this.failures.clear();
  }
}

/**
 * A per-process quota: at most `max` units (requests, files, bytes) per key within `windowMs`;
 * `take` answers 429 once the key's quota is spent.
 */
export class UsageLimiter {
  private readonly used = new Map<string, { at: number; n: number }[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  take(key: string, n: number, message: string, now = Date.now()): void {
    const recent = (this.used.get(key) ?? []).filter((u) => now - u.at < this.windowMs);
    const total = recent.reduce((s, u) => s + u.n, 0);
    if (total + n > this.max) {
      this.used.set(key, recent);
      throw new DomainError('too_many', 'too_many_requests', message);
    }
    recent.push({ at: now, n });
    this.used.set(key, recent);
    if (this.used.size > 100_000) this.used.clear();
  }
}
