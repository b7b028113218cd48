import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal numbers at rest (GB/T 39786): SM4-CBC ciphertext with an HMAC-SM3 tag
 * (encrypt-then-MAC), and a keyed SM3 hash for exact look-ups. Keys are derived from one
 * 256-bit master key by HMAC-SM3 with distinct labels.
 */
export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly lookupKey: Buffer;
  /** Key of the tamper-evident chains (HMAC-SM3 of each link); see lib/chain.ts. */
  readonly chainKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length < 32) throw new Error('master key must be at least 32 bytes');
    const derive = (label: string) => crypto.createHmac('sm3', masterKey).update(label).digest();
    this.encKey = derive('gongzhi/pii/sm4').subarray(0, 16);
    this.macKey = derive('gongzhi/pii/mac');
    this.lookupKey = derive('gongzhi/pii/lookup');
    this.chainKey = derive('gongzhi/chain/link');
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('sm4-cbc', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = crypto.createHmac('sm3', this.macKey).update(iv).update(body).digest();
    return `v1.${Buffer.concat([iv, body, tag]).toString('base64url')}`;
  }

  decrypt(token: string): string {
    if (!token.startsWith('v1.')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(token.slice(3), 'base64url');
    const iv = raw.subarray(0, 16);
    const tag = raw.subarray(raw.length - 32);
    const body = raw.subarray(16, raw.length - 32);
    const expected = crypto.createHmac('sm3', this.macKey).update(iv).update(body).digest();
    if (tag.length !== 32 || !crypto.timingSafeEqual(tag, expected)) throw new Error('ciphertext integrity check failed');
    const decipher = crypto.createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  /** Keyed SM3 hash of a normalised value, for equality look-ups without decrypting. */
  lookupHash(value: string): string {
    return crypto.createHmac('sm3', this.lookupKey).update(value.trim().toUpperCase()).digest('hex');
  }
}

/**
 * The master key comes from GONGZHI_MASTER_KEY (64 hex chars) in production. For the embedded
 * demo a key file is generated once in DATA_DIR and reused, so nothing secret is in the repository.
 */
export function loadMasterKey(hexFromEnv: string | undefined, dataDir: string): Buffer {
  if (hexFromEnv) {
    if (!/^[0-9a-fA-F]{64,}$/.test(hexFromEnv)) throw new Error('GONGZHI_MASTER_KEY must be at least 64 hex characters');
    return Buffer.from(hexFromEnv, 'hex');
  }
  // An in-memory database (tests) gets an in-memory key.
  if (dataDir.startsWith('memory://')) return crypto.randomBytes(32);
  const file = path.join(dataDir, 'master.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}
