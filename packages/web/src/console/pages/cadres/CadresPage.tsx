// 下沉干部: the town's view of who came how often, per sending unit (the street's assessment, `002`: 40 % of the
// unit's annual score) and per person; the community's cadres (sunk-down cadre or first secretary) and the tasks
// it assigns them.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Progress, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { CADRE_KIND_CODES } from '@gongzhi/domain';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { CadreAttendance, CadreListItem, CadreTask } from '@gongzhi/domain/contract';
import { assignTask, cancelTask, getAttendance, listCadres, listTasks, setCadreKind } from '../../../api/cadres.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

type Row = CadreAttendance['units'][number];
type PersonRow = CadreAttendance['cadres'][number];

function AttendanceTab({ area }: { area?: string }) {
  const { t, tx } = useI18n();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [wholeYear, setWholeYear] = useState(false);
  const q = wholeYear ? { area, year: month.format('YYYY') } : { area, month: month.format('YYYY-MM') };
  const res = useApi((signal) => getAttendance(q, signal), [area, month.format('YYYY-MM'), wholeYear]);
  const unitCols: ColumnsType<Row> = [
    { title: t('cadre.unit'), dataIndex: 'unitName', key: 'unit', ellipsis: true },
    { title: t('cadre.count'), dataIndex: 'cadres', key: 'cadres', width: 90, align: 'right' },
    { title: t('cadre.days'), dataIndex: 'days', key: 'days', width: 100, align: 'right' },
    { title: t('cadre.expected'), dataIndex: 'expectedDays', key: 'expected', width: 110, align: 'right' },
    { title: t('cadre.rate'), dataIndex: 'attendanceRate', key: 'rate', width: 180, render: (r: number, row) => <Progress percent={r} size="small" format={(p) => `${p}%`} aria-label={`${row.unitName} ${t('cadre.rate')}`} /> },
    { title: t('cadre.weighted'), dataIndex: 'weightedScore', key: 'score', width: 150, align: 'right', render: (s: number) => <strong data-testid="cadre-unit-score">{s.toFixed(1)}</strong> },
    { title: t('cadre.tasksDone'), dataIndex: 'tasksDone', key: 'tasks', width: 100, align: 'right' },
  ];
  const personCols: ColumnsType<PersonRow> = [
    { title: t('cadre.name'), dataIndex: 'name', key: 'name', width: 110 },
    { title: t('cadre.kind'), dataIndex: 'kind', key: 'kind', width: 110, render: (k: string) => <Tag color={k === 'first-secretary' ? 'red' : 'blue'}>{tx(`cadre.kind.${k}`)}</Tag> },
    { title: t('cadre.unit'), dataIndex: 'unitName', key: 'unit', ellipsis: true, render: (u: string | null) => u ?? '—' },
    { title: t('cadre.community'), dataIndex: 'areaName', key: 'area', ellipsis: true, render: (a: string | null) => a ?? '—' },
    { title: t('cadre.days'), dataIndex: 'days', key: 'days', width: 100, align: 'right' },
    { title: t('cadre.lastDay'), dataIndex: 'lastDay', key: 'last', width: 120, render: (d: string | null) => d ?? '—' },
    { title: t('cadre.tasksDone'), dataIndex: 'tasksDone', key: 'tasks', width: 100, align: 'right' },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker={wholeYear ? 'year' : 'month'} value={month} onChange={(d) => d && setMonth(d)} allowClear={false} aria-label={t('cadre.month')} />
        <Space size={4}>
          <Switch checked={wholeYear} onChange={setWholeYear} aria-label={t('cadre.year')} />
          <span>{t('cadre.year')}</span>
        </Space>
      </Space>
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <>
          <Alert type="info" showIcon message={t('cadre.basis', { n: res.data?.expectedDaysPerMonth ?? 4 })} style={{ marginBottom: 12 }} />
          <Typography.Title level={5}>{t('cadre.byUnit')}</Typography.Title>
          <Table<Row> rowKey={(r) => r.unitId ?? ''} size="small" loading={res.loading} columns={unitCols} dataSource={res.data?.units ?? []} pagination={false} locale={{ emptyText: t('cadre.empty') }} scroll={{ x: 900 }} data-testid="cadre-units" />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cadre.byPerson')}
          </Typography.Title>
          <Table<PersonRow> rowKey="id" size="small" loading={res.loading} columns={personCols} dataSource={res.data?.cadres ?? []} pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: t('cadre.empty') }} scroll={{ x: 900 }} />
        </>
      )}
    </>
  );
}

