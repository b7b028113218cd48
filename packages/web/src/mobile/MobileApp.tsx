import { ConfigProvider, DotLoading, reduceMotion, unstableSetRender } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { createRoot, type Root } from 'react-dom/client';
import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ensureDicts, useI18n, useT } from '../i18n/index.tsx';
import { useAuth } from '../auth/AuthContext.tsx';
import { MobileShell } from './MobileShell.tsx';
import { publicPagePreloads, publicCaseRoutes, sessionCaseRoutes } from './pages/cases/routes.tsx';
import { wishOrderRoutes } from './pages/wishes/routes.tsx';
import { lazyPage, MPageSkeleton } from './lazyPage.tsx';
import { ElderProvider, useElder } from './elder.tsx';
import { activityRoutes, publicActivityRoutes } from './pages/activities/routes.tsx';
import { serviceRoutes } from './pages/cadres/routes.tsx';
import { prefersReducedMotion, useNamedBackButtons } from '../lib/a11y.ts';
import { startOutbox } from '../lib/outbox.ts';
import { registerServiceWorker, useUpdateOnNavigation } from '../lib/sw.ts';
import { MPublicShell } from './pages/cases/MPublicShell.tsx';
import { retirePreloaded } from '../api/preload.ts';
import './mobile.css';

// The phone app works without a connection (docs/OFFLINE.md): its files come from the service worker,
// and what is made offline waits in the 待发送 queue.
registerServiceWorker();
startOutbox();
// antd-mobile's springs (popups, swipes, tabs) off for users who asked their system for less motion.
if (prefersReducedMotion()) reduceMotion();

const MLogin = lazyPage(() => import('./pages/MLogin.tsx'), 'MLogin');
const MHome = lazyPage(() => import('./pages/MHome.tsx'), 'MHome');
const MPeople = lazyPage(() => import('./pages/MPeople.tsx'), 'MPeople');
const MPerson = lazyPage(() => import('./pages/MPerson.tsx'), 'MPerson');
const MArea = lazyPage(() => import('./pages/MArea.tsx'), 'MArea');
const MHousehold = lazyPage(() => import('./pages/MHousehold.tsx'), 'MHousehold');
const MMe = lazyPage(() => import('./pages/MMe.tsx'), 'MMe');
const MForcedPasswordChange = lazyPage(() => import('./pages/MMe.tsx'), 'MForcedPasswordChange');
const MCheckIn = lazyPage(() => import('./pages/emergency/MEmergency.tsx'), 'MCheckIn');
const MCampaignList = lazyPage(() => import('./pages/campaigns/MCampaigns.tsx'), 'MCampaignList');
const MCampaign = lazyPage(() => import('./pages/campaigns/MCampaigns.tsx'), 'MCampaign');
const MEvacuations = lazyPage(() => import('./pages/evacuation/MEvacuations.tsx'), 'MEvacuations');
const MDeliberations = lazyPage(() => import('./pages/deliberations/MDeliberations.tsx'), 'MDeliberations');
const MDeliberation = lazyPage(() => import('./pages/deliberations/MDeliberations.tsx'), 'MDeliberation');
const MMeeting = lazyPage(() => import('./pages/deliberations/MMeeting.tsx'), 'MMeeting');
const MSurveys = lazyPage(() => import('./pages/surveys/MSurveys.tsx'), 'MSurveys');
const MSurvey = lazyPage(() => import('./pages/surveys/MSurveys.tsx'), 'MSurvey');
const MConvention = lazyPage(() => import('./pages/conventions/MConvention.tsx'), 'MConvention');
const MIdeas = lazyPage(() => import('./pages/projects/MProjects.tsx'), 'MIdeas');
const MProjects = lazyPage(() => import('./pages/projects/MProjects.tsx'), 'MProjects');
const MProject = lazyPage(() => import('./pages/projects/MProjects.tsx'), 'MProject');
const MPropertyInspect = lazyPage(() => import('./pages/property/MProperty.tsx'), 'MPropertyInspect');
const MOutbox = lazyPage(() => import('./pages/offline/MOutbox.tsx'), 'MOutbox');
const MBurden = lazyPage(() => import('./pages/burden/MBurden.tsx'), 'MBurden');
const MBurdenReturn = lazyPage(() => import('./pages/burden/MBurden.tsx'), 'MBurdenReturn');
const MPointsRoutes = lazy(() => Promise.all([import('./pages/points/MPointsRoutes.tsx'), ensureDicts('all')]).then(([m]) => m));
const MPartyRoutes = lazy(() => Promise.all([import('./pages/party/MPartyRoutes.tsx'), ensureDicts('all')]).then(([m]) => m));

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

/** The phone app's frame; in 长辈版 it carries the class the elder styles hang on. */
function MobileFrame({ children }: { children: ReactNode }) {
  const { elder } = useElder();
  return <div className={elder ? 'm-app m-elder' : 'm-app'}>{children}</div>;
}

/** Loads the code and words of the public page at `pathname` (if it is one) before the app's first render. */
export const preloadPage = (pathname: string): Promise<void> => publicPagePreloads[pathname.replace(/\/$/, '')]?.().catch(() => undefined) ?? Promise.resolve();

export default function MobileApp() {
  const { locale } = useI18n();
  const t = useT();
  useNamedBackButtons(t('common.back'));
  useUpdateOnNavigation();
  // After the first render's effects (a parent's run after its children's): the page has taken what it arrived with.
  useEffect(() => retirePreloaded(), []);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <ElderProvider>
        <MobileFrame>
          <Suspense fallback={<MPageSkeleton />}>
            <Routes>
              <Route path="login" element={<MLogin />} />
              {publicCaseRoutes}
              {publicActivityRoutes}
              <Route element={<MPublicShell />}>
                <Route path="outbox" element={<MOutbox />} />
              </Route>
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
                <Route path="emergency" element={<MCheckIn />} />
                <Route path="campaigns" element={<MCampaignList />} />
                <Route path="campaigns/:id" element={<MCampaign />} />
                <Route path="evacuations" element={<MEvacuations />} />
                <Route path="burden" element={<MBurden />} />
                <Route path="burden/returns/:id" element={<MBurdenReturn />} />
                <Route path="deliberations" element={<MDeliberations />} />
                <Route path="deliberations/:id" element={<MDeliberation />} />
                <Route path="meetings/:id" element={<MMeeting />} />
                <Route path="surveys" element={<MSurveys />} />
                <Route path="surveys/:id" element={<MSurvey />} />
                <Route path="convention" element={<MConvention />} />
                <Route path="ideas" element={<MIdeas />} />
                <Route path="projects" element={<MProjects />} />
                <Route path="projects/:id" element={<MProject />} />
                {activityRoutes}
                {serviceRoutes}
                <Route path="property/inspect" element={<MPropertyInspect />} />
                <Route path="me" element={<MMe />} />
                <Route path="*" element={<Navigate to="/m" replace />} />
              </Route>
            </Routes>
          </Suspense>
        </MobileFrame>
      </ElderProvider>
    </ConfigProvider>
  );
}
