import { Card, Col, Row, Space, Tag } from 'antd';
import { ApartmentOutlined, AuditOutlined, RightOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { AreaChildren, AreaDetail } from '../../api/types.ts';
import { useAuth, useMe } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../lib/useApi.ts';
import { useLabels } from '../../lib/labels.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { StatCards } from '../components/StatCards.tsx';
import { ChildrenTable } from '../components/ChildrenTable.tsx';
import { LoadError } from '../components/ErrorResult.tsx';
import { CaseHomeCard } from './cases/CaseHomeCard.tsx';

export function HomePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  const code = me.scope.code;
  const area = useApi((signal) => get<AreaDetail>(`/api/areas/${code}`, undefined, signal), [code]);
  const children = useApi((signal) => get<AreaChildren>(`/api/areas/${code}/children`, undefined, signal), [code]);

  const today = dayjs().format(locale === 'en' ? 'dddd, D MMMM YYYY' : 'YYYY年M月D日 dddd');
  const quick = [
    can('areas.read') && { key: 'areas', icon: <ApartmentOutlined />, title: t('home.quickAreas'), desc: t('home.quickAreasDesc'), to: '/areas' },
    can('people.read') && { key: 'people', icon: <TeamOutlined />, title: t('home.quickPeople'), desc: t('home.quickPeopleDesc'), to: '/people' },
    can('users.read') && { key: 'users', icon: <UsergroupAddOutlined />, title: t('home.quickUsers'), desc: t('home.quickUsersDesc'), to: '/users' },
    can('audit.read') && { key: 'audit', icon: <AuditOutlined />, title: t('home.quickAudit'), desc: t('home.quickAuditDesc'), to: '/audit' },
  ].filter((q): q is Exclude<typeof q, false> => Boolean(q));

  if (area.error) return <LoadError error={area.error} onRetry={area.reload} />;
  const path = area.data?.path ?? [];

  return (
    <div className="gz-page" data-testid="home-page">
      <PageHeader
        title={t('home.greeting', { name: me.displayName })}
        testId="home-title"
        description={
          <Space size={8} wrap>
            <span>{t('home.today', { date: today })}</span>
            <span className="gz-dot">·</span>
            <span>{path.map((p) => p.name).join(' / ') || me.scope.name}</span>
            {me.roles.map((r) => (
              <Tag key={r} color="red" variant="outlined">
                {labels.role(r)}
              </Tag>
            ))}
          </Space>
        }
      />
      <CaseHomeCard />
      <Card
        className="gz-card"
        title={t('home.scopeOverview', { scope: me.scope.name })}
        extra={<Tag>{labels.level(me.scope.level)}</Tag>}
        data-testid="home-overview"
      >
        <StatCards level={me.scope.level} counts={area.data?.counts} loading={area.loading} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={quick.length ? 17 : 24}>
          <Card className="gz-card" title={t('home.children')} extra={<span className="gz-muted">{t('home.childrenHint')}</span>}>
            <ChildrenTable
              parentLevel={me.scope.level}
              items={children.data?.items ?? []}
              loading={children.loading}
              onOpen={(c) => navigate(`/areas/${c}`)}
              testId="home-children"
            />
          </Card>
        </Col>
        {quick.length > 0 && (
          <Col xs={24} xl={7}>
            <Card className="gz-card" title={t('home.quick')}>
              <div className="gz-quick">
                {quick.map((q) => (
                  <button key={q.key} type="button" className="gz-quick-item" onClick={() => navigate(q.to)} data-testid={`quick-${q.key}`}>
                    <span className="gz-quick-icon">{q.icon}</span>
                    <span className="gz-quick-text">
                      <span className="gz-quick-title">{q.title}</span>
                      <span className="gz-quick-desc">{q.desc}</span>
                    </span>
                    <RightOutlined className="gz-quick-arrow" />
                  </button>
                ))}
              </div>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
