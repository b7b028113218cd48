// 统一社会信用代码, GB 32100-2015: 18 characters from 0-9 and the capitals without I, O, Z, S, V.
//  1     registration authority (1 机构编制, 5 民政, 9 工商 …, Y 其他)
//  2     kind of organisation within that authority
//  3–8   the registering authority's administrative division code (digits)
//  9–17  the organisation code (GB 11714)
//  18    check character: weighted sum of 1–17 modulo 31

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a code, or null when one of them is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return CHARSET[c]!;
}

export type CreditCodeProblem = 'length' | 'charset' | 'division' | 'check';

/** Why a unified social credit code is not valid (null when it is). Lower case is accepted and read as upper. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return 'length';
  for (const ch of c) if (!CHARSET.includes(ch)) return 'charset';
  if (!/^\d{6}$/.test(c.slice(2, 8))) return 'division';
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? null : 'check';
}

export const isValidCreditCode = (code: string) => creditCodeProblem(code) === null;

export const CREDIT_CODE_PROBLEMS: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  charset: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
  division: '统一社会信用代码第 3–8 位应为行政区划代码',
  check: '统一社会信用代码校验位不正确',
};
