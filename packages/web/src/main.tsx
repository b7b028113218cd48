import { StrictMode, Suspense, lazy, startTransition, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider, ensureDicts, initialDictPart } from './i18n/index.tsx';
import { AuthProvider, startSessionProbe } from './auth/AuthContext.tsx';
import { FullPageSpinner } from './FullPageSpinner.tsx';
import { AppConsoleFrame } from './console/ConsoleFrame.tsx';
import { frameLoaded } from './lib/loaded.ts';
import './styles/base.css';

const session = startSessionProbe();

// The console (antd) and the mobile pages (antd-mobile) load separately: a phone never downloads the console.
// The console uses every module's words: it waits for the whole dictionary, and for the code of the page it opens on
// (while the session probe is out): that page then renders with the frame at once. Once both the page's code and the
// session are here, the page's data are asked for (its module's `prefetch`), before it renders the first time.
// Every first import waits for the frame's preloads (frameLoaded): Vite's helper would otherwise add them again.
const ConsoleApp = lazy(() =>
  frameLoaded()
    .then(() => Promise.all([import('./console/ConsoleApp.tsx').then((m) => m.preloadRoute(window.location.pathname).then(() => m)), ensureDicts('all')]))
    .then(([m]) => {
      void session.then(
        ({ user }) => user && m.prefetchRoute(window.location.pathname, window.location.search, user),
        () => undefined,
      );
      return m;
    }),
);
const LazyMobileApp = lazy(() => import('./mobile/MobileApp.tsx'));

// The first render waits for its dictionary (the public phone pages need only a part of it): no key ever shows.
// A phone page also waits for the phone app's code (its HTML names it, so it arrives with the dictionary): the first
// render is then the page's frame, as the server's HTML already shows it on the public pages (firstFrame.tsx), and
// not a spinner in its place.
const onPhone = /^\/m(\/|$)/.test(window.location.pathname);
const ready = frameLoaded().then(() =>
  Promise.all([
    ensureDicts(initialDictPart(window.location.pathname)),
    // …and a public page's own code (its HTML names it too): the first render is then the page itself, drawn as the server
    // drew it where it did (回音壁), instead of the page's outline for a moment.
    onPhone ? import('./mobile/MobileApp.tsx').then((m) => m.preloadPage(window.location.pathname).then(() => m.default)) : LazyMobileApp,
  ]),
);
// On the phone the first render is a transition: React renders it in slices and lets the browser breathe between
// them (a slow phone is otherwise blocked for a few hundred milliseconds while the page is already on screen as its
// frame). The console has no frame to keep answering: it renders at once (sliced, its first paint only came earlier
// with more work after it).
// The server drew the console's outline into the page (a visitor with a session: ConsoleFrame.tsx): while the console's
// code loads the app draws the same outline, not a spinner in its place.
const framed = document.querySelector('#root > .gz-frame') !== null;
const app = (MobileApp: ComponentType) => (
  <StrictMode>
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Suspense fallback={framed ? <AppConsoleFrame /> : <FullPageSpinner />}>
            <Routes>
              <Route path="/m/*" element={<MobileApp />} />
              <Route path="/*" element={<ConsoleApp />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  </StrictMode>
);
const render = (MobileApp: ComponentType) => {
  const root = createRoot(document.getElementById('root')!);
  if (onPhone) startTransition(() => root.render(app(MobileApp)));
  else root.render(app(MobileApp));
};
void ready.then(([, MobileApp]) => render(MobileApp), () => render(LazyMobileApp));
