// 议事协商: the deliberations of the caller's area, filtered by area and state; organisers convene a
// new one (roll from the registry, or typed / pasted).
import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { listDeliberations, type DelibSummary } from '../../../api/deliberations.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LIST_PAGE_SIZE, ListCard, StateFilter, useListParams } from '../../components/ListCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResultTag, StateTag } from './common.tsx';
import { NewDeliberationModal } from './NewDeliberationModal.tsx';

export default function DeliberationsPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const f = useListParams();
  const [creating, setCreating] = useState(false);
  const list = useApi((signal) => listDeliberations({ area: f.area, state: f.state, page: f.page, pageSize: LIST_PAGE_SIZE }, signal), [f.area, f.state, f.page]);
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
      <ListCard<DelibSummary>
        filters={
          <>
            <AreaTreeSelect value={f.area} onChange={(v) => f.set('area', v)} placeholder={t('delib.filter.area')} style={{ width: 220 }} testId="delib-filter-area" />
            <StateFilter
              label={t('delib.filter.state')}
              value={f.state}
              onChange={(v) => f.set('state', v)}
              options={[
                { value: 'open', label: t('delib.state.open') },
                { value: 'decided', label: t('delib.state.decided') },
              ]}
              testId="delib-filter-state"
            />
          </>
        }
        list={list}
        columns={columns}
        emptyText={t('delib.empty')}
        testId="deliberations-table"
        page={f.page}
        onPage={(p) => f.set('page', String(p))}
        onRow={(d) => ({ onClick: () => navigate(`/deliberations/${d.id}`), style: { cursor: 'pointer' }, 'data-id': d.id }) as React.HTMLAttributes<HTMLElement>}
      />
      {creating && <NewDeliberationModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/deliberations/${id}`)} />}
    </div>
  );
}
