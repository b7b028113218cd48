// Each phone page is its own chunk: a resident who scans the QR code downloads the report page and
// what it shows, not the registry, the points shop or the party pages.
import { lazy, type ComponentType } from 'react';
import { ensureDicts, type DictPart } from '../i18n/index.tsx';

/**
 * A page component loaded on first render from a module that exports it by name, together with the part of
 * the dictionary it shows (the whole one unless said otherwise: only the public pages make do with less).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<M extends Record<string, any>, K extends keyof M>(load: () => Promise<M>, name: K, dicts: DictPart = 'all') {
  return lazy(async () => {
    const [m] = await Promise.all([load(), ensureDicts(dicts)]);
    return { default: m[name] as M[K] extends ComponentType<infer P> ? ComponentType<P> : ComponentType };
  });
}

/** What shows while a page's code arrives: a grey outline of a page, no spinner and no data wait. */
export function MPageSkeleton() {
  return (
    <div className="m-skeleton" aria-busy="true" data-testid="m-page-skeleton">
      <div className="m-skeleton-line m-skeleton-title" />
      <div className="m-skeleton-line" />
      <div className="m-skeleton-line" />
      <div className="m-skeleton-block" />
    </div>
  );
}
