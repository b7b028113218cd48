// 待发送: one queue for every write a field worker or resident makes on the phone — reports with photos,
// patrol check-ins, household visits, door-knock marks, on-site verification. Each item is stored in
// IndexedDB before it is sent, under its own Idempotency-Key, and sent again with that key until the
// server answers; the server answers a repeated key with the first result, so nothing arrives twice and
// nothing is lost on a reload, an app restart or a failed send. docs/OFFLINE.md describes the states.
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { newIdempotencyKey, resetUploadToken, uploadFile } from '../api/cases.ts';
import { offlineDb, type OutboxItem, type OutboxKind, type OutboxPhoto } from './offlineDb.ts';
import { whenLoaded } from './loaded.ts';

export type { OutboxItem, OutboxKind, OutboxState } from './offlineDb.ts';

/** Seconds between automatic resends of one item: soon at first, then every two minutes. */
const BACKOFF = [2, 5, 10, 30, 60, 120];
/** Sent items stay listed this long, so the worker sees them go through. */
const KEEP_SENT_MS = 3 * 86400_000;
const MAX_SENT = 50;

export interface NewItem {
  kind: OutboxKind;
  path: string;
  body: Record<string, unknown>;
  title: string;
  photos?: File[];
  /** Photos of the matter settled on the spot (巡查上报). */
  spotPhotos?: File[];
  slot?: string;
}

/**
 * No answer, or an answer that says "not now": the write may or may not have been stored, so it is
 * sent again with its key. A definite answer (201, 400, 403, 409, 422 …) ends the attempts.
 */
export function isUnanswered(e: unknown): boolean {
  if (!(e instanceof ApiError)) return !(e instanceof DOMException && e.name === 'AbortError');
  return e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500 || e.code === 'idempotency_in_progress';
}

// ---- who is signed in (items are sent only under the account that made them) -------------------------

let currentUser: string | null | undefined;

export function setOutboxUser(id: string | null) {
  const changed = currentUser !== id;
  currentUser = id;
  if (changed) void flush();
}

// ---- change notices -----------------------------------------------------------------------------------

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((fn) => fn());

type SentHandler = (item: OutboxItem, answer: unknown) => void;
const sentHandlers = new Map<OutboxKind, SentHandler>();
/** Something to do with the server's answer once an item is sent (remember a report's query code). */
export function onSent(kind: OutboxKind, fn: SentHandler) {
  sentHandlers.set(kind, fn);
}

// ---- storage ------------------------------------------------------------------------------------------

export async function listOutbox(): Promise<OutboxItem[]> {
  try {
    const db = await offlineDb();
    return (await db.getAllFromIndex('outbox', 'createdAt')).reverse();
  } catch {
    return [];
  }
}

async function put(item: OutboxItem) {
  await (await offlineDb()).put('outbox', item);
  changed();
}

async function get(id: string) {
  return (await offlineDb()).get('outbox', id);
}

async function photosOf(files: File[], onSpot = false): Promise<OutboxPhoto[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name || 'photo.jpg', type: f.type || 'image/jpeg', data: await f.arrayBuffer(), ...(onSpot ? { onSpot } : {}) })));
}

/** Stores a write in the queue (replacing an unsent one of the same slot) and starts sending. */
export async function enqueue(n: NewItem): Promise<OutboxItem> {
  const db = await offlineDb();
  if (n.slot) {
    for (const prior of await db.getAll('outbox')) {
      if (prior.slot === n.slot && (prior.state === 'pending' || prior.state === 'failed')) await db.delete('outbox', prior.id);
    }
  }
  const now = Date.now();
  const item: OutboxItem = {
    id: newIdempotencyKey(),
    kind: n.kind,
    path: n.path,
    body: n.body,
    photos: [...(await photosOf(n.photos ?? [])), ...(await photosOf(n.spotPhotos ?? [], true))],
    uploaded: [],
    title: n.title,
    ...(n.slot ? { slot: n.slot } : {}),
    owner: currentUser ?? null,
    state: 'pending',
    attempts: 0,
    nextAt: now,
    createdAt: now,
  };
  await put(item);
  return item;
}

export type SubmitOutcome<R> = { sent: true; answer: R; item: OutboxItem } | { sent: false; item: OutboxItem };

