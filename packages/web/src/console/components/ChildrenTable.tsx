import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AreaLevel, AreaSummary } from '../../api/types.ts';
import { childLevelOf, countKeysBelow } from '../../lib/areas.ts';
import { useT } from '../../i18n/index.tsx';
import { useLabels } from '../../lib/labels.ts';
import { fmtNumber } from '../../lib/format.ts';

/** Sub-areas of an area with their counts; a row opens that area. */
export function ChildrenTable({
  parentLevel,
  items,
  loading,
  onOpen,
  testId,
}: {
  parentLevel: AreaLevel;
  items: AreaSummary[];
  loading?: boolean;
  onOpen: (code: string) => void;
  testId?: string;
}) {
  const t = useT();
  const labels = useLabels();
  const childLevel = childLevelOf(parentLevel);
  const keys = childLevel ? countKeysBelow(childLevel) : [];
  const showGridType = childLevel === 'grid';
  const columns: ColumnsType<AreaSummary> = [
    {
      title: t('area.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, r) => (
        <Typography.Link onClick={() => onOpen(r.code)} data-testid="child-link">
          {name}
        </Typography.Link>
      ),
    },
    { title: t('area.code'), dataIndex: 'code', key: 'code', render: (c: string) => <span className="gz-mono-soft">{c}</span> },
    ...(showGridType
      ? [
          {
            title: t('area.gridType'),
            dataIndex: 'gridType',
            key: 'gridType',
            width: 110,
            render: (g: string | null) => (g ? <Tag color={g === 'commercial' ? 'blue' : 'red'} variant="outlined">{labels.gridTypeShort(g)}</Tag> : '—'),
          },
        ]
      : []),
    ...keys.map((k) => ({
      title: t(`count.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: AreaSummary) => fmtNumber(r.counts[k]),
    })),
  ];
  return (
    <Table<AreaSummary>
      size="middle"
      rowKey="code"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n: fmtNumber(n) }) } : false}
      onRow={(r) => ({ onClick: () => onOpen(r.code), className: 'gz-clickable' })}
      data-testid={testId}
      locale={{ emptyText: t('home.noChildren') }}
    />
  );
}
