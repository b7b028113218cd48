// 账本核查: the ledger audit (GET /api/points/audit) — every balance recomputed from the transfers,
// Σ per scheme = 0, stock and holds consistent, each award and redemption posted as its state says.
import { Alert, Button, Card, Col, Result, Row, Statistic, Table, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { get } from '../../../api/client.ts';
import type { LedgerReport, PointScheme } from '@gongzhi/domain/contract';
import { POINT_SCHEMES } from '../../../lib/points.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { SchemeTag } from './common.tsx';

type SchemeRow = LedgerReport['schemes'][number];
type Problem = LedgerReport['problems'][number];

export default function LedgerPage() {
  const { t, tx } = useI18n();
  const pl = usePointsLabels();
  const res = useApi((signal) => get<LedgerReport>('/api/points/audit', undefined, signal), []);
  const r = res.data;
  const schemes = [...(r?.schemes ?? [])].sort((a, b) => POINT_SCHEMES.indexOf(a.scheme as PointScheme) - POINT_SCHEMES.indexOf(b.scheme as PointScheme));

  const schemeColumns: ColumnsType<SchemeRow> = [
    { title: t('points.scheme'), dataIndex: 'scheme', key: 'scheme', render: (s: string) => <SchemeTag scheme={s} /> },
    { title: t('points.ledger.accounts'), dataIndex: 'accounts', key: 'accounts', width: 120, align: 'right', render: (v: number) => fmtNumber(v) },
    {
      title: t('points.ledger.issued'),
      dataIndex: 'issued',
      key: 'issued',
      width: 160,
      align: 'right',
      render: (v: number, s) => (
        <span className="gz-pts-num">
          {fmtNumber(v)} <span className="gz-muted">{pl.unit(s.scheme)}</span>
        </span>
      ),
    },
    {
      title: t('points.ledger.sum'),
      dataIndex: 'sum',
      key: 'sum',
      width: 160,
      align: 'right',
      render: (v: number) => (
        <span className={v === 0 ? 'gz-pts-ok' : 'gz-pts-minus'} data-testid="ledger-sum">
          {v === 0 ? <CheckCircleFilled /> : <CloseCircleFilled />} Σ = {fmtNumber(v)}
        </span>
      ),
    },
  ];
  const problemColumns: ColumnsType<Problem> = [
    { title: t('points.ledger.code'), dataIndex: 'code', key: 'code', width: 220, render: (c: string) => <Tag color="red">{tx(`points.ledger.problem.${c}`, c)}</Tag> },
    { title: t('points.ledger.message'), dataIndex: 'message', key: 'message' },
    { title: t('points.ledger.ref'), dataIndex: 'ref', key: 'ref', width: 320, render: (v: string) => <span className="gz-mono-soft">{v}</span> },
  ];

  return (
    <div className="gz-page" data-testid="points-ledger-page">
      <PageHeader
        title={t('points.menu.ledger')}
        description={t('points.ledger.desc')}
        testId="points-ledger-title"
        extra={
          <Button type="primary" icon={<ReloadOutlined />} loading={res.loading} onClick={res.reload} data-testid="ledger-rerun">
            {t('points.ledger.rerun')}
          </Button>
        }
      />
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <>
          <Card className="gz-card" size="small" loading={!r}>
            {r && (
              <Row gutter={24} align="middle">
                <Col flex="none">
                  {r.ok ? (
                    <Result
                      className="gz-pts-ledger-result"
                      status="success"
                      icon={<SafetyCertificateOutlined />}
                      title={<span data-testid="ledger-status" data-ok="true">{t('points.ledger.ok')}</span>}
                      subTitle={t('points.ledger.okHint')}
                    />
                  ) : (
                    <Result
                      className="gz-pts-ledger-result"
                      status="error"
                      title={<span data-testid="ledger-status" data-ok="false">{t('points.ledger.bad', { n: r.problems.length })}</span>}
                      subTitle={t('points.ledger.badHint')}
                    />
                  )}
                </Col>
                <Col flex="auto">
                  <Row gutter={16}>
                    <Col span={8}>
                      <Statistic title={t('points.ledger.accounts')} value={r.accounts} formatter={(v) => fmtNumber(Number(v))} />
                    </Col>
                    <Col span={8}>
                      <Statistic title={t('points.ledger.transfers')} value={r.transfers} formatter={(v) => fmtNumber(Number(v))} />
                    </Col>
                    <Col span={8}>
                      <Statistic
                        title={t('points.ledger.problems')}
                        value={r.problems.length}
                        styles={{ content: { color: r.problems.length ? '#cf1322' : '#389e0d' } }}
                        formatter={(v) => <span data-testid="ledger-problem-count">{fmtNumber(Number(v))}</span>}
                      />
                    </Col>
                  </Row>
                </Col>
              </Row>
            )}
          </Card>
          <Card className="gz-card" size="small" title={t('points.ledger.schemes')}>
            <Table<SchemeRow> size="middle" rowKey="scheme" columns={schemeColumns} dataSource={schemes} loading={res.loading} pagination={false} data-testid="ledger-schemes" />
          </Card>
          <Card className="gz-card" size="small" title={t('points.ledger.problemList')}>
            {r && r.problems.length === 0 ? (
              <Alert type="success" showIcon title={t('points.ledger.noProblems')} data-testid="ledger-no-problems" />
            ) : (
              <Table<Problem> size="middle" rowKey={(p, i) => `${p.code}-${p.ref}-${i}`} columns={problemColumns} dataSource={r?.problems ?? []} loading={res.loading} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="ledger-problems" />
            )}
          </Card>
          {r && <Alert type="info" showIcon title={<span data-testid="ledger-checked-at">{t('points.ledger.checks', { at: fmtTime(r.checkedAt ?? new Date().toISOString()) })}</span>} className="gz-pts-ledger-checks" />}
        </>
      )}
    </div>
  );
}
