import { useState } from 'react';
import { App, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ACCEPTED_FILES, MAX_ATTACHMENTS, MAX_FILE_BYTES, uploadFile, type FileRef } from '../../../api/cases.ts';
import { errorMessage } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';

/**
 * Photos (and PDFs) uploaded one by one to `/api/files` as they are chosen; the form gets the
 * uploaded files' ids. `onBusy` tells the form to wait while an upload is still running.
 */
export function PhotoUpload({
  value,
  onChange,
  onBusy,
  max = MAX_ATTACHMENTS,
  testId,
}: {
  value?: FileRef[];
  onChange?: (files: FileRef[]) => void;
  onBusy?: (busy: boolean) => void;
  max?: number;
  testId?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [list, setList] = useState<UploadFile<FileRef>[]>(() =>
    (value ?? []).map((f) => ({ uid: f.id, name: f.name, status: 'done', url: f.url, thumbUrl: f.url, response: f })),
  );

  const publish = (next: UploadFile<FileRef>[]) => {
    setList(next);
    onChange?.(next.filter((f) => f.status === 'done' && f.response).map((f) => f.response!));
    onBusy?.(next.some((f) => f.status === 'uploading'));
  };

  return (
    <div data-testid={testId} className="gz-photo-upload">
      <Upload<FileRef>
        listType="picture-card"
        accept={ACCEPTED_FILES}
        multiple
        maxCount={max}
        fileList={list}
        beforeUpload={(file) => {
          if (file.size > MAX_FILE_BYTES) {
            message.error(t('case.upload.tooLarge', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          uploadFile(file as File).then(
            (res) => onSuccess?.(res),
            (e: unknown) => {
              message.error(`${(file as File).name}：${errorMessage(e)}`);
              onError?.(e instanceof Error ? e : new Error(String(e)));
            },
          );
        }}
        onChange={({ fileList }) => {
          const next = fileList
            .filter((f) => f.status !== 'error')
            .map((f) => (f.status === 'done' && f.response ? { ...f, url: f.response.url, thumbUrl: f.response.url } : f));
          publish(next);
        }}
        onPreview={(f) => {
          const url = f.response?.url ?? f.url;
          if (url) window.open(url, '_blank', 'noopener');
        }}
      >
        {list.length >= max ? null : (
          <button type="button" className="gz-upload-btn">
            <PlusOutlined />
            <div className="gz-upload-text">{t('case.upload.add')}</div>
          </button>
        )}
      </Upload>
      <div className="gz-upload-hint">{t('case.upload.hint', { n: max })}</div>
    </div>
  );
}
