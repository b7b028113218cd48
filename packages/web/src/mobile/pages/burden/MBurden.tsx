// 基层减负 on the community worker's phone (docs/BURDEN.md): the tasks the community received, with
// their deadlines (admitted ones, and those it flagged as received outside the process), the forms
// sent to it pre-filled by the platform (一表通), filling only what the platform could not, and
// flagging a task that came outside the process. The same API as the console's /burden inbox.
import { useState } from 'react';
import { Button, Form, Input, List, NavBar, Picker, Popup, Tabs, Tag, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AuditOutlinedSvg from '@ant-design/icons-svg/es/asn/AuditOutlined';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import * as api from '../../../api/burden.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MEmpty, MListPage, MListState, MLoadMore } from '../../list.tsx';

const AuditOutlined = phoneIcon(AuditOutlinedSvg);

type Tab = 'tasks' | 'forms';

/** The home-screen tile: open tasks and forms waiting, for those with a community inbox. */
export function MBurdenEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const shown = can('burden.read');
  const meta = useApi(shown ? (s) => api.burdenMeta(s) : null, [shown]);
  const inbox = !!meta.data?.abilities.includes('burden.inbox.read');
  const tasks = useApi(inbox ? (s) => api.listTasks({ state: 'open', admitted: 'true', pageSize: 1 }, s) : null, [inbox]);
  const forms = useApi(inbox ? (s) => api.listReturns({ state: 'pending', pageSize: 1 }, s) : null, [inbox]);
  if (!inbox) return null;
  return (
    <div className="m-quick">
      <button type="button" className="m-quick-item" onClick={() => navigate('/m/burden')} data-testid="m-entry-burden">
        <span className="m-quick-icon m-quick-icon-blue">
          <AuditOutlined />
        </span>
        <span className="m-quick-title">{t('burden.m.title')}</span>
        <span className="m-quick-desc">{t('burden.m.waiting', { tasks: fmtNumber(tasks.data?.total ?? 0), forms: fmtNumber(forms.data?.total ?? 0) })}</span>
      </button>
    </div>
  );
}

/** `/m/burden`: received tasks and forms to fill. */
export function MBurden() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'forms' ? 'forms' : 'tasks';
  const meta = useApi((s) => api.burdenMeta(s), []);
  return (
    <MListPage testId="m-burden" title={t('burden.m.title')}>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })}>
        <Tabs.Tab title={<span data-testid="m-burden-tab-tasks">{t('burden.m.tasks')}</span>} key="tasks" />
        <Tabs.Tab title={<span data-testid="m-burden-tab-forms">{t('burden.m.forms')}</span>} key="forms" />
      </Tabs>
      {meta.error ? <MError error={meta.error} /> : !meta.data ? <MLoading /> : tab === 'tasks' ? <Tasks meta={meta.data} /> : <Forms />}
    </MListPage>
  );
}

