// The phone's own database (IndexedDB, through `idb`): the 待发送 queue of writes made without a
// connection, and the last copy of the few lists a field worker needs to fill a form offline.
// docs/OFFLINE.md describes both.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ApiError, get, withQuery, type Query } from '../api/client.ts';

export type OutboxKind = 'report' | 'patrol' | 'visit' | 'mark' | 'verify' | 'evac' | 'checkin' | 'ack';
/**
 * pending: waiting to be sent (now or after its backoff); sending: on its way; sent: the server has it;
 * failed: the server refused it (its Chinese message is kept); conflict: the record moved on meanwhile (409).
 */
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'conflict';

export interface OutboxPhoto {
  name: string;
  type: string;
  data: ArrayBuffer;
  /** Photos of a matter settled on the spot go to `onSpot.attachments`; the others to `attachments`. */
  onSpot?: boolean;
}

export interface OutboxItem {
  /** Also the request's Idempotency-Key: a resend is answered with the first result, never a second record. */
  id: string;
  kind: OutboxKind;
  /** The API path written to (always POST). */
  path: string;
  body: Record<string, unknown>;
  /** Photos taken without a connection, uploaded before the write; their file ids join `attachments`. */
  photos: OutboxPhoto[];
  /** Ids of the photos uploaded so far (a retry does not upload them again). */
  uploaded: string[];
  /** What the worker sees in the list (the report's title, the household's address…). */
  title: string;
  /** At most one unsent item per slot (a household's door-knock mark): a newer one replaces it. */
  slot?: string;
  /** The account that made it (null: a resident without an account); sent only under that account. */
  owner: string | null;
  state: OutboxState;
  attempts: number;
  nextAt: number;
  createdAt: number;
  sentAt?: number;
  /** The server's message for a refusal or a conflict, or why it waits. */
  message?: string;
  code?: string;
  /** What the server answered (a case code and query code, a visit's id). */
  result?: { id?: string; code?: string; queryCode?: string };
}

export interface CopyRow {
  key: string;
  at: number;
  data: unknown;
}

interface GzDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { createdAt: number } };
  copies: { key: string; value: CopyRow };
}

/** The phone app's pages (/m…), the only ones that work offline. */
export const onPhone = () => window.location.pathname === '/m' || window.location.pathname.startsWith('/m/');

let dbp: Promise<IDBPDatabase<GzDb>> | null = null;

export function offlineDb(): Promise<IDBPDatabase<GzDb>> {
  dbp ??= openDB<GzDb>('gongzhi', 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('createdAt', 'createdAt');
      db.createObjectStore('copies', { keyPath: 'key' });
    },
  }).catch((e: unknown) => {
    dbp = null;
    throw e;
  });
  return dbp;
}

// ---- last copies of lists (read only when the network is down) ------------------------------------

/** Keeps the last answer of a read the phone needs offline. */
export async function saveCopy(key: string, data: unknown): Promise<void> {
  try {
    await (await offlineDb()).put('copies', { key, at: Date.now(), data });
  } catch {
    // no IndexedDB (private mode): the page simply needs the network
  }
}

export async function readCopy<T>(key: string): Promise<{ at: number; data: T } | null> {
  try {
    const row = await (await offlineDb()).get('copies', key);
    return row ? { at: row.at, data: row.data as T } : null;
  } catch {
    return null;
  }
}

/** Signing out (or a session that ended) forgets every copy: the next person on this phone sees none of it. */
export async function clearCopies(): Promise<void> {
  try {
    await (await offlineDb()).clear('copies');
  } catch {
    // nothing kept
  }
}

/**
 * A read that falls back to its last copy when the phone has no connection (never when the server
 * answered): the lists a form offline needs (my households, the catalogue, the campaign's worklist).
 */
export async function getOrCopy<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const key = withQuery(path, query);
  try {
    const data = await get<T>(path, query, signal);
    // Copies are for the phone app; the console keeps none.
    if (onPhone()) void saveCopy(key, data);
    return data;
  } catch (e) {
    if (e instanceof ApiError && e.status === 0) {
      const copy = await readCopy<T>(key);
      if (copy) return copy.data;
    }
    throw e;
  }
}
