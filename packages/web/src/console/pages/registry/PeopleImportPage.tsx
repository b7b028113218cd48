// 人口信息导入: a community worker uploads the spreadsheet the community keeps; the server checks every
// row and answers with how many people were created, updated or left unchanged and why rows were not
// imported. The report downloads as Excel; the people of an area download in the same template.
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table } from 'antd';
import { DownloadOutlined, ExportOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { errorMessage } from '../../../api/client.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { downloadFile, downloadPost } from '../../../lib/download.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { ForbiddenPage } from '../../components/ErrorResult.tsx';
import { ImportReport } from '../../components/ImportReport.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

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

export default function PeopleImportPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [area, setArea] = useState<string | undefined>();
  if (!can('people.write')) return <ForbiddenPage />;

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
      <ImportReport<ImportResult>
        url="/api/imports/people"
        maxBytes={MAX_BYTES}
        testIdPrefix="people-import"
        texts={{ drop: t('registry.import.drop'), hint: t('registry.import.hint'), running: t('registry.import.running'), tooLarge: t('registry.import.tooLarge'), result: (file) => t('registry.import.result', { file }) }}
        doneMessage={(r) => t('registry.import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged, refused: r.refused.length })}
        stats={(r) => [
          { title: t('registry.import.created'), value: r.created, color: '#389e0d', testId: 'people-import-created' },
          { title: t('registry.import.updated'), value: r.updated, color: '#1677ff', testId: 'people-import-updated' },
          { title: t('registry.import.unchanged'), value: r.unchanged, testId: 'people-import-unchanged' },
          { title: t('registry.import.refused'), value: r.refused.length, color: r.refused.length ? '#cf1322' : undefined, testId: 'people-import-refused' },
        ]}
        extra={(r, fileName) => (
          <Button
            icon={<FileExcelOutlined />}
            onClick={() => downloadPost('/api/imports/people/report.xlsx', { ...r, fileName }, 'report.xlsx').catch((e) => message.error(errorMessage(e)))}
            data-testid="people-import-report-download"
          >
            {t('registry.import.downloadReport')}
          </Button>
        )}
      >
        {(r) =>
          r.refused.length === 0 ? (
            <Alert type="success" showIcon message={t('registry.import.allGood')} />
          ) : (
            <Table<Refusal>
              size="middle"
              rowKey="row"
              columns={columns}
              dataSource={r.refused}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              rowClassName={() => 'gz-import-refused'}
              data-testid="people-import-table"
            />
          )
        }
      </ImportReport>
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
