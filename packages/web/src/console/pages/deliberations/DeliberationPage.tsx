// One deliberation: the topic and the body's legal rule; the result (held / passed and why, with the
// exact figures); the roll, where staff record paper ballots entry by entry; closing.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Input, Popconfirm, Row, Space, Table, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useParams } from 'react-router-dom';
import { explainDeliberationCheck } from '@gongzhi/domain/deliberation';
import { errorMessage } from '../../../api/client.ts';
import { castBallot, closeDeliberation, getDeliberation, type Choice, type DelibCheck, type DelibDetail, type RollEntry } from '../../../api/deliberations.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ResultTag, StateTag } from './common.tsx';
import { DecisionToNeed } from '../projects/ListPages.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { DecisionToConvention } from '../conventions/DecisionToConvention.tsx';
import './deliberations.css';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
const CHOICE_COLOURS: Record<Choice, string> = { yes: 'success', no: 'error', abstain: 'default' };

export default function DeliberationPage() {
  const { t, tx, locale } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const res = useApi((signal) => getDeliberation(id, signal), [id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [unvotedOnly, setUnvotedOnly] = useState(false);
  const d = res.data;
  const lang = locale === 'en' ? 'en' : 'zh';

  const rows = useMemo(() => (d?.roll ?? []).filter((r) => (!q || r.name.includes(q.trim())) && (!unvotedOnly || !r.ballot)), [d, q, unvotedOnly]);

  const record = async (rollId: string, choice: Choice) => {
    setBusy(rollId);
    try {
      await castBallot(id, rollId, choice);
      message.success(t('delib.detail.recorded'));
      res.reload();
    } catch (e) {
      message.error(errorMessage(e));
      res.reload();
    } finally {
      setBusy(null);
    }
  };
  const close = async () => {
    setBusy('close');
    try {
      await closeDeliberation(id);
      message.success(t('delib.detail.closed'));
      res.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (res.error && !d) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!d) return <Card loading />;
  const canRecord = d.allowedActions.includes('ballot');
  const owners = d.body === 'owners-assembly';
  const columns: ColumnsType<RollEntry> = [
    { title: t('delib.detail.rollSeq'), dataIndex: 'seq', width: 70 },
    { title: t('delib.detail.rollName'), dataIndex: 'name', ellipsis: true },
    ...(owners ? [{ title: t('delib.detail.rollArea'), dataIndex: 'area', width: 110, render: (a?: number) => (a === undefined ? '—' : fmtNumber(a)) }] : []),
    {
      title: t('delib.detail.ballot'),
      key: 'ballot',
      width: 300,
      render: (_, r) =>
        r.ballot ? (
          <Space>
            <Tag color={CHOICE_COLOURS[r.ballot.choice]} data-testid="delib-ballot">
              {tx(`delib.choice.${r.ballot.choice}`, '')}
            </Tag>
            <span className="gz-delib-muted">{r.ballot.online ? t('delib.detail.online') : t('delib.detail.paper')}</span>
          </Space>
        ) : canRecord ? (
          <Space size={4} data-testid="delib-record">
            {CHOICES.map((c) => (
              <Button key={c} size="small" loading={busy === r.id} disabled={busy !== null && busy !== r.id} onClick={() => record(r.id, c)} data-testid={`delib-record-${c}`}>
                {tx(`delib.choice.${c}`, '')}
              </Button>
            ))}
          </Space>
        ) : (
          <span className="gz-delib-muted">{t('delib.detail.notVoted')}</span>
        ),
    },
  ];
  return (
    <div className="gz-page" data-testid="deliberation-page" data-state={d.state}>
      <PageHeader
        title={
          <Space wrap>
            <Button type="text" aria-label={t('common.back')} icon={<ArrowLeftOutlined />} onClick={() => navigate('/deliberations')} />
            <span className="gz-delib-title">{d.title}</span>
            <StateTag state={d.state} testId="delib-state" />
          </Space>
        }
        extra={
          d.state === 'decided' && d.result?.passed ? (
            <Space>
              <DecisionToConvention deliberation={d} />
              <DecisionToNeed deliberation={d} />
            </Space>
          ) : d.allowedActions.includes('close') && (
            <Popconfirm title={t('delib.detail.closeConfirm')} onConfirm={close} okButtonProps={{ 'data-testid': 'delib-close-confirm' } as Record<string, string>}>
              <Button type="primary" danger loading={busy === 'close'} data-testid="delib-close">
                {t('delib.detail.close')}
              </Button>
            </Popconfirm>
          )
        }
      />
      <Tabs
        items={[
          {
            key: 'vote',
            label: <span data-testid="delib-tab-vote">{t('meet.tab.vote')}</span>,
            children: (
              <>
              <Row gutter={16}>
                <Col xs={24} lg={12}>
                  <Card className="gz-card" title={t('delib.detail.info')}>
                    <Descriptions column={1} size="small" bordered>
                      <Descriptions.Item label={t('delib.f.description')}>
                        <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{d.description}</span>
                      </Descriptions.Item>
                      <Descriptions.Item label={t('delib.col.area')}>{d.areaName}</Descriptions.Item>
                      <Descriptions.Item label={t('delib.col.body')}>
                        {tx(`delib.body.${d.body}`, '')} · {tx(`delib.form.${d.form}`, '')}
                      </Descriptions.Item>
                      {d.matter && <Descriptions.Item label={t('delib.f.matter')}>{tx(`delib.matter.${d.matter}`, '')}</Descriptions.Item>}
                      <Descriptions.Item label={t('delib.detail.source')}>{d.source[lang]}</Descriptions.Item>
                      <Descriptions.Item label={t('delib.col.createdAt')}>{fmtTime(d.createdAt)}</Descriptions.Item>
                      {d.closedAt && <Descriptions.Item label={t('delib.detail.closed')}>{fmtTime(d.closedAt)}</Descriptions.Item>}
                    </Descriptions>
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card className="gz-card" title={d.result ? t('delib.detail.result') : t('delib.detail.provisional')} extra={d.result && <ResultTag result={d.result} testId="delib-result" />}>
                    <Outcome d={d} lang={lang} />
                  </Card>
                </Col>
              </Row>
              <Card
                className="gz-card"
                title={t('delib.detail.roll')}
                extra={
                  <Space wrap>
                    <Input.Search allowClear size="small" placeholder={t('delib.detail.filter')} aria-label={t('delib.detail.filter')} onChange={(e) => setQ(e.target.value)} style={{ width: 180 }} />
                    <Checkbox checked={unvotedOnly} onChange={(e) => setUnvotedOnly(e.target.checked)}>
                      {t('delib.detail.unvotedOnly')}
                    </Checkbox>
                  </Space>
                }
                style={{ marginTop: 16 }}
              >
                <Table<RollEntry> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="delib-roll" />
              </Card>
              </>
            ),
          },
          { key: 'meetings', label: <span data-testid="delib-tab-meetings">{t('meet.tab.meetings')}</span>, children: <MeetingsTab deliberationId={id} /> },
        ]}
      />
    </div>
  );
}

function Outcome({ d, lang }: { d: DelibDetail; lang: 'zh' | 'en' }) {
  const { t } = useI18n();
  const r = d.result ?? null;
  const tally = r ?? d.tally;
  const head = !r ? null : !r.held ? t('delib.result.notHeld') : r.passed ? t('delib.result.passed') : t('delib.result.failed');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div data-testid="delib-tally">{t('delib.detail.tally', { eligible: fmtNumber(tally.eligible), present: fmtNumber(tally.present), yes: fmtNumber(tally.yes), no: fmtNumber(tally.no), abstain: fmtNumber(tally.abstain) })}</div>
      {r?.eligibleArea !== undefined && <div>{t('delib.detail.areas', { eligible: fmtNumber(r.eligibleArea), present: fmtNumber(r.presentArea ?? 0), yes: fmtNumber(r.yesArea ?? 0) })}</div>}
      {d.checks.length > 0 && (
        <Alert
          type={!r ? 'info' : r.passed ? 'success' : 'warning'}
          showIcon={false}
          message={head}
          description={
            <ul className="gz-delib-checks" data-testid="delib-reason">
              {d.checks.map((c, i) => (
                <CheckLine key={i} c={c} lang={lang} />
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

function CheckLine({ c, lang }: { c: DelibCheck; lang: 'zh' | 'en' }) {
  const Icon = c.met ? CheckCircleFilled : c.step === 'quorum' ? ExclamationCircleFilled : CloseCircleFilled;
  return (
    <li>
      <Icon style={{ color: c.met ? '#389e0d' : '#cf1322', marginRight: 6 }} aria-hidden />
      {explainDeliberationCheck(c, lang)}
    </li>
  );
}
