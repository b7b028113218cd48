// The short redemption code (兑换短码) a resident reads out or shows and the merchant types at the
// till: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V, 2/Z, 5/S), unique
// among open redemptions. Typed input is forgiving: case, spaces and dashes do not matter.

export const SHORT_CODE_ALPHABET = '346789ABCDEFGHJKMNPQRTWXY';
export const SHORT_CODE_LENGTH = 8;

/** A code from random bytes (at least SHORT_CODE_LENGTH of them); the modulo bias of 256 % 25 is negligible here. */
export function shortCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < SHORT_CODE_LENGTH) throw new Error('not enough random bytes');
  let out = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) out += SHORT_CODE_ALPHABET[bytes[i]! % SHORT_CODE_ALPHABET.length];
  return out;
}

/** What was typed, as a code: upper case, without spaces and dashes; null when it cannot be one. */
export function normaliseShortCode(input: string): string | null {
  const s = input.replace(/[\s-]/g, '').toUpperCase();
  if (s.length !== SHORT_CODE_LENGTH) return null;
  for (const ch of s) if (!SHORT_CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** For display: ABCD-EFGH. */
export const formatShortCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
