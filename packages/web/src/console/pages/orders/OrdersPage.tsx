// 点单派单: the community's orders inbox by state (待派单, 待接单, 服务中, 待评价, 已评价, 已取消).
import { Card, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listOrders, ORDER_STATES, type Order, type OrderState } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusTag } from '../wishes/common.tsx';

type TabKey = 'all' | OrderState;

export default function OrdersPage() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && (tabParam === 'all' || ORDER_STATES.includes(tabParam)) ? tabParam : 'ordered';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useApi((signal) => listOrders({ state: tab === 'all' ? undefined : tab, page, pageSize: 20 }, signal), [tab, page]);
  const counts = list.data?.counts ?? {};
  const columns: ColumnsType<Order> = [
    { title: t('order.service'), key: 'service', render: (_, o) => <a data-testid="order-row-service">{o.service.name}</a> },
    { title: t('order.category'), key: 'category', render: (_, o) => o.service.category, width: 100 },
    { title: t('order.note'), dataIndex: 'note', ellipsis: true },
    { title: t('order.orderer'), key: 'orderer', render: (_, o) => o.orderer.name, width: 100 },
    { title: t('order.preferredTime'), dataIndex: 'preferredTime', render: (v: string | null) => v ?? '—', width: 130 },
    { title: t('order.state'), dataIndex: 'state', render: (s: string) => <StatusTag kind="order" state={s} testId="order-row-state" />, width: 90 },
    { title: t('order.assignee'), key: 'assignee', render: (_, o) => o.takenBy?.name ?? o.assignee?.name ?? '—', width: 150 },
    { title: t('order.rating'), key: 'rating', render: (_, o) => (o.rating ? tx(`order.rating.${o.rating}`, o.rating) : '—'), width: 90 },
    { title: t('order.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtTime(v), width: 150 },
  ];
  return (
    <div className="gz-page" data-testid="orders-page">
      <PageHeader title={t('order.inbox.title')} description={t('order.inbox.desc')} testId="orders-title" />
      <Card className="gz-card" size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          items={([...ORDER_STATES, 'all'] as TabKey[]).map((k) => ({
            key: k,
            label: (
              <span data-testid={`orders-tab-${k}`}>
                {k === 'all' ? t('order.tab.all') : tx(`order.state.${k}`, k)}
                {k !== 'all' && list.data ? ` ${fmtNumber(counts[k] ?? 0)}` : ''}
              </span>
            ),
          }))}
        />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Order>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            data-testid="orders-table"
            onRow={(o) => ({ onClick: () => navigate(`/orders/${o.id}`), style: { cursor: 'pointer' }, 'data-id': o.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: (p) => setParams({ tab, page: String(p) }), showTotal: (n) => t('common.total', { n: fmtNumber(n) }) }}
          />
        )}
      </Card>
    </div>
  );
}
