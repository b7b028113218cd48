import { Card, Col, Empty, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { LeadCase, LeadCaseList, ReceptionList } from '../../../api/reception.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueLight, StateTag } from '../cases/CaseTags.tsx';
import { fmtDay, PhaseTag } from './ReceptionPage.tsx';
import './reception.css';

/** 领导包案: the cases the signed-in leader took on at reception days, and their next reception days. */
export default function LeadCasesPage() {
  const t = useT();
  const res = useApi((signal) => get<LeadCaseList>('/api/lead-cases', undefined, signal), []);
  const today = dayjs().format('YYYY-MM-DD');
  const days = useApi((signal) => get<ReceptionList>('/api/reception-days', { mine: true, from: today, to: dayjs().add(60, 'day').format('YYYY-MM-DD') }, signal), [today]);

  const columns: ColumnsType<LeadCase> = [
    {
      title: t('rc.lead.col.case'),
      key: 'case',
      ellipsis: true,
      render: (_: unknown, c) => (
        <Link to={`/cases/${c.id}`} data-testid="lead-case" data-code={c.code}>
          <span className="gz-mono">{c.code}</span> {c.title}
        </Link>
      ),
    },
    { title: t('rc.lead.col.state'), dataIndex: 'state', key: 'state', width: 100, render: (_: unknown, c) => <StateTag state={c.state} /> },
    { title: t('rc.lead.col.due'), key: 'due', width: 250, render: (_: unknown, c) => <DueLight c={c} /> },
    { title: t('rc.lead.col.place'), key: 'place', width: 220, ellipsis: true, render: (_: unknown, c) => c.place ?? c.areaName ?? '—' },
    { title: t('rc.lead.col.received'), dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => fmtTime(v) },
  ];

  if (res.error && !res.data) return <LoadError error={res.error} onRetry={res.reload} />;
  const d = res.data;
  return (
    <div className="gz-page" data-testid="lead-cases-page">
      <PageHeader title={t('rc.lead.title')} testId="lead-cases-title" description={t('rc.lead.desc')} />
      <Row gutter={[12, 12]} className="gz-rc-stats">
        {(
          [
            ['total', d?.total],
            ['open', d?.openCount],
            ['overdue', d?.overdueCount],
            ['closed', d?.closedCount],
          ] as const
        ).map(([k, v]) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small" loading={!d}>
              <Statistic title={t(`rc.lead.${k}`)} value={fmtNumber(v ?? 0)} valueStyle={k === 'overdue' && (v ?? 0) > 0 ? { color: '#b7181e' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card className="gz-card" size="small">
        <Table<LeadCase>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={d?.items ?? []}
          loading={res.loading && !d}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rc.lead.empty')} /> }}
          data-testid="lead-cases-table"
          scroll={{ x: 900 }}
        />
      </Card>
      <Card className="gz-card" size="small" title={t('rc.lead.myDays')}>
        {(days.data?.items ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rc.lead.noDays')} />
        ) : (
          <ul className="gz-rc-mydays">
            {days.data!.items.map((x) => (
              <li key={x.id}>
                <span className="gz-rc-mydays-when">
                  {fmtDay(x.day)} {x.startTime}–{x.endTime}
                </span>
                <span className="gz-rc-mydays-where">
                  {[x.townName, x.areaName].filter(Boolean).join(' ')} · {x.place}
                </span>
                <PhaseTag phase={x.phase} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
