import { useState } from 'react';
import { Badge, List, NavBar, PullToRefresh, Tabs } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import FireFilledSvg from '@ant-design/icons-svg/es/asn/FireFilled';
import PlusOutlinedSvg from '@ant-design/icons-svg/es/asn/PlusOutlined';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listCases, type CaseQuery, type CaseSummary } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MDue, MStateTag } from './common.tsx';
import { mobileCaseRole } from './role.ts';

const FireFilled = phoneIcon(FireFilledSvg);
const PlusOutlined = phoneIcon(PlusOutlinedSvg);

type TabKey = 'verify' | 'accept' | 'mine' | 'all' | 'reported';

interface TabDef {
  key: TabKey;
  query: CaseQuery;
}

export function tabsFor(role: 'grid' | 'staff' | 'reporter', me: Me): TabDef[] {
  if (role === 'grid') {
    return [
      { key: 'verify', query: { box: 'mine', state: 'handled' } },
      { key: 'accept', query: { box: 'mine', state: 'reported' } },
      { key: 'all', query: { area: me.scope.code } },
    ];
  }
  if (role === 'staff') return [{ key: 'mine', query: { box: 'mine' } }, { key: 'all', query: {} }];
  return [{ key: 'reported', query: {} }];
}

/** 我的网格案件 / 我的待办 / 我的上报 on the phone. */
export function MCases() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const role = mobileCaseRole(me, can('people.read'));
  const tabs = tabsFor(role, me);
  const tab = tabs.find((x) => x.key === params.get('tab')) ?? tabs[0]!;
  const [pageSize, setPageSize] = useState(20);
  const res = useApi((signal) => listCases({ ...tab.query, pageSize }, signal), [tab.key, pageSize]);
  const mine = useApi(role === 'grid' ? (signal) => listCases({ box: 'mine', pageSize: 1 }, signal) : null, [role]);
  const count = (k: TabKey) => (k === 'verify' ? mine.data?.counts.handled : k === 'accept' ? mine.data?.counts.reported : undefined);
  const title = role === 'grid' ? t('m.case.gridCases') : role === 'staff' ? t('m.case.staffCases') : t('m.case.myReports');

  return (
    <div className="m-page m-cases" data-testid="m-cases">
      <NavBar
        backIcon={false}
        className="m-navbar"
        right={
          role === 'grid' ? (
            <a className="m-nav-action" onClick={() => navigate('/m/patrol')} data-testid="m-cases-patrol">
              <PlusOutlined /> {t('m.case.patrol')}
            </a>
          ) : (
            <a className="m-nav-action" onClick={() => navigate('/m/report')}>
              <PlusOutlined /> {t('m.case.tabReport')}
            </a>
          )
        }
      >
        {title}
      </NavBar>
      {tabs.length > 1 && (
        <Tabs activeKey={tab.key} onChange={(k) => setParams({ tab: k }, { replace: true })} className="m-tabs" data-testid="m-cases-tabs">
          {tabs.map((x) => (
            <Tabs.Tab
              key={x.key}
              title={
                <span data-testid={`m-cases-tab-${x.key}`}>
                  <Badge content={count(x.key) ? fmtNumber(count(x.key)) : null} style={{ '--right': '-12px', '--top': '2px' }}>
                    {t(`m.case.tab.${x.key}`)}
                  </Badge>
                </span>
              }
            />
          ))}
        </Tabs>
      )}
      <PullToRefresh onRefresh={async () => (res.reload(), mine.reload())}>
        {res.error && !res.loading ? (
          <MError error={res.error} />
        ) : !res.data ? (
          <MLoading />
        ) : res.data.items.length === 0 ? (
          <div className="m-empty" data-testid="m-cases-empty">
            {t(role === 'grid' && tab.key === 'verify' ? 'm.case.emptyVerify' : 'm.case.empty')}
          </div>
        ) : (
          <>
            <div className="m-result-count">{t('m.case.count', { n: fmtNumber(res.data.total) })}</div>
            <List className="m-list m-case-list">
              {res.data.items.map((c) => (
                <CaseItem key={c.id} c={c} onOpen={() => navigate(`/m/cases/${c.id}`)} />
              ))}
            </List>
            {res.data.total > res.data.items.length && (
              <a className="m-load-more" onClick={() => setPageSize((n) => n + 20)}>
                {t('common.loadMore')}
              </a>
            )}
          </>
        )}
      </PullToRefresh>
    </div>
  );
}

function CaseItem({ c, onOpen }: { c: CaseSummary; onOpen: () => void }) {
  return (
    <List.Item
      onClick={onOpen}
      arrowIcon={false}
      data-testid="m-case-item"
      data-code={c.code}
      data-state={c.state}
      description={
        <div className="m-case-item-desc">
          <span>
            {c.categoryName ?? c.categoryCode} · {c.areaName ?? c.areaCode}
          </span>
          <span className="m-case-item-foot">
            <span className="m-mono">{fmtTime(c.createdAt)}</span>
            <MDue c={c} />
          </span>
        </div>
      }
      extra={<MStateTag state={c.state} />}
    >
      <span className="m-case-item-title">
        {c.urgent && <FireFilled className="m-urgent" />}
        {c.title}
      </span>
    </List.Item>
  );
}
