// 我的联系户: a member's linked households (一户十联) — not yet visited this month first — or, for a
// grid worker, every household of their grid with its member. Tap one to record a visit.
import { useMemo, useState } from 'react';
import { List, NavBar, ProgressBar, SearchBar, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import type { GridLinks, MyHouseholds } from '@gongzhi/domain/contract';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { getOrCopy } from '../../../lib/offlineDb.ts';
import { MError, MLoading } from '../../components.tsx';

interface Row {
  id: string;
  address: string;
  head: string | null;
  size: number;
  visitedThisMonth: boolean;
  lastVisit?: string | null;
  member?: string | null;
}

export function MHouseholds() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const asMember = can('party.member');
  const mine = useApi(asMember ? (signal) => getOrCopy<MyHouseholds>('/api/party/my/households', undefined, signal) : null, [asMember]);
  const gridCode = me.scope.code.length >= 15 ? me.scope.code.slice(0, 15) : null;
  const grid = useApi(!asMember && gridCode ? (signal) => getOrCopy<GridLinks>('/api/party/links', { grid: gridCode }, signal) : null, [asMember, gridCode]);
  const state = asMember ? mine : grid;
  const rows: Row[] = useMemo(() => {
    if (mine.data) return mine.data.items.map((h) => ({ id: h.id, address: h.address, head: h.head, size: h.size, visitedThisMonth: h.visitedThisMonth, lastVisit: h.lastVisit }));
    if (grid.data) return grid.data.items.map((i) => ({ id: i.household.id, address: i.household.address, head: i.household.head, size: i.household.size, visitedThisMonth: i.visitedThisMonth, member: i.member?.name ?? null }));
    return [];
  }, [mine.data, grid.data]);
  const shown = q ? rows.filter((r) => r.address.includes(q) || (r.head ?? '').includes(q)) : rows;
  const visited = rows.filter((r) => r.visitedThisMonth).length;

  return (
    <div className="m-page" data-testid="m-party-households">
      <NavBar className="m-navbar" onBack={() => navigate('/m')}>
        {asMember ? t('party.m.households') : t('party.m.gridHouseholds')}
      </NavBar>
      {state.error ? (
        <MError error={state.error} />
      ) : !state.data ? (
        <MLoading />
      ) : (
        <>
          <div className="m-card m-party-cover" data-testid="m-party-cover">
            <div className="m-party-cover-head">
              <span>{t('party.m.monthCoverage')}</span>
              <b data-testid="m-party-cover-figure">
                {visited} / {rows.length}
              </b>
            </div>
            <ProgressBar percent={rows.length ? (visited / rows.length) * 100 : 0} style={{ '--fill-color': '#b7181e' }} />
            <div className="m-muted">{rows.length - visited > 0 ? t('party.m.toVisit', { n: rows.length - visited }) : t('party.m.allVisited')}</div>
          </div>
          {rows.length > 8 && (
            <div className="m-party-search">
              <SearchBar placeholder={t('party.m.searchHousehold')} value={q} onChange={setQ} />
            </div>
          )}
          {rows.length === 0 ? (
            <div className="m-card m-muted">{t('party.m.noHouseholds')}</div>
          ) : (
            <List className="m-list" data-testid="m-party-household-list">
              {shown.map((r) => (
                <List.Item
                  key={r.id}
                  onClick={() => navigate(`/m/party/visit/${r.id}`)}
                  data-testid="m-party-household"
                  data-visited={r.visitedThisMonth ? 'yes' : 'no'}
                  description={
                    <span>
                      {r.head ? `${r.head} · ` : ''}
                      {t('party.m.people', { n: r.size })}
                      {r.member ? ` · ${t('party.m.linkedTo', { name: r.member })}` : ''}
                      {r.lastVisit ? ` · ${t('party.m.lastVisit', { date: fmtDate(r.lastVisit) })}` : ''}
                    </span>
                  }
                  extra={r.visitedThisMonth ? <Tag color="success">{t('party.m.visited')}</Tag> : <Tag color="warning">{t('party.m.notVisited')}</Tag>}
                >
                  <span data-testid="m-party-household-address">{r.address}</span>
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </div>
  );
}
