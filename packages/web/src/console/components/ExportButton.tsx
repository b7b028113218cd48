import { useState } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { Query } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { errorMessage } from '../../api/client.ts';
import { downloadFile } from '../../lib/download.ts';

/** 导出Excel: downloads the list the page shows, with the filters it has applied. */
export function ExportButton({ path, query, testId, label }: { path: string; query?: Query; testId?: string; label?: string }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!can('ledgers.export')) return null;
  const onClick = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(path, query, 'export.xlsx');
      message.success(t('ledgers.export.done', { name }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={onClick} data-testid={testId}>
      {label ?? t('ledgers.export')}
    </Button>
  );
}
