import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { PiiCipher } from '../lib/pii-cipher.ts';

/** What every service needs: the database, the PII cipher and the configuration. */
export interface AppContext {
  database: Database;
  db: Db;
  cipher: PiiCipher;
  config: Config;
}