function Tasks({ meta }: { meta: api.BurdenMeta }) {
  const t = useT();
  const [pages, setPages] = useState(1);
  const [open, setOpen] = useState<api.BurdenTask | null>(null);
  const [flagging, setFlagging] = useState(false);
  const list = useApi((s) => api.listTasks({ page: 1, pageSize: 20 * pages }, s), [pages]);
  const act = meta.abilities.includes('burden.inbox.act');
  const due = (x: api.BurdenTask) =>
    x.workingDaysLeft === null ? fmtDate(x.dueAt) : x.workingDaysLeft >= 0 ? t('burden.task.left', { n: x.workingDaysLeft }) : t('burden.task.overdue', { n: -x.workingDaysLeft });
  const items = list.data?.items ?? [];
  return (
    <>
      {act && (
        <div className="m-card">
          <Button block color="warning" fill="outline" onClick={() => setFlagging(true)} data-testid="m-burden-flag">
            {t('burden.flag.new')}
          </Button>
        </div>
      )}
      <MListState res={list} count={items.length} empty={<MEmpty block text={t('burden.task.empty')} />}>
        <List className="m-list" data-testid="m-burden-tasks">
          {items.map((x) => (
            <List.Item
              key={x.id}
              onClick={() => setOpen(x)}
              data-testid="m-burden-task"
              description={
                <span>
                  {x.unit?.name ?? t('burden.m.unknownUnit')}
                  {' · '}
                  {x.admitted ? <span data-testid="m-burden-task-due">{x.state === 'open' ? due(x) : t('burden.task.done')}</span> : (x.channel ?? '')}
                </span>
              }
              extra={x.admitted ? <Tag color={x.state === 'open' ? 'primary' : 'default'}>{t(x.state === 'open' ? 'burden.task.open' : 'burden.task.done')}</Tag> : <Tag color="danger">{t('burden.task.outside')}</Tag>}
            >
              <span className="m-wrap">{x.title}</span>
            </List.Item>
          ))}
          <MLoadMore shown={items.length} total={list.data?.total ?? 0} loading={list.loading} onMore={() => setPages((n) => n + 1)} />
        </List>
      </MListState>
      <TaskPopup
        task={open}
        due={open ? due(open) : ''}
        onClose={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          list.reload();
        }}
      />
      {flagging && (
        <FlagPopup
          meta={meta}
          onClose={() => setFlagging(false)}
          onDone={() => {
            setFlagging(false);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function TaskPopup({ task, due, onClose, onDone }: { task: api.BurdenTask | null; due: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  if (!task) return <Popup visible={false} />;
  const finish = async () => {
    setBusy(true);
    try {
      await api.completeTask(task.id);
      Toast.show({ icon: 'success', content: t('burden.m.finished') });
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 8, borderTopRightRadius: 8, padding: 12, maxHeight: '85vh', overflowY: 'auto' }}>
      <div className="m-card-title m-wrap" data-testid="m-burden-task-title">
        {task.title}
      </div>
      <List className="m-list">
        <List.Item extra={task.unit?.name ?? t('burden.m.unknownUnit')}>{t('burden.task.unit')}</List.Item>
        <List.Item extra={task.admitted ? t('burden.task.admitted') : t('burden.task.outside')}>{t('burden.m.how')}</List.Item>
        {task.admitted && <List.Item extra={`${fmtDate(task.dueAt)}（${task.state === 'open' ? due : t('burden.task.done')}）`}>{t('burden.task.due')}</List.Item>}
        {!task.admitted && task.channel && <List.Item extra={task.channel}>{t('burden.flag.channel')}</List.Item>}
        {task.note && <List.Item description={<span className="m-wrap">{task.note}</span>}>{t('burden.m.work')}</List.Item>}
      </List>
      {task.allowedActions.includes('done') && (
        <Button block color="primary" loading={busy} onClick={finish} data-testid="m-burden-task-done" style={{ marginTop: 12 }}>
          {t('burden.task.finish')}
        </Button>
      )}
    </Popup>
  );
}

function FlagPopup({ meta, onClose, onDone }: { meta: api.BurdenMeta; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ title: string; channel: string; note?: string }>();
  const [unit, setUnit] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await api.flagTask({ title: v.title, channel: v.channel, ...(unit ? { unitId: unit } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
      Toast.show({ icon: 'success', content: t('burden.flag.saved') });
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const unitName = meta.departments.find((d) => d.id === unit)?.name;
  return (
    <Popup visible onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 8, borderTopRightRadius: 8, padding: 12, maxHeight: '85vh', overflowY: 'auto' }}>
      <div className="m-card-title">{t('burden.flag.new')}</div>
      <Form
        form={form}
        layout="vertical"
        footer={
          <Button block color="primary" loading={busy} onClick={submit} data-testid="m-burden-flag-submit">
            {t('burden.m.flagSubmit')}
          </Button>
        }
      >
        <Form.Item name="title" label={t('burden.task.title')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.task.title') }) }]}>
          <Input maxLength={100} placeholder={t('burden.m.flagTitleHint')} data-testid="m-burden-flag-title" />
        </Form.Item>
        <Form.Item label={t('burden.task.unit')} help={t('burden.flag.unknownUnit')} onClick={() => setPicking(true)} arrowIcon>
          <span data-testid="m-burden-flag-unit">{unitName ?? t('burden.m.pickUnit')}</span>
        </Form.Item>
        <Form.Item name="channel" label={t('burden.flag.channel')} help={t('burden.flag.channelHelp')} rules={[{ required: true, whitespace: true, message: t('burden.required', { field: t('burden.flag.channel') }) }]}>
          <Input maxLength={60} data-testid="m-burden-flag-channel" />
        </Form.Item>
        <Form.Item name="note" label={t('burden.flag.note')}>
          <TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
      <Picker
        columns={[[{ value: '', label: t('burden.m.unknownUnit') }, ...meta.departments.map((d) => ({ value: d.id, label: d.name }))]]}
        visible={picking}
        value={[unit ?? '']}
        onClose={() => setPicking(false)}
        onConfirm={(v) => setUnit((v[0] as string) || null)}
      />
    </Popup>
  );
}

function Forms() {
  const t = useT();
  const navigate = useNavigate();
  const [pages, setPages] = useState(1);
  const list = useApi((s) => api.listReturns({ page: 1, pageSize: 20 * pages }, s), [pages]);
  const items = list.data?.items ?? [];
  return (
    <MListState res={list} count={items.length} empty={<MEmpty block text={t('burden.ret.empty')} />}>
      <List className="m-list" data-testid="m-burden-forms">
        {items.map((x) => (
          <List.Item
            key={x.id}
            onClick={() => navigate(`/m/burden/returns/${x.id}`)}
            data-testid="m-burden-form"
            description={`${x.form.unit.name} · ${t('burden.ret.period')} ${x.form.period}${x.form.dueOn ? ` · ${t('burden.m.dueOn', { d: x.form.dueOn })}` : ''}`}
            extra={<Tag color={x.state === 'pending' ? 'primary' : 'success'}>{t(x.state === 'pending' ? 'burden.ret.pending' : 'burden.ret.submitted')}</Tag>}
          >
            <span className="m-wrap">{x.form.title}</span>
          </List.Item>
        ))}
        <MLoadMore shown={items.length} total={list.data?.total ?? 0} loading={list.loading} onMore={() => setPages((n) => n + 1)} />
      </List>
    </MListState>
  );
}

/** `/m/burden/returns/:id`: the community's copy of a form; what the platform knows is shown, the rest typed. */
export function MBurdenReturn() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const r = useApi((s) => api.getReturn(id, s), [id]);
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const x = r.data;
  const editable = !!x?.allowedActions.includes('submit');
  const open = (x?.fields ?? []).filter((f) => f.source === 'typed');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await api.submitReturn(id, Object.fromEntries(open.map((f) => [f.key, String(v[f.key] ?? '').trim()])));
      Toast.show({ icon: 'success', content: t('burden.ret.sent') });
      navigate('/m/burden?tab=forms');
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-page" data-testid="m-burden-return">
      <NavBar onBack={() => navigate('/m/burden?tab=forms')} className="m-navbar">
        {t('burden.ret.form')}
      </NavBar>
      {r.error ? (
        <MError error={r.error} />
      ) : !x?.fields ? (
        <MLoading />
      ) : (
        <>
          <div className="m-card">
            <div className="m-card-title m-wrap">{x.form.title}</div>
            <div className="m-wrap">
              {x.form.unit.name} · {t('burden.ret.period')} {x.form.period}
            </div>
            <div className="m-wrap" data-testid="m-burden-return-summary">
              {t('burden.ret.summary', { n: x.fields.length, p: x.fields.length - open.length, x: editable ? open.length : 0 })}
            </div>
          </div>
          <List header={t('burden.m.prefilled')} className="m-list">
            {x.fields
              .filter((f) => f.source !== 'typed' || !editable)
              .map((f) => (
                <List.Item key={f.key} description={f.sourceLabel} extra={<span data-testid={`m-burden-prefilled-${f.key}`}>{f.value ?? '—'}</span>}>
                  <span className="m-wrap">{f.label}</span>
                </List.Item>
              ))}
          </List>
          {editable && open.length > 0 && (
            <Form
              form={form}
              layout="vertical"
              mode="card"
              footer={
                <Button block color="primary" loading={busy} onClick={submit} data-testid="m-burden-return-send">
                  {t('burden.ret.send')}
                </Button>
              }
            >
              <Form.Header>{t('burden.m.toFill')}</Form.Header>
              {open.map((f) => (
                <Form.Item
                  key={f.key}
                  name={f.key}
                  label={f.label}
                  rules={[{ required: true, whitespace: true, message: t('burden.required', { field: f.label }) }, ...(f.type === 'number' ? [{ pattern: /^-?\d+(\.\d+)?$/, message: t('burden.m.number', { field: f.label }) }] : [])]}
                >
                  <Input inputMode={f.type === 'number' ? 'decimal' : undefined} data-testid={`m-burden-fill-${f.key}`} />
                </Form.Item>
              ))}
            </Form>
          )}
          {editable && open.length === 0 && (
            <div className="m-card">
              <Button block color="primary" loading={busy} onClick={submit} data-testid="m-burden-return-send">
                {t('burden.ret.send')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
