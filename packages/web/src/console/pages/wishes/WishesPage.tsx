// 微心愿审核: the community's wishes by state (待审核, 待认领, 已认领, 待确认, 已圆梦 …); a row opens the
// wish with its timeline and the actions the server allows.
import { Card, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listWishes, WISH_STATES, type Wish, type WishState } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusTag } from './common.tsx';

type TabKey = 'all' | WishState;

export default function WishesPage() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && (tabParam === 'all' || WISH_STATES.includes(tabParam)) ? tabParam : 'submitted';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useApi((signal) => listWishes({ state: tab === 'all' ? undefined : tab, page, pageSize: 20 }, signal), [tab, page]);
  // One small request per state for the tab badges.
  const counts = useApi(
    (signal) => Promise.all(WISH_STATES.map((s) => listWishes({ state: s, pageSize: 1 }, signal).then((r) => [s, r.total] as const))).then((e) => Object.fromEntries(e) as Record<WishState, number>),
    [list.data],
  );
  const columns: ColumnsType<Wish> = [
    { title: t('wish.title'), dataIndex: 'title', render: (v: string) => <a data-testid="wish-row-title">{v}</a> },
    {
      title: t('wish.wisher'),
      key: 'wisher',
      render: (_, w) => (
        <span>
          {w.wisher.name}
          {w.onBehalf && <Tag style={{ marginLeft: 6 }}>{t('wish.onBehalf')}</Tag>}
        </span>
      ),
    },
    { title: t('wish.area'), key: 'area', render: (_, w) => (w.area.name === w.community.name ? w.area.name : `${w.community.name} · ${w.area.name}`) },
    { title: t('wish.state'), dataIndex: 'state', render: (s: string) => <StatusTag kind="wish" state={s} testId="wish-row-state" /> },
    { title: t('wish.claimedBy'), key: 'claimedBy', render: (_, w) => w.claimedBy?.name ?? '—' },
    { title: t('wish.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtTime(v), width: 160 },
  ];
  return (
    <div className="gz-page" data-testid="wishes-page">
      <PageHeader title={t('wish.review.title')} description={t('wish.review.desc')} testId="wishes-title" />
      <Card className="gz-card" size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          items={(['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'cancelled', 'all'] as TabKey[]).map((k) => ({
            key: k,
            label: (
              <span data-testid={`wishes-tab-${k}`}>
                {k === 'all' ? t('wish.tab.all') : tx(`wish.state.${k}`, k)}
                {k !== 'all' && counts.data ? ` ${fmtNumber(counts.data[k])}` : ''}
              </span>
            ),
          }))}
        />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Wish>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            data-testid="wishes-table"
            onRow={(w) => ({ onClick: () => navigate(`/wishes/${w.id}`), style: { cursor: 'pointer' }, 'data-id': w.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: (p) => setParams({ tab, page: String(p) }), showTotal: (n) => t('common.total', { n: fmtNumber(n) }) }}
          />
        )}
      </Card>
    </div>
  );
}
