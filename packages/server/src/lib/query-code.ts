import crypto from 'node:crypto';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 6;

/**
 * The reporter's query code of a case: six characters derived from the case's id with a keyed hash
 * (31^6 ≈ 8.9 × 10^8 values). Nothing about it is stored, so neither a database copy nor the case
 * code (sequential, printed on paper) tells it; only the holder of the master key can recompute it.
 */
export function queryCodeOf(key: Buffer, caseId: string): string {
  const digest = crypto.createHmac('sha256', key).update(`case-query-code.${caseId}`).digest();
  let out = '';
  // Rejection sampling keeps every character equally likely (248 = 8 × 31).
  for (const byte of digest) {
    if (byte >= 248) continue;
    out += QUERY_CODE_ALPHABET[byte % 31];
    if (out.length === QUERY_CODE_LENGTH) break;
  }
  return out.padEnd(QUERY_CODE_LENGTH, QUERY_CODE_ALPHABET[0]);
}

/** What a person types: spaces and dashes dropped, lower case raised. */
export function normaliseQueryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function sameQueryCode(key: Buffer, caseId: string, given: string): boolean {
  const expected = Buffer.from(queryCodeOf(key, caseId));
  const got = Buffer.from(normaliseQueryCode(given));
  return got.length === expected.length && crypto.timingSafeEqual(got, expected);
}
