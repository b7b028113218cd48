// A lazily loaded component that can be loaded ahead of its first render: the page a browser opens on is loaded while
// the session and the dictionary arrive, and then renders at once. A React `lazy` component always suspends on its
// first render, even when its module is already here: its loading boundary shows for that moment, and React then holds
// the page back for up to 300 ms more (it spaces out fallbacks and what replaces them), which delayed the console's
// first page and its data by that much (docs/PERFORMANCE.md).
import { Children, isValidElement, lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Preloadable<T extends ComponentType<any>> = LazyExoticComponent<T> & { preload: () => Promise<void> };

/** A `lazy` component whose `preload()` fetches it ahead of time; fetched, it renders without suspending. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function preloadable<T extends ComponentType<any>>(fetch: () => Promise<T>): Preloadable<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = () => (loading ??= fetch().then((c) => (loaded = c)));
  const Lazy = lazy(() =>
    // Already here: a thenable that answers at once, which React reads without suspending (a promise answers a moment
    // later, and the loading boundary would show for that moment).
    loaded ? ({ then: (resolve: (m: { default: T }) => void) => resolve({ default: loaded! }) } as unknown as Promise<{ default: T }>) : load().then((c) => ({ default: c })),
  );
  return Object.assign(Lazy, { preload: () => load().then(() => undefined) });
}

const isPreloadable = (type: unknown): type is { preload: () => Promise<void> } =>
  typeof type === 'object' && type !== null && typeof (type as { preload?: unknown }).preload === 'function';

/**
 * Loads every preloadable component named in `nodes` and their children (a route's element: `<Gate><CasesPage /></Gate>`).
 * Settles when all have loaded or one has failed: a component whose code fails to load shows its error where it renders.
 */
export function preloadElements(nodes: ReactNode): Promise<void> {
  const loads: Promise<void>[] = [];
  const visit = (node: ReactNode) =>
    Children.forEach(node, (child) => {
      if (!isValidElement<{ children?: ReactNode }>(child)) return;
      if (isPreloadable(child.type)) loads.push(child.type.preload());
      visit(child.props.children);
    });
  visit(nodes);
  return Promise.all(loads).then(
    () => undefined,
    () => undefined,
  );
}

/** `lazy(() => import('./Page.tsx'))`, preloadable: the console's pages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const lazyModule = <T extends ComponentType<any>>(load: () => Promise<{ default: T }>): Preloadable<T> => preloadable(() => load().then((m) => m.default));
