// A published questionnaire: its state and actions (close), and its results — bars for choices, a gauge
// and bars for ratings, the 满意率 with the 60% line of seed 004, responses against the area's resident
// accounts, and the text answers paged.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { getSurvey, getSurveyResults, getSurveyTexts, surveyAction, type SurveyResultsView } from '../../../api/surveys.ts';
import { errorMessage } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { useEChart, type EChartsCoreOption } from '../../../lib/useEChart.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pct, SurveyStateTag } from './common.tsx';

type QResult = SurveyResultsView['questions'][number];

function Chart({ option, height, testId, label }: { option: EChartsCoreOption; height: number; testId?: string; label: string }) {
  const ref = useEChart(option);
  return <div ref={ref} style={{ height, width: '100%' }} data-testid={testId} role="img" aria-label={label} />;
}

function bars(labels: string[], values: number[], shares: number[], colour: string): EChartsCoreOption {
  return {
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: values, itemStyle: { color: colour }, barMaxWidth: 22, label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${values[p.dataIndex]}（${pct(shares[p.dataIndex])}）` } }],
  };
}

function QuestionChart({ q, surveyId, index }: { q: QResult; surveyId: string; index: number }) {
  const t = useT();
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (q.kind === 'rating')
      return bars(
        q.levels.map((l) => l.label),
        q.levels.map((l) => l.count),
        q.levels.map((l) => l.permille),
        '#c8161d',
      );
    if (q.kind === 'single' || q.kind === 'multiple')
      return bars(
        q.options.map((o) => o.label),
        q.options.map((o) => o.count),
        q.options.map((o) => o.permille),
        '#1677ff',
      );
    return null;
  }, [q]);
  const gauge = useMemo<EChartsCoreOption | null>(
    () =>
      q.kind === 'rating' && q.satisfactionPermille !== null
        ? {
            series: [
              {
                type: 'gauge',
                min: 0,
                max: 100,
                progress: { show: true, width: 14, itemStyle: { color: q.belowWarning ? '#cf1322' : '#389e0d' } },
                axisLine: { lineStyle: { width: 14, color: [[0.6, '#ff7875'], [1, '#95de64']] } },
                axisTick: { show: false },
                splitLine: { show: false },
                axisLabel: { show: false },
                pointer: { show: false },
                detail: { valueAnimation: false, fontSize: 22, offsetCenter: [0, '10%'], formatter: () => pct(q.satisfactionPermille) },
                title: { offsetCenter: [0, '45%'], fontSize: 12 },
                data: [{ value: q.satisfactionPermille / 10, name: t('survey.res.rate') }],
              },
            ],
          }
        : null,
    [q, t],
  );
  return (
    <Card className="gz-card" size="small" style={{ marginBottom: 12 }} data-testid="survey-result-question"
      title={<span>{t('survey.q.n', { n: index + 1 })}<span style={{ marginLeft: 12 }}>{q.title}</span></span>}
      extra={<Space><Tag>{t(`survey.kind.${q.kind}`)}</Tag><span>{t('survey.res.answered', { n: fmtNumber(q.answered) })}</span></Space>}
    >
      {q.answered === 0 && q.kind !== 'text' ? (
        <Empty description={t('survey.res.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : q.kind === 'text' ? (
        <TextAnswers surveyId={surveyId} questionId={q.questionId} />
      ) : q.kind === 'rating' ? (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {gauge && <Chart option={gauge} height={200} testId="survey-gauge" label={`${t('survey.res.rate')} ${pct(q.kind === 'rating' ? q.satisfactionPermille : null)}`} />}
            <div style={{ textAlign: 'center' }}>
              {t('survey.res.average')}：<b>{q.average?.toFixed(2) ?? '—'}</b>
              {q.belowWarning && <Tag color="error" style={{ marginLeft: 8 }}>{'< 60%'}</Tag>}
            </div>
          </Col>
          <Col xs={24} md={16}>{option && <Chart option={option} height={200} testId="survey-chart" label={q.title} />}</Col>
        </Row>
      ) : (
        <>
          {option && <Chart option={option} height={Math.max(120, q.options.length * 38)} testId="survey-chart" label={q.title} />}
          {q.kind === 'multiple' && <Typography.Text type="secondary">{t('survey.res.multiNote')}</Typography.Text>}
        </>
      )}
    </Card>
  );
}

function TextAnswers({ surveyId, questionId }: { surveyId: string; questionId: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const res = useApi((signal) => getSurveyTexts(surveyId, questionId, page, signal), [surveyId, questionId, page]);
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  return (
    <List
      size="small"
      loading={res.loading}
      dataSource={res.data?.items ?? []}
      locale={{ emptyText: t('survey.res.noTexts') }}
      pagination={(res.data?.total ?? 0) > 10 ? { current: page, pageSize: 10, total: res.data?.total ?? 0, onChange: setPage, size: 'small' } : false}
      renderItem={(a) => (
        <List.Item data-testid="survey-text-answer">
          <List.Item.Meta title={a.text} description={`${a.respondent ?? t('survey.res.anonymous')} · ${fmtTime(a.at)}`} />
        </List.Item>
      )}
    />
  );
}

export default function SurveyPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const survey = useApi((signal) => getSurvey(id, signal), [id]);
  const canResults = survey.data?.allowedActions.includes('results') ?? false;
  const results = useApi(canResults ? (signal) => getSurveyResults(id, signal) : null, [id, canResults, survey.data?.state]);
  if (survey.error) return <LoadError error={survey.error} onRetry={survey.reload} />;
  const s = survey.data;
  const r = results.data;
  const close = () =>
    modal.confirm({
      title: t('survey.closeConfirm'),
      okText: t('survey.close'),
      onOk: async () => {
        try {
          await surveyAction(id, 'close');
          message.success(t('survey.closed'));
          survey.reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  return (
    <div className="gz-page" data-testid="survey-page">
      <PageHeader
        title={s?.title ?? t('survey.res.title')}
        testId="survey-title"
        extra={
          <Space>
            <Button onClick={() => navigate('/surveys')}>{t('survey.back')}</Button>
            {s?.allowedActions.includes('edit') && <Button onClick={() => navigate(`/surveys/${id}/edit`)}>{t('survey.edit')}</Button>}
            {s?.allowedActions.includes('close') && (
              <Button danger onClick={close} data-testid="survey-close">
                {t('survey.close')}
              </Button>
            )}
          </Space>
        }
      />
      {s && (
        <Card className="gz-card" size="small" loading={survey.loading} style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('survey.col.state')}><SurveyStateTag state={s.state} testId="survey-state" /></Descriptions.Item>
            <Descriptions.Item label={t('survey.col.purpose')}>{t(`survey.purpose.${s.purpose}`)}</Descriptions.Item>
            <Descriptions.Item label={t('survey.col.area')}>{s.area.name}</Descriptions.Item>
            <Descriptions.Item label={t('survey.col.closesAt')}>{s.closesAt ? fmtDate(s.closesAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('survey.f.anonymous')}>{s.anonymous ? '✓' : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('survey.f.public')}>{s.publicResults ? '✓' : '—'}</Descriptions.Item>
          </Descriptions>
          {s.intro && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{s.intro}</Typography.Paragraph>}
        </Card>
      )}
      {results.error && <LoadError error={results.error} onRetry={results.reload} />}
      {r && (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col xs={24} md={8}>
              <Card className="gz-card" size="small">
                <Statistic title={t('survey.res.respondents')} value={r.respondents} data-testid="survey-respondents" />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card className="gz-card" size="small">
                <Statistic title={t('survey.res.online')} value={`${fmtNumber(r.online)} / ${fmtNumber(r.eligible)}`} suffix={<span style={{ fontSize: 13 }}>（{pct(r.responsePermille)}）</span>} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card className="gz-card" size="small">
                <Statistic title={t('survey.res.rate')} value={pct(r.satisfactionPermille)} valueStyle={r.belowWarning ? { color: '#cf1322' } : undefined} data-testid="survey-rate" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('survey.res.rateNote')}</Typography.Text>
              </Card>
            </Col>
          </Row>
          {r.belowWarning && <Alert type="error" showIcon message={t('survey.res.warning')} style={{ marginBottom: 12 }} />}
          {r.questions.map((q, i) => (
            <QuestionChart key={q.questionId} q={q} surveyId={id} index={i} />
          ))}
        </>
      )}
    </div>
  );
}