/**
 * A form's submit: the write is queued first, then sent at once. Answered → `sent`; refused → the item is
 * dropped and the error thrown (the form is still on screen to correct it); no answer → it stays queued
 * and goes out by itself when the connection returns.
 */
export async function submit<R>(n: NewItem): Promise<SubmitOutcome<R>> {
  const item = await enqueue(n);
  const outcome = await sendOne(item.id, true);
  const now = (await get(item.id)) ?? item;
  if (outcome.kind === 'sent') return { sent: true, answer: outcome.answer as R, item: now };
  if (outcome.kind === 'refused') {
    await discard(item.id);
    throw outcome.error;
  }
  return { sent: false, item: now };
}

export async function discard(id: string) {
  await (await offlineDb()).delete('outbox', id);
  changed();
}

/** Sends a failed or waiting item again now. */
export async function retry(id: string) {
  const item = await get(id);
  if (!item || item.state === 'sent' || item.state === 'sending') return;
  await put({ ...item, state: 'pending', nextAt: Date.now(), message: undefined, code: undefined });
  void flush();
}

// ---- sending ------------------------------------------------------------------------------------------

type Outcome = { kind: 'sent'; answer: unknown } | { kind: 'refused'; error: ApiError } | { kind: 'later' };

async function deliver(item: OutboxItem): Promise<unknown> {
  if (item.photos.length > item.uploaded.length) {
    // A resident's report uploads under a token of its own (30 minutes, 9 files); a worker's under the session.
    resetUploadToken();
    for (let i = item.uploaded.length; i < item.photos.length; i++) {
      const p = item.photos[i]!;
      const f = await uploadFile(new File([p.data], p.name, { type: p.type }));
      item.uploaded = [...item.uploaded, f.id];
      await put(item);
    }
  }
  let body = item.body;
  if (item.uploaded.length) {
    const ids = (spot: boolean) => item.uploaded.filter((_, i) => Boolean(item.photos[i]?.onSpot) === spot);
    const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
    const main = ids(false);
    const spot = ids(true);
    body = { ...body, ...(main.length ? { attachments: [...list(body.attachments), ...main] } : {}) };
    const onSpot = body.onSpot as Record<string, unknown> | undefined;
    if (spot.length && onSpot) body = { ...body, onSpot: { ...onSpot, attachments: [...list(onSpot.attachments), ...spot] } };
  }
  return api<unknown>(item.path, { method: 'POST', body, headers: { 'Idempotency-Key': item.id } });
}

function resultOf(answer: unknown): OutboxItem['result'] {
  if (!answer || typeof answer !== 'object') return {};
  const a = answer as { id?: unknown; code?: unknown; queryCode?: unknown };
  return {
    ...(typeof a.id === 'string' ? { id: a.id } : {}),
    ...(typeof a.code === 'string' ? { code: a.code } : {}),
    ...(typeof a.queryCode === 'string' ? { queryCode: a.queryCode } : {}),
  };
}

async function sendOne(id: string, fromForm = false): Promise<Outcome> {
  const item = await get(id);
  if (!item || item.state === 'sent' || item.state === 'sending') return { kind: 'later' };
  if (item.owner !== null && currentUser !== undefined && item.owner !== currentUser) return { kind: 'later' };
  const sending: OutboxItem = { ...item, state: 'sending' };
  await put(sending);
  try {
    const answer = await deliver(sending);
    const sent: OutboxItem = { ...sending, state: 'sent', sentAt: Date.now(), result: resultOf(answer), message: undefined, code: undefined, photos: [] };
    await put(sent);
    sentHandlers.get(item.kind)?.(sent, answer);
    return { kind: 'sent', answer };
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
    const latest = (await get(id)) ?? sending;
    if (isUnanswered(err) || err.status === 401) {
      const attempts = latest.attempts + 1;
      const wait = BACKOFF[Math.min(attempts - 1, BACKOFF.length - 1)]! * 1000;
      await put({ ...latest, state: 'pending', attempts, nextAt: Date.now() + (err.status === 401 ? 60_000 : wait), message: err.message, code: err.code });
      return { kind: 'later' };
    }
    if (fromForm && latest.attempts === 0) return { kind: 'refused', error: err };
    // Sent later, in the background: a refusal stays listed with the server's words until discarded.
    await put({ ...latest, state: err.status === 409 ? 'conflict' : 'failed', attempts: latest.attempts + 1, message: err.message, code: err.code });
    return { kind: 'refused', error: err };
  }
}

