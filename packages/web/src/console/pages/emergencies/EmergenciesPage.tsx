// 应急事件 (平战结合、一键转换, `002`): switch an area to wartime, follow the event (timeline, forces, check-ins per
// grid, its door-knocking campaigns, the cases since the start), end it with a summary, download its record.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Progress, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, PlusOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import {
  addUnit,
  EMERGENCY_KINDS,
  EMERGENCY_LEVELS,
  endEmergency,
  getEmergency,
  getRecord,
  listEmergencies,
  switchToWartime,
  type Emergency,
  type EmergencyKind,
  type EmergencyLevel,
  type GridForces,
} from '../../../api/emergencies.ts';
import { errorMessage } from '../../../api/client.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { downloadFile } from '../../../lib/download.ts';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { announceWartimeChange } from '../../../lib/wartime.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import { TasksCard } from './TasksCard.tsx';

export default function EmergenciesPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [switching, setSwitching] = useState(false);
  const list = useApi((signal) => listEmergencies(signal), []);
  const items = list.data?.items ?? [];
  const wanted = params.get('id');
  const current = items.find((e) => e.id === wanted) ?? items.find((e) => e.state === 'active') ?? items[0] ?? null;
  const kindOf = (e: Emergency) => t(`emergency.kind.${e.kind}` as MessageKey);
  const levelOf = (e: Emergency) => t(`emergency.level.${e.level}` as MessageKey);

  const columns: ColumnsType<Emergency> = [
    { title: t('emergency.area'), key: 'area', ellipsis: true, render: (_, e) => e.areaName ?? '—' },
    { title: t('emergency.kind'), key: 'kind', width: 120, render: (_, e) => kindOf(e) },
    { title: t('emergency.level'), key: 'level', width: 90, render: (_, e) => levelOf(e) },
    {
      title: t('emergency.state'),
      key: 'state',
      width: 120,
      render: (_, e) => <Tag color={e.state === 'active' ? 'red' : 'default'}>{t(e.state === 'active' ? 'emergency.stateActive' : 'emergency.stateEnded')}</Tag>,
    },
    { title: t('emergency.startedAt'), key: 'startedAt', width: 150, render: (_, e) => fmtTime(e.startedAt) },
  ];

  return (
    <div className="gz-page" data-testid="emergencies-page">
      <PageHeader
        title={t('emergency.pageTitle')}
        description={t('emergency.pageDesc')}
        extra={
          can('emergencies.switch') ? (
            <Button type="primary" danger icon={<PlusOutlined />} onClick={() => setSwitching(true)} data-testid="emergency-switch">
              {t('emergency.switch')}
            </Button>
          ) : undefined
        }
      />
      <Card className="gz-card" size="small" title={t('emergency.list')}>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Emergency>
            rowKey="id"
            size="small"
            loading={list.loading}
            columns={columns}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: <Empty description={t('emergency.empty')} /> }}
            rowClassName={(e) => (e.id === current?.id ? 'gz-row-selected' : '')}
            onRow={(e) => ({ onClick: () => setParams({ id: e.id }), style: { cursor: 'pointer' } })}
            data-testid="emergency-list"
          />
        )}
      </Card>
      {current && <Detail key={current.id} id={current.id} onChanged={list.reload} />}
      <SwitchModal
        open={switching}
        onClose={() => setSwitching(false)}
        onDone={(e) => {
          setSwitching(false);
          announceWartimeChange();
          list.reload();
          setParams({ id: e.id });
        }}
      />
    </div>
  );
}

