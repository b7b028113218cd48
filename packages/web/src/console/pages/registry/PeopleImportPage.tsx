// 人口信息导入: a community worker uploads the spreadsheet the community keeps; the server checks every
// row and answers with how many people were created, updated or left unchanged and why rows were not
// imported. The report downloads as Excel; the people of an area download in the same template.
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Statistic, Table, Upload } from 'antd';
import { DownloadOutlined, ExportOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { downloadFile, downloadPost } from '../../../lib/download.ts';
import { fmtNumber } from '../../../lib/format.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import '../ledgers/ledgers.css';

interface Refusal {
  row: number;
  reason: string;
}
interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  refused: Refusal[];
}

const MAX_BYTES = 10 * 1024 * 1024;

async function upload(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch('/api/imports/people', { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as (ImportResult & { error?: { code: string; message: string } }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? `导入失败（${res.status}）`);
  return body!;
}

export default function PeopleImportPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(ImportResult & { fileName: string }) | null>(null);
  const [area, setArea] = useState<string | undefined>();
  if (!can('people.write')) return <ForbiddenPage />;

  const onFile = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(t('registry.import.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      const r = await upload(file);
      setResult({ ...r, fileName: file.name });
      message.success(t('registry.import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged, refused: r.refused.length }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<Refusal> = [
    { title: t('registry.import.col.row'), dataIndex: 'row', key: 'row', width: 90 },
    { title: t('registry.import.col.reason'), dataIndex: 'reason', key: 'reason' },
  ];

  return (
    <div className="gz-page" data-testid="people-import-page">
      <PageHeader
        title={t('registry.import.title')}
        testId="people-import-title"
        description={t('registry.import.desc')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => downloadFile('/api/imports/people/template.xlsx', undefined, 'template.xlsx').catch((e) => message.error(errorMessage(e)))} data-testid="people-import-template">
            {t('registry.import.template')}
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
          data-testid="people-import-upload"
        >
          <p className="ant-upload-drag-icon">{busy ? <FileExcelOutlined /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">{busy ? t('registry.import.running') : t('registry.import.drop')}</p>
          <p className="ant-upload-hint">{t('registry.import.hint')}</p>
        </Upload.Dragger>
      </Card>
      {result && (
        <Card
          className="gz-card"
          size="small"
          title={t('registry.import.result', { file: result.fileName })}
          extra={
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => downloadPost('/api/imports/people/report.xlsx', result, 'report.xlsx').catch((e) => message.error(errorMessage(e)))}
              data-testid="people-import-report-download"
            >
              {t('registry.import.downloadReport')}
            </Button>
          }
          data-testid="people-import-report"
        >
          <div className="gz-import-stats">
            <Statistic title={t('registry.import.created')} value={fmtNumber(result.created)} valueStyle={{ color: '#389e0d' }} data-testid="people-import-created" />
            <Statistic title={t('registry.import.updated')} value={fmtNumber(result.updated)} valueStyle={{ color: '#1677ff' }} data-testid="people-import-updated" />
            <Statistic title={t('registry.import.unchanged')} value={fmtNumber(result.unchanged)} data-testid="people-import-unchanged" />
            <Statistic
              title={t('registry.import.refused')}
              value={fmtNumber(result.refused.length)}
              valueStyle={{ color: result.refused.length ? '#cf1322' : undefined }}
              data-testid="people-import-refused"
            />
          </div>
          {result.refused.length === 0 ? (
            <Alert type="success" showIcon message={t('registry.import.allGood')} />
          ) : (
            <Table<Refusal>
              size="middle"
              rowKey="row"
              columns={columns}
              dataSource={result.refused}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              rowClassName={() => 'gz-import-refused'}
              data-testid="people-import-table"
            />
          )}
        </Card>
      )}
      <Card className="gz-card" size="small" title={t('registry.import.export')}>
        <Space wrap>
          <AreaTreeSelect value={area} onChange={setArea} placeholder={t('registry.import.exportArea')} testId="people-export-area" style={{ width: 320 }} />
          <Button
            icon={<ExportOutlined />}
            onClick={() => downloadFile('/api/imports/people/export.xlsx', area ? { area } : undefined, 'people.xlsx').catch((e) => message.error(errorMessage(e)))}
            data-testid="people-export"
          >
            {t('registry.import.export')}
          </Button>
        </Space>
        <div className="gz-muted" style={{ marginTop: 8 }}>
          {t('registry.import.exportHint')}
        </div>
      </Card>
    </div>
  );
}
