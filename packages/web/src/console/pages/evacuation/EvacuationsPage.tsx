// 转移安置 (`002`): make an area's evacuation list from the risk colours in one action, assign responsible workers
// and shelters, follow the progress per state, record moves (arrived, refused with a reason, returned), export.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Form, Input, Modal, Progress, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import {
  assignEntries,
  closeEvacuation,
  createEvacuation,
  entryAction,
  EVACUATION_STATES,
  exportUrl,
  getEvacuation,
  listEvacuations,
  type Evacuation,
  type EvacuationAction,
  type EvacuationDetail,
  type EvacuationEntry,
  type EvacuationState,
} from '../../../api/evacuation.ts';
import type { RiskColour } from '../../../api/types.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useLabels } from '../../../lib/labels.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

const ALL: RiskColour[] = ['red', 'orange', 'yellow', 'blue'];
const STATE_COLOUR: Record<EvacuationState, string> = { pending: 'default', moving: 'processing', arrived: 'success', refused: 'error', returned: 'purple' };

export default function EvacuationsPage() {
  const t = useT();
  const { can } = useAuth();
  const [params] = useSearchParams();
  // From the risk map: 按所选等级生成转移名单 opens the form with its area and colours.
  const preset = params.get('area') ? { area: params.get('area')!, colours: (params.get('colours') ?? 'red,orange').split(',').filter((c): c is RiskColour => (ALL as string[]).includes(c)) } : null;
  const [creating, setCreating] = useState(Boolean(preset && can('evacuations.manage')));
  const [selected, setSelected] = useState<string | null>(null);
  const list = useApi((signal) => listEvacuations(signal), []);
  const items = list.data?.items ?? [];
  const current = items.find((c) => c.id === selected) ?? items.find((c) => c.state === 'open') ?? items[0] ?? null;

  const columns: ColumnsType<Evacuation> = [
    { title: t('evac.listTitle'), dataIndex: 'title', key: 'title', ellipsis: true },
    { title: t('evac.area'), key: 'area', width: 180, ellipsis: true, render: (_, c) => c.areaName ?? '—' },
    {
      title: t('evac.col.progress'),
      key: 'progress',
      width: 220,
      render: (_, c) => <Progress size="small" percent={c.counts.total ? Math.round(((c.counts.arrived + c.counts.returned) / c.counts.total) * 100) : 0} format={() => `${c.counts.arrived + c.counts.returned}/${c.counts.total}`} />,
    },
    { title: t('evac.col.state'), key: 'state', width: 90, render: (_, c) => <Tag color={c.state === 'open' ? 'processing' : 'default'}>{t(c.state === 'open' ? 'evac.stateOpen' : 'evac.stateClosed')}</Tag> },
    { title: t('evac.createdAt'), key: 'createdAt', width: 150, render: (_, c) => fmtTime(c.createdAt) },
  ];

  return (
    <div className="gz-page" data-testid="evacuations-page">
      <PageHeader
        title={t('evac.title')}
        description={t('evac.desc')}
        extra={
          can('evacuations.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="evac-create">
              {t('evac.create')}
            </Button>
          ) : undefined
        }
      />
      <Card className="gz-card" size="small" title={t('evac.lists')}>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Evacuation>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.loading}
            pagination={items.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 760 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evac.empty')} /> }}
            rowClassName={(c) => (c.id === current?.id ? 'ant-table-row-selected' : '')}
            onRow={(c) => ({ onClick: () => setSelected(c.id), style: { cursor: 'pointer' } })}
            data-testid="evac-table"
          />
        )}
      </Card>
      {current && <EvacuationDetailCard key={current.id} id={current.id} onChanged={list.reload} />}
      <CreateModal
        open={creating}
        preset={preset}
        onClose={() => setCreating(false)}
        onCreated={(d) => {
          setCreating(false);
          setSelected(d.id);
          list.reload();
        }}
      />
    </div>
  );
}

