// A preloaded page renders at once, without its loading boundary first (lib/preloadable.ts): the console's first page
// and a phone page opened from a link.
import { createElement, Fragment, Suspense, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyModule, prefetchElements, preloadElements, preloadable, type RouteContext } from '../src/lib/preloadable.ts';
import type { Me } from '../src/api/types.ts';

const Page = ({ name }: { name: string }) => createElement('p', null, `page ${name}`);
const inBoundary = (node: ReactNode) => renderToString(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, node));

describe('preloadable', () => {
  it('suspends before it is loaded and renders at once after preload()', async () => {
    let fetched = 0;
    const P = preloadable(async () => {
      fetched += 1;
      return Page;
    });
    expect(inBoundary(createElement(P, { name: 'a' }))).toContain('loading');
    await P.preload();
    // A fresh component (React reads a lazy component's module once): loaded ahead, it never shows the boundary.
    const Q = preloadable(async () => Page);
    await Q.preload();
    const html = inBoundary(createElement(Q, { name: 'b' }));
    expect(html).toContain('page b');
    expect(html).not.toContain('loading');
    expect(fetched).toBe(1);
  });

  it('fetches once however often it is preloaded', async () => {
    let fetched = 0;
    const P = lazyModule(async () => {
      fetched += 1;
      return { default: Page };
    });
    await Promise.all([P.preload(), P.preload()]);
    await P.preload();
    expect(fetched).toBe(1);
  });

  it('preloadElements loads what a route element names, however deep, and settles when one fails', async () => {
    const loaded: string[] = [];
    const make = (name: string, fail = false) =>
      preloadable(async () => {
        if (fail) throw new Error(`no ${name}`);
        loaded.push(name);
        return Page;
      });
    const Outer = make('outer');
    const Inner = make('inner');
    const Broken = make('broken', true);
    const Gate = ({ children }: { children: ReactNode }) => createElement(Fragment, null, children);
    const element = createElement(Gate, null, createElement(Outer, { name: 'o' }, createElement('div', null, createElement(Inner, { name: 'i' }))));
    await preloadElements([element, 'text', null]);
    expect(loaded.sort()).toEqual(['inner', 'outer']);
    await expect(preloadElements(createElement(Broken, { name: 'x' }))).resolves.toBeUndefined();
    expect(inBoundary(createElement(Inner, { name: 'i' }))).toContain('page i');
  });

  it("prefetchElements starts the loaded page modules' prefetch with where the page opens, and skips those without", async () => {
    const seen: RouteContext[] = [];
    const WithData = lazyModule(async () => ({ default: Page, prefetch: (ctx: RouteContext) => void seen.push(ctx) }));
    const Plain = lazyModule(async () => ({ default: Page }));
    const Gate = ({ children }: { children: ReactNode }) => createElement(Fragment, null, children);
    const element = createElement(Gate, null, createElement(WithData, { name: 'w' }), createElement(Plain, { name: 'p' }));
    const ctx = { params: { code: '320614103' }, search: new URLSearchParams('from=2026-12-01'), me: { displayName: '王敏' } as unknown as Me };
    // Not loaded yet: nothing is known of its module, nothing is asked.
    prefetchElements(element, ctx);
    expect(seen).toEqual([]);
    await preloadElements(element);
    prefetchElements(element, ctx);
    expect(seen).toEqual([ctx]);
  });
});
