// The console's filtered list pages (问卷调查, 议事表决, 金点子, 需求清单, 治理项目): filters kept in the address
// (area, state, page), a card with the filters above a table of 20 a page, or the load error with a retry.
import type { HTMLAttributes, ReactNode } from 'react';
import { Card, Select, Space, Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import type { ApiState } from '../../lib/useApi.ts';
import { LoadError } from './ErrorResult.tsx';

/** Rows a page of these lists. */
export const LIST_PAGE_SIZE = 20;

/** The list's filters in the address: `area`, `state`, `page`; changing a filter goes back to the first page. */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  return { area: params.get('area') ?? undefined, state: params.get('state') ?? undefined, page: Number(params.get('page') ?? 1) || 1, set };
}

/** The state filter of a list: a clearable select named by its placeholder. */
export function StateFilter({ label, value, onChange, options, testId }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void; options: { value: string; label: string }[]; testId?: string }) {
  return <Select allowClear aria-label={label} placeholder={label} style={{ width: 140 }} value={value} onChange={(v?: string) => onChange(v)} options={options} data-testid={testId} />;
}

interface ListCardProps<T> {
  /** The filters shown above the table. */
  filters: ReactNode;
  list: ApiState<{ items: T[]; total: number }>;
  columns: ColumnsType<T>;
  emptyText: string;
  testId: string;
  page: number;
  onPage: (page: number) => void;
  onRow?: (row: T) => HTMLAttributes<HTMLElement>;
  scroll?: TableProps<T>['scroll'];
}

export function ListCard<T extends { id: string }>({ filters, list, columns, emptyText, testId, page, onPage, onRow, scroll }: ListCardProps<T>) {
  const t = useT();
  return (
    <Card className="gz-card" size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        {filters}
      </Space>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<T>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText }}
          data-testid={testId}
          scroll={scroll}
          onRow={onRow}
          pagination={{ current: page, pageSize: LIST_PAGE_SIZE, total: list.data?.total ?? 0, onChange: onPage, showTotal: (n) => t('common.total', { n: fmtNumber(n) }) }}
        />
      )}
    </Card>
  );
}
