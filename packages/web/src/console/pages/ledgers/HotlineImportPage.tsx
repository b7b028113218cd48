// 工单导入: a command centre uploads the 12345 hotline's export; the server checks every row and
// answers with what it created, updated or refused and why. The report can be downloaded as Excel.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Space, Statistic, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { downloadFile, downloadPost } from '../../../lib/download.ts';
import { fmtNumber } from '../../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';

type RowStatus = 'created' | 'updated' | 'unchanged' | 'refused';
interface RowResult {
  row: number;
  orderNo: string | null;
  status: RowStatus;
  caseId?: string;
  caseCode?: string;
  field?: string;
  message: string;
}
interface ImportReport {
  fileName: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: RowResult[];
}

const MAX_BYTES = 5 * 1024 * 1024;
const STATUS_COLOR: Record<RowStatus, string> = { created: 'green', updated: 'blue', unchanged: 'default', refused: 'red' };

async function upload(file: File): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch('/api/imports/hotline', { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as (ImportReport & { error?: { code: string; message: string } }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? `导入失败（${res.status}）`);
  return body!;
}

export default function HotlineImportPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [onlyRefused, setOnlyRefused] = useState(false);
  if (!can('hotline.import')) return <ForbiddenPage />;

  const onFile = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error('文件不能超过 5 MB');
      return;
    }
    setBusy(true);
    try {
      const r = await upload(file);
      setReport(r);
      setOnlyRefused(false);
      message.success(`${t('ledgers.import.created')} ${r.created}，${t('ledgers.import.updated')} ${r.updated}，${t('ledgers.import.refused')} ${r.refused}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const label = (s: RowStatus) => t(`ledgers.import.${s}`);
  const columns: ColumnsType<RowResult> = [
    { title: t('ledgers.import.col.row'), dataIndex: 'row', key: 'row', width: 80 },
    { title: t('ledgers.import.col.orderNo'), dataIndex: 'orderNo', key: 'orderNo', width: 180, render: (v: string | null) => v ?? '—' },
    {
      title: t('ledgers.import.col.status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (s: RowStatus) => (
        <Tag color={STATUS_COLOR[s]} data-testid={`import-status-${s}`}>
          {label(s)}
        </Tag>
      ),
    },
    { title: t('ledgers.import.col.case'), key: 'case', width: 190, render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseCode}</Link> : '—') },
    { title: t('ledgers.import.col.field'), dataIndex: 'field', key: 'field', width: 120, render: (v?: string) => v ?? '—' },
    { title: t('ledgers.import.col.message'), dataIndex: 'message', key: 'message' },
  ];

  const rows = report ? (onlyRefused ? report.rows.filter((r) => r.status === 'refused') : report.rows) : [];
  return (
    <div className="gz-page" data-testid="import-page">
      <PageHeader
        title={t('ledgers.import.title')}
        testId="import-title"
        description={t('ledgers.import.desc')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => downloadFile('/api/imports/hotline/template.xlsx', undefined, 'template.xlsx').catch((e) => message.error(errorMessage(e)))} data-testid="import-template">
            {t('ledgers.import.template')}
          </Button>
        }
      />
      <Card className="gz-card" size="small">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void onFile(file);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">{busy ? <FileExcelOutlined /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">{busy ? t('ledgers.import.running') : t('ledgers.import.drop')}</p>
          <p className="ant-upload-hint">{t('ledgers.import.hint')}</p>
        </Upload.Dragger>
      </Card>
      {report && (
        <Card
          className="gz-card"
          size="small"
          title={t('ledgers.import.result', { file: report.fileName })}
          extra={
            <Space>
              <Checkbox checked={onlyRefused} onChange={(e) => setOnlyRefused(e.target.checked)} data-testid="import-only-refused">
                {t('ledgers.import.onlyRefused')}
              </Checkbox>
              <Button
                icon={<FileExcelOutlined />}
                onClick={() => downloadPost('/api/imports/hotline/report.xlsx', { fileName: report.fileName, rows: report.rows }, 'report.xlsx').catch((e) => message.error(errorMessage(e)))}
                data-testid="import-report-download"
              >
                {t('ledgers.import.downloadReport')}
              </Button>
            </Space>
          }
          data-testid="import-report"
        >
          <div className="gz-import-stats">
            <Statistic title={t('ledgers.import.total')} value={fmtNumber(report.total)} />
            <Statistic title={t('ledgers.import.created')} value={fmtNumber(report.created)} valueStyle={{ color: '#389e0d' }} data-testid="import-created" />
            <Statistic title={t('ledgers.import.updated')} value={fmtNumber(report.updated)} valueStyle={{ color: '#1677ff' }} data-testid="import-updated" />
            <Statistic title={t('ledgers.import.unchanged')} value={fmtNumber(report.unchanged)} />
            <Statistic title={t('ledgers.import.refused')} value={fmtNumber(report.refused)} valueStyle={{ color: report.refused ? '#cf1322' : undefined }} data-testid="import-refused" />
          </div>
          <Table<RowResult>
            size="middle"
            rowKey="row"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowClassName={(r) => (r.status === 'refused' ? 'gz-import-refused' : '')}
            data-testid="import-table"
          />
        </Card>
      )}
    </div>
  );
}
