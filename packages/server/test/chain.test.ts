import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS, headsDigests, linkHash, sameHex } from '../src/lib/chain.ts';
import { PiiCipher } from '../src/lib/pii-cipher.ts';

const key = Buffer.alloc(32, 7);

describe('chain links (HMAC-SM3)', () => {
  it('is the keyed SM3 of table, chain, place, previous hash and content', () => {
    const h = linkHash(key, 'audit_log', 'audit', 1, GENESIS, '[1,"x"]');
    expect(h).toBe(crypto.createHmac('sm3', key).update('audit_log\naudit\n1\n\n[1,"x"]').digest('hex'));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every input, so a changed, moved or reordered row breaks its link', () => {
    const base = linkHash(key, 'case_events', 'c1', 2, 'a'.repeat(64), '[5]');
    expect(linkHash(key, 'case_events', 'c1', 2, 'a'.repeat(64), '[6]')).not.toBe(base);
    expect(linkHash(key, 'case_events', 'c2', 2, 'a'.repeat(64), '[5]')).not.toBe(base);
    expect(linkHash(key, 'case_events', 'c1', 3, 'a'.repeat(64), '[5]')).not.toBe(base);
    expect(linkHash(key, 'case_events', 'c1', 2, 'b'.repeat(64), '[5]')).not.toBe(base);
    expect(linkHash(key, 'points_transfers', 'c1', 2, 'a'.repeat(64), '[5]')).not.toBe(base);
    expect(linkHash(Buffer.alloc(32, 8), 'case_events', 'c1', 2, 'a'.repeat(64), '[5]')).not.toBe(base);
  });

  it('uses a key of its own, derived from the master key like the PII keys', () => {
    const master = Buffer.alloc(32, 1);
    const cipher = new PiiCipher(master);
    expect(cipher.chainKey.equals(crypto.createHmac('sm3', master).update('gongzhi/chain/link').digest())).toBe(true);
    expect(cipher.chainKey.equals(new PiiCipher(Buffer.alloc(32, 2)).chainKey)).toBe(false);
  });

  it('digests a heads file with plain SM3 and a keyed SM3', () => {
    const d = headsDigests(key, '{"a":1}');
    expect(d.sm3).toBe(crypto.createHash('sm3').update('{"a":1}').digest('hex'));
    expect(d.mac).not.toBe(d.sm3);
    expect(headsDigests(key, '{"a":2}').mac).not.toBe(d.mac);
    expect(sameHex(d.sm3, d.sm3)).toBe(true);
    expect(sameHex(d.sm3, d.mac)).toBe(false);
    expect(sameHex(d.sm3, 'short')).toBe(false);
  });
});
