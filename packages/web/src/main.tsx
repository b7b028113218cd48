import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider, ensureDicts, initialDictPart } from './i18n/index.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { FullPageSpinner } from './FullPageSpinner.tsx';
import './styles/base.css';

// The console (antd) and the mobile pages (antd-mobile) load separately: a phone never downloads the console.
// The console uses every module's words: it waits for the whole dictionary.
const ConsoleApp = lazy(() => Promise.all([import('./console/ConsoleApp.tsx'), ensureDicts('all')]).then(([m]) => m));
const MobileApp = lazy(() => import('./mobile/MobileApp.tsx'));

// The first render waits for its dictionary (the public phone pages need only a part of it): no key ever shows.
const dicts = ensureDicts(initialDictPart(window.location.pathname));
const render = () =>
  createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Suspense fallback={<FullPageSpinner />}>
            <Routes>
              <Route path="/m/*" element={<MobileApp />} />
              <Route path="/*" element={<ConsoleApp />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
void dicts.then(render, render);
