// Pieces the points pages share: scheme tags, stars, signed amounts, the statement table and drawer.
import { useState } from 'react';
import { Descriptions, Drawer, Rate, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { get } from '../../../api/client.ts';
import type { PointScheme, PointsStatement as Statement, StatementEntry } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { SCHEME_COLOUR, signed, usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';

export function SchemeTag({ scheme, name, short }: { scheme: PointScheme | string; name?: string; short?: boolean }) {
  const labels = usePointsLabels();
  const colour = SCHEME_COLOUR[scheme as PointScheme] ?? '#8c8c8c';
  return (
    <Tag className="gz-pts-scheme" style={{ color: colour, borderColor: `${colour}55`, background: `${colour}0d` }} data-testid={`scheme-${scheme}`}>
      {short ? labels.schemeShort(scheme, name) : labels.scheme(scheme, name)}
    </Tag>
  );
}

export function Stars({ n, title }: { n: number; title?: string }) {
  const t = useT();
  return (
    <Tooltip title={title ?? t('points.starsN', { n })}>
      <span className="gz-pts-stars" data-testid="stars" data-stars={n}>
        <Rate disabled count={5} value={n} />
      </span>
    </Tooltip>
  );
}

/** A signed change: green for credits, red for debits. */
export function Delta({ value, testId }: { value: number; testId?: string }) {
  if (!value) return <span className="gz-muted">0</span>;
  return (
    <span className={value > 0 ? 'gz-pts-plus' : 'gz-pts-minus'} data-testid={testId}>
      {signed(value)}
    </span>
  );
}

export function useStatementColumns(): ColumnsType<StatementEntry> {
  const t = useT();
  const labels = usePointsLabels();
  return [
    { title: t('points.st.at'), dataIndex: 'at', key: 'at', width: 150, render: (v: string) => <span className="gz-mono-soft gz-nowrap">{fmtTime(v)}</span> },
    {
      title: t('points.st.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 116,
      render: (k: string, e) => (
        <span data-testid="st-kind" data-kind={k}>
          <Tag color={KIND_COLOUR[k]}>{labels.transferKind(k, e.kindLabel)}</Tag>
        </span>
      ),
    },
    { title: t('points.st.amount'), dataIndex: 'amount', key: 'amount', width: 80, align: 'right', render: (v: number) => <Delta value={v} /> },
    { title: t('points.st.balance'), dataIndex: 'balance', key: 'balance', width: 80, align: 'right', render: (v: number) => <b>{fmtNumber(v)}</b> },
    {
      title: t('points.st.held'),
      key: 'held',
      width: 96,
      align: 'right',
      render: (_, e) =>
        e.heldChange ? (
          <Tooltip title={t('points.st.heldChange', { n: signed(e.heldChange) })}>
            <span>
              {fmtNumber(e.held)} <span className="gz-muted">({signed(e.heldChange)})</span>
            </span>
          </Tooltip>
        ) : (
          <span className="gz-muted">{fmtNumber(e.held)}</span>
        ),
    },
    {
      title: t('points.st.counterparty'),
      key: 'counterparty',
      width: 200,
      ellipsis: { showTitle: true },
      // The redeemer's own hold account reads as what it is, not as a second copy of their name.
      render: (_, e) => (e.counterparty.kind === 'hold' ? <span className="gz-muted">{labels.accountKind('hold')}</span> : (e.counterparty.name ?? '—')),
    },
    { title: t('points.st.authorisedBy'), dataIndex: 'authorisedBy', key: 'authorisedBy', width: 150, ellipsis: { showTitle: true }, render: (v: string) => v || t('points.system') },
    { title: t('points.st.note'), dataIndex: 'note', key: 'note', width: 280, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
  ];
}

const KIND_COLOUR: Record<string, string> = {
  award: 'green',
  reversal: 'volcano',
  'redeem-hold': 'gold',
  'redeem-confirm': 'blue',
  'redeem-release': 'cyan',
  refund: 'magenta',
};

/** An account's statement (newest first, running balance), e.g. `/api/points/accounts/{id}/statement`. */
export function StatementDrawer({ accountId, title, onClose }: { accountId: string | null; title?: string; onClose: () => void }) {
  const t = useT();
  const labels = usePointsLabels();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [forAccount, setForAccount] = useState(accountId);
  if (forAccount !== accountId) {
    setForAccount(accountId);
    setPage(1);
  }
  const res = useApi(accountId ? (signal) => get<Statement>(`/api/points/accounts/${accountId}/statement`, { page, pageSize }, signal) : null, [accountId, page, pageSize]);
  const columns = useStatementColumns();
  const acc = res.data?.account;
  return (
    <Drawer open={accountId !== null} onClose={onClose} size={1240} title={title ?? acc?.name ?? t('points.statement')} destroyOnHidden>
      <div data-testid="statement-drawer">
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <>
            {acc && (
              <Descriptions size="small" column={4} className="gz-pts-acc-desc">
                <Descriptions.Item label={t('points.acc.name')}>{acc.name}</Descriptions.Item>
                <Descriptions.Item label={t('points.acc.scheme')}>
                  <SchemeTag scheme={acc.scheme} name={acc.schemeName} />
                </Descriptions.Item>
                <Descriptions.Item label={t('points.acc.balance')}>
                  <b className="gz-pts-big" data-testid="statement-balance">
                    {fmtNumber(acc.balance)}
                  </b>{' '}
                  <span className="gz-muted">{labels.unit(acc.scheme)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('points.acc.held')}>
                  {fmtNumber(acc.held)} {labels.unit(acc.scheme)}
                </Descriptions.Item>
              </Descriptions>
            )}
            <Table<StatementEntry>
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={res.data?.items ?? []}
              loading={res.loading}
              scroll={{ x: 1150 }}
              data-testid="statement-table"
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
          </>
        )}
      </div>
    </Drawer>
  );
}
