// The upload-and-report block of the console's imports (12345 orders, people): a drop zone for one .xlsx or .csv
// file, sent as multipart to the import endpoint, and the server's report — counts and a table of rows — below it.
import { useState, type ReactNode } from 'react';
import { App, Card, Statistic, Upload } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../../api/client.ts';
import { fmtNumber } from '../../lib/format.ts';
import './ImportReport.css';

/** Sends one file to an import endpoint; a non-2xx answer becomes an ApiError with the server's message. */
export async function uploadImport<R>(url: string, file: File): Promise<R> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as (R & { error?: { code: string; message: string } }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? `导入失败（${res.status}）`);
  return body!;
}

export interface ImportStat {
  title: string;
  value: number;
  color?: string;
  testId?: string;
}

export interface ImportReportProps<R> {
  /** The import endpoint (POST, multipart field `file`). */
  url: string;
  maxBytes: number;
  /** Prefix of the blocks' test ids: `<prefix>-upload`, `<prefix>-report`. */
  testIdPrefix: string;
  texts: { drop: string; hint: string; running: string; tooLarge: string; result: (fileName: string) => string };
  /** The success message after an import. */
  doneMessage: (report: R) => string;
  stats: (report: R) => ImportStat[];
  /** Buttons in the report's header (download the report …). */
  extra?: (report: R, fileName: string) => ReactNode;
  /** The rows of the report (a table, or an all-good note). */
  children: (report: R, fileName: string) => ReactNode;
  /** Called with every new report (pages reset their own filters). */
  onReport?: (report: R) => void;
}

export function ImportReport<R>(props: ImportReportProps<R>) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: R; fileName: string } | null>(null);
  const { texts, testIdPrefix: id } = props;

  const onFile = async (file: File) => {
    if (file.size > props.maxBytes) {
      message.error(texts.tooLarge);
      return;
    }
    setBusy(true);
    try {
      const report = await uploadImport<R>(props.url, file);
      setResult({ report, fileName: file.name });
      props.onReport?.(report);
      message.success(props.doneMessage(report));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
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
          data-testid={`${id}-upload`}
        >
          <p className="ant-upload-drag-icon">{busy ? <FileExcelOutlined /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">{busy ? texts.running : texts.drop}</p>
          <p className="ant-upload-hint">{texts.hint}</p>
        </Upload.Dragger>
      </Card>
      {result && (
        <Card className="gz-card" size="small" title={texts.result(result.fileName)} extra={props.extra?.(result.report, result.fileName)} data-testid={`${id}-report`}>
          <div className="gz-import-stats">
            {props.stats(result.report).map((s) => (
              <Statistic key={s.title} title={s.title} value={fmtNumber(s.value)} valueStyle={s.color ? { color: s.color } : undefined} data-testid={s.testId} />
            ))}
          </div>
          {props.children(result.report, result.fileName)}
        </Card>
      )}
    </>
  );
}
