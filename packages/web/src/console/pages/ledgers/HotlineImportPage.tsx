// 工单导入: a command centre uploads the 12345 hotline's export; the server checks every row and
// answers with what it created, updated or refused and why. The report can be downloaded as Excel.
import { useState } from 'react';
import { App, Button, Checkbox, Space, Table, Tag } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { downloadFile, downloadPost } from '../../../lib/download.ts';
import { ImportReport as ImportBlock } from '../../components/ImportReport.tsx';
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

export default function HotlineImportPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [onlyRefused, setOnlyRefused] = useState(false);
  if (!can('hotline.import')) return <ForbiddenPage />;

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
      <ImportBlock<ImportReport>
        url="/api/imports/hotline"
        maxBytes={MAX_BYTES}
        testIdPrefix="import"
        texts={{ drop: t('ledgers.import.drop'), hint: t('ledgers.import.hint'), running: t('ledgers.import.running'), tooLarge: '文件不能超过 5 MB', result: (file) => t('ledgers.import.result', { file }) }}
        onReport={() => setOnlyRefused(false)}
        doneMessage={(r) => `${t('ledgers.import.created')} ${r.created}，${t('ledgers.import.updated')} ${r.updated}，${t('ledgers.import.refused')} ${r.refused}`}
        stats={(r) => [
          { title: t('ledgers.import.total'), value: r.total },
          { title: t('ledgers.import.created'), value: r.created, color: '#389e0d', testId: 'import-created' },
          { title: t('ledgers.import.updated'), value: r.updated, color: '#1677ff', testId: 'import-updated' },
          { title: t('ledgers.import.unchanged'), value: r.unchanged },
          { title: t('ledgers.import.refused'), value: r.refused, color: r.refused ? '#cf1322' : undefined, testId: 'import-refused' },
        ]}
        extra={(report) => (
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
        )}
      >
        {(report) => (
          <Table<RowResult>
            size="middle"
            rowKey="row"
            columns={columns}
            dataSource={onlyRefused ? report.rows.filter((r) => r.status === 'refused') : report.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowClassName={(r) => (r.status === 'refused' ? 'gz-import-refused' : '')}
            data-testid="import-table"
          />
        )}
      </ImportBlock>
    </div>
  );
}
