import { useMemo, useState } from 'react';
import { Alert, App, Button, Calendar, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Popconfirm, Radio, Segmented, Select, Space, Table, Tag, TimePicker } from 'antd';
import { CalendarOutlined, DeleteOutlined, EditOutlined, FileAddOutlined, PlusOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, get, patch, post } from '../../../api/client.ts';
import type { ReceptionDay, ReceptionDayDetail, ReceptionLeaders, ReceptionList } from '../../../api/reception.ts';
import { useT } from '../../../i18n/index.tsx';
import { isMobile, useCaseLabels } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import { CategorySelect } from '../cases/CategorySelect.tsx';
import { StateTag } from '../cases/CaseTags.tsx';
import type { CaseState, CreatedCase } from '../../../api/cases.ts';
import { LeaderAttachments } from './LeaderAttachments.tsx';
import './reception.css';

const PHASE_COLOUR = { upcoming: 'blue', ongoing: 'green', past: 'default' } as const;

export function PhaseTag({ phase }: { phase: ReceptionDay['phase'] }) {
  const t = useT();
  return <Tag color={PHASE_COLOUR[phase]}>{t(`rc.phase.${phase}`)}</Tag>;
}

export const fmtDay = (day: string) => dayjs(day).format('YYYY年M月D日');

/** 接待日安排: the month's reception days of the caller's area, as a calendar or a list. */
export default function ReceptionPage() {
  const t = useT();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [view, setView] = useState<'calendar' | 'list'>('calendar');
  const [editing, setEditing] = useState<ReceptionDay | 'new' | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [recording, setRecording] = useState<ReceptionDay | null>(null);
  const [attach, setAttach] = useState(false);
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const res = useApi((signal) => get<ReceptionList>('/api/reception-days', { from, to }, signal), [from, to]);
  const items = useMemo(() => res.data?.items ?? [], [res.data]);
  const byDay = useMemo(() => {
    const m = new Map<string, ReceptionDay[]>();
    for (const d of items) m.set(d.day, [...(m.get(d.day) ?? []), d]);
    return m;
  }, [items]);
  const canCreate = res.data?.allowedActions.includes('create') ?? false;

  const remove = async (d: ReceptionDay) => {
    try {
      await api(`/api/reception-days/${d.id}`, { method: 'DELETE' });
      message.success(t('rc.deleted'));
      setOpen(null);
      res.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<ReceptionDay> = [
    { title: t('rc.col.day'), dataIndex: 'day', key: 'day', width: 150, render: (d: string) => fmtDay(d) },
    { title: t('rc.col.time'), key: 'time', width: 120, render: (_: unknown, d) => `${d.startTime}–${d.endTime}` },
    { title: t('rc.col.area'), key: 'area', width: 200, ellipsis: true, render: (_: unknown, d) => [d.townName, d.areaName].filter(Boolean).join(' ') },
    { title: t('rc.col.place'), dataIndex: 'place', key: 'place', ellipsis: true },
    { title: t('rc.col.leader'), key: 'leader', width: 200, ellipsis: true, render: (_: unknown, d) => `${d.leader.name}${d.leader.title ? `（${d.leader.title}）` : ''}` },
    { title: t('rc.col.cases'), dataIndex: 'cases', key: 'cases', width: 96, align: 'right', render: (n: number) => t('rc.casesN', { n }) },
    { title: t('rc.col.phase'), dataIndex: 'phase', key: 'phase', width: 96, render: (p: ReceptionDay['phase']) => <PhaseTag phase={p} /> },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_: unknown, d) => (
        <Button size="small" type="link" onClick={() => setOpen(d.id)} data-testid="reception-open">
          {t('common.view')}
        </Button>
      ),
    },
  ];

  if (res.error && !res.data) return <LoadError error={res.error} onRetry={res.reload} />;

  return (
    <div className="gz-page" data-testid="reception-page">
      <PageHeader
        title={t('rc.menu.schedule')}
        testId="reception-title"
        description={t('rc.desc')}
        extra={
          <Space wrap>
            <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && setMonth(v.startOf('month'))} aria-label={t('rc.month')} data-testid="reception-month" />
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'calendar' | 'list')}
              options={[
                { value: 'calendar', label: t('rc.view.calendar'), icon: <CalendarOutlined /> },
                { value: 'list', label: t('rc.view.list'), icon: <UnorderedListOutlined /> },
              ]}
            />
            <Button icon={<TeamOutlined />} onClick={() => setAttach(true)} data-testid="reception-leaders">
              {t('rc.leaders')}
            </Button>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="reception-create">
                {t('rc.create')}
              </Button>
            )}
          </Space>
        }
      />
      {res.data && res.data.uncovered.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="gz-rc-uncovered"
          message={
            <span>
              {t('rc.uncovered', { month: dayjs(`${res.data.month}-01`).format('YYYY年M月') })}
              {res.data.uncovered.map((u) => t('rc.uncoveredItem', { leader: u.leaderName, area: u.areaName })).join('、')}
            </span>
          }
        />
      )}
      <Card className="gz-card" size="small">
        {view === 'calendar' ? (
          <Calendar
            className="gz-rc-calendar"
            value={month}
            headerRender={() => null}
            onSelect={(d, info) => {
              if (info.source === 'date' && !d.isSame(month, 'month')) setMonth(d.startOf('month'));
            }}
            cellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
              if (!d.isSame(month, 'month') || list.length === 0) return null;
              return (
                <ul className="gz-rc-cell">
                  {list.slice(0, 3).map((x) => (
                    <li key={x.id}>
                      <button type="button" className={`gz-rc-chip gz-rc-${x.phase}`} onClick={() => setOpen(x.id)} data-testid="reception-chip" title={`${x.startTime}–${x.endTime} ${x.leader.name} · ${x.areaName}`}>
                        <span className="gz-rc-chip-time">{x.startTime}</span> {x.leader.name} · {x.areaName}
                      </button>
                    </li>
                  ))}
                  {list.length > 3 && <li className="gz-muted">{t('rc.more', { n: list.length - 3 })}</li>}
                </ul>
              );
            }}
          />
        ) : (
          <Table<ReceptionDay>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={res.loading && !res.data}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rc.empty')} /> }}
            data-testid="reception-table"
            scroll={{ x: 1000 }}
          />
        )}
      </Card>
      <DayDrawer
        id={open}
        onClose={() => setOpen(null)}
        onEdit={(d) => setEditing(d)}
        onRecord={(d) => setRecording(d)}
        onDelete={remove}
        version={res.data}
      />
      <DayForm
        value={editing}
        onClose={() => setEditing(null)}
        onSaved={(d) => {
          setEditing(null);
          setMonth(dayjs(d.day).startOf('month'));
          res.reload();
        }}
      />
      <RecordCase
        day={recording}
        onClose={() => setRecording(null)}
        onSaved={() => {
          setRecording(null);
          res.reload();
        }}
      />
      <Drawer title={t('rc.att.title')} open={attach} onClose={() => setAttach(false)} width={720} destroyOnHidden>
        <LeaderAttachments onChanged={res.reload} />
      </Drawer>
    </div>
  );
}

