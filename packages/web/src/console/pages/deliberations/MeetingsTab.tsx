// 会议 tab of a deliberation: its meetings (time, place, state), and for the chosen one the agenda editor,
// the QR check-in screen (the six-digit code, refreshed when its 30-second window ends, with the count
// checked in), the roll with attendance and manual marking, the attendance beside the body's quorum,
// the minutes editor and the files.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Row, Segmented, Space, Table, Tag, Upload } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleFilled, DeleteOutlined, ExclamationCircleFilled, PaperClipOutlined, PlusOutlined, QrcodeOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../api/client.ts';
import { ACCEPTED_FILES, uploadFile } from '../../../api/cases.ts';
import {
  addAgendaItem,
  attachMeetingFile,
  getMeeting,
  getMeetingCode,
  listMeetings,
  markAttendance,
  moveAgendaItem,
  removeAgendaItem,
  saveMinutes,
  scheduleMeeting,
  type Meeting,
} from '../../../api/deliberation-meetings.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { useRotatingCode } from '../../../lib/useRotatingCode.ts';
import { LoadError } from '../../components/ErrorResult.tsx';

export function MeetingsTab({ deliberationId }: { deliberationId: string }) {
  const { t } = useI18n();
  const list = useApi((signal) => listMeetings(deliberationId, signal), [deliberationId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const items = list.data?.items ?? [];
  const current = chosen ?? items[0]?.id ?? null;
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Card loading />;
  return (
    <div data-testid="meetings-tab">
      <Space wrap style={{ marginBottom: 12 }}>
        {items.length > 0 && (
          <Segmented
            value={current ?? undefined}
            onChange={(v) => setChosen(String(v))}
            options={items.map((m) => ({ value: m.id, label: <span data-testid="meeting-choice">{`${fmtTime(m.scheduledAt)} · ${t(`meet.state.${m.state}`)}`}</span> }))}
          />
        )}
        {list.data.allowedActions.includes('schedule') && (
          <Button icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="meeting-schedule">
            {t('meet.schedule')}
          </Button>
        )}
      </Space>
      {current ? <MeetingPanel key={current} id={current} onChange={list.reload} /> : <Empty description={t('meet.empty')} />}
      <ScheduleModal
        open={scheduling}
        deliberationId={deliberationId}
        onClose={() => setScheduling(false)}
        onDone={(id) => {
          setScheduling(false);
          setChosen(id);
          list.reload();
        }}
      />
    </div>
  );
}

function ScheduleModal({ open, deliberationId, onClose, onDone }: { open: boolean; deliberationId: string; onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ at: Dayjs; place: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const m = await scheduleMeeting(deliberationId, { scheduledAt: v.at.toISOString(), place: v.place });
      form.resetFields();
      onDone(m.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('meet.schedule')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'meeting-schedule-ok' } as Record<string, string>} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ at: dayjs().add(1, 'day').hour(19).minute(0).second(0) }}>
        <Form.Item name="at" label={t('meet.f.scheduledAt')} rules={[{ required: true, message: t('meet.f.required', { field: t('meet.f.scheduledAt') }) }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="meeting-at" />
        </Form.Item>
        <Form.Item name="place" label={t('meet.f.place')} rules={[{ required: true, whitespace: true, message: t('meet.f.required', { field: t('meet.f.place') }) }]}>
          <Input maxLength={100} data-testid="meeting-place" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingPanel({ id, onChange }: { id: string; onChange: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const res = useApi((signal) => getMeeting(id, signal), [id]);
  const [override, setM] = useState<Meeting | null>(null);
  const m = override ?? res.data ?? null;
  const [busy, setBusy] = useState<string | null>(null);
  const [qr, setQr] = useState(false);
  const [draft, setMinutes] = useState<string | null>(null);
  const minutes = draft ?? m?.minutes ?? '';
  const [agendaForm] = Form.useForm<{ title: string; presenter?: string }>();
  if (res.error && !m) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!m) return <Card loading />;
  const organiser = m.allowedActions.includes('agenda');
  const editable = organiser && m.state === 'scheduled';

  const run = async (key: string, fn: () => Promise<Meeting>, done?: string) => {
    setBusy(key);
    try {
      const next = await fn();
      setM(next);
      if (done) message.success(done);
      onChange();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  const addItem = async () => {
    const v = await agendaForm.validateFields().catch(() => null);
    if (!v) return;
    if (await run('agenda', () => addAgendaItem(id, { source: 'text', title: v.title.trim(), presenter: v.presenter?.trim() || undefined }))) agendaForm.resetFields();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="meeting-panel" data-state={m.state}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card
            className="gz-card"
            title={t('meet.m.title')}
            extra={
              m.allowedActions.includes('code') && (
                <Button type="primary" icon={<QrcodeOutlined />} onClick={() => setQr(true)} data-testid="meeting-qr-open">
                  {t('meet.qr')}
                </Button>
              )
            }
          >
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('meet.f.scheduledAt')}>{fmtTime(m.scheduledAt)}</Descriptions.Item>
              <Descriptions.Item label={t('meet.f.place')}>{m.place}</Descriptions.Item>
              <Descriptions.Item label={t('delib.col.state')}>
                <Tag color={m.state === 'held' ? 'default' : 'processing'} data-testid="meeting-state">
                  {t(`meet.state.${m.state}`)}
                </Tag>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card className="gz-card" title={t('meet.attendance')}>
            <Attendance m={m} />
          </Card>
        </Col>
      </Row>
      <Card className="gz-card" title={t('meet.agenda')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={m.agenda}
          locale={{ emptyText: t('meet.agenda.empty') }}
          data-testid="meeting-agenda"
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: t('meet.f.title'), dataIndex: 'title', ellipsis: true },
            { title: t('meet.agenda.source'), key: 'source', width: 220, ellipsis: true, render: (_, a) => <span><Tag>{a.sourceLabel}</Tag>{a.source !== 'text' && a.sourceTitle}</span> },
            { title: t('meet.f.presenter'), dataIndex: 'presenter', width: 120, ellipsis: true, render: (p: string) => p || '—' },
            ...(editable
              ? [
                  {
                    title: '',
                    key: 'ops',
                    width: 130,
                    render: (_: unknown, a: Meeting['agenda'][number], i: number) => (
                      <Space size={2}>
                        <Button size="small" type="text" aria-label={t('meet.agenda.up')} title={t('meet.agenda.up')} icon={<ArrowUpOutlined />} disabled={i === 0 || busy !== null} onClick={() => run('move', () => moveAgendaItem(id, a.id, 'up'))} data-testid="agenda-up" />
                        <Button size="small" type="text" aria-label={t('meet.agenda.down')} title={t('meet.agenda.down')} icon={<ArrowDownOutlined />} disabled={i === m.agenda.length - 1 || busy !== null} onClick={() => run('move', () => moveAgendaItem(id, a.id, 'down'))} />
                        <Button size="small" type="text" danger aria-label={t('meet.agenda.remove')} title={t('meet.agenda.remove')} icon={<DeleteOutlined />} disabled={busy !== null} onClick={() => run('remove', () => removeAgendaItem(id, a.id))} />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {editable && (
          <Form form={agendaForm} layout="inline" style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('meet.f.required', { field: t('meet.f.title') }) }]}>
              <Input placeholder={t('meet.f.title')} aria-label={t('meet.f.title')} maxLength={80} style={{ width: 280 }} data-testid="agenda-title" />
            </Form.Item>
            <Form.Item name="presenter">
              <Input placeholder={t('meet.f.presenter')} aria-label={t('meet.f.presenter')} maxLength={40} style={{ width: 140 }} />
            </Form.Item>
            <Button icon={<PlusOutlined />} loading={busy === 'agenda'} onClick={addItem} data-testid="agenda-add">
              {t('meet.agenda.add')}
            </Button>
          </Form>
        )}
      </Card>
      <Card className="gz-card" title={t('meet.roll')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={m.roll}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="meeting-roll"
          columns={[
            { title: '#', dataIndex: 'seq', width: 60 },
            { title: t('meet.roll.name'), dataIndex: 'name', ellipsis: true },
            {
              title: t('meet.roll.present'),
              key: 'present',
              width: 260,
              render: (_, r) =>
                r.present ? (
                  <Space>
                    <Tag color="success" data-testid="roll-present">{t(`meet.roll.how.${r.how ?? 'staff'}`)}</Tag>
                    <span style={{ color: '#595959' }}>{fmtTime(r.at)}</span>
                  </Space>
                ) : (
                  <span style={{ color: '#595959' }}>{t('meet.roll.absent')}</span>
                ),
            },
            ...(organiser
              ? [
                  {
                    title: '',
                    key: 'mark',
                    width: 110,
                    render: (_: unknown, r: Meeting['roll'][number]) => (
                      <Button size="small" loading={busy === r.id} disabled={busy !== null && busy !== r.id} onClick={() => run(r.id, () => markAttendance(id, r.id, !r.present))} data-testid={r.present ? 'roll-unmark' : 'roll-mark'}>
                        {r.present ? t('meet.roll.unmark') : t('meet.roll.mark')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card className="gz-card" title={t('meet.minutes')}>
            {organiser ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea value={minutes} onChange={(e) => setMinutes(e.target.value)} rows={6} maxLength={20000} placeholder={t('meet.minutes.placeholder')} aria-label={t('meet.minutes')} data-testid="meeting-minutes" />
                <Button type="primary" disabled={!minutes.trim()} loading={busy === 'minutes'} onClick={() => run('minutes', () => saveMinutes(id, minutes.trim()), t('meet.minutes.saved'))} data-testid="meeting-minutes-save">
                  {t('meet.minutes.save')}
                </Button>
              </Space>
            ) : (
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.minutes ?? t('meet.minutes.none')}</div>
            )}
            {m.minutesAt && <div style={{ color: '#595959', marginTop: 8 }} data-testid="meeting-minutes-by">{t('meet.minutes.by', { name: m.minutesBy ?? '', at: fmtTime(m.minutesAt) })}</div>}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            className="gz-card"
            title={t('meet.files')}
            extra={
              organiser && (
                <Upload
                  accept={ACCEPTED_FILES}
                  showUploadList={false}
                  customRequest={({ file }) => {
                    void run('file', async () => attachMeetingFile(id, (await uploadFile(file as File)).id), t('meet.saved'));
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={busy === 'file'}>
                    {t('meet.files.upload')}
                  </Button>
                </Upload>
              )
            }
          >
            <List
              size="small"
              dataSource={m.files}
              locale={{ emptyText: t('meet.files.none') }}
              renderItem={(f) => (
                <List.Item>
                  <a href={f.url} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {f.name}
                  </a>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {qr && (
        <QrModal
          id={id}
          onClose={() => {
            setQr(false);
            // Those who checked in while the screen was up.
            void getMeeting(id).then(setM, () => undefined);
          }}
        />
      )}
    </Space>
  );
}

function Attendance({ m }: { m: Meeting }) {
  const { t } = useI18n();
  const a = m.attendance;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div style={{ fontSize: 20 }} data-testid="meeting-count">
        {t('meet.attendance.count', { present: a.present, roll: a.roll })}
      </div>
      {a.quorum.length === 0 ? (
        <div style={{ color: '#595959' }}>{t('meet.attendance.noQuorum')}</div>
      ) : (
        <ul className="gz-delib-checks" data-testid="meeting-quorum">
          {a.quorum.map((c, i) => {
            const Icon = c.met ? CheckCircleFilled : ExclamationCircleFilled;
            return (
              <li key={i}>
                <Icon style={{ color: c.met ? '#389e0d' : '#cf1322', marginRight: 6 }} aria-hidden />
                {c.text}
              </li>
            );
          })}
        </ul>
      )}
      <div style={{ color: '#595959' }}>{t('meet.attendance.rule', { rule: a.rule })}</div>
    </Space>
  );
}

function QrModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  // A new code at the end of each window; the count of those checked in comes with it.
  const { code, left } = useRotatingCode((signal) => getMeetingCode(id, signal), [id]);
  return (
    <Modal open title={t('meet.qr.title')} onCancel={onClose} footer={null} width={640} centered>
      {code.error ? (
        <LoadError error={code.error} onRetry={code.reload} />
      ) : code.data ? (
        <div style={{ textAlign: 'center' }} data-testid="meeting-qr">
          {!code.data.open && <Alert type="warning" showIcon message={t('meet.qr.notOpen')} style={{ marginBottom: 12 }} />}
          <div role="img" aria-label={t('meet.qr.title')} data-path={code.data.path} data-testid="meeting-qr-svg" style={{ width: 'min(50vh, 100%)', maxWidth: 360, margin: '0 auto' }} dangerouslySetInnerHTML={{ __html: code.data.svg }} />
          <div style={{ fontSize: 56, fontWeight: 600, letterSpacing: 12, fontVariantNumeric: 'tabular-nums' }} data-testid="meeting-code">
            {code.data.code}
          </div>
          <div style={{ fontSize: 22, margin: '8px 0' }} data-testid="meeting-qr-count">
            {t('meet.qr.checkedIn', { present: code.data.present, roll: code.data.roll })}
          </div>
          <div style={{ fontSize: 15 }}>{t('meet.qr.hint', { seconds: code.data.periodSeconds })}</div>
          {left !== null && <div style={{ color: '#595959', marginTop: 4 }}>{t('meet.qr.refreshIn', { seconds: left })}</div>}
        </div>
      ) : (
        <Card loading bordered={false} />
      )}
    </Modal>
  );
}
