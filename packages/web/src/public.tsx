// The public phone pages' own entry (docs/PERFORMANCE.md, "The public pages' own build"): 扫码上报, 查进度 and 回音壁
// opened cold — from a QR code on a building, a tracking link — load this instead of main.tsx. It is built a second
// time with Preact in place of React (vite.public.config.ts) and carries only these pages and their phone frame. A
// way out to any other page (登录, 首页, 待发送…) reloads it from the server, which sends the whole app there: the
// router has already put the new address, and its state, in the history entry.
import { StrictMode, Suspense, startTransition, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router-dom';
import { I18nProvider, ensureDicts, initialDictPart } from './i18n/index.tsx';
import { AuthProvider, startSessionProbe } from './auth/AuthContext.tsx';
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

// As main.tsx does for a phone page: the first render waits for the page's words and code, and is a transition.
const { pathname } = window.location;
const render = () => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() => root.render(app));
};
void Promise.all([ensureDicts(initialDictPart(pathname)), preloadPage(pathname)]).then(render, render);
