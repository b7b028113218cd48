import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider } from './i18n/index.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { FullPageSpinner } from './FullPageSpinner.tsx';
import './styles/base.css';

// The console (antd) and the mobile pages (antd-mobile) load separately: a phone never downloads the console.
const ConsoleApp = lazy(() => import('./console/ConsoleApp.tsx'));
const MobileApp = lazy(() => import('./mobile/MobileApp.tsx'));

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
