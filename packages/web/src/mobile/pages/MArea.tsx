import { useState } from 'react';
import { List, NavBar, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { AreaChildren, AreaDetail, AreaHouseholds } from '../../api/types.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { HOUSEHOLD_LEVELS } from '../../lib/areas.ts';
import { fmtNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { MError, MLoading, MStats, RISK_CLASS } from '../components.tsx';
import { MLoadMore } from '../list.tsx';

export function MArea() {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const area = useApi((signal) => get<AreaDetail>(`/api/areas/${code}`, undefined, signal), [code]);
  const a = area.data?.code === code ? area.data : undefined;
  const children = useApi(
    a && a.level !== 'unit' ? (signal) => get<AreaChildren>(`/api/areas/${code}/children`, undefined, signal) : null,
    [code, a?.level],
  );
  const showHouseholds = Boolean(a && HOUSEHOLD_LEVELS.includes(a.level) && a.allowedActions.includes('viewPeople'));
  const isRoot = code === me.scope.code;

  return (
    <div className="m-page">
      <NavBar onBack={isRoot ? undefined : () => navigate(-1)} backIcon={!isRoot} className="m-navbar">
        <span data-testid="m-area-title">{a ? a.name : t('common.loading')}</span>
      </NavBar>
      {area.error ? (
        <MError error={area.error} />
      ) : !a ? (
        <MLoading />
      ) : (
        <>
          <div className="m-card">
            <div className="m-area-path m-area-path-top">
              {a.path.map((p, i) => (
                <span key={p.code}>
                  {i > 0 && <span className="m-path-sep">/</span>}
                  {p.code === a.code ? <strong>{p.name}</strong> : <a onClick={() => navigate(`/m/area/${p.code}`)}>{p.name}</a>}
                </span>
              ))}
            </div>
            <div className="m-area-tags">
              <Tag color="primary" fill="outline">
                {labels.level(a.level)}
              </Tag>
              {a.gridType && <Tag fill="outline">{labels.gridType(a.gridType)}</Tag>}
            </div>
            <MStats level={a.level} counts={a.counts} />
          </div>
          {children.data && children.data.items.length > 0 && (
            <List header={t('area.children', { n: fmtNumber(children.data.items.length) })} className="m-list" data-testid="m-area-children">
              {children.data.items.map((c) => (
                <List.Item
                  key={c.code}
                  onClick={() => navigate(`/m/area/${c.code}`)}
                  description={`${t('count.households')} ${fmtNumber(c.counts.households)} · ${t('count.people')} ${fmtNumber(c.counts.people)}`}
                  extra={labels.level(c.level)}
                >
                  {c.name}
                </List.Item>
              ))}
            </List>
          )}
          {showHouseholds && <MHouseholds code={a.code} />}
        </>
      )}
    </div>
  );
}

const PAGE_SIZE = 20;

function MHouseholds({ code }: { code: string }) {
  const t = useT();
  const labels = useLabels();
  const navigate = useNavigate();
  const [pages, setPages] = useState(1);
  const res = useApi((signal) => get<AreaHouseholds>(`/api/areas/${code}/households`, { page: 1, pageSize: PAGE_SIZE * pages }, signal), [code, pages]);
  const items = res.data?.items ?? [];
  const total = res.data?.total ?? 0;
  return (
    <List header={t('area.households', { n: fmtNumber(total) })} className="m-list" data-testid="m-households">
      {items.map((h) => (
        <List.Item
          key={h.id}
          onClick={() => navigate(`/m/households/${h.id}`)}
          description={`${t('household.head')}：${h.head ?? '—'} · ${t('m.members', { n: fmtNumber(h.members) })}`}
          extra={h.riskColour ? <span className={`m-risk ${RISK_CLASS[h.riskColour] ?? ''}`}>{labels.risk(h.riskColour)}</span> : null}
        >
          <span data-testid="m-household-place">{h.place || h.doorplate || h.address}</span>
        </List.Item>
      ))}
      <MLoadMore shown={items.length} total={total} loading={res.loading} onMore={() => setPages((n) => n + 1)} />
      {res.error && <List.Item>{res.error.message}</List.Item>}
    </List>
  );
}
