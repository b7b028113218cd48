import { useCallback, useRef, useState } from 'react';
import { get } from '../api/client.ts';
import type { AreaChildren, AreaSummary } from '../api/types.ts';

/**
 * Lazily loaded children of the area tree, shared by the tree and the area pickers.
 * `children[code]` is undefined until loaded; loading a code twice reuses the first request.
 */
export function useAreaTree() {
  const [children, setChildren] = useState<Record<string, AreaSummary[]>>({});
  const pending = useRef(new Map<string, Promise<AreaSummary[]>>());

  const ensureChildren = useCallback((code: string): Promise<AreaSummary[]> => {
    let p = pending.current.get(code);
    if (!p) {
      p = get<AreaChildren>(`/api/areas/${code}/children`).then((r) => {
        setChildren((prev) => ({ ...prev, [code]: r.items }));
        return r.items;
      });
      p.catch(() => pending.current.delete(code));
      pending.current.set(code, p);
    }
    return p;
  }, []);

  /** Loads every level from the first code of `codes` down to the last (an ancestry chain). */
  const ensurePath = useCallback(
    async (codes: string[]) => {
      for (const c of codes) await ensureChildren(c);
    },
    [ensureChildren],
  );

  /** Replaces one area's name wherever it is listed (after a rename). */
  const rename = useCallback((code: string, name: string) => {
    setChildren((prev) => {
      const next: Record<string, AreaSummary[]> = {};
      for (const [k, list] of Object.entries(prev)) next[k] = list.map((a) => (a.code === code ? { ...a, name } : a));
      return next;
    });
  }, []);

  return { children, ensureChildren, ensurePath, rename };
}
