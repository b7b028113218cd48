// A lazily loaded component that can be loaded ahead of its first render: the page a browser opens on is loaded while
// the session and the dictionary arrive, and then renders at once. A React `lazy` component always suspends on its
// first render, even when its module is already here: its loading boundary shows for that moment, and React then holds
// the page back for up to 300 ms more (it spaces out fallbacks and what replaces them), which delayed the console's
// first page and its data by that much (docs/PERFORMANCE.md).
import { Children, isValidElement, lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Me } from '../api/types.ts';

/** Where a page opens: its route's parameters, the address's query, the signed-in user. */
export interface RouteContext {
  params: Readonly<Record<string, string | undefined>>;
  search: URLSearchParams;
  me: Me;
}

/**
 * A page module's `prefetch` export: starts reading (api/client.ts `prefetch`) what the page will read on its first
 * render, with the same addresses, so its data are on their way while the page's code renders the first time.
 */
export type Prefetch = (ctx: RouteContext) => void;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Preloadable<T extends ComponentType<any>> = LazyExoticComponent<T> & {
  preload: () => Promise<void>;
  /** The loaded module's `prefetch`, if it has one (nothing before `preload()` has answered). */
  prefetch: Prefetch;
};

/** A `lazy` component whose `preload()` fetches it ahead of time; fetched, it renders without suspending. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function preloadable<T extends ComponentType<any>>(fetch: () => Promise<T>, prefetchOf?: () => Prefetch | undefined): Preloadable<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = () => (loading ??= fetch().then((c) => (loaded = c)));
  const Lazy = lazy(() =>
    // Already here: a thenable that answers at once, which React reads without suspending (a promise answers a moment
    // later, and the loading boundary would show for that moment).
    loaded ? ({ then: (resolve: (m: { default: T }) => void) => resolve({ default: loaded! }) } as unknown as Promise<{ default: T }>) : load().then((c) => ({ default: c })),
  );
  return Object.assign(Lazy, { preload: () => load().then(() => undefined), prefetch: (ctx: RouteContext) => prefetchOf?.()?.(ctx) });
}

const isPreloadable = (type: unknown): type is Pick<Preloadable<ComponentType>, 'preload' | 'prefetch'> =>
  typeof type === 'object' && type !== null && typeof (type as { preload?: unknown }).preload === 'function';

/**
 * Loads every preloadable component named in `nodes` and their children (a route's element: `<Gate><CasesPage /></Gate>`).
 * Settles when all have loaded or one has failed: a component whose code fails to load shows its error where it renders.
 */
export function preloadElements(nodes: ReactNode): Promise<void> {
  const loads: Promise<void>[] = [];
  forEachPreloadable(nodes, (p) => loads.push(p.preload()));
  return Promise.all(loads).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Starts every `prefetch` of the (preloaded) page modules named in `nodes` and their children, for the page at `ctx`.
 * Called once the session is known, before the page's first render.
 */
export function prefetchElements(nodes: ReactNode, ctx: RouteContext): void {
  forEachPreloadable(nodes, (p) => p.prefetch(ctx));
}

/** Calls `fn` for every preloadable component named in `nodes`, children included. */
function forEachPreloadable(nodes: ReactNode, fn: (p: Pick<Preloadable<ComponentType>, 'preload' | 'prefetch'>) => void): void {
  Children.forEach(nodes, (child) => {
    if (!isValidElement<{ children?: ReactNode }>(child)) return;
    if (isPreloadable(child.type)) fn(child.type);
    forEachPreloadable(child.props.children, fn);
  });
}

/** `lazy(() => import('./Page.tsx'))`, preloadable: the console's pages; a module's `prefetch` export is kept. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const lazyModule = <T extends ComponentType<any>>(load: () => Promise<{ default: T; prefetch?: Prefetch }>): Preloadable<T> => {
  let prefetch: Prefetch | undefined;
  return preloadable(
    () =>
      load().then((m) => {
        prefetch = m.prefetch;
        return m.default;
      }),
    () => prefetch,
  );
};
