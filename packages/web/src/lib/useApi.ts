import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
 */
export function useApi<T>(fetcher: ((signal: AbortSignal) => Promise<T>) | null, deps: readonly unknown[]): ApiState<T> {
  const [tick, setTick] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>();
  const [last, setLast] = useState<T>();
  const fetcherRef = useRef(fetcher);
  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });
  const enabled = fetcher !== null;
  const key = JSON.stringify([enabled, ...deps, tick]);

  useEffect(() => {
    const f = fetcherRef.current;
    if (!f) return;
    const ctrl = new AbortController();
    f(ctrl.signal).then(
      (data) => {
        if (ctrl.signal.aborted) return;
        setLoaded({ key, data });
        setLast(data);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setLoaded({ key, error: e instanceof Error ? e : new Error(String(e)) });
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
