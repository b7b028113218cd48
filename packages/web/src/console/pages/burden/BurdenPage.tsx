// 基层减负 (SPEC §12): departments file admission requests (准入) checked against the admission and
// negative lists; the social work department decides and keeps the lists; communities receive
// admitted tasks, flag tasks received outside the process and fill forms pre-filled by the
// platform (一表通); the district reads the burden figures. Tabs follow /api/burden/meta.
import { useState, type ReactElement } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { freeFieldKey, type FormBinding } from '@gongzhi/domain';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { AreaChildren } from '../../../api/types.ts';
import * as api from '../../../api/burden.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

const STATE_COLOURS: Record<string, string> = { submitted: 'processing', returned: 'warning', admitted: 'success', refused: 'error', withdrawn: 'default' };
const VERDICT_COLOURS: Record<string, string> = { negative: 'red', listed: 'green', unlisted: 'orange' };
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
/** This month and the five before it (Beijing time), newest first. */
function lastMonths(): string[] {
  return Array.from({ length: 6 }, (_, i) => {
    const d = new Date(Date.now() + 8 * 3600_000);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - i);
    return d.toISOString().slice(0, 7);
  });
}

export default function BurdenPage() {
  const t = useT();
  const meta = useApi((s) => api.burdenMeta(s), []);
  const [params, setParams] = useSearchParams();
  if (meta.error) return <LoadError error={meta.error} onRetry={meta.reload} />;
  const m = meta.data;
  const can = (a: api.BurdenMeta['abilities'][number]) => !!m?.abilities.includes(a);
  const tabs = [
    can('burden.requests.read') && { key: 'requests', label: t('burden.tab.requests'), children: <RequestsTab meta={m!} /> },
    can('burden.inbox.read') && { key: 'inbox', label: t('burden.tab.inbox'), children: <InboxTab meta={m!} /> },
    can('burden.inbox.read') && { key: 'returns', label: t('burden.tab.returns'), children: <ReturnsTab /> },
    can('burden.forms.read') && { key: 'forms', label: t('burden.tab.forms'), children: <FormsTab meta={m!} /> },
    can('burden.figures.read') && { key: 'figures', label: t('burden.tab.figures'), children: <FiguresTab /> },
    can('burden.lists.read') && { key: 'lists', label: t('burden.tab.lists'), children: <ListsTab /> },
  ].filter((x): x is { key: string; label: string; children: ReactElement } => !!x);
  const active = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : tabs[0]?.key;
  return (
    <div className="gz-page" data-testid="burden-page">
      <PageHeader title={t('burden.pageTitle')} description={t('burden.pageDesc')} />
      {m && <Tabs activeKey={active} onChange={(k) => setParams({ tab: k })} items={tabs.map((x) => ({ ...x, label: <span data-testid={`burden-tab-${x.key}`}>{x.label}</span> }))} destroyOnHidden />}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function CommunityPicker({ value, onChange, known }: { value?: string[]; onChange?: (v: string[]) => void; known?: api.AreaRef[] }) {
  const t = useT();
  const me = useMe();
  const [town, setTown] = useState<string>();
  const towns = useApi((s) => get<AreaChildren>(`/api/areas/${me.scope.code}/children`, undefined, s), [me.scope.code]);
  const villages = useApi(town ? (s) => get<AreaChildren>(`/api/areas/${town}/children`, undefined, s) : null, [town]);
  const options = (villages.data?.items ?? []).map((v) => ({ value: v.code, label: v.name }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select style={{ minWidth: 200 }} placeholder={t('burden.req.town')} value={town} onChange={setTown} options={(towns.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))} data-testid="burden-town" aria-label={t('burden.req.town')} />
        <Button disabled={!options.length} onClick={() => onChange?.([...new Set([...(value ?? []), ...options.map((o) => o.value)])])} data-testid="burden-all-in-town">
          {t('burden.req.allInTown')}
        </Button>
      </Space>
      <Select
        mode="multiple"
        value={value}
        onChange={onChange}
        options={[...options, ...(value ?? []).filter((c) => !options.some((o) => o.value === c)).map((c) => ({ value: c, label: known?.find((k) => k.code === c)?.name ?? '…' }))]}
        optionFilterProp="label"
        data-testid="burden-areas"
        aria-label={t('burden.req.areas')}
        maxTagCount={8}
      />
    </Space>
  );
}

function CheckView({ check }: { check: api.Check }) {
  return (
    <Space direction="vertical" size={2}>
      <Tag color={VERDICT_COLOURS[check.verdict]} data-testid="burden-verdict">
        {check.verdictLabel}
      </Tag>
      {[...check.negative, ...check.admission].map((x) => (
        <Typography.Text key={x.entryId} type="secondary" style={{ fontSize: 12 }}>
          「{x.title}」{x.source}
        </Typography.Text>
      ))}
    </Space>
  );
}

function RequestsTab({ meta }: { meta: api.BurdenMeta }) {
  const t = useT();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [filing, setFiling] = useState(false);
  const [amending, setAmending] = useState<api.BurdenRequest | null>(null);
  const [deciding, setDeciding] = useState<{ r: api.BurdenRequest; action: 'refuse' | 'return' } | null>(null);
  const list = useApi((s) => api.listRequests({ page, pageSize: 10 }, s), [page]);
  const act = async (r: api.BurdenRequest, action: api.RequestAction, note?: string) => {
    try {
      await api.transitionRequest(r.id, { action, note });
      message.success(t('burden.action.done', { label: t(`burden.action.${action as 'admit'}`) }));
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const columns = [
    { title: t('burden.req.title'), key: 'title', render: (_: unknown, r: api.BurdenRequest) => <span data-testid="burden-request-title">{r.title}</span> },
    { title: t('burden.req.unit'), key: 'unit', width: 130, render: (_: unknown, r: api.BurdenRequest) => r.unit.name },
    { title: t('burden.req.kind'), dataIndex: 'kindLabel', key: 'kind', width: 100 },
    { title: t('burden.req.check'), key: 'check', width: 180, render: (_: unknown, r: api.BurdenRequest) => <Tag color={VERDICT_COLOURS[r.check.verdict]}>{r.check.verdictLabel.split('，')[0]}</Tag> },
    { title: t('burden.req.state'), key: 'state', width: 100, render: (_: unknown, r: api.BurdenRequest) => <Tag color={STATE_COLOURS[r.state]} data-testid="burden-request-state">{r.stateLabel}</Tag> },
    { title: t('burden.req.createdAt'), key: 'createdAt', width: 150, render: (_: unknown, r: api.BurdenRequest) => fmtTime(r.createdAt) },
    {
      title: '',
      key: 'actions',
      width: 240,
      render: (_: unknown, r: api.BurdenRequest) => (
        <Space wrap size={4}>
          {r.allowedActions.includes('admit') && (
            <Button size="small" type="primary" onClick={() => act(r, 'admit')} data-testid="burden-admit">
              {t('burden.action.admit')}
            </Button>
          )}
          {(['refuse', 'return'] as const)
            .filter((a) => r.allowedActions.includes(a))
            .map((a) => (
              <Button key={a} size="small" danger={a === 'refuse'} onClick={() => setDeciding({ r, action: a })} data-testid={`burden-${a}`}>
                {t(`burden.action.${a}`)}
              </Button>
            ))}
          {r.allowedActions.includes('resubmit') && (
            <Button size="small" type="primary" onClick={() => setAmending(r)}>
              {t('burden.action.resubmit')}
            </Button>
          )}
          {r.allowedActions.includes('withdraw') && (
            <Button size="small" onClick={() => act(r, 'withdraw')}>
              {t('burden.action.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      className="gz-card"
      size="small"
      extra={
        meta.abilities.includes('burden.requests.file') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="burden-file">
            {t('burden.req.new')}
          </Button>
        )
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<api.BurdenRequest>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 900 }}
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('burden.req.empty')} /> }}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('burden.req.description')}>{r.description}</Descriptions.Item>
                <Descriptions.Item label={t('burden.req.legalBasis')}>{r.legalBasis}</Descriptions.Item>
                <Descriptions.Item label={t('burden.req.support')}>{r.support ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('burden.req.hours')}>{r.workloadHours}</Descriptions.Item>
                <Descriptions.Item label={t('burden.req.days')}>{r.workingDays}</Descriptions.Item>
                <Descriptions.Item label={t('burden.req.areas')}>{r.areas.map((a) => a.name).join('、')}</Descriptions.Item>
                <Descriptions.Item label={t('burden.req.check')}>
                  <CheckView check={r.check} />
                </Descriptions.Item>
                <Descriptions.Item label={t('burden.req.decision')}>{r.decisionNote ?? '—'}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          data-testid="burden-requests"
        />
      )}
      <FileModal meta={meta} open={filing} onClose={() => setFiling(false)} onDone={list.reload} />
      {amending && <FileModal meta={meta} open amend={amending} onClose={() => setAmending(null)} onDone={list.reload} />}
      <NoteModal
        title={deciding ? t(`burden.action.${deciding.action}`) : ''}
        open={!!deciding}
        onClose={() => setDeciding(null)}
        onOk={async (note) => {
          if (deciding) await act(deciding.r, deciding.action, note);
          setDeciding(null);
        }}
      />
    </Card>
  );
}

function NoteModal({ title, open, onClose, onOk }: { title: string; open: boolean; onClose: () => void; onOk: (note: string) => Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal title={title} open={open} onCancel={onClose} onOk={() => form.validateFields().then((v) => onOk(v.note)).then(() => form.resetFields(), () => undefined)} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('burden.req.note')} rules={[{ required: true, whitespace: true, message: t('burden.req.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="burden-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const REQUEST_FIELDS = ['kind', 'title', 'description', 'legalBasis', 'support', 'workloadHours', 'workingDays', 'areaCodes'] as const;

/** Files a new request, or (with `amend`) amends a sent-back one and files it again. */
function FileModal({ meta, open, amend, onClose, onDone }: { meta: api.BurdenMeta; open: boolean; amend?: api.BurdenRequest; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<api.RequestInput>();
  const [check, setCheck] = useState<api.Check | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = async () => {
    const v = form.getFieldsValue();
    if (!v.title?.trim() || !v.kind) return;
    try {
      setCheck(await api.dryCheck({ kind: v.kind, title: v.title, description: v.description ?? '' }));
    } catch {
      setCheck(null);
    }
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const body = { ...v, support: v.support || undefined };
      const r = amend ? await api.transitionRequest(amend.id, { action: 'resubmit', amend: body }) : await api.fileRequest(body);
      message.success(`${t('burden.req.submitted')}：${r.stateLabel}`);
      form.resetFields();
      setCheck(null);
      onDone();
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, REQUEST_FIELDS);
    } finally {
      setBusy(false);
    }
  };
  const req = (field: string) => [{ required: true, whitespace: true, message: t('burden.required', { field }) }];
  return (
    <Modal title={amend ? t('burden.action.resubmit') : t('burden.req.new')} open={open} onCancel={onClose} onOk={submit} okText={t('burden.req.submit')} confirmLoading={busy} width={720} destroyOnHidden okButtonProps={{ 'data-testid': 'burden-file-ok' } as Record<string, string>}>
      <Form form={form} layout="vertical" initialValues={
          amend
            ? { kind: amend.kind, title: amend.title, description: amend.description, legalBasis: amend.legalBasis, support: amend.support ?? '', workloadHours: amend.workloadHours, workingDays: amend.workingDays, areaCodes: amend.areas.map((a) => a.code) }
            : { kind: 'task', workloadHours: 2, workingDays: 5 }
        } onValuesChange={(c) => ('title' in c || 'kind' in c || 'description' in c) && setCheck(null)}>
        <Form.Item name="title" label={t('burden.req.title')} rules={req(t('burden.req.title'))}>
          <Input maxLength={100} data-testid="burden-f-title" onBlur={preview} />
        </Form.Item>
        <Form.Item name="kind" label={t('burden.req.kind')} rules={[{ required: true }]}>
          <Select options={meta.requestKinds.map((k) => ({ value: k.code, label: k.label }))} data-testid="burden-f-kind" />
        </Form.Item>
        <Form.Item name="description" label={t('burden.req.description')} rules={req(t('burden.req.description'))}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="burden-f-description" onBlur={preview} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('burden.req.legalBasis')} rules={req(t('burden.req.legalBasis'))}>
          <Input maxLength={500} data-testid="burden-f-basis" />
        </Form.Item>
        <Form.Item name="support" label={t('burden.req.support')} extra={t('burden.req.supportHelp')}>
          <Input maxLength={500} data-testid="burden-f-support" />
        </Form.Item>
        <Space size={24} wrap>
          <Form.Item name="workloadHours" label={t('burden.req.hours')} rules={[{ required: true, message: t('burden.required', { field: t('burden.req.hours') }) }]}>
            <InputNumber min={0.5} max={200} step={0.5} data-testid="burden-f-hours" />
          </Form.Item>
          <Form.Item name="workingDays" label={t('burden.req.days')} rules={[{ required: true, message: t('burden.required', { field: t('burden.req.days') }) }]}>
            <InputNumber min={1} max={60} precision={0} data-testid="burden-f-days" />
          </Form.Item>
        </Space>
        <Form.Item name="areaCodes" label={t('burden.req.areas')} rules={[{ required: true, message: t('burden.required', { field: t('burden.req.areas') }) }]}>
          <CommunityPicker known={amend?.areas} />
        </Form.Item>
        <Button onClick={preview} data-testid="burden-preview">
          {t('burden.req.preview')}
        </Button>
        {amend?.decisionNote && <Alert style={{ marginTop: 8 }} type="warning" message={`${t('burden.req.decision')}：${amend.decisionNote}`} />}
        {check && (
          <Alert
            style={{ marginTop: 8 }}
            type={check.verdict === 'negative' ? 'error' : check.verdict === 'listed' ? 'success' : 'warning'}
            message={check.verdictLabel}
            description={check.refusal ?? [...check.admission].map((x) => `「${x.title}」${x.source}`).join('；')}
            data-testid="burden-preview-result"
          />
        )}
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

function InboxTab({ meta }: { meta: api.BurdenMeta }) {
  const t = useT();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [flagging, setFlagging] = useState(false);
  const list = useApi((s) => api.listTasks({ page, pageSize: 10 }, s), [page]);
  const act = meta.abilities.includes('burden.inbox.act');
  const due = (x: api.BurdenTask) =>
    x.workingDaysLeft === null ? '—' : x.workingDaysLeft >= 0 ? t('burden.task.left', { n: x.workingDaysLeft }) : t('burden.task.overdue', { n: -x.workingDaysLeft });
  return (
    <Card
      className="gz-card"
      size="small"
      extra={
        act && (
          <Button icon={<PlusOutlined />} onClick={() => setFlagging(true)} data-testid="burden-flag">
            {t('burden.flag.new')}
          </Button>
        )
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<api.BurdenTask>
          size="small"
          rowKey="id"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 860 }}
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('burden.task.empty')} /> }}
          columns={[
            { title: t('burden.task.title'), key: 'title', render: (_, x) => <span data-testid="burden-task-title">{x.title}</span> },
            { title: t('burden.task.area'), key: 'area', width: 140, render: (_, x) => x.area.name },
            { title: t('burden.task.unit'), key: 'unit', width: 140, render: (_, x) => x.unit?.name ?? '—' },
            { title: '', key: 'admitted', width: 100, render: (_, x) => (x.admitted ? <Tag color="green">{t('burden.task.admitted')}</Tag> : <Tag color="red">{t('burden.task.outside')}</Tag>) },
            { title: t('burden.task.due'), key: 'due', width: 150, render: (_, x) => (x.admitted ? due(x) : (x.channel ?? '—')) },
            { title: '', key: 'state', width: 90, render: (_, x) => <Tag>{t(x.state === 'open' ? 'burden.task.open' : 'burden.task.done')}</Tag> },
            {
              title: '',
              key: 'act',
              width: 90,
              render: (_, x) =>
                x.allowedActions.includes('done') && (
                  <Button
                    size="small"
                    onClick={async () => {
                      try {
                        await api.completeTask(x.id);
                        list.reload();
                      } catch (e) {
                        message.error(e instanceof Error ? e.message : String(e));
                      }
                    }}
                  >
                    {t('burden.task.finish')}
                  </Button>
                ),
            },
          ]}
          data-testid="burden-tasks"
        />
      )}
      <FlagModal meta={meta} open={flagging} onClose={() => setFlagging(false)} onDone={list.reload} />
    </Card>
  );
}

function FlagModal({ meta, open, onClose, onDone }: { meta: api.BurdenMeta; open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; unitId?: string; channel: string; note?: string }>();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.flagTask({ ...v, note: v.note || undefined });
      message.success(t('burden.flag.saved'));
      form.resetFields();
      onDone();
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['title', 'unitId', 'channel', 'note']);
    }
  };
  return (
    <Modal title={t('burden.flag.new')} open={open} onCancel={onClose} onOk={submit} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('burden.task.title')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.task.title') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="unitId" label={t('burden.task.unit')} extra={t('burden.flag.unknownUnit')}>
          <Select allowClear showSearch optionFilterProp="label" options={meta.departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('burden.flag.channel')} extra={t('burden.flag.channelHelp')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.flag.channel') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('burden.flag.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

function ReturnsTab() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApi((s) => api.listReturns({ page, pageSize: 10 }, s), [page]);
  return (
    <Card className="gz-card" size="small">
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<api.FormReturn>
          size="small"
          rowKey="id"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 760 }}
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('burden.ret.empty')} /> }}
          columns={[
            { title: t('burden.ret.form'), key: 'form', render: (_, x) => <span data-testid="burden-return-title">{x.form.title}</span> },
            { title: t('burden.task.unit'), key: 'unit', width: 140, render: (_, x) => x.form.unit.name },
            { title: t('burden.task.area'), key: 'area', width: 140, render: (_, x) => x.area.name },
            { title: t('burden.ret.period'), key: 'period', width: 90, render: (_, x) => x.form.period },
            { title: t('burden.ret.state'), key: 'state', width: 90, render: (_, x) => <Tag color={x.state === 'pending' ? 'processing' : 'success'}>{t(x.state === 'pending' ? 'burden.ret.pending' : 'burden.ret.submitted')}</Tag> },
            {
              title: '',
              key: 'act',
              width: 90,
              render: (_, x) => (
                <Button size="small" type={x.allowedActions.includes('submit') ? 'primary' : 'default'} onClick={() => setOpen(x.id)} data-testid="burden-return-open">
                  {t(x.allowedActions.includes('submit') ? 'burden.ret.fill' : 'burden.ret.view')}
                </Button>
              ),
            },
          ]}
          data-testid="burden-returns"
        />
      )}
      {open && <FillModal id={open} onClose={() => setOpen(null)} onDone={list.reload} />}
    </Card>
  );
}

