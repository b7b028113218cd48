import { useEffect } from 'react';

const SCROLLERS = '.ant-table-body, .ant-table-content';

/**
 * Table bodies that scroll (antd's `scroll={{ y }}`) take the keyboard focus, so that keyboard
 * users can scroll them too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function useFocusableScrollers() {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
        if (scrolls && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
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
  }, []);
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
