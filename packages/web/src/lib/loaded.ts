/**
 * Runs `fn` once the page has loaded (at once if it has): for work the first screen does not need, such as registering
 * the service worker or opening IndexedDB for the 待发送 queue, which otherwise runs while the app's modules are
 * evaluated, in the same task as the first render's preparations.
 */
export function whenLoaded(fn: () => void): void {
  if (document.readyState === 'complete') fn();
  else window.addEventListener('load', fn, { once: true });
}
