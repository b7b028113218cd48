// 走访覆盖 (月全覆盖): this month's visits to linked households per community, grid and member, who
// is behind, and the grids' patrol coverage of buildings (一日两巡).
import { useState } from 'react';
import { Card, DatePicker, Progress, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { get } from '../../../api/client.ts';
import type { PartyCoverage } from '@gongzhi/domain/contract';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pct } from './common.tsx';

export default function CoveragePage() {
  const t = useT();
  const me = useMe();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const c = useApi((signal) => get<PartyCoverage>('/api/party/coverage', { area: me.scope.code, month }, signal), [me.scope.code, month]);
  if (c.error) return <LoadError error={c.error} onRetry={c.reload} />;
  const d = c.data;
  const bar = (rate: number, name?: string) => <Progress percent={Math.round(rate * 1000) / 10} size="small" strokeColor={rate >= 1 ? '#2f9e44' : '#b7181e'} aria-label={name} />;
  return (
    <div className="gz-page" data-testid="party-coverage-page">
      <PageHeader
        title={t('party.menu.coverage')}
        testId="party-coverage-title"
        description={t('party.coverage.desc')}
        extra={<DatePicker picker="month" value={dayjs(`${month}-01`)} allowClear={false} onChange={(v) => v && setMonth(v.format('YYYY-MM'))} disabledDate={(v) => v.isAfter(dayjs(), 'month')} />}
      />
      <div className="gz-party-cards">
        <Card size="small" loading={!d}>
          <div className="gz-party-sub">{t('party.coverage.rate', { area: d?.area.name ?? '' })}</div>
          <div className="gz-party-figure" data-testid="party-coverage-rate">
            {d ? pct(d.total.rate) : '—'}
          </div>
        </Card>
        <Card size="small" loading={!d}>
          <div className="gz-party-sub">{t('party.coverage.visited')}</div>
          <div className="gz-party-figure" data-testid="party-coverage-visited">
            {d?.total.visited ?? '—'}
          </div>
          <div className="gz-party-sub">{t('party.coverage.ofHouseholds', { n: d?.total.households ?? 0 })}</div>
        </Card>
        <Card size="small" loading={!d}>
          <div className="gz-party-sub">{t('party.coverage.members')}</div>
          <div className="gz-party-figure">{d?.byMember.length ?? '—'}</div>
        </Card>
        <Card size="small" loading={!d}>
          <div className="gz-party-sub">{t('party.coverage.behindCount')}</div>
          <div className="gz-party-figure gz-party-bad" data-testid="party-coverage-behind">
            {d?.behind.length ?? '—'}
          </div>
        </Card>
      </div>
      <div className="gz-party-layout gz-party-layout-even">
        <Card size="small" title={t('party.coverage.byGrid')}>
          <Table
            size="small"
            rowKey={(r) => r.area.code}
            loading={c.loading}
            pagination={false}
            dataSource={d?.byGrid ?? []}
            columns={[
              { title: t('party.coverage.grid'), key: 'g', render: (_, r) => r.area.name },
              { title: t('party.coverage.visitedOf'), key: 'v', width: 110, render: (_, r) => `${r.visited} / ${r.households}` },
              { title: t('party.coverage.rateCol'), key: 'r', width: 160, render: (_, r) => bar(r.rate, t('party.coverage.rateCol')) },
              { title: t('party.coverage.patrol'), key: 'p', width: 130, render: (_, r) => (r.patrol ? `${r.patrol.covered} / ${r.patrol.buildings}` : '—') },
            ]}
          />
        </Card>
        <Card size="small" title={t('party.coverage.behind')} data-testid="party-coverage-behind-list">
          <Table
            size="small"
            rowKey={(r) => r.member.id}
            loading={c.loading}
            dataSource={d?.behind ?? []}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { title: t('party.member.name'), key: 'n', render: (_, r) => r.member.name },
              { title: t('party.coverage.visitedOf'), key: 'v', width: 110, render: (_, r) => `${r.visited} / ${r.households}` },
              { title: t('party.coverage.rateCol'), key: 'r', width: 160, render: (_, r) => bar(r.rate, t('party.coverage.rateCol')) },
              { title: '', key: 's', width: 80, render: (_, r) => (r.visited === 0 ? <Tag color="red">{t('party.coverage.none')}</Tag> : null) },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