function DayDrawer({
  id,
  onClose,
  onEdit,
  onRecord,
  onDelete,
  version,
}: {
  id: string | null;
  onClose: () => void;
  onEdit: (d: ReceptionDay) => void;
  onRecord: (d: ReceptionDay) => void;
  onDelete: (d: ReceptionDay) => void;
  version: unknown;
}) {
  const t = useT();
  const res = useApi(id ? (signal) => get<ReceptionDayDetail>(`/api/reception-days/${id}`, undefined, signal) : null, [id, version]);
  const d = res.data && res.data.id === id ? res.data : null;
  return (
    <Drawer title={d ? `${fmtDay(d.day)} · ${d.areaName}` : ''} open={id !== null} onClose={onClose} width={560} loading={!d && !res.error} data-testid="reception-drawer">
      {res.error && <LoadError error={res.error} onRetry={res.reload} />}
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('rc.col.time')}>
              {fmtDay(d.day)} {d.startTime}–{d.endTime} <PhaseTag phase={d.phase} />
            </Descriptions.Item>
            <Descriptions.Item label={t('rc.col.area')}>{[d.townName, d.areaName].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={t('rc.col.place')}>{d.place}</Descriptions.Item>
            <Descriptions.Item label={t('rc.col.leader')}>{`${d.leader.name}${d.leader.title ? `（${d.leader.title}）` : ''}`}</Descriptions.Item>
            {d.note && <Descriptions.Item label={t('rc.form.note')}>{d.note}</Descriptions.Item>}
          </Descriptions>
          <Space className="gz-rc-actions" wrap>
            {d.allowedActions.includes('record') && !dayjs(d.day).isAfter(dayjs(), 'day') && (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => onRecord(d)} data-testid="reception-record">
                {t('rc.record')}
              </Button>
            )}
            {d.allowedActions.includes('edit') && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(d)} data-testid="reception-edit">
                {t('rc.edit')}
              </Button>
            )}
            {d.allowedActions.includes('delete') && (
              <Popconfirm title={t('rc.deleteConfirm', { day: fmtDay(d.day), area: d.areaName })} onConfirm={() => onDelete(d)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                <Button danger icon={<DeleteOutlined />} data-testid="reception-delete">
                  {t('rc.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          <div className="gz-section-title">{t('rc.case.list')}</div>
          {d.caseList.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rc.case.none')} />
          ) : (
            <ul className="gz-rc-cases" data-testid="reception-cases">
              {d.caseList.map((c) => (
                <li key={c.id}>
                  <Link to={`/cases/${c.id}`}>
                    <span className="gz-mono">{c.code}</span> {c.title}
                  </Link>{' '}
                  <StateTag state={c.state as CaseState} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Drawer>
  );
}

interface DayValues {
  areaCode: string;
  place: string;
  day: Dayjs;
  time: [Dayjs, Dayjs];
  kind: 'account' | 'named';
  leaderUserId?: string;
  leaderName?: string;
  leaderTitle?: string;
  note?: string;
}

function DayForm({ value, onClose, onSaved }: { value: ReceptionDay | 'new' | null; onClose: () => void; onSaved: (d: ReceptionDay) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayValues>();
  const [saving, setSaving] = useState(false);
  const leaders = useApi(value ? (signal) => get<ReceptionLeaders>('/api/reception-leaders', undefined, signal) : null, [value !== null]);
  const kind = Form.useWatch('kind', form);
  const existing = value && value !== 'new' ? value : null;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    const body = {
      areaCode: v.areaCode,
      place: v.place.trim(),
      day: v.day.format('YYYY-MM-DD'),
      startTime: v.time[0].format('HH:mm'),
      endTime: v.time[1].format('HH:mm'),
      leaderUserId: v.kind === 'account' ? (v.leaderUserId ?? null) : null,
      leaderName: v.kind === 'named' ? (v.leaderName?.trim() ?? null) : null,
      leaderTitle: v.leaderTitle?.trim() || null,
      note: v.note?.trim() || null,
    };
    try {
      const out = existing ? await patch<ReceptionDay>(`/api/reception-days/${existing.id}`, body) : await post<ReceptionDay>('/api/reception-days', body);
      message.success(t('rc.form.saved'));
      onSaved(out);
    } catch (e) {
      applyServerErrors(form, e, message, ['areaCode', 'place', 'day', 'leaderUserId', 'leaderName', 'leaderTitle', 'note']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={existing ? t('rc.form.editTitle') : t('rc.form.createTitle')}
      open={value !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'reception-save' }}
      destroyOnHidden
      width={600}
    >
      <Form<DayValues>
        form={form}
        layout="vertical"
        data-testid="reception-form"
        initialValues={
          existing
            ? {
                areaCode: existing.areaCode,
                place: existing.place,
                day: dayjs(existing.day),
                time: [dayjs(`${existing.day}T${existing.startTime}`), dayjs(`${existing.day}T${existing.endTime}`)],
                kind: existing.leader.userId ? 'account' : 'named',
                leaderUserId: existing.leader.userId ?? undefined,
                leaderName: existing.leader.userId ? undefined : existing.leader.name,
                leaderTitle: existing.leader.title ?? undefined,
                note: existing.note ?? undefined,
              }
            : { kind: 'account', time: [dayjs('2000-01-01T09:00'), dayjs('2000-01-01T11:30')] }
        }
      >
        <Form.Item name="kind" label={t('rc.form.leaderKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'account', label: t('rc.form.leaderAccount') },
              { value: 'named', label: t('rc.form.leaderNamed') },
            ]}
          />
        </Form.Item>
        {kind === 'named' ? (
          <Form.Item name="leaderName" label={t('rc.form.leaderName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('rc.form.leaderName') }) }, { max: 40 }]}>
            <Input maxLength={40} data-testid="reception-leader-name" />
          </Form.Item>
        ) : (
          <Form.Item name="leaderUserId" label={t('rc.form.leaderUser')} extra={t('rc.form.leaderUserHint')} rules={[{ required: true, message: t('common.required', { field: t('rc.form.leaderUser') }) }]}>
            <Select
              loading={leaders.loading}
              data-testid="reception-leader"
              aria-label={t('rc.form.leaderUser')}
              options={(leaders.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} · ${l.attachments.map((a) => a.name).join('、') || t('rc.att.none')}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="leaderTitle" label={t('rc.form.leaderTitle')} rules={[{ max: 60 }]}>
          <Input maxLength={60} placeholder={t('rc.form.leaderTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('rc.form.area')} rules={[{ required: true, message: t('common.required', { field: t('rc.form.area') }) }]}>
          <AreaTreeSelect selectableLevels={['village']} placeholder={t('rc.form.areaPlaceholder')} testId="reception-area" />
        </Form.Item>
        <Form.Item name="place" label={t('rc.form.place')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('rc.form.place') }) }, { max: 100 }]}>
          <Input maxLength={100} placeholder={t('rc.form.placePlaceholder')} data-testid="reception-place" />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="day" label={t('rc.form.day')} rules={[{ required: true, message: t('common.required', { field: t('rc.form.day') }) }]}>
            <DatePicker data-testid="reception-day" />
          </Form.Item>
          <Form.Item name="time" label={t('rc.form.time')} rules={[{ required: true, message: t('common.required', { field: t('rc.form.time') }) }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} order data-testid="reception-time" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('rc.form.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CaseValues {
  categoryCode: string;
  title: string;
  description: string;
  address?: string;
  reporterName?: string;
  reporterPhone?: string;
}

/** Records what a resident raised at the reception day: a case with channel 接待日, led by the day's leader. */
function RecordCase({ day, onClose, onSaved }: { day: ReceptionDay | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const labels = useCaseLabels();
  const [form] = Form.useForm<CaseValues>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!day) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const c = await post<CreatedCase>(`/api/reception-days/${day.id}/cases`, {
        categoryCode: v.categoryCode,
        title: v.title.trim(),
        description: v.description.trim(),
        address: v.address?.trim() || undefined,
        reporter: v.reporterName?.trim() || v.reporterPhone?.trim() ? { name: v.reporterName?.trim() || undefined, phone: v.reporterPhone?.trim() || undefined } : undefined,
      });
      modal.success({ title: labels.channel('reception'), content: <span data-testid="reception-case-created">{t('rc.case.created', { code: c.code, queryCode: c.queryCode ?? '—' })}</span> });
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['categoryCode', 'title', 'description', 'address']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={t('rc.case.title')}
      open={day !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'reception-case-save' }}
      destroyOnHidden
      width={600}
    >
      {day && <p className="gz-muted">{t('rc.case.sub', { day: fmtDay(day.day), area: day.areaName, leader: day.leader.name })}</p>}
      <Form<CaseValues> form={form} layout="vertical" data-testid="reception-case-form">
        <Form.Item name="categoryCode" label={t('rc.case.category')} rules={[{ required: true, message: t('common.required', { field: t('rc.case.category') }) }]}>
          <CategorySelect leafOnly testId="reception-case-category" />
        </Form.Item>
        <Form.Item name="title" label={t('rc.case.caseTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('rc.case.caseTitle') }) }, { max: 100 }]}>
          <Input maxLength={100} data-testid="reception-case-title" />
        </Form.Item>
        <Form.Item name="description" label={t('rc.case.description')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('rc.case.description') }) }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="reception-case-description" />
        </Form.Item>
        <Form.Item name="address" label={t('rc.case.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="reporterName" label={t('rc.case.reporterName')} rules={[{ max: 40 }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="reporterPhone" label={t('rc.case.reporterPhone')} rules={[{ validator: (_r, v: string | undefined) => (!v || isMobile(v) ? Promise.resolve() : Promise.reject(new Error(t('rc.case.phoneInvalid')))) }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
