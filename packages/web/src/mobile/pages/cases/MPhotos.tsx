import { useState } from 'react';
import { Image, ImageUploader, ImageViewer, Toast, type ImageUploadItem } from 'antd-mobile';
import { MAX_ATTACHMENTS, MAX_FILE_BYTES, uploadFile, type FileRef } from '../../../api/cases.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';

/**
 * Four photos to a row, sized in CSS (mcases.css, `.m-photos-upload`) from the box's own width: the uploader's
 * `columns` measured its box in a layout effect, which forced the page's first layout and a second render into the
 * report page's load.
 *
 * Photos from the camera (`capture="environment"`), each uploaded to `/api/files` as soon as it
 * is taken; the form receives the uploaded files. `onBusy` holds the submit while one is running.
 */
export function MPhotoUploader({
  value,
  onChange,
  onBusy,
  max = MAX_ATTACHMENTS,
  testId,
}: {
  value: FileRef[];
  onChange: (files: FileRef[]) => void;
  onBusy?: (busy: boolean) => void;
  max?: number;
  testId?: string;
}) {
  const t = useT();
  const [items, setItems] = useState<ImageUploadItem[]>(() => value.map((f) => ({ key: f.id, url: f.url, extra: f })));
  return (
    <div data-testid={testId} className="m-photos-upload">
      <ImageUploader
        value={items}
        onChange={(next) => {
          setItems(next);
          onChange(next.map((i) => i.extra as FileRef).filter(Boolean));
        }}
        upload={async (file) => {
          const keepLocal = () => {
            // No connection: the photo stays on the phone and goes with the report through 待发送.
            const url = URL.createObjectURL(file);
            const key = `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
            const f: FileRef = { id: key, name: file.name || 'photo.jpg', mime: file.type, size: file.size, url, local: file };
            Toast.show({ content: t('offline.photoKept') });
            return { key, url, extra: f };
          };
          if (!navigator.onLine) return keepLocal();
          try {
            const f = await uploadFile(file);
            return { key: f.id, url: f.url, extra: f };
          } catch (e) {
            if (e instanceof ApiError && e.status === 0) return keepLocal();
            Toast.show({ content: errorMessage(e), icon: 'fail' });
            throw e;
          }
        }}
        beforeUpload={(file) => {
          if (file.size > MAX_FILE_BYTES) {
            Toast.show({ content: t('case.upload.tooLarge', { name: file.name }), icon: 'fail' });
            return null;
          }
          return file;
        }}
        onUploadQueueChange={(tasks) => onBusy?.(tasks.some((task) => task.status === 'pending'))}
        onCountExceed={(n) => Toast.show({ content: t('m.case.photosExceed', { n: max, extra: n }) })}
        accept="image/*"
        capture="environment"
        multiple
        maxCount={max}
        showFailed={false}
      />
      <div className="m-photos-hint">{t('m.case.photosHint', { n: max })}</div>
    </div>
  );
}

/** Thumbnails that open full-screen. */
export function MPhotoGrid({ files, testId }: { files: { id: string; url: string; name?: string }[]; testId?: string }) {
  const t = useT();
  if (files.length === 0) return null;
  const urls = files.map((f) => f.url);
  return (
    <div className="m-photo-grid" data-testid={testId}>
      {files.map((f, i) => (
        <Image key={f.id} src={f.url} alt={f.name || t('m.case.photoAlt', { n: i + 1 })} width={72} height={72} fit="cover" className="m-photo" onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })} />
      ))}
    </div>
  );
}
