import { startTransition, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  data?: T;
  error?: Error;
}

/**
 * Loads `fetcher` whenever `deps` change (pass `null` to load nothing). A newer request supersedes an
 * older one, so a slow answer for a previous selection never overwrites the current one; the last
 * data stays on screen while the next loads.
 *
 * `initial`: an answer the page arrived with (api/preload.ts) for the first `deps`: the first render shows it and
 * the first load is skipped; a later change of `deps`, or `reload`, loads as usual.
 */
export function useApi<T>(fetcher: ((signal: AbortSignal) => Promise<T>) | null, deps: readonly unknown[], initial?: T): ApiState<T> {
  const [tick, setTick] = useState(0);
  const enabled = fetcher !== null;
  const key = JSON.stringify([enabled, ...deps, tick]);
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(() => (initial !== undefined && enabled ? { key, data: initial } : undefined));
  const [last, setLast] = useState<T | undefined>(() => (enabled ? initial : undefined));
  // The key whose load `initial` stands for, until the key first changes.
  const skip = useRef(loaded?.key ?? null);
  const fetcherRef = useRef(fetcher);
  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });

  // Sent as the component commits (a layout effect), not after: a page's requests then go out before its charts and
  // widgets set themselves up in their effects, and before the browser paints.
  useLayoutEffect(() => {
    const f = fetcherRef.current;
    if (!f) return;
    if (skip.current === key) return;
    skip.current = null;
    const ctrl = new AbortController();
    f(ctrl.signal).then(
      // An answer renders as a transition: a long table renders in slices, the browser answering between them.
      (data) => {
        if (ctrl.signal.aborted) return;
        startTransition(() => {
          setLoaded({ key, data });
          setLast(data);
        });
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        startTransition(() => setLoaded({ key, error: e instanceof Error ? e : new Error(String(e)) }));
      },
    );
    return () => ctrl.abort();
  }, [key]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = loaded?.key === key ? loaded : undefined;
  return {
    data: current ? current.data : last,
    error: current?.error,
    loading: enabled && !current,
    reload,
  };
}
