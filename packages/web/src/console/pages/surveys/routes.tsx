// The console's 问卷调查 screens: the list, the editor of a draft, and the results with charts.
// The menu entry sits in the participation group (议事协商) and follows the abilities the server grants.
import { Suspense, lazy, type ReactNode } from 'react';
import { Spin } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { Route } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

const SurveysPage = lazy(() => import('./SurveysPage.tsx'));
const SurveyEditPage = lazy(() => import('./SurveyEditPage.tsx'));
const SurveyPage = lazy(() => import('./SurveyPage.tsx'));

const fallback = (
  <div className="gz-page-loading">
    <Spin />
  </div>
);

function Guard({ children, ability = 'surveys.read' }: { children: ReactNode; ability?: string }) {
  const { can } = useAuth();
  return can(ability) ? <Suspense fallback={fallback}>{children}</Suspense> : <ForbiddenPage />;
}

export const surveyRoutes = (
  <>
    <Route path="surveys" element={<Guard><SurveysPage /></Guard>} />
    <Route path="surveys/new" element={<Guard ability="surveys.manage"><SurveyEditPage /></Guard>} />
    <Route path="surveys/:id/edit" element={<Guard ability="surveys.manage"><SurveyEditPage /></Guard>} />
    <Route path="surveys/:id" element={<Guard><SurveyPage /></Guard>} />
  </>
);

/** The menu entry, put into the participation group by the layout. */
export function useSurveyMenuEntry() {
  const t = useT();
  const { can } = useAuth();
  if (!can('surveys.read')) return null;
  return { key: '/surveys', icon: <FormOutlined />, label: <span data-testid="menu-surveys">{t('survey.menu.list')}</span> };
}