function FillModal({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const r = useApi((s) => api.getReturn(id, s), [id]);
  const [form] = Form.useForm<Record<string, string>>();
  const x = r.data;
  const editable = !!x?.allowedActions.includes('submit');
  const open = (x?.fields ?? []).filter((f) => f.source === 'typed');
  const submit = async () => {
    if (!editable) return onClose();
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.submitReturn(id, Object.fromEntries(Object.entries(v).map(([k, val]) => [k, String(val ?? '')])));
      message.success(t('burden.ret.sent'));
      onDone();
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, open.map((f) => f.key));
    }
  };
  return (
    <Modal title={x?.form.title ?? ''} open onCancel={onClose} onOk={submit} okText={editable ? t('burden.ret.send') : undefined} width={640} okButtonProps={{ 'data-testid': 'burden-return-send' } as Record<string, string>}>
      {r.error && <LoadError error={r.error} onRetry={r.reload} />}
      {x?.fields && (
        <>
          <Alert type="info" style={{ marginBottom: 12 }} message={t('burden.ret.summary', { n: x.fields.length, p: x.fields.length - open.length, x: editable ? open.length : 0 })} data-testid="burden-return-summary" />
          <Form form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }}>
            {x.fields.map((f) =>
              f.source !== 'typed' || !editable ? (
                <Form.Item key={f.key} label={f.label}>
                  <Space>
                    <span data-testid={`burden-prefilled-${f.key}`}>{f.value ?? '—'}</span>
                    <Tag color={f.source === 'registry' ? 'blue' : f.source === 'reused' ? 'cyan' : 'default'}>{f.sourceLabel}</Tag>
                  </Space>
                </Form.Item>
              ) : (
                <Form.Item key={f.key} name={f.key} label={f.label} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: f.label }) }, ...(f.type === 'number' ? [{ pattern: /^-?\d+(\.\d+)?$/, message: f.label }] : [])]}>
                  <Input data-testid={`burden-fill-${f.label}`} inputMode={f.type === 'number' ? 'decimal' : undefined} />
                </Form.Item>
              ),
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

