// 到社区报到: a sunk-down cadre or first secretary reports to their community (the phone's location recorded when
// allowed; one check-in a day counts) and completes the tasks the community assigned, with a note and a photo.
// Points for both are posted by the server.
import { useState } from 'react';
import { Button, Dialog, List, NavBar, Tag, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CheckCircleOutlinedSvg from '@ant-design/icons-svg/es/asn/CheckCircleOutlined';
import { useNavigate } from 'react-router-dom';
import type { CadreTask } from '@gongzhi/domain/contract';
import { errorMessage } from '../../../api/client.ts';
import type { FileRef } from '../../../api/cases.ts';
import { checkIn as sendCheckIn, completeTask, getMyCadrePage } from '../../../api/cadres.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MPhotoUploader } from '../cases/MPhotos.tsx';

const CheckCircleOutlined = phoneIcon(CheckCircleOutlinedSvg);

function position(): Promise<{ lat: number; lng: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 8_000, maximumAge: 60_000 },
    ),
  );
}

export function MCadre() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const page = useApi((signal) => getMyCadrePage(signal), []);
  const [busy, setBusy] = useState(false);
  const [completing, setCompleting] = useState<CadreTask | null>(null);

  const checkIn = async () => {
    setBusy(true);
    try {
      const where = await position();
      const res = await sendCheckIn(where);
      Toast.show({ icon: 'success', content: !res.counted ? t('cadre.m.checkinAgain') : res.points ? t('cadre.m.checkinDone', { n: res.points }) : t('cadre.m.checkinDoneNoPoints') });
      page.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const d = page.data;
  return (
    <div className="m-page" data-testid="m-cadre">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('cadre.m.title')}
      </NavBar>
      {page.error ? (
        <MError error={page.error} />
      ) : !d ? (
        <MLoading />
      ) : (
        <>
          <div className="m-card">
            <div className="m-card-title">
              {d.cadre.name} <Tag color={d.cadre.kind === 'first-secretary' ? 'danger' : 'primary'}>{tx(`cadre.kind.${d.cadre.kind}`)}</Tag>
            </div>
            <List className="m-list">
              <List.Item extra={d.cadre.areaName ?? '—'}>{t('cadre.m.serve')}</List.Item>
              <List.Item extra={d.cadre.unitName ?? '—'}>{t('cadre.unit')}</List.Item>
            </List>
            <div className="m-note" data-testid="m-cadre-month">
              {t('cadre.m.monthDays', { n: d.monthDays, e: d.expectedDays })}
            </div>
            {d.checkedInToday ? (
              <Button block color="success" disabled data-testid="m-cadre-checked">
                <CheckCircleOutlined /> {t('cadre.m.checkedIn')}
              </Button>
            ) : (
              <Button block color="primary" size="large" loading={busy} onClick={() => void checkIn()} data-testid="m-cadre-checkin">
                {t('cadre.m.checkinNow')}
              </Button>
            )}
            <div className="m-note">{t('cadre.m.locationNote')}</div>
          </div>
          <List header={t('cadre.m.tasks')} className="m-list" data-testid="m-cadre-tasks">
            {d.tasks.length === 0 ? (
              <List.Item>{t('cadre.m.noTasks')}</List.Item>
            ) : (
              d.tasks.map((task) => (
                <List.Item
                  key={task.id}
                  description={task.state === 'done' ? task.completionNote : [task.detail, task.dueOn ? t('cadre.m.due', { d: task.dueOn }) : null].filter(Boolean).join(' · ')}
                  extra={
                    task.allowedActions.includes('complete') ? (
                      <Button size="mini" color="primary" onClick={() => setCompleting(task)} data-testid="m-cadre-complete">
                        {t('cadre.m.complete')}
                      </Button>
                    ) : (
                      <Tag color={task.state === 'done' ? 'success' : 'default'}>{tx(`cadre.task.state.${task.state}`)}</Tag>
                    )
                  }
                >
                  {task.title}
                </List.Item>
              ))
            )}
          </List>
          {completing && <CompleteDialog task={completing} onClose={() => setCompleting(null)} onDone={() => (setCompleting(null), page.reload())} />}
        </>
      )}
    </div>
  );
}

function CompleteDialog({ task, onClose, onDone }: { task: CadreTask; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const submit = async () => {
    try {
      const res = await completeTask(task.id, { note, photoFileId: photos[0]?.id ?? null });
      Toast.show({ icon: 'success', content: t('cadre.m.completed', { n: res.points ?? 0 }) });
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  return (
    <Dialog
      visible
      title={task.title}
      onClose={onClose}
      content={
        <div>
          <div className="m-note">{t('cadre.m.completeNote')}</div>
          <TextArea value={note} onChange={setNote} placeholder={t('cadre.m.completeNotePlaceholder')} rows={3} maxLength={500} aria-label={t('cadre.m.completeNote')} data-testid="m-cadre-note" />
          <div className="m-note">{t('cadre.m.completePhoto')}</div>
          <MPhotoUploader value={photos} onChange={setPhotos} onBusy={setUploading} max={1} />
        </div>
      }
      actions={[
        [
          { key: 'cancel', text: t('common.cancel'), onClick: onClose },
          { key: 'ok', text: t('cadre.m.complete'), bold: true, disabled: !note.trim() || uploading, onClick: () => void submit() },
        ],
      ]}
    />
  );
}
