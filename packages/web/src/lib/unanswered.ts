// A report whose answer never came (the network dropped, the phone moved from Wi-Fi to 4G, the
// server restarted) may or may not have been stored. Its Idempotency-Key and body are kept in
// localStorage and resent with that same key until the server answers — also after a reload —
// and the server answers a repeated key with the first result, so a resend never makes a second
// case. One mechanism for every phone form that creates something (QR report, patrol report,
// door-knocking marks — several kept at once, one slot per household, made offline too).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { newIdempotencyKey } from '../api/cases.ts';

interface Kept<B> {
  key: string;
  body: B;
  at: number;
}

const PREFIX = 'gz.unanswered.';
/** Seconds between automatic resends: soon at first, then every minute. */
const BACKOFF = [2, 5, 10, 20, 30, 60];

function read<B>(slot: string): Kept<B> | null {
  try {
    const v = JSON.parse(localStorage.getItem(PREFIX + slot) ?? 'null') as Kept<B> | null;
    return v && typeof v.key === 'string' && v.body !== undefined ? v : null;
  } catch {
    return null;
  }
}

function write<B>(slot: string, kept: Kept<B>) {
  try {
    localStorage.setItem(PREFIX + slot, JSON.stringify(kept));
  } catch {
    // storage disabled or full: the resend still works while the page stays open
  }
}

function forget(slot: string) {
  try {
    localStorage.removeItem(PREFIX + slot);
  } catch {
    // nothing kept
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps a body in its slot without sending it yet (a mark made offline, 敲门行动): a `useKeptSubmit` of
 * that slot sends it under its key when it mounts and keeps resending until answered. The same body
 * keeps its key; another body replaces it under a new one.
 */
export function keep<B>(slot: string, body: B): void {
  const prior = read<B>(slot);
  if (prior && same(prior.body, body)) return;
  write(slot, { key: newIdempotencyKey(), body, at: Date.now() });
}

/** The slots under `prefix` that hold an unanswered body, oldest first (after a reload too). */
export function keptSlots<B>(prefix: string): { slot: string; body: B }[] {
  const out: { slot: string; body: B; at: number }[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k?.startsWith(PREFIX + prefix)) continue;
      const slot = k.slice(PREFIX.length);
      const kept = read<B>(slot);
      if (kept) out.push({ slot, body: kept.body, at: kept.at });
    }
  } catch {
    // storage disabled: nothing kept
  }
  return out.sort((a, b) => a.at - b.at).map(({ slot, body }) => ({ slot, body }));
}

/**
 * No answer, or an answer that says "not now": the request may have been stored (or not), so it
 * is resent with its key. A definite refusal (400, 403, 422 …) is an answer: it is not resent.
 */
export function isUnanswered(e: unknown): boolean {
  if (!(e instanceof ApiError)) return !(e instanceof DOMException && e.name === 'AbortError');
  return e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500 || e.code === 'idempotency_in_progress';
}

/**
 * Sends a form's body under a key kept in the slot until answered. A resend of the same body reuses
 * the kept key; an edited body replaces the kept report with itself under a new key.
 */
export function useKeptSubmit<B, R>(slot: string, send: (body: B, key: string) => Promise<R>, onAnswered: (r: R) => void) {
  const [pending, setPending] = useState(() => read<B>(slot) !== null);
  const [resending, setResending] = useState(false);
  const attempt = useRef(0);
  const latest = useRef({ send, onAnswered });
  useEffect(() => {
    latest.current = { send, onAnswered };
  });

  const run = useCallback(
    async (kept: Kept<B>): Promise<R> => {
      try {
        const r = await latest.current.send(kept.body, kept.key);
        if (read<B>(slot)?.key === kept.key) forget(slot);
        attempt.current = 0;
        setPending(false);
        return r;
      } catch (e) {
        if (isUnanswered(e)) {
          attempt.current++;
          setPending(true);
        } else if (read<B>(slot)?.key === kept.key) {
          forget(slot);
          setPending(false);
        }
        throw e;
      }
    },
    [slot],
  );

  const submit = useCallback(
    (body: B): Promise<R> => {
      const prior = read<B>(slot);
      const kept = prior && same(prior.body, body) ? prior : { key: newIdempotencyKey(), body, at: Date.now() };
      write(slot, kept);
      return run(kept);
    },
    [slot, run],
  );

  /** Resends the kept report now; its answer goes to onAnswered. */
  const resend = useCallback(async () => {
    const kept = read<B>(slot);
    if (!kept) return setPending(false);
    setResending(true);
    try {
      latest.current.onAnswered(await run(kept));
    } catch {
      // still unanswered (run counted the attempt) or refused (run forgot it)
    } finally {
      setResending(false);
    }
  }, [slot, run]);

  // While a report is unanswered: resend it with backoff, and at once when the network is back.
  useEffect(() => {
    if (!pending || resending) return;
    const delay = attempt.current === 0 ? 0 : BACKOFF[Math.min(attempt.current - 1, BACKOFF.length - 1)]! * 1000;
    const timer = window.setTimeout(() => void resend(), delay);
    const online = () => void resend();
    window.addEventListener('online', online);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [pending, resending, resend]);

  return { submit, pending, resending, resend };
}