function FormsTab({ meta }: { meta: api.BurdenMeta }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [designing, setDesigning] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApi((s) => api.listForms({ page, pageSize: 10 }, s), [page]);
  return (
    <Card
      className="gz-card"
      size="small"
      extra={
        meta.abilities.includes('burden.forms.design') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDesigning(true)} data-testid="burden-design">
            {t('burden.form.new')}
          </Button>
        )
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<api.BurdenForm>
          size="small"
          rowKey="id"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 760 }}
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('burden.form.empty')} /> }}
          columns={[
            { title: t('burden.form.title'), key: 'title', render: (_, f) => <a onClick={() => setOpen(f.id)}>{f.title}</a> },
            { title: t('burden.task.unit'), key: 'unit', width: 140, render: (_, f) => f.unit.name },
            { title: t('burden.form.request'), key: 'request', width: 180, render: (_, f) => f.request?.title ?? '—' },
            { title: t('burden.ret.period'), dataIndex: 'period', key: 'period', width: 90 },
            { title: t('burden.ret.fields'), key: 'fields', width: 80, render: (_, f) => f.fields.length },
            { title: '', key: 'progress', width: 110, render: (_, f) => t('burden.form.progress', { s: f.submitted ?? 0, n: f.returns ?? f.areas.length }) },
            {
              title: '',
              key: 'export',
              width: 130,
              render: (_, f) => (
                <Button size="small" icon={<DownloadOutlined />} href={`/api/burden/forms/${f.id}/export`}>
                  {t('burden.form.export')}
                </Button>
              ),
            },
          ]}
          data-testid="burden-forms"
        />
      )}
      {designing && <DesignModal meta={meta} onClose={() => setDesigning(false)} onDone={list.reload} />}
      {open && <FormReturnsModal id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function DesignModal({ meta, onClose, onDone }: { meta: api.BurdenMeta; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ requestId: string; title: string; period: string; areaCodes: string[]; bound: FormBinding[]; free: { label: string; type: 'number' | 'text' }[] }>();
  // A form is work pushed down: it goes under an admitted request of the department, to the communities it named.
  const admitted = useApi((s) => api.listRequests({ state: 'admitted', pageSize: 100 }, s), []);
  const requestId = Form.useWatch('requestId', form);
  const chosen = admitted.data?.items.find((r) => r.id === requestId);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const fields: api.FormFieldDef[] = [
      ...(v.bound ?? []).map((b) => ({ key: b, label: meta.bindings.find((x) => x.code === b)!.label, type: 'number' as const, binding: b })),
      ...(v.free ?? []).filter((f) => f?.label?.trim()).map((f) => ({ key: freeFieldKey(f.label), label: f.label.trim(), type: f.type ?? 'number', binding: null })),
    ];
    if (!fields.length) return void message.error(t('burden.form.needOne'));
    try {
      await api.createForm({ requestId: v.requestId, title: v.title, period: v.period, areaCodes: v.areaCodes, fields });
      message.success(t('burden.form.sent'));
      onDone();
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['requestId', 'title', 'period', 'areaCodes']);
    }
  };
  return (
    <Modal title={t('burden.form.new')} open onCancel={onClose} onOk={submit} okText={t('burden.form.send')} width={720} okButtonProps={{ 'data-testid': 'burden-design-ok' } as Record<string, string>}>
      {admitted.data && admitted.data.items.length === 0 && <Alert type="warning" showIcon message={t('burden.form.noRequest')} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ period: thisMonth(), bound: [], free: [{ type: 'number' }] }}
        onValuesChange={(c) => {
          if ('requestId' in c) form.setFieldValue('areaCodes', admitted.data?.items.find((r) => r.id === c.requestId)?.areas.map((a) => a.code) ?? []);
        }}
      >
        <Form.Item name="requestId" label={t('burden.form.request')} extra={t('burden.form.requestHelp')} rules={[{ required: true, message: t('burden.required', { field: t('burden.form.request') }) }]}>
          <Select loading={admitted.loading} options={(admitted.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))} data-testid="burden-form-request" aria-label={t('burden.form.request')} />
        </Form.Item>
        <Form.Item name="title" label={t('burden.form.title')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.form.title') }) }]}>
          <Input maxLength={100} data-testid="burden-form-title" />
        </Form.Item>
        <Form.Item name="period" label={t('burden.form.period')} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('burden.form.period') }]}>
          <Input maxLength={7} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="bound" label={t('burden.form.bound')}>
          <Checkbox.Group options={meta.bindings.map((b) => ({ value: b.code, label: b.label }))} />
        </Form.Item>
        <Form.List name="free">
          {(items, { add, remove }) => (
            <Form.Item label={t('burden.form.free')}>
              {items.map((it) => (
                <Space key={it.key} align="baseline" wrap>
                  <Form.Item name={[it.name, 'label']} noStyle>
                    <Input placeholder={t('burden.form.freeLabel')} maxLength={60} style={{ width: 260 }} aria-label={t('burden.form.freeLabel')} />
                  </Form.Item>
                  <Form.Item name={[it.name, 'type']} noStyle>
                    <Select style={{ width: 100 }} aria-label={t('burden.form.freeType')} options={[{ value: 'number', label: t('burden.form.typeNumber') }, { value: 'text', label: t('burden.form.typeText') }]} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(it.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ type: 'number' })}>{t('burden.form.addField')}</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="areaCodes" label={t('burden.req.areas')} rules={[{ required: true, message: t('burden.required', { field: t('burden.req.areas') }) }]}>
          <Select mode="multiple" disabled={!chosen} options={(chosen?.areas ?? []).map((a) => ({ value: a.code, label: a.name }))} optionFilterProp="label" maxTagCount={8} data-testid="burden-form-areas" aria-label={t('burden.req.areas')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FormReturnsModal({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const f = useApi((s) => api.getForm(id, s), [id]);
  const form = f.data;
  return (
    <Modal title={form ? `${form.title}（${form.period}）` : ''} open onCancel={onClose} footer={null} width={900}>
      {f.error && <LoadError error={f.error} onRetry={f.reload} />}
      {form && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={form.items}
          columns={[
            { title: t('burden.task.area'), key: 'area', fixed: 'left', render: (_, x) => x.area.name },
            { title: t('burden.ret.state'), key: 'state', render: (_, x) => (x.state === 'submitted' ? t('burden.ret.submitted') : t('burden.ret.pending')) },
            ...form.fields.map((fd, i) => ({ title: fd.label, key: fd.key, render: (_: unknown, x: api.BurdenFormDetail['items'][number]) => (x.state === 'submitted' ? (x.values[i]?.value ?? '—') : '—') })),
          ]}
        />
      )}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

export function FiguresTable({ data }: { data: api.BurdenFigures }) {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text data-testid="burden-figures-totals">
        {t('burden.fig.totals', { a: data.totals.admitted, o: data.totals.outside, f: data.totals.forms, p: data.totals.prefilled, t: data.totals.typed, h: data.totals.hoursSaved })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('burden.fig.note', { m: data.minutesPerPrefilledField })}</Typography.Text>
      <Typography.Title level={5}>{t('burden.fig.byCommunity')}</Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.area.code}-${r.month}`}
        pagination={data.communities.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        dataSource={data.communities}
        locale={{ emptyText: t('burden.fig.empty') }}
        columns={[
          { title: t('burden.fig.month'), dataIndex: 'month', key: 'month' },
          { title: t('burden.fig.community'), key: 'area', render: (_, r) => r.area.name },
          { title: t('burden.fig.admitted'), dataIndex: 'admitted', key: 'admitted' },
          { title: t('burden.fig.outside'), dataIndex: 'outside', key: 'outside', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
          { title: t('burden.fig.forms'), dataIndex: 'forms', key: 'forms' },
          { title: t('burden.fig.prefilled'), dataIndex: 'prefilled', key: 'prefilled' },
          { title: t('burden.fig.typed'), dataIndex: 'typed', key: 'typed' },
          { title: t('burden.fig.refusedHours'), dataIndex: 'refusedHours', key: 'refusedHours' },
          { title: t('burden.fig.hours'), dataIndex: 'hoursSaved', key: 'hoursSaved' },
        ]}
        data-testid="burden-figures-communities"
      />
      <Typography.Title level={5}>{t('burden.fig.byDept')}</Typography.Title>
      <Table
        size="small"
        rowKey={(r) => r.unit.id}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.departments}
        locale={{ emptyText: t('burden.fig.empty') }}
        columns={[
          { title: t('burden.fig.dept'), key: 'unit', render: (_, r) => r.unit.name },
          { title: t('burden.fig.requested'), dataIndex: 'requested', key: 'requested' },
          { title: t('burden.fig.deptAdmitted'), dataIndex: 'admitted', key: 'admitted' },
          { title: t('burden.fig.refused'), dataIndex: 'refused', key: 'refused' },
          { title: t('burden.fig.pending'), dataIndex: 'pending', key: 'pending' },
          { title: t('burden.fig.flagged'), dataIndex: 'flagged', key: 'flagged', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
        ]}
        data-testid="burden-figures-departments"
      />
    </Space>
  );
}

function FiguresTab() {
  const t = useT();
  const [months] = useState(lastMonths);
  const [month, setMonth] = useState(months[0]!);
  const f = useApi((s) => api.burdenFigures({ from: month }, s), [month]);
  return (
    <Card className="gz-card" size="small" extra={<Select value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: m }))} aria-label={t('burden.fig.month')} style={{ width: 120 }} />}>
      {f.error ? <LoadError error={f.error} onRetry={f.reload} /> : f.data ? <FiguresTable data={f.data} /> : null}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------

function ListsTab() {
  const t = useT();
  const { message } = App.useApp();
  const list = useApi((s) => api.listEntries(s), []);
  // null: closed; 'new': a new entry; an entry: editing it.
  const [editing, setEditing] = useState<api.ListEntry | 'new' | null>(null);
  const [form] = Form.useForm<{ kind: 'admission' | 'negative'; title: string; keywords: string; source: string; active: boolean }>();
  const editable = !!list.data?.editable;
  const open = (e: api.ListEntry | 'new') => {
    form.resetFields();
    if (e !== 'new') form.setFieldsValue({ kind: e.kind, title: e.title, keywords: e.keywords.join('，'), source: e.source, active: e.active });
    setEditing(e);
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    const keywords = v.keywords.split(/[,，、\s]+/).filter(Boolean);
    try {
      if (editing === 'new') await api.createEntry({ kind: v.kind, title: v.title, keywords, source: v.source });
      else await api.updateEntry(editing.id, { title: v.title, keywords, source: v.source, active: v.active });
      message.success(t('burden.list.saved'));
      setEditing(null);
      list.reload();
    } catch (e) {
      applyServerErrors(form, e, message, ['kind', 'title', 'keywords', 'source']);
    }
  };
  const toggle = async (e: api.ListEntry) => {
    try {
      await api.updateEntry(e.id, { active: !e.active });
      list.reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Card
      className="gz-card"
      size="small"
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="burden-list-add">
            {t('burden.list.add')}
          </Button>
        )
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<api.ListEntry>
          size="small"
          rowKey="id"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('burden.list.empty')} /> }}
          columns={[
            { title: t('burden.list.kind'), key: 'kind', width: 130, render: (_, e) => <Tag color={e.kind === 'negative' ? 'red' : 'green'}>{e.kindLabel}</Tag> },
            { title: t('burden.list.title'), dataIndex: 'title', key: 'title', render: (title: string) => <span data-testid="burden-list-title">{title}</span> },
            { title: t('burden.list.keywords'), key: 'keywords', width: 180, render: (_, e) => <span data-testid="burden-list-keywords">{e.keywords.join('、')}</span> },
            { title: t('burden.list.source'), dataIndex: 'source', key: 'source', width: 260 },
            { title: t('burden.list.active'), key: 'active', width: 80, render: (_, e) => <span data-testid="burden-list-active">{e.active ? t('burden.list.on') : <Typography.Text type="secondary">{t('burden.list.off')}</Typography.Text>}</span> },
            ...(editable
              ? [
                  {
                    title: '',
                    key: 'act',
                    width: 130,
                    render: (_: unknown, e: api.ListEntry) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => open(e)} data-testid="burden-list-edit">
                          {t('burden.list.edit')}
                        </Button>
                        <Button size="small" onClick={() => toggle(e)}>
                          {t(e.active ? 'burden.list.disable' : 'burden.list.enable')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="burden-lists"
        />
      )}
      <Modal
        title={t(editing === 'new' ? 'burden.list.add' : 'burden.list.editTitle')}
        open={!!editing}
        onCancel={() => setEditing(null)}
        onOk={save}
        forceRender
        okButtonProps={{ 'data-testid': 'burden-list-ok' } as Record<string, string>}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'negative', active: true }}>
          <Form.Item name="kind" label={t('burden.list.kind')} extra={editing !== 'new' ? t('burden.list.kindFixed') : undefined}>
            <Select disabled={editing !== 'new'} options={[{ value: 'negative', label: t('burden.list.negative') }, { value: 'admission', label: t('burden.list.admission') }]} />
          </Form.Item>
          <Form.Item name="title" label={t('burden.list.title')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.list.title') }) }]}>
            <Input maxLength={100} data-testid="burden-list-f-title" />
          </Form.Item>
          <Form.Item name="keywords" label={t('burden.list.keywords')} extra={t('burden.list.keywordsHelp')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.list.keywords') }) }]}>
            <Input maxLength={200} data-testid="burden-list-f-keywords" />
          </Form.Item>
          <Form.Item name="source" label={t('burden.list.source')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.list.source') }) }]}>
            <Input.TextArea rows={2} maxLength={300} data-testid="burden-list-f-source" />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t('burden.list.active')} valuePropName="checked" extra={t('burden.list.activeHelp')}>
              <Switch checkedChildren={t('burden.list.on')} unCheckedChildren={t('burden.list.off')} data-testid="burden-list-f-active" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
