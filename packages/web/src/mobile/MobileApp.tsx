import { ConfigProvider, DotLoading, unstableSetRender } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { createRoot, type Root } from 'react-dom/client';
import { Suspense, lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useI18n, useT } from '../i18n/index.tsx';
import { useAuth } from '../auth/AuthContext.tsx';
import { MobileShell } from './MobileShell.tsx';
import { MLogin } from './pages/MLogin.tsx';
import { MHome } from './pages/MHome.tsx';
import { MPeople } from './pages/MPeople.tsx';
import { MPerson } from './pages/MPerson.tsx';
import { MArea } from './pages/MArea.tsx';
import { MHousehold } from './pages/MHousehold.tsx';
import { MForcedPasswordChange, MMe } from './pages/MMe.tsx';
import { publicCaseRoutes, sessionCaseRoutes } from './pages/cases/routes.tsx';
import { wishOrderRoutes } from './pages/wishes/routes.tsx';
import { serviceRoutes } from './pages/cadres/routes.tsx';
import { MCampaign, MCampaignList } from './pages/campaigns/MCampaigns.tsx';
import { MDeliberation, MDeliberations } from './pages/deliberations/MDeliberations.tsx';
import { useNamedBackButtons } from '../lib/a11y.ts';
import './mobile.css';

const MPointsRoutes = lazy(() => import('./pages/points/MPointsRoutes.tsx'));
const MPartyRoutes = lazy(() => import('./pages/party/MPartyRoutes.tsx'));

// antd-mobile 5 renders its imperative dialogs and toasts through this hook on React 19.
const roots = new WeakMap<Element | DocumentFragment, Root>();
unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});

function RequireSession({ children }: { children: ReactNode }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div className="m-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (!me) return <Navigate to="/m/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.passwordChange) return <MForcedPasswordChange />;
  return <>{children}</>;
}

function RequirePeople({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  return can('people.read') ? <>{children}</> : <Navigate to="/m" replace />;
}

export default function MobileApp() {
  const { locale } = useI18n();
  const t = useT();
  useNamedBackButtons(t('common.back'));
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <div className="m-app">
        <Routes>
          <Route path="login" element={<MLogin />} />
          {publicCaseRoutes}
          <Route
            element={
              <RequireSession>
                <MobileShell />
              </RequireSession>
            }
          >
            <Route index element={<MHome />} />
            <Route
              path="people"
              element={
                <RequirePeople>
                  <MPeople />
                </RequirePeople>
              }
            />
            <Route
              path="people/:id"
              element={
                <RequirePeople>
                  <MPerson />
                </RequirePeople>
              }
            />
            <Route path="area/:code" element={<MArea />} />
            <Route
              path="households/:id"
              element={
                <RequirePeople>
                  <MHousehold />
                </RequirePeople>
              }
            />
            <Route path="points/*" element={<Suspense fallback={<div className="m-center"><DotLoading color="primary" /></div>}><MPointsRoutes /></Suspense>} />
            <Route path="party/*" element={<Suspense fallback={<div className="m-center"><DotLoading color="primary" /></div>}><MPartyRoutes /></Suspense>} />
            {sessionCaseRoutes}
            {wishOrderRoutes}
            {serviceRoutes}
            <Route path="campaigns" element={<MCampaignList />} />
            <Route path="campaigns/:id" element={<MCampaign />} />
            <Route path="deliberations" element={<MDeliberations />} />
            <Route path="deliberations/:id" element={<MDeliberation />} />
            <Route path="me" element={<MMe />} />
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Route>
        </Routes>
      </div>
    </ConfigProvider>
  );
}
