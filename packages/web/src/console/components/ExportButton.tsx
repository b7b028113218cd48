import { useEffect, useRef, useState } from 'react';
import { App, Button, Progress } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ExportJob } from '@gongzhi/domain/contract';
import { api, errorMessage, type Query } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { downloadFile } from '../../lib/download.ts';

/** The request body of a background export: the page's filters as the download link would send them. */
function filtersOf(query: Query | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(query ?? {}).flatMap(([k, v]) => (v === undefined || v === null || v === '' ? [] : [[k, String(v)]])));
}

/**
 * 导出Excel: downloads the list the page shows, with the filters it has applied. With `job` (large lists: people,
 * cases) the file is built in the background on the server: the button shows the progress, then downloads it.
 */
export function ExportButton({ path, query, testId, label, job }: { path: string; query?: Query; testId?: string; label?: string; job?: 'people' | 'cases' }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportJob | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  if (!can('ledgers.export')) return null;

  const runJob = async (kind: 'people' | 'cases') => {
    let current = await api<ExportJob>(`/api/exports/${kind}/jobs`, { method: 'POST', body: filtersOf(query) });
    setProgress(current);
    while (current.state === 'running') {
      await new Promise((r) => setTimeout(r, 800));
      if (!alive.current) return null;
      current = await api<ExportJob>(`/api/exports/jobs/${current.id}`);
      setProgress(current);
    }
    if (current.state !== 'ready' || !current.downloadUrl) throw new Error(t('ledgers.export.failed'));
    return downloadFile(current.downloadUrl, undefined, current.fileName);
  };

  const onClick = async () => {
    setBusy(true);
    try {
      const name = job ? await runJob(job) : await downloadFile(path, query, 'export.xlsx');
      if (name) message.success(t('ledgers.export.done', { name }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      if (alive.current) {
        setBusy(false);
        setProgress(null);
      }
    }
  };
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={onClick} data-testid={testId}>
        {progress ? t('ledgers.export.running') : (label ?? t('ledgers.export'))}
      </Button>
      {progress && (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 200 }} data-testid={testId ? `${testId}-progress` : undefined} role="status">
          <Progress percent={progress.percent} size="small" style={{ width: 120, margin: 0 }} aria-label={t('ledgers.export.running')} />
          <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', whiteSpace: 'nowrap' }}>{t('ledgers.export.rows', { done: progress.done, total: progress.total })}</span>
        </span>
      )}
    </span>
  );
}
