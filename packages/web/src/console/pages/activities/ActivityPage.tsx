// One activity: its facts and rule, and for the organiser the attendance list (check-in and
// check-out with location, the fallback marks) and the one confirmation that posts hours and points.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowLeftOutlined, CloseCircleOutlined, EnvironmentOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { cancelActivity, confirmAttendance, getActivity, getAttendance, markAttendance, type Attendance, type AttendanceItem } from '../../../api/activities.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { stateColour } from './ActivitiesPage.tsx';

export default function ActivityPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const activity = useApi((signal) => getActivity(id, signal), [id]);
  const a = activity.data;
  const manages = !!a?.allowedActions.includes('attendance');
  const [cancelling, setCancelling] = useState(false);
  if (activity.error) return <LoadError error={activity.error} onRetry={activity.reload} />;
  return (
    <div className="gz-page" data-testid="activity-page">
      <PageHeader
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/activities')} aria-label={t('common.back')} />
            <span data-testid="activity-title-text">{a?.title ?? ''}</span>
            {a && <Tag color={stateColour(a.state)}>{a.stateLabel}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {a?.allowedActions.includes('cancel-activity') && (
              <Button danger icon={<CloseCircleOutlined />} onClick={() => setCancelling(true)} data-testid="activity-cancel">
                {t('act.cancel')}
              </Button>
            )}
            {a?.allowedActions.includes('code') && (
              <Button type="primary" icon={<QrcodeOutlined />} onClick={() => navigate(`/activities/${id}/code`)} data-testid="activity-code">
                {t('act.code')}
              </Button>
            )}
          </Space>
        }
      />
      {a?.state === 'cancelled' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('act.cancelled')} description={t('act.cancelledReason', { reason: a.cancelReason ?? '—', time: fmtTime(a.cancelledAt) })} data-testid="activity-cancelled" />
      )}
      <CancelModal
        open={cancelling}
        id={id}
        onClose={() => setCancelling(false)}
        onDone={() => {
          setCancelling(false);
          activity.reload();
        }}
      />
      <Card className="gz-card" size="small" loading={!a}>
        {a && (
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('act.kind')}>{a.kindLabel}</Descriptions.Item>
            <Descriptions.Item label={t('act.area')}>{a.area.name}</Descriptions.Item>
            <Descriptions.Item label={t('act.startsAt')}>{fmtTime(a.startsAt)}</Descriptions.Item>
            <Descriptions.Item label={t('act.endsAt')}>{fmtTime(a.endsAt)}</Descriptions.Item>
            <Descriptions.Item label={t('act.place')}>{a.place}</Descriptions.Item>
            <Descriptions.Item label={t('act.capacity')}>{a.capacity ?? t('act.unlimited')}</Descriptions.Item>
            <Descriptions.Item label={t('act.audience')}>{a.audienceLabel}</Descriptions.Item>
            <Descriptions.Item label={t('act.pointsMode')}>{a.pointsMode === 'none' ? t('act.pointsNone') : `${a.pointsModeLabel} · ${a.points}`}</Descriptions.Item>
            {a.team && <Descriptions.Item label={t('act.team')}>{a.team.name}</Descriptions.Item>}
            {a.offer && <Descriptions.Item label={t('act.offer')}>{`${a.offer.unitName}：${a.offer.title}`}</Descriptions.Item>}
            <Descriptions.Item label={t('act.signedUp')}>
              {t('act.summary', { signedUp: a.signedUp, checkedIn: a.checkedIn })}
              {a.state === 'confirmed' && <span data-testid="activity-figures">{` · ${t('act.figures', { present: a.present, absent: a.absent })}`}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('act.state')}>{a.stateLabel}</Descriptions.Item>
            <Descriptions.Item label={t('act.basis')} span={2}>
              {a.basis}
            </Descriptions.Item>
            {a.description && (
              <Descriptions.Item label={t('act.description')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>
      {manages && <AttendanceCard id={id} canMark={a!.allowedActions.includes('mark')} canConfirm={a!.allowedActions.includes('confirm')} onChanged={activity.reload} />}
    </div>
  );
}

/** The organiser cancels the activity with a reason, which those signed up see on their phones. */
function CancelModal({ open, id, onClose, onDone }: { open: boolean; id: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await cancelActivity(id, v.reason);
      message.success(t('act.cancel.done'));
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('act.cancel')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('act.cancel.ok')} okButtonProps={{ danger: true, 'data-testid': 'activity-cancel-ok' } as never}>
      <p style={{ color: '#8c8c8c' }}>{t('act.cancel.hint')}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('act.cancel.reason')} rules={[{ required: true, whitespace: true, message: t('act.cancel.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="activity-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AttendanceCard({ id, canMark, canConfirm, onChanged }: { id: string; canMark: boolean; canConfirm: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApi((signal) => getAttendance(id, signal), [id]);
  const [data, setData] = useState<Attendance | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = data ?? list.data;
  const run = async (fn: () => Promise<Attendance>, done?: (r: Attendance) => void) => {
    setBusy(true);
    try {
      const r = await fn();
      setData(r);
      done?.(r);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const columns: ColumnsType<AttendanceItem> = [
    { title: t('act.att.name'), dataIndex: 'name', render: (v: string, r) => (r.state === 'cancelled' ? <span style={{ color: '#8c8c8c' }}>{v}（{t('act.att.cancelled')}）</span> : v) },
    {
      title: t('act.att.checkIn'),
      key: 'in',
      width: 190,
      render: (_, r) =>
        r.checkInAt ? (
          <span data-testid="attendance-check-in">
            {fmtTime(r.checkInAt)} {r.located && <EnvironmentOutlined title={t('act.att.located')} aria-label={t('act.att.located')} />}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('act.att.checkOut'), key: 'out', width: 170, render: (_, r) => (r.checkOutAt ? fmtTime(r.checkOutAt) : '—') },
    {
      title: t('act.att.mark'),
      key: 'mark',
      width: 220,
      render: (_, r) =>
        r.state !== 'signed-up' ? null : canMark ? (
          <Space size={4}>
            <Button size="small" type={r.mark === 'present' ? 'primary' : 'default'} disabled={busy} onClick={() => run(() => markAttendance(id, r.id, r.mark === 'present' ? null : 'present'))} data-testid="attendance-mark-present">
              {t('act.att.markPresent')}
            </Button>
            <Button size="small" danger={r.mark === 'absent'} disabled={busy} onClick={() => run(() => markAttendance(id, r.id, r.mark === 'absent' ? null : 'absent'))}>
              {t('act.att.markAbsent')}
            </Button>
          </Space>
        ) : r.mark ? (
          t(r.mark === 'present' ? 'act.att.present' : 'act.att.markedAbsent')
        ) : (
          '—'
        ),
    },
    {
      title: t('act.att.outcome'),
      key: 'outcome',
      width: 220,
      render: (_, r) =>
        r.outcome ? (
          <span data-testid="attendance-outcome">
            <Tag color={r.outcome === 'present' ? 'green' : 'red'}>{t(`act.att.${r.outcome}`)}</Tag>
            {r.outcome === 'present' && `${r.minutes ?? 0} ${t('act.att.minutes').replace(/.*（|）/g, '')} · ${r.points ?? 0} ${t('act.att.points')}`}
            {r.pointsNote && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{r.pointsNote}</div>}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card
      className="gz-card"
      size="small"
      title={shown ? `${t('act.attendance')}（${t('act.summary', shown.summary)}）` : t('act.attendance')}
      style={{ marginTop: 16 }}
      extra={
        canConfirm ? (
          <Popconfirm title={t('act.confirm.ask')} onConfirm={() => run(() => confirmAttendance(id), (r) => message.success(t('act.confirm.done', r.summary)))} okButtonProps={{ 'data-testid': 'activity-confirm-ok' } as never}>
            <Button type="primary" loading={busy} data-testid="activity-confirm">
              {t('act.confirm')}
            </Button>
          </Popconfirm>
        ) : undefined
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<AttendanceItem> rowKey="id" size="small" loading={list.loading && !shown} columns={columns} dataSource={shown?.items ?? []} pagination={false} locale={{ emptyText: t('act.att.empty') }} scroll={{ x: 900 }} data-testid="attendance-table" />
      )}
    </Card>
  );
}
