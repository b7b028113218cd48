/**
 * Runs `fn` once the page has loaded (at once if it has): for work the first screen does not need, such as registering
 * the service worker or opening IndexedDB for the 待发送 queue, which otherwise runs while the app's modules are
 * evaluated, in the same task as the first render's preparations.
 */
export function whenLoaded(fn: () => void): void {
  if (document.readyState === 'complete') fn();
  else window.addEventListener('load', fn, { once: true });
}

/**
 * Settles once the page's frame script (mobile/firstFrame.tsx) has added the last of the scripts and preloads the
 * server moved after the frame (at once where it moved none). The app's first dynamic imports wait for it: Vite's
 * preload helper adds a `modulepreload` link for each file of an import not yet linked in the page, and on a warm cache
 * the app's entry ran before the frame had added its links — Vite then added some eight of them in the entry's own task
 * (~75 ms under a 4× slower CPU), and the frame the same eight again.
 */
export function frameLoaded(): Promise<void> {
  return (window as { gzFrameLoads?: Promise<void> }).gzFrameLoads ?? Promise.resolve();
}
