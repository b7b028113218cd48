import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarDay, CalendarOverride, CalendarYear } from '@gongzhi/domain/contract';
import { api, get } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

type DayInfo = CalendarDay;

const KIND_COLOR: Record<DayInfo['kind'], string> = { holiday: 'red', makeup: 'orange', workday: 'blue', weekend: 'default' };

/** The administrator's holiday overrides (工作日历): years the built-in table lacks, corrections, local days off. */
export default function CalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const res = useApi((signal) => get<CalendarYear>(`/api/calendar/${year}`, undefined, signal), [year]);
  const [editing, setEditing] = useState<{ date?: string; working?: boolean; name?: string | null } | null>(null);
  const editable = res.data?.allowedActions.includes('edit') ?? false;

  const remove = async (date: string) => {
    try {
      await api(`/api/calendar/overrides/${date}`, { method: 'DELETE' });
      message.success(t('wt.cal.removed', { date }));
      res.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<DayInfo> = [
    { title: t('wt.cal.date'), dataIndex: 'date', key: 'date', width: 130, render: (d: string) => <span className="gz-mono">{d}</span> },
    { title: t('wt.cal.weekday'), key: 'weekday', width: 100, render: (_: unknown, d) => t(`wt.weekday.${dayjs(d.date).day()}` as 'wt.weekday.0') },
    { title: t('wt.cal.kind'), dataIndex: 'kind', key: 'kind', width: 130, render: (k: DayInfo['kind']) => <Tag color={KIND_COLOR[k]}>{t(`wt.cal.kind.${k}`)}</Tag> },
    { title: t('wt.cal.name'), dataIndex: 'name', key: 'name', render: (n: string | null) => n ?? t('common.none') },
    {
      title: t('wt.cal.source'),
      dataIndex: 'source',
      key: 'source',
      width: 140,
      render: (s: DayInfo['source']) => (s === 'override' ? <Tag color="purple">{t('wt.cal.source.override')}</Tag> : <span className="gz-muted">{t('wt.cal.source.package')}</span>),
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, d: DayInfo) => (
              <>
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ date: d.date, working: d.working, name: d.name })} data-testid={`cal-edit-${d.date}`}>
                  {t('common.edit')}
                </Button>
                {d.source === 'override' && (
                  <Popconfirm title={t('wt.cal.removeConfirm', { date: d.date })} onConfirm={() => remove(d.date)} okButtonProps={{ danger: true }}>
                    <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid={`cal-remove-${d.date}`}>
                      {t('wt.cal.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </>
            ),
          },
        ]
      : []),
  ];

  const data = res.data;
  return (
    <div className="gz-page" data-testid="calendar-page">
      <PageHeader
        title={t('wt.menu.calendar')}
        description={t('wt.cal.desc')}
        testId="calendar-title"
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              aria-label={t('wt.cal.year')}
              data-testid="calendar-year"
              options={[-1, 0, 1, 2].map((d) => ({ value: thisYear + d, label: t('wt.cal.yearOption', { year: thisYear + d }) }))}
            />
            {editable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="calendar-add">
                {t('wt.cal.add')}
              </Button>
            )}
          </>
        }
      />
      {data && !data.packageCovers && (
        <Alert
          type={data.covered ? 'info' : 'warning'}
          showIcon
          className="gz-card"
          data-testid="calendar-coverage"
          title={data.covered ? t('wt.cal.coveredByOverrides', { year: data.year, n: data.overrides.length }) : t('wt.cal.notCovered', { year: data.year })}
        />
      )}
      <Card className="gz-card" size="small" title={data ? t('wt.cal.covered', { year: data.year, n: data.workingDays }) : null}>
        {res.error && !res.loading ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<DayInfo>
            size="middle"
            rowKey="date"
            columns={columns}
            dataSource={data?.special ?? []}
            loading={res.loading}
            pagination={false}
            locale={{ emptyText: t('wt.cal.empty') }}
            data-testid="calendar-table"
          />
        )}
      </Card>
      <OverrideModal
        value={editing}
        onClose={() => setEditing(null)}
        onSaved={(date, kind) => {
          message.success(t('wt.cal.saved', { date, kind }));
          const y = Number(date.slice(0, 4));
          if (y !== year) setYear(y);
          else res.reload();
        }}
      />
    </div>
  );
}

function OverrideModal({ value, onClose, onSaved }: { value: { date?: string; working?: boolean; name?: string | null } | null; onClose: () => void; onSaved: (date: string, kind: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; working: boolean; name?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    const date = v.date.format('YYYY-MM-DD');
    try {
      const out = await api<CalendarOverride>(`/api/calendar/overrides/${date}`, { method: 'PUT', body: { working: v.working, name: v.name?.trim() || null } });
      onClose();
      onSaved(date, t(`wt.cal.kind.${out.day.kind}`));
    } catch (e) {
      applyServerErrors(form, e, message, ['date', 'working', 'name']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={value?.date ? t('wt.cal.edit') : t('wt.cal.add')}
      open={value !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'calendar-save' }}
    >
      {value && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ date: value.date ? dayjs(value.date) : undefined, working: value.working ?? false, name: value.name ?? '' }}
        >
          <Form.Item name="date" label={t('wt.cal.date')} rules={[{ required: true, message: t('common.required', { field: t('wt.cal.date') }) }]}>
            <DatePicker disabled={!!value.date} style={{ width: '100%' }} data-testid="calendar-date" />
          </Form.Item>
          <Form.Item name="working" label={t('wt.cal.working')}>
            <Radio.Group
              options={[
                { value: false, label: <span data-testid="calendar-off">{t('wt.cal.working.off')}</span> },
                { value: true, label: <span data-testid="calendar-on">{t('wt.cal.working.on')}</span> },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('wt.cal.name')} rules={[{ max: 20 }]}>
            <Input maxLength={20} placeholder={t('wt.cal.namePlaceholder')} data-testid="calendar-name" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
