// 平战转换 on the phone: the on-call check-in page (grid, post, optional location → the live count per grid on the
// console and big screen). The wartime banner and the home tile are in MWartime.tsx.
import { useEffect, useState } from 'react';
import { Button, Checkbox, ErrorBlock, Form, Input, List, NavBar, Selector, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { getForces, listTasks } from '../../../api/emergencies.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { enqueue, flush, onSent, useOutbox } from '../../../lib/outbox.ts';
import { useApi } from '../../../lib/useApi.ts';
import { useWartime } from '../../../lib/wartime.ts';
import { MError, MLoading } from '../../components.tsx';

/** `/m/emergency`: check in at a post of the event in force. */
export function MCheckIn() {
  const t = useT();
  const navigate = useNavigate();
  const items = useWartime();
  const e = items[0];
  return (
    <div className="m-page" data-testid="m-checkin">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('emergency.m.title')}
      </NavBar>
      {e ? (
        <>
          <Tasks id={e.id} />
          <CheckInForm id={e.id} />
        </>
      ) : (
        <ErrorBlock status="empty" title={t('emergency.m.none')} description="" />
      )}
    </div>
  );
}

function CheckInForm({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const forces = useApi((signal) => getForces(id, signal), [id]);
  const reload = forces.reload;
  useEffect(() => onSent('checkin', () => reload()), [reload]);
  const [grid, setGrid] = useState<string | null>(null);
  const [post, setPost] = useState('');
  const [located, setLocated] = useState(false);
  const [busy, setBusy] = useState(false);
  if (forces.error) return <MError error={forces.error} />;
  if (!forces.data) return <MLoading />;
  const grids = forces.data.byGrid;
  const chosen = grid ?? (me.scope.level === 'grid' ? me.scope.code : grids.length === 1 ? grids[0]!.gridCode : null);
  const position = () =>
    new Promise<{ lat?: number; lng?: number }>((resolve) => {
      if (!located || !navigator.geolocation) return resolve({});
      navigator.geolocation.getCurrentPosition(
        (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
        () => resolve({}),
        { timeout: 8000 },
      );
    });
  // Through 待发送 (lib/outbox.ts) with the time of the tap: in a basement or a flooded street the check-in waits on the
  // phone and counts, once, from when the person was at the post.
  const submit = async () => {
    if (!chosen) {
      Toast.show({ content: t('emergency.m.gridRequired') });
      return;
    }
    setBusy(true);
    try {
      const gridName = grids.find((g) => g.gridCode === chosen)?.gridName ?? '';
      const body = { gridCode: chosen, post: post.trim() || undefined, ...(await position()), at: new Date().toISOString() };
      await enqueue({ kind: 'checkin', path: `/api/emergencies/${id}/check-ins`, body, title: t('emergency.m.checkInTitle', { grid: gridName }) });
      Toast.show({ icon: navigator.onLine ? 'success' : undefined, content: navigator.onLine ? t('emergency.m.checkedIn') : t('emergency.m.savedOffline') });
      void flush();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" footer={<Button block color="danger" size="large" loading={busy} onClick={() => void submit()} data-testid="m-checkin-submit">{t('emergency.m.checkIn')}</Button>}>
      {forces.data.myCheckIn && (
        <Form.Item>
          <span data-testid="m-checkin-last">{t('emergency.m.lastCheckIn', { time: fmtTime(forces.data.myCheckIn.at) })}</span>
        </Form.Item>
      )}
      {me.scope.level !== 'grid' && (
        <Form.Item label={t('emergency.m.grid')}>
          <Selector columns={2} options={grids.map((g) => ({ label: `${g.gridName}（${g.total}）`, value: g.gridCode }))} value={chosen ? [chosen] : []} onChange={(v) => setGrid(v[0] ?? null)} />
        </Form.Item>
      )}
      <Form.Item label={t('emergency.m.post')}>
        <Input value={post} onChange={setPost} maxLength={60} placeholder={t('emergency.m.postPlaceholder')} />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={located} onChange={setLocated}>
          {t('emergency.m.withLocation')}
        </Checkbox>
      </Form.Item>
    </Form>
  );
}

/** The tasks the command sent to the caller's area, newest first, each acknowledged with one tap (收到). */
function Tasks({ id }: { id: string }) {
  const t = useT();
  const tasks = useApi((signal) => listTasks(id, signal), [id]);
  const reload = tasks.reload;
  useEffect(() => onSent('ack', () => reload()), [reload]);
  const waiting = new Set(useOutbox().items.filter((i) => i.kind === 'ack' && (i.state === 'pending' || i.state === 'sending')).map((i) => i.slot));
  if (tasks.error) return <MError error={tasks.error} />;
  if (!tasks.data?.items.length) return null;
  const ack = (taskId: string, title: string) => {
    void enqueue({ kind: 'ack', path: `/api/emergency-tasks/${taskId}/ack`, body: {}, title, slot: `ack.${taskId}` }).then(() => flush());
    Toast.show({ icon: navigator.onLine ? 'success' : undefined, content: navigator.onLine ? t('emergency.m.acked') : t('emergency.m.savedOffline') });
  };
  return (
    <List header={t('emergency.tasks')} data-testid="m-emergency-tasks">
      {tasks.data.items.map((x) => (
        <List.Item
          key={x.id}
          description={
            <>
              {x.detail && <div>{x.detail}</div>}
              <span>
                {x.areaName ?? x.areaCode} · {x.createdByName} · {fmtTime(x.createdAt)}
              </span>
            </>
          }
          extra={
            waiting.has(`ack.${x.id}`) ? (
              <Tag color="warning">{t('emergency.m.queued')}</Tag>
            ) : x.allowedActions.includes('ack') ? (
              <Button size="small" color="danger" onClick={() => ack(x.id, x.title)} data-testid="m-task-ack">
                {t('emergency.m.ack')}
              </Button>
            ) : x.myAck ? (
              <Tag color="success">{t('emergency.m.ackedAt', { time: fmtTime(x.myAck) })}</Tag>
            ) : null
          }
        >
          {x.title}
        </List.Item>
      ))}
    </List>
  );
}
