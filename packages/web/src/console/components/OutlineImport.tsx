// Bulk import of outlines (docs/TERRITORY.md): a GeoJSON, KML (@tmcw/togeojson) or zipped Shapefile (shpjs) is read
// in the browser, previewed on the editor's map with the server's dry-run report, then imported.
import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Feature, FeatureCollection } from 'geojson';
import { post } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { readOutlines } from '../../lib/outlineFiles.ts';

export interface ImportItem {
  feature: number;
  name: string | null;
  code: string | null;
  result: 'created' | 'updated' | 'unchanged' | 'refused';
  reason?: string;
}
interface Report {
  created: number;
  updated: number;
  unchanged: number;
  refused: ImportItem[];
  items: ImportItem[];
}

const COLOURS: Record<ImportItem['result'], string> = { created: 'green', updated: 'blue', unchanged: 'default', refused: 'red' };

export function OutlineImport({ code, crs, onPreview, onDone }: { code: string; crs: string; onPreview: (fc: FeatureCollection | null) => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [features, setFeatures] = useState<Feature[] | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen(false);
    setFeatures(null);
    setReport(null);
    setDone(false);
    onPreview(null);
  };
  const choose = async (file: File) => {
    setBusy(true);
    try {
      const fs = await readOutlines(file.name, await file.arrayBuffer());
      setFeatures(fs);
      setDone(false);
      onPreview({ type: 'FeatureCollection', features: fs });
      setReport(await post<Report>(`/api/areas/${code}/outlines`, { type: 'FeatureCollection', features: fs, crs, dryRun: true }));
    } catch (e) {
      message.error(e instanceof SyntaxError ? t('territory.importUnreadable') : (e as Error).message);
    } finally {
      setBusy(false);
    }
    return false;
  };
  const run = async () => {
    if (!features) return;
    setBusy(true);
    try {
      setReport(await post<Report>(`/api/areas/${code}/outlines`, { type: 'FeatureCollection', features, crs }));
      setDone(true);
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="territory-import">
        {t('territory.import')}
      </Button>
      <Modal
        title={t('territory.import')}
        open={open}
        onCancel={close}
        width={720}
        destroyOnHidden
        mask={false}
        footer={
          <Space>
            <Button onClick={close}>{done ? t('common.close') : t('common.cancel')}</Button>
            {!done && (
              <Button type="primary" disabled={!report || report.created + report.updated === 0} loading={busy} onClick={run} data-testid="territory-import-run">
                {t('territory.importRun')}
              </Button>
            )}
          </Space>
        }
      >
        <p className="gz-muted">{t('territory.importHint')}</p>
        <Upload accept=".geojson,.json,.kml,.zip" maxCount={1} showUploadList={false} beforeUpload={(f) => choose(f)}>
          <Button icon={<UploadOutlined />} loading={busy} data-testid="territory-import-file">
            {t('territory.importChoose')}
          </Button>
        </Upload>
        {report && (
          <>
            <Alert
              className="gz-territory-report"
              type={done ? 'success' : 'info'}
              showIcon
              data-testid="territory-import-report"
              title={t(done ? 'territory.importDone' : 'territory.importPreview', { created: report.created, updated: report.updated, unchanged: report.unchanged, refused: report.refused.length })}
            />
            <Table<ImportItem>
              size="small"
              rowKey="feature"
              pagination={{ pageSize: 8 }}
              dataSource={report.items}
              columns={[
                { title: t('territory.importFeature'), dataIndex: 'feature', width: 70 },
                { title: t('area.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
                { title: t('territory.importResult'), dataIndex: 'result', width: 90, render: (r: ImportItem['result']) => <Tag color={COLOURS[r]}>{t(`territory.result.${r}`)}</Tag> },
                { title: t('territory.importReason'), dataIndex: 'reason', render: (v?: string) => v ?? '' },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
