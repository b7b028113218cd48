import crypto from 'node:crypto';

/**
 * Tamper-evident history: every row of a chained table is a link whose hash is the keyed SM3
 * (HMAC-SM3) of the table, its chain, its place in the chain, the previous link's hash and the
 * row's canonical content. Changing, removing or reordering a row breaks every later link, and
 * without the key nobody can compute a link that verifies.
 */
export const GENESIS = '';

export function linkHash(key: Buffer, tbl: string, chain: string, seq: number, prev: string, canonical: string): string {
  return crypto.createHmac('sm3', key).update(`${tbl}\n${chain}\n${seq}\n${prev}\n`).update(canonical, 'utf8').digest('hex');
}

/** A heads file's own digests: plain SM3 (anyone can check the copy is whole) and HMAC-SM3 (made with the key). */
export function headsDigests(key: Buffer, body: string): { sm3: string; mac: string } {
  return {
    sm3: crypto.createHash('sm3').update(body, 'utf8').digest('hex'),
    mac: crypto.createHmac('sm3', headsKey(key)).update(body, 'utf8').digest('hex'),
  };
}

const headsKey = (key: Buffer) => crypto.createHmac('sm3', key).update('gongzhi/chain/heads').digest();

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