function EvacuationDetailCard({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useT();
  const { tx } = useI18n();
  const { message, modal } = App.useApp();
  const [state, setState] = useState<EvacuationState | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [refusing, setRefusing] = useState<EvacuationEntry | null>(null);
  const detail = useApi((signal) => getEvacuation(id, { state }, signal), [id, state]);
  const d = detail.data;
  const { reload } = detail;

  const act = async (e: EvacuationEntry, action: EvacuationAction, reason?: string) => {
    try {
      const r = await entryAction(e.id, action, reason ? { reason } : {});
      message.success(t('evac.done', { state: tx(`evac.state.${r.state}`, '') }));
      reload();
      onChanged();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const close = () =>
    modal.confirm({
      title: t('evac.closeConfirm'),
      content: t('evac.closeConfirmText'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await closeEvacuation(id);
          message.success(t('evac.closed'));
          reload();
          onChanged();
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });

  const columns: ColumnsType<EvacuationEntry> = [
    {
      title: t('evac.col.name'),
      key: 'name',
      width: 130,
      render: (_, e) => (
        <Space size={4} wrap>
          <span>{e.name}</span>
          {e.needsHelp && <Tag color="red">{t('evac.reason.needs-help')}</Tag>}
        </Space>
      ),
    },
    { title: t('evac.col.age'), key: 'age', width: 60, render: (_, e) => e.age ?? '—' },
    { title: t('evac.col.phone'), key: 'phone', width: 120, render: (_, e) => e.phone ?? '—' },
    { title: t('evac.col.address'), dataIndex: 'address', key: 'address', ellipsis: true },
    { title: t('evac.col.risk'), key: 'risk', width: 80, render: (_, e) => (e.riskColour ? <RiskTag colour={e.riskColour} /> : '—') },
    { title: t('evac.col.destination'), key: 'dest', width: 160, ellipsis: true, render: (_, e) => e.destination.name ?? '—' },
    { title: t('evac.col.responsible'), key: 'resp', width: 100, render: (_, e) => e.responsible?.name ?? '—' },
    {
      title: t('evac.col.state'),
      key: 'state',
      width: 170,
      render: (_, e) => (
        <div>
          <Tag color={STATE_COLOUR[e.state]} data-testid={`evac-state-${e.state}`}>
            {tx(`evac.state.${e.state}`, '')}
          </Tag>
          {e.state === 'arrived' && e.arrivedByName && (
            <div className="gz-muted" style={{ fontSize: 12 }}>
              {t('evac.arrivedBy', { name: e.arrivedByName, time: fmtTime(e.arrivedAt) })}
            </div>
          )}
          {e.state === 'refused' && e.refusedReason && (
            <div className="gz-muted gz-wrap" style={{ fontSize: 12 }}>
              {e.refusedReason}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('evac.col.actions'),
      key: 'actions',
      width: 200,
      render: (_, e) => (
        <Space size={4} wrap>
          {e.allowedActions.map((a) => (
            <Button key={a} size="small" type={a === 'arrive' ? 'primary' : 'default'} danger={a === 'refuse'} onClick={() => (a === 'refuse' ? setRefusing(e) : void act(e, a))} data-testid={`evac-${a}-${e.id}`}>
              {tx(`evac.action.${a}`, '')}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  if (detail.error) return <LoadError error={detail.error} onRetry={reload} />;
  const c = d?.counts;
  const organiser = d?.allowedActions.includes('assign') ?? false;
  return (
    <Card
      className="gz-card"
      size="small"
      style={{ marginTop: 16 }}
      loading={!d}
      title={
        <span className="gz-wrap" data-testid="evac-current">
          {d?.title}（{d?.areaName ?? '—'}）
        </span>
      }
      extra={
        d && (
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('campaign.refresh')}
            </Button>
            <ExportButton path={exportUrl(d.id)} label={t('evac.export')} testId="evac-export" />
            {d.allowedActions.includes('close') && (
              <Button danger onClick={close} data-testid="evac-close">
                {t('evac.close')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {c && (
        <div data-testid="evac-counts">
          <Typography.Paragraph>{t('evac.progress', { arrived: fmtNumber(c.arrived), total: fmtNumber(c.total) })}</Typography.Paragraph>
          <Progress percent={c.total ? Math.round((c.arrived / c.total) * 100) : 0} success={{ percent: c.total ? Math.round((c.returned / c.total) * 100) : 0 }} />
          <Space wrap size={[8, 8]} style={{ margin: '8px 0 12px' }}>
            {EVACUATION_STATES.map((s) => (
              <Tag.CheckableTag key={s} checked={state === s} onChange={(on) => (setState(on ? s : undefined), setChosen([]))} data-testid={`evac-count-${s}`}>
                {tx(`evac.state.${s}`, '')} {fmtNumber(c[s])}
              </Tag.CheckableTag>
            ))}
          </Space>
        </div>
      )}
      {organiser && (
        <div className="gz-toolbar">
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setAssigning(true)} data-testid="evac-assign">
            {chosen.length ? t('evac.assignN', { n: chosen.length }) : t('evac.assign')}
          </Button>
        </div>
      )}
      <Table<EvacuationEntry>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={d?.items ?? []}
        loading={detail.loading}
        scroll={{ x: 1200 }}
        rowSelection={organiser ? { selectedRowKeys: chosen, onChange: (keys) => setChosen(keys.map(String)) } : undefined}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n: fmtNumber(n) }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        data-testid="evac-entries"
      />
      {d && (
        <AssignModal
          open={assigning}
          detail={d}
          entryIds={chosen}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            setChosen([]);
            reload();
          }}
        />
      )}
      <RefuseModal
        entry={refusing}
        onClose={() => setRefusing(null)}
        onOk={(reason) => {
          const e = refusing!;
          setRefusing(null);
          void act(e, 'refuse', reason);
        }}
      />
    </Card>
  );
}

function AssignModal({ open, detail, entryIds, onClose, onDone }: { open: boolean; detail: EvacuationDetail; entryIds: string[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ responsibleId?: string; destinationPlaceId?: string; destinationText?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await assignEntries(detail.id, {
        entryIds,
        ...(v.responsibleId ? { responsibleId: v.responsibleId } : {}),
        ...(v.destinationPlaceId ? { destinationPlaceId: v.destinationPlaceId, destinationText: null } : v.destinationText?.trim() ? { destinationPlaceId: null, destinationText: v.destinationText.trim() } : {}),
      });
      message.success(t('evac.assigned'));
      form.resetFields();
      onDone();
    } catch (e) {
      applyServerErrors(form, e, message, ['responsibleId', 'destinationPlaceId', 'destinationText']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('evac.assignTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="evac-assign-form">
        <Form.Item name="responsibleId" label={t('evac.responsible')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('evac.responsibleKeep')} options={detail.assignees.map((a) => ({ value: a.id, label: a.name }))} data-testid="evac-responsible" />
        </Form.Item>
        <Form.Item name="destinationPlaceId" label={t('evac.shelter')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('evac.responsibleKeep')} options={detail.shelters.map((s) => ({ value: s.id, label: s.name }))} data-testid="evac-shelter" />
        </Form.Item>
        <Form.Item name="destinationText" label={t('evac.shelterText')}>
          <Input maxLength={100} placeholder={t('evac.shelterTextPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RefuseModal({ entry, onClose, onOk }: { entry: EvacuationEntry | null; onClose: () => void; onOk: (reason: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={entry !== null}
      title={`${t('evac.refuseTitle')}：${entry?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => (form.resetFields(), onOk(v.reason.trim())), () => undefined)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('evac.refuseReason')} rules={[{ required: true, whitespace: true, message: t('evac.refuseRequired') }, { max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} placeholder={t('evac.refusePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CreateModal({ open, preset, onClose, onCreated }: { open: boolean; preset: { area: string; colours: RiskColour[] } | null; onClose: () => void; onCreated: (d: EvacuationDetail) => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; areaCode: string; colours: RiskColour[]; withNeedsHelp: boolean }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const d = await createEvacuation({ title: v.title.trim(), areaCode: v.areaCode, colours: v.colours ?? [], withNeedsHelp: v.withNeedsHelp ?? true });
      message.success(t('evac.created', { n: d.counts.total }));
      form.resetFields();
      onCreated(d);
    } catch (e) {
      applyServerErrors(form, e, message, ['title', 'areaCode', 'colours']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('evac.create')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('evac.createOk')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="evac-form" initialValues={{ colours: preset?.colours ?? ['red', 'orange'], withNeedsHelp: true, areaCode: preset?.area }}>
        <Form.Item name="title" label={t('evac.listTitle')} rules={[{ required: true, whitespace: true, message: t('evac.titleRequired') }, { max: 60 }]}>
          <Input placeholder={t('evac.listTitlePlaceholder')} maxLength={60} data-testid="evac-title" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('evac.area')} rules={[{ required: true, message: t('evac.areaRequired') }]} extra={t('evac.areaHelp')}>
          <AreaTreeSelect selectableLevels={['district', 'town', 'village', 'grid']} testId="evac-area" />
        </Form.Item>
        <Form.Item name="colours" label={t('evac.colours')}>
          <Checkbox.Group options={ALL.map((c) => ({ value: c, label: labels.riskLong(c) }))} />
        </Form.Item>
        <Form.Item name="withNeedsHelp" label={t('evac.withNeedsHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
