import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element has come into view (or is about to: 100 px below the viewport's bottom); true from then on. A
 * long page (the cockpit) renders what lies further down only as it is scrolled to, so its first load does not pay for it.
 */
export function useNear(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, near]);
  return near;
}
