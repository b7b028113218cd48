// 问卷调查: the questionnaires of the caller's area, newest first, open ones on top.
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { listSurveys, type SurveySummary } from '../../../api/surveys.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LIST_PAGE_SIZE, ListCard, StateFilter, useListParams } from '../../components/ListCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SurveyStateTag } from './common.tsx';

export default function SurveysPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const f = useListParams();
  const list = useApi((signal) => listSurveys({ state: f.state, page: f.page, pageSize: LIST_PAGE_SIZE }, signal), [f.state, f.page]);
  const columns: ColumnsType<SurveySummary> = [
    { title: t('survey.col.title'), dataIndex: 'title', ellipsis: true, render: (v: string) => <a data-testid="survey-row-title">{v}</a> },
    { title: t('survey.col.purpose'), dataIndex: 'purpose', width: 120, render: (p: string) => <Tag color={p === 'satisfaction' ? 'red' : 'blue'}>{t(`survey.purpose.${p}` as 'survey.purpose.opinion')}</Tag> },
    { title: t('survey.col.area'), key: 'area', width: 180, ellipsis: true, render: (_, s) => s.area.name },
    { title: t('survey.col.state'), dataIndex: 'state', width: 100, render: (s: string) => <SurveyStateTag state={s} testId="survey-row-state" /> },
    { title: t('survey.col.responses'), dataIndex: 'responseCount', width: 100, align: 'right', render: (n: number) => fmtNumber(n) },
    { title: t('survey.col.closesAt'), dataIndex: 'closesAt', width: 130, render: (v: string | null) => (v ? fmtDate(v) : '—') },
  ];
  return (
    <div className="gz-page" data-testid="surveys-page">
      <PageHeader
        title={t('survey.title')}
        description={t('survey.desc')}
        testId="surveys-title"
        extra={
          can('surveys.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/surveys/new')} data-testid="survey-new">
              {t('survey.new')}
            </Button>
          )
        }
      />
      <ListCard<SurveySummary>
        filters={
          <StateFilter
            label={t('survey.filter.state')}
            value={f.state}
            onChange={(v) => f.set('state', v)}
            options={(['draft', 'open', 'closed'] as const).map((s) => ({ value: s, label: t(`survey.state.${s}`) }))}
          />
        }
        list={list}
        columns={columns}
        emptyText={t('survey.empty')}
        testId="surveys-table"
        page={f.page}
        onPage={(p) => f.set('page', String(p))}
        onRow={(s) => ({ onClick: () => navigate(s.state === 'draft' && s.allowedActions.includes('edit') ? `/surveys/${s.id}/edit` : `/surveys/${s.id}`), style: { cursor: 'pointer' } })}
      />
    </div>
  );
}
