// 活动管理: the activities of the caller's area by state; organisers publish new ones.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ACTIVITY_AUDIENCE_LABELS, ACTIVITY_KIND_INFO, ACTIVITY_KINDS, POINTS_MODE_LABELS, POINTS_MODES, type ActivityAudience, type ActivityKind, type PointsMode } from '@gongzhi/domain';
import { errorMessage } from '../../../api/client.ts';
import { listActivities, publishActivity, type Activity } from '../../../api/activities.ts';
import { listOffers } from '../../../api/projects.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

type TabKey = 'published' | 'confirmed' | 'cancelled' | 'all';

export const stateColour = (s: string) => (s === 'published' ? 'blue' : s === 'confirmed' ? 'green' : s === 'cancelled' ? 'red' : 'default');

export default function ActivitiesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = (['published', 'confirmed', 'cancelled', 'all'].includes(params.get('tab') ?? '') ? params.get('tab') : 'published') as TabKey;
  const page = Number(params.get('page') ?? 1) || 1;
  const [open, setOpen] = useState(false);
  const list = useApi((signal) => listActivities({ state: tab === 'all' ? undefined : tab, page, pageSize: 20 }, signal), [tab, page]);
  const columns: ColumnsType<Activity> = [
    { title: t('act.title'), dataIndex: 'title', render: (v: string) => <a data-testid="activity-row-title">{v}</a> },
    { title: t('act.kind'), dataIndex: 'kindLabel', width: 130, render: (v: string) => <Tag>{v}</Tag> },
    { title: t('act.time'), key: 'time', width: 170, render: (_, a) => fmtTime(a.startsAt) },
    { title: t('act.place'), dataIndex: 'place', ellipsis: true },
    {
      title: t('act.signedUp'),
      key: 'n',
      width: 150,
      render: (_, a) => (
        <>
          {`${a.signedUp}${a.capacity ? ` / ${a.capacity}` : ''}`}
          {a.state === 'confirmed' && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{t('act.figures', { present: a.present, absent: a.absent })}</div>}
        </>
      ),
    },
    { title: t('act.state'), dataIndex: 'stateLabel', width: 120, render: (v: string, a) => <Tag color={stateColour(a.state)}>{v}</Tag> },
  ];
  return (
    <div className="gz-page" data-testid="activities-page">
      <PageHeader
        title={t('act.list.title')}
        description={t('act.list.desc')}
        testId="activities-title"
        extra={
          can('activities.manage') ? (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="activity-publish">
              {t('act.publish')}
            </Button>
          ) : undefined
        }
      />
      <Card className="gz-card" size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          items={(['published', 'confirmed', 'cancelled', 'all'] as TabKey[]).map((k) => ({ key: k, label: <span data-testid={`activities-tab-${k}`}>{t(`act.tab.${k}`)}</span> }))}
        />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Activity>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('act.empty') }}
            onRow={(a) => ({ onClick: () => navigate(`/activities/${a.id}`), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setParams({ tab, page: String(p) }) }}
            scroll={{ x: 800 }}
          />
        )}
      </Card>
      {open && <PublishModal onClose={() => setOpen(false)} onDone={(id) => navigate(`/activities/${id}`)} />}
    </div>
  );
}

interface FormValues {
  kind: ActivityKind;
  title: string;
  place: string;
  time: [Dayjs, Dayjs];
  capacity?: number | null;
  audience: ActivityAudience;
  pointsMode: PointsMode;
  points?: number;
  description?: string;
  offerId?: string;
}

function PublishModal({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const mode = Form.useWatch('pointsMode', form);
  // A 直通车 brings a department's 赋能清单 offer to the village: pick which one (optional).
  const isTrain = !!kind && ACTIVITY_KIND_INFO[kind].group === 'train';
  const offers = useApi(isTrain ? (signal) => listOffers({}, signal) : null, [isTrain]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const a = await publishActivity({
        kind: v.kind,
        title: v.title,
        place: v.place,
        areaCode: me.scope.code.slice(0, 12),
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        capacity: v.capacity ?? null,
        audience: v.audience,
        pointsMode: v.pointsMode,
        ...(v.pointsMode === 'none' ? {} : { points: v.points ?? 1 }),
        description: v.description ?? '',
        ...(isTrain && v.offerId ? { offerId: v.offerId } : {}),
      });
      message.success(t('act.published'));
      onDone(a.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const start = dayjs().add(1, 'day').hour(9).minute(0).second(0);
  return (
    <Modal open title={t('act.publish')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'activity-publish-ok' } as never} width={620} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'volunteer', time: [start, start.add(2, 'hour')], audience: 'residents', pointsMode: 'per-hour', points: 1 }}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.kind) {
            const info = ACTIVITY_KIND_INFO[changed.kind];
            form.setFieldsValue({ pointsMode: info.defaultMode, points: info.defaultMode === 'per-hour' ? 1 : 2, audience: info.membersOnly ? 'members' : 'residents' });
          }
        }}
      >
        <Form.Item name="kind" label={t('act.kind')} rules={[{ required: true }]}>
          <Select data-testid="activity-kind" options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_INFO[k].zh }))} />
        </Form.Item>
        {isTrain && (
          <Form.Item name="offerId" label={t('act.offer')} extra={t('act.offerHint')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={offers.loading}
              data-testid="activity-offer"
              options={(offers.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.unitName}：${o.title}（${o.year}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('act.title')} rules={[{ required: true, max: 60 }]}>
          <Input data-testid="activity-title" maxLength={60} />
        </Form.Item>
        <Form.Item name="place" label={t('act.place')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="activity-place" maxLength={100} />
        </Form.Item>
        <Form.Item name="time" label={t('act.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="capacity" label={t('act.capacity')} extra={t('act.capacityHint')}>
          <InputNumber min={1} max={5000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="audience" label={t('act.audience')}>
          <Select
            disabled={!!kind && ACTIVITY_KIND_INFO[kind].membersOnly}
            options={Object.entries(ACTIVITY_AUDIENCE_LABELS).map(([k, v]) => ({ value: k, label: v.zh }))}
          />
        </Form.Item>
        <Form.Item name="pointsMode" label={t('act.pointsMode')} extra={kind ? `${t('act.basis')}：${ACTIVITY_KIND_INFO[kind].source}` : undefined}>
          <Select options={POINTS_MODES.map((m) => ({ value: m, label: POINTS_MODE_LABELS[m].zh }))} />
        </Form.Item>
        {mode !== 'none' && (
          <Form.Item name="points" label={t('act.points')}>
            <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('act.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
