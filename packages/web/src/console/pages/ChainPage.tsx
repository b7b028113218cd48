import { useRef, useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ChainBreak, ChainHeadsCheck, ChainVerifyReport } from '@gongzhi/domain/contract';
import { errorMessage, post } from '../../api/client.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../lib/format.ts';
import { PageHeader } from '../components/PageHeader.tsx';

type VerifyReport = ChainVerifyReport;
type TableReport = ChainVerifyReport['tables'][number];
type HeadsCheck = ChainHeadsCheck;

/** The audit administrator's check of the tamper-evident history and its daily head hashes. */
export default function ChainPage() {
  const t = useT();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [day, setDay] = useState<Dayjs>(() => dayjs().subtract(1, 'day'));
  const [check, setCheck] = useState<HeadsCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const tableName = (code: string) => t(`chain.t.${code}` as MessageKey);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await post<VerifyReport>('/api/chain/verify'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const checkFile = async (file: File) => {
    setCheck(null);
    setCheckError(null);
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setCheckError(t('chain.badFile'));
      return;
    }
    try {
      setCheck(await post<HeadsCheck>('/api/chain/heads/verify', body));
    } catch (e) {
      setCheckError(errorMessage(e));
    }
  };

  const breakColumns = [
    { title: t('chain.table'), dataIndex: 'table', key: 'table', width: 130, render: (v: string) => tableName(v) },
    { title: t('chain.chain'), dataIndex: 'chainLabel', key: 'chain', width: 200 },
    { title: t('chain.row'), dataIndex: 'rowId', key: 'row', width: 100, render: (v: number | null) => (v === null ? '—' : <span className="gz-mono">#{v}</span>) },
    { title: t('chain.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('chain.problem'), dataIndex: 'message', key: 'message' },
  ];

  return (
    <div>
      <PageHeader
        title={t('chain.title')}
        testId="chain-title"
        description={t('chain.desc')}
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={run} data-testid="chain-verify">
            {t('chain.run')}
          </Button>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          {error && <Alert type="error" showIcon message={error} />}
          {!error && !report && <Typography.Text type="secondary">{busy ? t('chain.running') : t('chain.notRun')}</Typography.Text>}
          {report && (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Alert
                type={report.ok ? 'success' : 'error'}
                showIcon
                data-testid="chain-result"
                message={report.message}
                description={t('chain.checkedAt', { time: fmtTime(report.checkedAt) })}
              />
              <Table<TableReport>
                rowKey="table"
                size="small"
                pagination={false}
                dataSource={report.tables}
                columns={[
                  { title: t('chain.table'), dataIndex: 'table', key: 'table', render: (v: string) => tableName(v) },
                  { title: t('chain.chains'), dataIndex: 'chains', key: 'chains', align: 'right', render: (v: number) => fmtNumber(v) },
                  { title: t('chain.links'), dataIndex: 'links', key: 'links', align: 'right', render: (v: number) => fmtNumber(v) },
                  { title: t('chain.pending'), dataIndex: 'pending', key: 'pending', align: 'right', render: (v: number) => fmtNumber(v) },
                  {
                    title: t('chain.broken'),
                    dataIndex: 'broken',
                    key: 'broken',
                    align: 'right',
                    render: (v: number) => (v ? <Tag color="red">{fmtNumber(v)}</Tag> : <Tag color="green">0</Tag>),
                  },
                ]}
              />
              {report.breaks.length > 0 && (
                <>
                  <Typography.Title level={5}>{t('chain.breaks')}</Typography.Title>
                  <Table<ChainBreak> rowKey={(b) => `${b.table}-${b.chain}-${b.seq}`} size="small" pagination={false} dataSource={report.breaks} columns={breakColumns} data-testid="chain-breaks" />
                </>
              )}
            </Space>
          )}
        </Card>
        <Card title={t('chain.heads')}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('chain.headsDesc')}
            </Typography.Paragraph>
            <Space wrap>
              <span>{t('chain.day')}</span>
              <DatePicker value={day} allowClear={false} onChange={(d) => d && setDay(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              <Button icon={<DownloadOutlined />} href={`/api/chain/heads/${day.format('YYYY-MM-DD')}`} data-testid="chain-download">
                {t('chain.download')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} data-testid="chain-check-file">
                {t('chain.checkFile')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept="application/json,.json"
                style={{ display: 'none' }}
                data-testid="chain-file-input"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void checkFile(f);
                }}
              />
            </Space>
            {checkError && <Alert type="error" showIcon message={checkError} />}
            {check && (
              <>
                <Alert
                  type={check.ok ? 'success' : 'error'}
                  showIcon
                  data-testid="chain-heads-result"
                  message={check.message}
                  description={check.fileIntact ? t('chain.fileIntact') : t('chain.fileBroken')}
                />
                {check.breaks.length > 0 && <Table<ChainBreak> rowKey={(b) => `${b.table}-${b.chain}-${b.seq}`} size="small" pagination={false} dataSource={check.breaks} columns={breakColumns} />}
              </>
            )}
          </Space>
        </Card>
      </Space>
    </div>
  );
}