function CadresTab({ area }: { area?: string }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const list = useApi((signal) => listCadres(area, signal), [area]);
  const setKind = async (c: CadreListItem, kind: (typeof CADRE_KIND_CODES)[number]) => {
    try {
      await setCadreKind(c.id, kind);
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const cols: ColumnsType<CadreListItem> = [
    { title: t('cadre.name'), dataIndex: 'name', key: 'name', width: 120 },
    { title: t('cadre.kind'), dataIndex: 'kind', key: 'kind', width: 120, render: (k: string) => <Tag color={k === 'first-secretary' ? 'red' : 'blue'}>{tx(`cadre.kind.${k}`)}</Tag> },
    { title: t('cadre.unit'), dataIndex: 'unitName', key: 'unit', ellipsis: true, render: (u: string | null) => u ?? '—' },
    { title: t('cadre.community'), dataIndex: 'areaName', key: 'area', ellipsis: true, render: (a: string | null) => a ?? '—' },
    {
      title: '',
      key: 'actions',
      width: 160,
      render: (_: unknown, c) =>
        c.allowedActions?.includes('edit') ? (
          <Button size="small" type="link" onClick={() => void setKind(c, c.kind === 'first-secretary' ? 'sunk-down' : 'first-secretary')}>
            {t('cadre.setKind')}
            {tx(`cadre.kind.${c.kind === 'first-secretary' ? 'sunk-down' : 'first-secretary'}`)}
          </Button>
        ) : null,
    },
  ];
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return <Table<CadreListItem> rowKey="id" size="small" loading={list.loading} columns={cols} dataSource={list.data?.items ?? []} pagination={false} locale={{ emptyText: t('cadre.empty') }} scroll={{ x: 700 }} />;
}

function TasksTab({ area }: { area?: string }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [assigning, setAssigning] = useState(false);
  const list = useApi((signal) => listTasks({ area, pageSize: 100 }, signal), [area]);
  const cancel = async (task: CadreTask) => {
    try {
      await cancelTask(task.id, t('cadre.task.cancel'));
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const cols: ColumnsType<CadreTask> = [
    { title: t('cadre.task.title'), dataIndex: 'title', key: 'title', ellipsis: true },
    { title: t('cadre.task.cadre'), dataIndex: 'cadreName', key: 'cadre', width: 110, render: (n: string | null) => n ?? '—' },
    { title: t('cadre.community'), dataIndex: 'areaName', key: 'area', width: 140, ellipsis: true, render: (a: string | null) => a ?? '—' },
    { title: t('cadre.task.due'), dataIndex: 'dueOn', key: 'due', width: 110, render: (d: string | null) => d ?? '—' },
    { title: t('cadre.task.state'), dataIndex: 'state', key: 'state', width: 90, render: (s: string) => <Tag color={s === 'done' ? 'green' : s === 'open' ? 'gold' : 'default'}>{tx(`cadre.task.state.${s}`)}</Tag> },
    {
      title: t('cadre.task.completion'),
      key: 'completion',
      ellipsis: true,
      render: (_: unknown, r) => (
        <Space size={4}>
          <span>{r.completionNote ?? '—'}</span>
          {r.photoUrl && (
            <Typography.Link href={r.photoUrl} target="_blank">
              {t('cadre.task.photo')}
            </Typography.Link>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 80,
      render: (_: unknown, r) =>
        r.allowedActions.includes('cancel') ? (
          <Popconfirm title={t('cadre.task.cancel')} onConfirm={() => void cancel(r)}>
            <Button size="small" type="link" danger>
              {t('cadre.task.cancel')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      {can('cadres.manage') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)} style={{ marginBottom: 12 }} data-testid="cadre-assign">
          {t('cadre.assign')}
        </Button>
      )}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<CadreTask> rowKey="id" size="small" loading={list.loading} columns={cols} dataSource={list.data?.items ?? []} pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: t('cadre.tasksEmpty') }} scroll={{ x: 900 }} />
      )}
      {assigning && <AssignModal area={area} onClose={() => setAssigning(false)} onSaved={() => (setAssigning(false), message.success(t('cadre.task.assigned')), list.reload())} />}
    </>
  );
}

function AssignModal({ area, onClose, onSaved }: { area?: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cadreId: string; title: string; detail?: string; dueOn?: Dayjs }>();
  const cadres = useApi((signal) => listCadres(area, signal), [area]);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await assignTask({ cadreId: v.cadreId, title: v.title, detail: v.detail || null, dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null });
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['cadreId', 'title', 'detail', 'dueOn']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('cadre.assign')} onCancel={onClose} onOk={() => void save()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="cadreId" label={t('cadre.task.cadre')} rules={[{ required: true }]}>
          <Select loading={cadres.loading} options={(cadres.data?.items ?? []).filter((c) => c.allowedActions?.includes('assign')).map((c) => ({ value: c.id, label: `${c.name}（${c.unitName ?? ''}）` }))} />
        </Form.Item>
        <Form.Item name="title" label={t('cadre.task.title')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="detail" label={t('cadre.task.detail')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('cadre.task.due')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CadresPage() {
  const { t } = useI18n();
  const [area, setArea] = useState<string | undefined>();
  const [tab, setTab] = useState('attendance');
  return (
    <div data-testid="cadres-page">
      <PageHeader title={t('cadre.title')} description={t('cadre.desc')} />
      <Card size="small" className="gz-filters">
        <AreaTreeSelect value={area} onChange={setArea} placeholder={t('cadre.community')} style={{ width: 220 }} />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'attendance', label: t('cadre.tab.attendance'), children: <AttendanceTab area={area} /> },
          { key: 'cadres', label: t('cadre.tab.cadres'), children: <CadresTab area={area} /> },
          { key: 'tasks', label: t('cadre.tab.tasks'), children: <TasksTab area={area} /> },
        ]}
      />
    </div>
  );
}