let running: Promise<void> | null = null;

/** Sends every item that is due, oldest first, one at a time. */
export function flush(): Promise<void> {
  running ??= (async () => {
    try {
      const run = async () => {
        const now = Date.now();
        const due = (await listOutbox()).filter((i) => i.state === 'pending' && i.nextAt <= now).reverse();
        for (const i of due) {
          if (!navigator.onLine) break;
          await sendOne(i.id);
        }
      };
      // One tab sends at a time where the browser can tell the tabs apart.
      if (navigator.locks) await navigator.locks.request('gz-outbox', run);
      else await run();
    } catch {
      // IndexedDB unavailable: nothing is queued
    } finally {
      running = null;
    }
  })();
  return running;
}

let started = false;

/**
 * Starts the background sending (once per page): once the page has loaded, when the connection returns, and every few
 * seconds. The first pass (tidying the queue, then sending) waits for the page's load: opening IndexedDB as the phone
 * app's modules were evaluated was ~25 ms of that task under a 4× slower CPU (docs/PERFORMANCE.md). Nothing waits for
 * it: `submit` opens the database itself, and an item it is sending when the first pass resets `sending` items goes
 * again under the same key, which the server answers once.
 */
export function startOutbox() {
  if (started) return;
  started = true;
  whenLoaded(() => void (async () => {
    try {
      const db = await offlineDb();
      const now = Date.now();
      for (const i of await db.getAll('outbox')) {
        // Interrupted mid-send by a reload: its key makes sending it again safe.
        if (i.state === 'sending') await db.put('outbox', { ...i, state: 'pending', nextAt: now });
        if (i.state === 'sent' && now - (i.sentAt ?? 0) > KEEP_SENT_MS) await db.delete('outbox', i.id);
      }
      const sent = (await listOutbox()).filter((i) => i.state === 'sent');
      for (const old of sent.slice(MAX_SENT)) await db.delete('outbox', old.id);
      await importLegacy();
      changed();
    } catch {
      // no IndexedDB
    }
    void flush();
  })());
  window.addEventListener('online', () => {
    void (async () => {
      // Back online: everything waiting goes now, without its backoff.
      for (const i of await listOutbox()) if (i.state === 'pending' && i.nextAt > Date.now()) await put({ ...i, nextAt: Date.now() });
      void flush();
    })();
  });
  window.setInterval(() => void flush(), 4000);
}

/** Reports and marks kept by the earlier localStorage resend (before this queue) join the queue once. */
async function importLegacy() {
  const PREFIX = 'gz.unanswered.';
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k);
    }
  } catch {
    return;
  }
  const db = await offlineDb();
  for (const k of keys) {
    try {
      const kept = JSON.parse(localStorage.getItem(k) ?? 'null') as { key: string; body: Record<string, unknown>; at: number } | null;
      const slot = k.slice(PREFIX.length);
      const knock = /^knock\.([0-9a-f-]{36})\./.exec(slot);
      const path = slot === 'report' || slot === 'patrol' ? '/api/cases' : knock ? `/api/campaigns/${knock[1]}/visits` : null;
      if (kept && path && !(await db.get('outbox', kept.key))) {
        await db.put('outbox', {
          id: kept.key,
          kind: knock ? 'mark' : 'report',
          path,
          body: kept.body,
          photos: [],
          uploaded: [],
          title: typeof kept.body.title === 'string' ? kept.body.title : '',
          ...(knock ? { slot } : {}),
          owner: null,
          state: 'pending',
          attempts: 0,
          nextAt: Date.now(),
          createdAt: kept.at || Date.now(),
        });
      }
      localStorage.removeItem(k);
    } catch {
      // unreadable: left alone
    }
  }
}

/** The queue, live: every change (a new item, a send, a refusal) re-renders. */
export function useOutbox(): { items: OutboxItem[]; waiting: number; loaded: boolean } {
  const [state, setState] = useState<{ items: OutboxItem[]; loaded: boolean }>({ items: [], loaded: false });
  useEffect(() => {
    let alive = true;
    const load = () =>
      void listOutbox().then((items) => {
        if (alive) setState({ items, loaded: true });
      });
    load();
    listeners.add(load);
    return () => {
      alive = false;
      listeners.delete(load);
    };
  }, []);
  return { ...state, waiting: state.items.filter((i) => i.state !== 'sent').length };
}
