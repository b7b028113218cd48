// Each phone page is its own chunk: a resident who scans the QR code downloads the report page and
// what it shows, not the registry, the points shop or the party pages.
import { type ComponentType } from 'react';
import { DotLoading } from 'antd-mobile';
import { ensureDicts, type DictPart } from '../i18n/index.tsx';
import { preloadable } from '../lib/preloadable.ts';

/**
 * A page component loaded on first render from a module that exports it by name, together with the part of
 * the dictionary it shows (the whole one unless said otherwise: only the public pages make do with less).
 * `preload()` loads both ahead of the first render: a page loaded so renders at once, without its outline first
 * (main.tsx, for the page a phone opens on).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<M extends Record<string, any>, K extends keyof M>(load: () => Promise<M>, name: K, dicts: DictPart = 'all') {
  type Page = M[K] extends ComponentType<infer P> ? ComponentType<P> : ComponentType;
  return preloadable(() => Promise.all([load(), ensureDicts(dicts)]).then(([m]) => m[name] as Page));
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

/** What shows while a part of a page loads its data. Here rather than in components.tsx, whose dialogs and empty states
 * the public pages do not load. */
export function MLoading() {
  return (
    <div className="m-center">
      <DotLoading color="primary" />
    </div>
  );
}
