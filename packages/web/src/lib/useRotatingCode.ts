import { useEffect } from 'react';
import { useNow } from './cases.ts';
import { useApi, type ApiState } from './useApi.ts';

/**
 * A code the server replaces at `refreshAt` (the check-in QR shown at an activity's or a meeting's venue): fetched
 * again when its window ends, so a photo of it stops working, with the seconds left in the window.
 */
export function useRotatingCode<T extends { refreshAt: string }>(fetcher: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): { code: ApiState<T>; left: number | null } {
  const code = useApi(fetcher, deps);
  const now = useNow(1000);
  const refreshAt = code.data ? Date.parse(code.data.refreshAt) : null;
  const { reload } = code;
  useEffect(() => {
    if (refreshAt !== null && now >= refreshAt) reload();
  }, [now, refreshAt, reload]);
  return { code, left: refreshAt ? Math.max(0, Math.ceil((refreshAt - now) / 1000)) : null };
}
