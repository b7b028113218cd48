import crypto from 'node:crypto';
import { arithmeticChallenge, parseChallengeAnswer } from '@gongzhi/domain';
import type { LoginLimits } from '../config.ts';

/**
 * Login failure handling (等保 登录失败处理) that cannot be turned against the account holder:
 *
 * - per source address: after `challengeAfter` failures within the window every further try from it
 *   must carry a solved challenge; after `sourceMax` failures it is refused outright until the window
 *   has passed (429 `too_many_attempts`);
 * - per username, across sources: the account's own failure count (in the database) locks it after
 *   `userMax` failures — but "locked" means that every login for it must carry a solved challenge,
 *   so the holder, typing the right password and solving one sum, always gets in.
 *
 * Counts per source live in this process (a cluster multiplies them by its workers); the per-username
 * count lives in the database. Source addresses are what Fastify reports, i.e. X-Forwarded-For only
 * from TRUST_PROXY addresses.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly blockedNoted = new Map<string, number>();
  private readonly usedChallenges = new Map<string, number>();

  constructor(
    readonly limits: LoginLimits,
    private readonly secret: Buffer,
  ) {}

  private get windowMs() {
    return this.limits.windowMinutes * 60_000;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Failures of this source within the window. */
  failuresOf(source: string, now = Date.now()): number {
    return this.recent(source, now).length;
  }

  fail(source: string, now = Date.now()): void {
    const list = this.recent(source, now);
    list.push(now);
    this.failures.set(source, list);
    if (this.failures.size > 200_000) this.failures.clear();
  }

  needsChallenge(source: string, now = Date.now()): boolean {
    return this.failuresOf(source, now) >= this.limits.challengeAfter;
  }

  /** Minutes until the source may try again, or 0 when it is not blocked. */
  blockedMinutes(source: string, now = Date.now()): number {
    const list = this.recent(source, now);
    if (list.length < this.limits.sourceMax) return 0;
    const oldestCounted = list[list.length - this.limits.sourceMax]!;
    return Math.max(1, Math.ceil((oldestCounted + this.windowMs - now) / 60_000));
  }

  /** True the first time a blocked source is refused in a window (so a flood writes one audit row, not thousands). */
  firstRefusal(source: string, now = Date.now()): boolean {
    const last = this.blockedNoted.get(source);
    if (last && now - last < this.windowMs) return false;
    this.blockedNoted.set(source, now);
    if (this.blockedNoted.size > 100_000) this.blockedNoted.clear();
    return true;
  }

  // ---- the challenge ------------------------------------------------------------------------------------------

  /**
   * A new challenge: the picture (SVG), the spoken question, and a token that carries its expiry and
   * a MAC over the answer — any process of the installation can check it, none needs to remember it
   * until it is used.
   */
  issue(now = Date.now()): { token: string; image: string; question: string; expiresAt: string } {
    const c = arithmeticChallenge(() => crypto.randomInt(0, 1 << 30) / (1 << 30));
    const payload = Buffer.from(JSON.stringify({ e: now + CHALLENGE_TTL_MS, n: crypto.randomBytes(9).toString('base64url') })).toString('base64url');
    const token = `${payload}.${this.mac(payload, c.answer)}`;
    return { token, image: `data:image/svg+xml;base64,${Buffer.from(challengeSvg(c.shown)).toString('base64')}`, question: c.spoken, expiresAt: new Date(now + CHALLENGE_TTL_MS).toISOString() };
  }

  /** Whether the answer solves the challenge of this token; each token is good for one try. */
  solve(token: string, answer: string, now = Date.now()): boolean {
    const [payload, mac] = token.split('.');
    if (!payload || !mac || token.length > 300) return false;
    let body: { e?: unknown; n?: unknown };
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { e?: unknown; n?: unknown };
    } catch {
      return false;
    }
    if (typeof body.e !== 'number' || body.e < now || typeof body.n !== 'string') return false;
    for (const [n, exp] of this.usedChallenges) if (exp < now) this.usedChallenges.delete(n);
    if (this.usedChallenges.has(body.n)) return false;
    this.usedChallenges.set(body.n, body.e);
    const value = parseChallengeAnswer(answer);
    if (value === null) return false;
    const expected = Buffer.from(this.mac(payload, value));
    const given = Buffer.from(mac);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }

  private mac(payload: string, answer: number): string {
    return crypto.createHmac('sha256', this.secret).update(`${payload}|${answer}`).digest('base64url');
  }
}

const CHALLENGE_TTL_MS = 5 * 60_000;

/** Large, high-contrast digits for older eyes, lightly jittered, with a few thin lines across. */
function challengeSvg(text: string): string {
  const r = (lo: number, hi: number) => lo + crypto.randomInt(0, 1000) / 1000 * (hi - lo);
  const chars = [...text];
  const width = 40 + chars.length * 26;
  const glyphs = chars
    .map((ch, i) => {
      if (ch === ' ') return '';
      const x = 22 + i * 26;
      const y = 50 + r(-4, 4);
      const rot = r(-14, 14).toFixed(1);
      return `<text x="${x}" y="${y.toFixed(1)}" transform="rotate(${rot} ${x} ${y.toFixed(1)})">${ch === '?' ? '？' : ch}</text>`;
    })
    .join('');
  const lines = Array.from({ length: 4 }, () => `<line x1="${r(0, width / 3).toFixed(0)}" y1="${r(10, 62).toFixed(0)}" x2="${r((2 * width) / 3, width).toFixed(0)}" y2="${r(10, 62).toFixed(0)}" stroke="#7a8aa6" stroke-width="1.2"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="72" viewBox="0 0 ${width} 72"><rect width="100%" height="100%" fill="#fffbe6"/>${lines}<g font-family="DejaVu Sans, Arial, sans-serif" font-size="40" font-weight="700" fill="#1f1f1f" text-anchor="middle">${glyphs}</g></svg>`;
}

const throttles = new WeakMap<object, LoginThrottle>();

/** The throttle of one app configuration (each built app gets its own; tests build several). */
export function loginThrottleFor(key: object, limits: LoginLimits, secret: () => Buffer): LoginThrottle {
  let t = throttles.get(key);
  if (!t) {
    t = new LoginThrottle(limits, secret());
    throttles.set(key, t);
  }
  return t;
}
