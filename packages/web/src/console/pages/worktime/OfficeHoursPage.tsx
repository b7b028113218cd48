import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, TimePicker } from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { OfficeHoursList, OfficePeriod, UnitOfficeHours } from '@gongzhi/domain/contract';
import { api, get } from '../../../api/client.ts';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

type Period = OfficePeriod;
type UnitHours = OfficeHoursList['items'][number];

const text = (periods: Period[]) => periods.map((p) => `${p.start}–${p.end}`).join('、');
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hoursPerDay = (periods: Period[]) => periods.reduce((s, p) => s + minutes(p.end) - minutes(p.start), 0) / 60;

/** Units' office hours (办公时间), which hour limits count: the administrator for all, a centre for its area. */
export default function OfficeHoursPage() {
  const t = useT();
  const { tx } = useI18n();
  const { message } = App.useApp();
  const res = useApi((signal) => get<OfficeHoursList>('/api/office-hours', undefined, signal), []);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<UnitHours | null>(null);
  const items = useMemo(() => (res.data?.items ?? []).filter((u) => !q.trim() || u.name.includes(q.trim())), [res.data, q]);
  const defaults = res.data?.default.periods ?? [];

  const reset = async (u: UnitHours) => {
    try {
      await api<UnitOfficeHours>(`/api/office-hours/${u.unitId}`, { method: 'DELETE' });
      message.success(t('wt.hours.resetDone', { name: u.name }));
      res.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<UnitHours> = [
    { title: t('wt.hours.unit'), dataIndex: 'name', key: 'name', render: (n: string) => <strong>{n}</strong> },
    { title: t('wt.hours.type'), dataIndex: 'type', key: 'type', width: 160, render: (v: string) => tx(`wt.unitType.${v}`, t('common.none')) },
    {
      title: t('wt.hours.periods'),
      key: 'periods',
      render: (_: unknown, u) =>
        u.periods ? (
          <Space size={4} wrap>
            <span>{text(u.periods)}</span>
            <Tag color="blue">{t('wt.hours.own')}</Tag>
          </Space>
        ) : (
          <Space size={4} wrap>
            <span className="gz-muted">{text(defaults)}</span>
            <Tag>{t('wt.hours.usesDefault')}</Tag>
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, u) => (
        <>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid={`hours-edit-${u.unitId}`}>
            {t('wt.hours.edit')}
          </Button>
          {u.periods && (
            <Popconfirm title={t('wt.hours.resetConfirm', { name: u.name })} onConfirm={() => reset(u)}>
              <Button size="small" type="link" icon={<UndoOutlined />} data-testid={`hours-reset-${u.unitId}`}>
                {t('wt.hours.reset')}
              </Button>
            </Popconfirm>
          )}
        </>
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="office-hours-page">
      <PageHeader title={t('wt.menu.hours')} description={t('wt.hours.desc')} testId="office-hours-title" />
      <Card
        className="gz-card"
        size="small"
        title={`${t('wt.hours.default')}：${text(defaults)}${defaults.length ? `（${t('wt.hours.perDay', { h: hoursPerDay(defaults) })}）` : ''}`}
        extra={<Input.Search allowClear placeholder={t('wt.hours.search')} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} aria-label={t('wt.hours.search')} />}
      >
        {res.error && !res.loading ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<UnitHours> size="middle" rowKey="unitId" columns={columns} dataSource={items} loading={res.loading} pagination={{ pageSize: 20, showSizeChanger: false }} data-testid="office-hours-table" />
        )}
      </Card>
      <HoursModal
        unit={editing}
        defaults={defaults}
        onClose={() => setEditing(null)}
        onSaved={(name) => {
          message.success(t('wt.hours.saved', { name }));
          res.reload();
        }}
      />
    </div>
  );
}

function HoursModal({ unit, defaults, onClose, onSaved }: { unit: UnitHours | null; defaults: Period[]; onClose: () => void; onSaved: (name: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ periods: [Dayjs, Dayjs][] }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !unit) return;
    setSaving(true);
    try {
      const periods = v.periods.map(([a, b]) => ({ start: a.format('HH:mm'), end: b.format('HH:mm') }));
      await api<UnitOfficeHours>(`/api/office-hours/${unit.unitId}`, { method: 'PUT', body: { periods } });
      onClose();
      onSaved(unit.name);
    } catch (e) {
      applyServerErrors(form, e, message, ['periods']);
    } finally {
      setSaving(false);
    }
  };
  const initial = (unit?.periods ?? defaults).map((p) => [dayjs(`2000-01-01T${p.start}`), dayjs(`2000-01-01T${p.end}`)]);
  return (
    <Modal title={unit ? t('wt.hours.editTitle', { name: unit.name }) : ''} open={unit !== null} onOk={submit} onCancel={onClose} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'hours-save' }}>
      {unit && (
        <Form form={form} layout="vertical" requiredMark={false} initialValues={{ periods: initial }}>
          <Form.List name="periods">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={f.name} label={t('wt.hours.period', { n: i + 1 })} rules={[{ required: true, message: t('wt.hours.periodRequired') }]}>
                      <TimePicker.RangePicker format="HH:mm" minuteStep={5} order data-testid={`hours-period-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('wt.hours.removePeriod')} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {fields.length < 4 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="hours-add-period">
                    {t('wt.hours.addPeriod')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
