// 志愿者名册: registered volunteers of the area with hours; a row opens the record the organising team
// keeps (志愿服务条例 第十四条): details (masked), service history, training, commendations, evaluation.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { getVolunteer, listVolunteers, updateVolunteer, type VolunteerSummary } from '../../../api/activities.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtDate, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { VolunteerTeamsCard } from './VolunteerTeamsCard.tsx';

export default function VolunteersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const [open, setOpen] = useState<string | null>(null);
  const list = useApi((signal) => listVolunteers({ page, pageSize: 20 }, signal), [page]);
  const columns: ColumnsType<VolunteerSummary> = [
    { title: t('vol.name'), dataIndex: 'name', render: (v: string) => <a data-testid="volunteer-row-name">{v}</a> },
    { title: t('vol.team'), dataIndex: 'team', render: (v: string | null) => v ?? '—' },
    { title: t('vol.skills'), dataIndex: 'skills', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
    { title: t('vol.availability'), dataIndex: 'availability', ellipsis: true },
    { title: t('vol.hours'), dataIndex: 'hours', width: 130 },
    { title: t('vol.services'), dataIndex: 'services', width: 100 },
    { title: t('vol.noShows'), dataIndex: 'noShows', width: 90 },
    { title: t('vol.registeredAt'), dataIndex: 'registeredAt', width: 120, render: (v: string) => fmtDate(v) },
  ];
  return (
    <div className="gz-page" data-testid="volunteers-page">
      <PageHeader title={t('vol.list.title')} description={t('vol.list.desc')} testId="volunteers-title" />
      <VolunteerTeamsCard />
      <Card className="gz-card" size="small">
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<VolunteerSummary>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('vol.empty') }}
            onRow={(v) => ({ onClick: () => setOpen(v.id), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setParams({ page: String(p) }) }}
            scroll={{ x: 800 }}
          />
        )}
      </Card>
      {open && <RecordDrawer id={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

function RecordDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const rec = useApi((signal) => getVolunteer(id, signal), [id]);
  const [evaluation, setEvaluation] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const r = rec.data;
  const keep = async (body: Parameters<typeof updateVolunteer>[1]) => {
    setBusy(true);
    try {
      await updateVolunteer(id, body);
      message.success(t('vol.saved'));
      rec.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    setBusy(true);
    try {
      await updateVolunteer(id, { evaluation: evaluation ?? r?.evaluation ?? '' });
      message.success(t('vol.saved'));
      rec.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open title={r ? `${t('vol.record')} · ${r.name}` : t('vol.record')} onClose={onClose} width={560}>
      {rec.error && <LoadError error={rec.error} onRetry={rec.reload} />}
      {r && (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('vol.name')}>{r.name}</Descriptions.Item>
            <Descriptions.Item label={t('vol.idNumber')}>{r.idNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('vol.phone')}>{r.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('vol.team')}>{r.team?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('vol.skills')}>{r.skills.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('vol.availability')}>{r.availability || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('vol.hours')}>{r.hours}</Descriptions.Item>
            <Descriptions.Item label={t('vol.services')}>{r.services}</Descriptions.Item>
            <Descriptions.Item label={t('vol.trainings')}>{r.trainings}</Descriptions.Item>
            <Descriptions.Item label={t('vol.noShows')}>
              <span data-testid="volunteer-no-shows">{r.noShows}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('vol.trainingRecords')}>
              <span data-testid="volunteer-trainings">{r.trainingRecords.map((x) => `${x.title}（${x.on}，${x.hours} ${t('vol.training.hours')}）`).join('；') || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('vol.commendations')}>
              <span data-testid="volunteer-commendations">{r.commendations.map((c) => `${c.title}（${c.on}）`).join('；') || '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          {can('activities.manage') && (
            <>
              <EntryForm
                testId="volunteer-training"
                label={t('vol.training.title')}
                addLabel={t('vol.training.add')}
                withHours
                onAdd={(e) => keep({ trainings: [...r.trainingRecords, { title: e.title, on: e.on, hours: e.hours ?? 1 }] })}
              />
              <EntryForm testId="volunteer-commendation" label={t('vol.commendation.title')} addLabel={t('vol.commendation.add')} onAdd={(e) => keep({ commendations: [...r.commendations, { title: e.title, on: e.on }] })} />
            </>
          )}
          <div style={{ margin: '12px 0 4px' }}>{t('vol.evaluation')}</div>
          <Input.TextArea rows={3} maxLength={1000} value={evaluation ?? r.evaluation} onChange={(e) => setEvaluation(e.target.value)} disabled={!can('activities.manage')} aria-label={t('vol.evaluation')} />
          {can('activities.manage') && (
            <Button type="primary" style={{ marginTop: 8 }} loading={busy} onClick={save}>
              {t('vol.save')}
            </Button>
          )}
          <h4 style={{ marginTop: 20 }}>{t('vol.history')}</h4>
          <Table
            rowKey="activityId"
            size="small"
            pagination={false}
            dataSource={r.history}
            locale={{ emptyText: '—' }}
            columns={[
              { title: t('act.title'), dataIndex: 'title' },
              { title: t('act.time'), dataIndex: 'startsAt', render: (v: string) => fmtTime(v), width: 150 },
              { title: t('act.att.outcome'), dataIndex: 'outcome', width: 80, render: (v: string | null) => (v ? (v === 'present' ? t('act.att.present') : t('act.att.absent')) : '—') },
              { title: t('act.att.minutes'), dataIndex: 'minutes', width: 100 },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** One line to add a training (title, date, hours) or a commendation (title, date) to the record. */
function EntryForm({ label, addLabel, withHours, testId, onAdd }: { label: string; addLabel: string; withHours?: boolean; testId: string; onAdd: (e: { title: string; on: string; hours?: number }) => Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; on: { format: (f: string) => string }; hours?: number }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await onAdd({ title: v.title, on: v.on.format('YYYY-MM-DD'), hours: v.hours });
    form.resetFields();
  };
  return (
    <Form form={form} layout="inline" style={{ marginTop: 8 }} initialValues={{ hours: 2 }}>
      <Space wrap size={4}>
        <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('vol.required') }]} style={{ margin: 0 }}>
          <Input placeholder={label} maxLength={60} style={{ width: 170 }} data-testid={`${testId}-title`} />
        </Form.Item>
        <Form.Item name="on" rules={[{ required: true, message: t('vol.required') }]} style={{ margin: 0 }}>
          <DatePicker placeholder={t('vol.training.on')} style={{ width: 130 }} data-testid={`${testId}-on`} />
        </Form.Item>
        {withHours && (
          <Form.Item name="hours" rules={[{ required: true, message: t('vol.required') }]} style={{ margin: 0 }}>
            <InputNumber min={0.5} max={100} step={0.5} addonAfter={t('vol.training.hours')} style={{ width: 120 }} />
          </Form.Item>
        )}
        <Button onClick={submit} data-testid={`${testId}-add`}>
          {addLabel}
        </Button>
      </Space>
    </Form>
  );
}