function Detail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [ending, setEnding] = useState(false);
  const [forming, setForming] = useState(false);
  const detail = useApi((signal) => getEmergency(id, signal), [id]);
  const record = useApi((signal) => getRecord(id, signal), [id]);
  const d = detail.data;
  const r = record.data;
  const reload = () => {
    detail.reload();
    record.reload();
  };
  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Card className="gz-card" loading />;
  const download = (ext: 'docx' | 'xlsx') => downloadFile(`/api/emergencies/${id}/record.${ext}`, undefined, `record.${ext}`).catch((e) => message.error(errorMessage(e)));
  const forceCols: ColumnsType<GridForces> = [
    { title: t('emergency.col.grid'), dataIndex: 'gridName', key: 'grid' },
    { title: t('emergency.col.gridWorkers'), dataIndex: 'gridWorkers', key: 'gw', width: 80, align: 'right' },
    { title: t('emergency.col.cadres'), dataIndex: 'cadres', key: 'c', width: 90, align: 'right' },
    { title: t('emergency.col.partyMembers'), dataIndex: 'partyMembers', key: 'p', width: 70, align: 'right' },
    { title: t('emergency.col.volunteers'), dataIndex: 'volunteers', key: 'v', width: 80, align: 'right' },
    { title: t('emergency.col.total'), dataIndex: 'total', key: 't', width: 70, align: 'right', render: (n: number) => <b>{n}</b> },
  ];
  return (
    <>
      <Card
        className="gz-card"
        size="small"
        title={
          <Space>
            {t('emergency.detail')}
            <Tag color={d.state === 'active' ? 'red' : 'default'} data-testid="emergency-state">
              {t(d.state === 'active' ? 'emergency.stateActive' : 'emergency.stateEnded')}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={reload} />
            <Button icon={<FileWordOutlined />} onClick={() => void download('docx')} data-testid="emergency-word">
              {t('emergency.word')}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void download('xlsx')} data-testid="emergency-excel">
              {t('emergency.excel')}
            </Button>
            {d.allowedActions.includes('end') && (
              <Button type="primary" onClick={() => setEnding(true)} data-testid="emergency-end">
                {t('emergency.end')}
              </Button>
            )}
          </Space>
        }
        data-testid="emergency-detail"
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('emergency.area')}>{d.areaName ?? d.areaCode}</Descriptions.Item>
          <Descriptions.Item label={t('emergency.kind')}>{t(`emergency.kind.${d.kind}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('emergency.level')}>{t(`emergency.level.${d.level}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('emergency.startedAt')}>{fmtTime(d.startedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('emergency.startedBy')}>{d.startedByName}</Descriptions.Item>
          <Descriptions.Item label={t('emergency.duration')}>{r?.duration.text ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('emergency.reason')} span={3}>
            {d.reason}
          </Descriptions.Item>
          {d.summary && (
            <Descriptions.Item label={t('emergency.summary')} span={3}>
              <span data-testid="emergency-summary">{d.summary}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card className="gz-card" size="small" title={t('emergency.timeline')}>
            <Timeline
              data-testid="emergency-timeline"
              items={d.timeline.map((x) => ({
                color: x.action === 'start' ? 'red' : x.action === 'end' ? 'green' : 'blue',
                children: (
                  <>
                    <b>{t(`emergency.action.${x.action}` as MessageKey)}</b> · {x.actorName} · {fmtTime(x.at)}
                    {x.note && <div className="gz-muted">{x.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
          <Card
            className="gz-card"
            size="small"
            title={t('emergency.units')}
            extra={
              d.allowedActions.includes('addUnit') && (
                <Button size="small" icon={<TeamOutlined />} onClick={() => setForming(true)} data-testid="emergency-add-unit">
                  {t('emergency.addUnit')}
                </Button>
              )
            }
          >
            {d.units.length === 0 ? (
              <Typography.Text type="secondary">{t('emergency.unitsEmpty')}</Typography.Text>
            ) : (
              <ul className="gz-plain-list">
                {d.units.map((u) => (
                  <li key={u.id}>
                    <Tag color={u.kind === 'commando' ? 'volcano' : 'red'}>{t(`emergency.unitKind.${u.kind}` as MessageKey)}</Tag>
                    <b>{u.name}</b>
                    {u.leaderName ? ` · ${t('emergency.unitLeader')} ${u.leaderName}` : ''}
                    {u.members.length ? ` · ${u.members.join('、')}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <TasksCard id={id} canSend={d.allowedActions.includes('sendTask')} />
        </Col>
        <Col xs={24} lg={14}>
          <Card className="gz-card" size="small" title={t('emergency.forces')} extra={<b>{t('emergency.checkedIn', { n: d.forces.checkedIn })}</b>}>
            <Table<GridForces> rowKey="gridCode" size="small" columns={forceCols} dataSource={d.forces.byGrid} pagination={false} data-testid="emergency-forces" />
          </Card>
          <Card className="gz-card" size="small" title={t('emergency.campaigns')}>
            {!r?.campaigns.length ? (
              <Typography.Text type="secondary">{t('emergency.campaignsEmpty')}</Typography.Text>
            ) : (
              r.campaigns.map((c) => (
                <div key={c.id} className="gz-emergency-campaign">
                  <b>{c.title}</b> <span className="gz-muted">{t('emergency.campaignLine', { households: c.households, reached: c.reached })}</span>
                  <Progress percent={c.households ? Math.round((c.reached / c.households) * 1000) / 10 : 0} size="small" />
                  <span className="gz-muted">{c.rounds.map((x) => t('emergency.roundLine', x)).join('；')}</span>
                </div>
              ))
            )}
          </Card>
          <Card className="gz-card" size="small" title={t('emergency.cases')} extra={r ? t('emergency.casesTotal', { n: r.cases.total }) : null}>
            {!r?.cases.total ? (
              <Typography.Text type="secondary">{t('emergency.casesEmpty')}</Typography.Text>
            ) : (
              <>
                <Space wrap style={{ marginBottom: 8 }}>
                  {r.cases.byCategory.map((c) => (
                    <Tag key={c.code}>
                      {c.name} {c.count}
                    </Tag>
                  ))}
                </Space>
                <ul className="gz-plain-list">
                  {r.cases.latest.map((c) => (
                    <li key={c.id}>
                      <a href={`/cases/${c.id}`}>{c.title}</a> <span className="gz-muted">
                        {c.place} · {c.stateName} · {fmtTime(c.createdAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {r && (
              <div className="gz-muted" style={{ marginTop: 8 }}>
                {t('emergency.peopleMoved')}：{r.peopleMoved.count}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <EndModal
        open={ending}
        id={id}
        onClose={() => setEnding(false)}
        onDone={() => {
          setEnding(false);
          announceWartimeChange();
          reload();
          onChanged();
        }}
      />
      <UnitModal
        open={forming}
        id={id}
        onClose={() => setForming(false)}
        onDone={() => {
          setForming(false);
          reload();
        }}
      />
    </>
  );
}

function SwitchModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (e: Emergency) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ areaCode: string; kind: EmergencyKind; level: EmergencyLevel; reason: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const e = await switchToWartime({ ...v, reason: v.reason.trim() });
      message.success(t('emergency.switched'));
      form.resetFields();
      onDone(e);
    } catch (e) {
      applyServerErrors(form, e, message, ['areaCode', 'kind', 'level', 'reason']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('emergency.switch')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('emergency.switchOk')} okButtonProps={{ danger: true, 'data-testid': 'emergency-switch-ok' } as ButtonProps} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="emergency-form">
        <Form.Item name="areaCode" label={t('emergency.area')} rules={[{ required: true, message: t('emergency.areaRequired') }]} extra={t('emergency.areaHelp')}>
          <AreaTreeSelect selectableLevels={['town', 'village', 'grid']} testId="emergency-area" />
        </Form.Item>
        <Form.Item name="kind" label={t('emergency.kind')} rules={[{ required: true, message: t('emergency.kindRequired') }]}>
          <Select data-testid="emergency-kind" options={EMERGENCY_KINDS.map((k) => ({ value: k, label: t(`emergency.kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('emergency.level')} rules={[{ required: true, message: t('emergency.levelRequired') }]}>
          <Select data-testid="emergency-level" options={EMERGENCY_LEVELS.map((l) => ({ value: l, label: t(`emergency.level.${l}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('emergency.reason')} rules={[{ required: true, whitespace: true, message: t('emergency.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('emergency.reasonPlaceholder')} data-testid="emergency-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndModal({ open, id, onClose, onDone }: { open: boolean; id: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ summary: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await endEmergency(id, v.summary.trim());
      message.success(t('emergency.ended'));
      form.resetFields();
      onDone();
    } catch (e) {
      applyServerErrors(form, e, message, ['summary']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('emergency.endTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('emergency.end')} okButtonProps={{ 'data-testid': 'emergency-end-ok' } as ButtonProps} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="summary" label={t('emergency.summary')} rules={[{ required: true, whitespace: true, message: t('emergency.summaryRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} placeholder={t('emergency.summaryPlaceholder')} data-testid="emergency-summary-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UnitModal({ open, id, onClose, onDone }: { open: boolean; id: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'temp-branch' | 'commando'; name: string; leaderName?: string; members?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const members = (v.members ?? '')
        .split(/[、,，\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      await addUnit(id, { kind: v.kind, name: v.name.trim(), leaderName: v.leaderName?.trim() || undefined, members });
      message.success(t('emergency.unitAdded'));
      form.resetFields();
      onDone();
    } catch (e) {
      applyServerErrors(form, e, message, ['kind', 'name', 'leaderName', 'members']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('emergency.addUnit')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'temp-branch' }}>
        <Form.Item name="kind" label={t('emergency.unitKind')} rules={[{ required: true }]}>
          <Select options={(['temp-branch', 'commando'] as const).map((k) => ({ value: k, label: t(`emergency.unitKind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('emergency.unitName')} rules={[{ required: true, whitespace: true, message: t('emergency.unitNameRequired') }, { max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="leaderName" label={t('emergency.unitLeader')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="members" label={t('emergency.unitMembers')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
