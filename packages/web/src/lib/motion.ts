/**
 * Whether the user asked the system for less motion (WCAG 2.1, 2.3.3 "Animation from Interactions"): dialogs, drawers,
 * menus and lists then appear at once instead of sliding or fading in. Read once, when an app's module loads.
 */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
