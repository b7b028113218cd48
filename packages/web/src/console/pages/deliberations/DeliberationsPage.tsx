// 议事协商: the deliberations of the caller's area, filtered by area and state; organisers convene a
// new one (roll from the registry, or typed / pasted).
import { useState } from 'react';
import { Button, Card, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listDeliberations, type DelibSummary } from '../../../api/deliberations.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResultTag, StateTag } from './common.tsx';
import { NewDeliberationModal } from './NewDeliberationModal.tsx';

export default function DeliberationsPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const state = params.get('state') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [creating, setCreating] = useState(false);
  const list = useApi((signal) => listDeliberations({ area, state, page, pageSize: 20 }, signal), [area, state, page]);
  const setFilter = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  };
  const columns: ColumnsType<DelibSummary> = [
    { title: t('delib.col.title'), dataIndex: 'title', ellipsis: true, render: (v: string) => <a data-testid="delib-row-title">{v}</a> },
    { title: t('delib.col.body'), dataIndex: 'body', width: 170, render: (b: string) => tx(`delib.body.${b}`, '') },
    { title: t('delib.col.area'), dataIndex: 'areaName', width: 180, ellipsis: true },
    { title: t('delib.col.turnout'), key: 'turnout', width: 110, render: (_, d) => `${fmtNumber(d.present)} / ${fmtNumber(d.eligible)}` },
    { title: t('delib.col.state'), dataIndex: 'state', width: 100, render: (s: string) => <StateTag state={s} testId="delib-row-state" /> },
    { title: t('delib.col.result'), key: 'result', width: 120, render: (_, d) => <ResultTag result={d.result} testId="delib-row-result" /> },
    { title: t('delib.col.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => fmtTime(v) },
  ];
  return (
    <div className="gz-page" data-testid="deliberations-page">
      <PageHeader
        title={t('delib.title')}
        description={t('delib.desc')}
        testId="deliberations-title"
        extra={
          can('deliberations.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="delib-new">
              {t('delib.new')}
            </Button>
          )
        }
      />
      <Card className="gz-card" size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <AreaTreeSelect value={area} onChange={(v) => setFilter('area', v)} placeholder={t('delib.filter.area')} style={{ width: 220 }} testId="delib-filter-area" />
          <Select
            allowClear
            aria-label={t('delib.filter.state')}
            placeholder={t('delib.filter.state')}
            style={{ width: 140 }}
            value={state}
            onChange={(v?: string) => setFilter('state', v)}
            options={[
              { value: 'open', label: t('delib.state.open') },
              { value: 'decided', label: t('delib.state.decided') },
            ]}
            data-testid="delib-filter-state"
          />
        </Space>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<DelibSummary>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('delib.empty') }}
            data-testid="deliberations-table"
            onRow={(d) => ({ onClick: () => navigate(`/deliberations/${d.id}`), style: { cursor: 'pointer' }, 'data-id': d.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
              showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
            }}
          />
        )}
      </Card>
      {creating && <NewDeliberationModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/deliberations/${id}`)} />}
    </div>
  );
}
