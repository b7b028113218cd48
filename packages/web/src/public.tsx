// The public phone pages' own entry (docs/PERFORMANCE.md, "The public pages' own build"): 扫码上报, 查进度 and 回音壁
// opened cold — from a QR code on a building, a tracking link — load this instead of main.tsx. It is built a second
// time with Preact in place of React (vite.public.config.ts) and carries only these pages and their phone frame. A
// way out to any other page (登录, 首页, 待发送…) reloads it from the server, which sends the whole app there: the
// router has already put the new address, and its state, in the history entry.
import { StrictMode, Suspense, startTransition, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router-dom';
import { I18nProvider, ensureDicts, initialDictPart } from './i18n/index.tsx';
import { AuthProvider, signedInKnown, startSessionProbe } from './auth/AuthContext.tsx';
import { arrivedDrawn } from './api/preload.ts';
import { storedElder } from './mobile/elder.tsx';
import { hydrateInTurns } from './mobile/later.tsx';
import { frameLoaded } from './lib/loaded.ts';
import { PhoneFrame } from './mobile/PhoneFrame.tsx';
import { MPageSkeleton } from './mobile/lazyPage.tsx';
import { preloadPage, publicCaseRoutes } from './mobile/pages/cases/routes.tsx';
import './styles/base.css';

/** Any page but these: the whole app, from the server. */
function ElsewhereInTheApp() {
  useEffect(() => window.location.reload(), []);
  return <MPageSkeleton />;
}

const app = (
  <StrictMode>
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route
              path="/m"
              element={
                <PhoneFrame>
                  <Suspense fallback={<MPageSkeleton />}>
                    <Outlet />
                  </Suspense>
                </PhoneFrame>
              }
            >
              {publicCaseRoutes}
              <Route index element={<ElsewhereInTheApp />} />
              <Route path="*" element={<ElsewhereInTheApp />} />
            </Route>
            <Route path="*" element={<ElsewhereInTheApp />} />
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  </StrictMode>
);

// As main.tsx does: the session probe leaves with the page's words and code, and the first render starts from its
// answer when it is in by then (it does not wait for it).
startSessionProbe();

/**
 * Whether the root holds what the first render will draw: a page the server drew with its data (回音壁, 扫码上报), as
 * a visitor it knew nothing of sees it. Not for 长辈版 (the frame's script only adapts the outermost classes), nor once
 * the session probe has said someone is signed in (the tab bar, the board and the report's contact card differ), nor in
 * English (the script emptied the root).
 */
const drawnAsRendered = (root: HTMLElement) => arrivedDrawn() && root.firstElementChild !== null && storedElder() !== true && !signedInKnown();

// As main.tsx does for a phone page: the first render waits for the page's words and code, and is a transition. A page
// the server drew is taken over as it is (mobile/later.tsx) instead of drawn again: the same markup, not made twice.
const { pathname } = window.location;
const render = () => {
  const el = document.getElementById('root')!;
  if (drawnAsRendered(el)) {
    // Hydrating keeps the markup's attributes: the frame's `inert` (no taps before the code is here) is taken off once
    // the last part is taken over — a word typed into a field not yet taken over would be lost, a tap do nothing.
    const inert = el.querySelector('[inert]');
    hydrateInTurns(
      () => hydrateRoot(el, app),
      () => inert?.removeAttribute('inert'),
    );
    return;
  }
  const root = createRoot(el);
  startTransition(() => root.render(app));
};
// In a task of its own, not in the one that evaluated the page's modules: with the code already in (a fast connection,
// a warm cache) the two made one long task.
const renderNext = () => setTimeout(render, 0);
// After the frame has added the page's preloads (frameLoaded), so that Vite's helper does not add them a second time.
void frameLoaded()
  .then(() => Promise.all([ensureDicts(initialDictPart(pathname)), preloadPage(pathname)]))
  .then(renderNext, renderNext);
