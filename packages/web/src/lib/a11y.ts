import { useEffect } from 'react';

const SCROLLERS = '.ant-table-body, .ant-table-content';

/**
 * Table bodies that scroll (antd's `scroll={{ y }}`) take the keyboard focus, so that keyboard
 * users can scroll them too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 *
 * Whether a body scrolls is a measurement, and a measurement in the middle of a page's first renders forces a layout
 * that the next change throws away (46 ms of the case list's load in Chromium's profile, when it ran at every frame
 * with a change). So the check waits for a quiet moment (`requestIdleCallback`, at most 300 ms), when the layout is
 * done anyway, and measures only the bodies not yet marked.
 */
export function useFocusableScrollers() {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        if (el.hasAttribute('tabindex')) continue;
        if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) el.setAttribute('tabindex', '0');
      }
    };
    const later = whenIdle(mark);
    const observer = new MutationObserver(later.schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    later.schedule();
    return () => {
      observer.disconnect();
      later.cancel();
    };
  }, []);
}

/** `run` once at the browser's next quiet moment (at most `timeout` ms away), however often it is scheduled meanwhile. */
function whenIdle(run: () => void, timeout = 300) {
  let queued: number | null = null;
  const idle = typeof window.requestIdleCallback === 'function';
  return {
    schedule: () => {
      if (queued !== null) return;
      const fire = () => {
        queued = null;
        run();
      };
      queued = idle ? window.requestIdleCallback(fire, { timeout }) : window.setTimeout(fire, 50);
    },
    cancel: () => {
      if (queued === null) return;
      if (idle) window.cancelIdleCallback(queued);
      else window.clearTimeout(queued);
      queued = null;
    },
  };
}

/**
 * antd-mobile's NavBar back area is a button with only an arrow icon: give it a name (`label`,
 * 返回) so screen readers announce it (axe `aria-command-name`), for every NavBar there is.
 */
export function useNamedBackButtons(label: string) {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>('.adm-nav-bar-left[role="button"]')) {
        if (el.getAttribute('aria-label') !== label) el.setAttribute('aria-label', label);
      }
    };
    let queued = 0;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = window.requestAnimationFrame(() => {
        queued = 0;
        mark();
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    mark();
    return () => {
      observer.disconnect();
      if (queued) window.cancelAnimationFrame(queued);
    };
  }, [label]);
}

/**
 * Whether the user asked the system for less motion (WCAG 2.1, 2.3.3 "Animation from Interactions"): dialogs, drawers,
 * menus and lists then appear at once instead of sliding or fading in. Read once, when an app's module loads.
 */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
