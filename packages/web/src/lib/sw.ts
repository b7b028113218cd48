// The service worker of the phone app (built by vite-plugin-pwa into /sw.js; docs/OFFLINE.md). It is
// registered from the phone pages only, so the console never precaches the phone's files.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { whenLoaded } from './loaded.ts';

/** A new build's worker has taken over: the page reloads at the next navigation (a form in progress is never cut off). */
let updated = false;

export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install takes control of an open page too (clientsClaim): that is not an update.
    if (hadController) updated = true;
  });
  whenLoaded(() => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // no service worker (private mode, an old browser): the app works online as before
    });
  });
}

/** Reloads onto the new build when the user moves to another page after an update. */
export function useUpdateOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (updated) window.location.reload();
  }, [pathname]);
}
