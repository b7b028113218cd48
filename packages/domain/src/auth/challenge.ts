// The login challenge (验证) asked after failed logins: a sum of two small numbers that an elder
// can work out, shown as a picture and as a sentence that a screen reader (or the page's read-aloud
// button) speaks, per the MIIT 互联网网站适老化通用设计规范 (every picture check needs a text or audio
// alternative).

const DIGITS = '零一二三四五六七八九';

/** 0–99 in Chinese numerals as spoken: 7 → 七, 10 → 十, 15 → 十五, 40 → 四十, 23 → 二十三. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`${n} is outside 0–99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export interface ArithmeticChallenge {
  a: number;
  b: number;
  op: '+' | '-';
  answer: number;
  /** What the picture shows: `7 + 5 = ?`. */
  shown: string;
  /** The same question as a sentence for screen readers and speech: `七加五等于几？`. */
  spoken: string;
}

/** A challenge from a source of random numbers in [0, 1): sums up to 18, differences never negative. */
export function arithmeticChallenge(random: () => number): ArithmeticChallenge {
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const op = random() < 0.5 ? '+' : '-';
  let a = pick(2, 9);
  let b = pick(1, 9);
  if (op === '-' && b > a) [a, b] = [b, a];
  const answer = op === '+' ? a + b : a - b;
  return { a, b, op, answer, shown: `${a} ${op} ${b} = ?`, spoken: `${chineseNumber(a)}${op === '+' ? '加' : '减'}${chineseNumber(b)}等于几？` };
}

/**
 * Reads an answer as people type it: ASCII or full-width digits, or Chinese numerals, with spaces
 * around. Null when it is no number.
 */
export function parseChallengeAnswer(input: string): number | null {
  const s = input.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d{1,3}$/.test(s)) return Number(s);
  for (let n = 0; n <= 99; n++) if (chineseNumber(n) === s || (n >= 10 && n < 20 && `一${chineseNumber(n)}` === s)) return n;
  if (s === '两') return 2;
  return null;
}
