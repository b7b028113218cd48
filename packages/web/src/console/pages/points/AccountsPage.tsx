// 账户与明细: the ledger accounts in the caller's scope (personal, family, merchant, issuing pools,
// holds) with their balances; a statement drawer shows every transfer with the running balance,
// the counterparty, who authorised it and why.
import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { get } from '../../../api/client.ts';
import type { AccountKind, PointsAccountRow as AccountRow, PointScheme, PointsAccounts } from '@gongzhi/domain/contract';
import { POINT_SCHEMES } from '../../../lib/points.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaName } from '../../components/AreaName.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { SchemeTag, StatementDrawer } from './common.tsx';

const KINDS: AccountKind[] = ['person', 'household', 'merchant', 'pool', 'hold'];
const KIND_COLOUR: Record<AccountKind, string | undefined> = { person: 'blue', household: 'orange', merchant: 'green', pool: 'red', hold: 'gold' };

export default function AccountsPage() {
  const t = useT();
  const pl = usePointsLabels();
  const [scheme, setScheme] = useState<PointScheme | undefined>();
  const [kind, setKind] = useState<AccountKind | undefined>();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<AccountRow | null>(null);
  const res = useApi((signal) => get<PointsAccounts>('/api/points/accounts', { scheme, kind, q: query, page, pageSize }, signal), [scheme, kind, query, page, pageSize]);

  const columns: ColumnsType<AccountRow> = [
    {
      title: t('points.acc.name'),
      dataIndex: 'name',
      key: 'name',
      render: (v: string, a) => (
        <a onClick={() => setOpen(a)} data-testid="account-name">
          {v}
        </a>
      ),
    },
    { title: t('points.acc.kind'), dataIndex: 'kind', key: 'kind', width: 110, render: (k: AccountKind) => <Tag color={KIND_COLOUR[k]}>{pl.accountKind(k)}</Tag> },
    { title: t('points.scheme'), dataIndex: 'scheme', key: 'scheme', width: 170, render: (s: PointScheme, a) => <SchemeTag scheme={s} name={a.schemeName} /> },
    { title: t('points.acc.area'), dataIndex: 'areaCode', key: 'area', width: 170, render: (c: string) => <AreaName code={c.slice(0, Math.min(c.length, 15))} /> },
    {
      title: t('points.acc.balance'),
      dataIndex: 'balance',
      key: 'balance',
      width: 130,
      align: 'right',
      render: (v: number, a) =>
        a.kind === 'pool' ? (
          <Tooltip title={t('points.acc.poolHint', { n: fmtNumber(-v) })}>
            <span className="gz-pts-num gz-muted">{fmtNumber(v)}</span>
          </Tooltip>
        ) : (
          <span className="gz-pts-num" data-testid="account-balance">
            <b>{fmtNumber(v)}</b> <span className="gz-muted">{pl.unit(a.scheme)}</span>
          </span>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, a) =>
        a.allowedActions.includes('statement') ? (
          <Button type="link" size="small" onClick={() => setOpen(a)} data-testid="account-statement">
            {t('points.statement')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="gz-page" data-testid="points-accounts-page">
      <PageHeader title={t('points.menu.accounts')} description={t('points.acc.desc')} testId="points-accounts-title" />
      <Card className="gz-card" size="small">
        <div className="gz-toolbar">
          <Space wrap>
            <Input.Search
              allowClear
              enterButton={<SearchOutlined />}
              aria-label={t('points.acc.search')} placeholder={t('points.acc.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => {
                setPage(1);
                setQuery(v.trim());
              }}
              style={{ width: 260 }}
              data-testid="accounts-search"
            />
            <Select
              allowClear
              aria-label={t('points.scheme')} placeholder={t('points.scheme')}
              style={{ width: 180 }}
              value={scheme}
              onChange={(v) => {
                setScheme(v);
                setPage(1);
              }}
              options={POINT_SCHEMES.map((s) => ({ value: s, label: pl.scheme(s) }))}
            />
            <Select
              allowClear
              aria-label={t('points.acc.kind')} placeholder={t('points.acc.kind')}
              style={{ width: 140 }}
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              options={KINDS.map((k) => ({ value: k, label: pl.accountKind(k) }))}
            />
          </Space>
          <Button icon={<ReloadOutlined />} onClick={res.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<AccountRow>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={res.data?.items ?? []}
            loading={res.loading}
            data-testid="accounts-table"
            onRow={(a) => ({ 'data-testid': 'account-row', 'data-kind': a.kind }) as object}
            pagination={{
              current: page,
              pageSize,
              total: res.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
              onChange: (p, s) => {
                setPage(s === pageSize ? p : 1);
                setPageSize(s);
              },
            }}
          />
        )}
      </Card>
      <StatementDrawer accountId={open?.id ?? null} title={open ? `${open.name} · ${t('points.statement')}` : undefined} onClose={() => setOpen(null)} />
    </div>
  );
}
